r"""Fleet total cost of ownership: what owning and running a GPU fleet costs over some years.

- :func:`fleet_tco` -- capex (GPUs, the rest of the servers, cluster networking) and opex (power,
  hosting, staff) over a period, itemised, from GPU counts and the hardware catalogue.

Composes the formulas of :mod:`aicosts.formulas.costs` with the catalogue of
:mod:`aicosts.catalogues.hardware`; Epoch AI's constants (:mod:`aicosts.catalogues.epoch`) are the
defaults, the server overhead and server power factor per GPU type
(:func:`~aicosts.epoch_server_overhead`, :func:`~aicosts.epoch_server_power_factor`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd

from aicosts._contract import (
    COUNT,
    FRACTION,
    NONNEGATIVE,
    NONNEGATIVE_COUNT,
    POSITIVE,
    SHARE,
    at_least,
    checked,
    choice,
    scalar,
)
from aicosts.catalogues.epoch import (
    EPOCH_INTERCONNECT_SHARE,
    EPOCH_POWER_FRACTION_OF_TDP,
    EPOCH_PUE_OTHER,
    epoch_server_overhead,
    epoch_server_power_factor,
)
from aicosts.catalogues.hardware import GPU, get_gpu
from aicosts.formulas.costs import HOURS_PER_YEAR

__all__ = ["fleet_tco"]

_MONTHS_PER_YEAR = 12.0
_ONE_COUNT = scalar(COUNT)
_WATTS_PER_KW = 1000.0
_AT_LEAST_ONE = at_least(1.0)


def _resolve_prices(
    counts: Mapping[str, int],
    price: str,
    usd_per_gpu: Mapping[str, float] | None,
) -> tuple[list[GPU], list[float], list[float]]:
    """Resolve GPU names, counts and unit prices for :func:`fleet_tco`."""
    if not isinstance(counts, Mapping) or not counts:
        raise TypeError(
            f"gpu_counts must be a non-empty mapping of GPU name to count, got {counts!r}"
        )
    overrides: dict[str, float] = {}
    for name, value in (usd_per_gpu or {}).items():
        overrides[get_gpu(name).name] = float(POSITIVE.check(f"usd_per_gpu[{name!r}]", value))
    gpus: list[GPU] = []
    n: list[float] = []
    p: list[float] = []
    for name, count in counts.items():
        gpu = get_gpu(name)
        if gpu in gpus:
            raise ValueError(f"gpu_counts names {gpu.name!r} twice (as {name!r})")
        gpus.append(gpu)
        n.append(_ONE_COUNT.number(f"gpu_counts[{name!r}]", count))
        default = {"low": gpu.usd_price_low, "central": gpu.usd_price, "high": gpu.usd_price_high}
        p.append(overrides.get(gpu.name, default[price]))
    unused = set(overrides) - {g.name for g in gpus}
    if unused:
        raise ValueError(f"usd_per_gpu prices GPUs not in gpu_counts: {sorted(unused)!r}")
    return gpus, n, p


def _per_gpu(
    gpus: list[GPU],
    name: str,
    overrides: Mapping[str, float] | None,
    epoch: Callable[[GPU], float],
) -> list[float]:
    """Epoch's value of a per-GPU-type assumption for each GPU, with overrides by name [-]."""
    if overrides is not None and not isinstance(overrides, Mapping):
        raise TypeError(f"{name} must be a mapping of GPU name to value, got {overrides!r}")
    given: dict[str, float] = {}
    for key, value in (overrides or {}).items():
        given[get_gpu(key).name] = float(_AT_LEAST_ONE.check(f"{name}[{key!r}]", value))
    unused = set(given) - {g.name for g in gpus}
    if unused:
        raise ValueError(f"{name} names GPUs not in gpu_counts: {sorted(unused)!r}")
    return [given.get(g.name, epoch(g)) for g in gpus]


@checked(
    years=scalar(POSITIVE),
    usd_per_kwh=scalar(POSITIVE),
    usd_per_kw_month=scalar(NONNEGATIVE),
    staff_headcount=scalar(NONNEGATIVE_COUNT),
    usd_per_staff_year=scalar(POSITIVE),
    price=choice("low", "central", "high"),
    interconnect_share=scalar(SHARE),
    power_fraction_of_tdp=scalar(FRACTION),
    pue=scalar(at_least(1.0)),
)
def fleet_tco(
    gpu_counts: Mapping[str, int],
    *,
    years: float,
    usd_per_kwh: float,
    usd_per_kw_month: float,
    staff_headcount: int,
    usd_per_staff_year: float,
    price: str = "central",
    usd_per_gpu: Mapping[str, float] | None = None,
    server_overhead: Mapping[str, float] | None = None,
    interconnect_share: float = EPOCH_INTERCONNECT_SHARE,
    power_fraction_of_tdp: float = EPOCH_POWER_FRACTION_OF_TDP,
    pue: float = EPOCH_PUE_OTHER,
    server_power_factor: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    r"""Total cost of owning and running a GPU fleet for a number of years, itemised.

    .. math::

        \mathrm{TCO} = \underbrace{\textstyle\sum_g n_g p_g o_g / (1 - s)}_{\text{capex}}
          + \underbrace{E \, e + P_\mathrm{IT} \cdot 12\,T\,h + n_S \, w \, T}_{\text{opex}},
        \quad E = \textstyle\sum_g n_g \frac{W_g}{1000} s_{P,g} \, f \, \mathrm{PUE} \cdot 8766\,T

    Parameters
    ----------
    gpu_counts : Mapping[str, int]
        GPU name (any spelling :func:`~aicosts.catalogues.hardware.get_gpu` accepts) → count [GPU].
    years : float
        Period, :math:`T` [yr]; capex is counted once, opex for every year.
    usd_per_kwh : float
        Electricity price, :math:`e` [USD/kWh]; no default.
    usd_per_kw_month : float
        Hosting price on provisioned IT power, :math:`h` ≥ 0 [USD/(kW·month)]; no default
        (pass 0 to leave hosting out, and say so).
    staff_headcount : int
        People, :math:`n_S` ≥ 0 [person]; no default.
    usd_per_staff_year : float
        Cost per person-year, :math:`w` [USD/(person·yr)]; no default.
    price : {"low", "central", "high"}, optional
        Which catalogue price to use for each GPU [-]; default ``"central"``.
    usd_per_gpu : Mapping[str, float], optional
        Per-GPU price overrides, name → price [USD/GPU].
    server_overhead : Mapping[str, float], optional
        Server cost ÷ GPU cost by GPU name, :math:`o_g` ≥ 1 [-]; a GPU not named takes Epoch's
        value for its catalogue price (:func:`~aicosts.epoch_server_overhead`: 1 for a
        per-GPU share of a server such as the H100's, 1.64 for a bare Hopper price).
    interconnect_share : float, optional
        Networking share of cluster cost, :math:`s`, in [0, 1) [-]; default 0.19 (Epoch).
    power_fraction_of_tdp : float, optional
        Average draw ÷ TDP, :math:`f` [-]; default 0.75 (Epoch).
    pue : float, optional
        Power usage effectiveness ≥ 1 [-]; default 1.25 (Epoch, non-hyperscaler).
    server_power_factor : Mapping[str, float], optional
        Server power per GPU ÷ GPU TDP by GPU name, :math:`s_{P,g}` ≥ 1 [-]; a GPU not named
        takes Epoch's value (:func:`~aicosts.epoch_server_power_factor`: H100 ≈ 1.82, others
        1.8).

    Returns
    -------
    DataFrame
        Indexed by ``item``: one row per GPU type (``"GPUs: <name>"``), ``"servers (non-GPU
        parts)"``, ``"cluster networking"``, ``"power"``, ``"hosting"``, ``"staff"`` and
        ``"total"``. Columns: ``category`` (``"capex"``, ``"opex"`` or ``"total"``),
        ``quantity`` and ``unit`` (GPU; USD of GPUs; USD of servers; kWh; kW·month;
        person·yr), ``usd_per_unit`` [USD per unit] and ``usd`` [USD].

    Notes
    -----
    Includes purchase of GPUs, servers and networking (once, not depreciated: this is cash
    over the period), electricity at average draw, hosting on provisioned power (TDP ×
    server power factor) and staff. Excludes buildings bought outright, financing, software,
    data, and resale value. Inputs are scalars: this builds a table; use the per-item
    formulas (:func:`acquisition_cost`, :func:`energy_cost`, :func:`hosting_cost`,
    :func:`staff_cost`) to sweep parameters. Constants are Epoch AI's [1]_, per GPU type:
    the servers row sums :math:`n_g p_g (o_g - 1)` over the types (its ``usd_per_unit`` is
    the GPU-weighted mean of :math:`o_g - 1`), so a price that already is a server share adds
    no server cost; a ``usd_per_gpu`` override is taken to be of the catalogue price's kind.

    Examples
    --------
    SemiAnalysis's fleet [2]_ (H20 count unverified) at catalogue prices: the H100's price is a
    DGX share (no server added), the H800 and H20 prices bare GPUs (× 1.64):

    >>> tco = fleet_tco({"H800": 10_000, "H100": 10_000, "H20": 30_000}, years=4,
    ...                 usd_per_kwh=0.0806, usd_per_kw_month=0,
    ...                 staff_headcount=150, usd_per_staff_year=1.3e6)
    >>> float(tco.loc[tco.index.str.startswith(("GPUs", "servers")), "usd"].sum())
    1482220000.0

    References
    ----------
    .. [1] B. Cottier et al., "The rising costs of training frontier AI models",
       arXiv:2405.21015, 2024, method constants (``cottier2024``).
    .. [2] D. Patel et al., "DeepSeek Debates", SemiAnalysis, 31 Jan 2025, as reported in
       the press (``semianalysis2025``).
    """
    gpus, counts, prices = _resolve_prices(gpu_counts, price, usd_per_gpu)

    n = np.array(counts)
    p = np.array(prices)
    tdp = np.array([g.tdp_watts for g in gpus])
    overhead = np.array(_per_gpu(gpus, "server_overhead", server_overhead, epoch_server_overhead))
    power_factor = np.array(
        _per_gpu(gpus, "server_power_factor", server_power_factor, epoch_server_power_factor)
    )
    gpu_usd = n * p
    gpu_total = float(gpu_usd.sum())
    servers = float((gpu_usd * (overhead - 1.0)).sum())
    server_capex = gpu_total + servers
    networking = server_capex * interconnect_share / (1.0 - interconnect_share)
    it_kw = float((n * tdp / _WATTS_PER_KW * power_factor).sum())
    kwh = it_kw * power_fraction_of_tdp * pue * HOURS_PER_YEAR * years
    kw_months = it_kw * _MONTHS_PER_YEAR * years
    person_years = staff_headcount * years

    rows: list[tuple[str, str, float, str, float, float]] = [
        (f"GPUs: {g.name}", "capex", c, "GPU", pr, c * pr)
        for g, c, pr in zip(gpus, counts, prices, strict=True)
    ]
    rows += [
        (
            "servers (non-GPU parts)",
            "capex",
            gpu_total,
            "USD of GPUs",
            servers / gpu_total,
            servers,
        ),
        (
            "cluster networking",
            "capex",
            server_capex,
            "USD of servers",
            interconnect_share / (1.0 - interconnect_share),
            networking,
        ),
        ("power", "opex", kwh, "kWh", usd_per_kwh, kwh * usd_per_kwh),
        (
            "hosting",
            "opex",
            kw_months,
            "kW·month",
            usd_per_kw_month,
            kw_months * usd_per_kw_month,
        ),
        (
            "staff",
            "opex",
            person_years,
            "person·yr",
            usd_per_staff_year,
            person_years * usd_per_staff_year,
        ),
    ]
    total = sum(r[5] for r in rows)
    rows.append(("total", "total", np.nan, "", np.nan, total))
    frame = pd.DataFrame(
        rows, columns=["item", "category", "quantity", "unit", "usd_per_unit", "usd"]
    )
    return frame.set_index("item")
