r"""Accelerator specifications: a small catalogue of the GPUs the cost debate is about.

- :class:`GPU` -- frozen dataclass of one accelerator's dense peaks, memory, power and price,
  with a ``sources`` mapping saying where each field comes from.
- :meth:`GPU.peak_flop_per_s` -- dense peak at ``"bf16"`` or ``"fp8"`` [FLOP/s].
- :func:`get_gpu` -- look a GPU up by a forgiving name (``"H100"``, ``"h100 sxm"``, ``"H100-SXM"``).
- :func:`list_gpus` -- the catalogue as a DataFrame.
- :data:`GPUS` -- the catalogue itself, a read-only mapping from canonical name to :class:`GPU`.

The catalogue is data: ``aicosts/data/gpus.csv`` (one row per GPU) and ``gpu_sources.csv`` (the
source of every field of every GPU), loaded and validated here. All values come from the hardware
table of the project's ``sources.md`` (grade B: vendor
datasheets and price reports as collected there). Peaks are *dense*: vendors quote FP8/FP16
"with sparsity" at twice these values. Units are SI: bytes (1 GB = 1e9 B), bytes/s, FLOP/s,
watts, USD per GPU. The H800 is the SXM part DeepSeek trains on (dense FP8 1979 TFLOP/s); the
1513 TFLOP/s some estimates use is the H800 PCIe card's peak, recorded in ``sources`` and
``notes``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from importlib import resources
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from aicosts._contract import POSITIVE, choice, scalar

__all__ = ["GPU", "GPUS", "PRICE_KINDS", "get_gpu", "list_gpus"]

_PRECISION = choice("bf16", "fp8")
#: What a catalogue price buys: a GPU on its own, or a per-GPU share of a whole server.
PRICE_KINDS = ("bare GPU", "server share")
_PRICE_KIND = choice(*PRICE_KINDS)


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
    usd_price_kind : {"bare GPU", "server share"}, optional
        What the prices buy: one GPU on its own, or a per-GPU share of a server (DGX/HGX price
        ÷ 8) that already includes the CPUs, memory, networking cards and chassis [-]. A server
        overhead may only multiply a bare GPU price (:data:`PRICE_KINDS`).
    usd_price_date : str, optional
        When the prices were quoted, e.g. ``"2023"`` [-].

    Notes
    -----
    Frozen and hashable (``sources`` is excluded from hashing and stored read-only).
    Validation on construction: positive finite numbers, price bounds ordered, a known price
    kind.

    Examples
    --------
    >>> h800 = get_gpu("H800")
    >>> h800.peak_flop_per_s("FP8")
    1.979e+15
    >>> h800.sources["fp8_flop_per_s"]
    "B: sources.md hardware table; 1513 TFLOP/s is the H800 PCIe card's dense FP8 peak ..."
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
    usd_price_kind: str = "bare GPU"
    usd_price_date: str = ""

    def __post_init__(self) -> None:
        """Validate the fields and freeze ``sources``."""
        if not isinstance(self.name, str) or not self.name.strip():
            raise TypeError(f"name must be a non-empty string, got {self.name!r}")
        for f in fields(self):
            if f.name in {"name", "sources", "notes", "usd_price_kind", "usd_price_date"}:
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
        _PRICE_KIND.check("usd_price_kind", self.usd_price_kind)
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
        ValueError: A100 SXM 40GB has no FP8 peak; use precision='bf16'
        """
        choice = _PRECISION.check("precision", precision)
        if choice == "bf16":
            return self.bf16_flop_per_s
        if self.fp8_flop_per_s is None:
            raise ValueError(f"{self.name} has no FP8 peak; use precision='bf16'")
        return self.fp8_flop_per_s


_NUMERIC = (
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


def _read_csv(name: str) -> list[dict[str, str]]:
    """Read a catalogue CSV, refusing a row with more fields than columns (an unquoted comma)."""
    with (resources.files("aicosts") / "data" / name).open("r", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for number, row in enumerate(rows, start=2):
        if None in row:
            raise ValueError(f"{name} line {number} has more fields than columns: {row[None]!r}")
    return rows


def _load_catalogue() -> tuple[GPU, ...]:
    """Read ``data/gpus.csv`` and ``data/gpu_sources.csv`` into validated :class:`GPU` entries."""
    sources: dict[str, dict[str, str]] = {}
    for row in _read_csv("gpu_sources.csv"):
        if row["field"] not in _NUMERIC:
            raise ValueError(f"gpu_sources.csv: unknown field {row['field']!r} for {row['name']!r}")
        sources.setdefault(row["name"], {})[row["field"]] = row["source"]
    gpus = []
    for row in _read_csv("gpus.csv"):
        name = row["name"]
        missing = set(_NUMERIC) - set(sources.get(name, {}))
        if missing:
            raise ValueError(f"gpu_sources.csv gives no source for {name!r}: {sorted(missing)}")
        values: dict[str, Any] = {k: float(row[k]) if row[k] else None for k in _NUMERIC}
        gpus.append(
            GPU(
                name=name,
                **values,
                sources=sources[name],
                notes=row["notes"],
                usd_price_kind=row["usd_price_kind"],
                usd_price_date=row["usd_price_date"],
            )
        )
    return tuple(gpus)


_CATALOGUE: tuple[GPU, ...] = _load_catalogue()

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
    # The bare "A100" is the 40 GB part: Epoch AI's GPT-4 row uses it, and its price is sourced.
    "a100": "A100 SXM 40GB",
    "a100sxm": "A100 SXM 40GB",
    "a10040gb": "A100 SXM 40GB",
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
