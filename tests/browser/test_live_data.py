"""A real server over its own data folder: its first visit, by a page's own address, opens that
page; a hostile quote stays text (no image, script or link is created, nothing is fetched),
and a build published while the server runs shows at the next interaction, without a restart
(data_version.pin + the one reset)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from foreign_ties import paths
from foreign_ties.i18n import t
from tests.browser.checks import no_error_on
from tests.browser.conftest import dashboard_command, start_streamlit, wait_for_app

FACT = "son-la-hostile-quote-2023"
SLOW = 120_000  # ms: the first run of a fresh server on a busy machine
SENTENCE = (
    "Evil ![x](http://evil.example/px.png) <script>window.__evil = 1</script> "
    "<img src=http://evil.example/i.png> [click](javascript:alert(1)) "
    "the province counted {n} meetings in 2023."
)


def write_hostile(data: Path, n: int) -> None:
    quote = SENTENCE.format(n=n)
    (data / "documents" / "hostile-quote.txt").write_text(
        f"Before.\n\n{quote}\n\nAfter.\n", encoding="utf-8"
    )
    sources = (data / "curated" / "sources" / "seeds.csv").read_text(encoding="utf-8")
    header = sources.splitlines()[0].split(",")
    row = {c: "" for c in header} | {
        "source_id": "hostile-quote",
        "title": "<b>Hostile</b> ![t](http://evil.example/t.png)",
        "publisher": "Test press",
        "published_date": "2024-11-06",
        "url": "javascript:alert(1)",
        "language": "en",
        "document_kind": "article",
    }
    (data / "curated" / "sources" / "hostile.csv").write_text(
        ",".join(header) + "\n" + ",".join(_csv(row[c]) for c in header) + "\n", encoding="utf-8"
    )
    facts = (data / "curated" / "facts" / "seeds.csv").read_text(encoding="utf-8")
    header = facts.splitlines()[0].split(",")
    row = {c: "" for c in header} | {
        "fact_id": FACT,
        "province_id": "son-la",
        "indicator_id": "meetings_foreign_partners",
        "value": str(n),
        "unit": "count",
        "qualifier": "exact",
        "value_as_written": str(n),
        "period_start": "2023-01-01",
        "period_end": "2023-12-31",
        "status": "reported",
        "uncertain": "false",
        "source_id": "hostile-quote",
        "quote": quote,
    }
    (data / "curated" / "facts" / "hostile.csv").write_text(
        ",".join(header) + "\n" + ",".join(_csv(row[c]) for c in header) + "\n", encoding="utf-8"
    )


def _csv(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"' if any(c in cell for c in ',"\n') else cell


def build(data: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "foreign_ties.build", "--data", str(data), "--note", "test"],
        cwd=paths.ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    data = tmp_path_factory.mktemp("live") / "data"
    data.mkdir()
    for folder in ("curated", "documents"):
        shutil.copytree(paths.ROOT / "data" / folder, data / folder)
    write_hostile(data, 41)
    build(data)
    mp = pytest.MonkeyPatch()
    mp.setenv("FOREIGN_TIES_DATA", str(data))
    try:
        with start_streamlit(command=dashboard_command()) as server:
            yield server.url, data
    finally:
        mp.undo()


def test_a_hostile_quote_is_text_and_a_new_build_shows_without_restart(live, page):
    url, data = live
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{url}/sources?fact={FACT}")
    wait_for_app(page, timeout=SLOW, settle_ms=0)
    main = page.locator('[data-testid="stMainBlockContainer"]')
    main.get_by_text("counted 41 meetings").first.wait_for(timeout=SLOW)
    # The first visit of a fresh server, by a page's own address: that page, with the app's
    # sidebar, not "Page not found" (foreign_ties/ui/serve.py declares the pages before the
    # server starts; the shared server of the other tests is warm).
    assert page.locator('[data-testid="stSidebar"]').count() == 1
    assert page.locator("h1").first.inner_text().startswith(t("sources.title", "en"))
    no_error_on(page)
    assert "![x](http://evil.example/px.png)" in main.inner_text()  # shown as typed
    assert main.locator("img[src*='evil.example']").count() == 0
    assert main.locator("a[href^='javascript']").count() == 0
    assert main.locator("a[href*='evil.example']").count() == 0
    assert page.locator("script:has-text('__evil')").count() == 0
    assert page.evaluate("() => window.__evil === undefined")
    assert not [r for r in requests if "evil.example" in r]

    write_hostile(data, 42)  # a new version published while the server runs
    build(data)
    # any interaction: the next run pins the new version
    search = page.get_by_label("Search the sentences")
    search.fill("meetings")
    search.press("Enter")
    wait_for_app(page, timeout=SLOW)
    main.get_by_text("counted 42 meetings").first.wait_for(timeout=SLOW)
    assert "counted 41 meetings" not in main.inner_text()
