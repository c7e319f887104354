"""A build's publishing step, waiting for its go: `python -m tests.kill_worker DATA STAGED...`.

Loads the staged sets (each STAGED folder holds one *.parquet per table), prints "ready",
then for each line "<name> [<seconds>]" it reads: publishes the set from the folder of that
name as a new version of DATA and prints "published <seconds the publish took>". With
<seconds>, the worker is killed with SIGKILL that long after that publish started, wherever
it is.

The kill comes from a timer thread in the worker itself: timed from the moment the publish
starts, not from a line sent through a pipe, whose delivery on a busy machine can take longer
than a whole publish. A SIGKILL is the same whoever sends it: the process stops at once,
running no cleanup. tests/test_kill.py starts several workers at once (their start-up
overlaps) and kills all but the last.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path

import pyarrow.parquet as pq

from foreign_ties import paths, versions


def main(data: Path, staged: list[Path]) -> int:
    sets = {
        folder.name: {name: pq.read_table(folder / f"{name}.parquet") for name in paths.TABLES}
        for folder in staged
    }
    print("ready", flush=True)
    for line in sys.stdin:
        chosen, *kill_after = line.split()
        if kill_after:
            killer = threading.Timer(float(kill_after[0]), os.kill, (os.getpid(), signal.SIGKILL))
            killer.daemon = True
            killer.start()
        start = time.monotonic()
        versions.publish(sets[chosen], data, note=f"from {chosen}", by="kill-test")
        print(f"published {time.monotonic() - start:.4f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), [Path(arg) for arg in sys.argv[2:]]))
