"""Profile of vietnam: every figure by family, its partners and its sources."""

from foreign_ties import ui
from foreign_ties.ui import profile

profile.render("vietnam", ui.filters())
