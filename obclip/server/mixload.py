"""Mixed hostile load on `obclip serve` over loopback (`python -m obclip.server.loadtest --mix`).

Starts the server (a subprocess on a free loopback port, one API key per client), measures the
solo latency of a small good request on the idle server, then runs `clients` concurrent
clients sending `requests` requests in all (bounded; stops by itself), cycling through:

- good: a small candidate group, sent by the device client (verify + retry window); its
  latents must equal the group served alone in this process;
- malformed: broken JSON, a limit violation, or a wrong key (must be 4xx);
- poison: a group holding a lone surrogate (must be 4xx, and must not hurt anyone else);
- maximum-cost: the largest group the server's published budget admits.

Reports lost or wrong good requests, 5xx answers, and the p50/p99 latency of good requests
under the mix next to their solo latency.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
import threading
import time

import httpx
import torch

from obclip.client import RemoteCloud
from obclip.protocol import CloudRequest
from obclip.server.launch import free_port, launch_server
from obclip.server.security import digest, new_key

KINDS = ("good", "good", "malformed", "good", "poison", "max-cost", "good", "malformed")


def _start(pair: str, keys: list[str], extra: list[str]) -> tuple[subprocess.Popen, str]:
    folder = tempfile.mkdtemp(prefix="obclip-mix-")
    keyfile = os.path.join(folder, "keys.txt")
    with open(keyfile, "w") as f:
        f.writelines(f"sha256:{digest(k)}\n" for k in keys)
    args = ["--pair", pair, "--api-key-file", keyfile, *extra]
    return launch_server(args, free_port(), os.path.join(folder, "server.log"))


def _max_cost_group(models: dict, pair: str, size: int) -> dict:
    """The largest group (N = the batch cap, k = T) whose estimated cost the published budget admits."""
    budget, n = models["budget"], models["batching"]["max_candidates"]
    per_call = budget["flops_per_call"] / budget["flops_per_second"]
    steps = 1
    while steps < models["limits"]["max_steps"]:
        seconds = budget["overhead_seconds"] + n * (steps + 1) * 2 * per_call
        if seconds > budget["max_request_seconds"]:
            break
        steps += 1
    return {"candidates": [f"a heavy prompt number {i}" for i in range(n)], "seed": 1, "steps": steps, "k": steps,
            "guidance": 5.0, "height": size, "width": size, "pair": pair}  # fmt: skip


def run_mix(pair: str = "tiny-sd", requests: int = 200, clients: int = 16, max_request_seconds: float = 2.0) -> dict:
    from obclip.cloud.engine import CloudEngine
    from obclip.models.pair import load_pair
    from obclip.models.registry import get_spec

    size = get_spec(pair).resolution
    keys = [new_key() for _ in range(clients)]
    good = [
        CloudRequest(candidates=(f"a young woman number {i}", f"a young man number {i}"), seed=i, steps=6, k=3,
                     guidance=5.0, height=size, width=size, sampler="dpm", pair=pair)
        for i in range(8)
    ]  # fmt: skip
    engine = CloudEngine(load_pair(pair), count_flops=False)
    expected = [engine.run(r).latents for r in good]
    proc, url = _start(pair, keys, ["--max-request-seconds", str(max_request_seconds), "--threads", "1"])
    try:
        auth = {"authorization": f"Bearer {keys[0]}"}
        models = httpx.get(f"{url}/v1/models", headers=auth).json()
        heavy = _max_cost_group(models, pair, size)
        solo = []
        for j in range(10):
            started = time.perf_counter()
            RemoteCloud(url, keys[0], wire_dtype="float32")(good[j % len(good)])
            solo.append(time.perf_counter() - started)
        stats = {"good": 0, "lost": 0, "wrong": 0, "5xx": 0, "4xx": 0, "other": 0, "max-cost ok": 0, "latency": [],
                 "heavy": []}  # fmt: skip
        lock = threading.Lock()

        def client(c: int) -> None:
            device = RemoteCloud(url, keys[c], wire_dtype="float32", timeout=120, retry_for=120)
            headers = {"authorization": f"Bearer {keys[c]}", "content-type": "application/json"}
            for j in range(c, requests, clients):
                kind = KINDS[j % len(KINDS)]
                if kind == "good":
                    g = j % len(good)
                    started = time.perf_counter()
                    try:
                        answer = device(good[g])
                        ok = torch.allclose(answer.latents, expected[g], atol=1e-3)
                        with lock:
                            stats["good"] += 1
                            stats["wrong"] += not ok
                            stats["latency"].append(time.perf_counter() - started)
                    except Exception:  # counted: a good request must never fail
                        with lock:
                            stats["lost"] += 1
                    continue
                if kind == "malformed":
                    variant = (j // len(KINDS)) % 3
                    body = [b"{not json", json.dumps(good[0].to_json() | {"steps": 10_000}).encode(),
                            json.dumps(good[0].to_json()).encode()][variant]  # fmt: skip
                    hdrs = headers | ({"authorization": "Bearer obk_wrong"} if variant == 2 else {})
                elif kind == "poison":
                    body = json.dumps(good[0].to_json() | {"candidates": ["a \ud800 portrait", "a man"]}).encode()
                    hdrs = headers
                else:
                    body, hdrs = json.dumps(heavy).encode(), headers
                started = time.perf_counter()
                code = httpx.post(f"{url}/v1/denoise", content=body, headers=hdrs, timeout=300).status_code
                with lock:
                    if kind == "max-cost" and code == 200:
                        stats["heavy"].append(time.perf_counter() - started)
                    stats["5xx" if code >= 500 else "4xx" if code >= 400 else "other"] += 1
                    stats["max-cost ok"] += kind == "max-cost" and code == 200

        started = time.perf_counter()
        threads = [threading.Thread(target=client, args=(c,)) for c in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    lat, heavy_lat = sorted(stats.pop("latency")), sorted(stats.pop("heavy"))
    q = lambda xs, p: xs[min(len(xs) - 1, round(p * (len(xs) - 1)))] if xs else float("nan")
    return stats | {"requests": requests, "clients": clients, "wall": wall, "heavy_n": len(heavy["candidates"]),
                    "heavy_steps": heavy["steps"], "solo_p50": statistics.median(solo), "solo_p99": q(sorted(solo), 0.99),
                    "mix_p50": q(lat, 0.5), "mix_p99": q(lat, 0.99),
                    "heavy_p50": q(heavy_lat, 0.5)}  # fmt: skip
