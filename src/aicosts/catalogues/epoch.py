"""Epoch AI's cost-method constants, read from the table of published figures.

Each number is typed once, in ``data/published_figures.csv`` (rows ``epoch_*`` and
``eia_us_industrial_usd_per_kwh_2023``, with source, location and grade); this module only names
them for code. The accounting layer (:mod:`aicosts.accounting`) uses them as the defaults of the
side-by-side tables; the formulas (:mod:`aicosts.formulas.costs`) take every such assumption as
an explicit argument.

- :data:`EPOCH_SERVER_OVERHEAD_LOW`, :data:`EPOCH_SERVER_OVERHEAD_HIGH` -- the lowest and
  highest server cost ÷ GPU cost in Epoch's code (its P100 and V100 values), the span of an
  uncertainty range; the value for one GPU is :func:`epoch_server_overhead`.
- :data:`EPOCH_INTERCONNECT_SHARE` -- cluster interconnect share of cluster cost.
- :data:`EPOCH_PUE_HYPERSCALER`, :data:`EPOCH_PUE_OTHER` -- power usage effectiveness.
- :data:`EPOCH_POWER_FRACTION_OF_TDP` -- average draw ÷ TDP.
- :data:`EPOCH_LIFE_YEARS_LOW`, :data:`EPOCH_LIFE_YEARS_HIGH` -- hardware life considered.
- :data:`EPOCH_PRICE_PERFORMANCE_OOM_PER_YEAR` -- the depreciation rate.
- :data:`EPOCH_DEPRECIATION_LIFE_YEARS` -- the write-off period equivalent to that rate.
- :data:`EPOCH_DEFAULT_MFU` -- utilisation used when none is known.
- :data:`EIA_US_INDUSTRIAL_USD_PER_KWH_2023` -- the electricity price Epoch's code uses.
- :func:`epoch_server_overhead`, :func:`epoch_server_power_factor`, :func:`epoch_ownership` --
  Epoch's assumptions for one GPU, which the site's tables use by default.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from aicosts._contract import checked, frozen_mapping
from aicosts.catalogues.hardware import GPU
from aicosts.catalogues.published import published_figure

__all__ = [
    "EIA_US_INDUSTRIAL_USD_PER_KWH_2023",
    "EPOCH_DEFAULT_MFU",
    "EPOCH_DEPRECIATION_LIFE_YEARS",
    "EPOCH_INTERCONNECT_SHARE",
    "EPOCH_LIFE_YEARS_HIGH",
    "EPOCH_LIFE_YEARS_LOW",
    "EPOCH_POWER_FRACTION_OF_TDP",
    "EPOCH_PRICE_PERFORMANCE_OOM_PER_YEAR",
    "EPOCH_PUE_HYPERSCALER",
    "EPOCH_PUE_OTHER",
    "EPOCH_SERVER_OVERHEAD_HIGH",
    "EPOCH_SERVER_OVERHEAD_LOW",
    "epoch_ownership",
    "epoch_server_overhead",
    "epoch_server_power_factor",
]

#: Lowest server cost ÷ GPU cost in Epoch's code, its P100 value; not the value for any other
#: GPU (:func:`epoch_server_overhead` is) [-].
EPOCH_SERVER_OVERHEAD_LOW = published_figure("epoch_server_overhead_low")
#: Highest server cost ÷ GPU cost in Epoch's code, its V100 value [-].
EPOCH_SERVER_OVERHEAD_HIGH = published_figure("epoch_server_overhead_high")
#: Cluster-level interconnect as a fraction of total cluster cost [-].
EPOCH_INTERCONNECT_SHARE = published_figure("epoch_interconnect_share")
#: Power usage effectiveness of hyperscaler data centres [-].
EPOCH_PUE_HYPERSCALER = published_figure("epoch_pue_hyperscaler")
#: Power usage effectiveness of other data centres [-].
EPOCH_PUE_OTHER = published_figure("epoch_pue_other")
#: Average GPU power during training as a fraction of TDP [-].
EPOCH_POWER_FRACTION_OF_TDP = published_figure("epoch_power_fraction_of_tdp")
#: Shortest hardware life Epoch AI considers [yr].
EPOCH_LIFE_YEARS_LOW = published_figure("epoch_life_years_low")
#: Longest hardware life Epoch AI considers [yr].
EPOCH_LIFE_YEARS_HIGH = published_figure("epoch_life_years_high")
#: Improvement of ML GPU price-performance, Epoch AI's depreciation rate [orders of magnitude/yr].
EPOCH_PRICE_PERFORMANCE_OOM_PER_YEAR = published_figure("epoch_price_performance_oom_per_year")
#: Epoch AI's utilisation when none is reported [-].
EPOCH_DEFAULT_MFU = published_figure("epoch_default_mfu")
#: Life equivalent to Epoch AI's depreciation: value is written off at 0.14·ln(10) ≈ 0.322 per
#: year, i.e. over 1 / (0.14·ln 10) ≈ 3.10 years (derived from the rate above) [yr].
#:
#: :meta hide-value:
EPOCH_DEPRECIATION_LIFE_YEARS = 1.0 / (EPOCH_PRICE_PERFORMANCE_OOM_PER_YEAR * math.log(10.0))
#: Average US industrial electricity price in 2023, the value Epoch AI's code uses; using it for
#: a fleet in China is an aicosts assumption [USD/kWh].
EIA_US_INDUSTRIAL_USD_PER_KWH_2023 = published_figure("eia_us_industrial_usd_per_kwh_2023")

_OVERHEAD_OTHER = published_figure("epoch_server_overhead_other")
_POWER_FACTOR_OTHER = published_figure("epoch_server_power_factor_other_gpu")
_OVERHEAD_BY_CHIP = {
    "A100": published_figure("epoch_server_overhead_a100"),
    "V100": published_figure("epoch_server_overhead_v100"),
    "P100": published_figure("epoch_server_overhead_p100"),
}
_POWER_FACTOR_BY_CHIP = {
    "H100": published_figure("epoch_server_power_factor_h100"),
    "A100": published_figure("epoch_server_power_factor_a100"),
    "V100": published_figure("epoch_server_power_factor_v100"),
}


def _chip(gpu: GPU) -> str:
    return gpu.name.split()[0].upper()


@checked(gpu=GPU)
def epoch_server_overhead(gpu: GPU) -> float:
    r"""Server cost ÷ GPU cost that Epoch AI's method applies to a catalogue price.

    .. math:: o = \begin{cases} 1 & \text{a per-GPU share of a server} \\
              o_\text{chip} & \text{a bare GPU price} \end{cases}

    Parameters
    ----------
    gpu : GPU
        A catalogue entry [-].

    Returns
    -------
    float
        The overhead [-]: 1 for a server share (the server is already in the price); for a bare
        GPU price Epoch's value for the chip (A100 1.66, V100 1.69, P100 1.54, every other chip,
        Hopper included, 1.64).

    Notes
    -----
    Epoch's code applies the overhead only to prices labelled single-unit; multiplying a DGX or
    HGX share by it would count the server twice [1]_.

    Examples
    --------
    >>> from aicosts import get_gpu
    >>> epoch_server_overhead(get_gpu("H100")), epoch_server_overhead(get_gpu("H800"))
    (1.0, 1.64)

    References
    ----------
    .. [1] Epoch AI, training-cost-trends@e13599f, ``prices.py`` and ``hardware.py``
       (``epochcode2025``).
    """
    if gpu.usd_price_kind == "server share":
        return 1.0
    return _OVERHEAD_BY_CHIP.get(_chip(gpu), _OVERHEAD_OTHER)


@checked(gpu=GPU)
def epoch_server_power_factor(gpu: GPU) -> float:
    r"""Server power per GPU ÷ GPU TDP in Epoch AI's energy model.

    .. math:: s_P = \frac{P_\text{server} / 8}{W_\text{TDP}}

    Parameters
    ----------
    gpu : GPU
        A catalogue entry [-].

    Returns
    -------
    float
        The factor [-]: H100 (10.2 kW / 8) / 0.7 kW ≈ 1.82, A100 2.03, V100 1.67, every other GPU
        1.8.

    Examples
    --------
    >>> from aicosts import get_gpu
    >>> h100, h800 = get_gpu("H100"), get_gpu("H800")
    >>> round(epoch_server_power_factor(h100), 4), epoch_server_power_factor(h800)
    (1.8214, 1.8)

    References
    ----------
    .. [1] Epoch AI, training-cost-trends@e13599f, ``energy.py`` (``epochcode2025``).
    """
    return _POWER_FACTOR_BY_CHIP.get(_chip(gpu), _POWER_FACTOR_OTHER)


@checked(gpu=GPU)
def epoch_ownership(gpu: GPU) -> Mapping[str, float]:
    r"""Epoch AI's ownership assumptions for one GPU, as keyword arguments of the cost formulas.

    .. math:: \{o(\text{gpu}),\ s,\ L,\ f,\ \mathrm{PUE},\ s_P(\text{gpu})\}

    Parameters
    ----------
    gpu : GPU
        A catalogue entry [-].

    Returns
    -------
    Mapping
        ``server_overhead`` (:func:`epoch_server_overhead`), ``interconnect_share``,
        ``life_years`` (the life equivalent to Epoch's depreciation rate),
        ``power_fraction_of_tdp``, ``pue`` (non-hyperscaler) and ``server_power_factor``
        (:func:`epoch_server_power_factor`) [-, -, yr, -, -, -].

    Examples
    --------
    >>> from aicosts import amortized_ownership_cost, get_gpu
    >>> h800 = get_gpu("H800")
    >>> round(amortized_ownership_cost(2.788e6, h800.usd_price, h800.tdp_watts, 0.0806,
    ...                                **epoch_ownership(h800)) / 1e6, 2)
    7.28

    References
    ----------
    .. [1] B. Cottier et al., "The rising costs of training frontier AI models",
       arXiv:2405.21015, and its code (``cottier2024``, ``epochcode2025``).
    """
    return frozen_mapping(
        {
            "server_overhead": epoch_server_overhead(gpu),
            "interconnect_share": EPOCH_INTERCONNECT_SHARE,
            "life_years": EPOCH_DEPRECIATION_LIFE_YEARS,
            "power_fraction_of_tdp": EPOCH_POWER_FRACTION_OF_TDP,
            "pue": EPOCH_PUE_OTHER,
            "server_power_factor": epoch_server_power_factor(gpu),
        }
    )
