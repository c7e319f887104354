"""Entry point: page config, shared filters in the sidebar, navigation, URL sync.

Run with `bash scripts/run_dashboard.sh` (or `streamlit run app.py` inside the venv).
An address that names no page gets a "page not found" with links (ui/not_found.py), not
the Overview.
"""

from foreign_ties import ui
from foreign_ties.ui import not_found

filters = ui.setup()
page = ui.navigation()
ui.remember_filters(filters)
missing = not_found.requested_unknown()
if missing:
    not_found.page_not_found(missing)
else:
    page.run()
ui.sync_url(filters)
