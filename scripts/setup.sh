#!/usr/bin/env bash
# Creates .venv and installs obclip with its test tools and the Ray Serve extra (CPU torch 2.13.0). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
  .venv/bin/pip install --quiet --upgrade pip
fi
if ! .venv/bin/python -c "import obclip, pytest, xdist, hypothesis, ray.serve, playwright" 2>/dev/null || [ pyproject.toml -nt .venv/.installed ]; then
  .venv/bin/pip install --quiet -e '.[test,eval,ray]'
  touch .venv/.installed
fi
