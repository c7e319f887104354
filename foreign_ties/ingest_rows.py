"""The rows an ingest adds: what happens to each candidate figure, and the facts and
sources rows written for it (foreign_ties/ingest.py runs them through the build's checks)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class Report:
    """A report to ingest and what the editor says about it (checked by ingest.new_report)."""

    text: str
    published: dt.date
    place: str  # province_id for figures whose sentence names no place
    editor: str  # an account with the role editor
    file_name: str  # where the text came from, for the notes (a file's name, "pasted text")
    source_id: str
    language: str  # en | vi
    url: str = ""
    title: str = ""  # default: the text's first line
    publisher: str = ""  # default: the url's site
    via: str = "shell"  # shell (--accept-all) or page (the Add figures page)
    # a table's own file, stored beside its text as data/documents/<source_id><suffix>
    original: tuple[str, bytes] | None = None  # (suffix, bytes)


@dataclass
class Decision:
    number: int  # 1-based, in reading order
    candidate: Candidate
    outcome: str  # "new", or why it is skipped or dropped (for the shell, in English)
    fact_id: str = ""
    # The same, for a page in the reader's language: new, unsuggested (no indicator or place),
    # duplicate (of `existing`, a figure in the data, or of candidate `same_as`), left_out
    # (the editor did not keep it), refused (by the build's checks: `refusals`).
    kind: str = "new"
    existing: dict = field(default_factory=dict)
    same_as: int = 0
    refusals: list[tuple[str, str]] = field(default_factory=list)  # (column, message)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", strip_accents(text).lower())[:80].strip("-") or "report"


def decide(
    candidates: list[Candidate], data: Curated, source_id: str, keep: set[int] | None = None
) -> list[Decision]:
    """What happens to each candidate: new, or skipped (no indicator, an existing figure,
    not among the numbers in `keep` when an editor chose)."""
    taken = {r.values.get("fact_id") for r in data.rows["facts"]}
    seen: dict[tuple, dict | int] = {}
    for row in data.rows["facts"]:
        v = row.values
        key = (
            v.get("indicator_id"),
            v.get("province_id"),
            v.get("period_start"),
            v.get("period_end"),
        )
        seen.setdefault(key, {**v, "_where": f"{row.file} row {row.line}"})
    out = []
    for number, candidate in enumerate(candidates, start=1):
        c = candidate
        key = (c.indicator_id, c.province_id, c.period_start, c.period_end)
        if keep is not None and number not in keep:
            out.append(Decision(number, c, "skipped: left out by the editor", kind="left_out"))
            continue
        if not c.indicator_id or not c.province_id:
            out.append(
                Decision(number, c, "skipped: no indicator or place suggested", kind="unsuggested")
            )
            continue
        if key in seen:
            first = seen[key]
            if isinstance(first, int):
                why = f"candidate #{first}"
                found = Decision(number, c, "", kind="duplicate", same_as=first)
            else:
                why = f"existing figure {first.get('fact_id')} ({first['_where']})"
                found = Decision(number, c, "", kind="duplicate", existing=first)
            found.outcome = f"skipped: same indicator, place and period as {why}"
            out.append(found)
            continue
        fact_id, extra = f"{source_id}-{number}", 1
        while fact_id in taken:
            extra += 1
            fact_id = f"{source_id}-{number}-{extra}"
        taken.add(fact_id)
        seen[key] = number
        out.append(Decision(number, c, "new", fact_id))
    return out


def fact_row(decision: Decision, report: Report) -> dict[str, str]:
    row = decision.candidate.row()
    note = row["period_note"]
    today = dt.date.today().isoformat()
    cell = getattr(decision.candidate, "cell", "")  # a table's figure: where it stands
    where = f"cell {cell} of {report.file_name}" if cell else report.file_name
    if report.via == "page":
        how = f"kept by {report.editor} on {today} in the dashboard's Add figures page"
        uncertain = f"period inferred by the extractor and left as suggested by the editor: {note}"
    else:
        how = f"accepted with --accept-all by {report.editor} on {today}, "
        how += "not reviewed figure by figure"
        uncertain = f"period inferred by the extractor, not checked by an editor: {note}"
    row.update(
        fact_id=decision.fact_id,
        source_id=report.source_id,
        uncertain="true" if note else "false",
        uncertain_reason=uncertain if note else "",
        note=f"extracted from {where} by foreign_ties.ingest; {how}",
    )
    return {column: row.get(column, "") for column in FACT_COLUMNS}


def source_row(report: Report) -> dict[str, str]:
    publisher = report.publisher or (urlparse(report.url).hostname if report.url else None)
    if not publisher:
        raise IngestError("a new source needs --publisher NAME (or --url, to name its site)")
    text = report.text
    title = report.title or next((line.strip() for line in text.splitlines() if line.strip()), "")
    row = {
        "source_id": report.source_id,
        "title": title[:300],
        "publisher": publisher,
        "published_date": report.published.isoformat(),
        "date_note": "publication date given by the editor at ingest",
        "url": report.url or "",
        "language": report.language,
        "document_kind": "article",
        "retrieved": f"{report.file_name}, ingested {dt.date.today()} by {report.editor}",
        "text_confirmed": "false",
        "confirmed_note": "not compared with the published page: ingested from a file",
    }
    if report.language == "vi":  # a Vietnamese source's own title and publisher are the _vi texts
        row.update(title_vi=row["title"], publisher_vi=publisher)
    return row


def csv_text(rows: list[dict[str, str]]) -> str:
    stream = io.StringIO()
    writer = csv.DictWriter(stream, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return stream.getvalue()
