r"""Accelerator specifications: a small catalogue of the GPUs the cost debate is about.

- :class:`GPU` -- frozen dataclass of one accelerator's dense peaks, memory, power and price,
  with a ``sources`` mapping saying where each field comes from.
- :meth:`GPU.peak_flop_per_s` -- dense peak at ``"bf16"`` or ``"fp8"`` [FLOP/s].
- :func:`get_gpu` -- look a GPU up by a forgiving name (``"H100"``, ``"h100 sxm"``, ``"H100-SXM"``).
- :func:`list_gpus` -- the catalogue as a DataFrame.
- :data:`GPUS` -- the catalogue itself, a read-only mapping from canonical name to :class:`GPU`.

All values come from the hardware table of the project's ``sources.md`` (grade B: vendor
datasheets and price reports as collected there). Peaks are *dense*: vendors quote FP8/FP16
"with sparsity" at twice these values. Units are SI: bytes (1 GB = 1e9 B), bytes/s, FLOP/s,
watts, USD per GPU. Where sources conflict (the H800's FP8 peak, 1979 vs 1513 TFLOP/s; its
NVLink, 400 vs ~300 GB/s) the catalogue keeps the first value and records the conflict in
``sources`` and ``notes``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from aicosts._contract import POSITIVE, choice, scalar

__all__ = ["GPU", "GPUS", "get_gpu", "list_gpus"]

_PRECISION = choice("bf16", "fp8")

_TABLE = "B: sources.md hardware table (vendor datasheet values as collected there)"


@dataclass(frozen=True)
class GPU:
    r"""Specifications of one accelerator, as used by the cost formulas.

    Parameters
    ----------
    name : str
        Canonical name, e.g. ``"H100 SXM"`` [-].
    bf16_flop_per_s : float
        Dense BF16 tensor peak [FLOP/s].
    fp8_flop_per_s : float or None
        Dense FP8 tensor peak [FLOP/s]; ``None`` where the chip has no FP8 tensor cores.
    hbm_bytes : float
        High-bandwidth memory capacity [B].
    hbm_bytes_per_s : float
        Memory bandwidth [B/s].
    nvlink_bytes_per_s : float or None
        NVLink bandwidth per GPU [B/s]; ``None`` where no figure is given.
    tdp_watts : float
        Thermal design power [W].
    usd_price_low : float
        Low end of the reported purchase price [USD/GPU].
    usd_price_high : float
        High end of the reported purchase price [USD/GPU].
    usd_price : float
        Central purchase price used by default [USD/GPU]; ``low ≤ central ≤ high``.
    sources : Mapping[str, str]
        Field name → source key, grade and note [-].
    notes : str, optional
        Conflicts and caveats in prose [-].

    Notes
    -----
    Frozen and hashable (``sources`` is excluded from hashing and stored read-only).
    Validation on construction: positive finite numbers, price bounds ordered.

    Examples
    --------
    >>> h800 = get_gpu("H800")
    >>> h800.peak_flop_per_s("FP8")
    1.979e+15
    >>> h800.sources["fp8_flop_per_s"]
    'B: sources.md hardware table; conflict: some sources give 1513 TFLOP/s'
    """

    name: str
    bf16_flop_per_s: float
    fp8_flop_per_s: float | None
    hbm_bytes: float
    hbm_bytes_per_s: float
    nvlink_bytes_per_s: float | None
    tdp_watts: float
    usd_price_low: float
    usd_price_high: float
    usd_price: float
    sources: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)
    notes: str = ""

    def __post_init__(self) -> None:
        """Validate the fields and freeze ``sources``."""
        if not isinstance(self.name, str) or not self.name.strip():
            raise TypeError(f"name must be a non-empty string, got {self.name!r}")
        for f in fields(self):
            if f.name in {"name", "sources", "notes"}:
                continue
            value = getattr(self, f.name)
            if value is None and f.name in {"fp8_flop_per_s", "nvlink_bytes_per_s"}:
                continue
            scalar(POSITIVE).check(f.name, value)
        if not self.usd_price_low <= self.usd_price <= self.usd_price_high:
            raise ValueError(
                "usd_price_low <= usd_price <= usd_price_high must hold, got "
                f"{self.usd_price_low!r}, {self.usd_price!r}, {self.usd_price_high!r}"
            )
        object.__setattr__(self, "sources", MappingProxyType(dict(self.sources)))

    def peak_flop_per_s(self, precision: str = "bf16") -> float:
        r"""Dense peak throughput at a precision.

        .. math:: P = P_\mathrm{precision}

        Parameters
        ----------
        precision : {"bf16", "fp8"}
            Tensor-core precision, case-insensitive [-].

        Returns
        -------
        float
            Dense peak [FLOP/s].

        Raises
        ------
        ValueError
            For an unknown precision, or ``"fp8"`` on a GPU without an FP8 peak.

        Examples
        --------
        >>> get_gpu("H100").peak_flop_per_s()
        989400000000000.0
        >>> get_gpu("A100").peak_flop_per_s("fp8")
        Traceback (most recent call last):
        ...
        ValueError: A100 SXM 80GB has no FP8 peak; use precision='bf16'
        """
        choice = _PRECISION.check("precision", precision)
        if choice == "bf16":
            return self.bf16_flop_per_s
        if self.fp8_flop_per_s is None:
            raise ValueError(f"{self.name} has no FP8 peak; use precision='bf16'")
        return self.fp8_flop_per_s


def _sources(**overrides: str) -> dict[str, str]:
    """Default source note for every numeric field, with per-field overrides."""
    base = {
        f: _TABLE
        for f in (
            "bf16_flop_per_s",
            "fp8_flop_per_s",
            "hbm_bytes",
            "hbm_bytes_per_s",
            "nvlink_bytes_per_s",
            "tdp_watts",
            "usd_price_low",
            "usd_price_high",
            "usd_price",
        )
    }
    base.update(overrides)
    return base


_CATALOGUE: tuple[GPU, ...] = (
    GPU(
        name="H100 SXM",
        bf16_flop_per_s=989.4e12,
        fp8_flop_per_s=1978.9e12,
        hbm_bytes=80e9,
        hbm_bytes_per_s=3.35e12,
        nvlink_bytes_per_s=900e9,
        tdp_watts=700.0,
        usd_price_low=30_000.0,
        usd_price_high=40_000.0,
        usd_price=33_750.0,
        sources=_sources(
            tdp_watts="A: Llama 3.1 MODEL_CARD.md (700 W); B: sources.md hardware table",
            usd_price_low="B: sources.md hardware table ('~$30–40K')",
            usd_price_high="B: sources.md hardware table ('~$30–40K')",
            usd_price="B: Epoch AI 2023 price, via sources.md hardware table",
        ),
        notes="Central price is Epoch AI's 2023 figure; the range is the reported ~$30–40K.",
    ),
    GPU(
        name="H800 SXM",
        bf16_flop_per_s=989e12,
        fp8_flop_per_s=1979e12,
        hbm_bytes=80e9,
        hbm_bytes_per_s=3.35e12,
        nvlink_bytes_per_s=400e9,
        tdp_watts=700.0,
        usd_price_low=33_800.0,
        usd_price_high=33_800.0,
        usd_price=33_800.0,
        sources=_sources(
            fp8_flop_per_s="B: sources.md hardware table; conflict: some sources give 1513 TFLOP/s",
            nvlink_bytes_per_s="B: sources.md hardware table; conflict: sources give ~300 GB/s",
            usd_price_low="B: Epoch AI 2025 price (single figure), via sources.md",
            usd_price_high="B: Epoch AI 2025 price (single figure), via sources.md",
            usd_price="B: Epoch AI 2025 price, via sources.md; DGX H800 per GPU: $44,750",
        ),
        notes=(
            "FP8 dense peak 1979 TFLOP/s; some sources (and the scaling book's DeepSeek "
            "estimate) use 1513 TFLOP/s. NVLink 400 GB/s; other sources say ~300 GB/s. Only "
            "one GPU price is sourced ($33,800, Epoch 2025), so low = central = high; the "
            "DGX H800 price per GPU ($44,750) includes the server and is not a GPU price."
        ),
    ),
    GPU(
        name="H20",
        bf16_flop_per_s=148e12,
        fp8_flop_per_s=296e12,
        hbm_bytes=96e9,
        hbm_bytes_per_s=4.0e12,
        nvlink_bytes_per_s=None,
        tdp_watts=400.0,
        usd_price_low=10_000.0,
        usd_price_high=13_000.0,
        usd_price=12_000.0,
        sources=_sources(
            nvlink_bytes_per_s="B: sources.md hardware table gives n/a",
            usd_price_low="B: sources.md hardware table ('~$12,000 ($10–13K)')",
            usd_price_high="B: sources.md hardware table ('~$12,000 ($10–13K)')",
            usd_price="B: sources.md hardware table ('~$12,000')",
        ),
        notes="No NVLink figure in the sources (n/a).",
    ),
    GPU(
        name="H200 SXM",
        bf16_flop_per_s=989.5e12,
        fp8_flop_per_s=1979e12,
        hbm_bytes=141e9,
        hbm_bytes_per_s=4.8e12,
        nvlink_bytes_per_s=900e9,
        tdp_watts=700.0,
        usd_price_low=33_800.0,
        usd_price_high=39_100.0,
        usd_price=36_450.0,
        sources=_sources(
            usd_price_low="B: sources.md hardware table ($33.8K, 2024)",
            usd_price_high="B: sources.md hardware table ($39.1K, 2025)",
            usd_price="C: midpoint of the 2024 ($33.8K) and 2025 ($39.1K) prices",
        ),
        notes="Central price is the midpoint of the 2024 and 2025 figures (aicosts, grade C).",
    ),
    GPU(
        name="A100 SXM 80GB",
        bf16_flop_per_s=312e12,
        fp8_flop_per_s=None,
        hbm_bytes=80e9,
        hbm_bytes_per_s=2.04e12,
        nvlink_bytes_per_s=600e9,
        tdp_watts=400.0,
        usd_price_low=15_000.0,
        usd_price_high=15_000.0,
        usd_price=15_000.0,
        sources=_sources(
            fp8_flop_per_s="B: sources.md hardware table ('–': no FP8 tensor cores)",
            usd_price_low="B: sources.md hardware table ('~$15,000 (40GB)')",
            usd_price_high="B: sources.md hardware table ('~$15,000 (40GB)')",
            usd_price="B: sources.md hardware table ('~$15,000 (40GB)')",
        ),
        notes="No FP8. The only sourced price (~$15,000) is for the 40GB model.",
    ),
)

#: The catalogue: canonical name → :class:`GPU` (read-only).
GPUS: Mapping[str, GPU] = MappingProxyType({g.name: g for g in _CATALOGUE})


def _fold(name: str) -> str:
    """Fold a GPU name for lookup: case, spaces, hyphens and underscores ignored."""
    return re.sub(r"[\s\-_]+", "", name).casefold()


# Accepted spellings (folded) → canonical name. The bare chip name means its SXM part.
_ALIASES: dict[str, str] = {
    **{_fold(g.name): g.name for g in _CATALOGUE},
    "h100": "H100 SXM",
    "h800": "H800 SXM",
    "h200": "H200 SXM",
    "a100": "A100 SXM 80GB",
    "a100sxm": "A100 SXM 80GB",
    "a10080gb": "A100 SXM 80GB",
}


def get_gpu(name: str) -> GPU:
    r"""Look up a GPU in the catalogue by a forgiving name.

    .. math:: \mathrm{GPU} = \mathrm{catalogue}[\mathrm{fold}(\mathrm{name})]

    Parameters
    ----------
    name : str
        GPU name; case, spaces, hyphens and underscores are ignored, and the bare chip name
        (``"H100"``) means the SXM part [-].

    Returns
    -------
    GPU
        The catalogue entry [-].

    Raises
    ------
    TypeError
        If ``name`` is not a string.
    ValueError
        If the name is unknown; the message lists the known names.

    Notes
    -----
    Values from the hardware table of ``sources.md`` (grade B) [1]_.

    Examples
    --------
    >>> get_gpu("h100-sxm").name
    'H100 SXM'
    >>> get_gpu("H800").tdp_watts
    700.0
    >>> get_gpu("B200")
    Traceback (most recent call last):
    ...
    ValueError: unknown GPU 'B200'; known GPUs: 'H100 SXM', 'H800 SXM', 'H20', 'H200 SXM', ...

    References
    ----------
    .. [1] aicosts ``sources.md``, "Hardware" table (NVIDIA datasheets; Epoch AI prices).
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be a string, got {name!r}")
    try:
        return GPUS[_ALIASES[_fold(name)]]
    except KeyError:
        known = ", ".join(repr(n) for n in GPUS)
        raise ValueError(f"unknown GPU {name!r}; known GPUs: {known}") from None


def list_gpus() -> pd.DataFrame:
    r"""Return the GPU catalogue as a table, one row per GPU.

    .. math:: \text{row}_i = \mathrm{GPU}_i

    Returns
    -------
    DataFrame
        Indexed by ``name``; columns ``bf16_flop_per_s`` [FLOP/s], ``fp8_flop_per_s``
        [FLOP/s, NaN if none], ``hbm_bytes`` [B], ``hbm_bytes_per_s`` [B/s],
        ``nvlink_bytes_per_s`` [B/s, NaN if none], ``tdp_watts`` [W], ``usd_price_low``,
        ``usd_price_high``, ``usd_price`` [USD/GPU] and ``notes`` [-].

    Notes
    -----
    The per-field sources are on each :class:`GPU` (``get_gpu(name).sources``) [1]_.

    Examples
    --------
    >>> float(list_gpus().loc["H20", "tdp_watts"])
    400.0

    References
    ----------
    .. [1] aicosts ``sources.md``, "Hardware" table (NVIDIA datasheets; Epoch AI prices).
    """
    rows: list[dict[str, Any]] = []
    for g in _CATALOGUE:
        row: dict[str, Any] = {}
        for f in fields(g):
            if f.name == "sources":
                continue
            value = getattr(g, f.name)
            row[f.name] = np.nan if value is None else value
        rows.append(row)
    return pd.DataFrame(rows).set_index("name")
