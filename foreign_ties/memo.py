"""Memoising pure functions of a DataFrame (figures, readable tables)."""

from __future__ import annotations

import functools
import hashlib
import pickle
import threading
from collections import OrderedDict

import pandas as pd

from foreign_ties import data_version
from foreign_ties.i18n import current_language

KEPT = 128
_results: OrderedDict[tuple, object] = OrderedDict()
_converted: OrderedDict[tuple, tuple[object, object]] = OrderedDict()  # by_identity
_lock = threading.Lock()  # Streamlit serves sessions from threads


def remembered(builder):
    """Memoise `builder(df, *args)` on the content of `df` (and of any other frame among its
    arguments), its other arguments and the language.

    Building a Plotly figure costs 50-100 ms (its object model validates every property);
    the same view asked for again (another visitor, a filter set back) gets the same object.
    Results are never mutated after they are built, so sharing them is safe.
    """

    @functools.wraps(builder)
    def build(df: pd.DataFrame, *args, **kwargs):
        content = _content_key(df)
        key = (
            data_version.current().id,
            builder.__module__,  # two modules may name a function alike
            builder.__qualname__,
            content,
            current_language(),
            tuple(_argument_key(a) for a in args),
            tuple((k, _argument_key(v)) for k, v in sorted(kwargs.items())),
        )
        return _kept(key, lambda: builder(df, *args, **kwargs))

    return build


def per_arguments(view):
    """Memoise `view(*args)` on its (hashable) arguments, the data version and the language.

    For views whose answer depends only on those: a page run asking for a view it has
    drawn before (another visitor, a filter set back) skips the pandas work as well as the
    figures. Like `remembered`, results are shared and never mutated after they are built.
    """

    @functools.wraps(view)
    def answer(*args, **kwargs):
        key = (
            data_version.current().id,
            view.__module__,
            view.__qualname__,
            current_language(),
            args,
            tuple(sorted(kwargs.items())),
        )
        return _kept(key, lambda: view(*args, **kwargs))

    return answer


def by_identity(convert):
    """Memoise `convert(obj)` on the identity of `obj`, the data version and the language.

    For what a page run does to a shared result before Streamlit sends it (a table turned
    into Arrow, a figure into its dict): memoised views and figures hand every run the same
    object, so the work is done once. The object is kept with its result (its id cannot be
    reused while cached); an object built afresh each run is converted each run, as before,
    in a store of its own so it never pushes out memoised views.
    """

    @functools.wraps(convert)
    def converted(obj):
        key = (
            data_version.current().id,
            convert.__module__,
            convert.__qualname__,
            current_language(),
            id(obj),
        )
        return _kept(key, lambda: (obj, convert(obj)), _converted)[1]

    return converted


def _kept(key: tuple, make, store: OrderedDict = _results):
    """The result kept under `key` in `store` (the most recently used last), else `make()`'s,
    kept; the oldest goes past KEPT."""
    with _lock:
        if key in store:
            store.move_to_end(key)
            return store[key]
    result = make()
    with _lock:
        store[key] = result
        while len(store) > KEPT:
            store.popitem(last=False)
    return result


def _argument_key(value: object) -> object:
    """A frame by its content (its repr is cut short, so two frames could share one);
    anything else by its repr."""
    return _content_key(value) if isinstance(value, pd.DataFrame) else repr(value)


def _content_key(df: pd.DataFrame) -> bytes:
    """A digest of the frame's pickle: equal bytes rebuild an equal frame, so equal keys mean
    equal content (a different layout of equal content only costs a rebuild). 0.35 ms for a
    profile's 57 x 22 rows, where pandas' hash_pandas_object took 4 ms (Arrow strings)."""
    return hashlib.blake2b(pickle.dumps(df, protocol=5), digest_size=16).digest()


@data_version.on_reset
def clear() -> None:
    with _lock:
        _results.clear()
        _converted.clear()
