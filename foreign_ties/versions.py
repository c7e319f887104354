"""Published versions of the data: one folder each, one atomic switch, a history to restore.

    python -m foreign_ties.versions list          one line per version, oldest first
    python -m foreign_ties.versions restore ID    make an earlier version current again

Layout (data/ or FOREIGN_TIES_DATA):

    versions/<id>/*.parquet + manifest.json   a complete set: id, created_at, by, note,
                                               row counts, sha256 of every file
    parquet -> versions/<id>                   a relative symlink: the current version

`publish` writes a new version into versions/.tmp-*, reads it back and checks every file
against its manifest, renames the folder to versions/<id>, then makes it current with ONE
`os.replace` of a new symlink over `parquet` (readers see the old set or the new one, never
a mix). A restore publishes a copy of an earlier version as a new version, so the history
only grows and a restore can itself be undone. Leftovers of a killed run (.tmp-* folders,
.parquet-* links) are removed by the next publish; versions beyond KEEP are pruned.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import hashlib
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from foreign_ties import paths

KEEP = int(os.environ.get("FOREIGN_TIES_KEEP_VERSIONS", "20"))
MANIFEST = "manifest.json"


class VersionError(Exception):
    """A version that does not exist or does not match its manifest."""


def versions_dir(data_dir: Path) -> Path:
    return data_dir / "versions"


def current_id(data_dir: Path) -> str | None:
    """The id of the current version (the target of the `parquet` link), if any."""
    link = data_dir / "parquet"
    if not link.is_symlink():
        return None
    return Path(os.readlink(link)).name


def manifest(data_dir: Path, version_id: str) -> dict:
    path = versions_dir(data_dir) / version_id / MANIFEST
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise VersionError(f"version {version_id} has no readable manifest ({exc})") from exc


def history(data_dir: Path) -> list[dict]:
    """Every complete version's manifest, oldest first."""
    found = []
    folder = versions_dir(data_dir)
    for path in sorted(folder.glob("*/" + MANIFEST)) if folder.is_dir() else []:
        if path.parent.name.startswith("."):
            continue
        try:
            found.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
    return sorted(found, key=lambda m: (m["created_at"], m["id"]))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def verify(folder: Path) -> dict:
    """Read a version folder back: every file matches its checksum and row count."""
    meta = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    for name, info in meta["tables"].items():
        file = folder / f"{name}.parquet"
        if _sha256(file) != info["sha256"]:
            raise VersionError(f"{file} does not match its checksum")
        if pq.read_metadata(file).num_rows != info["rows"]:
            raise VersionError(f"{file} does not hold {info['rows']} rows")
    return meta


def reads_back(file: Path, table: pa.Table, batch_bytes: int = 1 << 23) -> bool:
    """pq.read_table(file).equals(table), about `batch_bytes` at a time (a large table is
    not read back whole next to the one in memory)."""
    batch_rows = max(1, len(table) * batch_bytes // max(1, table.nbytes))
    with pq.ParquetFile(file) as parquet:
        if not parquet.schema_arrow.equals(table.schema) or parquet.metadata.num_rows != len(table):
            return False
        offset = 0
        for batch in parquet.iter_batches(batch_size=batch_rows):
            if not pa.Table.from_batches([batch]).equals(table.slice(offset, batch.num_rows)):
                return False
            offset += batch.num_rows
    return offset == len(table)


def clean_leftovers(data_dir: Path) -> None:
    """Remove what a killed publish may have left (never a complete version)."""
    for path in versions_dir(data_dir).glob(".tmp-*"):
        shutil.rmtree(path, ignore_errors=True)
    for path in data_dir.glob(".parquet-*"):
        path.unlink(missing_ok=True)


def _switch(data_dir: Path, version_id: str) -> None:
    """Make `version_id` current: one atomic rename of a new symlink over `parquet`."""
    link = data_dir / "parquet"
    if link.is_dir() and not link.is_symlink():  # the old layout: a folder of files
        legacy = versions_dir(data_dir) / f".legacy-{os.getpid()}"
        os.rename(link, legacy)
        shutil.rmtree(legacy, ignore_errors=True)
    new = data_dir / f".parquet-{os.getpid()}"
    new.unlink(missing_ok=True)
    os.symlink(Path("versions") / version_id, new)
    os.replace(new, link)
    _fsync_dir(data_dir)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _new_id(now: dt.datetime, digest: str) -> str:
    return now.strftime("%Y%m%dT%H%M%S.%fZ") + "-" + digest[:8]


def publish(
    tables: dict[str, pa.Table],
    data_dir: Path,
    note: str = "",
    by: str | None = None,
    extra: dict | None = None,
) -> str:
    """Write, verify and switch to a new version of `tables`; returns its id.

    `extra`: more to record in the manifest (an ingest's source and figures); it never
    replaces the keys above."""
    clean_leftovers(data_dir)
    folder = versions_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=folder))
    os.chmod(tmp, 0o755)  # readable like the rest of data/ (mkdtemp makes it private)
    try:
        infos = {}
        for name, table in tables.items():
            file = tmp / f"{name}.parquet"
            pq.write_table(table, file, compression="zstd")
            infos[name] = {"rows": table.num_rows, "sha256": _sha256(file)}
        for name, table in tables.items():  # read back: the same table, not only the bytes
            if not reads_back(tmp / f"{name}.parquet", table):
                raise VersionError(f"read-back of {name} differs from what was written")
        now = dt.datetime.now(dt.UTC)
        digest = hashlib.sha256(json.dumps(infos, sort_keys=True).encode("utf-8")).hexdigest()
        version_id = _new_id(now, digest)
        meta = {
            "id": version_id,
            "created_at": now.isoformat(timespec="microseconds").replace("+00:00", "Z"),
            "by": by or os.environ.get("USER") or getpass.getuser(),
            "note": note,
            "rows": {name: info["rows"] for name, info in infos.items()},
            "tables": infos,
        }
        for key, value in (extra or {}).items():
            meta.setdefault(key, value)
        (tmp / MANIFEST).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
        verify(tmp)
        for file in tmp.iterdir():
            with open(file, "rb") as handle:
                os.fsync(handle.fileno())
        os.rename(tmp, folder / version_id)
        _fsync_dir(folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    _switch(data_dir, version_id)
    prune(data_dir)
    return version_id


def prune(data_dir: Path, keep: int | None = None) -> list[str]:
    """Delete the oldest versions beyond `keep` (never the current one)."""
    keep = KEEP if keep is None else keep
    current = current_id(data_dir)
    old = [m["id"] for m in history(data_dir)][: -keep or None] if keep > 0 else []
    removed = []
    for version_id in old:
        if version_id != current:
            shutil.rmtree(versions_dir(data_dir) / version_id, ignore_errors=True)
            removed.append(version_id)
    return removed


def restore(data_dir: Path, version_id: str, by: str | None = None) -> str:
    """Publish a copy of an earlier version as the newest one; returns the new id."""
    folder = versions_dir(data_dir) / version_id
    if version_id.startswith(".") or not (folder / MANIFEST).is_file():
        raise VersionError(
            f"no version {version_id!r} (see `python -m foreign_ties.versions list`)"
        )
    meta = verify(folder)
    tables = {name: pq.read_table(folder / f"{name}.parquet") for name in meta["tables"]}
    extra = {"restored_from": version_id}
    return publish(tables, data_dir, note=f"restore of {version_id}", by=by, extra=extra)


def line(meta: dict, current: str | None) -> str:
    counts = ", ".join(f"{name} {rows}" for name, rows in meta["rows"].items())
    mark = "  (current)" if meta["id"] == current else ""
    note = meta.get("note") or "-"
    return f"{meta['id']}  {meta['created_at']}  {meta['by']}  {note}  [{counts}]{mark}"


def main(argv: list[str] | None = None, data_dir: Path | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m foreign_ties.versions",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="one line per version, oldest first")
    restore_cmd = sub.add_parser("restore", help="make an earlier version current again")
    restore_cmd.add_argument("id")
    restore_cmd.add_argument("--editor", help="who restores (default: $USER)")
    args = parser.parse_args(argv)
    data_dir = Path(data_dir or paths.DATA_DIR)
    if args.command == "list":
        current = current_id(data_dir)
        for meta in history(data_dir):
            print(line(meta, current))
        return 0
    try:
        new_id = restore(data_dir, args.id, by=args.editor)
    except (VersionError, OSError) as exc:
        print(f"restore refused: {exc}; the current data is unchanged", file=sys.stderr)
        return 1
    print(f"restored {args.id} as new version {new_id} (undo: restore the previous id)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
