"""Server CPU per page run: one viewer rerunning each page's views, no other load.

    bash scripts/run_dashboard.sh --server.port 8791 &
    .venv/bin/python benchmarks/run_cost.py --url http://127.0.0.1:8791 --runs 20

For each page, a websocket session (as in benchmarks/load.py) draws the page's views once,
then reruns them `--runs` times in turn; the server's CPU (utime+stime of the processes
listening on the URL's port, from /proc) over those reruns, divided by their number, is
what one more interaction costs once the views have been drawn. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import websockets

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.load import cpu_seconds, listening_pids, read_forward, rerun_message  # noqa: E402

# (URL path, label, views reran in turn); parameters: see foreign_ties/ui/.
PAGES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("", "Overview", ("lang=en", "lang=vi")),
    (
        "compare",
        "Compare",
        ("indicator=fdi_projects&lang=en", "indicator=fdi_registered_capital&lang=en"),
    ),
    ("son-la", "Son La profile", ("lang=en", "lang=vi")),
    ("trade", "Trade", ("lang=en", "currency=VND&lang=en")),
    ("partners", "Partners", ("lang=en", "lang=vi")),
    ("sources", "Sources", ("lang=en", "lang=vi")),
    ("present", "Present", ("lang=en", "lang=vi")),
)


async def page_cost(url: str, page: str, views: tuple[str, ...], runs: int) -> tuple[float, float]:
    """(server CPU ms per run, wall ms per run) over `runs` reruns of `views` in turn."""
    parts = urlsplit(url)
    pids = listening_pids(parts.port or 80)
    cached: set[str] = set()
    stream = f"ws://{parts.netloc}/_stcore/stream"
    async with websockets.connect(stream, subprotocols=["streamlit"], max_size=None) as ws:

        async def rerun(query: str) -> None:
            await ws.send(rerun_message(page, query, f"{url}/{page}?{query}", cached))
            state = None
            while state != "done":
                _, state = read_forward(await asyncio.wait_for(ws.recv(), 60), cached)

        for query in views:  # first drawing: not what is measured
            await rerun(query)
        cpu, start = cpu_seconds(pids), time.perf_counter()
        for k in range(runs):
            await rerun(views[k % len(views)])
        return (
            1000 * (cpu_seconds(pids) - cpu) / runs,
            1000 * (time.perf_counter() - start) / runs,
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8501")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)
    url = args.url.rstrip("/")
    print("| page | server CPU per run (ms) | wall per run (ms) |")
    print("|---|---|---|")
    for page, label, views in PAGES:
        cpu, wall = asyncio.run(page_cost(url, page, views, args.runs))
        print(f"| {label} | {cpu:.1f} | {wall:.1f} |")


if __name__ == "__main__":
    main()
