"""Screenshots of every page, as a user sees them, for review and for the README.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--pages overview compare]

Starts the dashboard the way the run script does, opens each page in headless Chromium at
projector size (1920x1080) and laptop size (1280x800), in English and Vietnamese, waits
for the charts, and writes <page>-<width>-<lang>.png (the viewport, as on a screen).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from foreign_ties import site  # noqa: E402
from tests.browser.conftest import (  # noqa: E402
    CHROMIUM_ARGS,
    chromium_path,
    dashboard_command,
    start_streamlit,
    wait_for_app,
)

SIZES = ((1920, 1080), (1280, 800))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--pages", nargs="*", default=[s.url_path for s in site.PAGES])
    links = {s.url_path: s.link for s in site.PAGES}
    parser.add_argument("--langs", nargs="*", default=["en", "vi"])
    parser.add_argument("--full-page", action="store_true")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with start_streamlit(command=dashboard_command()) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for width, height in SIZES:
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            for path in args.pages:
                for lang in args.langs:
                    page.goto(f"{server.url}/{links.get(path, path)}?lang={lang}")
                    wait_for_app(page, settle_ms=0)
                    if page.locator(".js-plotly-plot").count():
                        page.locator(".js-plotly-plot .trace").first.wait_for(state="visible")
                    page.wait_for_timeout(600)
                    file = out / f"{path}-{width}-{lang}.png"
                    page.screenshot(path=str(file), full_page=args.full_page)
                    print(file)
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
