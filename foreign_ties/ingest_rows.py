"""The rows an ingest adds: what happens to each candidate figure, and the facts and
sources rows written for it (foreign_ties/ingest.py runs them through the build's checks)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from foreign_ties.extract import Candidate
from foreign_ties.extract_context import strip_accents
from foreign_ties.validate import Curated

FACT_COLUMNS = [
    *("fact_id", "province_id", "indicator_id", "value", "unit", "qualifier"),
    *("value_as_written", "period_start", "period_end", "period_note", "status"),
    *("uncertain", "uncertain_reason", "source_id", "quote", "note"),
]


class IngestError(Exception):
    """A usage error: the message says what to change."""


@dataclass
class Decision:
    number: int  # 1-based, in reading order
    candidate: Candidate
    outcome: str  # "new", or why it is skipped or dropped
    fact_id: str = ""


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", strip_accents(text).lower())[:80].strip("-") or "report"


def decide(candidates: list[Candidate], data: Curated, source_id: str) -> list[Decision]:
    """What happens to each candidate: new, or skipped (no indicator, an existing figure)."""
    taken = {r.values.get("fact_id") for r in data.rows["facts"]}
    seen = {}
    for row in data.rows["facts"]:
        v = row.values
        key = (
            v.get("indicator_id"),
            v.get("province_id"),
            v.get("period_start"),
            v.get("period_end"),
        )
        seen.setdefault(key, f"existing figure {v.get('fact_id')} ({row.file} row {row.line})")
    out = []
    for number, candidate in enumerate(candidates, start=1):
        c = candidate
        key = (c.indicator_id, c.province_id, c.period_start, c.period_end)
        if not c.indicator_id or not c.province_id:
            out.append(Decision(number, c, "skipped: no indicator or place suggested"))
            continue
        if key in seen:
            out.append(
                Decision(number, c, f"skipped: same indicator, place and period as {seen[key]}")
            )
            continue
        fact_id, extra = f"{source_id}-{number}", 1
        while fact_id in taken:
            extra += 1
            fact_id = f"{source_id}-{number}-{extra}"
        taken.add(fact_id)
        seen[key] = f"candidate #{number}"
        out.append(Decision(number, c, "new", fact_id))
    return out


def fact_row(decision: Decision, source_id: str, editor: str, file_name: str) -> dict[str, str]:
    row = decision.candidate.row()
    note = row["period_note"]
    today = dt.date.today().isoformat()
    row.update(
        fact_id=decision.fact_id,
        source_id=source_id,
        uncertain="true" if note else "false",
        uncertain_reason=f"period inferred by the extractor, not checked by an editor: {note}"
        if note
        else "",
        note=f"extracted from {file_name} by foreign_ties.ingest; accepted with --accept-all "
        f"by {editor} on {today}, not reviewed figure by figure",
    )
    return {column: row.get(column, "") for column in FACT_COLUMNS}


def source_row(args, source_id: str, text: str, language: str) -> dict[str, str]:
    publisher = args.publisher or (urlparse(args.url).hostname if args.url else None)
    if not publisher:
        raise IngestError("a new source needs --publisher NAME (or --url, to name its site)")
    title = args.title or next((line.strip() for line in text.splitlines() if line.strip()), "")
    row = {
        "source_id": source_id,
        "title": title[:300],
        "publisher": publisher,
        "published_date": args.published.isoformat(),
        "date_note": "publication date given by the editor at ingest",
        "url": args.url or "",
        "language": language,
        "document_kind": "article",
        "retrieved": f"{Path(args.file).name}, ingested {dt.date.today()} by {args.editor}",
        "text_confirmed": "false",
        "confirmed_note": "not compared with the published page: ingested from a file",
    }
    if language == "vi":  # a Vietnamese source's own title and publisher are the _vi texts
        row.update(title_vi=row["title"], publisher_vi=publisher)
    return row


def csv_text(rows: list[dict[str, str]]) -> str:
    stream = io.StringIO()
    writer = csv.DictWriter(stream, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return stream.getvalue()
