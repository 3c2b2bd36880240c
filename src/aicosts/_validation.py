"""Input checks and broadcasting shared by every formula in :mod:`aicosts`.

Every public function calls these helpers first, so bad input fails the same way everywhere:
a :class:`TypeError` for a value of the wrong kind (a string where a number belongs) and a
:class:`ValueError` for a number outside the formula's domain (negative, NaN, infinite, a
fraction outside its interval, a fractional count, arrays of mismatched shape). Each message
names the parameter and the offending value, and for arrays the offending element::

    ValueError: gpu_hours must be positive, got -3.0
    ValueError: mfu[2] must be in (0, 1], got 1.5

The helpers also decide the type of a result: a formula called with scalars returns a
``float``; called with any array it returns an ``ndarray``; called with a pandas ``Series`` it
returns a ``Series`` on that index (pvlib's convention), so a reader can sweep a parameter
with one call.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from numbers import Number
from typing import Any, TypeAlias

import numpy as np
import numpy.typing as npt
import pandas as pd

__all__ = [
    "ArrayLike",
    "FloatArray",
    "FloatOrArray",
    "as_float",
    "as_float_array",
    "broadcast",
    "check_choice",
    "check_finite",
    "check_fraction",
    "check_integer",
    "check_positive",
    "wrap",
]

#: What the formulas accept for a numeric parameter.
ArrayLike: TypeAlias = "float | int | Sequence[float] | npt.NDArray[Any] | pd.Series[Any]"
#: A float64 ndarray.
FloatArray: TypeAlias = "npt.NDArray[np.float64]"
#: What the formulas return: float for scalar input, ndarray for arrays, Series for Series.
FloatOrArray: TypeAlias = "float | npt.NDArray[np.float64] | pd.Series[float]"


def _describe(value: Any) -> str:
    """Show a value as the user would recognise it in an error message."""
    if isinstance(value, float | np.floating):
        return repr(float(value))
    if isinstance(value, int | np.integer) and not isinstance(value, bool):
        return repr(int(value))
    return repr(value)


def _first_bad(name: str, arr: FloatArray, bad: npt.NDArray[np.bool_]) -> tuple[str, Any]:
    """Label and value of the first element flagged in ``bad``."""
    if arr.ndim == 0:
        return name, arr.item()
    idx = tuple(int(i) for i in np.argwhere(bad)[0])
    label = f"{name}[{idx[0]}]" if len(idx) == 1 else f"{name}[{', '.join(map(str, idx))}]"
    return label, arr[idx]


def as_float_array(name: str, value: Any) -> FloatArray:
    """Convert ``value`` to a float64 array, rejecting non-numbers, NaN and infinities.

    Parameters
    ----------
    name : str
        Parameter name used in error messages [-].
    value : float, int, sequence, ndarray or Series
        The input to convert [any unit].

    Returns
    -------
    ndarray
        The value as float64 (0-d for a scalar) [same unit as ``value``].

    Raises
    ------
    TypeError
        If ``value`` is a string, bool, None or holds non-numeric elements.
    ValueError
        If any element is NaN or infinite.

    Examples
    --------
    >>> as_float_array("tokens", [1, 2.5])
    array([1. , 2.5])
    >>> as_float_array("tokens", "14.8T")
    Traceback (most recent call last):
    ...
    TypeError: tokens must be a number or an array of numbers, got '14.8T'
    """
    if value is None or isinstance(value, str | bytes | bool | np.bool_):
        raise TypeError(f"{name} must be a number or an array of numbers, got {_describe(value)}")
    if isinstance(value, pd.Series | pd.Index):
        value = value.to_numpy()
    try:
        arr = np.asarray(value)
    except (ValueError, TypeError) as exc:  # ragged sequences
        raise ValueError(f"{name} must be a rectangular array of numbers, got {value!r}") from exc
    if arr.dtype == np.bool_ or not (
        np.issubdtype(arr.dtype, np.integer) or np.issubdtype(arr.dtype, np.floating)
    ):
        if (
            arr.dtype == object
            and arr.size
            and all(isinstance(v, Number) and not isinstance(v, bool) for v in arr.ravel())
        ):
            arr = arr.astype(np.float64)
        else:
            raise TypeError(
                f"{name} must be a number or an array of numbers, got {_describe(value)}"
            )
    out = arr.astype(np.float64, copy=False)
    return check_finite(name, out)


def as_float(value: Any) -> float:
    """Turn a scalar formula result (float, 0-d array, numpy scalar) into a Python ``float``.

    Parameters
    ----------
    value : float, 0-d ndarray or numpy scalar
        A result of one of the formulas called with scalar inputs [any unit].

    Returns
    -------
    float
        The same value [same unit].

    Examples
    --------
    >>> as_float(np.float64(2.5))
    2.5
    """
    return float(np.asarray(value, dtype=np.float64))


def check_finite(name: str, arr: FloatArray) -> FloatArray:
    """Reject NaN and ±inf elements of an already-numeric array.

    Parameters
    ----------
    name : str
        Parameter name used in error messages [-].
    arr : ndarray
        Float array to check [any unit].

    Returns
    -------
    ndarray
        ``arr`` unchanged [same unit].

    Examples
    --------
    >>> check_finite("price", np.array([1.0, np.nan]))
    Traceback (most recent call last):
    ...
    ValueError: price[1] must be a finite number, got nan
    """
    bad = ~np.isfinite(arr)
    if bad.any():
        label, v = _first_bad(name, arr, bad)
        raise ValueError(f"{label} must be a finite number, got {_describe(v)}")
    return arr


def check_positive(name: str, value: Any, *, allow_zero: bool = False) -> FloatArray:
    """Convert ``value`` and require every element to be > 0 (or ≥ 0 with ``allow_zero``).

    Parameters
    ----------
    name : str
        Parameter name used in error messages [-].
    value : float or array-like
        The input [any unit].
    allow_zero : bool, optional
        Accept zero as well [-].

    Returns
    -------
    ndarray
        The value as float64 [same unit].

    Examples
    --------
    >>> check_positive("gpu_hours", -3.0)
    Traceback (most recent call last):
    ...
    ValueError: gpu_hours must be positive, got -3.0
    >>> check_positive("staff", 0, allow_zero=True)
    array(0.)
    """
    arr = as_float_array(name, value)
    bad = arr < 0 if allow_zero else arr <= 0
    if bad.any():
        label, v = _first_bad(name, arr, bad)
        what = "non-negative" if allow_zero else "positive"
        raise ValueError(f"{label} must be {what}, got {_describe(v)}")
    return arr


def check_fraction(
    name: str,
    value: Any,
    *,
    low_inclusive: bool = False,
    high_inclusive: bool = True,
) -> FloatArray:
    """Convert ``value`` and require every element to lie in an interval within [0, 1].

    Parameters
    ----------
    name : str
        Parameter name used in error messages [-].
    value : float or array-like
        The fraction [-].
    low_inclusive : bool, optional
        Whether 0 is allowed (default: no, the interval is (0, 1]) [-].
    high_inclusive : bool, optional
        Whether 1 is allowed (default: yes) [-].

    Returns
    -------
    ndarray
        The value as float64 [-].

    Examples
    --------
    >>> check_fraction("mfu", [0.3, 1.5])
    Traceback (most recent call last):
    ...
    ValueError: mfu[1] must be in (0, 1], got 1.5
    """
    arr = as_float_array(name, value)
    low_ok = arr >= 0 if low_inclusive else arr > 0
    high_ok = arr <= 1 if high_inclusive else arr < 1
    bad = ~(low_ok & high_ok)
    if bad.any():
        label, v = _first_bad(name, arr, bad)
        interval = f"{'[' if low_inclusive else '('}0, 1{']' if high_inclusive else ')'}"
        raise ValueError(f"{label} must be in {interval}, got {_describe(v)}")
    return arr


def check_integer(name: str, value: Any, *, minimum: int = 1) -> FloatArray:
    """Convert ``value`` and require whole numbers ≥ ``minimum`` (counts: heads, layers, GPUs).

    Parameters
    ----------
    name : str
        Parameter name used in error messages [-].
    value : int or array-like
        The count [-].
    minimum : int, optional
        Smallest allowed value [-].

    Returns
    -------
    ndarray
        The count as float64 (exact for counts below 2**53) [-].

    Examples
    --------
    >>> check_integer("n_heads", 12.5)
    Traceback (most recent call last):
    ...
    ValueError: n_heads must be a whole number, got 12.5
    >>> check_integer("n_layers", 0)
    Traceback (most recent call last):
    ...
    ValueError: n_layers must be at least 1, got 0
    """
    arr = as_float_array(name, value)
    bad = arr != np.round(arr)
    if bad.any():
        label, v = _first_bad(name, arr, bad)
        raise ValueError(f"{label} must be a whole number, got {_describe(v)}")
    bad = arr < minimum
    if bad.any():
        label, v = _first_bad(name, arr, bad)
        raise ValueError(f"{label} must be at least {minimum}, got {_describe(int(v))}")
    return arr


def check_choice(name: str, value: Any, choices: Iterable[str]) -> str:
    """Match ``value`` case-insensitively against ``choices``; return the canonical spelling.

    Parameters
    ----------
    name : str
        Parameter name used in error messages [-].
    value : str
        The name given by the caller [-].
    choices : iterable of str
        The known names [-].

    Returns
    -------
    str
        The matching entry of ``choices`` [-].

    Examples
    --------
    >>> check_choice("attention", "gqa", ["MHA", "GQA", "MQA", "MLA"])
    'GQA'
    >>> check_choice("attention", "flash", ["MHA", "GQA"])
    Traceback (most recent call last):
    ...
    ValueError: attention must be one of 'MHA', 'GQA', got 'flash'
    """
    options = list(choices)
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, got {_describe(value)}")
    folded = {c.casefold(): c for c in options}
    try:
        return folded[value.strip().casefold()]
    except KeyError:
        known = ", ".join(repr(c) for c in options)
        raise ValueError(f"{name} must be one of {known}, got {value!r}") from None


def broadcast(**arrays: FloatArray) -> tuple[FloatArray, ...]:
    """Broadcast named arrays together, naming the parameters whose shapes clash.

    Parameters
    ----------
    **arrays : ndarray
        Checked inputs, keyed by parameter name [any unit].

    Returns
    -------
    tuple of ndarray
        The broadcast arrays, in the order given [same units].

    Examples
    --------
    >>> broadcast(gpu_hours=np.ones(3), price=np.ones(2))
    Traceback (most recent call last):
    ...
    ValueError: gpu_hours (shape (3,)) and price (shape (2,)) cannot be broadcast together
    """
    try:
        return tuple(np.broadcast_arrays(*arrays.values()))
    except ValueError:
        items = list(arrays.items())
        for i, (a_name, a) in enumerate(items):
            for b_name, b in items[i + 1 :]:
                try:
                    np.broadcast_shapes(a.shape, b.shape)
                except ValueError:
                    raise ValueError(
                        f"{a_name} (shape {a.shape}) and {b_name} (shape {b.shape}) "
                        "cannot be broadcast together"
                    ) from None
        raise  # pragma: no cover - a clash always involves some pair


def wrap(result: Any, *inputs: Any) -> FloatOrArray:
    """Give ``result`` the type its inputs suggest: float, ndarray, or Series.

    Parameters
    ----------
    result : ndarray
        The computed value [any unit].
    *inputs : object
        The raw inputs as the caller passed them [-].

    Returns
    -------
    float, ndarray or Series
        A ``float`` if every input was a scalar; a ``Series`` on the first Series input's index
        if one was a Series and the shapes agree; else an ``ndarray`` [same unit as ``result``].

    Raises
    ------
    ValueError
        If two Series inputs have different indexes: the arithmetic is positional, so a silent
        result would pair the wrong elements.

    Examples
    --------
    >>> wrap(np.asarray(2.0), 1.0)
    2.0
    >>> wrap(np.array([1.0, 2.0]), pd.Series([1, 2], index=["a", "b"]))
    a    1.0
    b    2.0
    dtype: float64
    >>> wrap(np.ones(2), pd.Series([1, 2], index=["a", "b"]), pd.Series([1, 2], index=["b", "a"]))
    Traceback (most recent call last):
    ...
    ValueError: Series inputs have different indexes, ...
    """
    arr = np.asarray(result, dtype=np.float64)
    series = [x for x in inputs if isinstance(x, pd.Series)]
    for other in series[1:]:
        if not other.index.equals(series[0].index):
            raise ValueError(
                "Series inputs have different indexes, and the formulas combine elements by "
                "position, not by label: align them first (e.g. b.reindex(a.index))"
            )
    for x in series:
        if arr.shape == (len(x),):
            return pd.Series(arr, index=x.index, name=None)
    if arr.ndim == 0:
        return float(arr)
    return arr
