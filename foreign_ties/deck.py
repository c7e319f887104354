"""The presentation deck as files: PowerPoint, PDF and a workbook of its figures.

    python -m foreign_ties.deck --provinces son-la lang-son --years 2020 2025 \
        --format pptx --out briefing.pptx

PPTX and PDF share one measured layout (deck_layout.py): an opening slide (title, places,
date, three headline figures), one slide per message of `slides.deck` (chart or big
number, takeaway, sources, a QR code to the live slide), the sources appendix and a
closing slide with a large QR code. PPTX: text boxes in Arial (Liberation Sans on Debian,
metric-compatible), the chart as an image, short speaker notes. PDF (deck_pdf.py): real
text with clickable links. XLSX: the figures of every slide and their sources. Nothing is
fetched from the network. See docs/deck.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Pt

from foreign_ties import (
    catalog,
    chart_images,
    deck_layout,
    deck_pdf,
    downloads,
    live_link,
    slides,
    state,
)
from foreign_ties.deck_layout import Page, Text
from foreign_ties.i18n import LANGUAGES, current_language, set_language, t
from foreign_ties.slides import Slide
from foreign_ties.state import Filters

FORMATS = ("pptx", "pdf", "xlsx")
K = 0.5  # pt per layout px (1920 px = 960 pt = 13.33 inches)
FONT_NAME = "Arial"  # on Windows and macOS; Debian's fontconfig gives Liberation Sans
IMAGE_SCALE = 1.0  # chart pixels per layout px: 1:1 on a 1920x1080 projector


def speaker_notes(slide: Slide) -> str:
    """The takeaway and the key sentences (at most slide_text.NOTES_CHARS)."""
    return slide.notes


def pages(
    filters: Filters,
    deck: list[Slide],
    today: dt.date | None = None,
    base: str | None = None,
    lang: str | None = None,
) -> list[Page]:
    """The laid-out pages of the deck file (opening, slides, sources, closing)."""
    base = base or live_link.base_url()
    lang = lang or current_language()
    return deck_layout.layout(
        slides.opening(filters, deck, today),
        deck,
        slides.all_sources(deck),
        lambda n: live_link.slide_url(base, filters, n, lang),
    )


_DRAWN: dict[tuple, tuple[go.Figure, bytes]] = {}  # (figure id, box, scale) -> PNG
_DRAWN_MAX = 64


def chart_pngs(laid: list[Page], scale: float = IMAGE_SCALE) -> dict[int, bytes]:
    """PNG of each chart page's chart, drawn at the size of its box. Remembered per figure
    object and size (Present mode keeps its slides), so the PDF after the PowerPoint of the
    same deck draws no chart again."""
    images = {}
    for index, page in enumerate(laid):
        box = next((p for p in page.pictures if p.role == "chart"), None)
        if box is None or page.slide is None or page.slide.figure is None:
            continue
        figure = page.slide.figure
        key = (id(figure), int(box.w), int(box.h), scale)
        if key not in _DRAWN or _DRAWN[key][0] is not figure:
            fig = go.Figure(figure).update_layout(width=box.w, height=box.h)
            png = chart_images.image(fig, "png", int(box.w), int(box.h), scale=scale)
            if len(_DRAWN) >= _DRAWN_MAX:
                _DRAWN.pop(next(iter(_DRAWN)))
            _DRAWN[key] = (figure, png)  # the figure kept: its id stays its own
        images[index] = _DRAWN[key][1]
    return images


# --------------------------------------------------------------------------- PPTX


def _box(shapes, block: Text, frame=None) -> None:
    box = frame or shapes.add_textbox(0, 0, 0, 0)
    box.left, box.top = Pt(block.x * K), Pt(block.y * K)
    box.width, box.height = Pt(block.w * K), Pt(block.h * K)
    body = box.text_frame
    body.word_wrap = True
    body.auto_size = MSO_AUTO_SIZE.NONE
    body.vertical_anchor = MSO_ANCHOR.TOP
    body.margin_left = body.margin_right = body.margin_top = body.margin_bottom = 0
    align = {"left": PP_ALIGN.LEFT, "right": PP_ALIGN.RIGHT, "center": PP_ALIGN.CENTER}
    for n, line in enumerate(block.lines):
        paragraph = body.paragraphs[0] if n == 0 else body.add_paragraph()
        paragraph.text = ""
        paragraph.alignment = align[block.align]
        paragraph.line_spacing = Pt(block.line_h * K)
        paragraph.space_before = paragraph.space_after = Pt(0)
        run = paragraph.add_run()
        run.text = line
        font = run.font
        font.name, font.size = FONT_NAME, Pt(block.size * K)
        font.bold, font.italic = block.bold, block.italic
        font.color.rgb = RGBColor(*block.colour)
        if block.link:
            run.hyperlink.address = block.link


def pptx_bytes(laid: list[Page], charts: dict[int, bytes]) -> bytes:
    show = Presentation()
    show.slide_width, show.slide_height = Pt(deck_layout.W * K), Pt(deck_layout.H * K)
    layout = show.slide_layouts[5]  # "Title Only": a real title, so outlines list the slides
    for index, page in enumerate(laid):
        slide = show.slides.add_slide(layout)
        for n, block in enumerate(page.texts):
            _box(slide.shapes, block, frame=slide.shapes.title if n == 0 else None)
        for picture in page.pictures:
            if picture.role == "chart" and index in charts:
                data = charts[index]
            elif picture.role == "qr":
                data = live_link.qr_png(picture.url)
            else:
                continue
            shape = slide.shapes.add_picture(
                io.BytesIO(data),
                Pt(picture.x * K),
                Pt(picture.y * K),
                Pt(picture.w * K),
                Pt(picture.h * K),
            )
            if picture.role == "qr":
                shape.click_action.hyperlink.address = picture.url
                shape.name = t("present.qr_alt")
        if page.notes:
            slide.notes_slide.notes_text_frame.text = page.notes
    buffer = io.BytesIO()
    show.save(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------- data


def deck_rows(deck: list[Slide]) -> pd.DataFrame:
    if not deck:
        return pd.DataFrame(columns=["fact_id"])
    rows = pd.concat([s.rows for s in deck], ignore_index=True)
    return rows.drop_duplicates("fact_id").reset_index(drop=True)


def build(
    filters: Filters,
    fmt: str,
    today: dt.date | None = None,
    deck: list[Slide] | None = None,
    base: str | None = None,
) -> bytes:
    """The deck for these filters as `fmt` (pptx, pdf or xlsx) bytes."""
    deck = slides.build_slides(filters) if deck is None else deck
    if fmt == "xlsx":
        return downloads.facts_xlsx(deck_rows(deck), filters, today)
    if not deck:
        raise ValueError(t("present.empty"))
    laid = pages(filters, deck, today, base)
    charts = chart_pngs(laid)
    if fmt == "pptx":
        return pptx_bytes(laid, charts)
    return deck_pdf.pdf_bytes(laid, charts, t("present.deck_title"), current_language())


# --------------------------------------------------------------------------- command line


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m foreign_ties.deck",
        description="Write the presentation deck for some places and years.",
    )
    parser.add_argument(
        "--provinces",
        nargs="+",
        default=[],
        metavar="ID",
        help="places (province_id), e.g. son-la lang-son; default: all compared places",
    )
    parser.add_argument(
        "--years",
        nargs="+",
        default=[],
        metavar="YEAR",
        help="first and last year, e.g. 2020 2025; default: every year with figures",
    )
    parser.add_argument(
        "--format", choices=FORMATS, default=None, help="default: from the --out suffix"
    )
    parser.add_argument("--lang", choices=LANGUAGES, default="en")
    parser.add_argument("--out", required=True, type=Path)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    set_language(args.lang)
    fmt = args.format or args.out.suffix.lstrip(".").lower()
    if fmt not in FORMATS:
        print(f"error: unknown format {fmt!r}; use --format {'|'.join(FORMATS)}", file=sys.stderr)
        return 2
    places = [p for p in catalog.places() if p in catalog.COMPARED_PLACES]
    filters, notices = state.from_query(
        {state.PROVINCES_KEY: args.provinces, state.YEARS_KEY: args.years},
        places,
        catalog.COMPARED_PLACES,
        catalog.year_bounds(),
    )
    if notices:  # the command line is strict: no silent fallback
        for notice in notices:
            print("error: " + t(notice.key, **notice.values), file=sys.stderr)
        return 2
    deck = slides.build_slides(filters)
    try:
        data = build(filters, fmt, deck=deck)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    args.out.write_bytes(data)
    count = f"{len(deck_rows(deck))} figures" if fmt == "xlsx" else f"{len(deck)} slides"
    print(f"wrote {args.out} ({fmt}, {count}, {len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
