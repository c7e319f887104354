"""Start the Streamlit server with the `pages/` folder treated as plain scripts.

`python -m foreign_ties.ui.serve [streamlit run options]` is `streamlit run app.py`, except
for one flag. Streamlit decides once per server process whether a folder named `pages/`
beside app.py means its legacy (v1) multipage mode; the first run of a fresh server then
resolves the URL against that folder and, for a deep link such as /compare, shows "Page not
found" before app.py's `st.navigation` takes over. Our app always declares its pages with
`st.navigation` (see foreign_ties/site.py), so we tell Streamlit so before it starts.
"""

from __future__ import annotations

import sys

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

from foreign_ties.paths import ROOT


def main(argv: list[str]) -> None:
    PagesManager.uses_pages_directory = False  # app.py calls st.navigation on every run
    sys.argv = ["streamlit", "run", str(ROOT / "app.py"), *argv]
    sys.exit(cli.main())


if __name__ == "__main__":
    main(sys.argv[1:])
