"""The deck files: one measured layout (nothing overlaps or leaves the page), a PDF of real
text with clickable source links (read back with pypdf), a PowerPoint naming a font that
exists on Windows and Debian, short speaker notes, QR codes to the live slides."""

import contextlib
import datetime as dt
import io
import re
import unicodedata

import pytest
from PIL import Image
from pptx import Presentation
from pypdf import PdfReader

from foreign_ties import catalog, deck, deck_layout, deck_pdf, i18n, live_link, slide_text, slides
from foreign_ties.state import Filters

TODAY = dt.date(2026, 1, 15)
BASE = "https://figures.example.org"


@contextlib.contextmanager
def in_language(lang):
    i18n.set_language(lang)
    try:
        yield
    finally:
        i18n.set_language("en")


def _png(w: int, h: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (w, h), "#dddddd").save(buffer, "PNG")
    return buffer.getvalue()


def _fake_charts(laid):
    return {
        n: _png(int(p.w), int(p.h))
        for n, page in enumerate(laid)
        for p in page.pictures
        if p.role == "chart"
    }


@pytest.fixture(scope="module")
def filters():
    catalog.clear()
    return Filters(tuple(catalog.COMPARED_PLACES), *catalog.year_bounds())


@pytest.fixture(scope="module", params=["en", "vi"])
def built(request, filters):
    with in_language(request.param):
        the_deck = slides.build_slides(filters)
        laid = deck.pages(filters, the_deck, TODAY, BASE)
        charts = _fake_charts(laid)
        pdf = deck_pdf.pdf_bytes(laid, charts, "Deck", request.param)
        pptx = deck.pptx_bytes(laid, charts)
    return request.param, the_deck, laid, pdf, pptx


def _boxes(page):
    for text in page.texts:
        yield "text", (text.x, text.y, text.x + text.w, text.y + text.h), text
    for picture in page.pictures:
        box = (picture.x, picture.y, picture.x + picture.w, picture.y + picture.h)
        yield picture.role, box, picture


def _overlap(a, b) -> bool:
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


def test_the_layout_has_opening_slides_sources_and_closing(built):
    _, the_deck, laid, _, _ = built
    kinds = [page.kind for page in laid]
    assert kinds[0] == "opening" and kinds[-1] == "closing"
    assert kinds[1 : 1 + len(the_deck)] == [s.kind for s in the_deck]
    assert set(kinds[1 + len(the_deck) : -1]) == {"sources"}


def test_no_box_overlaps_another_or_leaves_the_page(built):
    for number, page in enumerate(built[2], 1):
        boxes = list(_boxes(page))
        for role, box, item in boxes:
            assert 0 <= box[0] and box[2] <= deck_layout.W, (number, role, box)
            assert 0 <= box[1] and box[3] <= deck_layout.H, (number, role, box)
            if role == "text":
                assert item.size >= 24, (number, item.lines)
                for line in item.lines:  # measured: each line fits its box
                    assert deck_layout.width(line, item.size, item.bold, item.italic) <= item.w
        for i, (_, a, _) in enumerate(boxes):
            for role, b, _ in boxes[i + 1 :]:
                assert not _overlap(a, b), (number, page.kind, a, b, role)


def test_the_pdf_is_text_with_clickable_sources(built):
    lang, the_deck, laid, pdf, _ = built
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == len(laid)
    assert len(pdf) < 2_000_000  # text and small images, not pictures of pages

    def flat(text: str) -> str:
        return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()

    texts = [flat(page.extract_text()) for page in reader.pages]
    for number, (page, text) in enumerate(zip(laid, texts, strict=True), 1):
        for block in page.texts:
            assert flat(" ".join(block.lines)) in text, (number, block.lines)
    for slide, text in zip(the_deck, texts[1:], strict=False):
        assert flat(slide.title) in text and flat(slide.takeaway) in text
    everything = " ".join(texts)
    links = {
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if annotation.get_object()["/Subtype"] == "/Link"
    }
    for name, url in slides.all_sources(the_deck):
        assert flat(name) in everything, name
        if url:
            assert url in links, url
    assert any(link.startswith(f"{BASE}/present?") and f"lang={lang}" in link for link in links)


def test_the_pptx_names_arial_and_keeps_short_notes(built):
    lang, the_deck, laid, _, pptx = built
    show = Presentation(io.BytesIO(pptx))
    assert len(show.slides) == len(laid)
    fonts = {
        run.font.name
        for page in show.slides
        for shape in page.shapes
        if shape.has_text_frame
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
    }
    assert fonts == {"Arial"}
    for page, slide in zip(list(show.slides)[1:], the_deck, strict=False):
        assert page.shapes.title.text_frame.text.replace("\n", " ") == slide.title
        notes = page.notes_slide.notes_text_frame.text
        assert notes == slide.notes and len(notes) <= slide_text.NOTES_CHARS
        assert (sum(s.shape_type == 13 for s in page.shapes) == 2) == (slide.kind == "chart")
    closing = list(show.slides)[-1]
    pictures = [s for s in closing.shapes if s.shape_type == 13]
    assert pictures and pictures[0].click_action.hyperlink.address.startswith(BASE)


def test_the_base_url_comes_from_the_environment_first(monkeypatch, filters):
    monkeypatch.setenv(live_link.ENV, "https://deck.example.org/")
    assert live_link.base_url("http://10.0.0.5:8501/present") == "https://deck.example.org"
    monkeypatch.delenv(live_link.ENV)
    monkeypatch.setattr(live_link, "CONFIG", live_link.CONFIG.with_name("missing.toml"))
    assert live_link.base_url("http://10.0.0.5:8501/present?x=1") == "http://10.0.0.5:8501"
    assert live_link.base_url() == live_link.DEFAULT
    url = live_link.slide_url("http://h", Filters(("son-la",), 2020, 2025), 3, "vi")
    assert url == "http://h/present?provinces=son-la&years=2020&years=2025&lang=vi&slide=3"
    svg = live_link.qr_svg(url, 150)
    assert svg.startswith("<svg") and 'width="150' in svg
    assert live_link.qr_png(url).startswith(b"\x89PNG")


def test_a_sentence_in_another_language_has_its_translation_under_it(built):
    """A big-number slide quotes its sentence as published and, when the deck's reader reads
    another language, the translation under it (marked as not the published words), in the
    PDF's text as in Present."""
    lang, the_deck, laid, pdf, _ = built
    glossed = [s for s in the_deck if s.kind == "number" and s.gloss]
    assert glossed or lang == "en", "no number slide with a sentence in another language"
    texts = [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]
    label = "Bản dịch (không phải nguyên văn)" if lang == "vi" else "Translation (not the"
    for slide in glossed:
        page = texts[1 + the_deck.index(slide)]
        assert label in page, slide.title
        assert page.index(" ".join(slide.sentence.split()[:6])) < page.index(label)
