"""Ingest from the shell, on a copy of the real data in tmp_path: --accept-all publishes the
new figures of a real report as a version naming the editor and the source; a dry run, an
unknown editor or a report the checks refuse publishes nothing and leaves every file as it
was; a figure already in the data is skipped, never duplicated."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pyarrow.parquet as pq
import pytest

from foreign_ties import accounts, ingest, paths, versions
from tests.conftest import CHEAP_HASHER, copy_current_data
from tests.test_build import snapshot

TEXTS = paths.ROOT / "tests" / "data" / "extract" / "texts"
REPORT = TEXTS / "langsontv-lang-son-foreign-affairs-2024.txt"  # not yet in data/documents
SOURCE_ID = REPORT.stem
FIGURES = {"62": 62, "510": 510, "165": 165, "883": 883}  # as written -> value
ARGS = ("--published", "2024-04-03", "--place", "lang-son")
SOURCE = ("--publisher", "Lang Son Radio and Television", "--url", "https://langsontv.vn/news/1")


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    """A copy of the real data and its current version; editor 'ana', viewer 'vic'."""
    folder = tmp_path / "data"
    copy_current_data(folder)
    monkeypatch.setenv("FOREIGN_TIES_ACCOUNTS", str(tmp_path / "accounts.toml"))
    monkeypatch.setattr(accounts, "HASHER", CHEAP_HASHER)
    accounts.add("ana", "editor", "editor password")
    accounts.add("vic", "viewer", "viewer password")
    return folder


def run(data: Path, *args: str) -> SimpleNamespace:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = ingest.main([str(a) for a in args], data_dir=data)
    return SimpleNamespace(code=code, out=out.getvalue(), err=err.getvalue())


def everything(data: Path) -> dict:
    """Every curated, document and published byte, and the current version."""
    return {
        "files": snapshot(data / "curated") | snapshot(data / "documents"),
        "versions": snapshot(data / "versions"),
        "current": os.readlink(data / "parquet"),
    }


def facts(data: Path) -> list[dict]:
    return pq.read_table(data / "parquet" / "facts.parquet").to_pylist()


def test_accept_all_publishes_the_figures_as_a_version_naming_the_editor(data):
    before = everything(data)
    result = run(data, REPORT, *ARGS, "--editor", "ana", "--accept-all", *SOURCE)
    assert result.code == 0, result.err
    new_id = result.out.splitlines()[-1]
    assert new_id == versions.current_id(data) != before["current"]
    meta = versions.manifest(data, new_id)
    assert meta["by"] == "ana" and meta["created_at"].startswith(new_id[:4])
    assert meta["source"]["source_id"] == SOURCE_ID and meta["source"]["url"].startswith("https")
    assert len(meta["facts_added"]) == 4 and SOURCE_ID in meta["note"]

    document = (data / "documents" / f"{SOURCE_ID}.txt").read_text(encoding="utf-8")
    assert document == REPORT.read_text(encoding="utf-8")
    added = {r["fact_id"]: r for r in facts(data) if r["source_id"] == SOURCE_ID}
    assert set(added) == set(meta["facts_added"])
    assert {r["value_as_written"]: r["value"] for r in added.values()} == FIGURES
    for row in added.values():
        assert row["quote"] in document and row["value_as_written"] in row["quote"]
        assert row["province_id"] == "lang-son" and row["status"] == "reported"
    sources = pq.read_table(data / "parquet" / "sources.parquet").to_pylist()
    (source,) = [s for s in sources if s["source_id"] == SOURCE_ID]
    assert source["publisher"] == "Lang Son Radio and Television"
    assert source["published_date"].isoformat() == "2024-04-03"
    # Only new files: every file that was there is byte for byte as it was.
    after = snapshot(data / "curated") | snapshot(data / "documents")
    assert {k: after[k] for k in before["files"]} == before["files"]
    assert set(after) - set(before["files"]) == {
        f"facts/ingest-{SOURCE_ID}.csv",
        f"sources/ingest-{SOURCE_ID}.csv",
        f"{SOURCE_ID}.txt",
    }


def test_figures_already_in_the_data_are_skipped_not_duplicated(data):
    assert run(data, REPORT, *ARGS, "--editor", "ana", "--accept-all", *SOURCE).code == 0
    before = everything(data)
    again = run(data, REPORT, *ARGS, "--editor", "ana", "--accept-all")
    assert again.code == 0 and "nothing new to publish" in again.out
    assert again.out.count("skipped: same indicator, place and period as existing figure") == 4
    assert everything(data) == before
    ids = [r["fact_id"] for r in facts(data)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("editor", ["zed", "vic", "../ana"])
def test_an_unknown_editor_is_refused_and_nothing_published(data, editor):
    before = everything(data)
    result = run(data, REPORT, *ARGS, "--editor", editor, "--accept-all", *SOURCE)
    assert result.code == 2 and "is not an editor" in result.err
    assert "Traceback" not in result.err and result.out == ""
    assert everything(data) == before


def test_a_dry_run_prints_the_candidates_and_publishes_nothing(data):
    before = everything(data)
    result = run(data, REPORT, *ARGS, "--editor", "ana", *SOURCE)
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert [r["value_as_written"] for r in rows] == list(FIGURES)
    assert {r["decision"] for r in rows} == {"new"} and all(r["quote"] for r in rows)
    assert result.err.startswith("dry run: 4 candidate(s), 4 new; nothing written or published")
    assert everything(data) == before


def _with_hidden_control(tmp_path: Path) -> Path:
    """The report with a right-to-left override inside its only sentence with figures."""
    text = REPORT.read_text(encoding="utf-8").replace("62 đoàn", "62 đoàn\u202e", 1)
    path = tmp_path / f"{SOURCE_ID}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_report_failing_the_checks_leaves_every_file_byte_identical(data, tmp_path):
    before = everything(data)
    result = run(
        data, _with_hidden_control(tmp_path), *ARGS, "--editor", "ana", "--accept-all", *SOURCE
    )
    assert result.code == 1 and "no candidate passed the checks" in result.err
    assert result.out.count("dropped: bidirectional control U+202E") == 4
    assert everything(data) == before


def test_a_source_failing_the_checks_is_refused_whole(data):
    before = everything(data)
    result = run(
        data, REPORT, *ARGS, "--editor", "ana", "--accept-all", *SOURCE, "--title", "A\ttitle"
    )
    assert result.code == 1, result.err
    assert f"sources/ingest-{SOURCE_ID}.csv row 2, column title" in result.err
    assert "control character U+0009" in result.err and "ingest refused" in result.err
    assert everything(data) == before


def test_only_the_candidates_that_pass_the_checks_are_published(data, tmp_path):
    mixed = _with_hidden_control(tmp_path)
    mixed.write_text(
        mixed.read_text(encoding="utf-8")
        + "\n"
        + (TEXTS / "plo-lang-son-congestion-2021-12.txt").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    result = run(data, mixed, *ARGS, "--editor", "ana", "--accept-all", *SOURCE)
    assert result.code == 0, result.err
    assert result.out.count("dropped: bidirectional control") == 4
    (kept,) = versions.manifest(data, result.out.splitlines()[-1])["facts_added"]
    (row,) = [r for r in facts(data) if r["fact_id"] == kept]
    assert row["value_as_written"] == "121,65 triệu USD" and row["value"] == 121_650_000


@pytest.mark.parametrize(
    "args, expected",
    [
        ((TEXTS / "missing.txt", *ARGS), "cannot read"),
        ((REPORT, "--published", "2024-04-03", "--place", "atlantis"), "unknown place"),
        ((REPORT, *ARGS), "needs --publisher"),
        ((REPORT, *ARGS, "--url", "ftp://x.example/report"), "must start with http"),
    ],
)
def test_usage_errors_are_one_line_and_change_nothing(data, args, expected):
    before = everything(data)
    result = run(data, *args, "--editor", "ana", "--accept-all")
    assert result.code == 2 and expected in result.err and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert everything(data) == before


def test_the_command_line_prints_the_new_version_last(data, tmp_path):
    env = {
        **os.environ,
        "FOREIGN_TIES_DATA": str(data),
        "FOREIGN_TIES_ACCOUNTS": str(tmp_path / "accounts.toml"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "foreign_ties.ingest", str(REPORT), *ARGS, "--editor", "ana"]
        + ["--accept-all", *SOURCE],
        cwd=paths.ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == versions.current_id(data)


def test_the_lock_file_and_source_ids_from_file_names():
    ignored = subprocess.run(["git", "check-ignore", "-q", "data/.ingest.lock"], cwd=paths.ROOT)
    assert ignored.returncode == 0, "data/.ingest.lock is not git-ignored"
    assert ingest.slug("Báo Sơn La — 2024 report (final)") == "bao-son-la-2024-report-final"
    assert ingest.slug("a" * 79 + " b") == "a" * 79 and ingest.slug("???") == "report"


def test_the_page_publishes_only_the_kept_edited_figures_through_the_same_function(data):
    """The Add figures page calls ingest_publish.publish, as --accept-all does, with the
    numbers the editor kept and the fields the editor changed."""
    import dataclasses
    import datetime as dt

    from foreign_ties import ingest_publish
    from foreign_ties.extract import extract

    text = REPORT.read_text(encoding="utf-8")
    report = ingest_publish.new_report(
        text,
        dt.date(2024, 4, 3),
        "lang-son",
        "ana",
        "pasted text",
        source_id="pasted",
        publisher="Lang Son Radio and Television",
        via="page",
    )
    found = extract(text, report.published, report.place, report.language)
    found[2] = dataclasses.replace(found[2], status="target")
    outcome = ingest_publish.publish(report, data, found, keep={1, 3})
    assert outcome.version_id == versions.current_id(data) and not outcome.refused
    assert [d.kind for d in outcome.decisions] == ["new", "left_out", "new", "left_out"]
    added = {r["value_as_written"]: r for r in facts(data) if r["source_id"] == "pasted"}
    assert set(added) == {"62", "165"} and added["165"]["status"] == "target"
    assert "Add figures page" in added["62"]["note"]
    assert versions.manifest(data, outcome.version_id)["via"] == "page"
    other = dataclasses.replace(report, text=text + "\nMore.")
    assert ingest_publish.free_source_id(report, data).source_id == "pasted"
    assert ingest_publish.free_source_id(other, data).source_id == "pasted-2"
