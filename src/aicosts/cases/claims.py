r"""The claims ledger: every quantitative claim of the article the site fact-checks.

A Dutch article (ensigame.com, 4 March 2025, bibliography key ``ensigame2025``) claimed that
DeepSeek's affordability is "a myth" and that the model "actually cost $1.6 billion". The
ledger lists each of its quantitative claims as stated, in Dutch and in English, with what the
primary source actually says, the source key and grade, an aicosts reproduction where one is
computable, and a verdict from a small fixed vocabulary.

- :data:`VERDICTS` -- the verdict vocabulary and what each verdict means.
- :data:`CLAIM_COLUMNS` -- the columns of ``data/claims.csv``, in order.
- :data:`RECIPES` -- the reproductions, by name: each computes one number with aicosts.
- :class:`Recipe` -- frozen dataclass of one reproduction: name, unit, description, formula.
- :func:`claims_ledger` -- the shipped ledger as a DataFrame, validated.
- :func:`validate_ledger` -- check a ledger table (columns, ids, verdicts, grades, recipes).
- :func:`reproduce_recipe` -- compute one recipe [unit of the recipe].
- :func:`claim_reproductions` -- every reproducible claim with its computed value.

The CSV stores the *recipe name*, never a computed number: values are computed here from the
published figures (:mod:`aicosts.catalogues.published`) and the package's formulas, so the ledger
cannot drift from the code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from types import MappingProxyType

import pandas as pd

from aicosts._contract import as_float
from aicosts.accounting.comparisons import kv_cache_comparison
from aicosts.cases.deepseek_fleet import semianalysis_fleet_scenario
from aicosts.catalogues.epoch import EPOCH_INTERCONNECT_SHARE, epoch_server_overhead
from aicosts.catalogues.hardware import get_gpu
from aicosts.catalogues.models import load_config
from aicosts.catalogues.published import GRADES, published_figure, published_figures
from aicosts.formulas.compute import gpu_hours_for_flop, gpu_hours_for_wall_clock
from aicosts.formulas.costs import (
    HOURS_PER_YEAR,
    acquisition_cost,
    average_usd_per_gpu_hour,
    rental_cost,
)
from aicosts.formulas.mtp import speculative_tokens_per_step
from aicosts.formulas.params import param_count

__all__ = [
    "CLAIM_COLUMNS",
    "DEEPSEEK_V3_MTP_ACCEPTANCE_LOW",
    "RECIPES",
    "VERDICTS",
    "Recipe",
    "claim_reproductions",
    "claims_ledger",
    "reproduce_recipe",
    "validate_ledger",
]

#: Columns of ``data/claims.csv``, in order (``id`` becomes the index).
CLAIM_COLUMNS = (
    "id",
    "claim_nl",
    "claim_en",
    "source_says",
    "quote",
    "source",
    "location",
    "grade",
    "recipe",
    "compare_key",
    "verdict",
    "reason",
    "page",
)

#: The verdict vocabulary, in order from best to worst supported, with what each means.
VERDICTS: Mapping[str, str] = MappingProxyType(
    {
        "accurate": "says what the source says",
        "accurate but needs context": (
            "matches the source, but leaves out what the number counts or what the technique is for"
        ),
        "conflates two things": (
            "puts a number, or a benefit, that belongs to one thing on another"
        ),
        "misdescribed": "describes the source's number or technique as something it is not",
        "not supported": "no source read says this",
    }
)

#: Lower end of the acceptance rate of DeepSeek-V3's second-token (MTP) prediction, "between
#: 85% and 90%" (deepseekv3 §5.4.3 p.35, grade A) [-].
DEEPSEEK_V3_MTP_ACCEPTANCE_LOW = published_figure("deepseek_v3_mtp_acceptance_low")


@dataclass(frozen=True)
class Recipe:
    r"""One reproduction: a number computed with aicosts that a claim can be checked against.

    Parameters
    ----------
    name : str
        Stable identifier, used in the ``recipe`` column of the ledger [-].
    unit : str
        Unit of the result, e.g. ``"USD"`` or ``"GPU·h"`` [-].
    description : str
        What is computed and from which inputs, in one sentence [-].
    formula : callable
        No-argument function returning the value [``unit``].

    Examples
    --------
    >>> r = RECIPES["deepseek_v3_rental_total"]
    >>> r.unit, r.compute()
    ('USD', 5576000.0)
    """

    name: str
    unit: str
    description: str
    formula: Callable[[], float]

    def compute(self) -> float:
        r"""Run the formula.

        .. math:: v = f()

        Returns
        -------
        float
            The reproduced value [``unit``].
        """
        return float(self.formula())


def _v3_rental_total() -> float:
    hours = sum(
        published_figure(f"deepseek_v3_{stage}_gpu_hours")
        for stage in ("pretraining", "context_extension", "post_training")
    )
    return as_float(rental_cost(hours, published_figure("deepseek_v3_usd_per_gpu_hour")))


def _v3_cluster_acquisition() -> float:
    h800 = get_gpu("H800")  # a bare GPU price: Epoch's overhead for it, 1.64
    return as_float(
        acquisition_cost(
            int(published_figure("deepseek_v3_cluster_gpus")),
            h800.usd_price,
            server_overhead=epoch_server_overhead(h800),
            interconnect_share=EPOCH_INTERCONNECT_SHARE,
        )
    )


def _fleet_server_capex() -> float:
    return semianalysis_fleet_scenario().server_capex_usd


def _opex_usd_per_gpu_hour() -> float:
    years = published_figure("semianalysis_opex_reading_years")
    gpu_hours = gpu_hours_for_wall_clock(
        years * HOURS_PER_YEAR, int(published_figure("semianalysis_fleet_gpus"))
    )
    return as_float(
        average_usd_per_gpu_hour(published_figure("semianalysis_operating_cost_usd"), gpu_hours)
    )


def _r1_rental() -> float:
    gpus = int(published_figure("deepseek_r1_gpus"))
    hours = (
        as_float(
            gpu_hours_for_wall_clock(published_figure("deepseek_r1_zero_wall_clock_hours"), gpus)
        )
        + published_figure("deepseek_r1_sft_data_gpu_hours")
        + as_float(gpu_hours_for_wall_clock(published_figure("deepseek_r1_wall_clock_hours"), gpus))
    )
    return as_float(rental_cost(hours, published_figure("deepseek_r1_usd_per_gpu_hour")))


def _r1_counted_like_v3() -> float:
    base_hours = published_figure("deepseek_v3_pretraining_gpu_hours") + published_figure(
        "deepseek_v3_context_extension_gpu_hours"
    )
    base = as_float(rental_cost(base_hours, published_figure("deepseek_v3_usd_per_gpu_hour")))
    return base + _r1_rental()


def _gpt4_a100_hours() -> float:
    return as_float(
        gpu_hours_for_flop(
            published_figure("epoch_gpt4_flop"),
            get_gpu("A100").peak_flop_per_s("bf16"),
            published_figure("epoch_gpt4_mfu"),
        )
    )


def _v3_active_fraction() -> float:
    counts = param_count(load_config("DeepSeek-V3"))
    return counts.active / counts.total


def _v3_kv_mha_over_mla() -> float:
    elements = kv_cache_comparison(load_config("DeepSeek-V3"))["elements_per_token"]
    return float(elements.loc["MHA"]) / float(elements.loc["MLA (latent)"])


def _v3_mtp_tokens_per_step() -> float:
    return as_float(speculative_tokens_per_step(DEEPSEEK_V3_MTP_ACCEPTANCE_LOW, 1))


_RECIPE_LIST = [
    Recipe(
        "deepseek_v3_rental_total",
        "USD",
        "The three stages of Table 1 (H800 GPU-hours) at DeepSeek's $2 per GPU-hour: rental_cost.",
        _v3_rental_total,
    ),
    Recipe(
        "deepseek_v3_cluster_acquisition",
        "USD",
        "Buying the 2,048 H800s DeepSeek-V3 was trained on, with Epoch AI's server overhead "
        "and network share: acquisition_cost.",
        _v3_cluster_acquisition,
    ),
    Recipe(
        "semianalysis_fleet_server_capex",
        "USD",
        "GPUs and servers of a 10,000 H800 + 10,000 H100 + 30,000 H20 fleet (H20 count "
        "unverified) at catalogue prices: semianalysis_fleet_scenario.",
        _fleet_server_capex,
    ),
    Recipe(
        "semianalysis_opex_usd_per_gpu_hour",
        "USD/(GPU·h)",
        "The ~$944M operating cost read as a 4-year total (unverified) over the ~50,000 GPUs, "
        "per GPU-hour: gpu_hours_for_wall_clock and average_usd_per_gpu_hour.",
        _opex_usd_per_gpu_hour,
    ),
    Recipe(
        "deepseek_r1_counted_like_v3",
        "USD",
        "R1 counted the way DeepSeek counts V3: the V3-Base stages it starts from (pre-training "
        "and context extension, Table 1) plus R1's own stages, at $2 per GPU-hour: rental_cost.",
        _r1_counted_like_v3,
    ),
    Recipe(
        "gpt4_a100_gpu_hours",
        "GPU·h",
        "Epoch AI's GPT-4 compute (2.1e25 FLOP) on A100s (312 TFLOP/s BF16) at its 34% "
        "utilisation: gpu_hours_for_flop.",
        _gpt4_a100_hours,
    ),
    Recipe(
        "deepseek_v3_active_fraction",
        "-",
        "Share of DeepSeek-V3's parameters a token passes through (8 of 256 routed experts), "
        "counted from its config: param_count.",
        _v3_active_fraction,
    ),
    Recipe(
        "deepseek_v3_kv_mha_over_mla",
        "-",
        "KV cache per token of DeepSeek-V3's shape with full multi-head attention, divided by "
        "its MLA latent cache: kv_cache_comparison.",
        _v3_kv_mha_over_mla,
    ),
    Recipe(
        "deepseek_v3_mtp_tokens_per_step",
        "token/step",
        "Tokens per decoding step with one MTP draft token accepted 85% of the time: "
        "speculative_tokens_per_step.",
        _v3_mtp_tokens_per_step,
    ),
]

#: The reproductions, by name (read-only).
RECIPES: Mapping[str, Recipe] = MappingProxyType({r.name: r for r in _RECIPE_LIST})


def validate_ledger(table: pd.DataFrame) -> pd.DataFrame:
    r"""Check a claims table and return it indexed by ``id``.

    .. math:: \mathrm{verdict} \in V, \quad \mathrm{grade} \in G

    Parameters
    ----------
    table : DataFrame
        A table with the columns :data:`CLAIM_COLUMNS` (``id`` as a column), strings throughout;
        empty cells as empty strings or NaN [-].

    Returns
    -------
    DataFrame
        The same rows indexed by ``id``, empty cells as ``""`` [-].

    Raises
    ------
    TypeError
        If ``table`` is not a DataFrame.
    ValueError
        If the columns differ from :data:`CLAIM_COLUMNS`, an id is empty or repeated, a verdict is
        not in :data:`VERDICTS` (the message names the unknown verdicts), a grade is not one of
        :data:`aicosts.catalogues.published.GRADES`,
        a grade-A row has no quote, a recipe is not in :data:`RECIPES`, a ``compare_key`` is not
        a published figure, or a claim has no source, reason or page (the site page, such as
        ``explanations/mtp``, that explains it).

    Notes
    -----
    See [1]_. Grade A rows must quote the primary source; grade B rows are presented as "reported by
    …" and carry no quote of the primary, which nobody has read.

    Examples
    --------
    >>> bad = claims_ledger().reset_index()
    >>> bad.loc[0, "verdict"] = "mostly true"
    >>> validate_ledger(bad)
    Traceback (most recent call last):
    ...
    ValueError: unknown verdicts ['mostly true'] in claims ['headline-1-6b']; ...

    References
    ----------
    .. [1] aicosts ``sources.md``: the grades and the sources they apply to.
    """
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"table must be a DataFrame, got {type(table).__name__}")
    if tuple(table.columns) != CLAIM_COLUMNS:
        raise ValueError(
            f"claims table has columns {list(table.columns)}, expected {CLAIM_COLUMNS}"
        )
    out = table.fillna("").astype(str)
    for column in CLAIM_COLUMNS:
        out[column] = out[column].str.strip()
    ids = out["id"]
    if (ids == "").any():
        raise ValueError(
            f"claims table has rows without an id: rows {ids[ids == ''].index.tolist()}"
        )
    dupes = sorted(set(ids[ids.duplicated()]))
    if dupes:
        raise ValueError(f"claims table repeats ids {dupes}")
    unknown = ~out["verdict"].isin(list(VERDICTS))
    if unknown.any():
        raise ValueError(
            f"unknown verdicts {sorted(set(out.loc[unknown, 'verdict']))} in claims "
            f"{ids[unknown].tolist()}; allowed: {list(VERDICTS)}"
        )
    bad_grade = ~out["grade"].isin(list(GRADES))
    if bad_grade.any():
        raise ValueError(f"claims {ids[bad_grade].tolist()} have a grade not in {list(GRADES)}")
    no_quote = (out["grade"] == "A") & (out["quote"] == "")
    if no_quote.any():
        raise ValueError(f"grade-A claims {ids[no_quote].tolist()} need a quote of the source")
    bad_recipe = (out["recipe"] != "") & ~out["recipe"].isin(list(RECIPES))
    if bad_recipe.any():
        raise ValueError(
            f"unknown recipes {sorted(set(out.loc[bad_recipe, 'recipe']))} in claims "
            f"{ids[bad_recipe].tolist()}; known: {sorted(RECIPES)}"
        )
    known_keys = set(published_figures().index)
    bad_key = (out["compare_key"] != "") & ~out["compare_key"].isin(known_keys)
    if bad_key.any():
        raise ValueError(
            f"compare_key of claims {ids[bad_key].tolist()} is not a published figure: "
            f"{sorted(set(out.loc[bad_key, 'compare_key']))}"
        )
    for column in ("claim_nl", "claim_en", "source_says", "source", "reason", "page"):
        empty = out[column] == ""
        if empty.any():
            raise ValueError(f"claims {ids[empty].tolist()} have an empty {column!r}")
    bad_page = ~out["page"].str.fullmatch(r"(tutorials|how-to|explanations|reference)/[a-z0-9-]+")
    if bad_page.any():
        raise ValueError(
            f"page of claims {ids[bad_page].tolist()} is not a site page path "
            f"(section/name, e.g. 'explanations/mtp'): {out.loc[bad_page, 'page'].tolist()}"
        )
    return out.set_index("id")


@lru_cache(maxsize=1)
def _load() -> pd.DataFrame:
    """Read and validate the shipped CSV once."""
    resource = files("aicosts").joinpath("data", "claims.csv")
    with resource.open("r", encoding="utf-8") as fh:
        table = pd.read_csv(fh, dtype=str, keep_default_na=False)
    return validate_ledger(table)


def claims_ledger() -> pd.DataFrame:
    r"""Return the claims ledger: every quantitative claim of the article, checked.

    .. math:: \text{ledger} = \{(\mathrm{claim}, \mathrm{source}, \mathrm{verdict}, \ldots)\}

    Returns
    -------
    DataFrame
        Indexed by ``id`` [-], in the order the claims appear in the article. Columns:
        ``claim_nl`` (the article's Dutch wording) and ``claim_en`` (our translation),
        ``source_says``, ``quote`` (of the primary source, grade A only), ``source``
        (bibliography key), ``location``, ``grade`` (A/B/C), ``recipe`` (a key of
        :data:`RECIPES` or ``""``), ``compare_key`` (a published figure or ``""``),
        ``verdict`` (a key of :data:`VERDICTS`) and ``reason`` [-]. A fresh copy each call.

    Notes
    -----
    The article is ``ensigame2025`` [1]_; claims are quoted singly with attribution. Computed
    values are not stored: see :func:`claim_reproductions`.

    Examples
    --------
    >>> ledger = claims_ledger()
    >>> len(ledger), ledger.loc["initial-6m", "verdict"]
    (14, 'accurate but needs context')
    >>> ledger.loc["initial-6m", "claim_nl"]
    'Terwijl Deepseek aanvankelijk slechts $ 6 miljoen trainingskosten claimde'

    References
    ----------
    .. [1] Dylan, "De betaalbaarheid van Deepseek is een mythe: de revolutionaire AI kostte
       eigenlijk $1,6 miljard om te ontwikkelen", ensigame.com, 4 March 2025 (in Dutch).
    """
    return _load().copy()


def reproduce_recipe(recipe: str) -> float:
    r"""Compute one reproduction by name.

    .. math:: v = f_\mathrm{recipe}()

    Parameters
    ----------
    recipe : str
        A key of :data:`RECIPES` [-].

    Returns
    -------
    float
        The value [unit of the recipe, ``RECIPES[recipe].unit``].

    Raises
    ------
    ValueError
        If the recipe is unknown.

    Examples
    --------
    DeepSeek-V3's Table 1 total [1]_, and R1 counted the same way: its V3-Base stages plus its
    own reconstructed stages (Nature supplement, as reported) [2]_:

    >>> reproduce_recipe("deepseek_v3_rental_total")
    5576000.0
    >>> reproduce_recipe("deepseek_r1_counted_like_v3")
    5860672.0

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, Table 1
       (``deepseekv3``).
    .. [2] DeepSeek-AI, "DeepSeek-R1", Nature 645, 633 (2025), supplementary information, as
       reported in the press (``deepseekr1``).
    """
    if recipe not in RECIPES:
        raise ValueError(f"unknown recipe {recipe!r}; known: {sorted(RECIPES)}")
    return RECIPES[recipe].compute()


def claim_reproductions() -> pd.DataFrame:
    r"""Compute every reproducible claim's value with aicosts.

    .. math:: v_i = f_{\mathrm{recipe}_i}(), \qquad r_i = v_i / p_i

    Returns
    -------
    DataFrame
        Indexed by claim ``id`` [-], only claims with a recipe, in ledger order. Columns:
        ``recipe`` [-], ``value`` [in ``unit``], ``unit`` [-], ``description`` [-],
        ``compare_key`` [-], ``published`` (the published figure, NaN if none) [in
        ``unit``] and ``ratio`` (``value / published``) [-].

    Notes
    -----
    Each recipe reads its inputs from the published figures and the model configs [1]_, so
    the values follow any correction of a figure.

    Examples
    --------
    >>> r = claim_reproductions()
    >>> float(r.loc["initial-6m", "ratio"])
    1.0
    >>> round(float(r.loc["server-capex-1-6b", "value"]) / 1e9, 2)
    1.48

    References
    ----------
    .. [1] aicosts ``sources.md`` and ``published_figures.csv``: the figures each recipe
       reads and is compared with.
    """
    ledger = _load()
    rows = ledger[ledger["recipe"] != ""]
    records: list[dict[str, object]] = []
    for claim_id, name, key in zip(rows.index, rows["recipe"], rows["compare_key"], strict=True):
        recipe = RECIPES[str(name)]
        value = recipe.compute()
        published = published_figure(str(key)) if key else float("nan")
        records.append(
            {
                "id": claim_id,
                "recipe": recipe.name,
                "value": value,
                "unit": recipe.unit,
                "description": recipe.description,
                "compare_key": str(key),
                "published": published,
                "ratio": value / published,
            }
        )
    return pd.DataFrame.from_records(records).set_index("id")
