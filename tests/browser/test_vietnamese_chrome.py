"""Around the Vietnamese page, no English from the chart library: Plotly's mode bar
("Download plot as a PNG", "Zoom", "Reset axes") is off; the page's own downloads replace it."""

from tests.browser.conftest import wait_for_app


def test_no_plotly_mode_bar_with_english_tooltips(app_server, page):
    page.goto(f"{app_server}/compare?lang=vi")
    wait_for_app(page)
    page.locator(".js-plotly-plot .trace").first.wait_for()
    page.locator(".js-plotly-plot").first.hover()
    assert page.locator(".modebar-btn").count() == 0
    assert page.locator("[data-title='Download plot as a png']").count() == 0
