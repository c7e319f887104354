"""The Add figures page's logic, without Streamlit: a report from pasted text or one upload,
the table of candidate figures an editor checks, and what a publish did, row by row.

Publishing is `ingest_publish.publish`, the very function behind `python -m
foreign_ties.ingest --accept-all`: the page passes the numbers of the rows the editor kept
and the fields the editor changed; duplicates, the build's checks and the version are
handled there and only there.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlparse

import pandas as pd

from foreign_ties import add_table, extract_read, ingest_publish, paths, state
from foreign_ties.extract import Candidate, extract
from foreign_ties.i18n import current_language, t, tn
from foreign_ties.ingest_rows import Decision, IngestError, Report, slug
from foreign_ties.state import Filters
from foreign_ties.table_figures import Layout

UPLOAD_TYPES = ("txt", "html", "pdf", "docx", "csv", "xlsx")  # tables: add_table.py
MAX_UPLOAD_MB = extract_read.MAX_BYTES // (1024 * 1024)
PASTED = "pasted text"  # the file name recorded for pasted text
LANGUAGES = ("auto", "vi", "en")
LANGUAGE_KEYS = {"auto": "add.language.auto", "vi": "add.language.vi", "en": "add.language.en"}
READ_MESSAGES = {
    "empty": "add.read.empty",
    "scan": "add.read.scan",
    "encrypted": "add.read.encrypted",
    "binary": "add.read.binary",
    "too_large": "add.read.too_large",
}
# The review table's columns and their headings; only EDITABLE ones can be changed.
COLUMN_KEYS = {
    "n": "add.column.n",
    "keep": "add.column.keep",
    "value": "add.column.value",
    "indicator_id": "add.column.indicator_id",
    "province_id": "add.column.province_id",
    "period_start": "add.column.period_start",
    "period_end": "add.column.period_end",
    "status": "add.column.status",
    "note": "add.column.note",
    "quote": "add.column.quote",
}
COLUMNS = tuple(COLUMN_KEYS)
EDITABLE = ("keep", "indicator_id", "province_id", "period_start", "period_end", "status")
SOURCE_FIELDS = {
    "url": "add.field.url",
    "title": "add.field.title",
    "publisher": "add.field.publisher",
    "language": "add.field.language",
    "published_date": "add.field.published",
}


def data_dir() -> Path:
    """The data folder, read at each call (tests point it at a temporary copy)."""
    return paths.DATA_DIR


@dataclass(frozen=True)
class Entry:
    """What the editor gave: pasted text or one file's bytes, and the source's fields."""

    text: str
    file_name: str | None
    file_bytes: bytes | None
    url: str
    title: str
    publisher: str
    language: str  # auto | vi | en
    published: dt.date | None
    place: str | None
    table: Layout | None = None  # what an uploaded table's rows and columns are


@dataclass(frozen=True)
class Review:
    report: Report
    candidates: tuple[Candidate, ...]
    decisions: tuple[Decision, ...]


def read_entry(entry: Entry) -> tuple[str | None, str]:
    """The report's text, or None and why not (in the reader's language)."""
    if entry.file_bytes is not None:
        try:
            return extract_read.read_bytes(entry.file_bytes), ""
        except extract_read.ReadError as exc:
            key = READ_MESSAGES.get(exc.kind, "add.read.damaged")
            return None, t(key, mb=MAX_UPLOAD_MB) if exc.kind == "too_large" else t(key)
    if not entry.text.strip():
        return None, t("add.error.no_text")
    return entry.text, ""


def prepare(entry: Entry, editor: str) -> tuple[Review | None, list[str]]:
    """The candidates of the entry's text with what publishing would do with each, or the
    messages saying why there are none. Nothing is written."""
    missing = [t("add.error.published")] if entry.published is None else []
    missing += [t("add.error.place")] if not entry.place else []
    if missing:
        return None, missing
    url = entry.url.strip()
    if url and urlparse(url).scheme not in ("http", "https"):
        return None, [t("add.error.url")]
    if not entry.publisher.strip() and not url:
        return None, [t("add.error.publisher")]
    if add_table.is_table(entry.file_name, entry.file_bytes):
        parts, messages = add_table.prepare(entry, editor, data_dir())
        return (Review(*parts) if parts else None), messages
    text, why = read_entry(entry)
    if text is None:
        return None, [why]
    file_name = entry.file_name or PASTED
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    named = entry.title.strip() or (Path(entry.file_name).stem if entry.file_name else first_line)
    try:
        report = ingest_publish.new_report(
            text,
            entry.published,
            entry.place,
            editor,
            file_name,
            source_id=slug(named),
            language=None if entry.language == "auto" else entry.language,
            url=url,
            title=entry.title.strip(),
            publisher=entry.publisher.strip(),
            via="page",
        )
        report = ingest_publish.free_source_id(report, data_dir())
        found = extract(text, report.published, report.place, report.language)
        decisions = ingest_publish.review(report, data_dir(), found)
    except IngestError as exc:
        return None, [t("add.error.refused", reason=str(exc))]
    if not found:
        return None, [t("add.no_candidates")]
    return Review(report, tuple(found), tuple(decisions)), []


def note(decision: Decision) -> str:
    """Why a row is marked, in the reader's language ('' for a new figure)."""
    parts = []
    if decision.kind == "duplicate" and decision.same_as:
        parts.append(t("add.note.same_as", n=decision.same_as))
    elif decision.kind == "duplicate":
        parts.append(t("add.note.duplicate", value=decision.existing.get("value_as_written", "")))
    elif decision.kind == "unsuggested":
        parts.append(t("add.note.unsuggested"))
    if decision.candidate.period_note:
        parts.append(t("add.note.period_inferred"))
    return "; ".join(parts)


def review_table(review: Review) -> pd.DataFrame:
    """One row per candidate: the new ones ticked, duplicates and unsuggested ones not."""
    rows = [
        {
            "n": d.number,
            "keep": d.kind == "new",
            "value": d.candidate.value_as_written,
            "indicator_id": d.candidate.indicator_id,
            "province_id": d.candidate.province_id,
            "period_start": d.candidate.period_start,
            "period_end": d.candidate.period_end,
            "status": d.candidate.status,
            "note": note(d),
            "quote": d.candidate.quote,
        }
        for d in review.decisions
    ]
    return pd.DataFrame(rows, columns=list(COLUMNS))


def _day(value: object) -> dt.date | None:
    if value is None or (not isinstance(value, dt.date) and pd.isna(value)):
        return None
    return value if type(value) is dt.date else pd.Timestamp(value).date()


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def edited(review: Review, table: pd.DataFrame) -> tuple[list[Candidate], set[int]]:
    """The candidates with the editor's changes, and the numbers of the rows kept."""
    candidates, keep = list(review.candidates), set()
    for row in table.to_dict("records"):
        number = int(row["n"])
        old = candidates[number - 1]
        start, end = _day(row["period_start"]), _day(row["period_end"])
        changed_period = (start, end) != (old.period_start, old.period_end)
        candidates[number - 1] = dataclasses.replace(
            old,
            indicator_id=_text(row["indicator_id"]),
            province_id=_text(row["province_id"]),
            period_start=start,
            period_end=end,
            status=_text(row["status"]) or old.status,
            period_note="" if changed_period else old.period_note,  # the editor set it
        )
        if bool(row["keep"]):
            keep.add(number)
    return candidates, keep


def publish(review: Review, table: pd.DataFrame) -> ingest_publish.Outcome | None:
    """Publish the kept, edited rows (None when no row is kept)."""
    candidates, keep = edited(review, table)
    if not keep:
        return None
    return ingest_publish.publish(review.report, data_dir(), candidates, keep)


def _column_name(column: str) -> str:
    """'quote' of the checks' 'quote (O)' (the column's name and its spreadsheet letter)."""
    return column.split(" (", 1)[0]


def _row(decision: Decision) -> dict[str, object]:
    return {"n": decision.number, "value": decision.candidate.value_as_written}


def row_messages(outcome: ingest_publish.Outcome) -> list[str]:
    """What happened to each kept row that was not added, and to the source, by row."""
    lines = []
    for d in outcome.decisions:
        if d.kind == "duplicate" and d.same_as:
            lines.append(t("add.row.same_as", other=d.same_as, **_row(d)))
        elif d.kind == "duplicate":
            lines.append(t("add.row.duplicate", **_row(d)))
        elif d.kind == "unsuggested":
            lines.append(t("add.row.unsuggested", **_row(d)))
        elif d.kind == "refused":
            for column, message in d.refusals:
                name = _column_name(column)
                label = t(COLUMN_KEYS[name]) if name in COLUMN_KEYS else name
                lines.append(t("add.row.refused", column=label, reason=message, **_row(d)))
    for problem in outcome.problems:
        name = _column_name(problem.column).removesuffix("_vi")  # title_vi: the title again
        if problem.file.startswith("sources/ingest-") and name in SOURCE_FIELDS:
            field = t(SOURCE_FIELDS[name])
            lines.append(t("add.source_refused", field=field, reason=problem.message))
        else:
            lines.append(t("add.problem", reason=str(problem)))
    return list(dict.fromkeys(lines))


def summary(outcome: ingest_publish.Outcome) -> tuple[str, str]:
    """('success' | 'warning' | 'error', the message) for the whole publish."""
    if outcome.version_id:
        return "success", tn("add.published", len(outcome.added), version=outcome.version_id)
    if outcome.refused == "nothing_new":
        return "warning", t("add.nothing_new")
    if outcome.refused == "none_passed":
        return "error", t("add.none_passed")
    return "error", t("add.checks_refused")


def links(outcome: ingest_publish.Outcome, filters: Filters) -> dict[str, str]:
    """Compare on the first added figure's measure and Sources on its sentence, with the
    places and years that include it."""
    first = outcome.added[0].candidate
    fact_id = outcome.added[0].fact_id
    years = [d.year for d in (first.period_start, first.period_end) if d]
    view = Filters(
        tuple(p for p in dict.fromkeys([*filters.provinces, first.province_id]) if p),
        min([filters.year_from, *years]),
        max([filters.year_to, *years]),
    )
    query = {**view.query(), state.LANGUAGE_KEY: [current_language()]}  # a link opens anew
    return {
        "compare": "compare?" + urlencode({**query, "indicator": first.indicator_id}, doseq=True),
        "sources": "sources?" + urlencode({**query, "fact": fact_id}, doseq=True),
    }
