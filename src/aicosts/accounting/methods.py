r"""The same run under every accounting method, side by side.

- :func:`cost_by_method` -- one row per method (final-run rental, amortized ownership,
  development, and with a fleet breakdown the fleet's capex and opex), each with what it includes
  and excludes.

Composes :mod:`aicosts.formulas.costs`; Epoch AI's assumptions for the GPU
(:func:`~aicosts.epoch_ownership`) are the defaults of the ownership assumptions.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from aicosts._contract import (
    FRACTION,
    NONNEGATIVE,
    NONNEGATIVE_COUNT,
    POSITIVE,
    SHARE,
    as_float,
    at_least,
    checked,
    frozen_mapping,
    scalar,
)
from aicosts.catalogues.epoch import epoch_ownership
from aicosts.catalogues.hardware import GPU, get_gpu
from aicosts.formulas.costs import amortized_ownership_cost, development_cost, rental_cost

__all__ = ["METHODS", "cost_by_method"]

#: What each accounting method includes and excludes, by method name.
METHODS: Mapping[str, tuple[str, str]] = frozen_mapping(
    {
        "final-run rental": (
            "GPU-hours of the final run × rental price",
            "research and ablation runs, staff, ownership, data",
        ),
        "amortized ownership": (
            "share of GPU + server + network value used during the final run, and its energy",
            "research and ablation runs, idle fleet time, staff, buildings, financing",
        ),
        "development": (
            "final-run rental × research multiplier, plus staff × salary × years",
            "fleet capacity not used for this model, non-model business costs",
        ),
        "fleet capex": (
            "purchase of all fleet GPUs, servers and networking",
            "opex; the share of the fleet used by other work (trading, inference, research)",
        ),
        "fleet opex": (
            "fleet power, hosting and staff over the period",
            "capex; how the fleet's time is split between projects",
        ),
    }
)


@checked(
    gpu_hours=scalar(POSITIVE),
    usd_per_gpu_hour=scalar(POSITIVE),
    gpu=(str, GPU),
    usd_per_kwh=scalar(POSITIVE),
    research_multiplier=scalar(at_least(1.0)),
    staff_headcount=scalar(NONNEGATIVE_COUNT),
    usd_per_staff_year=scalar(POSITIVE),
    staff_years=scalar(POSITIVE),
    server_overhead=scalar(at_least(1.0), optional=True),
    interconnect_share=scalar(SHARE, optional=True),
    life_years=scalar(POSITIVE, optional=True),
    power_fraction_of_tdp=scalar(FRACTION, optional=True),
    pue=scalar(at_least(1.0), optional=True),
    server_power_factor=scalar(at_least(1.0), optional=True),
)
def cost_by_method(
    gpu_hours: float,
    usd_per_gpu_hour: float,
    *,
    gpu: str | GPU,
    usd_per_kwh: float,
    research_multiplier: float,
    staff_headcount: int,
    usd_per_staff_year: float,
    staff_years: float,
    fleet: pd.DataFrame | None = None,
    server_overhead: float | None = None,
    interconnect_share: float | None = None,
    life_years: float | None = None,
    power_fraction_of_tdp: float | None = None,
    pue: float | None = None,
    server_power_factor: float | None = None,
) -> pd.DataFrame:
    r"""Cost of the same model under each accounting method, side by side.

    .. math:: C_\mathrm{rental} = H p, \quad C_\mathrm{own}, \quad
              C_D = m \, C_\mathrm{rental} + n \, w \, T, \quad
              C_\mathrm{capex}, \quad C_\mathrm{opex}

    Parameters
    ----------
    gpu_hours : float
        GPU-hours of the final run, :math:`H` [GPU·h].
    usd_per_gpu_hour : float
        Rental price, :math:`p` [USD/(GPU·h)].
    gpu : str or GPU
        Accelerator, for its price and TDP (central catalogue price) [-].
    usd_per_kwh : float
        Electricity price [USD/kWh].
    research_multiplier : float
        Total compute ÷ final-run compute, :math:`m` ≥ 1 [-].
    staff_headcount : int
        People, :math:`n` [person].
    usd_per_staff_year : float
        Cost per person-year, :math:`w` [USD/(person·yr)].
    staff_years : float
        Project duration, :math:`T` [yr].
    fleet : DataFrame, optional
        A :func:`fleet_tco` breakdown [USD]; adds the ``"fleet capex"`` and ``"fleet opex"``
        rows.
    server_overhead : float, optional
        Server cost ÷ GPU cost ≥ 1 [-]; default (``None``) Epoch's value for this GPU's price,
        :func:`~aicosts.epoch_server_overhead`: 1 for a per-GPU share of a server, 1.64 for a
        bare Hopper price.
    interconnect_share : float, optional
        Networking share of cluster cost, in [0, 1) [-]; default 0.19 (Epoch).
    life_years : float, optional
        Write-off period [yr]; default ≈ 3.10 (Epoch's depreciation rate).
    power_fraction_of_tdp : float, optional
        Average draw ÷ TDP [-]; default 0.75 (Epoch).
    pue : float, optional
        Power usage effectiveness ≥ 1 [-]; default 1.25 (Epoch, non-hyperscaler).
    server_power_factor : float, optional
        Server power per GPU ÷ GPU TDP ≥ 1 [-]; default (``None``) Epoch's value for this GPU,
        :func:`~aicosts.epoch_server_power_factor` (H100 ≈ 1.82, H800 1.8).

    Returns
    -------
    DataFrame
        One row per method: ``method`` [-], ``usd`` [USD], ``includes`` [-], ``excludes``
        [-]. Rows: final-run rental, amortized ownership, development, and (with ``fleet``)
        fleet capex and fleet opex.

    Notes
    -----
    A thin layer over :func:`rental_cost`, :func:`amortized_ownership_cost`,
    :func:`development_cost` and :func:`fleet_tco`; the development row is built on the
    rental figure. The five numbers answer five different questions and must not be
    compared as if they measured the same thing [1]_ [2]_. Every ownership assumption left
    ``None`` takes Epoch AI's value for the GPU (:func:`~aicosts.epoch_ownership`), so a price
    that already is a server share is not multiplied by a server overhead again.

    Examples
    --------
    DeepSeek-V3's final run [1]_, first row = the headline $5.576M:

    >>> t = cost_by_method(2.788e6, 2.0, gpu="H800", usd_per_kwh=0.0806,
    ...                    research_multiplier=4, staff_headcount=150,
    ...                    usd_per_staff_year=1.3e6, staff_years=1)
    >>> float(t.loc[0, "usd"])
    5576000.0

    The amortized row is Epoch's method for the H800 (a bare GPU price: overhead 1.64, server
    power 1.8 × TDP):

    >>> round(float(t.loc[1, "usd"]) / 1e6, 2)
    7.28

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, Table 1
       (``deepseekv3``).
    .. [2] B. Cottier et al., "The rising costs of training frontier AI models",
       arXiv:2405.21015, 2024 (``cottier2024``).
    """
    g = gpu if isinstance(gpu, GPU) else get_gpu(gpu)
    rental = as_float(rental_cost(gpu_hours, usd_per_gpu_hour))
    given = {
        "server_overhead": server_overhead,
        "interconnect_share": interconnect_share,
        "life_years": life_years,
        "power_fraction_of_tdp": power_fraction_of_tdp,
        "pue": pue,
        "server_power_factor": server_power_factor,
    }
    ownership = {
        name: value if given[name] is None else given[name]
        for name, value in epoch_ownership(g).items()
    }
    owned = as_float(
        amortized_ownership_cost(gpu_hours, g.usd_price, g.tdp_watts, usd_per_kwh, **ownership)
    )
    dev = as_float(
        development_cost(
            rental,
            research_multiplier=research_multiplier,
            staff_headcount=staff_headcount,
            usd_per_staff_year=usd_per_staff_year,
            years=staff_years,
        )
    )
    values: dict[str, float] = {
        "final-run rental": rental,
        "amortized ownership": owned,
        "development": dev,
    }
    if fleet is not None:
        if not isinstance(fleet, pd.DataFrame) or not {"category", "usd"} <= set(fleet.columns):
            raise TypeError("fleet must be a DataFrame returned by fleet_tco")
        for category in ("capex", "opex"):
            usd = fleet.loc[fleet["category"] == category, "usd"]
            checked_usd = NONNEGATIVE.check(f"fleet {category} usd", usd)
            values[f"fleet {category}"] = float(checked_usd.sum())
    return pd.DataFrame(
        [
            {
                "method": m,
                "usd": v,
                "includes": METHODS[m][0],
                "excludes": METHODS[m][1],
            }
            for m, v in values.items()
        ]
    )
