"""Draining the local engine (#25 item 4) on a real `obclip serve` on loopback: after SIGTERM new requests get
503 `draining` with Retry-After (never a refused connection while work is in flight), the admitted request
finishes, and a client that retries within --retry-for is answered by the server started in its place."""

from __future__ import annotations

import signal
import threading
import time

import httpx
import pytest

import tests.test_server as ts
from obclip.client import RemoteCloud
from obclip.config import AccelConfig
from tests.test_server import KEY, Server, _request

pytestmark = pytest.mark.slow
AUTH = {"authorization": f"Bearer {KEY}"}
FLAGS = ("--max-steps", "500", "--max-request-seconds", "600", "--drain-seconds", "300")


def _wait_in_flight(url: str) -> None:
    """Until the long request is admitted (on a loaded machine its upload may take a while)."""
    deadline = time.monotonic() + 60
    while httpx.get(f"{url}/v1/stats", headers=AUTH, timeout=30).json()["in_flight"] < 1:
        assert time.monotonic() < deadline, "the long request was never admitted"
        time.sleep(0.2)


def test_a_draining_server_answers_503_finishes_its_work_and_a_retrying_client_is_served(tmp_path, monkeypatch):
    first = Server(tmp_path, *FLAGS)
    answers: dict[str, object] = {}

    def post_long() -> None:
        long = _request(steps=200, k=200, height=64, width=64, accel=AccelConfig.exact())
        answers["long"] = httpx.post(f"{first.url}/v1/denoise", json=long.to_json(), headers=AUTH, timeout=300)

    def retrying_client() -> None:
        started = time.monotonic()
        answers["retried"] = RemoteCloud(first.url, KEY, wire_dtype="float32", timeout=120, retry_for=400)(_request())
        answers["retried_after"] = time.monotonic() - started

    try:
        runner = threading.Thread(target=post_long)
        runner.start()
        _wait_in_flight(first.url)
        first.proc.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        refused = httpx.post(f"{first.url}/v1/denoise", json=_request(seed=8).to_json(), headers=AUTH, timeout=30)
        health = httpx.get(f"{first.url}/healthz", timeout=30)
        assert first.proc.poll() is None, "the server stopped before its admitted work finished"
        client = threading.Thread(target=retrying_client)
        client.start()
        runner.join(timeout=300)
        first.proc.wait(timeout=120)
    finally:
        first.stop()
    assert refused.status_code == 503 and refused.json()["error"]["code"] == "draining", refused.text
    assert int(refused.headers["retry-after"]) >= 1 and health.status_code == 503
    assert answers["long"].status_code == 200  # admitted before the signal: answered, not cut
    # A new server on the same address (a restart): the client that met 503 and then a closed port gets its answer.
    monkeypatch.setattr(ts, "_free_port", lambda: first.port)
    second = Server(tmp_path, *FLAGS)
    try:
        client.join(timeout=400)
    finally:
        second.stop()
    assert "retried" in answers and answers["retried"].latents.shape[0] == 2, answers
