"""Write a synthetic data folder to measure the product at scale.

    python -m foreign_ties.synth --facts 100000 --out /tmp/ft-100k [--seed 1]
    FOREIGN_TIES_DATA=/tmp/ft-100k python -m foreign_ties.build

The folder has the layout of data/ (curated/ + documents/) and passes the ordinary build.
Places: the real provinces of data/curated/provinces (Son La, Lang Son, Tuyen Quang, the
national row and the predecessors of the 2025 merger) plus clearly labelled synthetic ones
("Synthetic Province 01" ...) up to 34 provinces valid after the 2025 reorganisation. Every
indicator of data/curated/indicators, 30 years (1996-2025). Indicators, partners, exchange
rates and their sources are copied from the real data; NO real fact is copied.

Every synthetic figure is a made-up number. Its sentence starts with "[synthetic]", contains
the number as written, and is stored in a document whose title and publisher say the same,
so it can never be mistaken for a published figure. Facts fill (place, indicator, year)
annual cells first in a seeded random order, then part-year cells (January to month M, or
as of the end of month M), so 20 k facts already reach every place, indicator and year.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import datetime as dt
import random
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from foreign_ties import paths
from foreign_ties.numbers import ordinal_suffix
from foreign_ties.validate import COLUMNS

PROVINCES_AFTER_2025 = 34
YEARS = tuple(range(1996, 2026))  # 30 years
FACTS_PER_SOURCE = 50  # keeps each document small (every quote is searched in it)
MARK = "[synthetic]"
COPIED_TABLES = ("indicators", "sources", "partners", "fx_rates", "not_figures")
MONTHS = calendar.month_name


def _read(path: Path) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for file in sorted(path.glob("*.csv")):
        with file.open(encoding="utf-8-sig", newline="") as handle:
            rows.extend(csv.DictReader(handle))
    return rows


def _write(path: Path, table: str, rows: list[dict[str, object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(COLUMNS[table]), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def synthetic_provinces(real: list[dict[str, str]]) -> list[dict[str, object]]:
    """Synthetic provinces so that PROVINCES_AFTER_2025 provinces are valid after 2025."""
    current = [r for r in real if r["level"] == "province" and not r.get("valid_to")]
    order = max((int(r["display_order"] or 0) for r in real), default=0)
    rows = []
    for k in range(1, PROVINCES_AFTER_2025 - len(current) + 1):
        rows.append(
            {
                "province_id": f"synthetic-{k:02d}",
                "name_en": f"Synthetic Province {k:02d}",
                "name_vi": f"Tỉnh giả lập {k:02d}",
                "level": "province",
                "display_order": order + k,
                "territory_note": f"{MARK} Not a real place: made by foreign_ties.synth for "
                "load and growth tests.",
            }
        )
    return rows


def places(real: list[dict[str, str]], synthetic: list[dict[str, object]]) -> list[dict]:
    """The places that get figures: current provinces, the national row, synthetic ones."""
    current = [r for r in real if not r.get("valid_to")]
    return [*current, *synthetic]


def figure(unit: str, rng: random.Random) -> tuple[float, str, str]:
    """(value, fact unit, value as written) of a random figure of an indicator dimension."""
    if unit == "money":
        tenths = rng.randint(1, 9999)  # US$0.1 million .. US$999.9 million
        return tenths * 100_000.0, "USD", f"US${tenths / 10:.1f} million"
    if unit == "percent":
        tenths = rng.randint(1, 999)
        return tenths / 10, "percent", f"{tenths / 10:.1f}%"
    if unit == "km":
        tenths = rng.randint(10, 9999)
        return tenths / 10, "km", f"{tenths / 10:.1f} km"
    if unit == "km2":
        n = rng.randint(500, 20000)
        return float(n), "km2", f"{n:,} km2"
    if unit == "people":
        n = rng.randint(1000, 3_000_000)
        return float(n), "people", f"{n:,} people"
    if unit == "rank":
        n = rng.randint(1, 63)
        return float(n), "rank", f"{n}{ordinal_suffix(n)}"
    n = rng.randint(1, 2000)
    return float(n), "count", f"{n:,}"


def period(kind: str, year: int, month: int) -> tuple[dt.date, dt.date, str]:
    """Period of a flow (January..month) or the as-of date of a stock (end of month)."""
    end = dt.date(year, month, calendar.monthrange(year, month)[1])
    if kind == "stock":
        return end, end, f"as of {end.day} {MONTHS[month]} {year}"
    if month == 12:
        return dt.date(year, 1, 1), end, f"in {year}"
    return dt.date(year, 1, 1), end, f"in January-{MONTHS[month]} {year}"


def cells(n_places: int, n_indicators: int, seed: int) -> Iterator[tuple[int, int, int, int]]:
    """(place, indicator, year, month) cells: all annual ones first, each level shuffled."""
    rng = random.Random(seed)
    for month in (12, *range(1, 12)):
        level = [
            (p, i, y, month)
            for p in range(n_places)
            for i in range(n_indicators)
            for y in range(len(YEARS))
        ]
        rng.shuffle(level)
        yield from level


def generate(n_facts: int, out: Path, source: Path | None = None, seed: int = 1) -> dict:
    """Write the synthetic folder; returns counts of what was written."""
    source = Path(source or paths.DATA_DIR)
    curated, out_curated = source / "curated", out / "curated"
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty")
    real_provinces = _read(curated / "provinces")
    indicators = _read(curated / "indicators")
    synthetic = synthetic_provinces(real_provinces)
    where = places(real_provinces, synthetic)
    capacity = len(where) * len(indicators) * len(YEARS) * 12
    if n_facts > capacity:
        raise ValueError(f"at most {capacity} facts fit {len(where)} places x 30 years")
    # Real tables other than facts, with the documents their rows cite.
    for table in COPIED_TABLES:
        for file in sorted((curated / table).glob("*.csv")):
            (out_curated / table).mkdir(parents=True, exist_ok=True)
            shutil.copy2(file, out_curated / table / file.name)
    (out / "documents").mkdir(parents=True, exist_ok=True)
    for row in _read(curated / "sources"):
        doc = source / "documents" / f"{row['source_id']}.txt"
        if doc.is_file():
            shutil.copy2(doc, out / "documents" / doc.name)
    (out_curated / "provinces").mkdir(parents=True, exist_ok=True)
    shutil.copy2(curated / "provinces" / "provinces.csv", out_curated / "provinces")
    _write(out_curated / "provinces" / "synthetic.csv", "provinces", synthetic)

    rng = random.Random(seed + 1)
    groups: dict[tuple[int, int], int] = {}  # (place, year) -> facts so far
    quotes: dict[str, list[str]] = {}  # source_id -> its sentences
    facts_path = out_curated / "facts" / "synthetic.csv"
    facts_path.parent.mkdir(parents=True, exist_ok=True)
    with facts_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(COLUMNS["facts"]), extrasaction="ignore")
        writer.writeheader()
        for count, (p, i, y, month) in enumerate(cells(len(where), len(indicators), seed)):
            if count == n_facts:
                break
            place, indicator, year = where[p], indicators[i], YEARS[y]
            value, unit, written = figure(indicator["unit"], rng)
            start, end, when = period(indicator["kind"], year, month)
            done = groups.setdefault((p, y), 0)
            groups[p, y] = done + 1
            source_id = f"synthetic-{place['province_id']}-{year}-{done // FACTS_PER_SOURCE}"
            quote = (
                f"{MARK} {indicator['name_en']}: {written} in {place['name_en']}, {when} "
                "(a made-up figure for testing)."
            )
            fact = {
                "fact_id": f"syn-{place['province_id']}-{indicator['indicator_id']}-{year}-"
                f"{month:02d}",
                "province_id": place["province_id"],
                "indicator_id": indicator["indicator_id"],
                "value": repr(value),
                "unit": unit,
                "qualifier": "exact",
                "value_as_written": written,
                "period_start": start.isoformat(),
                "period_end": end.isoformat(),
                "status": "reported",
                "uncertain": "false",
                "source_id": source_id,
                "quote": quote,
                "note": f"{MARK} generated by foreign_ties.synth (seed {seed})",
            }
            writer.writerow(fact)
            quotes.setdefault(source_id, []).append(quote)
    sources = _write_documents(out, groups, where, quotes)
    _write(out_curated / "sources" / "synthetic.csv", "sources", sources)
    return {
        "facts": min(n_facts, capacity),
        "places": len(where),
        "synthetic_provinces": len(synthetic),
        "indicators": len(indicators),
        "sources": len(sources),
    }


def _write_documents(
    out: Path, groups: dict[tuple[int, int], int], where: list[dict], quotes: dict[str, list[str]]
) -> list[dict]:
    """One synthetic document per source: a header line and its quotes, one per line
    (sources in the order of their place and year's first fact)."""
    sources = []
    for (p, y), count in groups.items():
        for k in range(-(-count // FACTS_PER_SOURCE)):
            source_id = f"synthetic-{where[p]['province_id']}-{YEARS[y]}-{k}"
            sources.append(_document(out, source_id, YEARS[y], quotes.pop(source_id)))
    return sources


def _document(out: Path, source_id: str, year: int, quotes: list[str]) -> dict:
    """Write the document of one synthetic source; its row of sources/."""
    header = f"{MARK} Synthetic bulletin {source_id}: made-up figures, not a publication."
    text = "\n".join([header, *quotes]) + "\n"
    (out / "documents" / f"{source_id}.txt").write_text(text, encoding="utf-8")
    return {
        "source_id": source_id,
        "title": f"{MARK} Synthetic bulletin {source_id}",
        "publisher": "foreign_ties.synth (synthetic data, not a publisher)",
        "published_date": f"{year + 1}-01-15",
        "language": "en",
        "document_kind": "excerpt",
        "retrieved": "generated",
        "licence_note": "Synthetic test data; figures are invented for load tests.",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m foreign_ties.synth",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--facts", type=int, required=True, help="number of synthetic facts")
    parser.add_argument("--out", type=Path, required=True, help="new (or empty) folder")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--from", dest="source", type=Path, default=None, help="real data folder (data/)"
    )
    args = parser.parse_args(argv)
    began = time.perf_counter()
    try:
        counts = generate(args.facts, args.out, args.source, args.seed)
    except (FileExistsError, ValueError) as exc:
        print(f"synth: {exc}", file=sys.stderr)
        return 1
    took = time.perf_counter() - began
    summary = ", ".join(f"{k} {v}" for k, v in counts.items())
    print(f"wrote {args.out} in {took:.1f} s: {summary}")
    print(f"build it with: FOREIGN_TIES_DATA={args.out} python -m foreign_ties.build")
    return 0


if __name__ == "__main__":
    sys.exit(main())
