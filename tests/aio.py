"""Run a coroutine to its end from a test, even on a worker where Playwright's sync API has
an event loop running (asyncio.run refuses to start inside a running loop)."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor


def run(coroutine):
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
