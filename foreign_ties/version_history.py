"""The data versions as the Add figures page lists them, and the restore of the previous one
(the same `versions.restore` as `python -m foreign_ties.versions restore ID`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from foreign_ties import versions
from foreign_ties.formatting import date_text
from foreign_ties.i18n import t, tn

SHOWN = 10  # versions listed, newest first


def when(meta: dict) -> str:
    """The version's time, in UTC, in the reader's date style ('3/12/2026 09:41')."""
    moment = dt.datetime.fromisoformat(meta["created_at"].replace("Z", "+00:00"))
    return f"{date_text(moment.date())} {moment:%H:%M}"


def what(meta: dict, by_id: dict[str, dict]) -> str:
    """What the version changed, in the reader's language (a build's note as written)."""
    if meta.get("facts_added") is not None:
        source = meta.get("source") or {}
        title = source.get("title") or source.get("source_id") or ""
        return tn("add.history.ingest", len(meta["facts_added"]), title=title)
    restored = meta.get("restored_from")
    if restored:
        earlier = by_id.get(restored)
        return t("add.history.restore", when=when(earlier) if earlier else restored)
    return meta.get("note") or t("add.history.build")


def table(data_dir: Path) -> pd.DataFrame:
    """The latest versions, newest first, with their counts; the current one marked."""
    found = versions.history(data_dir)
    by_id = {m["id"]: m for m in found}
    current = versions.current_id(data_dir)
    rows = [
        {
            t("add.history.when"): when(meta),
            t("add.history.who"): meta.get("by", ""),
            t("add.history.what"): what(meta, by_id),
            t("add.history.figures"): meta.get("rows", {}).get("facts", 0),
            t("add.history.sources"): meta.get("rows", {}).get("sources", 0),
            t("add.history.current"): "✓" if meta["id"] == current else "",
        }
        for meta in reversed(found[-SHOWN:])
    ]
    return pd.DataFrame(rows)


def previous(data_dir: Path) -> dict | None:
    """The version the current one replaced (None when there is none)."""
    found = versions.history(data_dir)
    ids = [m["id"] for m in found]
    current = versions.current_id(data_dir)
    if current not in ids or ids.index(current) == 0:
        return None
    return found[ids.index(current) - 1]


def describe_previous(meta: dict, data_dir: Path) -> str:
    by_id = {m["id"]: m for m in versions.history(data_dir)}
    return t("add.restore.what", when=when(meta), who=meta.get("by", ""), what=what(meta, by_id))


def restore_previous(data_dir: Path, version_id: str, editor: str) -> str:
    """Make `version_id` current again as a new version by `editor`; the message to show."""
    earlier = versions.manifest(data_dir, version_id)
    new_id = versions.restore(data_dir, version_id, by=editor)
    return t("add.restore.done", when=when(earlier), version=new_id)
