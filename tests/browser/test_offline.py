"""Offline guarantee: the dashboard asks no host but the app's own.

Every page is checked for that in both languages in test_every_page.py, with Partners' map
view switched both ways. Here: the guard itself. The browser refuses every host but the
app's (tests/browser/conftest.py, CHROMIUM_ARGS) and the tests record what was asked
(checks.record_foreign_requests), so a request to a CDN fails and is recorded.
"""

from tests.browser.checks import record_foreign_requests


def test_the_guard_records_and_refuses_a_foreign_request(app_server, chromium_browser):
    context = chromium_browser.new_context()
    try:
        page = context.new_page()
        foreign = record_foreign_requests(context, page)
        page.goto(f"{app_server}/_stcore/health")  # any page of the app's host will do
        outcome = page.evaluate(
            "() => fetch('https://cdn.plot.ly/un/world_110m.json').then(() => 'fetched', () => 'refused')"  # noqa: E501 (JavaScript)
        )
    finally:
        context.close()
    assert outcome == "refused"
    assert foreign == ["https://cdn.plot.ly/un/world_110m.json"]
