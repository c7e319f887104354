"""Where things live. One place, so tests can point the package at a temporary copy."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("FOREIGN_TIES_DATA", ROOT / "data"))
CURATED_DIR = DATA_DIR / "curated"
DOCUMENTS_DIR = DATA_DIR / "documents"
PARQUET_DIR = DATA_DIR / "parquet"
QUERIES_DIR = ROOT / "queries"

# The tables of the data contract, in build order.
TABLES = ("provinces", "indicators", "sources", "documents", "facts", "partners", "fx_rates")
