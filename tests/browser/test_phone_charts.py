"""On a phone (a Mobile User-Agent at 390x844), every chart's title, legend and sources line
stay inside the chart: nothing is cut off at the right edge."""

import pytest

from tests.browser.conftest import wait_for_app

PHONE_USER_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0 Mobile Safari/537.36"
)

OUTSIDE = """() => {
  const out = [];
  for (const plot of document.querySelectorAll('.js-plotly-plot')) {
    const box = plot.getBoundingClientRect();
    for (const t of plot.querySelectorAll('.gtitle, .legendtext, .annotation-text')) {
      const r = t.getBoundingClientRect();
      if (r.width && (r.right > box.right + 1 || r.left < box.left - 1)) {
        out.push(t.textContent.slice(0, 60));
      }
    }
  }
  return out;
}"""


@pytest.fixture
def phone(chromium_browser):
    context = chromium_browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, user_agent=PHONE_USER_AGENT
    )
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", ["compare?lang=vi", "trade?lang=vi"])
def test_chart_text_stays_inside_the_chart_on_a_phone(app_server, phone, path):
    phone.goto(f"{app_server}/{path}")
    wait_for_app(phone)
    phone.locator(".js-plotly-plot .trace").first.wait_for()
    assert phone.evaluate(OUTSIDE) == []
