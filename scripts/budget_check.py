"""How far the server's cost estimate is from the time a request really takes, across shapes (issue #25 item 6).

Builds the budget as `obclip serve` does (`calibrated_budget`: measured once on this machine, or --throughput),
then for each shape runs the request on the in-process engine (fastest of --repeats) and prints estimate,
measured seconds and their ratio, side by side in one run. Usage:

    .venv/bin/python scripts/budget_check.py [--pair default] [--repeats 2] [--throughput GFLOPS]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from obclip.cloud.engine import CloudEngine
from obclip.config import AccelConfig
from obclip.models.pair import load_pair
from obclip.protocol import CloudRequest
from obclip.server.admission import calibrated_budget

# (candidates, cloud steps k, of T, image side as a multiple of the pair's native size, accelerations)
SHAPES = [(1, 10, 25, 1, "none"), (8, 10, 25, 1, "none"), (30, 10, 25, 1, "none"), (4, 25, 25, 1, "none"),
          (2, 10, 25, 2, "none"), (30, 10, 25, 1, "cache+reuse"), (64, 5, 25, 1, "none")]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pair", default="default")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--throughput", type=float, default=None, help="GFLOP/s, as obclip serve --throughput")
    args = parser.parse_args()
    pair = load_pair(args.pair)
    budget = calibrated_budget(pair, throughput=args.throughput * 1e9 if args.throughput else None,
                               cache_dir=Path(tempfile.mkdtemp()))  # a fresh measurement for this run  # fmt: skip
    engine = CloudEngine(pair, count_flops=False)
    print(f"pair {pair.name}: {budget.flops_per_second / 1e9:.1f} GFLOP/s, overhead {budget.overhead_seconds:.3f} s")
    print("| N | k / T | size | accel | estimate s | measured s | measured / estimate |")
    print("|---|---|---|---|---|---|---|")
    for n, k, steps, scale, accel in SHAPES:
        side = pair.spec.resolution * scale
        request = CloudRequest(tuple(f"a portrait photo of person number {i}" for i in range(n)), 0, steps, k, 7.0,
                               side, side, "dpm", pair.name, AccelConfig(mode=accel))  # fmt: skip
        estimate = budget.cost(request, pair).seconds
        measured = min(_timed(engine, request) for _ in range(args.repeats))
        print(f"| {n} | {k} / {steps} | {side} | {accel} | {estimate:.2f} | {measured:.2f} | {measured / estimate:.2f} |")


def _timed(engine: CloudEngine, request: CloudRequest) -> float:
    started = time.perf_counter()
    engine.run(request)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
