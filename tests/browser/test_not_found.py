"""An unknown address: our own "page not found" in the reader's language, and Streamlit's
English dialog (which claims to run the main page) neither shown nor carried to the next page."""

from tests.browser.conftest import wait_for_app

DIALOG = '[data-testid="stDialog"]'


def test_no_english_dialog_over_the_vietnamese_page_not_found(app_server, page):
    page.goto(f"{app_server}/nosuchpage?lang=vi")
    wait_for_app(page)
    page.get_by_text("Không tìm thấy trang").wait_for()
    page.wait_for_function(f"() => !document.querySelector('{DIALOG}')", timeout=10_000)
    assert "Page not found" not in page.locator("body").inner_text()
    page.locator('[data-testid="stMainBlockContainer"] [data-testid="stPageLink"] a').nth(
        1
    ).click()  # Sơn La
    wait_for_app(page)
    page.wait_for_timeout(500)
    assert page.locator(DIALOG).count() == 0
    assert "/son-la" in page.url
