#!/usr/bin/env bash
# Set up (if needed) and lint: `ruff check` and `ruff format --check` (config in pyproject.toml).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"   # also cd's to the repository root
.venv/bin/python -m ruff check .
.venv/bin/python -m ruff format --check .
