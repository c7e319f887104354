"""One measured layout for the deck files: the PDF and the PowerPoint place the same boxes.

Pages are laid out on a 1920x1080 canvas (px; 0.5 pt each in the files, a 13.33 x 7.5 inch
16:9 slide). Text is measured with Pillow on the font files the PDF embeds
(static/fonts/LiberationSans-*.ttf, metric-compatible with Arial, which the PowerPoint
names), wrapped into lines that fit their box with a margin, and stacked from the top, so
a title that wraps pushes the chart down instead of hiding behind it. No text is smaller
than 24 px. The chart takes the height the text leaves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from PIL import ImageFont

from foreign_ties.i18n import t
from foreign_ties.paths import ROOT
from foreign_ties.slides import Opening, Slide

W, H = 1920, 1080
MARGIN = 80
QR_CORNER = 150  # px: the live-view QR code in each slide's top-right corner
INK, GREY = (0, 0, 0), (51, 51, 51)
FONT_DIR = ROOT / "static" / "fonts"
FONT_FILES = {
    (False, False): "LiberationSans-Regular.ttf",
    (True, False): "LiberationSans-Bold.ttf",
    (False, True): "LiberationSans-Italic.ttf",
}
FIT = 0.96  # lines fill at most this share of their box (room for renderers' rounding)
SOURCES_PER_PAGE = 8


@dataclass
class Text:
    x: float
    y: float
    w: float
    lines: list[str]
    size: float
    bold: bool = False
    italic: bool = False
    colour: tuple[int, int, int] = INK
    link: str = ""
    align: str = "left"

    @property
    def line_h(self) -> float:
        return self.size * 1.2

    @property
    def h(self) -> float:
        return self.line_h * len(self.lines)


@dataclass
class Picture:
    x: float
    y: float
    w: float
    h: float
    role: str  # "chart" or "qr"
    url: str = ""  # the QR code's link


@dataclass
class Page:
    kind: str  # opening, chart, number, sources, closing
    title: str
    notes: str = ""
    texts: list[Text] = field(default_factory=list)
    pictures: list[Picture] = field(default_factory=list)
    slide: Slide | None = None


@cache
def font(size: float, bold: bool = False, italic: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / FONT_FILES[(bold, italic)]), round(size))


def width(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    return font(size, bold, italic).getlength(text)


def wrap(text: str, size: float, box: float, bold: bool = False, italic: bool = False):
    """Lines of whole words, each at most FIT * `box` wide (a word too long is split)."""
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and width(trial, size, bold, italic) > FIT * box:
            lines.append(line)
            line = word
        else:
            line = trial
        while width(line, size, bold, italic) > FIT * box and len(line) > 1:
            cut = len(line) - 1
            while cut > 1 and width(line[:cut], size, bold, italic) > FIT * box:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
    return [*lines, line] if line else lines


def _stack(page: Page, y: float, text: str, size: float, box: float, **style) -> float:
    """Add wrapped `text` at `y` (left margin); return the y under it."""
    lines = wrap(text, size, box, style.get("bold", False), style.get("italic", False))
    block = Text(MARGIN, y, box, lines, size, **style)
    page.texts.append(block)
    return y + block.h


def _fit(text: str, sizes: tuple[float, ...], box: float, max_lines: int, bold=False) -> float:
    """The largest size at which `text` takes at most `max_lines` lines."""
    for size in sizes:
        if len(wrap(text, size, box, bold)) <= max_lines:
            return size
    return sizes[-1]


def _corner(page: Page, url: str) -> None:
    page.pictures.append(Picture(W - MARGIN + 40 - QR_CORNER, 30, QR_CORNER, QR_CORNER, "qr", url))


def _footer(page: Page, slide: Slide, number: int, total: int) -> None:
    """The source line (whole sources, two lines at most) and the counter, at the foot."""
    counter = t("present.counter", n=number, total=total)
    counter_w = width(counter, 24) + 40
    lines = wrap(slide.footnote, 24, W - 2 * MARGIN - counter_w)[:3]
    foot = Text(MARGIN, 0, W - 2 * MARGIN - counter_w, lines, 24, colour=GREY)
    foot.y = H - 40 - foot.h
    if len(slide.sources) == 1:  # one source: the line links to it (all: the sources slide)
        foot.link = slide.sources[0][1]
    page.texts.append(foot)
    _counter(page, number, total)


def _counter(page: Page, number: int, total: int) -> None:
    """'Slide 3 of 18' at the bottom right, in a box wider than its measured text."""
    text = t("present.counter", n=number, total=total)
    box = width(text, 24) / FIT + 8
    page.texts.append(
        Text(W - MARGIN - box, H - 40 - 28.8, box, [text], 24, colour=GREY, align="right")
    )


def content_page(slide: Slide, number: int, total: int, url: str) -> Page:
    page = Page(slide.kind, slide.title, slide.notes, slide=slide)
    _corner(page, url)
    title_box = W - 2 * MARGIN - QR_CORNER - 20
    size = _fit(slide.title, (56, 48, 40), title_box, 2, bold=True)
    y = _stack(page, 40, slide.title, size, title_box, bold=True)
    _footer(page, slide, number, total)
    foot_top = page.texts[-2].y
    box = W - 2 * MARGIN
    if slide.kind == "chart":
        takeaway_lines = wrap(slide.takeaway, 36, box, True)
        take = Text(MARGIN, 0, box, takeaway_lines, 36, bold=True)
        take.y = foot_top - 16 - take.h
        page.texts.append(take)
        top = max(y + 16, QR_CORNER + 40)
        page.pictures.append(Picture(MARGIN, top, box, take.y - 16 - top, "chart"))
        return page
    y = max(y + 40, QR_CORNER + 60)
    y = _stack(
        page, y, slide.big, _fit(slide.big, (150, 120, 96, 72), box, 1, True), box, bold=True
    )
    y = _stack(page, y + 20, slide.takeaway, 40, box, bold=True)
    room = foot_top - 24 - (y + 30)
    # the sentence as published, then (when it is in another language) its translation
    texts = [(f"“{slide.sentence}”", True)]
    if slide.gloss:
        texts.append((t("present.gloss", gloss=slide.gloss), False))

    def height(s: float) -> float:
        lines = sum(len(wrap(text, s, box, italic=italic)) for text, italic in texts)
        return lines * s * 1.2 + 12 * (len(texts) - 1)

    size = next((s for s in (32, 28, 24) if height(s) <= room), 24)
    keep = max(1, int((room - 12 * (len(texts) - 1)) / len(texts) // (size * 1.2)))
    y += 30
    for text, italic in texts:
        lines = wrap(text, size, box, italic=italic)
        if height(size) > room and len(lines) > keep:  # each gets its share, cut with "…"
            lines = [*lines[: keep - 1], lines[keep - 1].rstrip(".,;:") + " …"]
        page.texts.append(Text(MARGIN, y, box, lines, size, italic=italic, colour=GREY))
        y += len(lines) * size * 1.2 + 12
    return page


def opening_page(opening: Opening, total: int, url: str) -> Page:
    page = Page("opening", opening.title)
    _corner(page, url)
    box = W - 2 * MARGIN - QR_CORNER - 20
    y = _stack(
        page, 120, opening.title, _fit(opening.title, (80, 64, 56), box, 2, True), box, bold=True
    )
    y = _stack(page, y + 20, opening.places, 40, box)
    y = _stack(page, y + 10, opening.date, 32, box, colour=GREY)
    y += 80
    column = (W - 2 * MARGIN - 2 * 60) / 3
    for n, headline in enumerate(opening.headlines):
        x = MARGIN + n * (column + 60)
        size = _fit(headline.value, (72, 60, 48, 40, 32), column, 1, True)
        value = Text(x, y, column, wrap(headline.value, size, column, True), size, bold=True)
        label = Text(x, value.y + value.h + 12, column, wrap(headline.label, 28, column)[:4], 28)
        period = Text(
            x, label.y + label.h + 8, column, wrap(headline.period, 24, column), 24, colour=GREY
        )
        page.texts += [value, label, period]
    _counter(page, 1, total)
    return page


def sources_pages(found, first: int, total: int, url: str) -> list[Page]:
    pages = []
    for start in range(0, len(found), SOURCES_PER_PAGE):
        title = t("present.sources_title" if not start else "present.sources_more")
        page = Page("sources", title)
        _corner(page, url)
        y = _stack(page, 40, title, 56, W - 2 * MARGIN - QR_CORNER - 20, bold=True)
        y = max(y + 30, QR_CORNER + 50)
        for n, (name, link) in enumerate(found[start : start + SOURCES_PER_PAGE], start + 1):
            text = f"{n}. {name}" + (f" — {link}" if link else "")
            block = Text(
                MARGIN, y, W - 2 * MARGIN, wrap(text, 24, W - 2 * MARGIN)[:3], 24, link=link
            )
            page.texts.append(block)
            y += block.h + 12
        number = first + len(pages)
        _counter(page, number, total)
        pages.append(page)
    return pages


def closing_page(total: int, url: str) -> Page:
    title = t("present.closing_title")
    page = Page("closing", title)
    box = W - 2 * MARGIN
    y = _stack(page, 60, title, _fit(title, (64, 56, 48), box, 2, True), box, bold=True)
    y = _stack(page, y + 20, t("present.closing_text"), 36, box)
    side = min(560, H - 40 - 28.8 - 40 - (y + 30) - 50)
    page.pictures.append(Picture((W - side) / 2, y + 30, side, side, "qr", url))
    link = Text(
        MARGIN,
        y + 40 + side,
        box,
        wrap(url, 24, box)[:2],
        24,
        link=url,
        align="center",
        colour=GREY,
    )
    page.texts.append(link)
    _counter(page, total, total)
    return page


def layout(opening: Opening, slides: list[Slide], sources, link) -> list[Page]:
    """Every page of the deck: opening, one per slide, sources, closing. `link(n)` is the
    live view of page n (1-based)."""
    source_pages = -(-len(sources) // SOURCES_PER_PAGE)
    total = 1 + len(slides) + source_pages + 1
    pages = [opening_page(opening, total, link(1))]
    pages += [content_page(s, n, total, link(n)) for n, s in enumerate(slides, 2)]
    pages += sources_pages(sources, len(slides) + 2, total, link(len(slides) + 2))
    pages.append(closing_page(total, link(total)))
    return pages
