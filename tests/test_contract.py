"""Input checks shared by every formula: the cases a single module's tests do not reach."""

from __future__ import annotations

import pandas as pd
import pytest

import aicosts
from aicosts.cases import deepseek_fleet


def test_series_on_different_indexes_are_refused() -> None:
    # Elements are combined by position, so label-misaligned Series would pair the wrong rows.
    hours = pd.Series([1.0, 2.0], index=["a", "b"])
    price = pd.Series([1.0, 2.0], index=["b", "a"])
    with pytest.raises(ValueError, match="different indexes"):
        aicosts.rental_cost(hours, price)


def test_series_on_the_same_index_keep_it() -> None:
    hours = pd.Series([1.0, 2.0], index=["a", "b"])
    price = pd.Series([3.0, 4.0], index=["a", "b"])
    out = aicosts.rental_cost(hours, price)
    assert isinstance(out, pd.Series)
    assert list(out.index) == ["a", "b"]
    assert list(out) == [3.0, 8.0]


@pytest.mark.parametrize(
    "keyword",
    ["usd_per_kwh", "research_multiplier", "usd_per_staff_year", "staff_years", "pue"],
)
def test_cost_by_method_names_a_non_scalar_keyword(keyword: str) -> None:
    kwargs: dict[str, object] = {
        "gpu": "H800",
        "usd_per_kwh": 0.08,
        "research_multiplier": 2.0,
        "staff_headcount": 10,
        "usd_per_staff_year": 1e5,
        "staff_years": 1.0,
    }
    kwargs[keyword] = [1.1, 1.2]
    with pytest.raises((TypeError, ValueError), match=keyword):
        aicosts.cost_by_method(2.788e6, 2.0, **kwargs)  # type: ignore[arg-type]


def test_fleet_scenario_refuses_a_period_no_headcount_can_fit() -> None:
    # Power alone over a century exceeds the reported $944M: no staff count reproduces it.
    with pytest.raises(ValueError, match="years=100"):
        deepseek_fleet.semianalysis_fleet_scenario(years=100)
