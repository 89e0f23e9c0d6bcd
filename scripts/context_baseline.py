"""Writes obclip/device/data/context_baseline.json: the context check's calibration.

`obclip.device.context` divides the encoder's value probabilities for a prompt's shared context by their
mean over the shared contexts of the realistic corpus (prompts people write), so that what the encoder
says of any ordinary context ("a boy and his dog" leans to "child") does not count as evidence; only a
context that leans further than ordinary ones does. Run from the repo root after changing the encoder,
the value descriptions or the corpus:

    .venv/bin/python scripts/context_baseline.py [--check]
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from obclip.device.context import BASELINE_PATH, DESCRIPTIONS, ContextAttacker, shared_context
from obclip.prompts import transform
from obclip.prompts.template import DetectionError

CORPUS = Path(__file__).resolve().parents[1] / "obclip/eval/corpora/realistic.tsv"


def build() -> str:
    attacker = ContextAttacker(baseline={})
    contexts = []
    for row in csv.reader(CORPUS.open(encoding="utf-8"), delimiter="\t"):
        if not row or row[0].startswith("#"):
            continue
        try:
            group = transform(row[0])
        except DetectionError:
            continue
        if any(s.name in DESCRIPTIONS for s in group.slots):
            contexts.append(shared_context(group))
    embedded = attacker.embed(contexts)
    out = {"corpus": CORPUS.name, "contexts": len(contexts)}
    out |= {a: [round(float(p), 6) for p in attacker.raw(embedded, a).mean(0)] for a in DESCRIPTIONS}
    return json.dumps(out, indent=1) + "\n"


def main() -> int:
    text = build()
    if "--check" in sys.argv:
        same = BASELINE_PATH.exists() and BASELINE_PATH.read_text(encoding="utf-8") == text
        print("baseline up to date" if same else "baseline is stale: run scripts/context_baseline.py")
        return 0 if same else 1
    BASELINE_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {BASELINE_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
