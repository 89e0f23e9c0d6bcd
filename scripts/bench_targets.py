"""The issue-15 targets side by side in one run: the rows of `obclip bench` they name, nothing else.

For N = 2 and N = 6: Vanilla OG, then for k = 10 and k = 5 Hybrid SD, ObCLIP +cache+reuse, + the
unconditional branch shared every step, + the adaptive block cache (the bench's own `Row` configs).
Prints counted server FLOPs, their ratio to Hybrid SD's at the same k, and the median server seconds
over round-robin timing rounds with the speed-up against Vanilla OG of the same rounds. Quality of the
same rows: `scripts/accel_quality.py`; everything at once: `obclip bench`.

    .venv/bin/python scripts/bench_targets.py --rounds 5
"""

from __future__ import annotations

import argparse
import os
import statistics

from obclip.eval import bench
from obclip.eval.bench import SETTINGS, _counted, _find, _timing_round
from obclip.eval.common import heldout_prompts
from obclip.models.pair import load_pair


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    pair = load_pair("default")
    rows = bench.rows(pair)
    picked = [_find(rows, "vanilla-og")] + [
        r
        for k in bench.split_points(pair)
        for r in (
            _find(rows, "hybrid", k),
            _find(rows, "obclip", k, "cache+reuse"),
            _find(rows, "obclip", k, "cache+reuse", "uncond_all"),
            _find(rows, "obclip", k, "cache+reuse", "adaptive"),
        )
    ]
    prompt = heldout_prompts(1)[0].prompt
    print(f"load average before: {os.getloadavg()}", flush=True)
    for big_n, attributes in SETTINGS.items():
        flops = {r.name: _counted(prompt, r, attributes, pair)["server_flops"] for r in picked}
        rounds = [_timing_round(prompt, picked, attributes, i, pair) for i in range(args.rounds)]
        og = statistics.median(x["Vanilla OG"][0] for x in rounds)
        for r in picked:
            seconds = statistics.median(x[r.name][0] for x in rounds)
            hybrid = flops[_find(rows, "hybrid", r.k).name] if r.k else None
            ratio = f"{flops[r.name] / hybrid:.2f}x Hybrid SD" if hybrid else "—"
            print(
                f"N={big_n} {r.name:38s} {flops[r.name] / 1e9:6.1f} GFLOPs ({ratio}) "
                f"server {seconds:.3f} s, {og / seconds:.2f}x vs Vanilla OG",
                flush=True,
            )
        print(f"load average: {os.getloadavg()}", flush=True)


if __name__ == "__main__":
    main()
