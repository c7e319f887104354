"""kill -9 during a publish leaves exactly the old or exactly the new complete set, which loads
without error; the next build removes what the killed one left.

The set is large (20,000 facts, made as Arrow tables in the contract's schema: the checks of
validate.py write nothing, so the kills aim at the part of a build that writes). Publishes
are timed first (the shortest of three); then each kill lets a waiting tests/kill_worker.py
publish and SIGKILLs it at a chosen moment of that time, counted from the start of its
publish.
"""

from __future__ import annotations

import datetime as dt
import random
import signal
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from foreign_ties import build, paths, store, versions

# Why 10 kills are enough: they are spread evenly over 1.25 times a timed publish, kill k at
# a random moment of the k-th tenth of that time, so every part of the publish gets one on
# every run and the last ones land after it, where the new set must show. (Twenty kills at
# random moments leave some tenth without one on about 4 runs in 5.) The instants between
# the steps that matter most, before the rename and before the switch, are also forced in
# test_a_publish_stopped_between_its_steps_leaves_the_old_set.
KILLS = 10
STRETCH = 1.25  # the kills are spread over this many publish times (publishes vary in length)
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


def workers(data: Path, staged: list[Path], count: int) -> list[subprocess.Popen]:
    """`count` workers, started together (their start-up overlaps), each ready to publish."""
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.kill_worker", str(data), *map(str, staged)],
            cwd=paths.ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(count)
    ]
    for process in processes:
        assert process.stdout.readline().strip() == "ready"
    return processes


def go(process: subprocess.Popen, key: str, kill_after: float | None = None) -> None:
    """Publish set `key`; with `kill_after`, SIGKILL that many seconds into the publish."""
    process.stdin.write(key + ("" if kill_after is None else f" {kill_after:.4f}") + "\n")
    process.stdin.flush()


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
    staged = [stage(tmp_path / key, tables) for key, tables in sets.items()]
    data = tmp_path / "data"
    data.mkdir()
    versions.publish(sets["a"], data, note="a")
    (process,) = workers(data, staged, 1)  # three unkilled publishes: how long one takes
    spans = []
    for key in ("b", "a", "b"):
        go(process, key)
        word, seconds = process.stdout.readline().split()
        assert word == "published"
        spans.append(float(seconds))
    process.communicate(timeout=300)
    span = min(spans)
    assert current_facts(data).equals(sets["b"]["facts"])
    rng = random.Random(12)
    *killed, last = workers(data, staged, KILLS + 1)
    old, outcomes = "b", []
    for kill, process in enumerate(killed):
        new = "a" if old == "b" else "b"
        go(process, new, kill_after=STRETCH * span * (kill + rng.random()) / KILLS)
        process.wait(timeout=60)
        facts = current_facts(data)
        now = next((k for k in (old, new) if facts.equals(sets[k]["facts"])), None)
        assert now is not None, f"kill {kill}: neither the old nor the new set"
        outcomes.append((process.returncode, now == new))
        old = now
    assert all(code == -signal.SIGKILL or code == 0 for code, _ in outcomes)
    # the next build removes whatever the killed ones left
    go(last, "a")
    last.communicate(timeout=300)
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
