"""Conversion of arguments to float64 arrays, element-wise error messages and broadcasting.

The mechanics behind :mod:`aicosts._contract`: what counts as a number, how a bad element is
named in a message, which shapes broadcast. Formulas never call these directly.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Iterable, Mapping, Sequence
from numbers import Integral, Real
from typing import Any, TypeAlias

import numpy as np
import numpy.typing as npt
import pandas as pd

__all__ = ["check_integral", "convert"]

#: A float64 ndarray.
FloatArray: TypeAlias = "npt.NDArray[np.float64]"


def _describe(value: Any) -> str:
    """Show a value as the user would recognise it in an error message."""
    if isinstance(value, np.ndarray) and value.ndim == 0 and value.dtype.kind in "iuf":
        value = value.item()  # a converted scalar argument reads as the number it was
    if isinstance(value, np.timedelta64 | np.datetime64):
        return repr(value)  # np.timedelta64 subclasses np.signedinteger: int() would fail
    if isinstance(value, float | np.floating):
        return repr(float(value))
    if isinstance(value, np.integer) or (isinstance(value, int) and not isinstance(value, bool)):
        text = repr(int(value))
        return text if len(text) <= 40 else f"an integer of {len(text)} digits"
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


_REFUSED_KINDS: tuple[tuple[type | tuple[type, ...], str], ...] = (
    ((str, bytes, bytearray, memoryview), "a number or an array of numbers"),
    ((bool, np.bool_), "a number, not a bool"),
    (
        (_dt.timedelta, np.timedelta64, pd.Timedelta),
        "a number in the unit its name says; convert a duration explicitly "
        "(e.g. td / pd.Timedelta(hours=1))",
    ),
    ((_dt.date, np.datetime64, pd.Timestamp), "a number, not a date"),
    (pd.DataFrame, "a number, an array or a Series; pass one column of the DataFrame"),
    (np.ma.MaskedArray, "a plain array: a masked array's mask would be lost (fill it first)"),
)


#: Element types that are plainly numbers (exact types: ``bool`` subclasses ``int``).
_PLAIN_TYPES = frozenset(
    {float, int, np.float64, np.float32, np.float16, np.int64, np.int32, np.int16, np.int8}
    | {np.uint64, np.uint32, np.uint16, np.uint8}
)


def _refused_inside(value: Sequence[Any]) -> str | None:
    """Return what a nested list/tuple holds that would be refused on its own, if anything.

    numpy would read a bool inside a list as 0 or 1, a 0-d bool array likewise, and drop the
    mask of a masked array inside a list: an element is held to the same rules as a bare value.
    """
    stack: list[Any] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list | tuple):
            if not _PLAIN_TYPES.issuperset(map(type, item)):  # the common case at C speed
                stack.extend(item)
            continue
        if type(item) in _PLAIN_TYPES:
            continue
        if isinstance(item, np.ndarray | pd.Series) and item.dtype.kind == "b":
            return "a number, not a bool"
        for kinds, wanted in _REFUSED_KINDS:
            if isinstance(item, kinds):
                return wanted
    return None


def convert(name: str, value: Any, *, labels: Sequence[Any] | None = None) -> FloatArray:
    """Convert an argument to a float64 array, refusing what is not plainly a number.

    Parameters
    ----------
    name : str
        Parameter name used in error messages [-].
    value : float, int, sequence, ndarray or Series
        The argument [unit of the parameter].
    labels : sequence, optional
        Element labels for messages; a Series's own index by default [-].

    Returns
    -------
    ndarray
        The value as float64 (0-d for a scalar) [unit of the parameter].

    Examples
    --------
    >>> convert("tokens", [1, 2.5])
    array([1. , 2.5])
    >>> convert("tokens", "14.8T")
    Traceback (most recent call last):
    ...
    TypeError: tokens must be a number or an array of numbers, got '14.8T'
    >>> convert("gpu_hours", [1, True])
    Traceback (most recent call last):
    ...
    TypeError: gpu_hours must be a number, not a bool, got [1, True]

    An empty array is refused: a sweep over nothing is almost always an empty filter upstream,
    and its empty result would sum to a silent 0.

    >>> convert("gpu_hours", [])
    Traceback (most recent call last):
    ...
    ValueError: gpu_hours must be non-empty, got an empty array of shape (0,)
    """
    if value is None:
        raise TypeError(f"{name} must be a number or an array of numbers, got None")
    for kinds, wanted in _REFUSED_KINDS:
        if isinstance(value, kinds):
            raise TypeError(f"{name} must be {wanted}, got {_describe(value)}")
    if isinstance(value, list | tuple):
        wanted_inside = _refused_inside(value)
        if wanted_inside is not None:
            raise TypeError(f"{name} must be {wanted_inside}, got {_describe(value)}")
    if isinstance(value, pd.Series | pd.Index):
        dtype = value.dtype
        if pd.api.types.is_timedelta64_dtype(dtype) or pd.api.types.is_datetime64_any_dtype(dtype):
            raise TypeError(
                f"{name} must hold numbers in the unit its name says, got a Series of {dtype}; "
                "convert durations explicitly (e.g. s / pd.Timedelta(hours=1))"
            )
        if pd.api.types.is_bool_dtype(dtype):
            raise TypeError(f"{name} must hold numbers, not bools, got a Series of {dtype}")
        if labels is None and isinstance(value, pd.Series):
            labels = list(value.index)
        value = value.to_numpy(dtype=object) if dtype.kind == "O" else value.to_numpy()
    try:
        arr = np.asarray(value)
    except (ValueError, TypeError) as exc:  # ragged sequences
        raise ValueError(
            f"{name} must be a rectangular array of numbers, got {_describe(value)}"
        ) from exc
    if arr.dtype.kind in "mM":
        raise TypeError(f"{name} must hold numbers in the unit its name says, got {arr.dtype}")
    if arr.dtype.kind == "b":
        raise TypeError(f"{name} must hold numbers, not bools, got {_describe(value)}")
    if arr.size == 0 and arr.dtype.kind in "iufO":
        raise ValueError(f"{name} must be non-empty, got an empty array of shape {arr.shape}")
    if arr.dtype.kind == "O":
        items = arr.ravel()
        if not all(
            isinstance(v, Real) and not isinstance(v, bool | np.bool_ | np.timedelta64)
            for v in items
        ):
            raise TypeError(
                f"{name} must be a number or an array of numbers, got {_describe(value)}"
            )
        try:
            arr = np.array([float(v) for v in items], dtype=np.float64).reshape(arr.shape)
        except OverflowError:
            raise ValueError(
                f"{name} must be a finite number, got an integer too large for a float"
            ) from None
    elif arr.dtype.kind not in "iuf":
        raise TypeError(f"{name} must be a number or an array of numbers, got {_describe(value)}")
    out = np.asarray(arr, dtype=np.float64)
    _fail_where(name, out, ~np.isfinite(out), "must be a finite number", labels)
    return out


def _fail_where(
    name: str,
    arr: FloatArray,
    bad: npt.NDArray[np.bool_],
    what: str,
    labels: Sequence[Any] | None,
) -> None:
    """Raise ``ValueError("<name>[<element>] <what>, got <value>")`` for the first bad element."""
    if not np.any(bad):
        return
    if arr.ndim == 0:
        label, v = name, arr.item()
    else:
        idx = tuple(int(i) for i in np.argwhere(bad)[0])
        if labels is not None and len(idx) == 1:
            label = f"{name}[{labels[idx[0]]!r}]"
        else:
            label = f"{name}[{', '.join(map(str, idx))}]"
        v = arr[idx]
    if what.startswith("must be at least") and float(v).is_integer() and "." not in what:
        shown = repr(int(v))
    else:
        shown = _describe(v)
    raise ValueError(f"{label} {what}, got {shown}")


def _broadcast(arrays: Mapping[str, FloatArray]) -> list[FloatArray]:
    """Broadcast named arrays; refuse clashes and shapes that would form an outer product."""
    shapes = {n: a.shape for n, a in arrays.items()}
    try:
        out_shape = np.broadcast_shapes(*shapes.values())
    except ValueError:
        out_shape = None
    if out_shape is None or out_shape not in shapes.values():
        items = list(shapes.items())
        for i, (a, sa) in enumerate(items):
            for b, sb in items[i + 1 :]:
                try:
                    joint = np.broadcast_shapes(sa, sb)
                except ValueError:
                    joint = None
                if joint is None or joint not in (sa, sb):
                    reason = (
                        "cannot be broadcast together"
                        if joint is None
                        else f"would broadcast to {joint}, an outer product; reshape one of them"
                    )
                    raise ValueError(f"{a} (shape {sa}) and {b} (shape {sb}) {reason}")
        raise ValueError(  # pragma: no cover - some pair always clashes
            f"arguments of shapes {shapes} cannot be broadcast together"
        )
    return [np.broadcast_to(a, out_shape) for a in arrays.values()]


def _series_of(bound: Mapping[str, Any], names: Iterable[str]) -> pd.Series | None:
    """Return the first Series argument, after checking all Series arguments share an index."""
    series = [(n, bound[n]) for n in names if isinstance(bound[n], pd.Series)]
    for n, s in series[1:]:
        if not s.index.equals(series[0][1].index):
            raise ValueError(
                f"{series[0][0]} and {n} are Series on different indexes, and the formulas "
                "combine elements by position, not by label: align them first "
                f"(e.g. {n}.reindex({series[0][0]}.index))"
            )
    return series[0][1] if series else None


def _wrap(result: Any, first_series: pd.Series | None, any_array: bool) -> Any:
    arr = np.asarray(result, dtype=np.float64)
    if first_series is not None and arr.shape == (len(first_series),):
        return pd.Series(arr, index=first_series.index, name=first_series.name)
    if arr.ndim == 0 and not any_array:
        return float(arr)
    return arr


def _shown(bound: Mapping[str, Any], names: Iterable[str]) -> str:
    return ", ".join(f"{n}={_describe(bound[n])}" for n in names)


def check_integral(name: str, value: Any, minimum: int = 0, maximum: int | None = None) -> int:
    """Check a single whole number (numpy integers and integral floats accepted) and return an int.

    Parameters
    ----------
    name : str
        Parameter or field name for messages [-].
    value : int
        The count [-].
    minimum : int, optional
        Smallest allowed value [-].
    maximum : int, optional
        Largest allowed value [-].

    Returns
    -------
    int
        The value as a Python int [-].

    Examples
    --------
    >>> check_integral("num_hidden_layers", np.int64(61))
    61
    >>> check_integral("num_hidden_layers", 1e308, maximum=100_000)
    Traceback (most recent call last):
    ...
    ValueError: num_hidden_layers must be at most 100000, got 1e+308
    """
    if isinstance(value, bool | np.bool_ | np.timedelta64) or not isinstance(
        value, Integral | float | np.floating
    ):
        raise TypeError(f"{name} must be a whole number, got {_describe(value)}")
    if isinstance(value, Integral):
        number: int | float = int(value)
    elif math.isfinite(value) and float(value).is_integer():
        number = float(value)
    else:
        raise ValueError(f"{name} must be a whole number, got {_describe(value)}")
    if maximum is not None and number > maximum:
        raise ValueError(f"{name} must be at most {maximum}, got {_describe(value)}")
    if number < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {_describe(value)}")
    return int(number)
