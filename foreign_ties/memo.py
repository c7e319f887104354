"""Memoising pure functions of a DataFrame (figures, readable tables)."""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict

import pandas as pd

from foreign_ties import data_version
from foreign_ties.i18n import current_language

KEPT = 128
_results: OrderedDict[tuple, object] = OrderedDict()
_lock = threading.Lock()  # Streamlit serves sessions from threads


def remembered(builder):
    """Memoise `builder(df, *args)` on the content of `df`, its arguments and the language.

    Building a Plotly figure costs 50-100 ms (its object model validates every property);
    the same view asked for again (another visitor, a filter set back) gets the same object.
    Results are never mutated after they are built, so sharing them is safe.
    """

    @functools.wraps(builder)
    def build(df: pd.DataFrame, *args, **kwargs):
        content = (
            int(pd.util.hash_pandas_object(df, index=False).sum()) if not df.empty else 0,
            tuple(df.columns),
            len(df),
        )
        key = (
            data_version.current().id,
            builder.__qualname__,
            content,
            current_language(),
            repr(args),
            repr(sorted(kwargs.items())),
        )
        with _lock:
            if key in _results:
                _results.move_to_end(key)
                return _results[key]
        result = builder(df, *args, **kwargs)
        with _lock:
            _results[key] = result
            while len(_results) > KEPT:
                _results.popitem(last=False)
        return result

    return build


@data_version.on_reset
def clear() -> None:
    with _lock:
        _results.clear()
