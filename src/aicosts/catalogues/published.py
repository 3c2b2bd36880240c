r"""Published figures: every number from the sources that the site and the tests use.

- :func:`published_figures` -- the whole table as a DataFrame indexed by ``key``.
- :func:`published_figure` -- one value by its key.
- :data:`GRADES` -- the evidence grades: A (read in the primary source), B (secondary report),
  derived (our arithmetic on A/B values, shown in ``note``), assumed (our choice, labelled).

The table ships as ``aicosts/data/published_figures.csv`` and is read with
``importlib.resources`` (no network). Columns: ``key`` (stable id), ``value`` (float, in
``unit``), ``unit``, ``includes`` (what the figure counts), ``source`` (bibliography key),
``location`` (page/table/section), ``grade`` (A, B, derived or assumed) and ``note``. Tests of
published figures
read their expected values from here, so a figure is typed once.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from functools import lru_cache
from importlib.resources import files

import numpy as np
import pandas as pd

from aicosts._contract import frozen_mapping

__all__ = ["COLUMNS", "GRADES", "published_figure", "published_figures"]

#: Columns of the table, in order (``key`` becomes the index).
COLUMNS = ("key", "value", "unit", "includes", "source", "location", "grade", "note")
#: Evidence grades and their meaning.
GRADES: Mapping[str, str] = frozen_mapping(
    {
        "A": "read in the primary source",
        "B": "only in secondary reports quoting or copying the primary",
        "derived": "computed by aicosts from A/B values; the arithmetic is in the note",
        "assumed": "a choice of aicosts's (a reading, a round number), labelled as such wherever "
        "it is used",
    }
)


@lru_cache(maxsize=1)
def _load() -> pd.DataFrame:
    """Read and check the shipped CSV once."""
    resource = files("aicosts").joinpath("data", "published_figures.csv")
    with resource.open("r", encoding="utf-8") as fh:
        table = pd.read_csv(fh, dtype={c: str for c in COLUMNS if c != "value"})
    if tuple(table.columns) != COLUMNS:
        raise ValueError(
            f"published_figures.csv has columns {list(table.columns)}, expected {COLUMNS}"
        )
    table["note"] = table["note"].fillna("")
    dupes = table["key"][table["key"].duplicated()].tolist()
    if dupes:
        raise ValueError(f"published_figures.csv repeats keys {dupes}")
    bad = table.loc[~table["grade"].isin(list(GRADES)), "key"].tolist()
    if bad:
        raise ValueError(
            f"published_figures.csv has rows with a grade not in {list(GRADES)}: {bad}"
        )
    values = table["value"].to_numpy(dtype=np.float64)
    if not np.isfinite(values).all():
        raise ValueError("published_figures.csv has non-finite values")
    table["value"] = values
    return table.set_index("key")


def published_figures() -> pd.DataFrame:
    r"""Return all published figures aicosts uses, with unit, scope, source and grade.

    .. math:: \text{table} = \{(\mathrm{key}, \mathrm{value}, \mathrm{unit}, \ldots)\}

    Returns
    -------
    DataFrame
        Indexed by ``key`` [-]; columns ``value`` [float, in ``unit``], ``unit``,
        ``includes``, ``source``, ``location``, ``grade``, ``note`` [-]. A fresh copy each
        call.

    Notes
    -----
    Every value traces to a line of the project's ``sources.md`` [1]_. Money is nominal USD
    as published (Epoch AI's rows are 2023 USD).

    Examples
    --------
    >>> t = published_figures()
    >>> row = t.loc["deepseek_v3_total_gpu_hours"]
    >>> float(row["value"]), row["unit"], row["grade"]
    (2788000.0, 'GPU·h', 'A')

    References
    ----------
    .. [1] aicosts ``sources.md``: the published figures aicosts uses, with source keys
       and grades.
    """
    return _load().copy()


def published_figure(key: str) -> float:
    r"""Return one published figure's value, by key.

    .. math:: v = \text{table}[\mathrm{key}]

    Parameters
    ----------
    key : str
        Stable identifier, e.g. ``"deepseek_v3_total_usd"`` [-].

    Returns
    -------
    float
        The value, in the unit given in the table [unit of the row].

    Raises
    ------
    TypeError
        If ``key`` is not a string.
    ValueError
        If ``key`` is unknown; the message names it and suggests close keys.

    Notes
    -----
    See :func:`published_figures` for units, scope and sources [1]_.

    Examples
    --------
    DeepSeek-V3, Table 1: 2,788K GPU-hours, $5.576M [2]_:

    >>> published_figure("deepseek_v3_total_usd")
    5576000.0
    >>> published_figure("deepseek_v3_cost")
    Traceback (most recent call last):
    ...
    ValueError: unknown published figure 'deepseek_v3_cost'; close keys: ...

    References
    ----------
    .. [1] aicosts ``sources.md``.
    .. [2] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, Table 1
       (``deepseekv3``).
    """
    if not isinstance(key, str):
        raise TypeError(f"key must be a string, got {key!r}")
    table = _load()
    if key not in table.index:
        close = difflib.get_close_matches(key, table.index.tolist(), n=3, cutoff=0.5)
        hint = ", ".join(repr(k) for k in close) if close else "none"
        raise ValueError(f"unknown published figure {key!r}; close keys: {hint}")
    return float(table["value"].to_numpy()[table.index.get_loc(key)])
