"""The claims ledger: shipped data, validation, and every reproduction against its source."""

from __future__ import annotations

import csv
import re
from importlib.resources import files

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
        ("grade", "D", "grade not in A/B/C"),
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


def test_fleet_server_capex_matches_semianalysis() -> None:
    # SemiAnalysis, as reported: total server capex ~$1.6B (B); within 1%.
    assert reproduce_recipe("semianalysis_fleet_server_capex") == pytest.approx(
        aicosts.published_figure("semianalysis_server_capex_usd"), rel=0.01
    )


def test_years_to_opex_is_a_multi_year_total() -> None:
    # ~$944M (SemiAnalysis, B): at the fleet's power plus the reported $1.3M researcher pay,
    # about four years, the commentator's 4-year TCO reading (C).
    years = reproduce_recipe("semianalysis_years_to_opex")
    assert years == pytest.approx(4.448, abs=0.001)
    assert 3.0 < years < 6.0


def test_r1_rental_matches_the_nature_supplement() -> None:
    # Nature 645, 633 (2025) supplement, as reported: "about $294,000" (B); reconstruction
    # 147,336 GPU-hours x $2 = $294,672 (C).
    value = reproduce_recipe("deepseek_r1_rental")
    assert value == aicosts.published_figure("deepseek_r1_reconstructed_usd")
    assert value == pytest.approx(aicosts.published_figure("deepseek_r1_usd"), rel=0.01)


def test_gpt4_a100_hours_match_epoch() -> None:
    # Epoch AI's GPT-4 row: 2.1e25 FLOP, MFU 0.34, 57M A100 chip-hours (B); within 5%.
    assert reproduce_recipe("gpt4_a100_gpu_hours") == pytest.approx(
        aicosts.published_figure("epoch_gpt4_chip_hours"), rel=0.05
    )


def test_v3_cluster_acquisition() -> None:
    # 2,048 H800 (deepseekv3 §3.1, A) x $33,800 (Epoch 2025, B) x 1.54 / (1 - 0.19) (Epoch, B).
    assert reproduce_recipe("deepseek_v3_cluster_acquisition") == pytest.approx(
        2048 * 33_800 * 1.54 / 0.81
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


def test_claim_reproductions_table() -> None:
    table = claim_reproductions()
    ledger = claims_ledger()
    assert table.index.tolist() == [i for i in ledger.index if ledger.loc[i, "recipe"]]
    assert (table["unit"] == [RECIPES[r].unit for r in table["recipe"]]).all()
    compared = table.dropna(subset=["published"])
    assert set(compared.index) == {"initial-6m", "server-capex-1-6b", "r1-5m", "gpt4-100m"}
    assert compared["ratio"].between(0.95, 1.05).all()
