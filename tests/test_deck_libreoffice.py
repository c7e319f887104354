"""The PowerPoint opened as a venue PC would: LibreOffice Impress converts it headless to
PDF (both languages in one run), and the converted text positions show no line of text over
another, none off the slide, and every line where the layout put it (nothing re-wrapped).

Needs `soffice` (Debian's libreoffice-impress and fonts-liberation2, installed by
scripts/setup.sh when root, as CI runs). Charts are plain images here: the test is about
the text boxes, and it stays fast without the image server.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import unicodedata

import pytest
from PIL import Image
from pypdf import PdfReader

from foreign_ties import catalog, deck, deck_layout, i18n, slides
from foreign_ties.state import Filters

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) missing: bash scripts/setup.sh as root"
)
TOLERANCE = 1.0  # pt


def _png(w: float, h: float) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (int(w), int(h)), "#dddddd").save(buffer, "PNG")
    return buffer.getvalue()


LANGS = ("en", "vi")


def _pptx(lang: str):
    """The laid-out pages of the deck in `lang` and its PPTX (grey pictures for the charts)."""
    catalog.clear()
    filters = Filters(tuple(catalog.COMPARED_PLACES), *catalog.year_bounds())
    i18n.set_language(lang)
    try:
        laid = deck.pages(filters, slides.build_slides(filters), base="https://figures.example.org")
        charts = {
            n: _png(p.w, p.h)
            for n, page in enumerate(laid)
            for p in page.pictures
            if p.role == "chart"
        }
        return laid, deck.pptx_bytes(laid, charts)
    finally:
        i18n.set_language("en")


@pytest.fixture(scope="module")
def conversions(tmp_path_factory):
    """Both languages' decks converted in one LibreOffice run (each start of soffice with a
    new profile costs seconds): {lang: (laid-out pages, converted PDF)}."""
    folder = tmp_path_factory.mktemp("impress")
    laid = {}
    for lang in LANGS:
        laid[lang], data = _pptx(lang)
        (folder / f"deck-{lang}.pptx").write_bytes(data)
    with contextlib.suppress(subprocess.TimeoutExpired):
        subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation=file://{folder}/profile",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                *(str(folder / f"deck-{lang}.pptx") for lang in LANGS),
            ],
            check=True,
            capture_output=True,
            timeout=240,
        )
    for lang in LANGS:
        assert (folder / f"deck-{lang}.pdf").exists(), (
            f"LibreOffice did not convert the {lang} deck"
        )
    return {lang: (laid[lang], PdfReader(folder / f"deck-{lang}.pdf")) for lang in LANGS}


@pytest.fixture(params=LANGS)
def converted(request, conversions):
    """(laid-out pages, converted PDF) for one language."""
    return conversions[request.param]


def _lines(page) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Each run of text LibreOffice drew, with its box (x0, top, x1, bottom) in pt from the
    top left, measured with the font it embedded (Liberation Sans for Arial)."""
    height = float(page.mediabox.height)
    found = []

    def visit(text, cm, tm, font, size):
        if not text.strip() or not font:
            return
        x = tm[4] * cm[0] + cm[4]
        y = tm[5] * cm[3] + cm[5]
        size = size * abs(tm[3] or 1) * abs(cm[3] or 1) if size < 2 else size
        name = str(font.get("/BaseFont", ""))
        bold, italic = "Bold" in name, "Italic" in name
        w = deck_layout.width(text.strip(), size * 2, bold, italic) / 2
        found.append(
            (text.strip(), (x, height - y - 0.905 * size, x + w, height - y + 0.212 * size))
        )

    page.extract_text(visitor_text=visit)
    return found


def _flat(text: str) -> str:
    """Spaces normalised; quotation marks dropped (LibreOffice may draw them as runs apart)."""
    text = unicodedata.normalize("NFC", text).replace("“", "").replace("”", "")
    return " ".join(text.split())


def test_no_text_overlaps_or_leaves_the_slide_in_libreoffice(converted):
    laid, reader = converted
    assert len(reader.pages) == len(laid)
    problems = []
    for number, page in enumerate(reader.pages, 1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        lines = _lines(page)
        assert lines, number
        for text, (x0, top, x1, bottom) in lines:
            if (
                x0 < -TOLERANCE
                or top < -TOLERANCE
                or x1 > width + TOLERANCE
                or bottom > height + TOLERANCE
            ):
                problems.append((number, "off the slide", text))
        for i, (a_text, a) in enumerate(lines):
            for b_text, b in lines[i + 1 :]:
                if (
                    a[0] < b[2] - TOLERANCE
                    and b[0] < a[2] - TOLERANCE
                    and a[1] < b[3] - TOLERANCE
                    and b[1] < a[3] - TOLERANCE
                ):
                    problems.append((number, "overlap", a_text, b_text))
    assert not problems, problems


def test_every_line_stays_where_the_layout_put_it(converted):
    """A line LibreOffice re-wrapped would show as a different run of text."""
    laid, reader = converted
    for number, (page, laid_page) in enumerate(zip(reader.pages, laid, strict=True), 1):
        drawn = {_flat(text) for text, _ in _lines(page)}
        joined = " ".join(sorted(drawn))
        for block in laid_page.texts:
            for line in block.lines:
                assert _flat(line) in drawn or _flat(line) in joined, (number, line)
