"""The Add figures page (/add) in a real browser, in Vietnamese, on a server over a copy of
the data: signed out only the sign-in form shows; a wrong password, a viewer and a locked
name are refused; an editor pastes a report, checks its figures, publishes them, sees the
new figure on Compare (in its chart's hover: publisher and sentence) and on Sources in
another tab, restores the previous version (the figure is gone there) and signs out. The
AppTest twin, with the details of each step, is tests/test_add_page.py.

On Sources the page prints the figure's sentence as text (the quote under "in context",
marked in the report), so the check is one exact string; after the restore, the same Sources
link says the figure is no longer in the data.

One test function: its steps depend on each other (a session signed in, a version
published), and each page load in the browser is costly.
"""

from __future__ import annotations

import csv
import time
from urllib.parse import parse_qs, urlsplit

import pytest

from foreign_ties import accounts, failed_signins, paths, versions
from foreign_ties.i18n import t, tn
from tests.browser.checks import real_errors, wait_for_charts
from tests.browser.conftest import (
    ScriptRuns,
    collect_console_errors,
    dashboard_command,
    start_streamlit,
    wait_for_app,
)
from tests.conftest import CHEAP_HASHER, copy_current_data

REPORT = paths.ROOT / "tests/data/extract/texts/langsontv-lang-son-foreign-affairs-2024.txt"
EDITOR, EDITOR_PASSWORD = "ana", "editor password"
VIEWER, VIEWER_PASSWORD = "vic", "viewer password"
LOCKED, LOCKED_PASSWORD = "binh", "another editor password"  # the name the test locks
PUBLISHER, TITLE = "Đài Phát thanh và Truyền hình Lạng Sơn", "Đối ngoại Lạng Sơn 2024"
# Every hover text of every chart on the page (a figure's value, period, publisher, sentence).
CHART_HOVERS = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(
  gd => (gd.data || []).flatMap(trace => [].concat(trace.hovertext || [])).map(String))"""
SENTENCE = "62 đoàn"  # in the one sentence that gives the report's four figures
SLOW = 120_000  # ms: a first page run of a fresh server on a busy machine

MAIN = '[data-testid="stMainBlockContainer"]'
ALERT_TEXT = f'{MAIN} [data-testid="stAlert"] [data-testid="stMarkdownContainer"]'
SUCCESS = f'{MAIN} [data-testid="stAlertContentSuccess"]'
SIGNIN_NAME = ".st-key-add_signin_name input"
SIGNIN_PASSWORD = ".st-key-add_signin_password input"
# The review table: Streamlit's data editor draws a canvas; glide-data-grid keeps an
# accessible copy of the visible cells in a table beside it.
REVIEW = "[class*='st-key-add_candidates_']"  # a fresh key for each extraction
REVIEW_ROWS = f"{REVIEW} table tbody tr"


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


def messages(page) -> list[str]:
    return [m.strip() for m in page.locator(ALERT_TEXT).all_inner_texts()]


def settled(page, selector: str, **where) -> None:
    """Until `selector` shows and the run that drew it has finished (a click that ends in
    st.rerun runs the page twice: what the first run drew is removed at the end of the
    second)."""
    page.locator(selector, **where).first.wait_for()
    wait_for_app(page, settle_ms=0)


def click(runs: ScriptRuns, selector: str) -> None:
    """Click what reruns the page, and wait until the server has finished that run (read
    from the web socket: a refused sign-in reruns too quickly to show as running, and its
    message may be the one already shown)."""
    runs.after(runs.page.locator(selector).click)


def sign_in(runs: ScriptRuns, name: str, password: str) -> None:
    runs.page.locator(SIGNIN_NAME).fill(name)
    runs.page.locator(SIGNIN_PASSWORD).fill(password)
    click(runs, ".st-key-add_signin_submit button")


def refused(runs: ScriptRuns, name: str, password: str, message: str) -> None:
    sign_in(runs, name, password)
    page = runs.page
    page.locator(ALERT_TEXT, has_text=message).wait_for()
    assert messages(page) == [message]
    assert page.locator(SIGNIN_PASSWORD).input_value() == ""  # the form forgets it
    assert_only_the_sign_in_form(page)


def assert_only_the_sign_in_form(page) -> None:
    main = page.locator(MAIN)
    assert main.locator(SIGNIN_NAME).get_attribute("type") == "text"
    assert main.locator(SIGNIN_PASSWORD).get_attribute("type") == "password"
    assert main.locator("input").count() == 2  # the name and the password, nothing else
    for absent in (
        "textarea",
        '[data-testid="stFileUploader"]',
        'input[type="file"]',
        '[data-testid="stDataFrame"]',
        '[data-testid="stDateInput"]',
        ".st-key-add_sign_out",
    ):
        assert main.locator(absent).count() == 0, absent


def set_publication_date(page) -> None:
    """Streamlit's date input: a field per part in the shown order (DD/MM/YYYY in
    Vietnamese); typing the digits fills them one after the other."""
    field = page.locator(".st-key-add_published")
    assert [s.get_attribute("data-type") for s in field.locator("[role=spinbutton]").all()] == [
        "day",
        "month",
        "year",
    ]
    field.locator("[role=spinbutton][data-type=day]").click()
    page.keyboard.type("03042024")
    page.keyboard.press("Enter")
    wait_for_app(page)
    shown = [s.inner_text() for s in field.locator("[role=spinbutton]").all()]
    assert shown == ["03", "04", "2024"]
    assert field.locator('input[type="date"]').input_value() == "2024-04-03"


def choose_place(page, name: str) -> None:
    """The select box filters its list as the editor types; the option is clicked."""
    field = page.locator(".st-key-add_place input")
    field.click()
    field.press_sequentially(name[:4])
    page.get_by_role("option", name=name, exact=True).click()
    wait_for_app(page)
    assert page.locator(".st-key-add_place input").input_value() == name


def quote_shown(tab) -> str:
    """The sentence Sources shows for its chosen figure (blank if none)."""
    said = tab.locator(f"{MAIN} blockquote.ft-said")
    return said.first.inner_text() if said.count() else ""


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
        assert any(PUBLISHER in hover and SENTENCE in hover for hover in hovers), hovers[:5]

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
