"""The Ray Serve engine on a one-machine Ray cluster (started once for the module, 2 replicas, tiny-sd).

Same answers as the in-process engine, whole groups per batch, the same API and errors as
`obclip serve`, no prompt words in logs or metrics, no request lost when a replica dies, and a
draining stop. Ray runs inside this process (`ray.init`); the finalizer always shuts it down.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import httpx
import pytest
import torch

# before ray is imported: token authentication on, as `obclip serve --engine ray` runs its own cluster
os.environ.update(RAY_USAGE_STATS_ENABLED="0", RAY_AUTH_MODE="token", RAY_AUTH_TOKEN=secrets.token_hex(32))
ray = pytest.importorskip("ray", reason="Ray Serve is not installed (pip install 'obclip[ray]')")
serve = pytest.importorskip("ray.serve", reason="Ray Serve is not installed (pip install 'obclip[ray]')")

from obclip.client import RemoteCloud  # noqa: E402
from obclip.cloud.engine import CloudEngine  # noqa: E402
from obclip.models.pair import load_pair  # noqa: E402
from obclip.protocol import CloudRequest, Handoff  # noqa: E402
from obclip.server.config import BatcherConfig, DeployConfig, Limits, RayOptions, ServerConfig  # noqa: E402
from obclip.server.ray_app import APP_NAME, TRACE_ENV, build  # noqa: E402
from obclip.server.ray_deploy import PROXY_KEEP_ALIVE_SECONDS, http_options  # noqa: E402
from obclip.server.security import digest  # noqa: E402
from tests.test_server import KEY, SECRET_WORD, Server, _request  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.serial]  # one Ray cluster at a time, alone on the machine
MAX_BATCH = 16
# Small limits keep the schema fuzzing cheap; both engines get the same ones (SERVE_FLAGS for the local server).
LIMITS = Limits(max_candidates=8, max_steps=8, max_size=64)
# The budget stays at its default (60 s): every request these limits admit is far below it, so the budget each
# server measures at start-up on a busy machine never decides an answer.
SERVE_FLAGS = ("--max-candidates", "8", "--max-steps", "8", "--max-size", "64", "--max-batch", str(MAX_BATCH))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServeOnRay:
    """What a started Ray + Serve app offers its tests: the batch trace and a stop that always shuts Ray down."""

    trace: Path

    def batches(self) -> list[dict]:
        return [json.loads(line) for line in self.trace.read_text().splitlines()] if self.trace.exists() else []

    def stop(self) -> None:
        try:
            serve.shutdown()
        finally:
            ray.shutdown()


class RayCluster(ServeOnRay):
    """`ray.init` + Serve on free loopback ports, the app deployed with 2 replicas."""

    def __init__(self, tmp: Path) -> None:
        self.trace, self.metrics_port = tmp / "batches.jsonl", _free_port()
        env = {TRACE_ENV: str(self.trace), "RAY_USAGE_STATS_ENABLED": "0", "HF_HUB_OFFLINE": "1"}
        os.environ.update(env)
        ray.init(num_cpus=2, object_store_memory=512 * 2**20, include_dashboard=False, logging_level="WARNING",
                 _metrics_export_port=self.metrics_port, runtime_env={"env_vars": env})  # fmt: skip
        self.port = _free_port()  # once Ray's own processes have bound theirs (picked before, one took it in CI)
        self.url = f"http://127.0.0.1:{self.port}"
        self.session = Path(ray._private.worker._global_node.get_session_dir_path())
        serve.start(http_options=http_options(DeployConfig(port=self.port)))
        self.config = ServerConfig(key_digests=(digest(KEY),), limits=LIMITS,
                                   batcher=BatcherConfig(max_candidates=MAX_BATCH, max_wait=0.2))  # fmt: skip
        serve.run(build("tiny-sd", self.config, RayOptions(replicas=2, threads=1)), name=APP_NAME, route_prefix="/")

    def replicas(self) -> list[str]:
        """Names of the live replica actors of the app."""
        return [a["name"] for a in ray.util.list_named_actors(all_namespaces=True)
                if a["name"].startswith(f"SERVE_REPLICA::{APP_NAME}#")]  # fmt: skip


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    started = RayCluster(tmp_path_factory.mktemp("ray"))
    yield started
    started.stop()


@pytest.fixture(scope="module")
def local_server(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp("local"), *SERVE_FLAGS)
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def solo():
    """The in-process engine at one thread, as each replica runs (CPU sums are bitwise repeatable at equal threads)."""
    engine, threads = CloudEngine(load_pair("tiny-sd"), count_flops=True), torch.get_num_threads()

    def run(request: CloudRequest) -> Handoff:
        torch.set_num_threads(1)
        try:
            return engine.run(request)
        finally:
            torch.set_num_threads(threads)

    return run


def _group(n: int, seed: int, **kw) -> CloudRequest:
    return _request(tuple(f"a {SECRET_WORD} person number {i} of {n}" for i in range(n)), seed=seed, **kw)


def _post(url: str, request: CloudRequest, rid: str) -> Handoff:
    body = request.to_json() | {"wire_dtype": "float32"}
    headers = {"authorization": f"Bearer {KEY}", "x-request-id": rid}
    response = httpx.post(f"{url}/v1/denoise", json=body, headers=headers, timeout=120)
    assert response.status_code == 200, response.text
    assert response.headers.get_list("x-request-id") == [rid]
    return Handoff.from_bytes(response.content)


def test_ray_engine_returns_the_single_process_latents(cluster, solo) -> None:
    from obclip.config import AccelConfig

    for request in (_group(2, 5), _group(5, 11, accel=AccelConfig.mechanisms("cache+reuse", r=2, s=4)), _group(1, 3)):
        remote = RemoteCloud(cluster.url, KEY, wire_dtype="float32")(request)
        local = solo(request)
        assert torch.equal(remote.latents, local.latents) and torch.equal(remote.prev_denoised, local.prev_denoised)
        assert remote.server_flops == local.server_flops


def test_concurrent_clients_batches_hold_whole_groups(cluster, solo) -> None:
    """8 clients with N = 1..8 at once: every batch holds whole groups (<= MAX_BATCH prompts), each equals its solo run."""
    requests = {uuid.uuid4().hex[:16]: _group(n, 100 + n) for n in range(1, 9)}
    before = len(cluster.batches())
    results: dict[str, Handoff] = {}
    threads = [threading.Thread(target=lambda r=rid: results.__setitem__(r, _post(cluster.url, requests[r], r)))
               for rid in requests]  # fmt: skip
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert set(results) == set(requests)
    batches = [b for b in cluster.batches()[before:] if any(rid in requests for rid, _ in b["groups"])]
    seen = [rid for b in batches for rid, _ in b["groups"]]
    assert sorted(seen) == sorted(requests)  # every group in exactly one batch: none split, none run twice
    for b in batches:
        assert b["prompts"] == sum(n for _, n in b["groups"]) <= MAX_BATCH
        assert all(n == requests[rid].n for rid, n in b["groups"])
    assert any(len(b["groups"]) > 1 for b in batches), batches  # batching did happen
    for rid, request in requests.items():  # batching changes float rounding only
        diff = (results[rid].latents - solo(request).latents).abs().max().item()
        assert diff < 1e-4, (rid, diff)


def test_same_schema_auth_and_errors_as_obclip_serve(cluster, local_server) -> None:
    def schema(url: str) -> dict:
        return httpx.get(f"{url}/openapi.json").json()

    assert schema(cluster.url) == schema(local_server.url)
    good = _request().to_json()
    cases = [
        ({}, good),  # no key
        ({"authorization": "Bearer not-the-key"}, good),
        ({"authorization": f"Bearer {KEY}"}, good | {"candidates": []}),
        ({"authorization": f"Bearer {KEY}"}, good | {"candidates": ["a man", "a man"]}),
        ({"authorization": f"Bearer {KEY}"}, good | {"candidates": [f"p {i}" for i in range(9)]}),
        ({"authorization": f"Bearer {KEY}"}, good | {"steps": 9}),
        ({"authorization": f"Bearer {KEY}"}, good | {"height": 34}),
        ({"authorization": f"Bearer {KEY}"}, good | {"pair": "default"}),
        ({"authorization": f"Bearer {KEY}"}, good | {"candidates": ["a \ud800 man"]}),
        ({"authorization": f"Bearer {KEY}"}, good | {"surprise": 1}),
        ({"authorization": f"Bearer {KEY}"}, good | {"candidates": [f"x{i}" for i in range(8)], "steps": 8, "k": 8,
                                                     "height": 64, "width": 64}),  # fmt: skip
    ]
    for headers, body in cases:
        answers = []
        for url in (cluster.url, local_server.url):
            content = json.dumps(body).encode()  # "\\ud800" stays an escape: a lone surrogate for prevalidate
            r = httpx.post(f"{url}/v1/denoise", content=content, headers=headers | {"content-type": "application/json"})
            error = r.json()["error"] if r.status_code >= 400 else {}
            assert error.get("request_id", r.headers["x-request-id"]) == r.headers["x-request-id"]
            answers.append((r.status_code, error.get("code"), error.get("message")))
        assert answers[0] == answers[1], (body, answers)
    headers = {"authorization": f"Bearer {KEY}", "content-type": "application/json"}
    big = b"{" + b" " * 300_000 + b"}"
    assert httpx.post(f"{cluster.url}/v1/denoise", content=big, headers=headers).status_code == 413


def test_schema_fuzzing_gets_no_server_error(cluster) -> None:
    from tests.test_schema_fuzz import fuzz_published_schema

    fuzz_published_schema(cluster.url, max_examples=25)


def test_replica_killed_during_a_burst_loses_no_request(cluster, solo) -> None:
    requests = [_group(2 + i % 3, 1000 + i, steps=8, k=6, height=64, width=64) for i in range(32)]
    results: dict[int, Handoff] = {}
    errors: list[BaseException] = []
    attempts: list[int] = []

    def client(indices: list[int]) -> None:
        remote = RemoteCloud(cluster.url, KEY, wire_dtype="float32", timeout=60, retry_for=120)
        attempts.append(0)
        for i in indices:
            try:
                results[i] = remote(requests[i])
            except Exception as exc:  # recorded: the assertion below names it
                errors.append(exc)
        attempts.append(len(remote.attempts))

    victims = cluster.replicas()
    assert len(victims) == 2
    threads = [threading.Thread(target=client, args=(list(range(w, 32, 8)),)) for w in range(8)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 60
    while len(results) < 4 and time.monotonic() < deadline:  # kill with most of the burst queued or running
        time.sleep(0.05)
    ray.kill(ray.get_actor(victims[0], namespace="serve"), no_restart=False)
    answered_before_kill = len(results)
    for t in threads:
        t.join(timeout=240)
    assert not errors and sorted(results) == list(range(32)), errors[:3]
    # The kill landed mid-burst. Requests it caught were either re-routed by Ray's router (a request whose
    # replica died before taking it) or answered 5xx and retried by the client with the identical body
    # (sum(attempts) > 32); which one varies from run to run, losing none does not.
    assert answered_before_kill < 32, answered_before_kill
    for i, request in enumerate(requests):  # batching changes float rounding only (as tests/test_server.py allows)
        diff = (results[i].latents - solo(request).latents).abs().max().item()
        assert diff < 1e-4, (i, diff)
    deadline = time.monotonic() + 60  # Ray replaced the killed replica
    while time.monotonic() < deadline and (victims[0] in cluster.replicas() or len(cluster.replicas()) < 2):
        time.sleep(1)
    assert victims[0] not in cluster.replicas() and len(cluster.replicas()) == 2


def test_logs_and_metrics_hold_no_prompt_text(cluster) -> None:
    _post(cluster.url, _group(3, 77), "metrics-probe")
    # an error answer of its own: Ray exports a counter only once it has counted, and this test may run alone
    bad = httpx.post(f"{cluster.url}/v1/denoise", json={"no": "request"}, headers={"authorization": f"Bearer {KEY}"})
    assert bad.status_code == 422, bad.text
    deadline, text = time.monotonic() + 40, ""
    while time.monotonic() < deadline and not ("obclip_batch_prompts" in text and "obclip_errors" in text):
        try:
            text = httpx.get(f"http://127.0.0.1:{cluster.metrics_port}/metrics", timeout=5).text
        except httpx.TransportError:
            pass
        time.sleep(2)
    for name in ("obclip_requests", "obclip_errors", "obclip_candidates_per_request", "obclip_batch_prompts",
                 "obclip_queue_seconds", "obclip_server_seconds", "obclip_server_flops"):  # fmt: skip
        assert name in text, name
    assert SECRET_WORD not in text
    logs = [p for p in (cluster.session / "logs").rglob("*") if p.is_file()]
    assert any("metrics-probe" in p.read_text(errors="ignore") for p in logs)  # the request id is logged
    leaked = [p.name for p in logs if SECRET_WORD in p.read_text(errors="ignore")]
    assert not leaked


def test_device_app_against_the_ray_engine_equals_local(cluster, tmp_path) -> None:
    """`obclip ui` with the Ray engine as its server: the same prompt and seed give the in-process image, byte for
    byte (the app runs one torch thread, as each replica does: CPU sums repeat bitwise only at equal threads)."""
    from tests.test_ui import UiApp, _events

    app = UiApp(tmp_path, "--pair", "tiny-sd", env={"OMP_NUM_THREADS": "1"})
    try:
        body = {"prompt": "a portrait of an old woman reading", "seed": 4, "privacy": {"attributes": ["gender"]}}
        remote = _events(app, body | {"server": cluster.url, "api_key": KEY})
        local = _events(app, body)
    finally:
        app.stop()
    assert remote[0]["event"] == "sent" and remote[0]["server"] == cluster.url and remote[0]["view"]["n"] == 2
    image = [next(e["image"] for e in events if e["event"] == "result") for events in (remote, local)]
    assert image[0] == image[1]
    assert KEY not in app.log.read_text()


def test_a_hostile_request_id_never_reaches_the_body_or_our_log_lines(cluster) -> None:
    """Ray's proxy adopts the client's X-Request-ID as written (and Ray's own log prefix shows it: docs/ray.md); the
    app uses it only if it is a sane token, so a script tag or 2,000 characters never reach an error body or the
    app's own log messages."""
    import re

    hostile = "<script>alert(1)</script>" + "x" * 2000
    r = httpx.post(f"{cluster.url}/v1/denoise", json=_request().to_json(),
                   headers={"authorization": "Bearer not-the-key", "x-request-id": hostile})  # fmt: skip
    rid = r.json()["error"]["request_id"]
    assert r.status_code == 403 and "<" not in rid and 0 < len(rid) <= 64
    lines = [line for p in (cluster.session / "logs" / "serve").rglob("*.log")
             for line in p.read_text(errors="replace").splitlines() if "auth failed" in line]  # fmt: skip
    ours = [line.split(" -- ", 1)[-1] for line in lines]
    assert ours and all(re.match(r"request [A-Za-z0-9._-]{1,64}: auth failed", m) for m in ours), ours[-1][:200]


def test_the_proxy_closes_an_idle_connection_after_its_keep_alive(cluster) -> None:
    """#25 item 2 on Ray: after an answer, an idle connection is closed by the proxy within its keep-alive
    (Ray's default is 90 s), so idle clients cannot hold the proxy's connections (measured: 5.0 s)."""
    with socket.create_connection(("127.0.0.1", cluster.port)) as s:
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        s.settimeout(PROXY_KEEP_ALIVE_SECONDS + 10)
        started, received = time.monotonic(), b""
        while chunk := s.recv(4096):  # the answer, then b"" when the proxy closes the connection
            received += chunk
        held = time.monotonic() - started
    assert received.startswith(b"HTTP/1.1 200") and held < PROXY_KEEP_ALIVE_SECONDS + 3, (held, received[:80])


def test_delete_drains_in_flight_requests(cluster) -> None:
    """Runs last: draining (what SIGTERM does) answers new requests 503 `draining` with Retry-After, not the
    proxy's 404, while the requests in flight finish; then the app is deleted."""
    from obclip.server.ray_drain import begin_drain, wait_idle

    requests = [_group(8, 500 + i, steps=8, k=8, height=64, width=64) for i in range(4)]
    codes: list[int] = []

    def send(request: CloudRequest) -> None:
        body = request.to_json()
        r = httpx.post(f"{cluster.url}/v1/denoise", json=body, headers={"authorization": f"Bearer {KEY}"}, timeout=120)
        codes.append(r.status_code)

    threads = [threading.Thread(target=send, args=(r,)) for r in requests]
    for t in threads:
        t.start()
    time.sleep(1.0)
    flag = begin_drain()
    try:
        # every replica polls the flag every 0.5 s; under load that can take longer than a fixed wait, so wait
        # until the health route (which answers 503 while draining) says so several times in a row
        deadline, in_a_row = time.monotonic() + 30, 0
        while in_a_row < 6 and time.monotonic() < deadline:
            health = httpx.get(f"{cluster.url}/healthz", timeout=10)
            in_a_row = in_a_row + 1 if health.status_code == 503 else 0
            time.sleep(0.1)
        refused = httpx.post(f"{cluster.url}/v1/denoise", json=_group(2, 600).to_json(),
                             headers={"authorization": f"Bearer {KEY}"}, timeout=60)  # fmt: skip
        assert wait_idle(flag, 120)
        serve.delete(APP_NAME)
    finally:
        ray.kill(flag)
    for t in threads:
        t.join(timeout=120)
    assert codes == [200] * 4
    assert refused.status_code == 503 and refused.json()["error"]["code"] == "draining", refused.text
    assert int(refused.headers["retry-after"]) >= 1



def test_a_client_that_retries_loses_nothing_across_a_redeploy(cluster, solo) -> None:
    """After the drain above the route has no app: Ray's proxy answers 404 (not our JSON). The client takes that
    as "starting or draining" and retries within --retry-for, so a request sent then is answered once the app is
    deployed again, and equals its solo run."""
    request, answer = _group(2, 77), {}
    gone = httpx.post(f"{cluster.url}/v1/denoise", json=request.to_json(), headers={"authorization": f"Bearer {KEY}"})
    assert gone.status_code == 404 and "error" not in gone.text

    def client() -> None:
        answer["handoff"] = RemoteCloud(cluster.url, KEY, wire_dtype="float32", retry_for=120)(request)

    thread = threading.Thread(target=client)
    thread.start()
    time.sleep(2.0)  # the client meets 404s meanwhile
    serve.run(build("tiny-sd", cluster.config, RayOptions(replicas=1, threads=1)), name=APP_NAME, route_prefix="/")
    thread.join(timeout=180)
    assert torch.equal(answer["handoff"].latents, solo(request).latents)

def test_engine_ray_without_ray_is_one_line_exit_2(tmp_path) -> None:
    code = ("import sys; sys.modules['ray'] = None; from obclip.cli import main; "
            "sys.exit(main(['serve', '--engine', 'ray', '--insecure-no-auth']))")  # fmt: skip
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and proc.stderr.strip().count("\n") == 0
    assert "pip install 'obclip[ray]'" in proc.stderr
    proc = subprocess.run([sys.executable, "-c", "import sys, obclip, obclip.cli; obclip.cli.build_parser(); "
                           "assert 'ray' not in sys.modules"], capture_output=True, text=True, timeout=60)  # fmt: skip
    assert proc.returncode == 0, proc.stderr


def test_shipped_serve_configs_build_the_app(tmp_path) -> None:
    """deploy/serve_config.yaml and the RayService's serveConfigV2 validate, and their args build the app."""
    import yaml
    from ray.serve.schema import ServeDeploySchema

    from obclip.server.ray_entry import build_app

    root = Path(__file__).resolve().parents[1] / "deploy"
    service = yaml.safe_load((root / "rayservice.yaml").read_text())
    keys = tmp_path / "keys.txt"
    keys.write_text(f"sha256:{digest(KEY)}\n")
    for config in (yaml.safe_load((root / "serve_config.yaml").read_text()),
                   yaml.safe_load(service["spec"]["serveConfigV2"])):  # fmt: skip
        ServeDeploySchema.model_validate(config)
        (app,) = config["applications"]
        assert app["import_path"] == "obclip.server.ray_entry:build_app"
        assert build_app(app["args"] | {"api_key_file": str(keys)}) is not None
    with pytest.raises(ValueError, match="cannot read API key file"):
        build_app({"pair": "default", "api_key_file": str(tmp_path / "missing.txt")})


def test_load_benchmark_compares_engines(monkeypatch) -> None:
    """Runs last (it starts its own Ray cluster in a subprocess): the engine table's rows and batch fill."""
    from obclip.server.loadtest import run_engines

    monkeypatch.delenv("RAY_ADDRESS", raising=False)  # the server must start its own cluster, not join this one

    rows = run_engines("tiny-sd", [1, 4], steps=6, k=3, engines=["local", "ray"], replicas=[1], per_client=1,
                       threads=1, max_batch=8)  # fmt: skip
    assert [(r["engine"], r["clients"]) for r in rows] == [("local", 1), ("local", 4), ("ray x1", 1), ("ray x1", 4)]
    assert all(r["img_s"] > 0 and r["p99"] >= r["p50"] > 0 and 0 < r["fill"] <= 1 for r in rows)

