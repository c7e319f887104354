"""Versions: one atomic publish per change, a history to list, restores that can be undone,
leftovers of a killed build cleaned, old versions pruned, and the one cache reset."""

from __future__ import annotations

import contextlib
import io
import json
import os
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from foreign_ties import data_version, paths, store, versions
from tests.test_build import replace_in, run_build, write_fixture


def run_versions(data: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = versions.main(list(args), data_dir=data)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def data(tmp_path) -> Path:
    folder = write_fixture(tmp_path)
    result = run_build(folder, "--note", "first", "--editor", "ana")
    assert result.returncode == 0, result.stderr
    return folder


def facts_value(data: Path, fact_id: str) -> float:
    rows = pq.read_table(data / "parquet" / "facts.parquet").to_pylist()
    return next(r["value"] for r in rows if r["fact_id"] == fact_id)


def change_meetings(data: Path, old: str, new: str) -> None:
    replace_in(data / "curated" / "facts" / "main.csv", f",approx,{old},", f",approx,{new},")
    text = (data / "documents" / "vbf-son-la-2024.txt").read_text(encoding="utf-8")
    (data / "documents" / "vbf-son-la-2024.txt").write_text(
        text.replace(f"nearly {old} meetings", f"nearly {new} meetings"), encoding="utf-8"
    )
    replace_in(
        data / "curated" / "facts" / "main.csv",
        f"nearly {old} meetings",
        f"nearly {new} meetings",
    )
    csv = data / "curated" / "facts" / "main.csv"
    csv.write_text(
        csv.read_text(encoding="utf-8").replace(
            f"meetings_foreign_partners,{old},", f"meetings_foreign_partners,{new},"
        ),
        encoding="utf-8",
    )


def test_publish_writes_a_complete_verified_version_and_switches_the_link(data):
    link = data / "parquet"
    assert link.is_symlink() and os.readlink(link).startswith("versions/")
    meta = json.loads((link / "manifest.json").read_text(encoding="utf-8"))
    assert meta["by"] == "ana" and meta["note"] == "first"
    assert meta["rows"]["facts"] == 3 and set(meta["rows"]) == set(paths.TABLES)
    assert meta["id"] == versions.current_id(data) == link.resolve().name
    versions.verify(link.resolve())  # every checksum and row count holds


def test_list_and_restore_and_undo(data):
    first = versions.current_id(data)
    change_meetings(data, "35", "36")
    assert run_build(data, "--note", "36 meetings").returncode == 0
    second = versions.current_id(data)
    assert second != first and facts_value(data, "son-la-meetings-2024") == 36
    code, out, _ = run_versions(data, "list")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert lines[0].startswith(first) and "ana" in lines[0] and "first" in lines[0]
    assert lines[1].startswith(second) and "36 meetings" in lines[1]
    assert "facts 3" in lines[1] and lines[1].endswith("(current)")

    code, out, _ = run_versions(data, "restore", first)
    assert code == 0, out
    third = versions.current_id(data)
    assert third not in (first, second)  # a restore is a new entry in the history
    assert facts_value(data, "son-la-meetings-2024") == 35
    assert versions.manifest(data, third)["note"] == f"restore of {first}"

    code, _, _ = run_versions(data, "restore", second)  # undo the restore
    assert code == 0 and facts_value(data, "son-la-meetings-2024") == 36
    assert len(run_versions(data, "list")[1].splitlines()) == 4


def test_restore_of_an_unknown_version_is_refused(data):
    before = os.readlink(data / "parquet")
    for bad in ("nope", "../versions", ".tmp-x"):
        code, _, err = run_versions(data, "restore", bad)
        assert code == 1 and "restore refused" in err and "Traceback" not in err
    assert os.readlink(data / "parquet") == before


def test_leftovers_of_a_killed_build_are_removed_and_ignored_by_git(data):
    (data / "versions" / ".tmp-abc").mkdir()
    (data / "versions" / ".tmp-abc" / "facts.parquet").write_bytes(b"half")
    os.symlink("versions/nowhere", data / ".parquet-123")
    change_meetings(data, "35", "37")
    assert run_build(data).returncode == 0
    assert not list((data / "versions").glob(".tmp-*"))
    assert not list(data.glob(".parquet-*"))
    ignored = (paths.ROOT / ".gitignore").read_text(encoding="utf-8")
    assert "data/versions/.tmp-*" in ignored and "data/.parquet-*" in ignored


def test_old_versions_are_pruned_but_never_the_current_one(data, monkeypatch):
    monkeypatch.setattr(versions, "KEEP", 2)
    for n in ("36", "37", "38"):
        change_meetings(data, str(int(n) - 1), n)
        assert run_build(data).returncode == 0
    ids = [m["id"] for m in versions.history(data)]
    assert len(ids) == 2 and ids[-1] == versions.current_id(data)
    assert facts_value(data, "son-la-meetings-2024") == 38


def meetings() -> float:
    rows = store.run(
        "facts_with_sources",
        provinces=["son-la"],
        year_from=2024,
        year_to=2024,
        families=[],
        search="meetings",
    )
    return float(rows.loc[rows["fact_id"] == "son-la-meetings-2024", "value"].iloc[0])


def test_a_new_version_is_seen_at_the_next_page_run(data, monkeypatch):
    monkeypatch.setattr(paths, "PARQUET_DIR", data / "parquet")
    data_version.reset()
    try:
        before = data_version.pin()
        assert before.id == versions.current_id(data)
        assert meetings() == 35
        change_meetings(data, "35", "39")
        assert run_build(data).returncode == 0
        assert data_version.current() == before  # this page run stays on its version
        assert meetings() == 35  # and reads only that version's files
        after = data_version.pin()  # the next interaction
        assert after.id == versions.current_id(data) != before.id
        assert meetings() == 39
    finally:
        data_version.unpin()
        data_version.reset()


def test_every_bundled_version_matches_its_manifest():
    """A version folder is written once by the build: editing its tables afterwards (by hand,
    or in a merge) would make `versions restore` refuse it in every fresh clone."""
    from foreign_ties import paths, versions

    folders = [f for f in versions.versions_dir(paths.DATA_DIR).iterdir() if f.is_dir()]
    assert folders
    for folder in folders:
        if not folder.name.startswith("."):
            versions.verify(folder)  # raises on any checksum that does not match
