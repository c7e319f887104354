"""Chart images (PNG, SVG, PDF) drawn offline by kaleido.

Images are drawn by kaleido 1.x in Debian's chromium. One kaleido server per process,
started on first use and reused (starting chromium costs seconds, a chart a few hundred
milliseconds); plotly.js comes from the installed plotly package, MathJax is off (it would
be fetched from a CDN) and map outlines come from static/plotly-topojson when present.
Table downloads (CSV, XLSX) are in `downloads.py`.
"""

from __future__ import annotations

import atexit
import os
import threading

import plotly.graph_objects as go
import plotly.io as pio

from foreign_ties.paths import ROOT

CHROMIUM = os.environ.get("CHROMIUM_PATH") or os.environ.get("BROWSER_PATH") or "/usr/bin/chromium"
TOPOJSON_DIR = ROOT / "static" / "plotly-topojson"
IMAGE_SCALE = 2

_lock = threading.Lock()
_started = False


def topojson_url() -> str | None:
    """file:// URL of the local map outlines (with a trailing slash), if the folder exists."""
    return TOPOJSON_DIR.as_uri() + "/" if TOPOJSON_DIR.is_dir() else None


def _server() -> None:
    """Start the kaleido server once per process (callers hold `_lock`)."""
    global _started
    if _started:
        return
    import kaleido

    os.environ.setdefault("BROWSER_PATH", CHROMIUM)
    if topojson_url():
        pio.defaults.topojson = topojson_url()
    kaleido.start_sync_server(n=1, mathjax=False, path=CHROMIUM, timeout=60, silence_warnings=True)
    atexit.register(kaleido.stop_sync_server, silence_warnings=True)
    _started = True


def warm_up() -> None:
    """Start the image server now (the first image otherwise waits for chromium)."""
    image(go.Figure(), "png", width=10, height=10, scale=1)


def image(
    fig: go.Figure,
    fmt: str,
    width: int | None = None,
    height: int | None = None,
    scale: float = IMAGE_SCALE,
) -> bytes:
    """The figure as PNG (scaled `scale` times) or SVG bytes, drawn offline."""
    import kaleido

    if fmt not in ("png", "svg", "pdf"):
        raise ValueError(f"unsupported image format {fmt!r}")
    width = width or fig.layout.width or 1600
    height = height or fig.layout.height or 900
    opts = {"format": fmt, "width": width, "height": height, "scale": scale}
    with _lock:
        _server()
        return kaleido.calc_fig_sync(fig, opts=opts, topojson=topojson_url())
