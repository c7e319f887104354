"""Protocol-level load test: many viewers on Streamlit's websocket protocol, no browsers.

    .venv/bin/python benchmarks/load.py --url http://127.0.0.1:8501 --sessions 100 --seconds 60

Each session does what a viewer's browser does on the wire: GETs the page (keeping any
cookie, e.g. a proxy's sticky-session cookie), opens /_stcore/stream with the "streamlit"
subprotocol, sends a BackMsg `rerun_script` (the page's URL path as page_name, its query
string, the hashes of cacheable messages already received), and reads ForwardMsgs until
`script_finished`. Then, after a think time, it changes its filters with a new query string
(the dashboard seeds its widgets from the URL when the URL has new input) and waits again,
until the time is up. Session starts are spread over --ramp seconds.

An interaction is one rerun from request to script_finished; its latency is what the viewer
waits for the server (the browser's drawing time is not included). Errors: refused or lost
connections, runs over --timeout, an exception element in the page, a compile error, or
"page not found". Server CPU: utime+stime of the server processes (--server-pids, or the
processes listening on --server-ports, default the URL's port) from /proc/<pid>/stat before
and after. The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import resource
import statistics
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

# (URL path, filter states a viewer moves through). Parameters: see foreign_ties/ui/.
SCENARIOS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "compare",
        (
            "indicator=fdi_projects&lang=en",
            "indicator=fdi_registered_capital&lang=en",
            "indicator=intl_agreements_signed&lang=en",
            "indicator=fdi_projects&years=2015&years=2024&lang=en",
            "indicator=fdi_projects&provinces=son-la&provinces=lang-son&lang=vi",
        ),
    ),
    ("", ("lang=en", "lang=vi", "provinces=son-la&provinces=tuyen-quang&lang=en")),
    ("son-la", ("lang=en", "years=2018&years=2025&lang=en", "lang=vi")),
    ("trade", ("lang=en", "currency=VND&lang=en", "years=2020&years=2025&lang=en")),
)
FINISHED = ForwardMsg.ScriptFinishedStatus
DONE = {FINISHED.FINISHED_SUCCESSFULLY, FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}


def rerun_message(
    page_name: str, query_string: str, url: str = "", cached: set[str] | None = None
) -> bytes:
    """A serialized BackMsg asking the server to run the page with this query string."""
    msg = BackMsg()
    state = msg.rerun_script
    state.query_string = query_string
    state.page_name = page_name
    state.widget_states.SetInParent()
    state.cached_message_hashes.extend(sorted(cached or ()))
    state.context_info.timezone = "UTC"
    state.context_info.locale = "en-US"
    state.context_info.url = url
    return msg.SerializeToString()


def read_forward(data: bytes, cached: set[str]) -> tuple[str | None, str | None]:
    """(error text or None, 'done' | 'continue') of one ForwardMsg; remembers cacheable hashes."""
    msg = ForwardMsg()
    msg.ParseFromString(data)
    if msg.metadata.cacheable and msg.hash:
        cached.add(msg.hash)
    kind = msg.WhichOneof("type")
    if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
        element = msg.delta.new_element
        if element.WhichOneof("type") == "exception":
            return f"exception in page: {element.exception.message[:200]}", "continue"
    if kind == "page_not_found":
        return f"page not found: {msg.page_not_found.page_name!r}", "continue"
    if kind == "script_finished":
        if msg.script_finished in DONE:
            return None, "done"
        if msg.script_finished == FINISHED.FINISHED_WITH_COMPILE_ERROR:
            return "script finished with a compile error", "done"
    return None, "continue"


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]


def listening_pids(port: int) -> list[int]:
    """Processes with a socket listening on `port` (from /proc/net/tcp{,6} and /proc/*/fd)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            cells = line.split()
            if cells[3] == "0A" and int(cells[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(f"socket:[{cells[9]}]")
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if any(os.readlink(fd) in inodes for fd in (proc / "fd").iterdir()):
                pids.append(int(proc.name))
        except OSError:
            continue
    return sorted(pids)


def cpu_seconds(pids: list[int]) -> float:
    """utime + stime of the processes, in seconds (vanished processes count 0)."""
    total = 0
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # fields 14 and 15 of proc(5)
    return total / os.sysconf("SC_CLK_TCK")


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def fetch_cookie(url: str, timeout: float) -> str:
    """GET the page as a browser would; the Cookie header to send back (may be empty)."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        response.read()
        cookies = response.headers.get_all("Set-Cookie") or []
    return "; ".join(c.split(";", 1)[0] for c in cookies)


async def run_once(ws, message: bytes, cached: set[str], timeout: float) -> list[str]:
    """Send one rerun and read until it finishes; the errors seen."""
    errors: list[str] = []
    await ws.send(message)
    async with asyncio.timeout(timeout):
        while True:
            error, state = read_forward(await ws.recv(), cached)
            if error:
                errors.append(error)
            if state == "done":
                return errors


async def session(k: int, args: argparse.Namespace, stats: Stats, deadline: float) -> None:
    rng = random.Random(args.seed * 1000 + k)
    page, states = SCENARIOS[k % len(SCENARIOS)]
    await asyncio.sleep(args.ramp * k / max(1, args.sessions))
    base = args.url.rstrip("/")
    parts = urlsplit(base)
    scheme = "wss" if parts.scheme == "https" else "ws"
    stream = f"{scheme}://{parts.netloc}{parts.path}/_stcore/stream"
    cached: set[str] = set()
    try:
        cookie = await asyncio.to_thread(fetch_cookie, f"{base}/{page}", args.timeout)
        headers = {"Cookie": cookie} if cookie else {}
        async with websockets.connect(
            stream,
            subprotocols=["streamlit"],
            additional_headers=headers,
            max_size=None,
            open_timeout=args.timeout,
        ) as ws:
            step = rng.randrange(len(states))
            while time.monotonic() < deadline:
                query = states[step % len(states)]
                message = rerun_message(page, query, f"{base}/{page}?{query}", cached)
                start = time.perf_counter()
                errors = await run_once(ws, message, cached, args.timeout)
                if errors:
                    stats.errors.extend(errors)
                else:
                    stats.latencies.append((time.perf_counter() - start) * 1000)
                step += 1
                await asyncio.sleep(args.think * rng.uniform(0.5, 1.5))
    except (OSError, TimeoutError, websockets.exceptions.WebSocketException) as exc:
        stats.errors.append(f"session {k}: {type(exc).__name__}: {exc}"[:300])


async def drive(args: argparse.Namespace) -> Stats:
    stats = Stats()
    deadline = time.monotonic() + args.seconds
    await asyncio.gather(*(session(k, args, stats, deadline) for k in range(args.sessions)))
    return stats


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", required=True, help="e.g. http://127.0.0.1:8501")
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=30, help="length of the test")
    parser.add_argument("--think", type=float, default=2.0, help="mean think time (s)")
    parser.add_argument("--ramp", type=float, default=None, help="spread session starts")
    parser.add_argument("--timeout", type=float, default=30.0, help="per interaction (s)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--server-pids", default="", help="comma-separated pids")
    parser.add_argument("--server-ports", default="", help="comma-separated ports")
    args = parser.parse_args(argv)
    if args.ramp is None:
        args.ramp = min(10.0, args.seconds / 3)
    if args.server_pids:
        pids = [int(p) for p in args.server_pids.split(",") if p]
    else:
        ports = [int(p) for p in args.server_ports.split(",") if p] or [
            urlsplit(args.url).port or 80
        ]
        pids = sorted({pid for port in ports for pid in listening_pids(port)})
    cpu_before, began = cpu_seconds(pids), time.perf_counter()
    stats = asyncio.run(drive(args))
    elapsed, server_cpu = time.perf_counter() - began, cpu_seconds(pids) - cpu_before
    for error in sorted(set(stats.errors))[:10]:
        print(f"error: {error}", file=sys.stderr)
    n = len(stats.latencies)
    result = {
        "sessions": args.sessions,
        "interactions": n,
        "errors": len(stats.errors),
        "p50_ms": round(statistics.median(stats.latencies), 1) if n else None,
        "p95_ms": round(percentile(stats.latencies, 95), 1) if n else None,
        "max_ms": round(max(stats.latencies), 1) if n else None,
        "server_cpu_s_per_interaction": round(server_cpu / n, 4) if n else None,
        "server_cpu_s": round(server_cpu, 2),
        "server_pids": pids,
        "seconds": round(elapsed, 1),
        "think_s": args.think,
        "client_cpu_s": round(resource.getrusage(resource.RUSAGE_SELF).ru_utime, 2),
    }
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
