"""Screenshots of every page and every slide, as a user sees them, for review and the README.

    .venv/bin/python scripts/screenshots.py                    # the whole gallery
    .venv/bin/python scripts/screenshots.py --subset           # what docs/screenshots/ commits
    .venv/bin/python scripts/screenshots.py --pages overview compare --slides 1 5 --sizes 390

Starts the dashboard the way the run script does, opens each page and each slide of the
default deck (/present?slide=N) in headless Chromium at projector size (1920x1080), laptop
size (1280x800) and phone size (390x844), in English and Vietnamese, waits for the charts, and
writes <page>-<width>-<lang>.png and slide-<NN>-<width>-<lang>.png (the viewport, as on a
screen), reduced to a 256-colour palette and optimised (Pillow) so the gallery stays small.
The whole matrix is about 150 images; `--subset` makes the representative set committed under
docs/screenshots/ (every page at 1920 and 390 in English, the Overview and Present in both
languages at every size, slides 1, 5 and 15).
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from foreign_ties import catalog, site, slides  # noqa: E402
from foreign_ties.state import Filters  # noqa: E402
from foreign_ties.ui import present  # noqa: E402
from tests.browser.conftest import (  # noqa: E402
    CHROMIUM_ARGS,
    chromium_path,
    dashboard_command,
    start_streamlit,
    wait_for_app,
)

SIZES = {1920: 1080, 1280: 800, 390: 844}
# A phone says so in its User-Agent ("Mobi"); the app then fits charts to its width.
PHONE_USER_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0 Mobile Safari/537.36"
)
LANGS = ("en", "vi")
SUBSET_PAGES = {("overview", w, lang) for w in SIZES for lang in LANGS}
SUBSET_PAGES |= {(s.url_path, w, "en") for s in site.PAGES for w in (1920, 390)}
SUBSET_SLIDES = {(n, w, lang) for n in (1, 5, 15) for w in (1920, 1280) for lang in LANGS}
SUBSET_SLIDES |= {(1, 390, "en"), (1, 390, "vi")}


def save_small(png: bytes, path: Path) -> None:
    """A 256-colour optimised PNG: text and flat charts stay sharp at a fraction of the size."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def shoot(page, url: str, path: Path, full_page: bool) -> None:
    page.goto(url)
    wait_for_app(page, timeout=120_000, settle_ms=0)
    if page.locator(".js-plotly-plot").count():
        page.locator(".js-plotly-plot .trace").first.wait_for(state="attached")
    page.wait_for_timeout(800)
    save_small(page.screenshot(full_page=full_page), path)
    print(path, flush=True)


def main() -> None:
    links = {s.url_path: s.link for s in site.PAGES}
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--pages", nargs="*", default=[s.url_path for s in site.PAGES])
    parser.add_argument("--slides", nargs="*", type=int, default=None, help="default: all")
    parser.add_argument("--sizes", nargs="*", type=int, default=list(SIZES))
    parser.add_argument("--langs", nargs="*", default=list(LANGS))
    parser.add_argument("--subset", action="store_true", help="the committed gallery only")
    parser.add_argument("--full-page", action="store_true")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    every = Filters(tuple(catalog.COMPARED_PLACES), *catalog.year_bounds())
    count = len(present.pages(slides.build_slides(every), every))  # opening … closing
    numbers = args.slides if args.slides is not None else list(range(1, count + 1))
    with start_streamlit(command=dashboard_command()) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for width in args.sizes:
            phone = {"is_mobile": True, "user_agent": PHONE_USER_AGENT} if width < 500 else {}
            context = browser.new_context(
                viewport={"width": width, "height": SIZES[width]}, **phone
            )
            context.set_default_timeout(120_000)
            page = context.new_page()
            for lang in args.langs:
                for path in args.pages:
                    if args.subset and (path, width, lang) not in SUBSET_PAGES:
                        continue
                    url = f"{server.url}/{links.get(path, path)}?lang={lang}"
                    shoot(page, url, out / f"{path}-{width}-{lang}.png", args.full_page)
                for n in numbers:
                    if args.subset and (n, width, lang) not in SUBSET_SLIDES:
                        continue
                    url = f"{server.url}/present?slide={n}&lang={lang}"
                    shoot(page, url, out / f"slide-{n:02d}-{width}-{lang}.png", False)
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
