"""How well `foreign_ties.extract` finds the figures of real published texts.

    .venv/bin/python benchmarks/extract_eval.py [--split dev|holdout|holdout5|holdout6|all]
        [--details] [--out benchmarks/results/extract_eval.md]

The texts are under tests/data/extract/texts/, listed in tests/data/extract/manifest.csv
(url, title, publisher, published date, the reference date used for relative periods such
as "to date" or "last year", language, the place an editor would pass as --place, and the
split: a quarter of the texts are `holdout`, chosen before development and not looked at
while tuning). tests/data/extract/expected.csv holds the figures written by reading each
text (value, unit, qualifier, period, place, indicator, status, sentence); see
tests/data/extract/README.md for the rules followed.

A candidate matches an expected figure when value, unit and qualifier are equal and its
sentence is the expected one (either contains the other, spaces normalised). Reported per
split: recall (expected figures found) and precision (candidates that are figures), on
"value + unit + qualifier + sentence" and on all fields (period, place, indicator and
status equal too), plus each field's accuracy among the matched figures.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from foreign_ties.extract import Candidate, extract  # noqa: E402

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "extract"
FIELDS = ("period_start", "period_end", "province_id", "indicator_id", "status")


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _norm(text: str) -> str:
    return " ".join(text.split())


def _same_sentence(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    return a in b or b in a


def _text(value) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def core_match(expected: dict[str, str], c: Candidate) -> bool:
    return (
        math.isclose(float(expected["value"]), c.value, rel_tol=1e-9)
        and expected["unit"] == c.unit
        and expected["qualifier"] == c.qualifier
        and _same_sentence(expected["sentence"], c.quote)
    )


@dataclass
class Score:
    expected: int = 0
    candidates: int = 0
    core: int = 0
    full: int = 0
    fields: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.expected += other.expected
        self.candidates += other.candidates
        self.core += other.core
        self.full += other.full
        for name in FIELDS:
            self.fields[name] += other.fields[name]
        self.misses.extend(other.misses)


def score_text(entry: dict[str, str], expected: list[dict[str, str]], root: Path = DATA) -> Score:
    text = (root / entry["file"]).read_text(encoding="utf-8")
    published = dt.date.fromisoformat(entry["reference_date"])
    candidates = extract(text, published, entry["place"] or None, entry["language"])
    score = Score(expected=len(expected), candidates=len(candidates))
    unused = list(candidates)
    for row in expected:
        found = next((c for c in unused if core_match(row, c)), None)
        tag = f"{entry['text_id']}: {row['value_as_written']!r}"
        if found is None:
            score.misses.append(f"MISSED  {tag} ({row['unit']}, {row['qualifier']})")
            continue
        unused.remove(found)
        score.core += 1
        wrong = [name for name in FIELDS if row[name] != _text(getattr(found, name))]
        for name in FIELDS:
            score.fields[name] += name not in wrong
        if wrong:
            detail = ", ".join(
                f"{n} {_text(getattr(found, n)) or '-'} != {row[n] or '-'}" for n in wrong
            )
            score.misses.append(f"FIELDS  {tag}: {detail}")
        else:
            score.full += 1
    for c in unused:
        score.misses.append(
            f"EXTRA   {entry['text_id']}: {c.value_as_written!r} ({c.unit}, {c.qualifier})"
        )
    return score


def evaluate(split: str | None = None, ids: list[str] | None = None, root: Path = DATA) -> Score:
    manifest = read_csv(root / "manifest.csv")
    expected = read_csv(root / "expected.csv")
    total = Score()
    for entry in manifest:
        if (split and entry["split"] != split) or (ids and entry["text_id"] not in ids):
            continue
        rows = [r for r in expected if r["text_id"] == entry["text_id"]]
        total.add(score_text(entry, rows, root))
    return total


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f} %" if d else "n/a"


def report(name: str, s: Score, texts: int) -> list[str]:
    lines = [
        f"### {name}: {texts} texts, {s.expected} expected figures, {s.candidates} candidates",
        "",
        "| measure | recall | precision |",
        "|---|---|---|",
        f"| value + unit + qualifier + sentence | {_pct(s.core, s.expected)} "
        f"({s.core}/{s.expected}) | {_pct(s.core, s.candidates)} ({s.core}/{s.candidates}) |",
        f"| all fields | {_pct(s.full, s.expected)} ({s.full}/{s.expected}) "
        f"| {_pct(s.full, s.candidates)} ({s.full}/{s.candidates}) |",
        "",
        "Field accuracy among matched figures: "
        + ", ".join(f"{n} {_pct(s.fields[n], s.core)}" for n in FIELDS),
        "",
    ]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--split", choices=("dev", "holdout", "holdout5", "holdout6", "all"), default="all"
    )
    parser.add_argument("--details", action="store_true", help="list misses and extras")
    parser.add_argument("--out", type=Path, help="also write the report (Markdown) here")
    args = parser.parse_args(argv)
    manifest = read_csv(DATA / "manifest.csv")
    splits = ("dev", "holdout", "holdout5", "holdout6") if args.split == "all" else (args.split,)
    lines = ["## Extraction benchmark", ""]
    for split in splits:
        texts = sum(e["split"] == split for e in manifest)
        if not texts and args.split == "all":
            continue  # a holdout spent and moved to dev, before the next round draws one
        score = evaluate(split)
        lines += report(split, score, texts)
        if args.details:
            lines += ["```", *score.misses, "```", ""]
    print("\n".join(lines))
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
