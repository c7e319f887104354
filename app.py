"""Entry point: page config, shared filters in the sidebar, navigation, URL sync.

Run with `bash scripts/run_dashboard.sh` (or `streamlit run app.py` inside the venv).
"""

from foreign_ties import ui

filters = ui.setup()
page = ui.navigation()
ui.remember_filters(filters)
page.run()
ui.sync_url(filters)
