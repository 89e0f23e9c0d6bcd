"""Load benchmark of `obclip serve` on loopback: throughput and latency, batching on and off.

Starts the server itself (a subprocess on a free loopback port), sends a bounded number of
requests from 1, 4 and 16 concurrent clients, and prints requests/s, p50 and p95 latency.

Usage:
    python -m obclip.server.loadtest --pair default --requests 32
    python -m obclip.server.loadtest --mix    # hostile mixed load, see mixload.py (tiny-sd, 200 requests)
"""

from __future__ import annotations

import argparse
import os
import socket
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch_server(args: list[str], port: int, log_path: str) -> tuple[subprocess.Popen, str]:
    """Starts `obclip serve` with `args` on loopback `port` (output to `log_path`) and waits until healthy."""
    log = open(log_path, "w")  # noqa: SIM115 (closed with the process)
    proc = subprocess.Popen([sys.executable, "-m", "obclip.cli", "serve", "--port", str(port), *args],
                            stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return proc, url
        except httpx.TransportError:
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError(f"server did not start (log: {log_path})")


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
    parser.add_argument("--clients", type=int, default=16, help="--mix: concurrent clients")
    args = parser.parse_args()
    if args.mix:
        from obclip.server.mixload import run_mix

        pair = "tiny-sd" if args.pair == "default" and "--pair" not in sys.argv else args.pair
        r = run_mix(pair, args.requests if "--requests" in sys.argv else 200, args.clients)
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
