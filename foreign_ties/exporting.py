"""Downloads beyond CSV: chart images (PNG, SVG) and spreadsheets (XLSX), all offline.

Images are drawn by kaleido 1.x in Debian's chromium. One kaleido server per process,
started on first use and reused (starting chromium costs seconds, a chart a few hundred
milliseconds); plotly.js comes from the installed plotly package, MathJax is off (it would
be fetched from a CDN) and map outlines come from static/plotly-topojson when present.
Spreadsheet cells that a spreadsheet would run as formulas are neutralised with
`export.neutralise`; numbers stay numbers.

Each sheet of a workbook (titled in the reader's language) starts with four rows: 1 the
citation, 2 a note on rows 3 and 4, 3 the column names in the reader's language, 4 the
column ids (the data contract, the same in every language and as the CSV); the figures
start on row 5. A program reads `pandas.read_excel(path, sheet_name=0, header=3)`.
"""

from __future__ import annotations

import atexit
import datetime as dt
import io
import os
import threading

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from openpyxl import Workbook
from openpyxl.styles import Font

from foreign_ties import export
from foreign_ties.i18n import t
from foreign_ties.paths import ROOT
from foreign_ties.state import Filters

CHROMIUM = os.environ.get("CHROMIUM_PATH") or os.environ.get("BROWSER_PATH") or "/usr/bin/chromium"
TOPOJSON_DIR = ROOT / "static" / "plotly-topojson"
IMAGE_SCALE = 2
SOURCE_COLUMNS = ["source_id", "title", "publisher", "published_date", "url", "quotes"]

_lock = threading.Lock()
_started = False


def topojson_url() -> str | None:
    """file:// URL of the local map outlines (with a trailing slash), if the folder exists."""
    return TOPOJSON_DIR.as_uri() + "/" if TOPOJSON_DIR.is_dir() else None


def _server() -> None:
    """Start the kaleido server once per process (callers hold `_lock`)."""
    global _started
    if _started:
        return
    import kaleido

    os.environ.setdefault("BROWSER_PATH", CHROMIUM)
    if topojson_url():
        pio.defaults.topojson = topojson_url()
    kaleido.start_sync_server(n=1, mathjax=False, path=CHROMIUM, timeout=60, silence_warnings=True)
    atexit.register(kaleido.stop_sync_server, silence_warnings=True)
    _started = True


def warm_up() -> None:
    """Start the image server now (the first image otherwise waits for chromium)."""
    image(go.Figure(), "png", width=10, height=10, scale=1)


def image(
    fig: go.Figure,
    fmt: str,
    width: int | None = None,
    height: int | None = None,
    scale: float = IMAGE_SCALE,
) -> bytes:
    """The figure as PNG (scaled `scale` times) or SVG bytes, drawn offline."""
    import kaleido

    if fmt not in ("png", "svg", "pdf"):
        raise ValueError(f"unsupported image format {fmt!r}")
    width = width or fig.layout.width or 1600
    height = height or fig.layout.height or 900
    opts = {"format": fmt, "width": width, "height": height, "scale": scale}
    with _lock:
        _server()
        return kaleido.calc_fig_sync(fig, opts=opts, topojson=topojson_url())


# --------------------------------------------------------------------------- data


def sources_table(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per source of the figures: who published what, when, and the sentences."""
    if rows.empty:
        return pd.DataFrame(columns=SOURCE_COLUMNS)
    table = (
        rows.groupby("source_id", sort=False)
        .agg(
            title=("title", "first"),
            publisher=("publisher", "first"),
            published_date=("published_date", "first"),
            url=("url", "first"),
            quotes=(
                "quote",
                lambda q: "\n".join(dict.fromkeys(x for x in q if isinstance(x, str))),
            ),
        )
        .reset_index()
    )
    return table.reindex(columns=SOURCE_COLUMNS)


HEADER_ROW = 4  # the row of column ids; figures start below it


def _sheet(book: Workbook, title: str, table: pd.DataFrame, cite: str, first: bool) -> None:
    sheet = book.active if first else book.create_sheet()
    sheet.title = title[:31]
    columns = [str(c) for c in table.columns]
    sheet.append([export.neutralise(cite)])
    sheet.append([export.header_note()])
    sheet.append(export.column_labels(columns))
    sheet.append(columns)
    sheet["A1"].font = sheet["A2"].font = Font(italic=True)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for cell in sheet[HEADER_ROW]:
        cell.font = Font(color="555555")
    for record in table.itertuples(index=False):
        sheet.append([_cell(v) for v in record])
    for cell in (c for row in sheet.iter_rows() for c in row):
        if isinstance(cell.value, str):
            cell.data_type = "s"  # text is text, whatever it starts with
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"


def _cell(value: object) -> object:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.to_pydatetime().date()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()  # numpy scalars
    return export.neutralise(value) if isinstance(value, str) else value


def facts_xlsx(rows: pd.DataFrame, filters: Filters, today: dt.date | None = None) -> bytes:
    """A workbook: the figures (same columns as the CSV), their sources; four header rows
    on each sheet (citation, note, names in the reader's language, ids: see the module doc)."""
    cite = export.citation(filters, today)
    book = Workbook()
    _sheet(book, t("present.sheet.data"), export.safe_table(rows), cite, first=True)
    _sheet(book, t("present.sheet.sources"), sources_table(rows), cite, first=False)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def facts_csv(rows: pd.DataFrame, filters: Filters, today: dt.date | None = None) -> bytes:
    """The CSV download of export.py (citation line, formula-safe), for one entry point."""
    return export.facts_csv(rows, filters, today)
