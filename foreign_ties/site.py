"""The pages of the app, as data.

Why every url_path differs from its file's name: the layout keeps page scripts in a folder
named `pages/` beside app.py, which Streamlit also reads as its legacy (v1) page list until
a session has called `st.navigation`. AppTest starts every run that way (a served app does
not: foreign_ties/ui/serve.py declares navigation before the server starts). A page hash
is the hash of its url path, so if our url path equalled the file-derived one, the legacy
list would claim the page and run the script *without* app.py (no sidebar, no filters).
With distinct url paths the legacy lookup misses, falls back to app.py, and app.py's
`st.navigation` picks the page. tests/test_site.py guards this rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PageSpec:
    script: str
    url_path: str
    title_key: str
    section_key: str
    icon: str
    default: bool = False

    @property
    def link(self) -> str:
        """The path a browser opens: the default page lives at the app's root."""
        return "" if self.default else self.url_path

    @property
    def legacy_url_path(self) -> str:
        """The url path Streamlit's legacy pages/ mechanism would give this script."""
        return Path(self.script).stem


PAGES = (
    PageSpec(
        "pages/overview_page.py",
        "overview",
        "nav.overview",
        "nav.section.dashboard",
        ":material/dashboard:",
        default=True,
    ),
    PageSpec(
        "pages/son_la_profile.py",
        "son-la",
        "place.son-la",
        "nav.section.profiles",
        ":material/location_on:",
    ),
    PageSpec(
        "pages/lang_son_profile.py",
        "lang-son",
        "place.lang-son",
        "nav.section.profiles",
        ":material/location_on:",
    ),
    PageSpec(
        "pages/tuyen_quang_profile.py",
        "tuyen-quang",
        "place.tuyen-quang",
        "nav.section.profiles",
        ":material/location_on:",
    ),
    PageSpec(
        "pages/vietnam_profile.py",
        "vietnam",
        "place.vietnam",
        "nav.section.profiles",
        ":material/flag:",
    ),
    PageSpec(
        "pages/compare_page.py",
        "compare",
        "nav.compare",
        "nav.section.dashboard",
        ":material/bar_chart:",
    ),
    PageSpec(
        "pages/trade_page.py",
        "trade",
        "nav.trade",
        "nav.section.dashboard",
        ":material/trending_up:",
    ),
    PageSpec(
        "pages/sources_page.py",
        "sources",
        "nav.sources",
        "nav.section.dashboard",
        ":material/menu_book:",
    ),
    PageSpec(
        "pages/partners_page.py",
        "partners",
        "nav.partners",
        "nav.section.dashboard",
        ":material/public:",
    ),
    PageSpec(
        "pages/present_page.py",
        "present",
        "nav.present",
        "nav.section.dashboard",
        ":material/slideshow:",
    ),
    PageSpec(
        "pages/add_figures.py",
        "add",
        "nav.add",
        "nav.section.editors",
        ":material/edit_note:",
    ),
)
