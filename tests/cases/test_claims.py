"""The claims ledger: shipped data, validation, and every reproduction against its source."""

from __future__ import annotations

import csv
import re
from importlib.resources import files
from pathlib import Path

import pandas as pd
import pytest

import aicosts
from aicosts.cases.claims import (
    CLAIM_COLUMNS,
    RECIPES,
    VERDICTS,
    claim_reproductions,
    claims_ledger,
    reproduce_recipe,
    validate_ledger,
)

#: The claims the article makes, in the order it makes them (ensigame2025).
ARTICLE_CLAIMS = [
    "headline-1-6b",
    "mtp",
    "moe-256",
    "mla",
    "initial-6m",
    "gpus-50k",
    "server-capex-1-6b",
    "opex-944m",
    "workforce",
    "researchers-1-3m",
    "initial-6m-misleading",
    "investment-500m",
    "r1-5m",
    "gpt4-100m",
]


@pytest.fixture
def raw() -> pd.DataFrame:
    """The ledger as a plain table, ``id`` as a column, ready to be broken."""
    return claims_ledger().reset_index()


# --- the shipped ledger ---------------------------------------------------------------------


def test_ledger_lists_every_claim_in_article_order() -> None:
    ledger = claims_ledger()
    assert ledger.index.tolist() == ARTICLE_CLAIMS
    assert tuple(["id", *ledger.columns]) == CLAIM_COLUMNS


def test_ledger_is_a_fresh_copy() -> None:
    a = claims_ledger()
    a.loc["mtp", "verdict"] = "changed"
    assert claims_ledger().loc["mtp", "verdict"] == "accurate but needs context"


def test_verdicts_come_from_the_vocabulary() -> None:
    assert set(claims_ledger()["verdict"]) <= set(VERDICTS)


def test_sources_are_bibliography_or_figure_keys() -> None:
    known = set(aicosts.published_figures()["source"])
    assert set(claims_ledger()["source"]) <= known


def test_grade_a_rows_quote_and_grade_b_rows_say_reported() -> None:
    ledger = claims_ledger()
    a = ledger[ledger["grade"] == "A"]
    b = ledger[ledger["grade"] == "B"]
    assert (a["quote"] != "").all()
    assert (b["quote"] == "").all()
    # A secondary figure is presented as "reported by ..." / "reported in the press".
    assert b["source_says"].str.contains("eported").all(), b.loc[
        ~b["source_says"].str.contains("eported"), "source_says"
    ]


def test_dutch_wording_is_dutch_and_english_is_translated() -> None:
    ledger = claims_ledger()
    # The article writes amounts as "$ 1,6 miljard": a dollar sign, a space, a decimal comma.
    assert ledger.loc["headline-1-6b", "claim_nl"].endswith("$ 1,6 miljard om te ontwikkelen")
    assert "$1.6 billion" in ledger.loc["headline-1-6b", "claim_en"]
    assert (ledger["claim_nl"] != ledger["claim_en"]).all()


def test_csv_stores_recipes_not_computed_numbers() -> None:
    """No reproduced value appears in the CSV: values are computed, never typed.

    A published figure that a reproduction equals (Table 1's $5.576M) may be quoted as such.
    """
    text = files("aicosts").joinpath("data", "claims.csv").read_text(encoding="utf-8")
    digits = set(re.findall(r"\d[\d,.]*", text))
    for claim_id, row in claim_reproductions().iterrows():
        value, published = float(row["value"]), float(row["published"])
        forms = {f"{value:,.0f}", f"{value:.0f}", f"{value:.4g}", f"{value / 1e6:.3f}"}
        if published == value:
            continue
        for shown in {f for f in forms if sum(c.isdigit() for c in f) >= 4}:
            assert shown not in digits, f"{claim_id}: computed value {shown} typed into the CSV"


def test_csv_has_the_documented_header() -> None:
    with files("aicosts").joinpath("data", "claims.csv").open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert tuple(header) == CLAIM_COLUMNS


def test_every_recipe_is_used() -> None:
    assert set(claims_ledger()["recipe"]) - {""} == set(RECIPES)


# --- validation -----------------------------------------------------------------------------


def test_unknown_verdict_is_named(raw: pd.DataFrame) -> None:
    raw.loc[1, "verdict"] = "mostly true"
    raw.loc[3, "verdict"] = "pants on fire"
    with pytest.raises(ValueError, match=r"unknown verdicts \['mostly true', 'pants on fire'\]"):
        validate_ledger(raw)


def test_unknown_verdict_message_names_the_claims(raw: pd.DataFrame) -> None:
    raw.loc[4, "verdict"] = "true-ish"
    with pytest.raises(ValueError, match=r"in claims \['initial-6m'\]"):
        validate_ledger(raw)


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("grade", "D", "grade not in"),
        ("quote", "", "need a quote"),
        ("recipe", "guesswork", "unknown recipes"),
        ("compare_key", "deepseek_v3_cost", "not a published figure"),
        ("source", "", "empty 'source'"),
        ("reason", "", "empty 'reason'"),
        ("id", "", "without an id"),
        ("id", "gpus-50k", "repeats ids"),
    ],
)
def test_bad_rows_are_rejected(raw: pd.DataFrame, column: str, value: str, message: str) -> None:
    # Row 4 is "initial-6m", grade A with a recipe and a compare key.
    raw.loc[4, column] = value
    with pytest.raises(ValueError, match=message):
        validate_ledger(raw)


def test_wrong_columns_are_rejected(raw: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="columns"):
        validate_ledger(raw.drop(columns="reason"))


def test_not_a_dataframe() -> None:
    with pytest.raises(TypeError, match="DataFrame"):
        validate_ledger([{"id": "x"}])  # type: ignore[arg-type]


def test_validation_strips_and_fills(raw: pd.DataFrame) -> None:
    raw.loc[0, "verdict"] = "  conflates two things "
    raw.loc[0, "compare_key"] = None
    out = validate_ledger(raw)
    assert out.loc["headline-1-6b", "verdict"] == "conflates two things"
    assert out.loc["headline-1-6b", "compare_key"] == ""


def test_unknown_recipe() -> None:
    with pytest.raises(ValueError, match="unknown recipe 'nope'"):
        reproduce_recipe("nope")


# --- reproductions against published figures ------------------------------------------------


def test_v3_rental_total_is_table_1() -> None:
    # DeepSeek-V3 Technical Report, Table 1: 2,788K H800 GPU-hours at $2 = $5.576M (A).
    assert reproduce_recipe("deepseek_v3_rental_total") == aicosts.published_figure(
        "deepseek_v3_total_usd"
    )


def test_fleet_server_capex_is_consistent_with_semianalysis() -> None:
    # SemiAnalysis, as reported: total server capex ~$1.6B (B). Epoch's method (no overhead on
    # the H100's DGX share) gives $1.48B: consistent with it within 10%, not a reproduction.
    assert reproduce_recipe("semianalysis_fleet_server_capex") == pytest.approx(
        aicosts.published_figure("semianalysis_server_capex_usd"), rel=0.1
    )


def test_opex_per_gpu_hour_is_a_hosting_plus_power_rate() -> None:
    # ~$944M (SemiAnalysis, B) read as a 4-year total (unverified) over ~50,000 GPUs: about
    # $0.54 per GPU-hour; over the 60,000 GPUs of the one public chart reading, about $0.45.
    rate = reproduce_recipe("semianalysis_opex_usd_per_gpu_hour")
    hours = (
        4
        * aicosts.formulas.costs.HOURS_PER_YEAR
        * aicosts.published_figure("semianalysis_fleet_gpus")
    )
    assert rate == aicosts.published_figure("semianalysis_operating_cost_usd") / hours
    low = aicosts.average_usd_per_gpu_hour(
        944e6, 4 * 8766 * aicosts.published_figure("semianalysis_fleet_gpus_chart_reading")
    )
    assert 0.44 < low < 0.46 and 0.53 < rate < 0.55


def test_r1_counted_like_v3_is_v3_base_plus_the_nature_stages() -> None:
    # Nature 645, 633 (2025) supplement, as reported: "about $294,000" (B); reconstruction
    # 147,336 GPU-hours x $2 = $294,672 (C). V3-Base = pre-training + context extension (A):
    # $5.566M; V3's own post-training is not part of R1. Total about $5.86M (sources.md, C).
    fig = aicosts.published_figure
    r1_hours = (
        fig("deepseek_r1_zero_wall_clock_hours") + fig("deepseek_r1_wall_clock_hours")
    ) * fig("deepseek_r1_gpus") + fig("deepseek_r1_sft_data_gpu_hours")
    r1 = aicosts.rental_cost(r1_hours, fig("deepseek_r1_usd_per_gpu_hour"))
    assert r1 == fig("deepseek_r1_reconstructed_usd")
    assert r1 == pytest.approx(fig("deepseek_r1_usd"), rel=0.01)
    base = fig("deepseek_v3_pretraining_usd") + fig("deepseek_v3_context_extension_usd")
    value = reproduce_recipe("deepseek_r1_counted_like_v3")
    assert value == pytest.approx(base + r1, rel=1e-12)
    assert 5.85e6 < value < 5.87e6
    assert r1 / value == pytest.approx(0.05, abs=0.005)


def test_gpt4_a100_hours_match_epoch() -> None:
    # Epoch AI's GPT-4 row: 2.1e25 FLOP, MFU 0.34, 57M A100 chip-hours (B); within 5%.
    assert reproduce_recipe("gpt4_a100_gpu_hours") == pytest.approx(
        aicosts.published_figure("epoch_gpt4_chip_hours"), rel=0.05
    )


def test_v3_cluster_acquisition() -> None:
    # 2,048 H800 (deepseekv3 §3.1, A) x $33,800 (Epoch 2025, a bare GPU price, B) x Epoch's
    # 1.64 for a bare Hopper price (epochcode2025 hardware.py, A) / (1 - 0.19) (Epoch, B).
    assert reproduce_recipe("deepseek_v3_cluster_acquisition") == pytest.approx(
        2048 * 33_800 * 1.64 / 0.81
    )


def test_v3_active_fraction_matches_37b_of_671b() -> None:
    # deepseekv3 §4.2: 37B activated of 671B total (A); the config count gives 36.6B active
    # (excluding the embedding), so agreement within 2%.
    expected = aicosts.published_figure("deepseek_v3_active_params") / aicosts.published_figure(
        "deepseek_v3_total_params"
    )
    assert reproduce_recipe("deepseek_v3_active_fraction") == pytest.approx(expected, rel=0.02)


def test_v3_kv_ratio_is_56_9() -> None:
    # sources.md (C, from the V2 Table 1 formulas): MHA 1,998,848 vs MLA 35,136 elements.
    assert reproduce_recipe("deepseek_v3_kv_mha_over_mla") == pytest.approx(1_998_848 / 35_136)


def test_mtp_tokens_per_step_bracket_the_reported_speedup() -> None:
    # deepseekv3 §5.4.3: acceptance 85-90%, "1.8 times TPS" (A): 1 + alpha = 1.85 >= 1.8.
    value = reproduce_recipe("deepseek_v3_mtp_tokens_per_step")
    assert value == pytest.approx(1.85)
    assert 1.8 <= value <= 1.9


def test_every_claim_links_to_a_page_that_exists() -> None:
    root = Path(__file__).resolve().parents[2]
    for claim_id, page in claims_ledger()["page"].items():
        assert (root / "docs" / f"{page}.md").is_file(), (claim_id, page)


def test_claim_reproductions_table() -> None:
    table = claim_reproductions()
    ledger = claims_ledger()
    assert table.index.tolist() == [i for i in ledger.index if ledger.loc[i, "recipe"]]
    assert (table["unit"] == [RECIPES[r].unit for r in table["recipe"]]).all()
    compared = table.dropna(subset=["published"])
    assert set(compared.index) == {"headline-1-6b", "initial-6m", "server-capex-1-6b", "gpt4-100m"}
    # Consistent with, within 10%: the fleet at Epoch's method is $1.48B against ~$1.6B.
    assert compared["ratio"].between(0.9, 1.05).all()
