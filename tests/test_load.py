"""benchmarks/load.py: its BackMsg/ForwardMsg handling, and a short run against a real server
(a few sessions, a few seconds) that must end in one JSON line with no errors."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import pytest
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from benchmarks import load
from foreign_ties import paths
from tests import aio
from tests.browser.conftest import dashboard_command, start_streamlit


def test_rerun_message_carries_page_query_and_cached_hashes():
    data = load.rerun_message("compare", "indicator=fdi_projects", "http://x/compare", {"b", "a"})
    msg = BackMsg()
    msg.ParseFromString(data)
    assert msg.WhichOneof("type") == "rerun_script"
    state = msg.rerun_script
    assert state.page_name == "compare"
    assert state.query_string == "indicator=fdi_projects"
    assert list(state.cached_message_hashes) == ["a", "b"]
    assert state.HasField("widget_states") and not state.widget_states.widgets
    assert state.context_info.url == "http://x/compare"


def _forward(**kwargs) -> ForwardMsg:
    msg = ForwardMsg()
    for key, value in kwargs.items():
        setattr(msg, key, value)
    return msg


def test_read_forward_finds_the_end_of_a_run_and_its_errors():
    cached: set[str] = set()
    done = _forward(script_finished=ForwardMsg.FINISHED_SUCCESSFULLY)
    assert load.read_forward(done.SerializeToString(), cached) == (None, "done")
    early = _forward(script_finished=ForwardMsg.FINISHED_EARLY_FOR_RERUN)
    assert load.read_forward(early.SerializeToString(), cached) == (None, "continue")
    compile_error = _forward(script_finished=ForwardMsg.FINISHED_WITH_COMPILE_ERROR)
    assert load.read_forward(compile_error.SerializeToString(), cached)[1] == "done"
    boom = ForwardMsg()
    boom.delta.new_element.exception.message = "KeyError: 'x'"
    boom.hash = "h1"
    boom.metadata.cacheable = True
    error, state = load.read_forward(boom.SerializeToString(), cached)
    assert state == "continue" and "KeyError" in error
    assert cached == {"h1"}
    lost = ForwardMsg()
    lost.page_not_found.page_name = "nowhere"
    assert "nowhere" in load.read_forward(lost.SerializeToString(), cached)[0]


def test_percentile_is_nearest_rank():
    values = [float(v) for v in range(1, 101)]
    assert load.percentile(values, 50) == 50.0
    assert load.percentile(values, 95) == 95.0
    assert load.percentile([7.0], 95) == 7.0


def test_listening_pids_and_cpu_seconds_read_proc():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        assert os.getpid() in load.listening_pids(port)
    assert load.cpu_seconds([os.getpid()]) > 0
    assert load.cpu_seconds([2**22 + 1]) == 0  # a pid that does not exist


async def _chart_after(url: str, query: str) -> list[str]:
    """The Plotly specs the compare page sends for this query string."""
    stream = url.replace("http://", "ws://") + "/_stcore/stream"
    specs: list[str] = []
    async with websockets.connect(stream, subprotocols=["streamlit"], max_size=None) as ws:
        await ws.send(load.rerun_message("compare", query))
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await ws.recv())
            if msg.WhichOneof("type") == "delta" and msg.delta.new_element.HasField("plotly_chart"):
                specs.append(msg.delta.new_element.plotly_chart.spec)
            if msg.WhichOneof("type") == "script_finished":
                return specs


@pytest.fixture(scope="module")
def server():
    with start_streamlit(command=dashboard_command(), timeout=120) as running:
        yield running


def test_a_query_string_rerun_changes_the_chart(server):
    one = aio.run(_chart_after(server.url, "indicator=fdi_projects&lang=en"))
    two = aio.run(_chart_after(server.url, "indicator=intl_agreements_signed&lang=en"))
    assert one and two and one != two


def test_short_load_run_against_a_real_server(server):
    done = subprocess.run(
        [
            sys.executable,
            "benchmarks/load.py",
            *("--url", server.url, "--sessions", "3", "--seconds", "3"),
            *("--think", "0.5", "--ramp", "1", "--timeout", "60"),
        ],
        cwd=paths.ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["sessions"] == 3
    assert result["errors"] == 0, done.stderr
    assert result["interactions"] >= 3  # every session opened its page at least
    assert 0 < result["p50_ms"] <= result["p95_ms"] <= result["max_ms"]
    assert result["server_pids"] == [server.process.pid]
    assert result["server_cpu_s_per_interaction"] > 0


def test_run_cost_measures_the_servers_cpu_per_rerun(server):
    """benchmarks/run_cost.py: a page's reruns cost the server some CPU, measured from /proc."""
    from benchmarks import run_cost

    page, _, views = run_cost.PAGES[0]
    cpu_ms, wall_ms = aio.run(run_cost.page_cost(server.url, page, views, runs=2))
    assert 0 < cpu_ms and 0 < wall_ms
