"""What the browser tests check on a page, shared by the page tours and the single-case tests.

Charts draw late: Streamlit loads Plotly lazily, so a page's chart boxes can be empty for
seconds after the script run has finished (`wait_for_app` returns). `wait_for_charts` waits
for every chart box to hold a drawn chart whose size and text have stopped changing; read
charts (traces, tick labels, widths) only after it.
"""

from __future__ import annotations

from urllib.parse import urlparse

from foreign_ties.i18n import t
from tests.browser.conftest import APP_TIMEOUT_MS, listen_during_test

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
ERROR_TEXT = ("Traceback", "Error:", "Exception", "KeyError", "AttributeError")
PHONE = {"width": 390, "height": 844}
PHONE_USER_AGENT = (  # the app restyles its charts for a Mobile User-Agent (ui.on_phone)
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0 Mobile Safari/537.36"
)
CHARTS_QUIET_MS = 200  # a drawn chart whose size and text stay unchanged this long is done

# True once every visible chart box (Streamlit marks them .stPrintGraphic; boxes in a closed
# expander or an inactive tab are skipped) holds a drawn, visible Plotly chart and the charts'
# sizes and text have not changed for `quiet` ms (Plotly redraws after fitting its margins).
CHARTS_DRAWN_JS = """quiet => {
  const boxes = [...document.querySelectorAll('.stPrintGraphic')]
    .filter(b => !b.closest('[data-st-inactive], details:not([open])'));
  if (!boxes.length) return true;
  const plots = boxes.map(b => b.querySelector('.js-plotly-plot'));
  const drawn = plots.every(p => p && p._fullLayout && p.querySelector('.main-svg')
    && getComputedStyle(p).visibility !== 'hidden');
  if (!drawn) { window.__ftCharts = null; return false; }
  const shot = JSON.stringify(plots.map(p => {
    const r = p.getBoundingClientRect();
    return [r.width, r.height, p.textContent];
  }));
  const now = performance.now(), seen = window.__ftCharts;
  if (!seen || seen.shot !== shot) { window.__ftCharts = {shot, since: now}; return false; }
  return now - seen.since >= quiet;
}"""

# Every axis of every Plotly chart on the page: {"<chart>:<subplot>:<x|y>": [labels]}.
TICKS_JS = """() => {
  const out = {};
  document.querySelectorAll('.js-plotly-plot').forEach((plot, i) => {
    plot.querySelectorAll('g.subplot').forEach(sp => {
      const name = [...sp.classList].find(c => c !== 'subplot');
      for (const ax of ['x', 'y']) {
        const layer = sp.querySelector(`g.${ax}axislayer-above`);
        if (!layer) continue;
        const tick = new RegExp(`^${ax}\\\\d*tick$`);
        out[`${i}:${name}:${ax}`] = [...layer.querySelectorAll('g')]
          .filter(g => [...g.classList].some(c => tick.test(c)))
          .map(g => g.textContent.trim())
          .filter(Boolean);
      }
    });
  });
  return out;
}"""


# Chart titles, legend entries and annotations (the sources line) drawn past a chart's edge.
TEXT_OUTSIDE_CHARTS_JS = """() => {
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


def wait_for_charts(page, timeout: float = APP_TIMEOUT_MS) -> None:
    """Until every chart on the page is drawn and has settled (see CHARTS_DRAWN_JS)."""
    page.evaluate("() => { window.__ftCharts = null; }")  # not the last page's charts
    page.wait_for_function(CHARTS_DRAWN_JS, arg=CHARTS_QUIET_MS, polling=50, timeout=timeout)


def drawn_ticks(page) -> dict[str, list[str]]:
    """The tick labels of every axis drawn on the page (call after wait_for_charts)."""
    return page.evaluate(TICKS_JS)


def text_outside_charts(page) -> list[str]:
    """Chart texts cut off at a chart's edge (call after wait_for_charts)."""
    return page.evaluate(TEXT_OUTSIDE_CHARTS_JS)


def mode_bar_buttons(page) -> int:
    """Plotly's mode bar buttons (English tooltips) on the page, with the pointer on a chart."""
    charts = page.locator(".js-plotly-plot")
    if charts.count():
        charts.first.hover()
    return page.locator(".modebar-btn").count()


def real_errors(errors: list[str]) -> list[str]:
    """Console errors that matter: Streamlit probes `<page>/_stcore/...` before the root path
    on multipage URLs, and those 404s are expected."""
    return [e for e in errors if "_stcore/" not in e and "404" not in e]


def error_text_on(page, lang: str = "en") -> list[str]:
    """What shows an error on the page: an exception box, "page not found", error words."""
    found = []
    if page.locator('[data-testid="stException"]').count():
        found.append("an exception box")
    body = page.locator("body").inner_text()
    for not_found in {"Page not found", t("notfound.title", lang)}:
        if not_found in body:
            found.append(f"{not_found!r}")
    main = page.locator('[data-testid="stMain"]').inner_text()
    found += [f"{marker!r} in the page" for marker in ERROR_TEXT if marker in main]
    return found


def no_error_on(page) -> None:
    assert not error_text_on(page), f"{error_text_on(page)} on {page.url}"


# --------------------------------------------------------------------------- offline


def is_local(url: str) -> bool:
    return urlparse(url).hostname in LOCAL_HOSTS or url.startswith(("data:", "blob:"))


def record_foreign_requests(context, page) -> list[str]:
    """Record every request of `context` to a host other than the app's, and any web socket
    `page` opens elsewhere; returns the (growing) list of foreign addresses. The browser
    refuses them itself (CHROMIUM_ARGS: other hosts do not resolve)."""
    foreign: list[str] = []

    def record(url: str) -> None:
        if not is_local(url):
            foreign.append(url)

    listen_during_test(context, "request", lambda request: record(request.url))
    listen_during_test(page, "websocket", lambda ws: record(ws.url))
    return foreign


def wait_for_maps(page) -> None:
    """Until every geo subplot has drawn its land and its provinces."""
    page.locator(".js-plotly-plot .geolayer").first.wait_for(state="attached")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.js-plotly-plot')].filter(p => p.querySelector('.geo'))"  # noqa: E501 (JavaScript)
        ".every(p => p.querySelector('.geolayer .bglayer, .geolayer .layer.land')"
        " && p.querySelectorAll('.choroplethlocation').length > 0)"
    )


def left_home(page, foreign: list[str], errors: list[str]) -> list[str]:
    """Signs that the page reached for another host: a failed base-map fetch (said on the page
    or in the console), an exception box, a recorded foreign request."""
    found = []
    if "error while fetching topojson" in page.locator("body").inner_text().lower():
        found.append("'error while fetching topojson' on the page")
    if page.locator('[data-testid="stException"]').count():
        found.append("an exception box")
    if foreign:
        found.append(f"requests left the app's host: {foreign}")
    found += [e for e in errors if "topojson" in e.lower() or "cdn.plot.ly" in e]
    return found
