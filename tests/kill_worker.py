"""A build's publishing step, waiting for a go: `python -m tests.kill_worker DATA STAGED`.

Loads the staged tables (STAGED/*.parquet), prints "ready", waits for a line on stdin, then
publishes them as a new version of DATA. tests/test_kill.py kills it with SIGKILL at a
random moment of that publish.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pyarrow.parquet as pq

from foreign_ties import paths, versions


def main(data: Path, staged: Path) -> int:
    tables = {name: pq.read_table(staged / f"{name}.parquet") for name in paths.TABLES}
    print("ready", flush=True)
    sys.stdin.readline()
    versions.publish(tables, data, note=f"from {staged.name}", by="kill-test")
    print("published", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
