"""Tests for aicosts.hardware: the GPU catalogue, lookups and validation."""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import pandas as pd
import pytest

from aicosts import GPU, GPUS, get_gpu, list_gpus
from aicosts.catalogues.hardware import PRICE_KINDS

REQUIRED_FIELDS = {
    "name": str,
    "bf16_flop_per_s": float,
    "fp8_flop_per_s": float | None,
    "hbm_bytes": float,
    "hbm_bytes_per_s": float,
    "nvlink_bytes_per_s": float | None,
    "tdp_watts": float,
    "usd_price_low": float,
    "usd_price_high": float,
    "usd_price": float,
}
NUMERIC = [f for f in REQUIRED_FIELDS if f != "name"]


def test_field_names_other_modules_rely_on() -> None:
    names = {f.name for f in dataclasses.fields(GPU)}
    assert set(REQUIRED_FIELDS) | {"sources"} <= names


def test_catalogue_contents() -> None:
    assert set(GPUS) == {
        "H100 SXM", "H800 SXM", "H20", "H200 SXM", "A100 SXM 40GB", "A100 SXM 80GB"
    }  # fmt: skip


# Values from the sources.md hardware table (grade B; H100 TDP also A via the Llama model card).
@pytest.mark.parametrize(
    ("name", "bf16", "fp8", "hbm_gb", "hbm_tbs", "nvlink_gbs", "tdp", "price"),
    [
        ("H100 SXM", 989.4, 1978.9, 80, 3.35, 900, 700, 33_750),
        ("H800 SXM", 989, 1979, 80, 3.35, 400, 700, 33_800),
        ("H20", 148, 296, 96, 4.0, 900, 400, 12_000),  # NVLink: low confidence (B)
        ("H200 SXM", 989.5, 1979, 141, 4.8, 900, 700, 36_450),
        ("A100 SXM 40GB", 312, None, 40, 1.56, 600, 400, 15_000),
        # sources.md: a single-unit $17,500 (80 GB, 2020 list) exists; ~$15,000 is the 40 GB part.
        ("A100 SXM 80GB", 312, None, 80, 2.04, 600, 400, 17_500),
    ],
)
def test_catalogue_values(
    name: str,
    bf16: float,
    fp8: float | None,
    hbm_gb: float,
    hbm_tbs: float,
    nvlink_gbs: float | None,
    tdp: float,
    price: float,
) -> None:
    g = get_gpu(name)
    assert g.bf16_flop_per_s == pytest.approx(bf16 * 1e12)
    assert g.fp8_flop_per_s == (None if fp8 is None else pytest.approx(fp8 * 1e12))
    assert g.hbm_bytes == pytest.approx(hbm_gb * 1e9)
    assert g.hbm_bytes_per_s == pytest.approx(hbm_tbs * 1e12)
    assert g.nvlink_bytes_per_s == (None if nvlink_gbs is None else pytest.approx(nvlink_gbs * 1e9))
    assert g.tdp_watts == tdp
    assert g.usd_price == price
    assert g.usd_price_low <= g.usd_price <= g.usd_price_high


def test_h800_is_the_sxm_part_and_1513_is_the_pcie_peak() -> None:
    # deepseekisca2025 §4.1 (A): DeepSeek uses the H800 SXM, NVLink cut from 900 to 400 GB/s.
    # 1513 TFLOP/s is the PCIe card's dense FP8 peak, not a conflicting value for the SXM part.
    g = get_gpu("H800")
    assert g.name == "H800 SXM" and g.peak_flop_per_s("fp8") == 1979e12
    assert "PCIe" in g.sources["fp8_flop_per_s"] and "PCIe" in g.notes
    assert "conflict" not in g.sources["fp8_flop_per_s"] + g.notes
    assert g.nvlink_bytes_per_s == 400e9 and g.sources["nvlink_bytes_per_s"].startswith("A:")
    assert "300" not in g.sources["nvlink_bytes_per_s"]


@pytest.mark.parametrize("name", list(GPUS))
def test_every_numeric_field_has_a_source(name: str) -> None:
    g = GPUS[name]
    for f in NUMERIC:
        note = g.sources[f]
        assert note.split(":")[0] in {"A", "B", "derived", "assumed"}, (name, f, note)


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("H100", "H100 SXM"),
        ("h100 sxm", "H100 SXM"),
        ("H100-SXM", "H100 SXM"),
        ("  h100_sxm ", "H100 SXM"),
        ("h800", "H800 SXM"),
        ("H20", "H20"),
        ("h200", "H200 SXM"),
        ("A100", "A100 SXM 40GB"),
        ("a100-sxm-80gb", "A100 SXM 80GB"),
    ],
)
def test_get_gpu_is_forgiving(spelling: str, canonical: str) -> None:
    assert get_gpu(spelling).name == canonical


def test_get_gpu_unknown_lists_known_names() -> None:
    with pytest.raises(ValueError, match="unknown GPU 'B200'") as info:
        get_gpu("B200")
    for name in GPUS:
        assert repr(name) in str(info.value)


@pytest.mark.parametrize("bad", [None, 100, ["H100"]])
def test_get_gpu_rejects_non_strings(bad: Any) -> None:
    with pytest.raises(TypeError, match="name must be a string"):
        get_gpu(bad)


@pytest.mark.parametrize("precision", ["bf16", "BF16", " Bf16 "])
def test_peak_bf16(precision: str) -> None:
    assert get_gpu("H800").peak_flop_per_s(precision) == 989e12


@pytest.mark.parametrize("precision", ["fp8", "FP8"])
def test_peak_fp8(precision: str) -> None:
    assert get_gpu("H800").peak_flop_per_s(precision) == 1979e12


def test_peak_default_is_bf16() -> None:
    assert get_gpu("H20").peak_flop_per_s() == 148e12


def test_peak_errors() -> None:
    with pytest.raises(ValueError, match="A100 SXM 40GB has no FP8 peak"):
        get_gpu("A100").peak_flop_per_s("fp8")
    with pytest.raises(ValueError, match="precision must be one of 'bf16', 'fp8', got 'fp4'"):
        get_gpu("H100").peak_flop_per_s("fp4")
    with pytest.raises(TypeError, match="precision must be a string"):
        get_gpu("H100").peak_flop_per_s(8)  # type: ignore[arg-type]


def test_gpu_is_frozen_and_hashable() -> None:
    g = get_gpu("H100")
    with pytest.raises(dataclasses.FrozenInstanceError):
        g.tdp_watts = 1.0  # type: ignore[misc]
    with pytest.raises(TypeError):
        g.sources["tdp_watts"] = "x"  # type: ignore[index]
    assert hash(g) == hash(get_gpu("h100 sxm"))


def _spec(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "name": "X",
        "bf16_flop_per_s": 1e15,
        "fp8_flop_per_s": None,
        "hbm_bytes": 80e9,
        "hbm_bytes_per_s": 3e12,
        "nvlink_bytes_per_s": None,
        "tdp_watts": 700.0,
        "usd_price_low": 1.0,
        "usd_price_high": 3.0,
        "usd_price": 2.0,
    }
    base.update(overrides)
    return base


@pytest.mark.parametrize(
    ("field", "bad", "exc", "msg"),
    [
        ("bf16_flop_per_s", -1.0, ValueError, "bf16_flop_per_s must be positive, got -1.0"),
        ("tdp_watts", 0.0, ValueError, "tdp_watts must be positive, got 0.0"),
        ("hbm_bytes", math.nan, ValueError, "hbm_bytes must be a finite number, got nan"),
        ("fp8_flop_per_s", math.inf, ValueError, "fp8_flop_per_s must be a finite number"),
        ("usd_price", "cheap", TypeError, "usd_price must be a number"),
        ("usd_price", 5.0, ValueError, "usd_price_low <= usd_price <= usd_price_high"),
        ("name", "", TypeError, "name must be a non-empty string"),
    ],
)
def test_gpu_validation(field: str, bad: Any, exc: type[Exception], msg: str) -> None:
    with pytest.raises(exc) as info:
        GPU(**_spec(**{field: bad}))
    assert msg in str(info.value)


def test_list_gpus() -> None:
    table = list_gpus()
    assert isinstance(table, pd.DataFrame)
    assert table.index.name == "name"
    assert list(table.index) == list(GPUS)
    assert set(NUMERIC) | {"notes", "usd_price_kind", "usd_price_date"} == set(table.columns)
    assert math.isnan(table.loc["A100 SXM 80GB", "fp8_flop_per_s"])
    assert table.loc["H100 SXM", "bf16_flop_per_s"] == 989.4e12


@pytest.mark.parametrize("name", list(GPUS))
def test_every_price_states_its_kind_and_date(name: str) -> None:
    gpu = GPUS[name]
    assert gpu.usd_price_kind in PRICE_KINDS and gpu.usd_price_date


def test_h100_price_is_a_dgx_server_share() -> None:
    # $33,750 = DGX H100 "$270,000" / 8 (Epoch AI, 2023): a server share, not a bare GPU price.
    h100 = get_gpu("H100")
    assert h100.usd_price == 270_000 / 8 and h100.usd_price_kind == "server share"
    assert get_gpu("H200").usd_price_kind == "server share"
    assert get_gpu("H800").usd_price_kind == "bare GPU"


def test_a_price_kind_outside_the_vocabulary_is_refused() -> None:
    with pytest.raises(ValueError, match="usd_price_kind must be one of"):
        dataclasses.replace(get_gpu("H800"), usd_price_kind="DGX")


def test_catalogue_rows_with_an_unquoted_comma_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # A source note with an unquoted comma used to be read truncated, silently.
    import io

    from aicosts.catalogues import hardware

    text = "name,field,source\nH20,tdp_watts,B: a note, with a comma\n"

    class Files:
        def __truediv__(self, _: str) -> Files:
            return self

        def open(self, *_: object, **__: object) -> io.StringIO:
            return io.StringIO(text)

    monkeypatch.setattr(hardware.resources, "files", lambda _: Files())
    with pytest.raises(ValueError, match=r"gpu_sources\.csv line 2 has more fields than columns"):
        hardware._read_csv("gpu_sources.csv")
