r"""What a training run costs, under each way of counting: one formula per accounting method.

The cost debate about DeepSeek-V3 is mostly a debate about *what is counted*. Each formula here is
one accounting method for one run, or one cost line of a fleet, and says exactly what it includes
and excludes. Every assumption (server overhead, PUE, hardware life, electricity price) is an
explicit argument: Epoch AI's values are in :mod:`aicosts.catalogues.epoch`, and the tables that
set the methods side by side are in :mod:`aicosts.accounting`.

Per run:

- :func:`rental_cost` -- GPU-hours × rental price: DeepSeek's $5.576M is this.
- :func:`energy_cost` -- electricity of the accelerators for a run.
- :func:`acquisition_cost` -- upfront purchase of the cluster a run used (Epoch AI's method 2).
- :func:`amortized_ownership_cost` -- depreciation of owned hardware over the run's duration
  plus energy (Epoch AI's "hardware capex + energy", cottier2024).
- :func:`development_cost` -- final run × a research/ablation multiplier + staff.

Fleet and time:

- :func:`hosting_cost` -- data-centre space billed per kW and month.
- :func:`staff_cost` -- headcount × salary × years.
- :func:`years_to_reach` -- years for an annual cost to add up to a total.
- :func:`average_usd_per_gpu_hour` -- a total cost spread over the GPU-hours it bought.

Money is USD (nominal, not inflation-adjusted), time hours or years as named, power watts or kW
as named, energy kWh.
"""

from __future__ import annotations

from aicosts._contract import (
    COUNT,
    FRACTION,
    NONNEGATIVE,
    NONNEGATIVE_COUNT,
    POSITIVE,
    SHARE,
    ArrayLike,
    FloatOrArray,
    at_least,
    formula,
)

__all__ = [
    "HOURS_PER_YEAR",
    "acquisition_cost",
    "amortized_ownership_cost",
    "average_usd_per_gpu_hour",
    "development_cost",
    "energy_cost",
    "hosting_cost",
    "rental_cost",
    "staff_cost",
    "years_to_reach",
]

#: Hours in a (Julian) year, as in Epoch AI's code [h/yr].
HOURS_PER_YEAR = 365.25 * 24.0
_MONTHS_PER_YEAR = 12.0
_WATTS_PER_KW = 1000.0


@formula(gpu_hours=POSITIVE, usd_per_gpu_hour=POSITIVE)
def rental_cost(gpu_hours: ArrayLike, usd_per_gpu_hour: ArrayLike) -> FloatOrArray:
    r"""Cost of renting accelerators for a run.

    .. math:: C = H \cdot p

    Parameters
    ----------
    gpu_hours : float or array-like
        Accelerator time consumed, :math:`H` [GPU·h].
    usd_per_gpu_hour : float or array-like
        Rental price, :math:`p` [USD/(GPU·h)].

    Returns
    -------
    float or ndarray or Series
        Cost :math:`C` [USD].

    Notes
    -----
    Counts only the accelerator time of the run itself: no research runs, staff, or
    ownership. DeepSeek-V3's headline figure is exactly this quantity, at an assumed
    $2/GPU-hour [1]_; the caveat in the report excludes "prior research and ablation
    experiments". H100 rental ranged from $1.99–$3.49 at small clouds to $12.29 on demand at
    AWS (2023–2025, Epoch AI's price table) [2]_.

    Examples
    --------
    DeepSeek-V3, Table 1 of [1]_: 2.788M H800 GPU-hours at $2:

    >>> rental_cost(2.788e6, 2.0)
    5576000.0

    DeepSeek-R1's ≈ $294K (reconstruction of the Nature supplement, 147,336 GPU-hours) [3]_:

    >>> rental_cost(198 * 512 + 5_000 + 80 * 512, 2.0)
    294672.0

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, Table 1
       (``deepseekv3``).
    .. [2] B. Cottier et al., "The rising costs of training frontier AI models",
       arXiv:2405.21015, Epoch AI price data (``cottier2024``).
    .. [3] DeepSeek-AI, "DeepSeek-R1", Nature 645, 633 (2025), supplementary information, as
       reported in the press (``deepseekr1``).
    """
    return gpu_hours * usd_per_gpu_hour


@formula(
    gpu_hours=POSITIVE,
    tdp_watts=POSITIVE,
    usd_per_kwh=POSITIVE,
    power_fraction_of_tdp=FRACTION,
    pue=at_least(1.0),
    server_power_factor=at_least(1.0),
)
def energy_cost(
    gpu_hours: ArrayLike,
    tdp_watts: ArrayLike,
    usd_per_kwh: ArrayLike,
    *,
    power_fraction_of_tdp: ArrayLike,
    pue: ArrayLike,
    server_power_factor: ArrayLike,
) -> FloatOrArray:
    r"""Electricity cost of the accelerators for a run.

    .. math:: C_E = H \cdot \frac{W}{1000} \cdot f \cdot s \cdot \mathrm{PUE} \cdot e

    Parameters
    ----------
    gpu_hours : float or array-like
        Accelerator time, :math:`H` [GPU·h].
    tdp_watts : float or array-like
        Thermal design power of one GPU, :math:`W` [W].
    usd_per_kwh : float or array-like
        Electricity price, :math:`e` [USD/kWh]. No default: it depends on where the run is.
    power_fraction_of_tdp : float or array-like
        Average draw as a fraction of TDP, :math:`f`, in (0, 1] [-]; Epoch AI uses 0.75
        (:data:`~aicosts.EPOCH_POWER_FRACTION_OF_TDP`).
    pue : float or array-like
        Power usage effectiveness, :math:`\mathrm{PUE}` ≥ 1 [-]; Epoch AI uses 1.25 for
        non-hyperscalers and 1.1 for hyperscalers (:data:`~aicosts.EPOCH_PUE_OTHER`,
        :data:`~aicosts.EPOCH_PUE_HYPERSCALER`).
    server_power_factor : float or array-like
        Server power per GPU ÷ GPU power, :math:`s` ≥ 1 [-]: 1 counts the GPUs only. Epoch AI's
        code uses the DGX ratio, e.g. (10.2 kW / 8) / 0.7 kW ≈ 1.82 for H100 servers, to count
        CPUs, memory and NICs too.

    Returns
    -------
    float or ndarray or Series
        Energy cost :math:`C_E` [USD].

    Notes
    -----
    Includes the GPUs' (optionally the servers') electricity and, through PUE, cooling and
    power distribution. Excludes hardware, hosting and staff. Constants are Epoch AI's
    (grade B) [1]_.

    Examples
    --------
    DeepSeek-V3's 2.788M H800-hours (700 W TDP) [2]_ at the 2023 US industrial price of
    $0.0806/kWh (an assumption for China): energy is under 3% of the $5.576M rental figure.

    >>> energy_cost(2.788e6, 700, 0.0806, power_fraction_of_tdp=0.75, pue=1.25,
    ...             server_power_factor=1.0)
    147467.775

    References
    ----------
    .. [1] B. Cottier et al., "The rising costs of training frontier AI models",
       arXiv:2405.21015, 2024, method constants (``cottier2024``).
    .. [2] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, Table 1
       (``deepseekv3``).
    """
    kwh = gpu_hours * (tdp_watts / _WATTS_PER_KW) * power_fraction_of_tdp * server_power_factor
    return kwh * pue * usd_per_kwh


@formula(
    num_gpus=COUNT, usd_per_gpu=POSITIVE, server_overhead=at_least(1.0), interconnect_share=SHARE
)
def acquisition_cost(
    num_gpus: ArrayLike,
    usd_per_gpu: ArrayLike,
    *,
    server_overhead: ArrayLike,
    interconnect_share: ArrayLike,
) -> FloatOrArray:
    r"""Upfront cost of buying the cluster a run used.

    .. math:: C_A = \frac{n \, p \, o}{1 - s}

    Parameters
    ----------
    num_gpus : int or array-like
        GPUs in the cluster, :math:`n` [GPU], a whole number ≥ 1.
    usd_per_gpu : float or array-like
        Purchase price of one GPU, :math:`p` [USD/GPU].
    server_overhead : float or array-like
        Server cost ÷ GPU cost, :math:`o` ≥ 1 [-]: 1 for a price that already is a per-GPU
        share of a server; Epoch AI's value for a catalogue GPU is
        :func:`~aicosts.epoch_server_overhead` (its per-chip values run from
        :data:`~aicosts.EPOCH_SERVER_OVERHEAD_LOW` to :data:`~aicosts.EPOCH_SERVER_OVERHEAD_HIGH`).
    interconnect_share : float or array-like
        Cluster-level networking as a fraction of total cluster cost, :math:`s`, in [0, 1)
        [-]; Epoch AI uses 0.19 (:data:`~aicosts.EPOCH_INTERCONNECT_SHARE`).

    Returns
    -------
    float or ndarray or Series
        Acquisition cost :math:`C_A` [USD].

    Notes
    -----
    Epoch AI's "hardware acquisition" method [1]_: includes GPUs, the rest of the servers
    and the cluster network. Excludes buildings, power, staff and the fact that the
    hardware outlives the run (see :func:`amortized_ownership_cost`). Setting ``s = 0``
    gives the server capex alone.

    Examples
    --------
    DeepSeek-V3's 2048 H800s at $33,800 (Epoch AI 2025 price) [2]_ [3]_, with Epoch's
    server overhead and interconnect share, about $132M (24 times the rental figure):

    >>> acquisition_cost(2048, 33_800, server_overhead=1.54, interconnect_share=0.19)
    131608019.7...

    References
    ----------
    .. [1] B. Cottier et al., "The rising costs of training frontier AI models",
       arXiv:2405.21015, 2024 (``cottier2024``).
    .. [2] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, §3.1
       (``deepseekv3``).
    .. [3] aicosts ``sources.md``, hardware table (H800 price, grade B).
    """
    return num_gpus * usd_per_gpu * server_overhead / (1.0 - interconnect_share)


@formula(
    gpu_hours=POSITIVE,
    usd_per_gpu=POSITIVE,
    tdp_watts=POSITIVE,
    usd_per_kwh=POSITIVE,
    server_overhead=at_least(1.0),
    interconnect_share=SHARE,
    life_years=POSITIVE,
    power_fraction_of_tdp=FRACTION,
    pue=at_least(1.0),
    server_power_factor=at_least(1.0),
)
def amortized_ownership_cost(
    gpu_hours: ArrayLike,
    usd_per_gpu: ArrayLike,
    tdp_watts: ArrayLike,
    usd_per_kwh: ArrayLike,
    *,
    server_overhead: ArrayLike,
    interconnect_share: ArrayLike,
    life_years: ArrayLike,
    power_fraction_of_tdp: ArrayLike,
    pue: ArrayLike,
    server_power_factor: ArrayLike,
) -> FloatOrArray:
    r"""Amortised cost of owning the hardware for one run, plus its energy (Epoch AI method).

    .. math::

        C = H \, \frac{p \, o}{(1 - s) \, L \cdot 8766}
            + H \cdot \frac{W}{1000} \cdot f \cdot s_P \cdot \mathrm{PUE} \cdot e

    Parameters
    ----------
    gpu_hours : float or array-like
        Accelerator time of the run, :math:`H` [GPU·h] (GPUs × duration).
    usd_per_gpu : float or array-like
        Purchase price of one GPU, :math:`p` [USD/GPU].
    tdp_watts : float or array-like
        Thermal design power of one GPU, :math:`W` [W].
    usd_per_kwh : float or array-like
        Electricity price, :math:`e` [USD/kWh]; no default.
    server_overhead : float or array-like
        Server cost ÷ GPU cost, :math:`o` ≥ 1 [-]: 1 for a price that already is a per-GPU
        share of a server (Epoch AI: 1.54–1.69 for bare GPU prices).
    interconnect_share : float or array-like
        Networking share of cluster cost, :math:`s`, in [0, 1) [-] (Epoch AI: 0.19).
    life_years : float or array-like
        Period over which the cluster is written off, :math:`L` [yr]; the life equivalent to
        Epoch AI's depreciation at 0.14 orders of magnitude per year is
        :data:`~aicosts.EPOCH_DEPRECIATION_LIFE_YEARS` ≈ 3.10 (Epoch considers 3–5 years).
    power_fraction_of_tdp : float or array-like
        Average draw ÷ TDP, :math:`f`, in (0, 1] [-] (Epoch AI: 0.75).
    pue : float or array-like
        Power usage effectiveness ≥ 1 [-] (Epoch AI: 1.25 non-hyperscaler, 1.1 hyperscaler).
    server_power_factor : float or array-like
        Server power ÷ GPU power, :math:`s_P` ≥ 1 [-]: 1 counts the GPUs only.

    Returns
    -------
    float or ndarray or Series
        Amortised ownership cost :math:`C` [USD].

    Notes
    -----
    Epoch AI's "amortised hardware capex + energy" method [1]_: the share of the cluster's
    value (GPUs × server overhead, plus cluster interconnect) used up during the run, linear
    in time over the life :math:`L` (8766 h/yr), plus the run's electricity
    (:func:`energy_cost`). Since cluster size × duration = GPU-hours, only GPU-hours enter.
    Excludes: research and ablation runs, idle time between runs, staff, buildings, financing
    and any resale value. Epoch applies the depreciation to the hardware's value at the start
    of training and adjusts to 2023 USD, so its published rows (e.g. $5.39M for DeepSeek-V3,
    $51.0M for Llama-3.1-405B) are not reproducible from the inputs here alone.

    Examples
    --------
    DeepSeek-V3's 2.788M H800-hours [2]_ at $33,800 per H800 and $0.0806/kWh (aicosts
    assumptions), with Epoch's constants: ≈ $6.7M, against $5.576M rented and Epoch's
    own $5.39M:

    >>> from aicosts import EPOCH_DEPRECIATION_LIFE_YEARS
    >>> amortized_ownership_cost(2.788e6, 33_800, 700, 0.0806, server_overhead=1.54,
    ...     interconnect_share=0.19, life_years=EPOCH_DEPRECIATION_LIFE_YEARS,
    ...     power_fraction_of_tdp=0.75, pue=1.25, server_power_factor=1.0)
    6735981.1...

    References
    ----------
    .. [1] B. Cottier et al., "The rising costs of training frontier AI models",
       arXiv:2405.21015, 2024, and the method constants of its code (``cottier2024``).
    .. [2] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, Table 1
       (``deepseekv3``).
    """
    hardware = (
        gpu_hours
        * usd_per_gpu
        * server_overhead
        / ((1.0 - interconnect_share) * life_years * HOURS_PER_YEAR)
    )
    energy = gpu_hours * (tdp_watts / _WATTS_PER_KW) * power_fraction_of_tdp * server_power_factor
    return hardware + energy * pue * usd_per_kwh


@formula(
    final_run_cost=POSITIVE,
    research_multiplier=at_least(1.0),
    staff_headcount=NONNEGATIVE_COUNT,
    usd_per_staff_year=POSITIVE,
    years=POSITIVE,
)
def development_cost(
    final_run_cost: ArrayLike,
    *,
    research_multiplier: ArrayLike,
    staff_headcount: ArrayLike,
    usd_per_staff_year: ArrayLike,
    years: ArrayLike,
) -> FloatOrArray:
    r"""Cost of developing a model: all its compute, not just the final run, plus staff.

    .. math:: C_D = m \, C_\mathrm{final} + n \, w \, T

    Parameters
    ----------
    final_run_cost : float or array-like
        Cost of the final training run, :math:`C_\mathrm{final}` [USD], by whichever method
        (rental or amortized ownership).
    research_multiplier : float or array-like
        Total compute cost of the project ÷ final-run cost, :math:`m` ≥ 1 [-]: research,
        ablations, failed runs. Unknown for every lab; no default.
    staff_headcount : int or array-like
        People working on the model, :math:`n` ≥ 0 [person]; no default.
    usd_per_staff_year : float or array-like
        Fully loaded cost of one person for a year, :math:`w` [USD/(person·yr)]; no default.
    years : float or array-like
        Duration of the project, :math:`T` [yr]; no default.

    Returns
    -------
    float or ndarray or Series
        Development cost :math:`C_D` [USD].

    Notes
    -----
    Epoch AI's third method ("full development cost") [1]_: for GPT-4 and Gemini Ultra they
    find hardware 47–67% of development cost, R&D staff 29–49%, energy 2–6%. Every input is
    an explicit parameter because no lab publishes them; the DeepSeek-V3 report explicitly
    excludes "prior research and ablation experiments" from its $5.576M [2]_. Excludes the
    fleet's idle capacity and non-model business costs.

    Examples
    --------
    DeepSeek-V3's $5.576M [2]_ with, purely for illustration, research compute equal to
    three final runs and 150 people for a year at the "more than $1.3 million" reported
    for DeepSeek's researchers [3]_:

    >>> development_cost(5.576e6, research_multiplier=4, staff_headcount=150,
    ...                  usd_per_staff_year=1.3e6, years=1)
    217304000.0

    References
    ----------
    .. [1] B. Cottier et al., "The rising costs of training frontier AI models",
       arXiv:2405.21015, 2024 (``cottier2024``).
    .. [2] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, §1 p.5
       (``deepseekv3``).
    .. [3] D. Patel et al., "DeepSeek Debates", SemiAnalysis, 31 Jan 2025, as reported in
       the press (``semianalysis2025``).
    """
    return final_run_cost * research_multiplier + staff_headcount * usd_per_staff_year * years


@formula(it_kw=POSITIVE, years=POSITIVE, usd_per_kw_month=NONNEGATIVE)
def hosting_cost(it_kw: ArrayLike, years: ArrayLike, usd_per_kw_month: ArrayLike) -> FloatOrArray:
    r"""Data-centre hosting (colocation) billed per provisioned kW and month.

    .. math:: C_H = P_\mathrm{IT} \cdot 12 \, T \cdot h

    Parameters
    ----------
    it_kw : float or array-like
        Provisioned IT power, :math:`P_\mathrm{IT}` [kW].
    years : float or array-like
        Period, :math:`T` [yr].
    usd_per_kw_month : float or array-like
        Hosting price, :math:`h` ≥ 0 [USD/(kW·month)]; zero means not modelled.

    Returns
    -------
    float or ndarray or Series
        Hosting cost :math:`C_H` [USD].

    Notes
    -----
    Space, power delivery and cooling capacity as a landlord bills them; the electricity
    itself is :func:`energy_cost`. No hosting price is in ``sources.md`` [1]_, so every
    caller must supply one.

    Examples
    --------
    A hypothetical 1 MW for one year at $100/(kW·month):

    >>> hosting_cost(1000, 1, 100)
    1200000.0

    References
    ----------
    .. [1] aicosts ``sources.md`` (no hosting price is sourced; the caller supplies it).
    """
    return it_kw * _MONTHS_PER_YEAR * years * usd_per_kw_month


@formula(staff_headcount=NONNEGATIVE_COUNT, usd_per_staff_year=POSITIVE, years=POSITIVE)
def staff_cost(
    staff_headcount: ArrayLike, usd_per_staff_year: ArrayLike, years: ArrayLike
) -> FloatOrArray:
    r"""Cost of a team over a period.

    .. math:: C_S = n \, w \, T

    Parameters
    ----------
    staff_headcount : int or array-like
        People, :math:`n` ≥ 0 [person].
    usd_per_staff_year : float or array-like
        Cost of one person for a year, :math:`w` [USD/(person·yr)].
    years : float or array-like
        Period, :math:`T` [yr].

    Returns
    -------
    float or ndarray or Series
        Staff cost :math:`C_S` [USD].

    Notes
    -----
    Salary as given; whether it is "fully loaded" (taxes, benefits, equity) depends on the
    source. SemiAnalysis reports DeepSeek's AI researchers "pulling in more than $1.3
    million annually" [1]_, a figure for researchers, not every employee.

    Examples
    --------
    One researcher-year at the reported $1.3M [1]_:

    >>> staff_cost(1, 1.3e6, 1)
    1300000.0

    References
    ----------
    .. [1] D. Patel et al., "DeepSeek Debates", SemiAnalysis, 31 Jan 2025, as reported in
       the press (``semianalysis2025``).
    """
    return staff_headcount * usd_per_staff_year * years


@formula(total_usd=POSITIVE, usd_per_year=POSITIVE)
def years_to_reach(total_usd: ArrayLike, usd_per_year: ArrayLike) -> FloatOrArray:
    r"""Years for a steady annual cost to add up to a total.

    .. math:: T = \frac{C}{c}

    Parameters
    ----------
    total_usd : float or array-like
        The total, :math:`C` [USD].
    usd_per_year : float or array-like
        The annual cost, :math:`c` [USD/yr].

    Returns
    -------
    float or ndarray or Series
        Period :math:`T` [yr].

    Notes
    -----
    Used to ask over which period a reported total (SemiAnalysis's ~$944M operating cost,
    whose period no report states [1]_) is plausible.

    Examples
    --------
    $944M at $236M a year is the 4-year reading:

    >>> years_to_reach(944e6, 236e6)
    4.0

    References
    ----------
    .. [1] D. Patel et al., "DeepSeek Debates", SemiAnalysis, 31 Jan 2025, as reported in
       the press (``semianalysis2025``).
    """
    return total_usd / usd_per_year


@formula(total_usd=POSITIVE, gpu_hours=POSITIVE)
def average_usd_per_gpu_hour(total_usd: ArrayLike, gpu_hours: ArrayLike) -> FloatOrArray:
    r"""Spread a total cost over the GPU-hours it paid for: the rate it amounts to.

    .. math:: p = \frac{C}{H}

    Parameters
    ----------
    total_usd : float or array-like
        The total, :math:`C` [USD].
    gpu_hours : float or array-like
        The GPU-hours the total covers, :math:`H` [GPU·h] (GPUs × hours of the period).

    Returns
    -------
    float or ndarray or Series
        Rate :math:`p` [USD/(GPU·h)].

    Notes
    -----
    The inverse of :func:`rental_cost`: it turns a reported total into a rate that can be set
    beside rental prices and ownership costs per GPU-hour. What the rate covers is what the total
    covers.

    Examples
    --------
    SemiAnalysis's ~$944M operating cost [1]_ read as a 4-year total over 50,000 GPUs
    (4 × 8,766 h × 50,000 GPU-hours): about $0.54 per GPU-hour, a hosting-plus-power rate.

    >>> round(average_usd_per_gpu_hour(944e6, 4 * 8766 * 50_000), 3)
    0.538

    References
    ----------
    .. [1] D. Patel et al., "DeepSeek Debates", SemiAnalysis, 31 Jan 2025, as reported in
       the press (``semianalysis2025``).
    """
    return total_usd / gpu_hours
