"""Quality cost of each server acceleration at N = 6, on more prompts than `obclip bench --quick`.

For k = 10 and k = 5: Hybrid SD (the reference: ObCLIP without accelerations gives its images), then
ObCLIP with cache+reuse, + the unconditional branch shared at every step, + the adaptive block cache.
Prints attribute accuracy, FID and KID (± std over subsets) against held-out renders and against the
Hybrid SD images of the same k, with the server FLOPs of one request. Device-only and cloud-only rows
give the scale of a difference that matters.

    .venv/bin/python scripts/accel_quality.py --prompts 16
"""

from __future__ import annotations

import argparse
import os

from obclip.eval.bench import ACCEL_POINTS, ADAPTIVE, SENSITIVE
from obclip.eval.common import attribute_accuracy, heldout_prompts, load_classifier, reference_images
from obclip.eval.metrics import fid_from_features, inception_features, kid_from_features
from obclip.generate import generate, generate_batch
from obclip.models.pair import load_pair
from obclip.protocol import AccelConfig

ATTRIBUTES = ["gender", "age"]  # N = 6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prompts", type=int, default=16)
    parser.add_argument("--adaptive", type=float, nargs="+", default=[ADAPTIVE], help="one row per threshold")
    args = parser.parse_args()
    pair = load_pair("default")
    held = heldout_prompts(args.prompts)
    texts, seeds = [p.prompt for p in held], list(range(args.prompts))
    classifier, real = load_classifier(), inception_features(reference_images(held))
    print(f"{args.prompts} prompts, load average {os.getloadavg()}", flush=True)

    def report(name: str, images, reference=None, flops: float | None = None) -> object:
        feats = inception_features(images)
        acc = attribute_accuracy(classifier, images, held)
        kid = kid_from_features(real, feats, paired=True)
        line = f"| {name} | {sum(acc[a] for a in SENSITIVE) / 3:.3f} | {fid_from_features(real, feats):.1f} | "
        line += f"{kid.mean * 1e3:.1f} ± {kid.std * 1e3:.1f} | "
        if reference is not None:
            kh = kid_from_features(reference, feats, paired=True)
            line += f"{fid_from_features(reference, feats):.1f} | {kh.mean * 1e3:.1f} ± {kh.std * 1e3:.1f} | "
        else:
            line += "— | — | "
        print(line + ("—" if flops is None else f"{flops / 1e9:.1f}") + " |", flush=True)
        return feats

    print("| row | attr. acc. | FID | KID ×10³ | FID vs hybrid | KID vs hybrid ×10³ | server GFLOPs |")
    print("|---|---|---|---|---|---|---|")
    for mode in ("device", "cloud"):
        report(mode, generate_batch(pair, texts, mode, steps=25, seeds=seeds))
    for k, (r, s) in ACCEL_POINTS.items():
        hybrid = report(f"Hybrid SD k={k}", generate_batch(pair, texts, "hybrid", steps=25, k=k, seeds=seeds))
        variants = [("+cache+reuse", {}), ("+uncond shared every step", {"uncond_all": True})]
        variants += [(f"+adaptive block cache δ={d}", {"uncond_all": True, "adaptive": d}) for d in args.adaptive]
        for name, extra in variants:
            config = AccelConfig.mechanisms("cache+reuse", r=r, s=s, **extra)
            images = generate_batch(
                pair, texts, "obclip", steps=25, k=k, seeds=seeds, accel=config, attributes=ATTRIBUTES
            )
            one = generate(texts[0], "obclip", pair, steps=25, k=k, accel=config, attributes=ATTRIBUTES)
            report(f"{name} k={k}", images, hybrid, one.server_flops)


if __name__ == "__main__":
    main()
