"""The one way a report's figures enter the data, for the shell (`python -m foreign_ties.ingest
--accept-all`) and the dashboard's Add figures page alike:

    report = new_report(text, published, place, editor, file_name, ...)   # checked
    decisions = review(report, data_dir, extract(...))                     # nothing written
    outcome = publish(report, data_dir, candidates, keep)                  # a new version

`publish` holds the ingest lock from reading the data to switching the version, decides each
candidate again on the data as it is then (so no figure is added twice), writes the new
figures as their own slice data/curated/facts/ingest-<source>.csv (the source as
sources/ingest-<source>.csv and its text as data/documents/<source>.txt when the source is
new), validates the whole data as the build does (build.validate), drops each figure the
checks refuse, and publishes the rest as a version whose manifest names the editor and the
source. When the checks refuse anything else, or no figure is left, the new files are
removed: existing files are never modified.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from foreign_ties import accounts, build, csv_input, private_files, versions
from foreign_ties.extract import Candidate
from foreign_ties.extract_figures import detect_language
from foreign_ties.ingest_rows import (
    Decision,
    IngestError,
    Report,
    csv_text,
    decide,
    fact_row,
    slug,
    source_row,
)
from foreign_ties.validate import Curated, Problem, load

LOCK = ".ingest.lock"  # in the data folder: one ingest at a time


@dataclass
class Outcome:
    """What `publish` did. `refused`: "" (published), nothing_new, checks (something besides
    the new figures fails the build's checks: `problems`), none_passed (every figure refused)."""

    decisions: list[Decision]
    version_id: str | None = None
    current_id: str | None = None
    refused: str = ""
    problems: list[Problem] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)  # the new files, once published

    @property
    def added(self) -> list[Decision]:
        return [d for d in self.decisions if d.kind == "new"]


def new_report(
    text: str,
    published: dt.date,
    place: str,
    editor: str,
    file_name: str,
    *,
    source_id: str | None = None,
    language: str | None = None,
    url: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
    via: str = "shell",
) -> Report:
    """A report whose editor, address and source id are checked (IngestError if not)."""
    if not accounts.is_editor(editor):
        raise IngestError(
            f"{editor!r} is not an editor in {accounts.default_path()} (add one with "
            f"python -m foreign_ties.accounts add NAME --role editor --password-stdin)"
        )
    if url and urlparse(url).scheme not in ("http", "https"):
        raise IngestError(f"--url {url!r} must start with http:// or https://")
    source_id = source_id or slug(Path(file_name).stem)
    if not csv_input.SLUG.fullmatch(source_id):
        raise IngestError(f"--source-id {source_id!r}: use lower-case letters, digits and -")
    return Report(
        text=text,
        published=published,
        place=place,
        editor=accounts.clean_name(editor),
        file_name=file_name,
        source_id=source_id,
        language=language or ("vi" if detect_language(text) == "vi" else "en"),
        url=url or "",
        title=title or "",
        publisher=publisher or "",
        via=via,
    )


def free_source_id(report: Report, data_dir: Path) -> Report:
    """The report under its source id, or the first `<id>-2`, `<id>-3` ... whose stored
    text is this one or that no source uses (for a page, which asks for no id)."""
    base, n = report.source_id, 1
    while True:
        candidate = base if n == 1 else f"{base[:76]}-{n}"
        document = data_dir / "documents" / f"{candidate}.txt"
        if not document.exists() or document.read_text(encoding="utf-8") == report.text:
            return dataclasses.replace(report, source_id=candidate)
        n += 1


def read_data(report: Report, data_dir: Path) -> tuple[Curated, dict | None]:
    """The curated data, and the source's row when it is in it already (same text only)."""
    data = load(data_dir)
    if report.place not in {r.values.get("province_id") for r in data.rows["provinces"]}:
        raise IngestError(f"unknown place {report.place!r} (see data/curated/provinces/)")
    sources = {r.values.get("source_id"): r.values for r in data.rows["sources"]}
    document = data_dir / "documents" / f"{report.source_id}.txt"
    if document.exists() and document.read_text(encoding="utf-8") != report.text:
        raise IngestError(
            f"source {report.source_id!r} already has another text ({document}): pass --source-id"
        )
    if report.source_id in sources and not document.exists():
        raise IngestError(f"source {report.source_id!r} has no text in data/documents/")
    return data, sources.get(report.source_id)


def review(report: Report, data_dir: Path, candidates: list[Candidate]) -> list[Decision]:
    """What publishing would do with each candidate on the data as it is now; writes nothing."""
    return decide(candidates, read_data(report, data_dir)[0], report.source_id)


def publish(
    report: Report, data_dir: Path, candidates: list[Candidate], keep: set[int] | None = None
) -> Outcome:
    """Publish the new figures among `candidates` (only the numbers in `keep`, when given)."""
    with private_files.locked(data_dir / LOCK):
        data, source = read_data(report, data_dir)
        decisions = decide(candidates, data, report.source_id, keep)
        if not any(d.kind == "new" for d in decisions):
            current = versions.current_id(data_dir)
            return Outcome(decisions, current_id=current, refused="nothing_new")
        new_source = None if source else source_row(report)
        return _accept(report, data_dir, decisions, new_source, source or new_source)


def free_name(folder: Path, stem: str) -> Path:
    path, n = folder / f"{stem}.csv", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}.csv"
    return path


def _accept(
    report: Report, data_dir: Path, decisions: list[Decision], source: dict | None, about: dict
) -> Outcome:
    """Write the new files, validate as the build does, publish; remove them on refusal.

    `source`: the new source's row (None: the source is in the data); `about`: its row."""
    curated = data_dir / "curated"
    facts_file = free_name(curated / "facts", f"ingest-{report.source_id}")
    created: list[Path] = []
    kept = [d for d in decisions if d.kind == "new"]
    try:
        if source is not None:
            sources_file = free_name(curated / "sources", f"ingest-{report.source_id}")
            sources_file.write_text(csv_text([source]), encoding="utf-8")
            created.append(sources_file)
            document = data_dir / "documents" / f"{report.source_id}.txt"
            if not document.exists():
                document.write_text(report.text, encoding="utf-8", newline="")
                created.append(document)
            if report.original is not None:  # the table itself, beside its text
                suffix, content = report.original
                table_file = document.with_suffix(suffix)
                if not table_file.exists():
                    table_file.write_bytes(content)
                    created.append(table_file)
        created.append(facts_file)
        name = f"facts/{facts_file.name}"
        while True:
            facts_file.write_text(csv_text([fact_row(d, report) for d in kept]), encoding="utf-8")
            tables, problems = build.validate(data_dir)
            ours: dict[int, list[Problem]] = {}  # spreadsheet row -> what the checks say
            others = []
            for p in problems:
                if p.file == name and p.line >= 2:
                    ours.setdefault(p.line, []).append(p)
                else:
                    others.append(p)
            if others:
                _remove(created)
                return Outcome(decisions, refused="checks", problems=others)
            for line, found in ours.items():
                refused = kept[line - 2]
                refused.kind = "refused"
                refused.refusals = [(p.column, p.message) for p in found]
                refused.outcome = "dropped: " + "; ".join(
                    f"{p.message} (column {p.column})" for p in found
                )
            kept = [d for d in kept if d.kind == "new"]
            if not kept:
                _remove(created)
                return Outcome(decisions, refused="none_passed")
            if not ours:
                break
        assert tables is not None
        meta = {
            "source": {k: str(about.get(k) or "") for k in ("title", "publisher", "url")}
            | {"source_id": report.source_id, "file": report.file_name},
            "facts_added": [d.fact_id for d in kept],
            "via": report.via,
        }
        note = f"ingest of {len(kept)} figure(s) from {report.source_id}"
        version_id = versions.publish(tables, data_dir, note=note, by=report.editor, extra=meta)
    except BaseException:
        _remove(created)
        raise
    return Outcome(decisions, version_id=version_id, current_id=version_id, files=created)


def _remove(created: list[Path]) -> None:
    for path in created:
        path.unlink(missing_ok=True)
