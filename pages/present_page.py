"""Present: full-screen slides for a projector (see foreign_ties/ui/present.py)."""

from foreign_ties.ui import present

present.render()
