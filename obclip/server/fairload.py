"""Tenants that must not starve each other (`python -m obclip.server.loadtest --fair [--engine ray]`).

Starts `obclip serve` on loopback (either engine) with three keys, then measures one well-behaved tenant's
latency alone and again while the two others misbehave at once:

- **flood**: `flooders` threads sending small groups back to back, never waiting for a Retry-After;
- **filler**: `fillers` threads sending the largest group the published budget admits, over and over, to keep
  the queue full of expensive work;
- **good**: one device client (`RemoteCloud`, retrying 429/503 within its window) sending small groups one after
  another; each answer must equal the group served alone in this process.

Reports the good tenant's p50/p99 under the mix beside its solo p50/p99 (same run, same server), its errors, and
what the others got (answered, 429, 503). The issue's target: p99 within 3x solo, 0 errors.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import threading
import time

import httpx
import torch

from obclip.client import RemoteCloud
from obclip.protocol import CloudRequest
from obclip.server.launch import free_port, launch_server
from obclip.server.mixload import _max_cost_group
from obclip.server.security import digest, new_key


def _quantile(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p * (len(xs) - 1)))] if xs else float("nan")


def run_fair(pair: str = "tiny-sd", engine: str = "local", good_requests: int = 30, flooders: int = 6,
             fillers: int = 2, max_request_seconds: float = 1.0, preempt: bool = True) -> dict:  # fmt: skip
    """One fairness run; returns the figures `loadtest --fair` prints."""
    from obclip.cloud.engine import CloudEngine
    from obclip.models.pair import load_pair
    from obclip.models.registry import get_spec

    size = get_spec(pair).resolution
    keys = {name: new_key() for name in ("good", "flood", "filler")}
    folder = tempfile.mkdtemp(prefix="obclip-fair-")
    keyfile = os.path.join(folder, "keys.txt")
    with open(keyfile, "w") as f:
        f.writelines(f"sha256:{digest(k)}  # {name}\n" for name, k in keys.items())
    extra = ["--engine", "ray", "--replicas", "1"] if engine == "ray" else []
    extra += [] if preempt else ["--no-preempt"]  # the server as it was before preemption, for a side-by-side run
    proc, url = launch_server(["--pair", pair, "--api-key-file", keyfile, "--threads", "1", "--max-request-seconds",
                               str(max_request_seconds), "--max-queue", "32", *extra], free_port(),
                              os.path.join(folder, "server.log"))  # fmt: skip
    small = [CloudRequest(candidates=(f"a young woman number {i}", f"a young man number {i}"), seed=i, steps=6, k=3,
                          guidance=5.0, height=size, width=size, sampler="dpm", pair=pair) for i in range(6)]  # fmt: skip
    threads_before = torch.get_num_threads()
    torch.set_num_threads(1)  # the reference answers at the server's thread count: CPU sums repeat bitwise only so
    expected = [CloudEngine(load_pair(pair), count_flops=False).run(r).latents for r in small]
    torch.set_num_threads(threads_before)
    try:
        models = httpx.get(f"{url}/v1/models", headers={"authorization": f"Bearer {keys['good']}"}).json()
        heavy = _max_cost_group(models, pair, size)
        device = RemoteCloud(url, keys["good"], wire_dtype="float32", timeout=120, retry_for=60)
        solo = []
        for j in range(10):
            started = time.perf_counter()
            device(small[j % len(small)])
            solo.append(time.perf_counter() - started)
        stop, lock = threading.Event(), threading.Lock()
        others = {"flood": {"200": 0, "429": 0, "503": 0, "other": 0}, "filler": {"200": 0, "429": 0, "503": 0,
                                                                                    "other": 0}}  # fmt: skip

        def hammer(name: str, body: dict) -> None:
            headers = {"authorization": f"Bearer {keys[name]}"}
            while not stop.is_set():
                try:
                    code = str(httpx.post(f"{url}/v1/denoise", json=body, headers=headers, timeout=120).status_code)
                except httpx.HTTPError:
                    code = "other"
                with lock:
                    others[name][code if code in others[name] else "other"] += 1

        load = [threading.Thread(target=hammer, args=("flood", small[i % len(small)].to_json())) for i in range(flooders)]
        load += [threading.Thread(target=hammer, args=("filler", heavy)) for _ in range(fillers)]
        for t in load:
            t.start()
        mix_started = time.perf_counter()
        time.sleep(2.0)  # the queue fills before the good tenant starts
        latency, errors, wrong = [], 0, 0
        sent_before = len(device.attempts)
        for j in range(good_requests):
            started = time.perf_counter()
            try:
                answer = device(small[j % len(small)])
                latency.append(time.perf_counter() - started)
                wrong += not torch.allclose(answer.latents, expected[j % len(small)], atol=1e-3)
            except Exception:  # counted: the good tenant must never fail
                errors += 1
        retries = len(device.attempts) - sent_before - good_requests  # 429/503 answers the good key waited out
        stop.set()
        mix_seconds = time.perf_counter() - mix_started  # the others' counts are over this time (rates compare)
        for t in load:
            t.join(timeout=180)
    finally:
        proc.terminate()
        proc.wait(timeout=120)
    # the first solo request is the first of its shape on a fresh server (on Ray 0.17-0.38 s against 0.08-0.19 s
    # for the others): as "solo p99" it sets the target, so the steady tail without it is reported beside it
    return {"engine": engine, "preempt": preempt, "solo_p50": statistics.median(solo), "solo_p99": _quantile(solo, 0.99),
            "solo_p99_warm": _quantile(solo[1:], 0.99),
            "mix_p50": _quantile(latency, 0.5), "mix_p99": _quantile(latency, 0.99), "errors": errors, "wrong": wrong, "retries": retries,
            "mix_seconds": mix_seconds,
            "good": len(latency), "others": others, "heavy_n": len(heavy["candidates"]), "heavy_steps": heavy["steps"]}  # fmt: skip
