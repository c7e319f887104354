"""The data version and the ONE reset of every cache.

The current data is `data/parquet`, a symlink to `data/versions/<id>` (foreign_ties/versions.py).
Each page run starts with `pin()` (ui.setup): it reads the link once, and everything that
page run reads comes from that folder, so a page never mixes two versions even if a build
switches the link meanwhile. When `pin()` sees a new version it calls `reset()`, so a running
server shows the new data at the next interaction, without a restart.

Every cache in the package is either
- keyed by the version: `@cached` functions (catalog, boundaries), store.run's results and
  connections (by the version's folder), memo (by the data it is given and the version),
  ui.present's deck (the version is an argument); or
- not about the data (the .po catalogs, the map outlines in data/geo) and cleared anyway;
and every one registers its clearing with `on_reset`, so `reset()` is the one reset.
Outside a page run (command line, tests) nothing is pinned: each call reads the link.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from foreign_ties import paths

_local = threading.local()
_lock = threading.Lock()
_seen: list[str] = []  # the last version a page run pinned
_resets: list[Callable[[], None]] = []


@dataclass(frozen=True)
class Version:
    id: str
    folder: Path  # the resolved data/versions/<id> (or data/parquet itself, if not a link)


def resolve(parquet_dir: Path | None = None) -> Version:
    """The current version, read from the link now."""
    folder = Path(parquet_dir or paths.PARQUET_DIR).resolve()
    return Version(folder.name, folder)


def pin() -> Version:
    """Read the current version once for this page run; reset every cache if it changed."""
    version = resolve()
    _local.version = version
    with _lock:
        changed = bool(_seen) and _seen[0] != version.id
        _seen[:] = [version.id]
    if changed:
        reset()
    return version


def unpin() -> None:
    _local.__dict__.pop("version", None)


def current() -> Version:
    """The version this page run pinned, else the one the link points to now."""
    return getattr(_local, "version", None) or resolve()


def on_reset(clear: Callable[[], None]) -> Callable[[], None]:
    """Register a cache's clearing with the one reset (returns it, to use as a decorator)."""
    _resets.append(clear)
    return clear


def reset() -> None:
    """Forget every cached table, result, figure and deck (after a build, or in tests)."""
    for clear in list(_resets):
        clear()


def cached(loader: Callable[[], object]) -> Callable[[], object]:
    """Memoise a loader of the data per version (thread-safe; cleared by `reset`)."""
    results: dict[str, object] = {}
    lock = threading.Lock()

    @functools.wraps(loader)
    def load():
        key = current().id
        with lock:
            if key in results:
                return results[key]
        value = loader()
        with lock:
            results.clear() if len(results) > 2 else None
            results[key] = value
        return value

    def clear() -> None:
        with lock:
            results.clear()

    load.cache_clear = clear  # type: ignore[attr-defined]
    on_reset(clear)
    return load
