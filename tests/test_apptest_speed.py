"""The component scan that tests/apptest_speed.py memoises exists and is what AppTest calls."""

import inspect

from streamlit.components.v2 import component_manager, manifest_scanner

from tests.apptest_speed import SCANNER, scan_component_manifests_once


def test_the_component_scan_is_still_where_apptest_finds_it():
    """Fails when Streamlit moves the scan: then tests/apptest_speed.py no longer saves the
    0.3 s per AppTest and should be revisited (or removed)."""
    assert callable(getattr(manifest_scanner, SCANNER)), f"manifest_scanner.{SCANNER} is gone"
    manager = component_manager.BidiComponentManager
    assert SCANNER in inspect.getsource(manager.discover_and_register_components), (
        "BidiComponentManager no longer calls the scanner by name at run time"
    )
    scan_component_manifests_once()
    assert hasattr(getattr(manifest_scanner, SCANNER), "cache_info"), "scan not memoised"
