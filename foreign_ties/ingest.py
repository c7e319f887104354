"""Add a report's figures to the data from the shell, published as a new version.

    python -m foreign_ties.ingest FILE --published YYYY-MM-DD --place SLUG --editor NAME
        [--accept-all] [--url URL] [--title TITLE] [--publisher NAME] [--language en|vi]
        [--source-id ID] [--data DIR]

Reads FILE (.txt, .html, .pdf, .docx) and suggests its figures with the extractor
(foreign_ties/extract.py). Without --accept-all it is a dry run: it prints the candidates as
CSV, each with what would happen to it, and writes nothing. With --accept-all it keeps every
new candidate that passes the build's checks: it writes them as a new slice
data/curated/facts/ingest-<source>.csv (the source as sources/ingest-<source>.csv and its
text as data/documents/<source>.txt when the source is new), validates the whole data as
the build does (foreign_ties/build.validate), drops each candidate the checks refuse, and
publishes a new version whose manifest names the editor and the source; the version's id
is the last line printed. A candidate with the indicator, place and period of an existing
figure is skipped and reported, never duplicated. When the checks refuse anything else, or
no candidate is left, the new files are removed: existing files are never modified.

NAME must be an account with the role editor (python -m foreign_ties.accounts).
Exit codes: 0 done (or nothing new), 1 refused by the checks, 2 a usage error.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from pathlib import Path
from urllib.parse import urlparse

from foreign_ties import accounts, build, csv_input, paths, private_files, versions
from foreign_ties.extract import COLUMNS as CANDIDATE_COLUMNS
from foreign_ties.extract import extract
from foreign_ties.extract_figures import detect_language
from foreign_ties.extract_read import ReadError, read_text
from foreign_ties.ingest_rows import (
    Decision,
    IngestError,
    csv_text,
    decide,
    fact_row,
    slug,
    source_row,
)
from foreign_ties.validate import Curated, display, load


def free_name(folder: Path, stem: str) -> Path:
    path, n = folder / f"{stem}.csv", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}.csv"
    return path


def accept(
    args, data_dir: Path, decisions: list[Decision], source: dict | None, about: dict, text: str
) -> int:
    """Write the new files, validate as the build does, publish; remove them on refusal.

    `source`: the new source's row (None: the source is in the data); `about`: its row."""
    source_id = args.source_id
    curated = data_dir / "curated"
    facts_file = free_name(curated / "facts", f"ingest-{source_id}")
    created: list[Path] = []
    kept = [d for d in decisions if d.outcome == "new"]
    try:
        if source is not None:
            sources_file = free_name(curated / "sources", f"ingest-{source_id}")
            sources_file.write_text(csv_text([source]), encoding="utf-8")
            created.append(sources_file)
            document = data_dir / "documents" / f"{source_id}.txt"
            if not document.exists():
                document.write_text(text, encoding="utf-8", newline="")
                created.append(document)
        created.append(facts_file)
        name = f"facts/{facts_file.name}"
        while True:
            rows = [fact_row(d, source_id, args.editor, Path(args.file).name) for d in kept]
            facts_file.write_text(csv_text(rows), encoding="utf-8")
            tables, problems = build.validate(data_dir)
            ours: dict[int, list[str]] = {}  # spreadsheet row -> what the checks say
            others = []
            for p in problems:
                if p.file == name and p.line >= 2:
                    ours.setdefault(p.line, []).append(f"{p.message} (column {p.column})")
                else:
                    others.append(p)
            if others:
                return refuse(created, others, "the data with this report fails the build's checks")
            for line, messages in ours.items():
                kept[line - 2].outcome = "dropped: " + "; ".join(messages)
            kept = [d for d in kept if d.outcome == "new"]
            if not kept:
                report(decisions)
                return refuse(created, [], "no candidate passed the checks")
            if not ours:
                break
        assert tables is not None
        meta = {
            "source": {k: str(about.get(k) or "") for k in ("title", "publisher", "url")}
            | {"source_id": source_id, "file": Path(args.file).name},
            "facts_added": [d.fact_id for d in kept],
        }
        note = f"ingest of {len(kept)} figure(s) from {source_id}"
        version_id = versions.publish(tables, data_dir, note=note, by=args.editor, extra=meta)
    except BaseException:
        for path in created:
            path.unlink(missing_ok=True)
        raise
    report(decisions)
    files = ", ".join(display(p, data_dir) for p in created)
    print(f"published {len(kept)} figure(s) from {source_id} by {args.editor}; commit {files}")
    print(version_id)
    return 0


def refuse(created: list[Path], problems: list, why: str) -> int:
    for path in created:
        path.unlink(missing_ok=True)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"ingest refused: {why}; nothing written or published", file=sys.stderr)
    return 1


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


def read_data(args, data_dir: Path, text: str) -> tuple[Curated, dict | None]:
    """The curated data, and the source's row when it is in it already (same text only)."""
    data = load(data_dir)
    if args.place not in {r.values.get("province_id") for r in data.rows["provinces"]}:
        raise IngestError(f"unknown place {args.place!r} (see data/curated/provinces/)")
    sources = {r.values.get("source_id"): r.values for r in data.rows["sources"]}
    document = data_dir / "documents" / f"{args.source_id}.txt"
    if document.exists() and document.read_text(encoding="utf-8") != text:
        raise IngestError(
            f"source {args.source_id!r} already has another text ({document}): pass --source-id"
        )
    if args.source_id in sources and not document.exists():
        raise IngestError(f"source {args.source_id!r} has no text in data/documents/")
    return data, sources.get(args.source_id)


def run(args, data_dir: Path) -> int:
    if not accounts.is_editor(args.editor):
        raise IngestError(
            f"{args.editor!r} is not an editor in {accounts.default_path()} (add one with "
            f"python -m foreign_ties.accounts add NAME --role editor --password-stdin)"
        )
    args.editor = accounts.clean_name(args.editor)
    if args.url and urlparse(args.url).scheme not in ("http", "https"):
        raise IngestError(f"--url {args.url!r} must start with http:// or https://")
    try:
        text = read_text(args.file)
    except ReadError as exc:
        raise IngestError(f"cannot read {args.file}: {exc}") from exc
    language = args.language or ("vi" if detect_language(text) == "vi" else "en")
    args.source_id = args.source_id or slug(Path(args.file).stem)
    if not csv_input.SLUG.fullmatch(args.source_id):
        raise IngestError(f"--source-id {args.source_id!r}: use lower-case letters, digits and -")
    found = extract(text, args.published, args.place, language)
    if not args.accept_all:
        return dry_run(decide(found, read_data(args, data_dir, text)[0], args.source_id))
    # One ingest at a time, from reading the data to publishing: no figure is added twice.
    with private_files.locked(data_dir / ".ingest.lock"):
        data, source = read_data(args, data_dir, text)
        decisions = decide(found, data, args.source_id)
        if not any(d.outcome == "new" for d in decisions):
            report(decisions)
            current = versions.current_id(data_dir)
            print(f"nothing new to publish; the current version stays {current}")
            return 0
        new_source = None if source else source_row(args, args.source_id, text, language)
        return accept(args, data_dir, decisions, new_source, source or new_source, text)


def main(argv: list[str] | None = None, data_dir: Path | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m foreign_ties.ingest",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", help=".txt, .html, .pdf or .docx")
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
