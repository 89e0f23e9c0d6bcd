"""Tenants on the Ray engine (#25): a running batch stops between steps once every client it serves has gone,
and quotas hold across replicas. One Ray cluster for the module (2 replicas of tiny-sd on loopback, token
authentication on, usage stats off, object store capped), shut down after the module's last test."""

from __future__ import annotations

import json
import os
import secrets
import time
from pathlib import Path

import httpx
import pytest

os.environ.update(RAY_USAGE_STATS_ENABLED="0", RAY_AUTH_MODE="token")
os.environ.setdefault("RAY_AUTH_TOKEN", secrets.token_hex(32))  # tests/test_ray.py may have set one: keep it
ray = pytest.importorskip("ray", reason="Ray Serve is not installed (pip install 'obclip[ray]')")
serve = pytest.importorskip("ray.serve", reason="Ray Serve is not installed (pip install 'obclip[ray]')")

from obclip.config import AccelConfig  # noqa: E402
from obclip.server.config import (  # noqa: E402
    BatcherConfig,
    DeployConfig,
    Limits,
    QuotaConfig,
    RayOptions,
    ServerConfig,
    ThrottleConfig,
)
from obclip.server.ray_app import APP_NAME, TRACE_ENV, build  # noqa: E402
from obclip.server.ray_deploy import http_options  # noqa: E402
from obclip.server.security import digest  # noqa: E402
from tests.test_ray import _free_port  # noqa: E402
from tests.test_server import KEY, _request  # noqa: E402

pytestmark = pytest.mark.slow
OTHER = "obk_other-tenant-0123456789abcdefGHIJKLMN"
QUOTA = 6  # requests per minute per key: OTHER's test sends twice that
FAILURES = 4  # wrong keys an address may send per minute: the throttle test sends three times that


class App:
    """`ray.init` + Serve on a free loopback port; the app with 2 replicas, long requests allowed, small quotas."""

    def __init__(self, tmp: Path) -> None:
        self.trace, port = tmp / "batches.jsonl", _free_port()
        self.url = f"http://127.0.0.1:{port}"
        env = {TRACE_ENV: str(self.trace), "RAY_USAGE_STATS_ENABLED": "0", "HF_HUB_OFFLINE": "1"}
        os.environ.update(env)
        ray.init(num_cpus=2, object_store_memory=512 * 2**20, include_dashboard=False, logging_level="WARNING",
                 runtime_env={"env_vars": env})  # fmt: skip
        try:
            serve.start(http_options=http_options(DeployConfig(port=port)))
            config = ServerConfig(key_digests=(digest(KEY), digest(OTHER)), max_request_seconds=600,
                                  limits=Limits(max_steps=500, max_size=64), quotas=QuotaConfig(requests_per_minute=QUOTA),
                                  batcher=BatcherConfig(max_wait=0.02, max_batch_seconds=600),
                                  throttle=ThrottleConfig(max_failures=FAILURES))  # fmt: skip
            serve.run(build("tiny-sd", config, RayOptions(replicas=2, threads=1)), name=APP_NAME, route_prefix="/")
        except BaseException:
            self.stop()
            raise

    def replica_stats(self, key: str, tries: int = 40) -> dict[str, dict]:
        """/v1/stats of each replica (the proxy routes each call to one of them: ask until both have answered)."""
        seen: dict[str, dict] = {}
        for _ in range(tries):
            stats = httpx.get(f"{self.url}/v1/stats", headers={"authorization": f"Bearer {key}"}, timeout=30).json()
            seen[stats["replica"]] = stats["batcher"]
            if len(seen) == 2:
                break
        return seen

    def batches(self) -> list[dict]:
        return [json.loads(line) for line in self.trace.read_text().splitlines()] if self.trace.exists() else []

    def stop(self) -> None:
        try:
            serve.shutdown()
        finally:
            ray.shutdown()


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    started = App(tmp_path_factory.mktemp("ray-tenants"))
    yield started
    started.stop()


def test_a_running_batch_on_a_replica_stops_between_steps_once_its_client_has_gone(app) -> None:
    """#25 item 5 on Ray: Ray cancels the request of a client that closed its connection; the replica's batcher
    then stops that running batch at its next step boundary (counted as `stopped` in the replica's /v1/stats,
    which only a stop between steps increments), and the replica answers the next group."""
    auth = {"authorization": f"Bearer {KEY}"}
    long = _request(steps=500, k=500, height=64, width=64, accel=AccelConfig.exact())
    with pytest.raises(httpx.TimeoutException):  # the client gives up and closes its connection
        httpx.post(f"{app.url}/v1/denoise", json=long.to_json(), headers=auth, timeout=3.0)
    deadline, stopped = time.monotonic() + 60, 0
    while time.monotonic() < deadline and not stopped:
        stats = app.replica_stats(KEY)
        stopped = sum(s["stopped"] for s in stats.values())
        time.sleep(0.5)
    assert stopped == 1 and not any(s["failed"] for s in stats.values()), stats
    for seed in range(4):  # both replicas serve again
        r = httpx.post(f"{app.url}/v1/denoise", json=_request(seed=seed).to_json(), headers=auth, timeout=120)
        assert r.status_code == 200, r.text


def test_a_keys_quota_is_the_apps_not_each_replicas(app) -> None:
    """#25 item 1 on Ray: the quota buckets live in one named actor (`ray_tenants.TenantLedger`), so a key sending
    twice its per-minute quota gets its quota once across both replicas, then 429 `quota` with Retry-After (with a
    bucket per replica it got up to twice as much). The admitted requests ran on both replicas (batch trace)."""
    headers = {"authorization": f"Bearer {OTHER}"}
    codes: dict[str, tuple[int, str | None, int]] = {}
    for i in range(2 * QUOTA):
        rid = f"quota-{i}"
        r = httpx.post(f"{app.url}/v1/denoise", json=_request(seed=100 + i).to_json(),
                       headers=headers | {"x-request-id": rid}, timeout=120)  # fmt: skip
        error = r.json()["error"]["code"] if r.status_code != 200 else None
        codes[rid] = (r.status_code, error, int(r.headers.get("retry-after", 0)))
    served = [rid for rid, (status, _, _) in codes.items() if status == 200]
    refused = [answer for answer in codes.values() if answer[0] != 200]
    assert QUOTA <= len(served) <= QUOTA + 1, codes  # + 1: the bucket refills one request every 10 s
    assert refused and all(status == 429 and code == "quota" and wait >= 1 for status, code, wait in refused), codes
    replicas = {b["replica"] for b in app.batches() for rid, _ in b["groups"] if rid in served}
    assert len(replicas) == 2, replicas  # spread over both: per-replica buckets would have admitted more


def test_wrong_keys_are_throttled_after_the_same_count_on_two_replicas_as_on_one(app) -> None:
    """#25 item 1 on Ray: failed authentications are counted per address by the ledger, so 12 wrong keys spread
    over both replicas get FAILURES 403s, then 429 `auth_throttled` (with a count per replica, up to twice as many
    403s); a valid key from the same address is still served."""
    codes = []
    for i in range(3 * FAILURES):
        r = httpx.post(f"{app.url}/v1/denoise", json=_request().to_json(),
                       headers={"authorization": f"Bearer obk_wrong-key-{i:02d}-0123456789abcdefGHIJKL"}, timeout=30)  # fmt: skip
        codes.append((r.status_code, r.json()["error"]["code"]))
    assert codes == [(403, "forbidden")] * FAILURES + [(429, "auth_throttled")] * (2 * FAILURES), codes
    good = httpx.post(f"{app.url}/v1/denoise", json=_request().to_json(), headers={"authorization": f"Bearer {KEY}"},
                      timeout=120)  # fmt: skip
    assert good.status_code == 200, good.text


def test_the_ledger_orders_tenants_on_one_clock() -> None:
    """The ledger's fair clock, as a plain object: a key's tags advance by its own work, a new key starts at the
    clock, a refused group is given back unless the key was tagged again since."""
    from obclip.server.ray_tenants import TenantLedger

    ledger = TenantLedger(QuotaConfig(requests_per_minute=2))
    assert [ledger.tag("flood", 1.0) for _ in range(3)] == [0.0, 1.0, 2.0]
    ledger.advance(1.0)  # a replica started flood's second group
    assert ledger.tag("good", 0.1) == 1.0  # the newcomer comes before flood's third (2.0) and later groups
    ledger.untag("good", 1.0, 0.1)
    assert ledger.tag("good", 0.1) == 1.0
    assert ledger.charge("good", 10) is None and ledger.charge("good", 10) is None
    status, code, _, retry_after = ledger.charge("good", 10)
    assert (status, code) == (429, "quota") and retry_after >= 1
