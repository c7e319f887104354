"""Time building a 10-slide deck as PPTX with the image server warm.

    .venv/bin/python benchmarks/bench_deck.py [--n 5] [--slides 10]
        [--out benchmarks/results/deck.md]

One uncounted warm-up starts kaleido's chromium and fills the query cache; then, n times:
  deck     slides.build_slides(filters) -> the slide list (figures, takeaways, quotes)
  images   one PNG per slide at scale 2 (1760x720 layout -> 3520x1440 pixels)
  pptx     python-pptx assembles the file
and prints the medians. Aim: total <= 5 s. Timings depend on the machine (CPU speed and
count, chromium version, whether other work runs); compare runs on the same machine only.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from foreign_ties import catalog, chart_images, deck, slides  # noqa: E402
from foreign_ties.state import Filters  # noqa: E402


def ten_slides(count: int) -> tuple[Filters, list]:
    filters = Filters(tuple(catalog.COMPARED_PLACES), *catalog.year_bounds())
    built = slides.build_slides(filters)
    if not built:
        sys.exit("no slides: is the data built (data/parquet) or FOREIGN_TIES_DATA set?")
    return filters, [built[i % len(built)] for i in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=5)
    parser.add_argument("--slides", type=int, default=10)
    parser.add_argument(
        "--out", default=str(Path(__file__).resolve().parent / "results" / "deck.md")
    )
    args = parser.parse_args()
    start = time.perf_counter()
    chart_images.warm_up()
    filters, chosen = ten_slides(args.slides)
    deck.pptx_bytes(chosen)
    print(f"warm-up (chromium start, first deck): {time.perf_counter() - start:.2f} s")
    runs: dict[str, list[float]] = {"deck": [], "images": [], "pptx": [], "total": []}
    for _ in range(args.n):
        t0 = time.perf_counter()
        slides.build_slides(filters)
        t1 = time.perf_counter()
        images = [deck.chart_png(s) for s in chosen]
        t2 = time.perf_counter()
        data = deck.pptx_bytes(chosen, images)
        t3 = time.perf_counter()
        for name, value in zip(runs, (t1 - t0, t2 - t1, t3 - t2, t3 - t0), strict=False):
            runs[name].append(value)
    verdict = "within" if statistics.median(runs["total"]) <= 5 else "OVER"
    lines = [
        f"# Deck build: {args.slides}-slide PPTX, image server warm ({time.strftime('%Y-%m-%d')})",
        "",
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}; numbers vary with the machine and its load.",
        f"PPTX of {len(data):,} bytes; median of {args.n} runs after one warm-up; "
        f"{verdict} the 5 s aim.",
        "",
        "| step | median (s) | min | max |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {name} | {statistics.median(v):.2f} | {min(v):.2f} | {max(v):.2f} |"
        for name, v in runs.items()
    ]
    text = "\n".join(lines) + "\n"
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
