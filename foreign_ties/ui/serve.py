"""Start the dashboard's Streamlit server: `streamlit run app.py`, with deep links working on
a freshly started server.

`python -m foreign_ties.ui.serve [streamlit run options]` is what scripts/run_dashboard.sh
runs. Why it exists: a folder named `pages/` beside app.py is Streamlit's legacy multipage
mechanism. Streamlit's documented rule (st.navigation's reference page) is that "as soon as
any session of your app executes the st.navigation command, your app will ignore the pages/
directory (across all sessions)". On a fresh server no session has run yet, so the first
visitor's deep link (/compare) is looked up in the legacy list, misses, and a "Page not
found" notice shows before app.py's `st.navigation` takes over. `declare_navigation()` calls
the public `st.navigation` once in the server process before the server starts, so the
pages/ folder is ignored from the first visitor on.

This is the only module that imports from `streamlit.web` or `streamlit.runtime`
(tests/test_site.py checks that, and tests/test_serve.py fails loudly if Streamlit stops
honouring the rule above).
"""

from __future__ import annotations

import logging
import sys

import streamlit as st

from foreign_ties.paths import ROOT


def declare_navigation() -> None:
    """Tell Streamlit, before any session, that this app declares its pages with
    st.navigation (app.py calls it on every run), so `pages/` is not a legacy page list."""
    quiet = logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # "missing ScriptRunContext": expected outside a session
    try:
        st.navigation([st.Page(lambda: None, title="app", url_path="app")])
    finally:
        quiet.setLevel(level)


def main(argv: list[str]) -> None:
    from streamlit.web import cli  # the `streamlit run` command line, in this process

    declare_navigation()
    sys.argv = ["streamlit", "run", str(ROOT / "app.py"), *argv]
    sys.exit(cli.main())


if __name__ == "__main__":
    main(sys.argv[1:])
