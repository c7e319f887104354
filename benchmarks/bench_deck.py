"""Time building the whole deck (PPTX and PDF) with the image server warm.

    .venv/bin/python benchmarks/bench_deck.py [--n 5] [--out benchmarks/results/deck.md]

One uncounted warm-up starts kaleido's chromium and fills the query cache; then, n times:
  deck     slides.build_slides(filters): the slides (charts, takeaways, notes), all places
  layout   deck.pages: the measured layout of every page (opening, slides, sources, closing)
  images   one PNG per chart slide at its box size (scale 1.5)
  pptx     python-pptx assembles the file
  pdf      fpdf2 writes the PDF (text, links, vector QR codes)
and prints the medians; "PPTX total" is deck + layout + images + pptx, "PDF total" the same
with pdf. Aim: each total <= 5 s. Timings depend on the machine (CPU speed and count,
chromium version, other work running); compare runs on the same machine only.
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

from foreign_ties import catalog, chart_images, deck, deck_pdf, slides  # noqa: E402
from foreign_ties.state import Filters  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=5)
    parser.add_argument(
        "--out", default=str(Path(__file__).resolve().parent / "results" / "deck.md")
    )
    args = parser.parse_args()
    filters = Filters(tuple(catalog.COMPARED_PLACES), *catalog.year_bounds())
    start = time.perf_counter()
    chart_images.warm_up()
    deck.build(filters, "pptx")
    print(f"warm-up (chromium start, first deck): {time.perf_counter() - start:.2f} s")
    runs: dict[str, list[float]] = {
        k: [] for k in ("deck", "layout", "images", "pptx", "pdf", "PPTX total", "PDF total")
    }
    for _ in range(args.n):
        t0 = time.perf_counter()
        built = slides.build_slides(filters)
        t1 = time.perf_counter()
        laid = deck.pages(filters, built)
        t2 = time.perf_counter()
        deck._DRAWN.clear()  # time the drawing, not the memory of the last run
        images = deck.chart_pngs(laid)
        t3 = time.perf_counter()
        pptx = deck.pptx_bytes(laid, images)
        t4 = time.perf_counter()
        pdf = deck_pdf.pdf_bytes(laid, images, "deck", "en")
        t5 = time.perf_counter()
        common = t3 - t0
        for name, value in zip(
            runs,
            (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, common + t4 - t3, common + t5 - t4),
            strict=True,
        ):
            runs[name].append(value)
    worst = max(statistics.median(runs["PPTX total"]), statistics.median(runs["PDF total"]))
    verdict = "within" if worst <= 5 else "OVER"
    lines = [
        f"# Deck build: whole deck, image server warm ({time.strftime('%Y-%m-%d')})",
        "",
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}; load average {os.getloadavg()[0]:.1f}; numbers "
        "vary with the machine and its load.",
        f"{len(laid)} pages ({len(built)} slides, {len(images)} charts); PPTX of "
        f"{len(pptx):,} bytes, PDF of {len(pdf):,} bytes; median of {args.n} runs after one "
        f"warm-up; {verdict} the 5 s aim.",
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
