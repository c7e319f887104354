"""Add a report's figures to the data from the shell, published as a new version.

    python -m foreign_ties.ingest FILE --published YYYY-MM-DD --place SLUG --editor NAME
        [--accept-all] [--url URL] [--title TITLE] [--publisher NAME] [--language en|vi]
        [--source-id ID] [--data DIR]

Reads FILE (.txt, .html, .pdf, .docx) and suggests its figures with the extractor
(foreign_ties/extract.py); a table (.csv, .xlsx) gives one figure per value cell, read as
--rows and --columns say (foreign_ties/ingest_table.py). Publishing is
foreign_ties/ingest_publish.py, the same code the dashboard's Add figures page runs. Without
--accept-all it is a dry run: it prints the candidates as CSV, each with what would happen
to it, and writes nothing. With --accept-all it keeps every new candidate that passes the
build's checks: it writes them as a new slice data/curated/facts/ingest-<source>.csv (the
source as sources/ingest-<source>.csv and its text as data/documents/<source>.txt when the
source is new), validates the whole data as the build does (foreign_ties/build.validate),
drops each candidate the checks refuse, and publishes a new version whose manifest names the
editor and the source; the version's id is the last line printed. A candidate with the
indicator, place and period of an existing figure is skipped and reported, never duplicated.
When the checks refuse anything else, or no candidate is left, the new files are removed:
existing files are never modified.

NAME must be an account with the role editor (python -m foreign_ties.accounts).
Exit codes: 0 done (or nothing new), 1 refused by the checks, 2 a usage error.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from pathlib import Path

from foreign_ties import accounts, ingest_table, paths
from foreign_ties.extract import COLUMNS as CANDIDATE_COLUMNS
from foreign_ties.extract import extract
from foreign_ties.extract_read import ReadError, read_text
from foreign_ties.ingest_publish import Outcome, new_report, publish, review
from foreign_ties.ingest_rows import Decision, IngestError, Report, slug
from foreign_ties.validate import display

__all__ = ["main", "slug"]


def report(decisions: list[Decision]) -> None:
    for d in decisions:
        c = d.candidate
        what = f"{c.value_as_written} ({c.indicator_id or '?'}, {c.province_id or '?'}, "
        what += f"{c.period_start}..{c.period_end})"
        outcome = f"kept as {d.fact_id}" if d.outcome == "new" else d.outcome
        print(f"#{d.number} {what}: {outcome}")


def dry_run(decisions: list[Decision]) -> int:
    columns = ["n", "decision", *[c for c in CANDIDATE_COLUMNS if c != "offset"]]
    writer = csv.DictWriter(
        sys.stdout, fieldnames=columns, lineterminator="\n", extrasaction="ignore"
    )
    writer.writeheader()
    for d in decisions:
        writer.writerow({"n": d.number, "decision": d.outcome, **d.candidate.row()})
    new = sum(d.outcome == "new" for d in decisions)
    print(  # on stderr: stdout stays one CSV table
        f"dry run: {len(decisions)} candidate(s), {new} new; nothing written or published "
        "(check them, then add --accept-all to publish the new ones)",
        file=sys.stderr,
    )
    return 0


def print_outcome(outcome: Outcome, ingest: Report, data_dir: Path) -> int:
    """The shell's account of a publish: the decisions, the refusals, the new version last."""
    if outcome.refused == "nothing_new":
        report(outcome.decisions)
        print(f"nothing new to publish; the current version stays {outcome.current_id}")
        return 0
    if outcome.refused:
        for problem in outcome.problems:
            print(problem, file=sys.stderr)
        if outcome.refused == "none_passed":
            report(outcome.decisions)
        why = {
            "checks": "the data with this report fails the build's checks",
            "none_passed": "no candidate passed the checks",
        }[outcome.refused]
        print(f"ingest refused: {why}; nothing written or published", file=sys.stderr)
        return 1
    report(outcome.decisions)
    files = ", ".join(display(p, data_dir) for p in outcome.files)
    print(
        f"published {len(outcome.added)} figure(s) from {ingest.source_id} by {ingest.editor}; "
        f"commit {files}"
    )
    print(outcome.version_id)
    return 0


def run(args, data_dir: Path) -> int:
    if Path(args.file).is_file() and ingest_table.is_table(args.file):
        ingest, found, left_out = ingest_table.read(args)
        if left_out:
            print(f"left out (naming no place): {', '.join(left_out)}", file=sys.stderr)
        if not args.accept_all:
            return dry_run(review(ingest, data_dir, found))
        return print_outcome(publish(ingest, data_dir, found), ingest, data_dir)
    try:
        text = read_text(args.file)
    except ReadError as exc:
        raise IngestError(f"cannot read {args.file}: {exc}") from exc
    ingest = new_report(
        text,
        args.published,
        args.place,
        args.editor,
        Path(args.file).name,
        source_id=args.source_id,
        language=args.language,
        url=args.url,
        title=args.title,
        publisher=args.publisher,
    )
    found = extract(text, ingest.published, ingest.place, ingest.language)
    if not args.accept_all:
        return dry_run(review(ingest, data_dir, found))
    return print_outcome(publish(ingest, data_dir, found), ingest, data_dir)


def main(argv: list[str] | None = None, data_dir: Path | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m foreign_ties.ingest",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", help=".txt, .html, .pdf or .docx; or a table, .csv or .xlsx")
    parser.add_argument("--published", required=True, type=dt.date.fromisoformat)
    parser.add_argument("--place", required=True, help="province_id for figures naming none")
    parser.add_argument("--editor", required=True, help="an account with the role editor")
    parser.add_argument("--accept-all", action="store_true", help="publish every new candidate")
    parser.add_argument("--url", help="the report's address (http or https)")
    parser.add_argument("--title", help="default: the text's first line")
    parser.add_argument("--publisher", help="who published it (default: the --url's site)")
    parser.add_argument("--language", choices=("en", "vi"), help="default: guessed")
    parser.add_argument("--source-id", help="default: from the file's name")
    parser.add_argument("--data", type=Path, help="the data folder (default: data/)")
    ingest_table.add_options(parser)
    args = parser.parse_args(argv)
    try:
        return run(args, Path(data_dir or args.data or paths.DATA_DIR))
    except (IngestError, accounts.AccountsError) as exc:
        print(f"ingest refused: {exc}; nothing written or published", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("ingest interrupted; nothing published", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the editor sees a message, not a traceback
        print(f"ingest failed ({type(exc).__name__}: {exc}); nothing published", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
