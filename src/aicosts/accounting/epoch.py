r"""Epoch AI's three cost methods for one training run, as Epoch's code computes them.

Reproduces, from Epoch's own inputs, the rows of ``model_costs.csv`` in Epoch AI's repository
``epoch-research/training-cost-trends`` (commit e13599f, ``epochcode2025``): amortised hardware +
energy, hardware acquisition and cloud rental, in December-2024 dollars.

- :class:`EpochTrainingRun` -- a run's inputs as Epoch's data row and price table give them.
- :class:`PriceIndexMonth` -- the month whose dollars a result is expressed in.
- :data:`EPOCH_RUNS` -- GPT-4, Llama 3.1-405B, Gemini 1.0 Ultra, and DeepSeek-V3 under an
  assumed 'H800' price alias, built from the figures table.
- :data:`EPOCH_DOLLARS_DEC_2024` -- the target month of ``model_costs.csv``.
- :func:`epoch_cost_table` -- every intermediate of the three methods, one row per quantity.
- :func:`epoch_costs` -- the three totals.

Epoch's rules, applied here exactly as its code does (file and line in each figure's row):

* the **server overhead** (1.66 A100, 1.69 V100, 1.54 P100, 1.64 any other chip) multiplies
  only a *single-unit* price, and every TPU-equivalent price; a per-GPU share of a DGX/HGX
  server, and a price row with no label, are used as they are;
* the price is **depreciated** by 0.14 orders of magnitude a year from the acquisition date
  (a GPU: the later of the price date and release + 90 days; a TPU: its release) to the training
  start (publication − training hours − 60 days, with special dates for GPT-4 and Gemini; a GPU's
  start is never before its acquisition), counting whole days ÷ 365.25;
* **energy** = TDP × chip-to-server power factor × average draw (0.75 GPU, 0.43 TPU) × PUE (1.1
  if the organisation is Google, DeepMind, Microsoft, Amazon, Meta or Facebook, else 1.25) ×
  GPU-hours × the electricity price of the **publication** year;
* **GPU-hours**: the amortised method uses the chip-hours field if there is one, else chips ×
  hours, else FLOP ÷ (peak × MFU, 0.375 if unknown); the cloud method always uses chips × hours;
* the **interconnect** (19% of cluster cost) is added to the hardware, not to the energy;
* costs are converted from the publication month to the target month by the producer price
  index PCU518210518210.

Epoch's price *picker* (the earliest 'DGX' row among rows whose name contains the chip's alias,
whatever the model's date) and its cloud-vendor search are not re-run here: each run carries the
price the picker returns, with its kind and date, from the figures table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType

import numpy as np
import pandas as pd

from aicosts._contract import (
    COUNT,
    FRACTION,
    POSITIVE,
    FloatOrArray,
    choice,
    frozen_mapping,
    scalar,
)
from aicosts.catalogues.epoch import (
    EIA_US_INDUSTRIAL_USD_PER_KWH_2023,
    EPOCH_DEFAULT_MFU,
    EPOCH_INTERCONNECT_SHARE,
    EPOCH_POWER_FRACTION_OF_TDP,
    EPOCH_PRICE_PERFORMANCE_OOM_PER_YEAR,
    EPOCH_PUE_HYPERSCALER,
    EPOCH_PUE_OTHER,
)
from aicosts.catalogues.published import published_figure, published_figures
from aicosts.formulas.compute import gpu_hours_for_flop, gpu_hours_for_wall_clock
from aicosts.formulas.costs import acquisition_cost, energy_cost, rental_cost
from aicosts.formulas.ownership import (
    DAYS_PER_YEAR,
    depreciated_value,
    depreciation_cost,
    inflation_adjusted_cost,
    interconnect_cost,
)

__all__ = [
    "EPOCH_DOLLARS_DEC_2024",
    "EPOCH_RUNS",
    "EpochTrainingRun",
    "PriceIndexMonth",
    "epoch_cost_table",
    "epoch_costs",
]

#: Kinds of purchase price. Epoch's code multiplies a price by the server overhead only if its
#: row's Notes say "single-unit" (prices.py line 397), and always for TPU-equivalent prices.
PRICE_KINDS = ("single-unit", "server share", "unlabelled", "TPU equivalent")
_OVERHEAD_APPLIES = frozenset({"single-unit", "TPU equivalent"})
_PRICE_KIND = choice(*PRICE_KINDS)
#: Organisation names Epoch's code treats as hyperscalers (PUE 1.1), matched as lower-case
#: substrings (energy.py line 19).
HYPERSCALERS = ("google", "deepmind", "microsoft", "amazon", "meta", "facebook")
_METHODS = ("amortized hardware + energy", "hardware acquisition", "cloud rental")


@dataclass(frozen=True)
class PriceIndexMonth:
    r"""A month and its value of Epoch's price index (FRED PCU518210518210).

    Parameters
    ----------
    month : str
        The month, ``"YYYY-MM"`` [-].
    price_index : float
        The index value of that month [index].

    Examples
    --------
    >>> EPOCH_DOLLARS_DEC_2024
    PriceIndexMonth(month='2024-12', price_index=119.349)
    """

    month: str
    price_index: float

    def __post_init__(self) -> None:
        """Check the month reads as YYYY-MM and the index is a positive number."""
        try:
            dt.datetime.strptime(self.month, "%Y-%m")
        except (TypeError, ValueError):
            raise ValueError(f"month must read 'YYYY-MM', got {self.month!r}") from None
        object.__setattr__(
            self, "price_index", scalar(POSITIVE).check("price_index", self.price_index)
        )


@dataclass(frozen=True)
class EpochTrainingRun:
    r"""One training run's inputs, as Epoch AI's data row, chip table and price table give them.

    Parameters
    ----------
    name : str
        The model [-].
    organization : str
        Developer, as Epoch's data names it; decides the PUE [-].
    publication_date : datetime.date
        Publication date [date].
    hardware : str
        Epoch's 'Training hardware' name, e.g. ``"NVIDIA H100 SXM5 80GB"``; decides the server
        overhead, the power factors and whether the chip is a TPU [-].
    num_gpus : int
        'Hardware quantity' [GPU].
    tdp_watts : float
        TDP of one chip in Epoch's chip table [W].
    release_date : datetime.date
        Release date of the chip in Epoch's chip table [date].
    usd_per_gpu : float
        The purchase price Epoch's picker returns, as listed (before any overhead) [USD/GPU].
    price_kind : str
        ``"single-unit"`` (a bare GPU: the overhead applies), ``"server share"`` (a per-GPU share
        of a DGX/HGX server), ``"unlabelled"`` (a row whose Notes say neither: Epoch applies no
        overhead) or ``"TPU equivalent"`` (the overhead always applies) [-].
    price_date : datetime.date or None
        Date of the price row; ``None`` for a TPU-equivalent price [date].
    price_index_publication : float
        Epoch's price index in the publication month [index].
    wall_clock_hours : float or None, optional
        'Training time (hours)'; ``None`` if the row has none [h].
    gpu_hours : float or None, optional
        'Training chip-hours'; ``None`` if the row has none [GPU·h].
    usd_per_gpu_hour : float or None, optional
        The 3-year-commitment cloud price Epoch's vendor search returns; ``None`` if it finds
        none [USD/(GPU·h)].
    training_start : datetime.date or None, optional
        A start date Epoch's code sets by hand (Gemini 1.0 Ultra) [date].
    training_end : datetime.date or None, optional
        An end date Epoch's code sets by hand (GPT-4); the start is then this − training hours
        [date].
    flop : float or None, optional
        Training compute, for GPU-hours when neither chip-hours nor chips × hours exist [FLOP].
    peak_flop_per_s : float or None, optional
        Peak of one chip, with ``flop`` [FLOP/s].
    mfu : float or None, optional
        'Hardware utilization'; Epoch's 0.375 when ``None`` [-].
    sources : Mapping[str, str], optional
        Field name → where the value comes from (a figure key, or an assumption) [-].

    Examples
    --------
    >>> run = EPOCH_RUNS["GPT-4"]
    >>> run.hardware, run.usd_per_gpu, run.price_kind
    ('NVIDIA A100 SXM4 40 GB', 24875.0, 'server share')
    """

    name: str
    organization: str
    publication_date: dt.date
    hardware: str
    num_gpus: int
    tdp_watts: float
    release_date: dt.date
    usd_per_gpu: float
    price_kind: str
    price_date: dt.date | None
    price_index_publication: float
    wall_clock_hours: float | None = None
    gpu_hours: float | None = None
    usd_per_gpu_hour: float | None = None
    training_start: dt.date | None = None
    training_end: dt.date | None = None
    flop: float | None = None
    peak_flop_per_s: float | None = None
    mfu: float | None = None
    sources: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)

    def __post_init__(self) -> None:
        """Check every field's kind and domain, and freeze ``sources``."""
        for name in ("name", "organization", "hardware"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                raise TypeError(f"{name} must be a non-empty string, got {value!r}")
        object.__setattr__(self, "price_kind", _PRICE_KIND.check("price_kind", self.price_kind))
        dates = ("publication_date", "release_date", "price_date", "training_start", "training_end")
        for name in dates:
            value = getattr(self, name)
            optional = name not in ("publication_date", "release_date")
            if not (isinstance(value, dt.date) or (optional and value is None)):
                raise TypeError(f"{name} must be a datetime.date, got {value!r}")
        if (self.price_date is None) != (self.price_kind == "TPU equivalent"):
            raise ValueError("price_date is None exactly when price_kind is 'TPU equivalent'")
        if ("TPU" in self.hardware) != (self.price_kind == "TPU equivalent"):
            raise ValueError("price_kind is 'TPU equivalent' exactly when hardware is a TPU")
        numbers = {"num_gpus": scalar(COUNT), "mfu": scalar(FRACTION, optional=True)}
        for f in fields(self):
            if f.type in ("float", "int", "float | None"):
                decl = numbers.get(f.name, scalar(POSITIVE, optional=f.type == "float | None"))
                checked = decl.check(f.name, getattr(self, f.name))
                object.__setattr__(self, f.name, checked)
        object.__setattr__(self, "num_gpus", int(self.num_gpus))
        object.__setattr__(self, "sources", MappingProxyType(dict(self.sources)))

    @property
    def is_tpu(self) -> bool:
        """Whether Epoch's code treats the chip as a TPU ('TPU' in its name)."""
        return "TPU" in self.hardware


# --- Epoch's rules ------------------------------------------------------------------------------


def _server_overhead(hardware: str) -> tuple[float, str]:
    """Epoch's server cost ÷ GPU cost for a chip name (hardware.py lines 106-118)."""
    for alias in ("A100", "V100", "P100"):
        if alias in hardware:
            return published_figure(f"epoch_server_overhead_{alias.lower()}"), alias
    return published_figure("epoch_server_overhead_other"), "any other chip"


def _server_power_factor(hardware: str) -> tuple[float, str]:
    """Epoch's chip-to-server power multiplier for a chip name (energy.py lines 66-126)."""
    if "TPU" in hardware:
        if any(v in hardware for v in ("v1", "v2", "v3")):
            raise ValueError(f"Epoch's power factor for {hardware!r} is not in the figures table")
        return published_figure("epoch_server_power_factor_tpu"), "TPU after v3"
    for alias in ("H100", "A100", "V100"):
        if alias in hardware:
            return published_figure(f"epoch_server_power_factor_{alias.lower()}"), alias
    return published_figure("epoch_server_power_factor_other_gpu"), "any other GPU"


def _usd_per_kwh(year: int) -> float:
    """Epoch's electricity price for a publication year (energy.py lines 129-154)."""
    keys = {
        2023: EIA_US_INDUSTRIAL_USD_PER_KWH_2023,
        2024: published_figure("epoch_usd_per_kwh_2024"),
    }
    if year not in keys:
        raise ValueError(f"Epoch's electricity price for {year} is not in the figures table")
    return keys[year]


def _number(value: FloatOrArray) -> float:
    """Return a formula's scalar result as a float."""
    return float(np.asarray(value))


def _midnight(day: dt.date) -> dt.datetime:
    """Return a date as a datetime at 00:00 (a datetime as it is)."""
    return day if isinstance(day, dt.datetime) else dt.datetime.combine(day, dt.time())


def _days(key: str) -> dt.timedelta:
    """Return a figure in days as a timedelta."""
    return dt.timedelta(days=published_figure(key))


def _training_start(run: EpochTrainingRun) -> tuple[dt.datetime, str]:
    """Epoch's training start (prices.py lines 96-146); hours are truncated to whole hours."""
    if run.training_start is not None:
        return _midnight(run.training_start), "set by Epoch's code for this model"
    if run.training_end is not None:
        if run.wall_clock_hours is None:
            raise ValueError(f"{run.name}: training_end needs wall_clock_hours")
        hours = int(run.wall_clock_hours)
        start = _midnight(run.training_end) - dt.timedelta(hours=hours)
        return start, f"{run.training_end} (set by Epoch's code) − {hours} h"
    if run.wall_clock_hours is None:
        duration = _days("epoch_median_training_days")
        how = f"{published_figure('epoch_median_training_days'):g} d (Epoch's median)"
    else:
        duration = dt.timedelta(hours=int(run.wall_clock_hours))
        how = f"{int(run.wall_clock_hours)} h"
    buffer = published_figure("epoch_publication_buffer_days")
    start = _midnight(run.publication_date) - (duration + _days("epoch_publication_buffer_days"))
    return start, f"publication {run.publication_date} − {how} − {buffer:g} d"


def _acquisition_date(run: EpochTrainingRun) -> tuple[dt.datetime, str]:
    """When Epoch's code takes the hardware to have been bought (prices.py lines 379-395)."""
    if run.price_date is None:
        return _midnight(run.release_date), f"the chip's release {run.release_date}"
    earliest = _midnight(run.release_date) + _days("epoch_release_buffer_days")
    if _midnight(run.price_date) < earliest:
        return earliest, f"release {run.release_date} + 90 d (price dated {run.price_date})"
    return _midnight(run.price_date), f"the price date {run.price_date}"


def _amortized_gpu_hours(run: EpochTrainingRun) -> tuple[float, str]:
    """Epoch's chip-hours for the amortised method (cost.py lines 14-35)."""
    if run.gpu_hours is not None:
        return run.gpu_hours, "the row's chip-hours field"
    if run.wall_clock_hours is not None:
        hours = _number(gpu_hours_for_wall_clock(run.wall_clock_hours, run.num_gpus))
        return hours, f"chips × hours: {run.num_gpus:,} × {run.wall_clock_hours:,g}"
    if run.flop is None or run.peak_flop_per_s is None:
        raise ValueError(f"{run.name}: no chip-hours, training hours, or FLOP and peak")
    mfu = EPOCH_DEFAULT_MFU if run.mfu is None else run.mfu
    hours = _number(gpu_hours_for_flop(run.flop, run.peak_flop_per_s, mfu))
    return hours, f"FLOP ÷ (peak × MFU {mfu:g}) ÷ 3600"


# --- the table ---------------------------------------------------------------------------------


@dataclass
class _Rows:
    """The rows of one method of the table."""

    method: str
    rows: list[dict[str, object]] = field(default_factory=list)

    def add(self, quantity: str, value: float, unit: str, basis: str) -> float:
        """Append a row and return its value."""
        self.rows.append(
            {
                "method": self.method,
                "quantity": quantity,
                "value": value,
                "unit": unit,
                "basis": basis,
            }
        )
        return value


def _adjust(out: _Rows, nominal: float, run: EpochTrainingRun, dollars: PriceIndexMonth) -> None:
    """Append the inflation factor and the cost in the target month's dollars."""
    month = run.publication_date.strftime("%Y-%m")
    factor = dollars.price_index / run.price_index_publication
    ratio = f"{dollars.price_index:g} / {run.price_index_publication:g}"
    out.add(
        "inflation factor", factor, "-", f"PPI PCU518210518210 {dollars.month} ÷ {month}: {ratio}"
    )
    adjusted = _number(
        inflation_adjusted_cost(nominal, run.price_index_publication, dollars.price_index)
    )
    out.add(f"cost, {dollars.month} USD", adjusted, "USD", "nominal cost × inflation factor")


def epoch_cost_table(run: EpochTrainingRun, dollars: PriceIndexMonth) -> pd.DataFrame:
    r"""Epoch AI's three cost methods for one run, with every intermediate, one row per quantity.

    .. math::

        C_\mathrm{amortised} &= H \, v \, \frac{r \ln 10}{8766} \cdot \frac{1}{1 - s}
            + H \, \frac{W}{1000} \, s_P \, f \, \mathrm{PUE} \, e, \quad
            v = p \, o \, 10^{-r t} \\
        C_\mathrm{acquisition} &= \frac{n \, p \, o}{1 - s}, \qquad
        C_\mathrm{cloud} = n \, t_\mathrm{train} \, p_\mathrm{cloud}

    each × :math:`I_\mathrm{target} / I_\mathrm{publication}`.

    Parameters
    ----------
    run : EpochTrainingRun
        The run's inputs [-].
    dollars : PriceIndexMonth
        The month whose dollars the costs are given in [-].

    Returns
    -------
    DataFrame
        Columns ``method`` [-], ``quantity`` [-], ``value`` [``unit``], ``unit`` [-] and
        ``basis`` (the rule or source that gives the value) [-]. The methods are "amortized
        hardware + energy", "hardware acquisition" and, when the run has a cloud price and
        training hours, "cloud rental"; each ends with its nominal cost, the inflation factor
        and the cost in ``dollars``.

    Notes
    -----
    Composes :func:`~aicosts.depreciated_value`, :func:`~aicosts.depreciation_cost`,
    :func:`~aicosts.interconnect_cost`, :func:`~aicosts.energy_cost`,
    :func:`~aicosts.acquisition_cost`, :func:`~aicosts.rental_cost`,
    :func:`~aicosts.gpu_hours_for_wall_clock` and :func:`~aicosts.inflation_adjusted_cost` with
    Epoch's constants from the figures table. Epoch's code computes no cloud cost without
    training hours, and none for a fine-tune (not modelled here).

    Examples
    --------
    >>> t = epoch_cost_table(EPOCH_RUNS["Llama 3.1-405B"], EPOCH_DOLLARS_DEC_2024)
    >>> row = t[t["quantity"] == "server overhead applied"].iloc[0]
    >>> float(row["value"])
    1.0
    >>> print(row["basis"])
    a per-GPU share of a server: no overhead (Epoch applies 1.64 only to single-unit prices)
    """
    if not isinstance(run, EpochTrainingRun):
        raise TypeError(f"run must be an EpochTrainingRun, got {type(run).__name__}")
    if not isinstance(dollars, PriceIndexMonth):
        raise TypeError(f"dollars must be a PriceIndexMonth, got {type(dollars).__name__}")
    share = EPOCH_INTERCONNECT_SHARE
    rate = EPOCH_PRICE_PERFORMANCE_OOM_PER_YEAR

    # The price, the same for the amortised and the acquisition method.
    price = _Rows("inputs")
    dated = f", dated {run.price_date}" if run.price_date else ""
    source = run.sources.get("usd_per_gpu", "")
    price.add(
        "purchase price listed", run.usd_per_gpu, "USD/GPU", f"{run.price_kind}{dated}; {source}"
    )
    overhead, which = _server_overhead(run.hardware)
    if run.price_kind in _OVERHEAD_APPLIES:
        why = f"{run.price_kind} price × Epoch's overhead for {which}"
    else:
        overhead, why = (
            1.0,
            f"a per-GPU share of a server: no overhead (Epoch applies {overhead:g} only "
            "to single-unit prices)",
        )
        if run.price_kind == "unlabelled":
            why = "a price row labelled neither single-unit nor DGX: Epoch applies no overhead"
    price.add("server overhead applied", overhead, "-", why)
    usd_per_gpu = price.add(
        "price used", run.usd_per_gpu * overhead, "USD/GPU", "listed × overhead"
    )

    # Method 1: amortised hardware + energy.
    am = _Rows(_METHODS[0])
    acquired, acquired_how = _acquisition_date(run)
    start, start_how = _training_start(run)
    if not run.is_tpu and start < acquired:
        start, start_how = (
            acquired,
            f"{start_how}, moved to the acquisition date (a GPU run cannot start before it)",
        )
    days = (start - acquired).days
    years = am.add(
        "depreciation years",
        days / DAYS_PER_YEAR,
        "yr",
        f"{days} whole days ÷ 365.25, from acquisition {acquired:%Y-%m-%d} ({acquired_how}) "
        f"to training start {start:%Y-%m-%d %H:%M} ({start_how})",
    )
    am.add("price-performance trend", rate, "OOM/yr", "Epoch's depreciation rate")
    value = am.add(
        "value at training start",
        _number(depreciated_value(usd_per_gpu, years, rate)),
        "USD/GPU",
        "price used × 10^(−0.14 × years)",
    )
    gpu_hours, hours_how = _amortized_gpu_hours(run)
    am.add("GPU-hours", gpu_hours, "GPU·h", hours_how)
    hardware = am.add(
        "hardware depreciation",
        _number(depreciation_cost(gpu_hours, value, rate)),
        "USD",
        "GPU-hours × value × 0.14 ln 10 ÷ 8766 h",
    )
    network = am.add(
        "interconnect",
        _number(interconnect_cost(hardware, share)),
        "USD",
        f"hardware × {share:g} / (1 − {share:g}), not on energy",
    )
    power_factor, power_which = _server_power_factor(run.hardware)
    fraction = (
        published_figure("epoch_power_fraction_of_tdp_tpu")
        if run.is_tpu
        else EPOCH_POWER_FRACTION_OF_TDP
    )
    hyperscaler = any(h in run.organization.lower() for h in HYPERSCALERS)
    pue = EPOCH_PUE_HYPERSCALER if hyperscaler else EPOCH_PUE_OTHER
    usd_per_kwh = _usd_per_kwh(run.publication_date.year)
    am.add("TDP", run.tdp_watts, "W", f"Epoch's chip table, {run.hardware}")
    am.add(
        "server power factor", power_factor, "-", f"Epoch's chip-to-server factor for {power_which}"
    )
    am.add(
        "power fraction of TDP",
        fraction,
        "-",
        "Epoch's average draw, " + ("TPU" if run.is_tpu else "GPU"),
    )
    kind = "a hyperscaler" if hyperscaler else "not a hyperscaler"
    am.add("PUE", pue, "-", f"{run.organization!r} is {kind} in Epoch's list")
    am.add(
        "electricity price",
        usd_per_kwh,
        "USD/kWh",
        f"Epoch's price for the publication year {run.publication_date.year}",
    )
    energy = am.add(
        "energy",
        _number(
            energy_cost(
                gpu_hours,
                run.tdp_watts,
                usd_per_kwh,
                power_fraction_of_tdp=fraction,
                pue=pue,
                server_power_factor=power_factor,
            )
        ),
        "USD",
        "GPU-hours × TDP × server power factor × fraction × PUE × price",
    )
    nominal = am.add(
        "cost, nominal", hardware + network + energy, "USD", "hardware + interconnect + energy"
    )
    _adjust(am, nominal, run, dollars)

    # Method 2: hardware acquisition.
    aq = _Rows(_METHODS[1])
    aq.add("GPUs", run.num_gpus, "GPU", "'Hardware quantity'")
    aq.add("interconnect share", share, "-", "of total cluster cost")
    nominal = aq.add(
        "cost, nominal",
        _number(
            acquisition_cost(
                run.num_gpus, usd_per_gpu, server_overhead=1.0, interconnect_share=share
            )
        ),
        "USD",
        "GPUs × price used ÷ (1 − share); no depreciation, hours or energy",
    )
    _adjust(aq, nominal, run, dollars)

    # Method 3: cloud rental, only with a cloud price and training hours.
    tables = [price, am, aq]
    if run.usd_per_gpu_hour is not None and run.wall_clock_hours is not None:
        cl = _Rows(_METHODS[2])
        rent = cl.add(
            "rental price",
            run.usd_per_gpu_hour,
            "USD/(GPU·h)",
            run.sources.get("usd_per_gpu_hour", ""),
        )
        cloud_hours = cl.add(
            "GPU-hours",
            _number(gpu_hours_for_wall_clock(run.wall_clock_hours, run.num_gpus)),
            "GPU·h",
            "chips × hours (Epoch's cloud method ignores the chip-hours field)",
        )
        nominal = cl.add(
            "cost, nominal",
            _number(rental_cost(cloud_hours, rent)),
            "USD",
            "GPU-hours × rental price",
        )
        _adjust(cl, nominal, run, dollars)
        tables.append(cl)
    return pd.DataFrame([row for t in tables for row in t.rows])


def epoch_costs(run: EpochTrainingRun, dollars: PriceIndexMonth) -> pd.Series[float]:
    r"""Epoch AI's costs of one run by its three methods, in the dollars of one month.

    .. math:: C_m \cdot I_\mathrm{target} / I_\mathrm{publication}, \quad
              m \in \{\text{amortised}, \text{acquisition}, \text{cloud}\}

    Parameters
    ----------
    run : EpochTrainingRun
        The run's inputs [-].
    dollars : PriceIndexMonth
        The month whose dollars the costs are given in [-].

    Returns
    -------
    Series
        Cost by method (the last row of each method of :func:`epoch_cost_table`), named after
        the run [USD of ``dollars.month``].

    Examples
    --------
    GPT-4, as in ``model_costs.csv`` line 25 (December-2024 USD):

    >>> costs = epoch_costs(EPOCH_RUNS["GPT-4"], EPOCH_DOLLARS_DEC_2024)
    >>> for method, usd in costs.items():
    ...     print(f"{method:28} ${usd:,.2f}")
    amortized hardware + energy  $40,695,706.40
    hardware acquisition         $778,066,898.67
    cloud rental                 $78,562,016.88
    """
    table = epoch_cost_table(run, dollars)
    final = table[table["quantity"] == f"cost, {dollars.month} USD"]
    return pd.Series(
        final["value"].to_numpy(dtype=float), index=list(final["method"]), name=run.name
    )


# --- Epoch's runs, from the figures table ------------------------------------------------------


def _figure_date(key: str) -> dt.date:
    """Read a date stored in the figures table as the number YYYYMMDD."""
    value = published_figure(key)
    if not value.is_integer():
        raise ValueError(f"published figure {key!r} is not a YYYYMMDD date: {value!r}")
    number = int(value)
    return dt.date(number // 10_000, number // 100 % 100, number % 100)


def _located(key: str) -> str:
    """Return a figure's key and location, as the source of a run's field."""
    return f"{key}: {published_figures().loc[key, 'location']!s}"


#: The month ``model_costs.csv`` (commit e13599f) expresses its costs in: December 2024.
EPOCH_DOLLARS_DEC_2024 = PriceIndexMonth("2024-12", published_figure("ppi_pcu518210518210_2024_12"))

_A100 = {
    "hardware": "NVIDIA A100 SXM4 40 GB",
    "tdp_watts": published_figure("epoch_a100_sxm4_40gb_tdp_watts"),
    "release_date": _figure_date("epoch_a100_sxm4_40gb_release_date"),
    "usd_per_gpu": published_figure("epoch_dgx_a100_usd_per_gpu"),
    "price_kind": "server share",
    "price_date": _figure_date("epoch_dgx_a100_price_date"),
}
_H100 = {
    "hardware": "NVIDIA H100 SXM5 80GB",
    "tdp_watts": published_figure("epoch_h100_sxm5_tdp_watts"),
    "release_date": _figure_date("epoch_h100_sxm5_release_date"),
    "usd_per_gpu": published_figure("epoch_dgx_h100_usd_per_gpu"),
    "price_kind": "server share",
    "price_date": _figure_date("epoch_dgx_h100_price_date"),
}

#: Epoch's runs, by model. DeepSeek-V3 assumes what Epoch's code lacks, an 'H800' price alias:
#: the earliest DGX H800 row would then be picked (Epoch's code itself prices nothing for it).
EPOCH_RUNS: Mapping[str, EpochTrainingRun] = frozen_mapping(
    {
        "GPT-4": EpochTrainingRun(
            name="GPT-4",
            organization="OpenAI",
            publication_date=_figure_date("epoch_gpt4_publication_date"),
            num_gpus=int(published_figure("epoch_gpt4_gpus")),
            wall_clock_hours=published_figure("epoch_gpt4_training_hours"),
            gpu_hours=published_figure("epoch_gpt4_chip_hours"),
            training_end=_figure_date("epoch_gpt4_training_end_date"),
            usd_per_gpu_hour=published_figure("epoch_a100_azure_3yr_usd_per_gpu_hour"),
            price_index_publication=published_figure("ppi_pcu518210518210_2023_03"),
            sources={
                "usd_per_gpu": _located("epoch_dgx_a100_usd_per_gpu"),
                "usd_per_gpu_hour": _located("epoch_a100_azure_3yr_usd_per_gpu_hour"),
            },
            **_A100,  # type: ignore[arg-type]
        ),
        "Llama 3.1-405B": EpochTrainingRun(
            name="Llama 3.1-405B",
            organization="Meta AI",
            publication_date=_figure_date("epoch_llama31_405b_publication_date"),
            num_gpus=int(published_figure("epoch_llama31_405b_gpus")),
            wall_clock_hours=published_figure("epoch_llama31_405b_training_hours"),
            usd_per_gpu_hour=published_figure("h100_rental_google_3yr_usd_per_gpu_hour"),
            price_index_publication=published_figure("ppi_pcu518210518210_2024_07"),
            sources={
                "usd_per_gpu": _located("epoch_dgx_h100_usd_per_gpu"),
                "usd_per_gpu_hour": "h100_rental_google_3yr_usd_per_gpu_hour: Google Cloud "
                "3-year commitment, 2025-03-17 (Hardware prices.csv line 599)",
            },
            **_H100,  # type: ignore[arg-type]
        ),
        "Gemini 1.0 Ultra": EpochTrainingRun(
            name="Gemini 1.0 Ultra",
            organization="Google DeepMind",
            publication_date=_figure_date("epoch_gemini_ultra_publication_date"),
            hardware="Google TPU v4",
            num_gpus=int(published_figure("epoch_gemini_ultra_gpus")),
            tdp_watts=published_figure("epoch_tpu_v4_tdp_watts"),
            release_date=_figure_date("epoch_tpu_v4_release_date"),
            usd_per_gpu=published_figure("epoch_tpu_v4_usd"),
            price_kind="TPU equivalent",
            price_date=None,
            wall_clock_hours=published_figure("epoch_gemini_ultra_training_hours"),
            gpu_hours=published_figure("epoch_gemini_ultra_chip_hours"),
            training_start=_figure_date("epoch_gemini_ultra_training_start_date"),
            usd_per_gpu_hour=published_figure("epoch_tpu_v4_google_3yr_usd_per_chip_hour"),
            price_index_publication=published_figure("ppi_pcu518210518210_2023_12"),
            sources={
                "usd_per_gpu": _located("epoch_tpu_v4_usd"),
                "usd_per_gpu_hour": _located("epoch_tpu_v4_google_3yr_usd_per_chip_hour"),
            },
        ),
        "DeepSeek-V3 (assumed H800 alias)": EpochTrainingRun(
            name="DeepSeek-V3 (assumed H800 alias)",
            organization="DeepSeek",
            publication_date=_figure_date("epoch_deepseek_v3_publication_date"),
            hardware="NVIDIA H800 SXM5",
            # Epoch's row has the values of DeepSeek's report: 2048 GPUs, 2,788,000 GPU-hours.
            num_gpus=int(published_figure("deepseek_v3_cluster_gpus")),
            gpu_hours=published_figure("deepseek_v3_total_gpu_hours"),
            tdp_watts=published_figure("epoch_h800_sxm5_tdp_watts"),
            release_date=_figure_date("epoch_h800_sxm5_release_date"),
            usd_per_gpu=published_figure("epoch_dgx_h800_usd_per_gpu"),
            price_kind="server share",
            price_date=_figure_date("epoch_dgx_h800_price_date"),
            price_index_publication=published_figure("ppi_pcu518210518210_2024_12"),
            sources={
                "usd_per_gpu": "assumed: the row an 'H800' alias would pick, "
                + _located("epoch_dgx_h800_usd_per_gpu"),
            },
        ),
    }
)
