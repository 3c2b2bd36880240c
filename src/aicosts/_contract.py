"""The formula contract: each parameter's domain is declared once; a formula's body is its equation.

Every public formula of :mod:`aicosts` declares its parameters' domains in a decorator.

::

    @formula(gpu_hours=POSITIVE, usd_per_gpu_hour=POSITIVE)
    def rental_cost(gpu_hours: ArrayLike, usd_per_gpu_hour: ArrayLike) -> FloatOrArray:
        return gpu_hours * usd_per_gpu_hour

Everything else is settled here, once, for every formula:

Conversion
    Each declared argument becomes a float64 array. Accepted: Python and numpy numbers, sequences
    of them, ndarrays and pandas Series. Refused with a :class:`TypeError` naming the parameter:
    strings, bytes, ``bytearray``, ``memoryview``, ``None``, booleans (bare or inside a list or
    array), timedeltas (a duration must be converted explicitly into the unit the parameter names,
    e.g. ``td / pd.Timedelta(hours=1)``), datetimes, masked arrays (their mask would be lost),
    DataFrames (pass one column), and non-numeric elements; an element is held to the same rules
    as a bare value. Integers too large for a float are a :class:`ValueError`, and so is an
    empty array (a sweep over nothing is an empty filter upstream, and its empty result would
    sum to a silent 0); a :func:`scalar` parameter refuses any array, empty or not, with a
    :class:`TypeError`.
Domains
    A :class:`Domain` says what values a parameter takes (positive, a fraction, a whole number, at
    least 1, ...). A value outside it is a :class:`ValueError` naming the parameter, the element
    (``mfu[2]``, or the Series label) and the value: ``ValueError: mfu[2] must be in (0, 1], got
    1.5``. NaN and ±inf are never accepted.
Broadcasting
    Arguments broadcast together, but only when the result has the shape of one of the inputs:
    a ``(3, 1)`` and a ``(4,)`` argument would silently make a ``(3, 4)`` outer product, and are
    refused, as are shapes that do not broadcast at all; the message names both parameters.
Results
    The equation runs with numpy's overflow and invalid-operation errors raised, and its result
    must be finite: an overflow (``1e200 * 1e200``), ``inf * 0`` or a quotient that rounds to
    zero because its divisor overflowed is a :class:`ValueError` naming the formula and its
    arguments, never a silent ``nan``, ``inf`` or ``0.0``. A formula may declare its result's
    domain (``returns=FRACTION``): a result a few ulps past an inclusive bound is the bound, so
    a round trip such as MFU 1.0 → GPU-hours → MFU stays in the domain.
Result type
    Scalars in give a ``float``; any array in gives an ``ndarray``; a Series in gives a Series on
    the same index, with the name of the first Series argument (pvlib's convention). Series on
    different indexes are refused: the arithmetic is positional, not by label.

One kind of error, one type: :class:`TypeError` for a value of the wrong kind, :class:`ValueError`
for a value of the right kind outside the formula's domain (including shapes).
"""

from __future__ import annotations

import functools
import inspect
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, ParamSpec, TypeAlias, TypeVar

import numpy as np
import numpy.typing as npt
import pandas as pd

from aicosts._convert import (
    _broadcast,
    _describe,
    _fail_where,
    _series_of,
    _shown,
    _wrap,
    check_integral,
    convert,
)

__all__ = [
    "ANY_REAL",
    "COUNT",
    "FRACTION",
    "NONNEGATIVE",
    "NONNEGATIVE_COUNT",
    "POSITIVE",
    "PROBABILITY",
    "SHARE",
    "ArrayLike",
    "Domain",
    "FloatArray",
    "FloatOrArray",
    "as_float",
    "at_least",
    "check_integral",
    "checked",
    "choice",
    "convert",
    "count",
    "formula",
    "frozen_mapping",
    "optional",
    "scalar",
]

#: What a formula accepts for a numeric parameter: a number, a sequence of numbers, an ndarray or
#: a pandas Series. Annotated loosely on purpose: the contract converts and checks every declared
#: argument before the equation runs, so inside a formula each one is a float64 ndarray.
ArrayLike: TypeAlias = Any
#: A float64 ndarray.
FloatArray: TypeAlias = "npt.NDArray[np.float64]"
#: What a formula returns: ``float`` for scalar input, ndarray for arrays, Series for Series.
FloatOrArray: TypeAlias = "float | npt.NDArray[np.float64] | pd.Series[float]"

P = ParamSpec("P")
R = TypeVar("R")

# Values within this many ulps above 1 are read as 1 by the fraction domains, so a round trip
# (e.g. gpu_hours -> model_flop_utilization at MFU 1.0) stays in the domain.
_ULP_TOLERANCE = 4 * np.finfo(np.float64).eps


# --- domains ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Domain:
    """The values a numeric parameter may take.

    Parameters
    ----------
    low : float
        Lower bound [unit of the parameter]; ``-inf`` for none.
    low_inclusive : bool
        Whether ``low`` itself is allowed [-].
    high : float
        Upper bound [unit of the parameter]; ``inf`` for none.
    high_inclusive : bool
        Whether ``high`` itself is allowed [-].
    integer : bool
        Whether only whole numbers are allowed (counts) [-].
    text : str
        How the domain reads in an error message ("positive", "in (0, 1]") [-].

    Examples
    --------
    >>> POSITIVE.check("gpu_hours", -3.0)
    Traceback (most recent call last):
    ...
    ValueError: gpu_hours must be positive, got -3.0
    """

    low: float = -math.inf
    low_inclusive: bool = False
    high: float = math.inf
    high_inclusive: bool = False
    integer: bool = False
    text: str = "a finite number"

    def check(self, name: str, value: Any, *, labels: Sequence[Any] | None = None) -> FloatArray:
        """Convert ``value`` and check every element lies in the domain.

        Parameters
        ----------
        name : str
            Parameter name for messages [-].
        value : float or array-like
            The argument as the caller passed it [unit of the parameter].
        labels : sequence, optional
            Element labels for messages (a Series index) [-].

        Returns
        -------
        ndarray
            The value as float64 (0-d for a scalar) [unit of the parameter].

        Examples
        --------
        >>> COUNT.check("num_gpus", [8, 2.5])
        Traceback (most recent call last):
        ...
        ValueError: num_gpus[1] must be a whole number, got 2.5
        """
        if isinstance(value, pd.Series) and labels is None:
            labels = list(value.index)
        arr = convert(name, value, labels=labels)
        if self.integer:
            _fail_where(name, arr, arr != np.floor(arr), "must be a whole number", labels)
        if self.high_inclusive and math.isfinite(self.high):
            # A result of float arithmetic a few ulps above the bound is the bound (round trips).
            near = (arr > self.high) & (arr <= self.high * (1 + _ULP_TOLERANCE))
            if near.any():
                arr = np.where(near, self.high, arr)
        low_bad = arr < self.low if self.low_inclusive else arr <= self.low
        high_bad = arr > self.high if self.high_inclusive else arr >= self.high
        _fail_where(name, arr, low_bad | high_bad, f"must be {self.text}", labels)
        return arr


def at_least(minimum: float) -> Domain:
    """Return the domain [minimum, ∞): e.g. a PUE or a server overhead, at least 1.

    Parameters
    ----------
    minimum : float
        Smallest allowed value [unit of the parameter].

    Returns
    -------
    Domain
        The domain [-].

    Examples
    --------
    >>> at_least(1.0).check("pue", 0.9)
    Traceback (most recent call last):
    ...
    ValueError: pue must be at least 1.0, got 0.9
    """
    return Domain(low=minimum, low_inclusive=True, text=f"at least {minimum!r}")


def count(minimum: int = 1) -> Domain:
    """Return the domain of whole numbers ≥ ``minimum``: GPUs, layers, heads, people.

    Parameters
    ----------
    minimum : int, optional
        Smallest allowed count [-].

    Returns
    -------
    Domain
        The domain [-].

    Examples
    --------
    >>> count(1).check("num_layers", 0)
    Traceback (most recent call last):
    ...
    ValueError: num_layers must be at least 1, got 0
    """
    return Domain(low=minimum, low_inclusive=True, integer=True, text=f"at least {minimum}")


#: Any finite number.
ANY_REAL = Domain()
#: (0, ∞).
POSITIVE = Domain(low=0.0, text="positive")
#: [0, ∞).
NONNEGATIVE = Domain(low=0.0, low_inclusive=True, text="non-negative")
#: (0, 1]: utilisations, acceptance rates, draw fractions.
FRACTION = Domain(low=0.0, high=1.0, high_inclusive=True, text="in (0, 1]")
#: [0, 1]: probabilities and shares that may be 0 or 1.
PROBABILITY = Domain(low=0.0, low_inclusive=True, high=1.0, high_inclusive=True, text="in [0, 1]")
#: [0, 1): a share of a total that cannot be the whole of it (interconnect share of cluster cost).
SHARE = Domain(low=0.0, low_inclusive=True, high=1.0, text="in [0, 1)")
#: Whole numbers ≥ 1.
COUNT = count(1)
#: Whole numbers ≥ 0.
NONNEGATIVE_COUNT = count(0)


@dataclass(frozen=True)
class _Scalar:
    """A domain that also requires a single number (for functions that build tables)."""

    domain: Domain
    optional: bool = False

    def check(self, name: str, value: Any) -> float | None:
        if value is None and self.optional:
            return None
        if (isinstance(value, list | tuple | pd.Series | pd.Index) and not len(value)) or (
            isinstance(value, np.ndarray) and not value.size
        ):
            raise TypeError(f"{name} must be a single number here, got an empty array")
        # The shape first: [0.5, 2.0] for a fraction is the wrong kind, whatever its elements.
        arr = convert(name, value)
        if arr.ndim != 0:
            raise TypeError(
                f"{name} must be a single number here, got an array of shape {arr.shape}"
            )
        return float(self.domain.check(name, arr))

    def number(self, name: str, value: Any) -> float:
        """Check ``value`` like :meth:`check` and return it, refusing ``None``."""
        checked = self.check(name, value)
        if checked is None:
            raise TypeError(f"{name} must be a number, got None")
        return checked


def scalar(domain: Domain = ANY_REAL, *, optional: bool = False) -> _Scalar:
    """Declare a parameter that must be a single number in ``domain``.

    Parameters
    ----------
    domain : Domain, optional
        The values allowed [-].
    optional : bool, optional
        Whether ``None`` (meaning "not given") is accepted too [-].

    Returns
    -------
    object
        A declaration for :func:`formula` or :func:`checked` [-].

    Examples
    --------
    >>> scalar(POSITIVE).check("years", [1, 2])
    Traceback (most recent call last):
    ...
    TypeError: years must be a single number here, got an array of shape (2,)
    """
    return _Scalar(domain, optional)


@dataclass(frozen=True)
class _Choice:
    """One of a fixed set of names, matched case-insensitively."""

    options: tuple[str, ...]
    optional: bool = False

    def check(self, name: str, value: Any) -> str | None:
        if value is None and self.optional:
            return None
        if not isinstance(value, str):
            raise TypeError(f"{name} must be a string, got {_describe(value)}")
        folded = {c.casefold(): c for c in self.options}
        try:
            return folded[value.strip().casefold()]
        except KeyError:
            known = ", ".join(repr(c) for c in self.options)
            raise ValueError(f"{name} must be one of {known}, got {value!r}") from None


def choice(*options: str, optional: bool = False) -> _Choice:
    """Declare a parameter that names one of ``options`` (any case; passed on canonically spelt).

    Parameters
    ----------
    *options : str
        The accepted names [-].
    optional : bool, optional
        Whether ``None`` (meaning "the default") is accepted too [-].

    Returns
    -------
    object
        A declaration for :func:`formula` or :func:`checked` [-].

    Examples
    --------
    >>> choice("MHA", "GQA").check("attention", "gqa")
    'GQA'
    >>> choice("MHA", "GQA").check("attention", "flash")
    Traceback (most recent call last):
    ...
    ValueError: attention must be one of 'MHA', 'GQA', got 'flash'
    """
    return _Choice(tuple(options), optional)


@dataclass(frozen=True)
class _Optional:
    """A numeric parameter that may also be ``None`` ("derive it from the other arguments")."""

    domain: Domain


def optional(domain: Domain) -> _Optional:
    """Declare an array parameter in ``domain`` that may also be ``None``.

    Parameters
    ----------
    domain : Domain
        The values allowed when one is given [-].

    Returns
    -------
    object
        A declaration for :func:`formula` [-].

    Examples
    --------
    >>> @formula(x=optional(POSITIVE))
    ... def double(x=None):
    ...     return 2.0 if x is None else 2 * x
    >>> double(), double(3)
    (2.0, 6.0)
    """
    return _Optional(domain)


@dataclass(frozen=True)
class _Instance:
    """An argument that must be an instance of a class (a model config, a GPU)."""

    kind: type | tuple[type, ...]

    def check(self, name: str, value: Any) -> Any:
        if not isinstance(value, self.kind):
            kinds = self.kind if isinstance(self.kind, tuple) else (self.kind,)
            wanted = " or ".join(k.__name__ for k in kinds)
            raise TypeError(f"{name} must be a {wanted}, got {_describe(value)}")
        return value


def _declare(spec: Any) -> Domain | _Optional | _Scalar | _Choice | _Instance:
    if isinstance(spec, Domain | _Optional | _Scalar | _Choice | _Instance):
        return spec
    if isinstance(spec, type) or (
        isinstance(spec, tuple) and all(isinstance(k, type) for k in spec)
    ):
        return _Instance(spec)
    raise TypeError(f"not a parameter declaration: {spec!r}")  # pragma: no cover - author error


# --- the decorators ---------------------------------------------------------------------------


def _check_arguments(
    func: Callable[..., Any],
    sig: inspect.Signature,
    decls: Mapping[str, Domain | _Optional | _Scalar | _Choice | _Instance],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> tuple[inspect.BoundArguments, dict[str, FloatArray]]:
    try:
        bound = sig.bind(*args, **kwargs)
    except TypeError as exc:
        raise TypeError(f"{func.__name__}(): {exc}") from None
    bound.apply_defaults()
    arrays: dict[str, FloatArray] = {}
    for pname, decl in decls.items():
        value = bound.arguments[pname]
        if isinstance(decl, Domain):
            arrays[pname] = decl.check(pname, value)
        elif isinstance(decl, _Optional):
            if value is not None:
                arrays[pname] = decl.domain.check(pname, value)
        else:
            bound.arguments[pname] = decl.check(pname, value)
    return bound, arrays


def formula(**declarations: Any) -> Callable[[Callable[P, Any]], Callable[P, FloatOrArray]]:
    """Declare a formula's parameter domains; the decorated body is its equation.

    Parameters
    ----------
    **declarations : Domain, scalar(...), choice(...) or a class
        One per parameter of the formula, by name [-]. A :class:`Domain` makes the argument a
        checked float64 array, broadcast with the other array arguments; ``scalar(domain)`` a
        checked ``float``; ``choice(...)`` a canonical name; a class (``ModelConfig``) an
        instance check. The reserved name ``returns`` declares the result's domain instead
        (e.g. ``returns=FRACTION`` for a utilisation): a result a few ulps past an inclusive
        bound is read as the bound, so round trips stay in the domain, and one beyond it is
        a :class:`ValueError`.

    Returns
    -------
    callable
        A decorator. The decorated function keeps its name, signature and docstring, converts
        and checks its arguments, runs the body with numpy overflow and invalid-operation errors
        raised, checks the result is finite and returns a float, ndarray or Series [-].

    Examples
    --------
    >>> @formula(gpu_hours=POSITIVE, usd_per_gpu_hour=POSITIVE)
    ... def rental(gpu_hours, usd_per_gpu_hour):
    ...     return gpu_hours * usd_per_gpu_hour
    >>> rental(2.788e6, 2.0)
    5576000.0
    >>> rental(1e200, 1e200)
    Traceback (most recent call last):
    ...
    ValueError: rental(): the result is not a finite float64 (an intermediate value ...

    A declared result domain:

    >>> @formula(flop=POSITIVE, capacity_flop=POSITIVE, returns=FRACTION)
    ... def utilization(flop, capacity_flop):
    ...     return flop / capacity_flop
    >>> utilization(3.0, 3.0 * (1 - 2**-52))
    1.0
    >>> utilization(2.0, 1.0)
    Traceback (most recent call last):
    ...
    ValueError: the result of utilization() must be in (0, 1], got 2.0 for flop=...
    """
    returns = declarations.pop("returns", None)
    if returns is not None and not isinstance(returns, Domain):
        raise TypeError(f"returns must be a Domain, got {returns!r}")  # pragma: no cover

    def decorate(func: Callable[P, Any]) -> Callable[P, FloatOrArray]:
        sig = inspect.signature(func)
        decls = {n: _declare(d) for n, d in declarations.items()}
        _require_declared(func, sig, decls)

        @functools.wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> FloatOrArray:
            bound, arrays = _check_arguments(func, sig, decls, args, kwargs)
            first_series = _series_of(bound.arguments, arrays)
            any_array = any(a.ndim for a in arrays.values())
            if arrays:
                for pname, arr in zip(arrays, _broadcast(arrays), strict=True):
                    bound.arguments[pname] = arr
            try:
                with np.errstate(over="raise", invalid="raise", divide="raise"):
                    result = np.asarray(func(*bound.args, **bound.kwargs), dtype=np.float64)
            except FloatingPointError:
                result = np.asarray(np.nan)
            if not np.all(np.isfinite(result)):
                raise ValueError(
                    f"{func.__name__}(): the result is not a finite float64 (an intermediate "
                    f"value overflowed) for {_shown(bound.arguments, arrays)}"
                )
            if returns is not None:
                result = _check_result(func.__name__, returns, result, first_series, bound, arrays)
            return _wrap(result, first_series, any_array)  # type: ignore[no-any-return]

        wrapper.__aicosts_declarations__ = MappingProxyType(decls)  # type: ignore[attr-defined]
        return wrapper

    return decorate


def _check_result(
    name: str,
    domain: Domain,
    result: FloatArray,
    first_series: pd.Series | None,
    bound: inspect.BoundArguments,
    arrays: Mapping[str, FloatArray],
) -> FloatArray:
    """Check a result lies in its declared domain (snapping float round-off at a bound)."""
    labels = None
    if first_series is not None and result.shape == (len(first_series),):
        labels = list(first_series.index)
    try:
        return domain.check(f"the result of {name}()", result, labels=labels)
    except ValueError as exc:
        raise ValueError(f"{exc} for {_shown(bound.arguments, arrays)}") from None


def checked(**declarations: Any) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Declare the parameters of a function that is not an array formula (a table, a dataclass).

    Arguments are converted and checked as :func:`formula` does, and the result is returned as
    the body makes it.

    Parameters
    ----------
    **declarations : Domain, scalar(...), choice(...) or a class
        One per parameter, by name [-]. A bare :class:`Domain` is checked and passed on as the
        caller gave it converted to float64 arrays; use ``scalar(domain)`` for single numbers.

    Returns
    -------
    callable
        A decorator [-].

    Examples
    --------
    >>> @checked(years=scalar(POSITIVE))
    ... def months(years):
    ...     return f"{12 * years:g} months"
    >>> months(2)
    '24 months'
    >>> months(-1)
    Traceback (most recent call last):
    ...
    ValueError: years must be positive, got -1.0
    """

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        sig = inspect.signature(func)
        decls = {n: _declare(d) for n, d in declarations.items()}
        _require_declared(func, sig, decls, allow_undeclared=True)

        @functools.wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            bound, arrays = _check_arguments(func, sig, decls, args, kwargs)
            bound.arguments.update(arrays)
            return func(*bound.args, **bound.kwargs)

        wrapper.__aicosts_declarations__ = MappingProxyType(decls)  # type: ignore[attr-defined]
        return wrapper

    return decorate


def _require_declared(
    func: Callable[..., Any],
    sig: inspect.Signature,
    decls: Mapping[str, Any],
    *,
    allow_undeclared: bool = False,
) -> None:
    """Check a formula declares every parameter and only its parameters (author errors)."""
    params = set(sig.parameters)
    unknown = set(decls) - params
    missing = params - set(decls)
    if unknown or (missing and not allow_undeclared):
        raise TypeError(  # pragma: no cover - author error, caught at import time
            f"{func.__qualname__}: declarations {sorted(unknown)} are not parameters; "
            f"parameters {sorted(missing)} have no declaration"
        )


def as_float(value: FloatOrArray) -> float:
    """Return a formula's scalar result as a ``float`` (for tables that combine formulas).

    Parameters
    ----------
    value : float or 0-d ndarray
        What a formula returned for scalar arguments [unit of the formula].

    Returns
    -------
    float
        The same value [unit of the formula].

    Examples
    --------
    >>> as_float(np.float64(2.5))
    2.5
    >>> as_float(np.array([1.0, 2.0]))
    Traceback (most recent call last):
    ...
    TypeError: expected a single number, got an array of shape (2,)
    """
    arr = np.asarray(value, dtype=np.float64)
    if arr.ndim:
        raise TypeError(f"expected a single number, got an array of shape {arr.shape}")
    return float(arr)


def frozen_mapping(mapping: Mapping[str, R]) -> Mapping[str, R]:
    """Return a read-only copy of a catalogue mapping (editing it cannot change what code accepts).

    Parameters
    ----------
    mapping : mapping
        The entries [-].

    Returns
    -------
    mapping
        A read-only copy [-].

    Examples
    --------
    >>> grades = frozen_mapping({"A": "read in the primary"})
    >>> grades["A"] = "changed"
    Traceback (most recent call last):
    ...
    TypeError: 'mappingproxy' object does not support item assignment
    """
    return MappingProxyType(dict(mapping))
