#!/usr/bin/env bash
# Set up (if needed) and run the test suite: unit, data, AppTest and browser tests.
#
#   bash scripts/run_tests.sh                          # everything (options from pyproject.toml)
#   bash scripts/run_tests.sh tests/test_store.py -x   # any pytest arguments
#   bash scripts/run_tests.sh -m "not browser"         # skip the headless-Chromium tests
#
# Prints pytest's summary line and exits with pytest's exit code.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"   # also cd's to the repository root; exports CHROMIUM_PATH

set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
exit "$status"
