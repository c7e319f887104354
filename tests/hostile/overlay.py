"""Lay a hostile case over a copy of the good fixture (files, links and folders as they are)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def overlay(case: Path, data: Path) -> None:
    for folder, dirs, files in os.walk(case):
        rel = Path(folder).relative_to(case)
        (data / rel).mkdir(parents=True, exist_ok=True)
        for name in [*files, *(d for d in dirs if (Path(folder) / d).is_symlink())]:
            source, target = Path(folder) / name, data / rel / name
            if target.is_symlink() or target.is_file():
                target.unlink()
            if source.is_symlink():
                os.symlink(os.readlink(source), target)
            else:
                shutil.copyfile(source, target)
