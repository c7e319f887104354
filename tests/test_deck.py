"""The deck and the downloads: slides follow the filters, files carry titles, sources and
quotes, images have the promised size, spreadsheets never run a quote as a formula."""

import contextlib
import csv
import datetime as dt
import io

import pandas as pd
import pytest
from openpyxl import load_workbook
from PIL import Image
from pptx import Presentation

from foreign_ties import catalog, chart_images, deck, downloads, i18n, slides
from foreign_ties.state import Filters

TODAY = dt.date(2026, 1, 15)


@pytest.fixture(scope="module")
def the_deck(all_places):
    return slides.build_slides(all_places)


@pytest.fixture(scope="module")
def pptx(the_deck):
    return Presentation(io.BytesIO(deck.pptx_bytes(the_deck)))


def test_the_deck_has_one_message_per_slide(the_deck):
    assert 1 <= len(the_deck) <= slides.MAX_SLIDES
    assert len({s.key for s in the_deck}) == len(the_deck)
    for slide in the_deck:
        assert slide.title and slide.takeaway and slide.quotes
        assert slide.footnote.startswith("Sources: ") and "<" not in slide.footnote
        assert slide.figure.data, slide.key
        assert set(slide.rows["quote"]) >= set(slide.quotes)


def test_the_deck_follows_the_filters(all_places, the_deck):
    one = Filters(("son-la",), *catalog.year_bounds())
    for slide in slides.build_slides(one):
        assert set(slide.rows["province_id"]) == {"son-la"}, slide.key
    assert len(slides.build_slides(one)) <= len(the_deck)


def test_chart_text_is_large_enough_for_a_projector(the_deck):
    for slide in the_deck:
        layout = slide.figure.layout
        assert layout.font.size >= 22
        for axis in (a for name, a in layout.to_plotly_json().items() if name[1:5] == "axis"):
            assert axis["tickfont"]["size"] >= 22
        for trace in slide.figure.data:
            if trace.text is not None:
                assert trace.textfont.size >= 22


def test_takeaways_come_from_reported_figures():
    rows = pd.DataFrame(
        {
            "indicator_id": ["exports_provincial_statistics"] * 2,
            "province_id": ["son-la"] * 2,
            "value": [186.6e6, 200e6],
            "unit": ["USD"] * 2,
            "qualifier": ["exact"] * 2,
            "kind": ["flow"] * 2,
            "status": ["reported", "target"],
            "uncertain": [False, False],
            "period_start": pd.to_datetime(["2023-01-01", "2025-01-01"]),
            "period_end": pd.to_datetime(["2023-12-31", "2025-12-31"]),
        }
    )
    text = slides.takeaway(rows, ["exports_provincial_statistics"], ("son-la",))
    assert text == "Son La exported US$186.6 million of goods in 2023"
    only_target = slides.takeaway(rows.iloc[1:], ["exports_provincial_statistics"])
    assert "200" not in only_target and "target" in only_target


def test_pptx_slides_have_picture_title_takeaway_footnote_and_quotes(the_deck, pptx):
    assert len(pptx.slides) == len(the_deck)
    for page, slide in zip(pptx.slides, the_deck, strict=False):
        texts = [s.text_frame.text for s in page.shapes if s.has_text_frame]
        assert page.shapes.title.text_frame.text == slide.title
        assert any(s.shape_type == 13 for s in page.shapes), "a picture"  # MSO_SHAPE_TYPE.PICTURE
        assert slide.takeaway in texts
        assert any(slide.footnote in text for text in texts)
        notes = page.notes_slide.notes_text_frame.text
        for quote in slide.quotes:
            assert quote in notes


def test_pdf_has_one_page_per_slide(the_deck):
    data = deck.pdf_bytes(the_deck[:2])
    assert data.startswith(b"%PDF")
    assert b"/Count 2" in data


def test_png_at_scale_two_has_twice_the_pixels(the_deck):
    png = chart_images.image(the_deck[0].figure, "png", width=800, height=450, scale=2)
    assert Image.open(io.BytesIO(png)).size == (1600, 900)
    standalone = slides.standalone(the_deck[0])
    size = Image.open(io.BytesIO(chart_images.image(standalone, "png"))).size
    assert size == (standalone.layout.width * 2, standalone.layout.height * 2)


def test_svg_is_svg(the_deck):
    svg = chart_images.image(the_deck[0].figure, "svg", width=800, height=450).decode("utf-8")
    assert svg.lstrip().startswith("<svg") and "http://www.w3.org/2000/svg" in svg
    assert "cdn" not in svg.lower()


def test_xlsx_has_data_sources_and_citation(all_places, the_deck):
    book = load_workbook(io.BytesIO(deck.build(all_places, "xlsx", TODAY, deck=the_deck)))
    data, sources = book["Data"], book["Sources"]
    assert data["A1"].value.startswith("Source: Provincial foreign affairs dashboard")
    assert "15 Jan 2026" in data["A1"].value and sources["A1"].value == data["A1"].value
    assert "places: Son La, Lang Son, Tuyen Quang, Viet Nam;" in data["A1"].value
    assert [c.value for c in sources[4]] == downloads.SOURCE_COLUMNS
    quotes = "\n".join(str(c.value) for c in sources["F"][4:])
    for slide in the_deck:
        for quote in slide.quotes:
            assert quote in quotes or ("'" + quote) in quotes


def _hostile_rows() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "fact_id": ["a", "b"],
            "province_id": ["son-la", "lang-son"],
            "indicator_id": ["x", "x"],
            "value": [-5.0, 186600000.0],
            "unit": ["count", "USD"],
            "qualifier": ["exact"] * 2,
            "value_as_written": ["-5", "US$186.6 million"],
            "status": ["reported"] * 2,
            "source_id": ["evil", "good"],
            "publisher": ["@publisher", "VBF"],
            "title": ["=cmd|' /C calc'!A0", "Fine"],
            "published_date": [dt.date(2024, 1, 1)] * 2,
            "url": [None, "https://example.org"],
            "quote": ['=HYPERLINK("http://evil.example","click")', "+1 and more"],
            "period_start": pd.to_datetime(["2023-01-01"] * 2),
            "period_end": pd.to_datetime(["2023-12-31"] * 2),
        }
    )


def test_formulas_are_neutralised_in_csv_and_numbers_stay_numbers():
    filters = Filters(("son-la",), 2020, 2025)
    text = downloads.facts_csv(_hostile_rows(), filters, TODAY).decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0].startswith("# Source:")
    table = list(csv.DictReader(lines[3:]))
    assert table[0]["quote"] == '\'=HYPERLINK("http://evil.example","click")'
    assert table[1]["quote"] == "'+1 and more"
    assert table[0]["value_as_written"] == "'-5" and table[0]["publisher"] == "'@publisher"
    assert float(table[0]["value"]) == -5.0 and float(table[1]["value"]) == 186600000.0


def test_formulas_are_neutralised_in_xlsx_and_numbers_stay_numbers():
    filters = Filters(("son-la",), 2020, 2025)
    book = load_workbook(io.BytesIO(downloads.facts_xlsx(_hostile_rows(), filters, TODAY)))
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"], "no formula cell"
    for cell in cells:
        if isinstance(cell.value, str):
            assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r")), cell.value
    data = book["Data"]
    header = [c.value for c in data[4]]
    values = [row[header.index("value")] for row in data.iter_rows(min_row=5, values_only=True)]
    assert values == [-5.0, 186600000.0]
    quotes = [row[header.index("quote")] for row in data.iter_rows(min_row=5, values_only=True)]
    assert quotes == ['\'=HYPERLINK("http://evil.example","click")', "'+1 and more"]
    sources = [row for row in book["Sources"].iter_rows(min_row=5, values_only=True)]
    assert sources[0][1] == "'=cmd|' /C calc'!A0" and sources[0][5].startswith("'=HYPERLINK")


def test_command_line_writes_a_deck(tmp_path, all_places):
    out = tmp_path / "briefing.xlsx"
    assert (
        deck.main(["--provinces", "son-la", "lang-son", "--format", "xlsx", "--out", str(out)]) == 0
    )
    assert load_workbook(out)["Sources"]
    assert deck.main(["--provinces", "atlantis", "--out", str(tmp_path / "x.pptx")]) == 2
    assert deck.main(["--years", "2030", "1990", "--out", str(tmp_path / "x.pptx")]) == 2


# --------------------------------------------------------------------------- in Vietnamese


@contextlib.contextmanager
def in_language(lang):
    i18n.set_language(lang)
    try:
        yield
    finally:
        i18n.set_language("en")


@pytest.fixture(scope="module")
def vi_deck(all_places):
    with in_language("vi"):
        return slides.build_slides(all_places)


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (176, 72), "white").save(buffer, "PNG")
    return buffer.getvalue()


def test_the_vietnamese_deck_has_vietnamese_titles_takeaways_and_footnotes(the_deck, vi_deck):
    with in_language("vi"):
        show = Presentation(io.BytesIO(deck.pptx_bytes(vi_deck, [_png()] * len(vi_deck))))
    english = {s.key: s for s in the_deck}
    indicators = catalog.indicators()
    english_parts = {b for s in the_deck for b in s.rows["breakdown"].dropna() if b}
    assert len(show.slides) == len(vi_deck)
    for number, (page, slide) in enumerate(zip(show.slides, vi_deck, strict=False), start=1):
        title = page.shapes.title.text_frame.text
        assert title == slide.title
        if slide.key.startswith("measure-"):
            assert title.startswith(indicators[slide.key.removeprefix("measure-")].name_vi), title
        assert not any(
            part in title for part in english_parts if i18n.breakdown_text(part, "vi") != part
        ), title
        if slide.key in english:
            assert slide.takeaway != english[slide.key].takeaway
            assert title != english[slide.key].title
        texts = [s.text_frame.text for s in page.shapes if s.has_text_frame]
        assert slide.takeaway in texts
        footnote = next(text for text in texts if text.startswith("Nguồn: "))
        assert footnote.endswith(f"Trang {number}/{len(vi_deck)}") and "Sources" not in footnote
        assert (
            "Các câu đã công bố làm căn cứ cho số liệu này:"
            in page.notes_slide.notes_text_frame.text
        )


def test_the_vietnamese_workbook_has_vietnamese_sheets_and_citation(all_places, vi_deck):
    with in_language("vi"):
        book = load_workbook(io.BytesIO(deck.build(all_places, "xlsx", TODAY, deck=vi_deck)))
    assert book.sheetnames == ["Dữ liệu", "Nguồn"]
    cite = book["Dữ liệu"]["A1"].value
    assert cite.startswith("Nguồn: Bảng số liệu đối ngoại địa phương")
    assert "Sơn La, Lạng Sơn, Tuyên Quang, Việt Nam" in cite and "15/01/2026" in cite
    assert "son-la" not in cite and "2026-01-15" not in cite
    assert book["Nguồn"]["A1"].value == cite
    assert book["Dữ liệu"]["A2"].value.startswith("Dòng tiếp theo: tên các cột bằng tiếng Việt")
    assert book["Dữ liệu"]["C3"].value == "Chỉ tiêu (mã)"
    assert [
        c.value for c in book["Dữ liệu"][4]
    ] == downloads.CSV_COLUMNS  # ids: the same in every language
    assert [c.value for c in book["Nguồn"][4]] == downloads.SOURCE_COLUMNS


def test_speaker_notes_give_the_english_gloss_under_a_sentence_in_another_language():
    from foreign_ties import catalog, deck, slides
    from foreign_ties.state import Filters

    built = slides.build_slides(Filters(tuple(catalog.COMPARED_PLACES), 2011, 2025))
    glossed = [
        (s, r)
        for s in built
        for r in s.rows.itertuples()
        if isinstance(getattr(r, "gloss_en", None), str) and r.gloss_en and r.quote in s.quotes
    ]
    assert glossed, "some slide draws a figure whose sentence has an English gloss"
    slide, row = glossed[0]
    notes = deck.speaker_notes(slide)
    assert f"“{row.quote}”" in notes and row.gloss_en in notes
    assert notes.index(row.quote) < notes.index(row.gloss_en)
