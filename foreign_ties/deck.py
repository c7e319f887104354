"""The presentation deck as files: PowerPoint, PDF and a workbook of its figures.

    python -m foreign_ties.deck --provinces son-la lang-son --years 2020 2025 \
        --format pptx --out briefing.pptx

PPTX: one slide per view of `slides.build_slides` (title, chart image, takeaway, source footnote;
the published sentences in the speaker notes). PDF: the same slides drawn with Pillow
around the chart image, one page each. XLSX: the figures of every slide and their
sources. Nothing is fetched from the network. See docs/deck.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from pathlib import Path

import pandas as pd
from PIL import Image, ImageDraw, ImageFont
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

from foreign_ties import catalog, chart_images, downloads, slides, state
from foreign_ties.i18n import LANGUAGES, set_language, t
from foreign_ties.slides import Slide
from foreign_ties.state import Filters

FORMATS = ("pptx", "pdf", "xlsx")
WIDE = (Inches(13.333), Inches(7.5))  # 16:9
CHART_PX = (slides.EXPORT_WIDTH, slides.EXPORT_HEIGHT)
FONT_DIR = Path(
    "/usr/share/fonts/truetype/dejavu"
)  # Debian's fonts-dejavu-core: local, full Vietnamese
INK, GREY = (0, 0, 0), (51, 51, 51)


def chart_png(slide: Slide, scale: float = chart_images.IMAGE_SCALE) -> bytes:
    return chart_images.image(slide.figure, "png", *CHART_PX, scale=scale)


def speaker_notes(slide: Slide) -> str:
    """Takeaway, the sentences verbatim (original language, English gloss under one that has
    it) and the sources."""
    rows = slide.rows
    glosses = (
        {
            q: g
            for q, g in zip(rows["quote"], rows["gloss_en"], strict=False)
            if isinstance(g, str) and g
        }
        if "gloss_en" in rows
        else {}
    )
    lines = []
    for quote in slide.quotes:
        lines.append(f"“{quote}”")
        if quote in glosses:
            lines.append("    " + t("present.notes.gloss", gloss=glosses[quote]))
    quotes = "\n".join(lines)
    return f"{slide.takeaway}\n\n{t('present.notes.quotes')}\n{quotes}\n\n{slide.footnote}"


# --------------------------------------------------------------------------- PPTX


def _text(
    shapes,
    text: str,
    top: float,
    height: float,
    size: int,
    bold: bool = False,
    colour: tuple[int, int, int] = INK,
    frame=None,
) -> None:
    box = frame or shapes.add_textbox(Inches(0.5), Inches(top), Inches(12.33), Inches(height))
    box.left, box.top, box.width, box.height = (
        Inches(0.5),
        Inches(top),
        Inches(12.33),
        Inches(height),
    )
    body = box.text_frame
    body.word_wrap = True
    body.text = text
    for paragraph in body.paragraphs:
        for run in paragraph.runs:
            run.font.size, run.font.bold = Pt(size), bold
            run.font.color.rgb = RGBColor(*colour)


def pptx_bytes(deck: list[Slide], images: list[bytes] | None = None) -> bytes:
    images = images or [chart_png(s) for s in deck]
    show = Presentation()
    show.slide_width, show.slide_height = WIDE
    layout = show.slide_layouts[5]  # "Title Only": a real title, so outlines list the slides
    for number, (slide, png) in enumerate(zip(deck, images, strict=False), start=1):
        page = show.slides.add_slide(layout)
        _text(page.shapes, slide.title, 0.25, 0.95, 36, bold=True, frame=page.shapes.title)
        width = Inches(12.33)
        height = Emu(int(width * CHART_PX[1] / CHART_PX[0]))
        page.shapes.add_picture(io.BytesIO(png), Inches(0.5), Inches(1.2), width, height)
        _text(page.shapes, slide.takeaway, 6.25, 0.6, 24, bold=True)
        _text(
            page.shapes,
            f"{slide.footnote} · {t('present.counter', n=number, total=len(deck))}",
            6.85,
            0.55,
            14,
            colour=GREY,
        )
        page.notes_slide.notes_text_frame.text = speaker_notes(slide)
    buffer = io.BytesIO()
    show.save(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------- PDF


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(str(FONT_DIR / name), size)
    except OSError:  # no DejaVu: Pillow's own scalable font (Latin only)
        return ImageFont.load_default(size)


def _wrapped(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and draw.textlength(trial, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    return [*lines, line] if line else lines


def slide_image(slide: Slide, png: bytes, number: int, total: int, k: int = 2) -> Image.Image:
    """A 1920x1080 slide (times `k`): title, chart, takeaway, footnote, page number."""
    page = Image.new("RGB", (1920 * k, 1080 * k), "white")
    draw = ImageDraw.Draw(page)
    margin, width = 80 * k, (1920 - 160) * k
    y = 40 * k
    for line in _wrapped(draw, slide.title, _font(56 * k, True), width)[:2]:
        draw.text((margin, y), line, font=_font(56 * k, True), fill=INK)
        y += 68 * k
    chart = Image.open(io.BytesIO(png)).convert("RGB")
    chart = chart.resize((width, int(width * chart.height / chart.width)), Image.LANCZOS)
    page.paste(chart, (margin, y + 10 * k))
    y += 10 * k + chart.height + 20 * k
    for line in _wrapped(draw, slide.takeaway, _font(36 * k, True), width)[:2]:
        draw.text((margin, y), line, font=_font(36 * k, True), fill=INK)
        y += 46 * k
    foot = f"{slide.footnote} · {t('present.counter', n=number, total=total)}"
    for line in _wrapped(draw, foot, _font(22 * k), width)[:3]:
        draw.text((margin, y + 8 * k), line, font=_font(22 * k), fill=GREY)
        y += 30 * k
    return page


def pdf_bytes(deck: list[Slide], images: list[bytes] | None = None) -> bytes:
    images = images or [chart_png(s) for s in deck]
    pages = [
        slide_image(s, png, n, len(deck))
        for n, (s, png) in enumerate(zip(deck, images, strict=False), 1)
    ]
    buffer = io.BytesIO()
    pages[0].save(
        buffer,
        "PDF",
        save_all=True,
        append_images=pages[1:],
        resolution=288.0,
        quality=90,
        title=t("app.title"),
    )
    return buffer.getvalue()


# --------------------------------------------------------------------------- data


def deck_rows(deck: list[Slide]) -> pd.DataFrame:
    if not deck:
        return pd.DataFrame(columns=["fact_id"])
    rows = pd.concat([s.rows for s in deck], ignore_index=True)
    return rows.drop_duplicates("fact_id").reset_index(drop=True)


def build(
    filters: Filters, fmt: str, today: dt.date | None = None, deck: list[Slide] | None = None
) -> bytes:
    """The deck for these filters as `fmt` (pptx, pdf or xlsx) bytes."""
    deck = slides.build_slides(filters) if deck is None else deck
    if fmt == "xlsx":
        return downloads.facts_xlsx(deck_rows(deck), filters, today)
    if not deck:
        raise ValueError(t("present.empty"))
    return pptx_bytes(deck) if fmt == "pptx" else pdf_bytes(deck)


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
