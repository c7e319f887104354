#!/usr/bin/env bash
# Set up (if needed) and start the dashboard on http://localhost:8501 (bundled data).
#
#   bash scripts/run_dashboard.sh [streamlit run options, e.g. --server.port 8600]
#
# Uses `python -m foreign_ties.ui.serve` (plain `streamlit run app.py` plus the flag that makes
# deep links work on a fresh server; see README "Pages and navigation") when present.
# Options given here come last and win over the defaults below.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"   # also cd's to the repository root

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    headless=false   # a desktop session: let Streamlit open the browser
else
    headless=true
fi
defaults=(--server.headless "$headless" --browser.gatherUsageStats false)

if [ -f foreign_ties/ui/serve.py ]; then
    exec .venv/bin/python -m foreign_ties.ui.serve "${defaults[@]}" "$@"
fi
exec .venv/bin/streamlit run app.py "${defaults[@]}" "$@"
