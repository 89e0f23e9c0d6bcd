#!/usr/bin/env bash
# Sets up .venv if needed, then runs lint and the tests.
#   bash scripts/test.sh          everything, slow end-to-end tests included (what CI runs), 25 slowest reported
#   bash scripts/test.sh --fast   the inner loop: no test marked slow (under 2 minutes on 2 cores)
# Further arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check obclip tests scripts
if [[ "${1:-}" == "--fast" ]]; then
    shift
    .venv/bin/python -m pytest -q -m "not slow" --durations=10 "$@"
else
    .venv/bin/python -m pytest -q --durations=25 "$@"
fi
