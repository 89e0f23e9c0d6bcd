#!/usr/bin/env bash
# Trains the embedded default pair from nothing and writes obclip/models/default (45-90 min on 2 cores, measured).
# Resumable: run it again after an interruption and every stage continues from its checkpoint.
set -euo pipefail
cd "$(dirname "$0")/.."
RUN_DIR=${RUN_DIR:-runs/default}
.venv/bin/python -m obclip.world.train --run-dir "$RUN_DIR" --threads 2 \
  --stages data,vae,latents,cloud,device,evaluator,export "$@"
