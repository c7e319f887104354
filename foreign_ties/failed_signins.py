"""Failed sign-ins per name, in a sidecar of the accounts file (<file>.failures.json), so
the limit holds across processes and restarts. The caller holds the accounts lock.

After MAX_FAILURES failures within WINDOW seconds a name is locked for LOCKOUT seconds.
Unknown names are counted alike, so a lockout says nothing about which names exist.
"""

from __future__ import annotations

import json
from pathlib import Path

from foreign_ties.private_files import write_private

MAX_FAILURES = 5
WINDOW = 15 * 60  # seconds in which MAX_FAILURES failures lock a name
LOCKOUT = 15 * 60  # seconds a locked name is refused, right password or not


def sidecar(accounts_file: Path) -> Path:
    return accounts_file.with_name(accounts_file.name + ".failures.json")


def _read(accounts_file: Path) -> dict[str, dict]:
    try:
        data = json.loads(sidecar(accounts_file).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save(accounts_file: Path, failures: dict[str, dict], now: float) -> None:
    kept = {  # forget what no longer counts, so the file stays small
        name: state
        for name, state in failures.items()
        if state.get("locked_until", 0) > now
        or any(t > now - WINDOW for t in state.get("times", []))
    }
    write_private(sidecar(accounts_file), json.dumps(kept, indent=1, sort_keys=True) + "\n")


def locked_for(accounts_file: Path, name: str, now: float) -> float:
    """Seconds `name` stays locked (0: it may try)."""
    until = _read(accounts_file).get(name, {}).get("locked_until", 0)
    return max(0.0, until - now)


def record(accounts_file: Path, name: str, now: float) -> float:
    """Count one failure; returns the seconds of the lockout it starts (0: none)."""
    failures = _read(accounts_file)
    times = [t for t in failures.get(name, {}).get("times", []) if t > now - WINDOW] + [now]
    if len(times) >= MAX_FAILURES:
        failures[name] = {"times": [], "locked_until": now + LOCKOUT}
    else:
        failures[name] = {"times": times}
    _save(accounts_file, failures, now)
    return LOCKOUT if len(times) >= MAX_FAILURES else 0.0


def forget(accounts_file: Path, name: str, now: float) -> None:
    """A good sign-in or a new password clears the name's failures and lockout."""
    failures = _read(accounts_file)
    if failures.pop(name, None) is not None:
        _save(accounts_file, failures, now)
