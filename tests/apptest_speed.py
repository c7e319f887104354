"""The one place the tests reach into Streamlit's internals: AppTest's component scan, done once.

Each new AppTest's first run scans every installed distribution's metadata for Streamlit
component manifests (`streamlit.components.v2.manifest_scanner.scan_component_manifests`):
about 0.3 CPU-seconds per AppTest here, more than most of our page runs. The installed
packages do not change while the tests run, so the scan is done once per process.
tests/test_apptest_speed.py fails loudly when Streamlit renames or moves the function.
"""

from __future__ import annotations

import functools

from streamlit.components.v2 import manifest_scanner

SCANNER = "scan_component_manifests"


def scan_component_manifests_once() -> None:
    """Memoise the component-manifest scan for this process (idempotent)."""
    scan = getattr(manifest_scanner, SCANNER)
    if not hasattr(scan, "cache_info"):
        setattr(manifest_scanner, SCANNER, functools.cache(scan))
