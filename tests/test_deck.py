"""The deck and the downloads: slides follow the filters, files carry titles, sources and
quotes, images have the promised size, spreadsheets never run a quote as a formula."""

import contextlib
import csv
import datetime as dt
import io
import re

import pandas as pd
import pytest
from openpyxl import load_workbook
from PIL import Image

from foreign_ties import catalog, chart_images, deck, downloads, i18n, slide_text, slides
from foreign_ties.state import Filters

# Its module-scoped fixtures are built once: under xdist the file's tests run on one worker
# (listed in tests/xdist_groups.py).

TODAY = dt.date(2026, 1, 15)


@pytest.fixture(scope="module")
def the_deck(all_places):
    return slides.build_slides(all_places)


def test_each_slide_says_what_its_figures_can_say(the_deck):
    """A chart only where a measure has two places or two years; otherwise a big number
    with its sentence and source."""
    assert 1 <= len(the_deck) <= slides.MAX_SLIDES
    assert len({s.key for s in the_deck}) == len(the_deck)
    kinds = set()
    for slide in the_deck:
        rows = slide.rows
        spread = rows["province_id"].nunique() >= 2 or rows["period_end"].dt.year.nunique() >= 2
        assert slide.kind == ("chart" if spread else "number"), slide.key
        kinds.add(slide.kind)
        assert slide.title and slide.takeaway and slide.quotes and slide.sources
        assert set(rows["quote"]) >= set(slide.quotes)
        if slide.kind == "chart":
            assert slide.figure is not None and slide.figure.data, slide.key
        else:
            assert slide.figure is None and slide.big and slide.sentence, slide.key
            assert slide.sentence.rstrip("…").strip() in " ".join(slide.quotes), slide.key
    assert kinds == {"chart", "number"}


def test_a_chart_slide_shows_its_sources_once_under_the_chart_not_inside_it(the_deck, vi_deck):
    for slide in [*the_deck, *vi_deck]:
        if slide.figure is None:
            continue
        inside = [n.text for n in slide.figure.layout.annotations if n.text]
        assert not [text for text in inside if text.startswith(("Sources", "Nguồn"))], slide.title
        assert slide.footnote.startswith(("Sources", "Nguồn")), slide.footnote


def test_no_two_slides_say_the_same_thing(the_deck, vi_deck):
    for built in (the_deck, vi_deck):
        takeaways = [s.takeaway for s in built]
        assert len(set(takeaways)) == len(takeaways), takeaways


def test_takeaways_say_qualifiers_in_words_and_match_the_chart(the_deck):
    for slide in the_deck:
        assert not any(mark in slide.takeaway for mark in ("≈", "?", "> ", "≥", "< ")), slide
        if slide.kind != "chart":
            assert slide.big.replace("over ", "").replace("about ", "") in slide.takeaway
            continue
        drawn = " ".join(
            str(x) for trace in slide.figure.data for x in (trace.hovertext or ()) if x
        )
        numbers = re.findall(r"\d[\d,.]*\d|\d", slide.takeaway)
        figures = [n for n in numbers if not re.fullmatch(r"(19|20)\d\d", n)]
        assert figures, slide.takeaway
        for figure in figures:
            assert figure in drawn, (slide.key, figure, slide.takeaway)


def test_the_opening_slide_leads_with_three_certain_reported_figures(all_places, the_deck):
    opening = slides.opening(all_places, the_deck, TODAY)
    assert opening.title == "Foreign affairs in figures"
    assert opening.date == "15 Jan 2026"
    assert "Son La, Lang Son, Tuyen Quang, Viet Nam" in opening.places
    assert len(opening.headlines) == 3
    for headline in opening.headlines:
        assert headline.value and headline.label and headline.period
        assert not any(word in headline.value for word in ("about", "over", "?", "≈"))


def test_the_deck_follows_the_filters(all_places, the_deck):
    one = Filters(("son-la",), *catalog.year_bounds())
    for slide in slides.build_slides(one):
        assert set(slide.rows["province_id"]) == {"son-la"}, slide.key


def test_chart_text_is_at_least_24_px(the_deck):
    for slide in (s for s in the_deck if s.figure is not None):
        layout = slide.figure.layout
        assert layout.font.size >= 24
        for axis in (a for name, a in layout.to_plotly_json().items() if name[1:5] == "axis"):
            assert axis["tickfont"]["size"] >= 24
        for note in layout.annotations:
            assert note.font.size >= 24, note.text
        for trace in slide.figure.data:
            if trace.text is not None:
                assert trace.textfont.size >= 24


def test_source_lines_name_whole_sources_and_count_the_rest(the_deck):
    for slide in the_deck:
        names = [name for name, _ in slide.sources]
        assert slide.footnote.startswith("Sources: ")
        assert len(slide.footnote) <= slide_text.SOURCE_CHARS + 60, slide.footnote
        whole = [
            "Sources: "
            + "; ".join(names[:k])
            + (f" and {len(names) - k} more (see the Sources slide)" if k < len(names) else "")
            for k in range(1, len(names) + 1)
        ]
        assert slide.footnote in whole, slide.footnote  # whole sources, the rest counted


def test_speaker_notes_are_short_with_the_key_sentence(the_deck):
    for slide in the_deck:
        notes = deck.speaker_notes(slide)
        assert len(notes) <= slide_text.NOTES_CHARS, (slide.key, len(notes))
        assert notes.startswith(slide.takeaway)
        assert "the Sources slide" in notes
        lead = slide_text.main_row(slide.rows)
        assert lead.quote[:60] in notes or lead.quote[:60] in " ".join(slide.quotes)


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
    text = slide_text.takeaway(rows, ["exports_provincial_statistics"], ("son-la",))
    assert text == "Son La exported US$186.6 million of goods in 2023"
    assert slide_text.takeaway(rows, ["exports_provincial_statistics"], avoid={text}) is None
    only_target = slide_text.takeaway(rows.iloc[1:], ["exports_provincial_statistics"])
    assert "200" not in only_target and "target" in only_target
    approx = rows.iloc[:1].assign(qualifier="approx", uncertain=True)
    text = slide_text.takeaway(approx, ["exports_provincial_statistics"])
    assert text == (
        "Son La exported about US$186.6 million of goods in 2023 (uncertain: see the notes)"
    )


def test_png_at_scale_two_has_twice_the_pixels(the_deck):
    chart = next(s for s in the_deck if s.figure is not None)
    png = chart_images.image(chart.figure, "png", width=800, height=450, scale=2)
    assert Image.open(io.BytesIO(png)).size == (1600, 900)
    standalone = slides.standalone(chart)
    size = Image.open(io.BytesIO(chart_images.image(standalone, "png"))).size
    assert size == (standalone.layout.width * 2, standalone.layout.height * 2)


def test_svg_is_svg(the_deck):
    chart = next(s for s in the_deck if s.figure is not None)
    svg = chart_images.image(chart.figure, "svg", width=800, height=450).decode("utf-8")
    assert svg.lstrip().startswith("<svg") and "http://www.w3.org/2000/svg" in svg
    assert "cdn" not in svg.lower()


def test_xlsx_has_data_sources_and_citation(all_places, the_deck):
    book = load_workbook(io.BytesIO(deck.build(all_places, "xlsx", TODAY, deck=the_deck)))
    data, sources, cite = book["Data"], book["Sources"], book["Citation"]
    assert cite["A1"].value.startswith("Source: Provincial foreign affairs dashboard")
    assert "15 Jan 2026" in cite["A1"].value
    assert "places: Son La, Lang Son, Tuyen Quang, Viet Nam;" in cite["A1"].value
    assert [c.value for c in data[1]] == downloads.CSV_COLUMNS
    assert [c.value for c in sources[1]] == downloads.SOURCE_COLUMNS
    quotes = "\n".join(str(c.value) for c in sources["F"][1:])
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
    assert lines[0].split(",") == downloads.CSV_COLUMNS
    table = list(csv.DictReader(lines))
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
    header = [c.value for c in data[1]]
    values = [row[header.index("value")] for row in data.iter_rows(min_row=2, values_only=True)]
    assert values == [-5.0, 186600000.0]
    quotes = [row[header.index("quote")] for row in data.iter_rows(min_row=2, values_only=True)]
    assert quotes == ['\'=HYPERLINK("http://evil.example","click")', "'+1 and more"]
    sources = [row for row in book["Sources"].iter_rows(min_row=2, values_only=True)]
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


def test_the_vietnamese_deck_speaks_vietnamese(the_deck, vi_deck):
    english = {s.key: s for s in the_deck}
    indicators = catalog.indicators()
    for slide in vi_deck:
        if slide.key.startswith("measure-"):
            assert slide.title.startswith(indicators[slide.key.removeprefix("measure-")].name_vi)
        if slide.key in english:
            assert slide.takeaway != english[slide.key].takeaway
        assert slide.footnote.startswith("Nguồn: ") and "Sources" not in slide.footnote
        assert "Các câu đã công bố làm căn cứ cho số liệu này:" in slide.notes
        assert not any(w in slide.takeaway for w in ("about", "over", "uncertain"))


def test_the_vietnamese_workbook_has_vietnamese_sheets_and_citation(all_places, vi_deck):
    with in_language("vi"):
        book = load_workbook(io.BytesIO(deck.build(all_places, "xlsx", TODAY, deck=vi_deck)))
    assert book.sheetnames == ["Dữ liệu", "Nguồn", "Trích dẫn"]
    cite = book["Trích dẫn"]["A1"].value
    assert cite.startswith("Nguồn: Bảng số liệu đối ngoại địa phương")
    assert "Sơn La, Lạng Sơn, Tuyên Quang, Việt Nam" in cite and "15/1/2026" in cite
    assert "son-la" not in cite and "2026-01-15" not in cite
    names = {r[0]: r[1] for r in book["Trích dẫn"].iter_rows(values_only=True) if r[0] and r[1]}
    assert names["indicator_id"] == "Chỉ tiêu (mã)"
    assert [
        c.value for c in book["Dữ liệu"][1]
    ] == downloads.CSV_COLUMNS  # ids: the same in every language
    assert [c.value for c in book["Nguồn"][1]] == downloads.SOURCE_COLUMNS


def test_speaker_notes_give_the_english_gloss_under_a_sentence_in_another_language():
    quote = "Năm 2024, kim ngạch xuất khẩu của tỉnh đạt 186,6 triệu USD. " * 3
    gloss = "In 2024 the province's exports reached US$186.6 million."
    lead = pd.Series({"uncertain": False, "uncertain_reason": None, "quote": quote})
    notes = slide_text.notes("Son La exported US$186.6 million", lead, [quote], {quote: gloss})
    assert len(notes) <= slide_text.NOTES_CHARS
    assert f"“{quote.strip()}”" in notes and gloss in notes
    assert notes.index(quote.strip()) < notes.index(gloss)
    long = "word " * 400
    notes = slide_text.notes("A takeaway", lead, [long, quote], {})
    assert len(notes) <= slide_text.NOTES_CHARS and "…”" in notes
    assert "wordword" not in notes  # cut between words, no space lost
