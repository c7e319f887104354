"""Steps on the Add figures page (/add) in a real browser, shared by the tests of
tests/browser/test_add_figures.py: its elements (by the widgets' keys), signing in, filling
the report's form (a date, a place, a select box), uploading a file and reading the review
table."""

from __future__ import annotations

import datetime as dt

from tests.browser.conftest import ScriptRuns, wait_for_app

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAIN = '[data-testid="stMainBlockContainer"]'
ALERT_TEXT = f'{MAIN} [data-testid="stAlert"] [data-testid="stMarkdownContainer"]'
SUCCESS = f'{MAIN} [data-testid="stAlertContentSuccess"]'
SIGNIN_NAME = ".st-key-add_signin_name input"
SIGNIN_PASSWORD = ".st-key-add_signin_password input"
# The review table: Streamlit's data editor draws a canvas; glide-data-grid keeps an
# accessible copy of the visible cells in a table beside it.
REVIEW = "[class*='st-key-add_candidates_']"  # a fresh key for each extraction
REVIEW_ROWS = f"{REVIEW} table tbody tr"


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


def set_publication_date(page, day: dt.date = dt.date(2024, 4, 3)) -> None:
    """Streamlit's date input: a field per part in the shown order (DD/MM/YYYY in
    Vietnamese); typing the digits fills them one after the other."""
    field = page.locator(".st-key-add_published")
    assert [s.get_attribute("data-type") for s in field.locator("[role=spinbutton]").all()] == [
        "day",
        "month",
        "year",
    ]
    field.locator("[role=spinbutton][data-type=day]").click()
    page.keyboard.type(day.strftime("%d%m%Y"))
    page.keyboard.press("Enter")
    wait_for_app(page)
    shown = [s.inner_text() for s in field.locator("[role=spinbutton]").all()]
    assert shown == day.strftime("%d %m %Y").split()
    assert field.locator('input[type="date"]').input_value() == day.isoformat()


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


def choose(page, key: str, option: str) -> None:
    """Pick `option` in the select box `key` (in the report's form: no rerun)."""
    field = page.locator(f".st-key-{key} input")
    field.click()
    field.press_sequentially(option[:30])  # the list filters as one types (and is windowed)
    page.get_by_role("option", name=option, exact=True).click()


def review_cell(page, column: int, row: int) -> str:
    """A cell of the review table, from glide-data-grid's accessible copy of the drawn ones."""
    cell = page.locator(f"{REVIEW} [data-testid='glide-cell-{column}-{row}']")
    cell.wait_for(state="attached")
    return cell.text_content().strip()


def upload(runs: ScriptRuns, name: str, content: bytes) -> None:
    """Choose the .xlsx file in the uploader (as the file chooser would) and press Extract."""
    file = {"name": name, "mimeType": XLSX_TYPE, "buffer": content}
    runs.page.locator(".st-key-add_upload input[type=file]").set_input_files(files=[file])
    uploader = runs.page.locator(".st-key-add_upload")
    uploader.locator("[data-testid='stFileChipName']", has_text=name).wait_for()
    uploader.locator("[data-testid='stFileChipIconSpinner']").wait_for(state="detached")
    click(runs, ".st-key-add_extract button")
