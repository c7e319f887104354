"""kill -9 at random moments of a publish leaves exactly the old or exactly the new complete
set, which loads without error; the next build removes what the killed one left.

The set is large (20,000 facts, made as Arrow tables in the contract's schema: the checks of
validate.py write nothing, so the kills aim at the part of a build that writes). Each kill
starts tests/kill_worker.py, waits until it is ready, lets it publish and sends SIGKILL after
a random delay within the time one publish takes.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from foreign_ties import build, paths, store, versions

KILLS = 20
FACTS = 20_000


def synthetic_tables(offset: int) -> dict[str, pa.Table]:
    """Every table of the contract; facts has FACTS rows whose values depend on `offset`."""
    rows = {name: [] for name in paths.TABLES}
    rows["provinces"] = [
        {"province_id": "son-la", "name_en": "Son La", "name_vi": "Sơn La", "level": "province"}
    ]
    rows["indicators"] = [
        {
            "indicator_id": "meetings",
            "family": "activity",
            "name_en": "M",
            "name_vi": "M",
            "unit": "count",
            "kind": "flow",
        }
    ]
    rows["sources"] = [
        {
            "source_id": "s",
            "title": "T",
            "publisher": "P",
            "language": "en",
            "document_kind": "article",
        }
    ]
    rows["documents"] = [{"source_id": "s", "text": "x" * 1000}]
    rows["facts"] = [
        {
            "fact_id": f"f-{n:05d}",
            "province_id": "son-la",
            "indicator_id": "meetings",
            "value": float(offset + n),
            "unit": "count",
            "qualifier": "exact",
            "value_as_written": str(offset + n),
            "period_start": dt.date(2023, 1, 1),
            "period_end": dt.date(2023, 12, 31),
            "status": "reported",
            "uncertain": False,
            "source_id": "s",
            "quote": f"Item {n} counted {offset + n} meetings in 2023.",
        }
        for n in range(FACTS)
    ]
    return {
        name: build.sort_table(pa.Table.from_pylist(rows[name], schema=build.schema(name)), name)
        for name in paths.TABLES
    }


def stage(folder: Path, tables: dict[str, pa.Table]) -> Path:
    folder.mkdir(parents=True)
    for name, table in tables.items():
        pq.write_table(table, folder / f"{name}.parquet")
    return folder


def worker(data: Path, staged: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.kill_worker", str(data), str(staged)],
        cwd=paths.ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline().strip() == "ready"
    return process


def current_facts(data: Path) -> pa.Table:
    folder = (data / "parquet").resolve()
    versions.verify(folder)  # complete: every file there and matching its checksum
    con = store.connection(str(folder))  # the app's own reader loads it
    counts = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in paths.TABLES}
    assert counts["facts"] == FACTS
    store.connection.cache_clear()
    return pq.read_table(folder / "facts.parquet")


def test_kill_9_leaves_the_old_or_the_new_complete_set(tmp_path):
    sets = {"a": synthetic_tables(0), "b": synthetic_tables(7)}
    staged = {key: stage(tmp_path / key, tables) for key, tables in sets.items()}
    data = tmp_path / "data"
    data.mkdir()
    versions.publish(sets["a"], data, note="a")
    process = worker(data, staged["b"])  # one unkilled publish: how long it takes
    start = time.monotonic()
    process.communicate("go\n", timeout=300)
    span = time.monotonic() - start
    assert current_facts(data).equals(sets["b"]["facts"])
    rng = random.Random(12)
    outcomes = []
    for kill in range(KILLS):
        old = "b" if kill % 2 == 0 else "a"
        if not current_facts(data).equals(sets[old]["facts"]):
            old = "a" if old == "b" else "b"
        new = "a" if old == "b" else "b"
        process = worker(data, staged[new])
        process.stdin.write("go\n")
        process.stdin.flush()
        time.sleep(rng.uniform(0, span * 1.1))
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        facts = current_facts(data)
        now = next((k for k in (old, new) if facts.equals(sets[k]["facts"])), None)
        assert now is not None, f"kill {kill}: neither the old nor the new set"
        outcomes.append((process.returncode, now == new))
    assert all(code == -signal.SIGKILL or code == 0 for code, _ in outcomes)
    # the next build removes whatever the killed ones left
    process = worker(data, staged["a"])
    process.communicate("go\n", timeout=300)
    assert not list((data / "versions").glob(".tmp-*")) and not list(data.glob(".parquet-*"))
    assert current_facts(data).equals(sets["a"]["facts"])


@pytest.mark.parametrize("step", ["before-rename", "before-switch"])
def test_a_publish_stopped_between_its_steps_leaves_the_old_set(tmp_path, monkeypatch, step):
    """The two moments that matter, forced (the random kills may or may not hit them)."""
    data = tmp_path / "data"
    data.mkdir()
    old, new = synthetic_tables(0), synthetic_tables(3)
    versions.publish(old, data)

    class Stop(Exception):
        pass

    def stop(*args, **kwargs):
        raise Stop

    monkeypatch.setattr(versions.os, "rename" if step == "before-rename" else "replace", stop)
    with pytest.raises(Stop):
        versions.publish(new, data)
    monkeypatch.undo()
    assert current_facts(data).equals(old["facts"])
