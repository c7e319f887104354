"""Charts as the browser draws them: no axis on any page or slide repeats a tick label."""

from __future__ import annotations

import pytest

from foreign_ties import catalog, site, slides
from foreign_ties.state import Filters
from tests.browser.conftest import wait_for_app
from tests.ticks import repeated

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


def drawn(page) -> dict[str, list[str]]:
    if page.locator(".js-plotly-plot").count():
        page.locator(".js-plotly-plot .trace").first.wait_for(state="attached")
        page.wait_for_timeout(300)
    return page.evaluate(TICKS_JS)


def _chart_slides() -> list[int]:
    """Present mode's page numbers of the chart slides (page 1 is the opening slide)."""
    built = slides.build_slides(Filters(tuple(catalog.COMPARED_PLACES), *catalog.year_bounds()))
    return [n for n, slide in enumerate(built, 2) if slide.kind == "chart"]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_no_axis_on_any_page_or_slide_repeats_a_tick_label(app_server, page, lang):
    found, axes = {}, 0
    for spec in site.PAGES:
        if spec.url_path == "present":
            continue
        page.goto(f"{app_server}/{spec.link}?lang={lang}")
        wait_for_app(page, timeout=120_000, settle_ms=0)
        ticks = drawn(page)
        axes += len(ticks)
        found.update({f"{spec.url_path} {k}": v for k, v in repeated(ticks).items()})
    for number in _chart_slides():
        page.goto(f"{app_server}/present?slide={number}&lang={lang}")
        wait_for_app(page, timeout=120_000, settle_ms=0)
        ticks = drawn(page)
        assert ticks, f"slide {number} drew no axis"
        axes += len(ticks)
        found.update({f"slide {number} {k}": v for k, v in repeated(ticks).items()})
    assert axes > 20
    assert not found, found
