#!/usr/bin/env bash
# Sets up .venv if needed, then runs lint and the whole test suite (slow end-to-end tests included).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check obclip tests scripts
.venv/bin/python -m pytest -q "$@"
