"""The Add figures page (/add) in a real browser, in Vietnamese, on a server over a copy of
the data: signed out only the sign-in form shows; a wrong password, a viewer and a locked
name are refused; an editor pastes a report, checks its figures, publishes them, sees the
new figure on Compare (in its chart's hover: publisher and sentence) and on Sources in
another tab, restores the previous version (the figure is gone there) and signs out. The
AppTest twin, with the details of each step, is tests/test_add_page.py.

On Sources the page prints the figure's sentence as text (the quote under "in context",
marked in the report), so the check is one exact string; after the restore, the same Sources
link says the figure is no longer in the data.

One test function for that: its steps depend on each other (a session signed in, a version
published), and each page load in the browser is costly. A second one, on the same server
(and worker: tests/xdist_groups.py), uploads statistics tables through the file chooser: one
with a formula is refused naming its file, sheet and cell; a real one gives a review row per
value cell, its cell and labels as the quote, and its new figure is published, shown on
Sources, and taken back out (AppTest twin: tests/test_add_table_page.py). The steps on the
page are in tests/browser/add_page.py.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import time
from urllib.parse import parse_qs, urlsplit

import pytest

from foreign_ties import accounts, catalog, failed_signins, paths, version_history, versions
from foreign_ties.i18n import t, tn
from tests.browser.add_page import (
    MAIN,
    REVIEW,
    REVIEW_ROWS,
    SIGNIN_NAME,
    SUCCESS,
    assert_only_the_sign_in_form,
    choose,
    choose_place,
    click,
    messages,
    quote_shown,
    refused,
    review_cell,
    set_publication_date,
    settled,
    sign_in,
    upload,
)
from tests.browser.checks import real_errors, wait_for_charts
from tests.browser.conftest import (
    ScriptRuns,
    collect_console_errors,
    dashboard_command,
    start_streamlit,
    wait_for_app,
)
from tests.conftest import CHEAP_HASHER, copy_current_data
from tests.test_table_read import workbook

REPORT = paths.ROOT / "tests/data/extract/texts/langsontv-lang-son-foreign-affairs-2024.txt"
EDITOR, EDITOR_PASSWORD = "ana", "editor password"
VIEWER, VIEWER_PASSWORD = "vic", "viewer password"
LOCKED, LOCKED_PASSWORD = "binh", "another editor password"  # the name the test locks
PUBLISHER, TITLE = "Đài Phát thanh và Truyền hình Lạng Sơn", "Đối ngoại Lạng Sơn 2024"
# Every hover text of every chart on the page (a figure's value, period, publisher, sentence).
CHART_HOVERS = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(
  gd => (gd.data || []).flatMap(trace => [].concat(trace.hovertext || [])).map(String))"""
# Texts over a chart's panels: a total over several years beside shorter periods is written
# there, not drawn (docs/chart_grammar.md, rule 3a)
CHART_NOTES = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(
  gd => ((gd.layout || {}).annotations || []).map(a => String(a.text || '')))"""
SENTENCE = "62 đoàn"  # in the one sentence that gives the report's four figures
SLOW = 120_000  # ms: a first page run of a fresh server on a busy machine


@pytest.fixture(scope="module")
def editor_app(tmp_path_factory):
    """A server over a copy of the data and its current version (no rebuild), with an
    accounts file holding editors ana and binh and viewer vic."""
    root = tmp_path_factory.mktemp("add")
    data = root / "data"
    copy_current_data(data)
    accounts_file = root / "accounts.toml"
    mp = pytest.MonkeyPatch()
    mp.setenv("FOREIGN_TIES_DATA", str(data))
    mp.setenv("FOREIGN_TIES_ACCOUNTS", str(accounts_file))
    # Cheap hashes: the server verifies with the parameters stored in each hash.
    mp.setattr(accounts, "HASHER", CHEAP_HASHER)
    try:
        accounts.add(EDITOR, "editor", EDITOR_PASSWORD)
        accounts.add(VIEWER, "viewer", VIEWER_PASSWORD)
        accounts.add(LOCKED, "editor", LOCKED_PASSWORD)
        with start_streamlit(command=dashboard_command()) as server:
            yield server.url, data, accounts_file
    finally:
        mp.undo()


def test_sign_in_publish_see_restore_and_sign_out_in_vietnamese(editor_app, page):
    url, data, accounts_file = editor_app
    original = versions.current_id(data)
    ingested_before = set((data / "curated" / "sources").glob("ingest-*.csv"))
    errors = collect_console_errors(page)
    runs = ScriptRuns(page)
    page.goto(f"{url}/add?lang=vi")
    wait_for_app(page, timeout=SLOW, settle_ms=0)
    page.locator(SIGNIN_NAME).wait_for(timeout=SLOW)

    # 1. Signed out: only the sign-in form.
    assert page.locator(f"{MAIN} h1").first.inner_text().strip() == t("add.title", "vi")
    assert_only_the_sign_in_form(page)
    assert messages(page) == []

    # 2. A wrong password, and a viewer's right one, are refused; the form stays.
    wrong = t("add.signin.wrong", "vi")
    assert wrong == "Sai tên tài khoản hoặc mật khẩu."
    refused(runs, EDITOR, "not the password", wrong)
    refused(runs, VIEWER, VIEWER_PASSWORD, t("add.signin.not_editor", "vi"))

    # 3. Five failures lock a name, even for its right password.
    for _ in range(4):
        refused(runs, LOCKED, "wrong password", wrong)
    locked = tn("add.signin.locked", 15, "vi")
    refused(runs, LOCKED, "wrong password", locked)
    refused(runs, LOCKED, LOCKED_PASSWORD, locked)
    assert failed_signins.locked_for(accounts_file, LOCKED, time.time()) > 14 * 60
    assert versions.current_id(data) == original  # nothing published by any of it

    # 4. The editor signs in, pastes the report, extracts, checks and publishes.
    sign_in(runs, EDITOR, EDITOR_PASSWORD)
    settled(page, ".st-key-add_paste textarea")
    paste = page.locator(".st-key-add_paste textarea")
    assert messages(page) == []
    assert (
        page.locator(".st-key-add_sign_out button")
        .inner_text()
        .strip()
        .endswith(t("add.sign_out", "vi"))
    )
    paste.fill(REPORT.read_text(encoding="utf-8"))
    choose_place(page, "Lạng Sơn")
    set_publication_date(page)
    assert messages(page) == []  # Enter in the date did not send the half-filled form
    page.locator(".st-key-add_publisher input").fill(PUBLISHER)
    page.locator(".st-key-add_title input").fill(TITLE)
    click(runs, ".st-key-add_extract button")
    page.locator(REVIEW_ROWS).first.wait_for(state="attached")
    assert messages(page) == []
    header = page.locator(f"{REVIEW} table thead").text_content()
    assert t("add.column.keep", "vi") in header and t("add.column.value", "vi") in header
    rows = [
        [c.strip() for c in row.locator("td").all_text_contents()]
        for row in page.locator(REVIEW_ROWS).all()
    ]
    assert [row[2] for row in rows] == ["62", "510", "165", "883"]  # Dòng, Giữ, Số liệu …
    assert [row[1] for row in rows] == ["true"] * 4  # all kept
    assert {(row[5], row[6]) for row in rows} == {("2021-01-01", "2024-03-31")}  # "quý I/2024"
    assert versions.current_id(data) == original  # extracting publishes nothing

    click(runs, ".st-key-add_publish button")
    settled(page, SUCCESS)
    success = page.locator(SUCCESS)
    published = versions.current_id(data)
    assert published != original
    assert success.inner_text().strip() == tn("add.published", 4, "vi", version=published)
    assert page.locator(REVIEW_ROWS).count() == 0  # the review is done
    (source_file,) = set((data / "curated" / "sources").glob("ingest-*.csv")) - ingested_before
    with source_file.open(encoding="utf-8", newline="") as handle:
        (source,) = csv.DictReader(handle)
    assert source["published_date"] == "2024-04-03"  # the date typed reached the data
    assert (source["publisher"], source["title"]) == (PUBLISHER, TITLE)
    to_compare = page.get_by_role("link", name=t("add.open_compare", "vi"))
    to_sources = page.get_by_role("link", name=t("add.open_sources", "vi"))
    assert urlsplit(to_compare.evaluate("a => a.href")).path == "/compare"
    sources_url = to_sources.evaluate("a => a.href")
    query = parse_qs(urlsplit(sources_url).query)
    assert urlsplit(sources_url).path == "/sources" and query["lang"] == ["vi"]
    (fact_id,) = query["fact"]
    assert fact_id in versions.manifest(data, published)["facts_added"]

    # 5. The new figure on Compare (in a chart's hover: its publisher and sentence) and on
    # Sources, in a new tab (a reload of /add would sign out).
    other = page.context.new_page()
    other_errors = collect_console_errors(other)
    try:
        other.goto(to_compare.evaluate("a => a.href"))
        wait_for_app(other, timeout=SLOW, settle_ms=0)
        wait_for_charts(other)
        hovers = other.evaluate(CHART_HOVERS)
        drawn = any(PUBLISHER in hover and SENTENCE in hover for hover in hovers)
        # 62 delegations from 2021 to March 2024 beside half-year figures: written, not drawn
        notes = [" ".join(re.sub(r"<[^>]+>", " ", n).split()) for n in other.evaluate(CHART_NOTES)]
        written = t("chart.total_not_drawn", "vi", place="Lạng Sơn", figure="62")
        assert drawn or any(written in note for note in notes), (hovers[:5], notes)

        other.goto(sources_url)
        wait_for_app(other, timeout=SLOW, settle_ms=0)
        other.locator(f"{MAIN} blockquote.ft-said").first.wait_for()
        assert SENTENCE in quote_shown(other)
        assert other.locator(f"{MAIN} mark#quote").count() == 1  # its place in the report

        # 6. Restore the previous version in the /add tab (still signed in).
        restore = page.locator(".st-key-add_restore button")
        assert restore.is_disabled()
        click(runs, "[class*='st-key-add_restore_ok_'] label")
        assert restore.is_enabled()
        click(runs, ".st-key-add_restore button")
        done = t("add.restore.done", "vi", when="", version="").split(":")[0]  # Đã khôi phục
        settled(page, SUCCESS, has_text=done)
        restored = versions.current_id(data)
        assert restored not in (original, published)
        assert versions.manifest(data, restored)["restored_from"] == original
        assert restored in success.inner_text() and success.inner_text().startswith(done)

        other.reload()
        wait_for_app(other, timeout=SLOW, settle_ms=0)
        other.locator(f"{MAIN} blockquote.ft-said").first.wait_for()
        assert SENTENCE not in other.locator(MAIN).inner_text()
        gone = t("notice.unknown_choice", "vi", param="fact", value=fact_id)
        assert gone in messages(other)  # the link's figure is no longer in the data
    finally:
        other.close()

    # 7. Sign out: the form again, with the signed-out message.
    click(runs, ".st-key-add_sign_out button")
    settled(page, SIGNIN_NAME)
    assert messages(page) == [t("add.signed_out", "vi")]
    assert_only_the_sign_in_form(page)
    assert versions.current_id(data) == restored
    assert not real_errors(errors + other_errors), errors + other_errors


# A statistics table of real published figures: Viet Nam's merchandise exports, in billions
# of USD, as the Ministry of Industry and Trade's Import-Export Reports give them: 2022 from
# data/documents/congthuong-export-localities-2022.txt ("371,85 tỷ USD"; not in the data: the
# one new figure), 2023 from tbtc-hcm-export-report-2023.txt ("354.7 billion USD"; in the
# data already, so its row is not kept). Published in the test's copy of the data only.
EXPORTS_TITLE = "Kim ngạch xuất khẩu hàng hóa cả nước (tỷ USD)"
EXPORTS = [[EXPORTS_TITLE], ["Năm", "Cả nước"], [2022, 371.85], [2023, 354.7]]
EXPORTS_SOURCE = {
    "url": "https://congthuong.vn/top-10-chim-dau-dan-ve-kim-ngach-xuat-khau-nam-2022-252070.html",
    "title": "Kim ngạch xuất khẩu cả nước 2022-2023",
    "publisher": "Bộ Công Thương, Báo cáo Xuất nhập khẩu Việt Nam 2022 và 2023",
}
TABLE_PUBLISHED = dt.date(2024, 5, 17)  # the later report's article (tbtc-hcm-export-report-2023)


def fill_table_form(page) -> None:
    """The source's fields and the table's layout: years down the side, a place across,
    the national exports indicator, in billions of USD as the table writes them."""
    page.locator("[data-testid='stExpander'] summary", has_text=t("table.heading", "vi")).click()
    choose_place(page, catalog.place_name("vietnam", "vi"))
    set_publication_date(page, TABLE_PUBLISHED)
    for field, value in EXPORTS_SOURCE.items():
        page.locator(f".st-key-add_{field} input").fill(value)
    choose(page, "add_table_rows", t("table.kind.year", "vi"))
    choose(page, "add_table_columns", t("table.kind.place", "vi"))
    choose(page, "add_table_indicator", catalog.indicators()["exports_national"].name("vi"))
    choose(page, "add_table_unit", t("table.unit.USD", "vi"))
    choose(page, "add_table_scale", "× 1,000,000,000")
    page.locator(".st-key-add_table_unit_words input").fill("tỷ USD")


def test_upload_a_table_review_its_cells_publish_and_refuse_a_formula(editor_app, page):
    url, data, _ = editor_app
    before = versions.current_id(data)
    errors = collect_console_errors(page)
    runs = ScriptRuns(page)
    page.goto(f"{url}/add?lang=vi")
    wait_for_app(page, timeout=SLOW, settle_ms=0)
    sign_in(runs, EDITOR, EDITOR_PASSWORD)
    settled(page, ".st-key-add_upload")
    fill_table_form(page)

    # 1. A cell holding a formula: refused, naming the file, sheet and cell; nothing to review.
    with_formula = [row[:] for row in EXPORTS]
    with_formula[3][1] = "=ROUND(B3*(1-4.6%),1)"
    upload(runs, "cong-thuc.xlsx", workbook(with_formula, title="Xuất khẩu"))
    refusal = t("table.refused.formula", "vi", file="cong-thuc.xlsx", sheet="Xuất khẩu", cell="B4")
    assert messages(page) == [refusal]
    assert page.locator(REVIEW).count() == 0 and versions.current_id(data) == before

    # 2. The real table: one review row per value cell, with its cell and labels as the quote;
    # the figure already in the data is not kept.
    upload(runs, "xuat-khau.xlsx", workbook(EXPORTS, title="Xuất khẩu"))
    assert messages(page) == []
    assert [review_cell(page, 1, row) for row in (0, 1)] == ["true", "false"]  # kept?
    assert page.locator(REVIEW_ROWS).count() == 2  # two value cells: B3 and B4
    assert [review_cell(page, 2, row) for row in (0, 1)] == ["371,85 tỷ USD", "354,7 tỷ USD"]
    # The note and the quote are the last columns: drawn (and in the accessible table) once
    # the grid is scrolled to them.
    page.locator(f"{REVIEW} .dvn-scroller").evaluate("e => { e.scrollLeft = e.scrollWidth; }")
    assert [review_cell(page, 9, row) for row in (0, 1)] == [
        "Xuất khẩu!B3 | 2022 | Cả nước | 371,85 tỷ USD",
        "Xuất khẩu!B4 | 2023 | Cả nước | 354,7 tỷ USD",
    ]
    duplicate = t("add.note.duplicate", "vi", value="354.7 billion USD")
    assert [review_cell(page, 8, row) for row in (0, 1)] == ["", duplicate]
    assert versions.current_id(data) == before

    # 3. Publish: one new figure, its quote on Sources; then the data as it was.
    click(runs, ".st-key-add_publish button")
    settled(page, SUCCESS)
    published = versions.current_id(data)
    try:
        assert page.locator(SUCCESS).inner_text().strip() == tn(
            "add.published", 1, "vi", version=published
        )
        assert len(versions.manifest(data, published)["facts_added"]) == 1
        sources_url = page.get_by_role("link", name=t("add.open_sources", "vi")).evaluate(
            "a => a.href"
        )
        page.goto(sources_url)
        wait_for_app(page, settle_ms=0)
        page.locator(f"{MAIN} blockquote.ft-said").first.wait_for()
        assert quote_shown(page) == "Xuất khẩu!B3 | 2022 | Cả nước | 371,85 tỷ USD"
    finally:
        version_history.restore_previous(data, before, EDITOR)
    assert versions.manifest(data, versions.current_id(data))["restored_from"] == before
    assert not real_errors(errors), errors
