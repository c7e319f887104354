"""scripts/serve_cluster.sh: nginx with sticky sessions in front of 2 replicas. Health and a
whole script run (websocket) through the proxy, the same replica for the same cookie, both
replicas in use, and SIGTERM leaves no process behind."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
import websockets

from benchmarks import load
from foreign_ties import paths
from tests import aio

REPLICAS = 2


def _free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port_block(size: int) -> int:
    for _ in range(200):
        port = random.randint(20000, 60000)
        if all(_free(port + k) for k in range(size)):
            return port
    raise RuntimeError("no free block of ports")


def get(url: str, cookie: str = "") -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, dict(response.headers), response.read()


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


async def finish_a_run(url: str, cookie: str) -> bool:
    stream = url.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(
        stream, subprotocols=["streamlit"], additional_headers={"Cookie": cookie}, max_size=None
    ) as ws:
        cached: set[str] = set()
        errors = await load.run_once(
            ws, load.rerun_message("compare", "indicator=fdi_projects&lang=en"), cached, 120
        )
        return not errors


@contextlib.contextmanager
def start_cluster(tmp_path, replicas: int, exit_with: int):
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        pytest.fail("nginx is not installed: run `bash scripts/serve_cluster.sh` once as root")
    port = free_port_block(replicas + 1)
    log = (tmp_path / "cluster.log").open("w")
    script = subprocess.Popen(
        ["bash", "scripts/serve_cluster.sh", "--replicas", str(replicas), "--port", str(port)]
        + ["--no-setup", "--exit-with", str(exit_with)],
        cwd=paths.ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 240
        while True:
            with contextlib.suppress(OSError):
                if get(f"{url}/_stcore/health")[0] == 200:
                    break
            assert script.poll() is None, (tmp_path / "cluster.log").read_text()
            assert time.monotonic() < deadline, (tmp_path / "cluster.log").read_text()
            time.sleep(0.5)
        yield script, url, port
    finally:
        if script.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(script.pid, signal.SIGKILL)
            script.wait(timeout=30)
        log.close()


@pytest.fixture
def cluster(tmp_path):
    with start_cluster(tmp_path, REPLICAS, os.getpid()) as running:
        yield running


def test_cluster_proxies_sticks_and_stops_cleanly(cluster):
    script, url, port = cluster
    status, _, body = get(f"{url}/_stcore/health")
    assert (status, body) == (200, b"ok")

    upstreams, cookies = set(), []
    for _ in range(16):
        _, headers, _ = get(f"{url}/")
        upstreams.add(headers["X-FT-Upstream"])
        cookies.append(headers["Set-Cookie"].split(";", 1)[0])
    assert upstreams == {f"127.0.0.1:{port + k}" for k in range(1, REPLICAS + 1)}
    assert all(c.startswith("ft_replica=") for c in cookies)
    # the same cookie always reaches the same replica, for pages and the health check alike
    first = get(f"{url}/", cookies[0])[1]["X-FT-Upstream"]
    assert "ft_replica" not in get(f"{url}/", cookies[0])[1].get("Set-Cookie", "")
    for path in ("/", "/compare", "/_stcore/health"):
        assert get(f"{url}{path}", cookies[0])[1]["X-FT-Upstream"] == first
    # a whole script run over the websocket through the proxy (Upgrade headers passed on)
    assert aio.run(finish_a_run(url, cookies[0]))

    pids = sorted({p for k in range(REPLICAS + 1) for p in load.listening_pids(port + k)})
    assert len(pids) >= REPLICAS + 1  # the replicas and nginx
    script.send_signal(signal.SIGTERM)
    assert script.wait(timeout=60) == 0
    time.sleep(0.5)
    assert [p for p in pids if alive(p)] == []
    assert [p for k in range(REPLICAS + 1) for p in load.listening_pids(port + k)] == []


def test_cluster_stops_when_the_process_it_serves_ends(tmp_path):
    """--exit-with: a test run killed mid-way leaves no cluster behind."""
    owner = subprocess.Popen(["sleep", "600"])
    try:
        with start_cluster(tmp_path, 1, owner.pid) as (script, _, port):
            pids = sorted({p for k in range(2) for p in load.listening_pids(port + k)})
            owner.kill()
            owner.wait()
            assert script.wait(timeout=60) == 0
            time.sleep(0.5)
            assert [p for p in pids if alive(p)] == []
    finally:
        owner.kill()
        owner.wait()
