"""Cost of privacy and paired fidelity of one acceleration policy on disjoint held-out prompt sets, in one run.

For each N (2, 6, 30) and k (10, 5): the policy's counted server FLOPs on the cost prompt over the cheapest
Hybrid SD (as `obclip.eval.privacy_cost.cost_table`), and the real candidate's paired PSNR against the exact
path (mean and worst over prompts) and the worst candidate's, on each set: A = the bench's 8 held-out prompts
(`heldout_prompts(8)`, seeds 0-7), B = the next 16 (seeds 8-23), C = the 24 after those (seeds 24-47). The
exact images of a set are computed once per (N, k) and compared by candidate text (the device's order is
random). Run with `OMP_NUM_THREADS=1` on a shared machine:

    OMP_NUM_THREADS=1 .venv/bin/python scripts/factorial_fidelity.py --ns 6 --sets A B [--diff-refresh 1]
"""

from __future__ import annotations

import argparse
import os
import time

from obclip.cloud.engine import CloudEngine
from obclip.config import AccelConfig, add_flags, from_flags
from obclip.eval.common import heldout_prompts
from obclip.eval.fidelity import final_images, psnr
from obclip.eval.privacy_cost import ATTRIBUTE_SETS, COST_PROMPT, hybrid_choices
from obclip.generate import generate
from obclip.models.pair import ModelPair, load_pair
from obclip.plan import split_plan
from obclip.prompts import PAPER_AGES, transform

SETS = {"A": (0, 8), "B": (8, 24), "C": (24, 48)}  # positions in the held-out list (and seeds)


def images(pair: ModelPair, prompts: list[str], seed0: int, policy: AccelConfig, k: int, n: int) -> list[tuple]:
    """Per prompt: ({candidate text: final image}, the real candidate's text)."""
    engine, plan, out = CloudEngine(pair), split_plan(pair.spec, mode="obclip", steps=25, k=k), []
    for i, prompt in enumerate(prompts):
        group = transform(prompt, ATTRIBUTE_SETS[n], ages=PAPER_AGES)
        finished, _ = final_images(pair, engine, plan, group, seed0 + i, policy)
        out.append(({c: finished[j] for j, c in enumerate(group.order)}, group.order[group.real_index]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ns", type=int, nargs="+", default=[2, 6, 30], choices=sorted(ATTRIBUTE_SETS))
    parser.add_argument("--ks", type=int, nargs="+", default=[10, 5])
    parser.add_argument("--sets", nargs="+", default=["A", "B"], choices=sorted(SETS))
    add_flags(parser, AccelConfig)
    args = parser.parse_args()
    policy = from_flags(AccelConfig, vars(args))
    pair = load_pair("default")
    held = heldout_prompts(max(SETS[s][1] for s in args.sets))
    print(policy, f"\nstart {time.strftime('%H:%M:%S')}, load average {os.getloadavg()}", flush=True)
    for n in args.ns:
        for k in args.ks:
            started = time.perf_counter()
            hybrid = min(generate(COST_PROMPT, "hybrid", pair, steps=25, k=k, accel=c).server_flops
                         for c in hybrid_choices(k))  # fmt: skip
            ours = generate(COST_PROMPT, "obclip", pair, steps=25, k=k, accel=policy, attributes=ATTRIBUTE_SETS[n],
                            ages=PAPER_AGES)  # fmt: skip
            line = f"N={n:2d} k={k:2d} {ours.server_flops / 1e9:6.2f} GFLOPs {ours.server_flops / hybrid:.2f}x"
            for name in args.sets:
                lo, hi = SETS[name]
                prompts = [p.prompt for p in held[lo:hi]]
                exact = images(pair, prompts, lo, AccelConfig.exact(), k, n)
                tried = images(pair, prompts, lo, policy, k, n)
                real, every = [], []
                for (ref, real_text), (img, _) in zip(exact, tried, strict=True):
                    scores = {c: psnr(ref[c], img[c]) for c in ref}
                    real.append(scores[real_text])
                    every.extend(scores.values())
                line += f" | {name}: real {sum(real) / len(real):.1f} / {min(real):.1f} dB, all worst {min(every):.1f}"
            took = time.perf_counter() - started
            print(f"{line} ({took:.0f} s, load {os.getloadavg()[0]:.1f})", flush=True)
    print(f"end {time.strftime('%H:%M:%S')}, load average {os.getloadavg()}", flush=True)


if __name__ == "__main__":
    main()
