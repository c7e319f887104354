"""An uploaded statistics table on the Add figures page, without Streamlit: its cells read and
checked (table_read, table_schema), one candidate per value cell (table_figures), and the
same review and publish as a report's figures (add_figures.Review, ingest_publish).

Every refusal is a message in the reader's language naming the file, sheet, cell, row and
column where it applies; the texts come from the file and are shown as plain text by the
page (safe_text), never as Markdown or HTML.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from foreign_ties import ingest_publish, paths
from foreign_ties.extract_figures import detect_language
from foreign_ties.i18n import t
from foreign_ties.ingest_rows import IngestError, slug
from foreign_ties.table_figures import Layout, Result, figures
from foreign_ties.table_read import Sheet, TableError, kind_of, read_table
from foreign_ties.table_schema import MAX_SHOWN

# Every placeholder a table message may use: a message fills the ones its kind knows.
_BLANK = dict.fromkeys(("file", "sheet", "cell", "row", "column", "text", "label", "words"), "")


def is_table(file_name: str | None, data: bytes | None) -> bool:
    return data is not None and kind_of(data, file_name or "") is not None


def message(error: TableError) -> str:
    """A refusal in the reader's language, with where it applies."""
    values = {**_BLANK, "found": "?", **error.where, "mb": 10}
    return t(f"table.refused.{error.kind}", **values)


def language_of(sheets: list[Sheet], chosen: str) -> str:
    """The editor's language, or the one the table's words are in (vi or en)."""
    if chosen in ("vi", "en"):
        return chosen
    words = " ".join(c.text for s in sheets for c in s.cells if c.number is None)
    return "vi" if detect_language(words) == "vi" else "en"


def read(entry, layout: Layout | None) -> tuple[Result | None, str, list[str]]:
    """The table's candidates and language, or the messages saying why there are none."""
    if layout is None:
        return None, "", [t("table.no_layout")]
    name = entry.file_name or "table"
    try:
        sheets = read_table(entry.file_bytes, name)
        language = language_of(sheets, entry.language)
        result = figures(sheets, layout, name, language, entry.published, entry.place)
    except TableError as exc:
        return None, "", [message(exc)]
    if result.problems:
        shown = [message(p) for p in result.problems[:MAX_SHOWN]]
        more = len(result.problems) - MAX_SHOWN
        return None, "", shown + ([t("table.more_problems", n=more)] if more > 0 else [])
    if not result.candidates:
        return None, "", [t("table.no_places", labels=", ".join(result.left_out[:20]))]
    return result, language, []


def prepare(entry, editor: str, data_dir: Path | None = None):
    """add_figures.prepare for a table: ((report, candidates, decisions) | None, messages),
    the parts of the page's review; with them, the messages are notes (labels naming no
    place of the dashboard)."""
    result, language, messages = read(entry, entry.table)
    if result is None:
        return None, messages
    name = entry.file_name or "table"
    suffix = ".xlsx" if kind_of(entry.file_bytes, name) == "xlsx" else ".csv"
    data_dir = data_dir or paths.DATA_DIR
    try:
        report = ingest_publish.new_report(
            result.document,
            entry.published,
            entry.place,
            editor,
            name,
            source_id=slug(entry.title.strip() or Path(name).stem),
            language=language,
            url=entry.url.strip(),
            title=entry.title.strip() or Path(name).stem,
            publisher=entry.publisher.strip(),
            via="page",
        )
        report = dataclasses.replace(report, original=(suffix, entry.file_bytes))
        report = ingest_publish.free_source_id(report, data_dir)
        decisions = ingest_publish.review(report, data_dir, list(result.candidates))
    except IngestError as exc:
        return None, [t("add.error.refused", reason=str(exc))]
    notes = [t("table.left_out", labels=", ".join(result.left_out[:20]))] if result.left_out else []
    return (report, tuple(result.candidates), tuple(decisions)), notes
