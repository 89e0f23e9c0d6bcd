"""Server cost of negative prompts under each policy (#23), counted on one pair.

Policies compared on one prompt and seed: no negative; hold back (ours: one attribute-free negative
for the whole group, so the unconditional branch stays shareable); vary with the slot (each candidate
its own negative: the unconditional rows differ, so they cannot be shared: measured as
share_uncond off, which computes the unconditional branch per candidate). Prints one JSON line per run.

Usage: python scripts/negative_cost.py [--pair default] [--prompt "..."]
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace

from obclip.config import AccelConfig
from obclip.generate import generate
from obclip.models.pair import load_pair


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pair", default="default")
    parser.add_argument("--prompt", default="a portrait of an old asian man in a garden")
    parser.add_argument("--negative", default="blurry, lowres, old, wrinkles, beard")
    args = parser.parse_args()
    pair = load_pair(args.pair)
    runs = [
        ("no negative", None, AccelConfig()),
        ("hold back (ours)", args.negative, AccelConfig()),
        ("vary per candidate (uncond per row)", args.negative, replace(AccelConfig(), share_uncond=False)),
        ("exact (no accelerations)", args.negative, AccelConfig.exact()),
    ]
    for name, negative, accel in runs:
        r = generate(args.prompt, pair=pair, accel=accel, negative=negative, seed=0)
        print(json.dumps({"policy": name, "n": r.n_candidates, "server_gflops": round(r.server_flops / 1e9, 2),
                          "device_gflops": round(r.device_flops / 1e9, 2), "sent": r.negative_sent,
                          "held": list(r.negative_held)}))  # fmt: skip


if __name__ == "__main__":
    main()
