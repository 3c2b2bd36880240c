r"""Case study: the cost debate's uncertainty bands, Monte Carlo ranges of every method.

The ranges and bands that ``docs/explanations/cost-debate.md`` draws, as tested functions
(the page's other numbers are in :mod:`aicosts.cases.cost_debate`):

- :data:`RENTAL_RANGE`, :data:`LIFE_YEARS_RANGE`, :data:`SERVER_OVERHEAD_RANGE`,
  :data:`PUE_RANGE`, :data:`H800_PRICE_RANGE`, :data:`RESEARCH_MULTIPLIER_RANGE`,
  :data:`STAFF_HEADCOUNT_RANGE` -- the contested inputs, each a :class:`~aicosts.Range`.
- :func:`server_overhead_range` -- the overhead a GPU's price takes: none on a server share.
- :func:`development_from_rental`, :func:`fleet_server_capex` -- the formulas two bands sample.
- :func:`amortized_ownership_band`, :func:`acquisition_band`, :func:`uncertainty_bands` -- Monte
  Carlo percentiles, one band or every band of the page by model and method.
- :func:`reported_figures` -- the published figures the bands are compared with.

Sourced numbers are read from the published-figures table; inputs no source gives are the
``ILLUSTRATIVE_*`` and ``*_RANGE`` constants, aicosts assumptions (graded "assumed"). Server
overhead and
server power follow Epoch AI's method per GPU (:func:`~aicosts.epoch_server_overhead`,
:func:`~aicosts.epoch_server_power_factor`). Money is USD.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from aicosts._contract import (
    COUNT,
    NONNEGATIVE,
    POSITIVE,
    ArrayLike,
    FloatOrArray,
    at_least,
    checked,
    formula,
    scalar,
)
from aicosts.accounting.uncertainty import Range, monte_carlo
from aicosts.catalogues.epoch import (
    EIA_US_INDUSTRIAL_USD_PER_KWH_2023,
    EPOCH_DEPRECIATION_LIFE_YEARS,
    EPOCH_INTERCONNECT_SHARE,
    EPOCH_POWER_FRACTION_OF_TDP,
    EPOCH_PUE_HYPERSCALER,
    EPOCH_PUE_OTHER,
    EPOCH_SERVER_OVERHEAD_HIGH,
    EPOCH_SERVER_OVERHEAD_LOW,
    epoch_server_overhead,
    epoch_server_power_factor,
)
from aicosts.catalogues.hardware import GPU, get_gpu
from aicosts.catalogues.published import published_figure
from aicosts.formulas.costs import (
    acquisition_cost,
    amortized_ownership_cost,
    development_cost,
    rental_cost,
)

__all__ = [
    "H800_PRICE_RANGE",
    "ILLUSTRATIVE_RESEARCH_MULTIPLIER",
    "ILLUSTRATIVE_STAFF_HEADCOUNT",
    "ILLUSTRATIVE_STAFF_YEARS",
    "LIFE_YEARS_RANGE",
    "NUM_SAMPLES",
    "PUE_RANGE",
    "RENTAL_RANGE",
    "RESEARCH_MULTIPLIER_RANGE",
    "SEED",
    "SERVER_OVERHEAD_RANGE",
    "STAFF_HEADCOUNT_RANGE",
    "acquisition_band",
    "amortized_ownership_band",
    "development_from_rental",
    "fleet_gpu_counts",
    "fleet_server_capex",
    "reported_figures",
    "server_overhead_range",
    "uncertainty_bands",
]

_fig = published_figure

# --- assumptions of the bands (graded "assumed" unless stated) ------------------------------

#: Total compute ÷ final-run compute, for illustration; unknown for every lab (C) [-].
ILLUSTRATIVE_RESEARCH_MULTIPLIER = 4.0
#: People paid at the reported researcher salary, for illustration (C) [person].
ILLUSTRATIVE_STAFF_HEADCOUNT = 150
#: Duration of the project the staff work on, for illustration (C) [yr].
ILLUSTRATIVE_STAFF_YEARS = 1.0
#: Research multiplier of the development band: 1 (no research) to 10, mode 4 (C) [-].
RESEARCH_MULTIPLIER_RANGE = Range(1.0, ILLUSTRATIVE_RESEARCH_MULTIPLIER, 10.0)
#: Headcount of the development band, 50 to 300, mode 150 (C) [person].
STAFF_HEADCOUNT_RANGE = Range(50.0, float(ILLUSTRATIVE_STAFF_HEADCOUNT), 300.0)
#: Monte Carlo draws of every band [-].
NUM_SAMPLES = 20_000
#: Seed of every band: the same seed, the same percentiles [-].
SEED = 0
#: Rental price: the small-cloud H100 on-demand quotes of Epoch AI's price table, from Lambda
#: Labs' $1.99 (B) to NovoNimbus's $4.78 (A), mode DeepSeek's assumed $2 (A) [USD/(GPU·h)].
#: DeepSeek's $2 sits near the bottom, so almost every draw is above it.
RENTAL_RANGE = Range(
    _fig("h100_rental_usd_per_gpu_hour_low"),
    _fig("deepseek_v3_usd_per_gpu_hour"),
    _fig("h100_rental_small_cloud_usd_per_gpu_hour_high"),
)
#: Hardware life: Epoch AI's 3–5 years (B), mode the life of its depreciation rate (≈ 3.10)
#: [yr].
#:
#: :meta hide-value:
LIFE_YEARS_RANGE = Range(
    _fig("epoch_life_years_low"), EPOCH_DEPRECIATION_LIFE_YEARS, _fig("epoch_life_years_high")
)
#: Server overhead on a bare Hopper GPU price: Epoch AI's lowest and highest per-chip values
#: (P100 1.54, V100 1.69; A) around its Hopper value 1.64, the mode; a price that already is a
#: per-GPU share of a server takes none (:func:`server_overhead_range`) [-].
SERVER_OVERHEAD_RANGE = Range(
    EPOCH_SERVER_OVERHEAD_LOW,
    epoch_server_overhead(get_gpu("H800")),
    EPOCH_SERVER_OVERHEAD_HIGH,
)
#: PUE: Epoch AI's hyperscaler 1.1 to non-hyperscaler 1.25 (B), mode 1.25 [-].
PUE_RANGE = Range(EPOCH_PUE_HYPERSCALER, EPOCH_PUE_OTHER, EPOCH_PUE_OTHER)
#: H800 price: the H100's reported range around the H800's one price (C) [USD/GPU].
H800_PRICE_RANGE = Range(
    get_gpu("H100").usd_price_low, get_gpu("H800").usd_price, get_gpu("H100").usd_price_high
)


def _price_range(gpu: GPU) -> Range:
    """Return the catalogue's low/central/high price of a GPU [USD/GPU]."""
    return Range(gpu.usd_price_low, gpu.usd_price, gpu.usd_price_high)


@checked(gpu=(str, GPU))
def server_overhead_range(gpu: str | GPU) -> Range | float:
    r"""Server overhead a band draws for a GPU's catalogue price: none on a server share.

    .. math:: o \sim \begin{cases} 1 & \text{a per-GPU share of a server} \\
              \mathrm{Tri}(1.54,\ o_\text{chip},\ 1.69) & \text{a bare GPU price} \end{cases}

    Parameters
    ----------
    gpu : str or GPU
        A catalogue entry or its name [-].

    Returns
    -------
    Range or float
        1.0 for a server-share price; for a bare GPU price Epoch AI's lowest and highest
        per-chip overheads around its value for the chip (:func:`~aicosts.epoch_server_overhead`)
        [-].

    Examples
    --------
    >>> server_overhead_range("H100"), server_overhead_range("H800")
    (1.0, Range(low=1.54, central=1.64, high=1.69))
    """
    g = gpu if isinstance(gpu, GPU) else get_gpu(gpu)
    overhead = epoch_server_overhead(g)
    if g.usd_price_kind == "server share":
        return overhead
    return Range(EPOCH_SERVER_OVERHEAD_LOW, overhead, EPOCH_SERVER_OVERHEAD_HIGH)


def fleet_gpu_counts() -> dict[str, int]:
    r"""List the GPUs of the reported fleet: H800 and H100 as reported, H20 one reading.

    .. math:: \{n_{800}, n_{100}, n_{20}\}

    Returns
    -------
    dict[str, int]
        GPU name → count [GPU]: 10,000 H800 and 10,000 H100 (SemiAnalysis, B) and 30,000 H20
        (the rest of ~50,000, one reading of the chart, C).

    Examples
    --------
    >>> fleet_gpu_counts()
    {'H800': 10000, 'H100': 10000, 'H20': 30000}
    """
    return {
        "H800": int(_fig("semianalysis_h800_gpus")),
        "H100": int(_fig("semianalysis_h100_gpus")),
        "H20": int(_fig("semianalysis_h20_gpus_reading")),
    }


# --- the formulas the bands sample --------------------------------------------------------------


@formula(
    gpu_hours=POSITIVE,
    usd_per_gpu_hour=POSITIVE,
    research_multiplier=at_least(1.0),
    staff_headcount=NONNEGATIVE,
    usd_per_staff_year=POSITIVE,
    staff_years=POSITIVE,
)
def development_from_rental(
    gpu_hours: ArrayLike,
    usd_per_gpu_hour: ArrayLike,
    *,
    research_multiplier: ArrayLike,
    staff_headcount: ArrayLike,
    usd_per_staff_year: ArrayLike,
    staff_years: ArrayLike,
) -> FloatOrArray:
    r"""Compute a development cost built on a rented final run, with whole people.

    .. math:: C_D = m \, H p + \mathrm{round}(n) \, w \, T

    Parameters
    ----------
    gpu_hours : float or array-like
        GPU-hours of the final run, :math:`H` [GPU·h].
    usd_per_gpu_hour : float or array-like
        Rental price, :math:`p` [USD/(GPU·h)].
    research_multiplier : float or array-like
        Total compute ÷ final-run compute, :math:`m` ≥ 1 [-].
    staff_headcount : float or array-like
        People, :math:`n` ≥ 0, rounded to whole people [person].
    usd_per_staff_year : float or array-like
        Cost per person-year, :math:`w` [USD/(person·yr)].
    staff_years : float or array-like
        Project duration, :math:`T` [yr].

    Returns
    -------
    float or ndarray or Series
        Development cost :math:`C_D` [USD].

    Examples
    --------
    >>> development_from_rental(2.788e6, 2.0, research_multiplier=4, staff_headcount=150,
    ...                         usd_per_staff_year=1.3e6, staff_years=1)
    217304000.0
    """
    return development_cost(
        rental_cost(gpu_hours, usd_per_gpu_hour),
        research_multiplier=research_multiplier,
        staff_headcount=np.round(staff_headcount),
        usd_per_staff_year=usd_per_staff_year,
        years=staff_years,
    )


@formula(
    usd_per_h800=POSITIVE,
    usd_per_h100=POSITIVE,
    usd_per_h20=POSITIVE,
    server_overhead=at_least(1.0),
)
def fleet_server_capex(
    usd_per_h800: ArrayLike,
    usd_per_h100: ArrayLike,
    usd_per_h20: ArrayLike,
    *,
    server_overhead: ArrayLike,
) -> FloatOrArray:
    r"""Compute the server capex of the reported fleet (10,000 H800, 10,000 H100, 30,000 H20).

    .. math:: C = o \, (n_{800} p_{800} + n_{20} p_{20}) + n_{100} p_{100}

    Parameters
    ----------
    usd_per_h800 : float or array-like
        Price of one H800, :math:`p_{800}` [USD/GPU].
    usd_per_h100 : float or array-like
        Price of one H100, :math:`p_{100}` [USD/GPU].
    usd_per_h20 : float or array-like
        Price of one H20, :math:`p_{20}` [USD/GPU].
    server_overhead : float or array-like
        Server cost ÷ GPU cost, :math:`o` ≥ 1, on the bare GPU prices (H800, H20) [-]; the
        H100's catalogue price already is a per-GPU share of a DGX server and takes none.

    Returns
    -------
    float or ndarray or Series
        GPUs and servers, without the cluster network, :math:`C` [USD].

    Notes
    -----
    H800 and H100 counts as reported (B); the 30,000 H20 one reading of the chart (C). Which
    price is a server share is read from the catalogue (``GPU.usd_price_kind``), so the
    overhead is applied as Epoch AI's code applies it: only to bare GPU prices.

    Examples
    --------
    Epoch's Hopper overhead 1.64 on the bare prices:

    >>> fleet_server_capex(33_800, 33_750, 12_000, server_overhead=1.64)
    1482220000.0
    """
    counts = fleet_gpu_counts()
    prices = {"H800": usd_per_h800, "H100": usd_per_h100, "H20": usd_per_h20}
    bare = {g: get_gpu(g).usd_price_kind == "bare GPU" for g in counts}
    return np.asarray(sum(
        acquisition_cost(counts[g], prices[g], server_overhead=server_overhead if bare[g] else 1.0,
                         interconnect_share=0.0)
        for g in counts
    ), dtype=np.float64)  # fmt: skip


# --- Monte Carlo bands --------------------------------------------------------------------------


@checked(gpu_hours=scalar(POSITIVE), gpu=(str, GPU), usd_per_gpu=(Range, float, int))
def amortized_ownership_band(
    gpu_hours: float,
    gpu: str | GPU,
    usd_per_gpu: Range | float,
    *,
    num_samples: int = NUM_SAMPLES,
    seed: int = SEED,
) -> pd.Series:
    r"""Draw percentiles of one run's amortized ownership cost over the contested inputs.

    Parameters
    ----------
    gpu_hours : float
        GPU-hours of the run, :math:`H` [GPU·h].
    gpu : str or GPU
        The accelerator, for its TDP :math:`W` [-].
    usd_per_gpu : Range or float
        Price of one GPU, :math:`p` [USD/GPU].
    num_samples : int, optional
        Monte Carlo draws [-]; default 20,000.
    seed : int, optional
        Seed [-]; default 0.

    Returns
    -------
    Series
        5th, 50th and 95th percentiles [USD], indexed by percentile [%].

    Notes
    -----
    Draws the GPU's :func:`server_overhead_range` (none on a server-share price),
    :data:`LIFE_YEARS_RANGE` and :data:`PUE_RANGE`; Epoch's network share, draw and server
    power factor for the GPU (:func:`~aicosts.epoch_server_power_factor`), the 2023 US
    industrial electricity price.

    Examples
    --------
    >>> q = amortized_ownership_band(2.788e6, "H800", H800_PRICE_RANGE)
    >>> bool(q.iloc[0] < q.iloc[1] < q.iloc[2])
    True
    """
    g = gpu if isinstance(gpu, GPU) else get_gpu(gpu)
    return monte_carlo(
        amortized_ownership_cost, num_samples=num_samples, seed=seed, gpu_hours=gpu_hours,
        usd_per_gpu=usd_per_gpu, tdp_watts=g.tdp_watts,
        usd_per_kwh=EIA_US_INDUSTRIAL_USD_PER_KWH_2023,
        server_overhead=server_overhead_range(g), life_years=LIFE_YEARS_RANGE, pue=PUE_RANGE,
        interconnect_share=EPOCH_INTERCONNECT_SHARE,
        power_fraction_of_tdp=EPOCH_POWER_FRACTION_OF_TDP,
        server_power_factor=epoch_server_power_factor(g),
    )  # fmt: skip


@checked(num_gpus=scalar(COUNT), gpu=(str, GPU), usd_per_gpu=(Range, float, int))
def acquisition_band(
    num_gpus: int,
    gpu: str | GPU,
    usd_per_gpu: Range | float,
    *,
    num_samples: int = NUM_SAMPLES,
    seed: int = SEED,
) -> pd.Series:
    r"""Draw percentiles of the cost of buying a run's cluster over the contested inputs.

    Parameters
    ----------
    num_gpus : int
        GPUs in the cluster, :math:`n` [GPU].
    gpu : str or GPU
        The accelerator, for the kind of its catalogue price [-].
    usd_per_gpu : Range or float
        Price of one GPU, :math:`p` [USD/GPU], of the catalogue price's kind.
    num_samples : int, optional
        Monte Carlo draws [-]; default 20,000.
    seed : int, optional
        Seed [-]; default 0.

    Returns
    -------
    Series
        5th, 50th and 95th percentiles [USD], indexed by percentile [%].

    Notes
    -----
    Draws the GPU's :func:`server_overhead_range` (none on a server-share price); Epoch's
    network share.

    Examples
    --------
    >>> q = acquisition_band(2048, "H800", H800_PRICE_RANGE)
    >>> bool(100e6 < q.iloc[1] < 200e6)
    True
    """
    return monte_carlo(
        acquisition_cost, num_samples=num_samples, seed=seed, num_gpus=int(num_gpus),
        usd_per_gpu=usd_per_gpu, server_overhead=server_overhead_range(gpu),
        interconnect_share=EPOCH_INTERCONNECT_SHARE,
    )  # fmt: skip


def uncertainty_bands(*, num_samples: int = NUM_SAMPLES, seed: int = SEED) -> pd.DataFrame:
    r"""Monte Carlo percentiles of every method the page compares, by model.

    Parameters
    ----------
    num_samples : int, optional
        Monte Carlo draws per band [-]; default 20,000.
    seed : int, optional
        Seed of every band [-]; default 0.

    Returns
    -------
    DataFrame
        Columns ``model``, ``method`` (``"final-run rental"``, ``"amortized ownership"``,
        ``"acquisition"``, ``"development"``, ``"fleet capex"``), ``p5``, ``p50``, ``p95``
        [USD].

    Notes
    -----
    DeepSeek-V3: 2.788M H800-hours and 2,048 GPUs (A); GPT-4: Epoch AI's 57M A100-hours on
    25,000 A100s (B), at the one A100 price; Llama-3.1-405B: 30.84M H100-hours (A) on 16,384
    H100s (B). No A100 rental price is sourced, so GPT-4 has no rental band. Each GPU's
    overhead and server power are Epoch's for its price kind: none on the H100's DGX share.

    Examples
    --------
    >>> bands = uncertainty_bands(num_samples=2_000)
    >>> bands.groupby("model").size().to_dict()
    {'DeepSeek-V3': 5, 'GPT-4': 2, 'Llama-3.1-405B': 3}
    """
    mc = {"num_samples": num_samples, "seed": seed}

    def sample(func: Callable[..., FloatOrArray], **inputs: Any) -> pd.Series:
        return monte_carlo(func, num_samples=num_samples, seed=seed, **inputs)

    h800, h100, h20, a100 = (get_gpu(g) for g in ("H800", "H100", "H20", "A100"))
    v3_hours = _fig("deepseek_v3_total_gpu_hours")
    gpt4_hours, llama_hours = _fig("epoch_gpt4_chip_hours"), _fig("llama31_405b_gpu_hours")
    salary = _fig("semianalysis_researcher_usd_per_year")
    bands = {
        ("DeepSeek-V3", "final-run rental"): sample(
            rental_cost, gpu_hours=v3_hours, usd_per_gpu_hour=RENTAL_RANGE
        ),
        ("DeepSeek-V3", "amortized ownership"): amortized_ownership_band(
            v3_hours, h800, H800_PRICE_RANGE, **mc
        ),
        ("DeepSeek-V3", "acquisition"): acquisition_band(
            int(_fig("deepseek_v3_cluster_gpus")), h800, H800_PRICE_RANGE, **mc
        ),
        ("DeepSeek-V3", "development"): sample(
            development_from_rental, gpu_hours=v3_hours, usd_per_gpu_hour=RENTAL_RANGE,
            research_multiplier=RESEARCH_MULTIPLIER_RANGE, staff_headcount=STAFF_HEADCOUNT_RANGE,
            usd_per_staff_year=salary, staff_years=ILLUSTRATIVE_STAFF_YEARS,
        ),
        ("DeepSeek-V3", "fleet capex"): sample(
            fleet_server_capex, usd_per_h800=H800_PRICE_RANGE,
            usd_per_h100=_price_range(h100), usd_per_h20=_price_range(h20),
            server_overhead=SERVER_OVERHEAD_RANGE,
        ),
        ("GPT-4", "amortized ownership"): amortized_ownership_band(
            gpt4_hours, a100, _price_range(a100), **mc
        ),
        ("GPT-4", "acquisition"): acquisition_band(
            int(_fig("epoch_gpt4_gpus")), a100, _price_range(a100), **mc
        ),
        ("Llama-3.1-405B", "final-run rental"): sample(
            rental_cost, gpu_hours=llama_hours, usd_per_gpu_hour=RENTAL_RANGE
        ),
        ("Llama-3.1-405B", "amortized ownership"): amortized_ownership_band(
            llama_hours, h100, _price_range(h100), **mc
        ),
        ("Llama-3.1-405B", "acquisition"): acquisition_band(
            int(_fig("llama31_405b_gpus")), h100, _price_range(h100), **mc
        ),
    }  # fmt: skip
    return pd.DataFrame(
        [(model, method, *q.astype(float)) for (model, method), q in bands.items()],
        columns=["model", "method", "p5", "p50", "p95"],
    )


def reported_figures() -> pd.DataFrame:
    r"""Collect the published figures the page sets beside its bands, by model and method.

    Returns
    -------
    DataFrame
        Columns ``model``, ``method`` (as in :func:`uncertainty_bands`, plus ``"unstated"``
        for a figure that does not say what it counts), ``usd`` [USD] and ``source`` (who
        reports it, with its grade).

    Examples
    --------
    >>> reported = reported_figures()
    >>> float(reported.loc[0, "usd"]), reported.loc[0, "source"]
    (5576000.0, 'DeepSeek (A)')
    """
    rows = [
        ("DeepSeek-V3", "final-run rental", "deepseek_v3_total_usd", "DeepSeek (A)"),
        ("DeepSeek-V3", "amortized ownership", "deepseek_v3_epoch_usd", "Epoch AI (B)"),
        ("GPT-4", "final-run rental", "epoch_gpt4_cloud_usd", "Epoch AI (B)"),
        ("GPT-4", "amortized ownership", "epoch_gpt4_amortized_usd", "Epoch AI (B)"),
        ("GPT-4", "acquisition", "epoch_gpt4_acquisition_usd", "Epoch AI (B)"),
        ("GPT-4", "unstated", "gpt4_training_usd_lower_bound", "Wired: 'over' (B)"),
        ("Llama-3.1-405B", "final-run rental", "epoch_llama31_405b_cloud_usd", "Epoch AI (B)"),
        ("Llama-3.1-405B", "amortized ownership", "epoch_llama31_405b_amortized_usd",
         "Epoch AI (B)"),
        ("Llama-3.1-405B", "acquisition", "epoch_llama31_405b_acquisition_usd", "Epoch AI (B)"),
        ("DeepSeek-V3", "fleet capex", "semianalysis_server_capex_usd", "SemiAnalysis (B)"),
    ]  # fmt: skip
    return pd.DataFrame(
        [(model, method, _fig(key), source) for model, method, key, source in rows],
        columns=["model", "method", "usd", "source"],
    )
