"""The real server on loopback, started by the tests: round trip, auth, limits, batching, failures."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
import torch

from obclip.client import RemoteCloud
from obclip.cloud.engine import CloudEngine
from obclip.models.pair import load_pair
from obclip.protocol import AccelConfig, CloudRequest, Handoff, ProtocolError

pytestmark = pytest.mark.slow
KEY = "obk_test-0123456789abcdefGHIJKLMNOP"  # >= 128 bits: weaker keys are refused
SECRET_WORD = "zanzibarian"  # appears in prompts; must never appear in logs


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, tmp: Path, *extra: str, keys: tuple[str, ...] = (KEY,), scheme: str = "http") -> None:
        self.port = _free_port()
        self.url = f"{scheme}://127.0.0.1:{self.port}"
        keyfile = tmp / f"keys-{self.port}.txt"
        keyfile.write_text("# keys\n" + "".join(f"{k}\n" for k in keys))
        self.log = tmp / f"server-{self.port}.log"
        env = os.environ | {"HF_HUB_OFFLINE": "1"}
        # Same thread count as this process: CPU reductions are only bitwise repeatable at equal threads.
        threads = str(torch.get_num_threads())
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "obclip.cli",
                "serve",
                "--pair",
                "tiny-sd",
                "--port",
                str(self.port),
                "--api-key-file",
                str(keyfile),
                "--max-wait-ms",
                "200",
                "--threads",
                threads,
                *extra,
            ],
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
            env=env,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1, verify=False).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"server did not start: {self.log.read_text()[-2000:]}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp("srv"))
    yield srv
    srv.stop()


def _request(candidates=("a portrait of a young woman", f"a {SECRET_WORD} man"), seed: int = 5, **kw) -> CloudRequest:
    args = {"steps": 6, "k": 3, "guidance": 5.0, "height": 32, "width": 32, "sampler": "dpm", "pair": "tiny-sd"} | kw
    return CloudRequest(
        tuple(candidates),
        seed,
        args["steps"],
        args["k"],
        args["guidance"],
        args["height"],
        args["width"],
        args["sampler"],
        args["pair"],
        args.get("accel", AccelConfig()),
    )


def _body(**overrides) -> dict:
    return _request().to_json() | overrides


def _post(server, body, key: str | None = KEY):
    headers = {"authorization": f"Bearer {key}"} if key else {}
    return httpx.post(f"{server.url}/v1/denoise", json=body, headers=headers, timeout=120)


def test_health_models_and_schema(server) -> None:
    assert httpx.get(f"{server.url}/healthz").json()["status"] == "ok"
    models = httpx.get(f"{server.url}/v1/models", headers={"authorization": f"Bearer {KEY}"}).json()
    assert models["pairs"][0]["name"] == "tiny-sd" and models["limits"]["max_candidates"] == 64
    schema = httpx.get(f"{server.url}/openapi.json").json()
    assert "/v1/denoise" in schema["paths"]


@pytest.mark.parametrize("accel", [AccelConfig.exact(), AccelConfig(), AccelConfig("cache+reuse", r=2, s=4)])
def test_round_trip_equals_in_process(server, accel: AccelConfig) -> None:
    request = _request(accel=accel)
    remote = RemoteCloud(server.url, KEY, wire_dtype="float32")(request)
    local = CloudEngine(load_pair("tiny-sd")).run(request)
    assert torch.allclose(remote.latents, local.latents, atol=1e-5)
    assert torch.allclose(remote.prev_denoised, local.prev_denoised, atol=1e-5)
    assert remote.server_flops == local.server_flops


def test_factorial_request_round_trip_equals_in_process(server) -> None:
    """With every default on and factor labels, remote equals local (and composes: 3 of 4 computed);
    labels that are not a full product are a 422."""
    cands = ("a photo of a young woman", "a portrait of a young man", "a photo of an old woman", "a portrait of an old man")
    request = replace(_request(cands), factors=((1, 0), (0, 0), (1, 1), (0, 1)))
    assert request.composes and request.computed == 3
    remote = RemoteCloud(server.url, KEY, wire_dtype="float32")(request)
    local = CloudEngine(load_pair("tiny-sd")).run(request)
    assert torch.allclose(remote.latents, local.latents, atol=1e-5) and remote.server_flops == local.server_flops
    response = _post(server, request.to_json() | {"factors": [[0, 0], [0, 1], [1, 0], [0, 1]]})
    assert response.status_code == 422 and "factor labels" in response.text


def test_auth(server) -> None:
    assert _post(server, _body(), key=None).status_code == 401
    wrong = _post(server, _body(), key="not-the-key")
    assert wrong.status_code == 403 and wrong.json()["error"]["code"] == "forbidden"
    assert httpx.get(f"{server.url}/v1/models").status_code == 401


@pytest.mark.parametrize(
    ("overrides", "fragment"),
    [
        ({"candidates": []}, "candidates"),
        ({"candidates": ["a man", "a man"]}, "distinct"),
        ({"candidates": [f"prompt {i}" for i in range(65)]}, "exceed the limit of 64"),
        ({"candidates": ["x" * 401]}, "over the limit of 400"),
        ({"steps": 101}, "limit of 100"),
        ({"steps": 0}, "steps"),
        ({"k": 7}, "exceeds steps"),
        ({"k": -1}, "k"),
        ({"height": 2048, "width": 2048}, "limit of 1024"),
        ({"height": 34}, "multiples of"),
        ({"guidance": 99}, "limit of 30"),
        ({"pair": "sdxl+koala-700m"}, "serves pair"),
        ({"sampler": "euler"}, "sampler"),
        ({"sampler": "lcm"}, "no LCM cloud model"),
        ({"seed": -3}, "seed"),
        ({"accel": {"mode": "turbo"}}, "accel"),
        ({"surprise": 1}, "surprise"),
    ],
)
def test_every_limit_is_a_4xx_json_error(server, overrides: dict, fragment: str) -> None:
    response = _post(server, _body(**overrides))
    assert 400 <= response.status_code < 500, response.text
    assert fragment in response.json()["error"]["message"]


def test_malformed_and_oversized_bodies(server) -> None:
    headers = {"authorization": f"Bearer {KEY}", "content-type": "application/json"}
    assert httpx.post(f"{server.url}/v1/denoise", content=b"{nope", headers=headers).status_code == 422
    big = json.dumps(_body(candidates=["a man"] * 1)).encode() + b" " * 300_000
    assert httpx.post(f"{server.url}/v1/denoise", content=big, headers=headers).status_code == 413
    assert httpx.post(f"{server.url}/v1/denoise", content=b"[]", headers=headers).status_code == 422


def test_concurrent_load_every_response_correct(server) -> None:
    """Bounded load: 8 concurrent groups (batched by the server) each equal the group served alone."""
    requests = [_request((f"a young woman number {i}", f"a young man number {i}"), seed=i) for i in range(8)]
    engine = CloudEngine(load_pair("tiny-sd"), count_flops=False)
    expected = [engine.run(r).latents for r in requests]
    results: dict[int, Handoff] = {}

    def call(i: int) -> None:
        results[i] = RemoteCloud(server.url, KEY, wire_dtype="float32", timeout=120)(requests[i])

    threads = [threading.Thread(target=call, args=(i,)) for i in range(len(requests))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    for i, latents in enumerate(expected):
        assert torch.allclose(results[i].latents, latents, atol=1e-4), i


def test_logs_hold_no_prompt_text(server) -> None:
    assert _post(server, _body()).status_code == 200
    assert SECRET_WORD not in server.log.read_text()


def test_killed_server_client_retries_identically_then_fails_cleanly(tmp_path) -> None:
    srv = Server(tmp_path)
    client = RemoteCloud(srv.url, KEY, timeout=30, retries=2)

    def kill_soon() -> None:
        time.sleep(0.3)
        srv.proc.kill()

    threading.Thread(target=kill_soon).start()
    request = _request(steps=40, k=40)  # long enough to be in flight when the server dies
    with pytest.raises(ConnectionError, match="cannot reach the cloud"):
        client(request)
    assert len(client.attempts) == 3 and len(set(client.attempts)) == 1  # the identical candidate set each time
    srv.stop()


def test_cli_against_the_server_and_fallback(server, tmp_path) -> None:
    env = os.environ | {"OBCLIP_API_KEY": KEY, "HF_HUB_OFFLINE": "1"}
    out = tmp_path / "a.png"
    cmd = [
        sys.executable,
        "-m",
        "obclip.cli",
        "generate",
        "a portrait of a young woman",
        "--pair",
        "tiny-sd",
        "--seed",
        "7",
        "--json",
        "--no-progress",
        "--show-server-view",
    ]
    proc = subprocess.run(
        [*cmd, "--out", str(out), "--server", server.url], capture_output=True, text=True, env=env, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["n_candidates"] == 8 and out.exists()
    assert '"candidates"' in proc.stderr  # the server view was shown before sending
    dead = f"http://127.0.0.1:{_free_port()}"
    proc = subprocess.run(
        [*cmd, "--out", str(out), "--server", dead, "--timeout", "2", "--retry-for", "1s"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 2 and "cannot reach the cloud" in proc.stderr
    proc = subprocess.run(
        [*cmd, "--out", str(tmp_path / "b.png"), "--server", dead, "--timeout", "2", "--retry-for", "1s",
         "--fallback", "device"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0 and "finishing on the device only" in proc.stderr
    assert json.loads(proc.stdout)["mode"] == "device"


def test_wrong_key_from_client_is_a_protocol_error(server) -> None:
    with pytest.raises(ProtocolError, match="403"):
        RemoteCloud(server.url, "bad-key")(_request())


def test_load_benchmark_runs_on_loopback() -> None:
    from obclip.server.loadtest import run

    rows = run("tiny-sd", requests=4, concurrency=[1, 4], steps=6, k=3)
    assert [(r["batching"], r["clients"]) for r in rows] == [(False, 1), (False, 4), (True, 1), (True, 4)]
    assert all(r["requests"] == 4 and r["rps"] > 0 and r["p95"] >= r["p50"] > 0 for r in rows)
