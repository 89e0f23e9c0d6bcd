"""Load benchmark of `obclip serve` on loopback: throughput and latency, batching on and off, or engine against engine.

Starts the server itself (a subprocess on a free loopback port), sends a bounded number of
requests from 1, 4 and 16 concurrent clients, and prints requests/s, p50 and p95 latency.
With `--engine`, the same load runs against each engine in turn (the local batcher, Ray Serve
with each `--replicas` count) and one table gives images/s (one image per request), p50 and
p99 latency, and batch fill (mean candidates per engine batch over `--max-batch`, from the
servers' /v1/stats), side by side.

Usage:
    python -m obclip.server.loadtest --pair default --requests 32
    python -m obclip.server.loadtest --engine local,ray --replicas 1,2 --clients 1,4,16 --k 4
    python -m obclip.server.loadtest --mix    # hostile mixed load, see mixload.py (tiny-sd, 200 requests)
    python -m obclip.server.loadtest --fair --engine local,ray   # tenant fairness, see fairload.py
    python -m obclip.server.loadtest --fair --engine local,ray --preempt off,on   # without and with preemption
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time

import httpx

from obclip.client import RemoteCloud
from obclip.models.registry import PairSpec, get_spec
from obclip.prompts import transform
from obclip.protocol import CloudRequest
from obclip.server.launch import free_port, launch_server


def _start(pair: str, batching: bool) -> tuple[subprocess.Popen, str]:
    port = free_port()
    args = ["--pair", pair, "--insecure-no-auth", *([] if batching else ["--no-batching"])]
    return launch_server(args, port, os.path.join(tempfile.gettempdir(), f"obclip-loadtest-{port}.log"))


def run(pair: str, requests: int, concurrency: list[int], steps: int, k: int) -> list[dict]:
    spec = get_spec(pair)
    prompts = [
        "a portrait of a young woman in a garden",
        "an old man on a beach",
        "a smiling lady in an office",
        "a middle-aged gentleman in the city",
    ]
    groups = [transform(p, ["gender"]) for p in prompts]
    rows = []
    for batching in (False, True):
        proc, url = _start(pair, batching)
        try:
            client = RemoteCloud(url, timeout=600)
            for c in concurrency:
                latencies, wall = _measure(client, groups, c, max(1, requests // c), steps, k, spec)
                q = statistics.quantiles(latencies, n=20) if len(latencies) > 1 else latencies * 19
                rows.append(
                    {
                        "batching": batching,
                        "clients": c,
                        "requests": len(latencies),
                        "rps": len(latencies) / wall,
                        "p50": statistics.median(latencies),
                        "p95": q[18],
                    }
                )
                print(_row(rows[-1]), flush=True)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    return rows


def _measure(client, groups, clients: int, per_client: int, steps: int, k: int, spec: PairSpec):
    """Latencies of `clients` threads each sending `per_client` requests, and the wall time."""
    latencies: list[float] = []
    lock = threading.Lock()

    def worker(w: int) -> None:
        for j in range(per_client):
            g = groups[(w + j) % len(groups)]
            req = CloudRequest(
                candidates=g.order,
                seed=w * 1000 + j,
                steps=steps,
                k=k,
                guidance=spec.guidance,
                height=spec.resolution,
                width=spec.resolution,
                pair=spec.name,
            )
            started = time.perf_counter()
            client(req)
            with lock:
                latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(w,)) for w in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, time.perf_counter() - started


def _batch_totals(url: str, replicas: int) -> dict:
    """Summed /v1/stats batch counters over a server's replicas (Ray answers from one replica per call)."""
    seen: dict[str, dict] = {}
    for _ in range(40 if replicas > 1 else 1):
        stats = httpx.get(f"{url}/v1/stats", timeout=30).json()
        seen[stats.get("replica", "local")] = stats["batcher"]
        if len(seen) >= replicas:
            break
    return {k: sum(s[k] for s in seen.values()) for k in ("batches", "prompts")}


def run_engines(pair: str, clients: list[int], steps: int, k: int, engines: list[str], replicas: list[int],
                per_client: int, threads: int, max_batch: int = 32) -> list[dict]:  # fmt: skip
    """The same load against each engine (Ray once per replica count): one row per engine and client count.

    Every configuration gets `threads` torch threads in total (a replica gets threads // replicas),
    so the engines share the machine alike.
    """
    from obclip.server.ray_deploy import cluster_token_env

    cluster_token_env(os.environ)  # the benchmark's own cluster: token authentication on, a fresh token
    spec = get_spec(pair)
    groups = [transform(p, ["gender"]) for p in ("a portrait of a young woman in a garden", "an old man on a beach",
                                                  "a smiling lady in an office", "a middle-aged gentleman in the city")]  # fmt: skip
    configs = [(e, r) for e in engines for r in ([1] if e == "local" else replicas)]  # in the order given
    rows = []
    for engine, count in configs:
        port = free_port()
        args = ["--pair", pair, "--insecure-no-auth", "--max-batch", str(max_batch), "--engine", engine,
                "--threads", str(max(1, threads // count))]  # fmt: skip
        if engine == "ray":
            args += ["--replicas", str(count), "--cpus-per-replica", str(max(0.1, threads / count))]
        proc, url = launch_server(args, port, os.path.join(tempfile.gettempdir(), f"obclip-loadtest-{port}.log"))
        try:
            client = RemoteCloud(url, timeout=600)
            _measure(client, groups, 1, 1, steps, k, spec)  # warm-up
            for c in clients:
                before = _batch_totals(url, count)
                latencies, wall = _measure(client, groups, c, per_client if c > 1 else 2 * per_client, steps, k, spec)
                after = _batch_totals(url, count)
                batches = max(1, after["batches"] - before["batches"])
                rows.append({"engine": engine if engine == "local" else f"ray x{count}", "clients": c,
                             "requests": len(latencies), "img_s": len(latencies) / wall,
                             "p50": statistics.median(latencies), "p99": _quantile(latencies, 0.99),
                             "fill": (after["prompts"] - before["prompts"]) / batches / max_batch,
                             "batches": batches})  # fmt: skip
                print(_engine_row(rows[-1]), flush=True)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=120)  # Ray drains, then stops its cluster
            except subprocess.TimeoutExpired:
                proc.kill()
    return rows


def _quantile(values: list[float], q: float) -> float:
    """Nearest-rank quantile (with few samples, p99 is the slowest request)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def _engine_row(r: dict) -> str:
    return (f"| {r['engine']} | {r['clients']} | {r['requests']} | {r['img_s']:.2f} | {r['p50']:.2f} | {r['p99']:.2f} "
            f"| {r['fill']:.0%} ({r['batches']} batches) |")  # fmt: skip


def _row(r: dict) -> str:
    return f"| {'on' if r['batching'] else 'off'} | {r['clients']} | {r['requests']} | {r['rps']:.2f} | {r['p50']:.3f} | {r['p95']:.3f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pair", default="default")
    parser.add_argument("--requests", type=int, default=32, help="requests per concurrency level")
    parser.add_argument("--concurrency", default="1,4,16")
    parser.add_argument("--steps", type=int, default=25)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--mix", action="store_true", help="hostile mixed load instead (good, malformed, poison, "
                        "maximum-cost requests from 16 clients, one key each)")  # fmt: skip
    parser.add_argument("--fair", action="store_true", help="tenant fairness instead: a flooding key and a "
                        "queue-filling key against one well-behaved key (fairload.py); with --engine local or ray")  # fmt: skip
    parser.add_argument("--clients", default=None, help="concurrent clients: one count for --mix (16), "
                        "a list for --engine (1,4,16)")  # fmt: skip
    parser.add_argument("--engine", default=None, help="compare engines, in this order: local, ray, local,ray or ray,local")
    parser.add_argument("--replicas", default="1,2", help="--engine ray: replica counts to try")
    parser.add_argument("--per-client", type=int, default=2, help="--engine: requests per client (1 client: twice)")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1, help="--engine: torch threads in all")
    parser.add_argument("--preempt", default="on", help="--fair: the servers' preemption between steps, in this order: "
                        "on, off, off,on (both, side by side in one run)")  # fmt: skip
    args = parser.parse_args()
    if args.fair:
        from obclip.server.fairload import run_fair

        pair = "tiny-sd" if "--pair" not in sys.argv else args.pair
        print(f"pair {pair}, {os.cpu_count()} cores, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
              flush=True)  # fmt: skip
        print("| engine | preempt | good requests | errors / wrong / retried | solo p50 / p99 s | under flood + filler p50 / p99 s "
              "| p99 ratio | without the first solo request: solo p99 s, ratio | load s | flood 200 / 429 / 503 "
              "| filler 200 / 429 / 503 |\n|---|---|---|---|---|---|---|---|---|---|---|", flush=True)  # fmt: skip
        if not set(args.preempt.split(",")) <= {"on", "off"}:
            parser.error("--preempt takes on and/or off, comma-separated")
        for engine in (args.engine or "local").split(","):
            if engine == "ray":
                from obclip.server.ray_deploy import cluster_token_env

                cluster_token_env(os.environ)
            for preempt in args.preempt.split(","):
                r = run_fair(pair, engine, preempt=preempt == "on")
                f, h = r["others"]["flood"], r["others"]["filler"]
                print(f"| {engine} | {preempt} | {r['good']} | {r['errors']} / {r['wrong']} / {r['retries']} | {r['solo_p50']:.3f} / {r['solo_p99']:.3f} "
                      f"| {r['mix_p50']:.3f} / {r['mix_p99']:.3f} | {r['mix_p99'] / r['solo_p99']:.1f}x "
                      f"| {r['solo_p99_warm']:.3f}, {r['mix_p99'] / r['solo_p99_warm']:.1f}x "
                      f"| {r['mix_seconds']:.1f} | {f['200']} / "
                      f"{f['429']} / {f['503']} | {h['200']} / {h['429']} / {h['503']} (N={r['heavy_n']}, "
                      f"k={r['heavy_steps']}) |", flush=True)  # fmt: skip
        print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} at the end", flush=True)
        return
    if args.engine:
        engines = args.engine.split(",")
        if not set(engines) <= {"local", "ray"}:
            parser.error("--engine takes local and/or ray, comma-separated")
        clients = [int(c) for c in (args.clients or "1,4,16").split(",")]
        print(f"pair {args.pair}, T={args.steps}, k={args.k}, N=2, {os.cpu_count()} cores, load average "
              f"{' '.join(f'{x:.2f}' for x in os.getloadavg())} at start", flush=True)  # fmt: skip
        print("| engine | clients | requests | images/s | p50 s | p99 s | batch fill |\n|---|---|---|---|---|---|---|",
              flush=True)  # fmt: skip
        run_engines(args.pair, clients, args.steps, args.k, engines, [int(r) for r in args.replicas.split(",")],
                    args.per_client, args.threads)  # fmt: skip
        print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} at the end", flush=True)
        return
    if args.mix:
        from obclip.server.mixload import run_mix

        pair = "tiny-sd" if args.pair == "default" and "--pair" not in sys.argv else args.pair
        r = run_mix(pair, args.requests if "--requests" in sys.argv else 200, int(args.clients or 16))
        print("| clients | requests | good | lost | wrong | 4xx | 5xx | max-cost served | solo p50 / p99 s "
              "| mixed p50 / p99 s |\n|---|---|---|---|---|---|---|---|---|---|")  # fmt: skip
        print(f"| {r['clients']} | {r['requests']} | {r['good']} | {r['lost']} | {r['wrong']} | {r['4xx']} | {r['5xx']} "
              f"| {r['max-cost ok']} (N={r['heavy_n']}, T=k={r['heavy_steps']}, p50 {r['heavy_p50']:.2f}s) | {r['solo_p50']:.3f} / "
              f"{r['solo_p99']:.3f} | {r['mix_p50']:.3f} / {r['mix_p99']:.3f} |")  # fmt: skip
        print(f"wall {r['wall']:.1f}s on pair {pair}", file=sys.stderr)
        return
    print("| batching | clients | requests | req/s | p50 s | p95 s |\n|---|---|---|---|---|---|", flush=True)
    run(args.pair, args.requests, [int(c) for c in args.concurrency.split(",")], args.steps, args.k)


if __name__ == "__main__":
    main()
