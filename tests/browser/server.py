"""Start a Streamlit server for a test: `start_streamlit(...)` and the dashboard's command.

Used by the browser tests' fixtures (tests/browser/conftest.py, which re-exports both names)
and by tests that need a server of their own (a fresh one, or one over other data).
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVER_START_TIMEOUT = 60.0  # seconds until /_stcore/health answers "ok"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class StreamlitServer:
    url: str  # base URL without a trailing slash, e.g. http://127.0.0.1:34567
    port: int
    process: subprocess.Popen
    log_path: Path  # the server's stdout+stderr

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200 and response.read().strip() == b"ok"
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


@contextlib.contextmanager
def start_streamlit(
    script: str | Path = "app.py",
    *,
    port: int | None = None,
    extra_args: Sequence[str] = (),
    command: Sequence[str] | None = None,
    timeout: float = SERVER_START_TIMEOUT,
) -> Iterator[StreamlitServer]:
    """Run `streamlit run <script>` from the repository root on a free port; stop it after.

    `command` replaces `python -m streamlit run <script>` (e.g. `python -m foreign_ties.ui.serve`);
    the server options are appended to it either way. The environment is passed through
    untouched (FOREIGN_TIES_DATA included). If the server does not answer
    /_stcore/health within `timeout` seconds the test fails, showing the server's output.
    """
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    base = list(command) if command else [sys.executable, "-m", "streamlit", "run", str(script)]
    argv = [
        *base,
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
        *extra_args,
    ]
    log_file = tempfile.NamedTemporaryFile(prefix=f"streamlit-{port}-", suffix=".log", delete=False)
    log_path = Path(log_file.name)
    process = subprocess.Popen(
        argv,
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        stdin=subprocess.DEVNULL,
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )
    log_file.close()
    server = StreamlitServer(url=url, port=port, process=process, log_path=log_path)
    try:
        deadline = time.monotonic() + timeout
        while not _healthy(url):
            if process.poll() is not None:
                pytest.fail(
                    f"streamlit exited with code {process.returncode} before answering "
                    f"{url}/_stcore/health.\ncommand: {' '.join(argv)}\n"
                    f"--- server output ---\n{server.log()}",
                    pytrace=False,
                )
            if time.monotonic() > deadline:
                pytest.fail(
                    f"streamlit did not answer {url}/_stcore/health within {timeout:.0f} s.\n"
                    f"command: {' '.join(argv)}\n--- server output ---\n{server.log()}",
                    pytrace=False,
                )
            time.sleep(0.2)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        with contextlib.suppress(OSError):
            log_path.unlink()


def dashboard_command() -> list[str]:
    """How the run script starts the dashboard (see scripts/run_dashboard.sh, README)."""
    if (ROOT / "foreign_ties" / "ui" / "serve.py").exists():
        return [sys.executable, "-m", "foreign_ties.ui.serve"]
    return [sys.executable, "-m", "streamlit", "run", "app.py"]
