"""The real server on loopback against a hostile tenant: isolation, cost, slow clients, brute force, TLS."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import threading
import time

import httpx
import pytest
import torch

from obclip.client import CloudUnreachable, RemoteCloud
from obclip.cloud.engine import CloudEngine
from obclip.models.pair import load_pair
from obclip.protocol import CloudRequest, ProtocolError
from tests.test_server import KEY, Server

pytestmark = pytest.mark.slow
QUOTA_KEY = "obk_quota-tenant-0123456789abcdefXYZ"
AUTH = {"authorization": f"Bearer {KEY}"}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp("hard"), "--max-request-seconds", "100000", "--quota-candidate-steps", "2500",
                 "--max-connections", "48", "--header-timeout", "2", "--body-timeout", "2",
                 keys=(KEY, QUOTA_KEY))  # fmt: skip
    yield srv
    srv.stop()


def _body(i: int, candidates: list[str] | None = None, **kw) -> dict:
    body = {"candidates": candidates or [f"a young woman number {i}", f"a young man number {i}"], "seed": i,
            "steps": 6, "k": 3, "guidance": 5.0, "height": 32, "width": 32, "pair": "tiny-sd",
            "wire_dtype": "float32", "accel": {"mode": "none"}}  # fmt: skip  (the exact path: results compared bit for bit)
    return body | kw


def _post(srv, body: dict, key: str = KEY, **headers) -> httpx.Response:
    content = json.dumps(
        body
    ).encode()  # ASCII-escaped: a lone surrogate travels as "\\ud800", as a tenant would send it
    headers = {"authorization": f"Bearer {key}", "content-type": "application/json"} | headers
    return httpx.post(f"{srv.url}/v1/denoise", content=content, headers=headers, timeout=120)


def _stats(srv) -> dict:
    return httpx.get(f"{srv.url}/v1/stats", headers=AUTH).json()


def test_poison_group_cobatched_with_four_good_ones(server) -> None:
    """The server waits 200 ms for company (--max-wait-ms 200): the five requests arrive as one batch."""
    bodies = [_body(i) for i in range(4)] + [_body(9, ["a \ud800 portrait", "a man"])]
    responses: dict[int, httpx.Response] = {}

    def send(i: int) -> None:
        responses[i] = _post(server, bodies[i], **{"x-request-id": f"tenant-{i}"})

    threads = [threading.Thread(target=send, args=(i,)) for i in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    poison = responses[4]
    assert poison.status_code == 422 and poison.json()["error"]["request_id"] == "tenant-4"
    engine = CloudEngine(load_pair("tiny-sd"), count_flops=False)
    from obclip.protocol import Handoff

    for i in range(4):
        assert responses[i].status_code == 200 and responses[i].headers["x-request-id"] == f"tenant-{i}"
        body = {k: v for k, v in bodies[i].items() if k != "wire_dtype"}
        expected = engine.run(CloudRequest.from_json(body)).latents
        assert torch.allclose(Handoff.from_bytes(responses[i].content).latents, expected, atol=1e-4)


def test_every_error_is_json_with_a_request_id(server) -> None:
    cases = [
        httpx.post(f"{server.url}/v1/denoise", content=b"{nope", headers=AUTH | {"content-type": "application/json"}),
        httpx.get(f"{server.url}/v1/nothing", headers=AUTH),
        httpx.get(f"{server.url}/v1/models"),
        httpx.post(f"{server.url}/v1/models", headers=AUTH, content=b""),
        _post(server, _body(1, [f"p {i}" for i in range(64)], height=1024, width=1024)),
    ]
    for response in cases:
        assert 400 <= response.status_code < 500, response.text
        error = response.json()["error"]
        assert error["request_id"] == response.headers["x-request-id"] and error["message"]
    assert cases[-1].json()["error"]["code"] == "over_budget"  # N=64 at 1024 px: refused, not run out of memory
    with socket.create_connection(("127.0.0.1", server.port)) as s:  # a 200 KB header
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n")
        s.settimeout(10)
        answer = b""
        with contextlib.suppress(ConnectionResetError):
            while chunk := s.recv(4096):
                answer += chunk
        answer = answer.decode()
    assert answer.startswith("HTTP/1.1 400") and '"request_id"' in answer


def test_quota_per_key_is_429_with_retry_after(server) -> None:
    body = _body(3, [f"prompt number {i}" for i in range(40)], steps=30, k=30, guidance=0.0)  # 1200 of 2500/min
    assert _post(server, body, QUOTA_KEY).status_code == 200
    assert _post(server, body, QUOTA_KEY).status_code == 200
    refused = _post(server, body, QUOTA_KEY)
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
    assert refused.json()["error"]["code"] == "quota"
    assert _post(server, _body(3)).status_code == 200  # another key's quota is its own


def test_small_request_waits_at_most_one_batch_and_gone_clients_cost_nothing(server) -> None:
    """Counted, not timed: while a heavy group runs, a client that gives up on its queued group costs no batch,
    and a small group sent next is served by the batch after the heavy one."""
    small = _body(5)
    assert _post(server, small).status_code == 200
    heavy = _body(6, [f"a heavy prompt {i}" for i in range(32)], steps=60, k=60)
    thread = threading.Thread(target=lambda: _post(server, heavy))
    before = _stats(server)["batcher"]
    thread.start()
    while not _stats(server)["batcher"]["running"]:  # the heavy group's batch is running
        time.sleep(0.05)
    with pytest.raises(httpx.TimeoutException):  # a client that gives up while its group is queued
        httpx.post(f"{server.url}/v1/denoise", json=_body(7, steps=40, k=40), headers=AUTH, timeout=0.5)
    assert _post(server, small).status_code == 200
    thread.join(timeout=120)
    after = _stats(server)["batcher"]
    while after["cancelled"] == before["cancelled"]:  # the gone client is noticed within the runner's poll
        time.sleep(0.1)
        after = _stats(server)["batcher"]
    assert after["cancelled"] == before["cancelled"] + 1
    assert after["batches"] - before["batches"] == 2 and after["groups"] - before["groups"] == 2  # heavy, small


def test_slow_connections_are_shed_and_a_good_request_still_served(server) -> None:
    good = _body(8)
    assert _post(server, good).status_code == 200
    log_before = server.log.stat().st_size
    sockets = []
    for _ in range(200):  # 4x the connection cap, each sending half a request line, then nothing
        s = socket.create_connection(("127.0.0.1", server.port))
        s.sendall(b"POST /v1/denoise HTTP/1.1\r\nHost: x\r\n")
        sockets.append(s)
    assert _post(server, good).status_code == 200  # served while 200 slow connections hold the cap
    time.sleep(2.5)  # past the header timeout: every slow connection is closed by the server
    closed = 0
    for s in sockets:
        s.settimeout(0.2)
        try:
            closed += s.recv(1) == b""
        except (ConnectionResetError, TimeoutError, OSError):
            closed += 1
        s.close()
    assert closed == len(sockets)
    assert _stats(server)["transport"]["shed"] >= 150
    assert server.log.stat().st_size - log_before < 20_000  # no traceback flood


def test_a_slow_body_is_cut_off(server) -> None:
    """The server, not the client, ends a connection whose body stalls: it closes it (counted as timed out)
    before the client's own 10 s read timeout would."""
    timed_out = _stats(server)["transport"]["timed_out"]
    with socket.create_connection(("127.0.0.1", server.port)) as s:
        s.sendall(f"POST /v1/denoise HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {KEY}\r\n"
                  "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{".encode())  # fmt: skip
        s.settimeout(10)  # a socket.timeout here fails the test: the server kept the connection open
        try:
            while s.recv(4096):
                pass
        except ConnectionResetError:
            pass
    assert _stats(server)["transport"]["timed_out"] == timed_out + 1


def test_wrong_keys_are_throttled_and_logged_without_the_key(tmp_path) -> None:
    srv = Server(tmp_path)
    try:
        wrong = "obk_wrong-guess-0123456789abcdefGHIJ"
        codes = [_post(srv, _body(1), wrong).status_code for _ in range(100)]
        assert codes[:10] == [403] * 10 and set(codes[10:]) == {429}
        assert _post(srv, _body(1)).status_code == 200  # a valid key from the same address (a NAT) still passes
        log = srv.log.read_text()
        assert "auth failed from 127.0.0.1" in log and wrong not in log and "wrong-guess" not in log
    finally:
        srv.stop()


def test_tls_end_to_end(tmp_path, monkeypatch) -> None:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)  # fmt: skip
    srv = Server(tmp_path, "--tls-cert", str(cert), "--tls-key", str(key), scheme="https")
    try:
        monkeypatch.setenv("SSL_CERT_FILE", str(cert))
        request = CloudRequest(("a man", "a woman"), 1, 6, 3, 5.0, 32, 32, "dpm", "tiny-sd")
        assert RemoteCloud(srv.url, KEY, timeout=60)(request).latents.shape[0] == 2
        with pytest.raises(httpx.RemoteProtocolError):  # plain HTTP to the TLS port gets nothing
            httpx.get(f"http://127.0.0.1:{srv.port}/healthz", timeout=5)
        monkeypatch.delenv("SSL_CERT_FILE")
        untrusting = RemoteCloud(srv.url, KEY, timeout=60, retry_for=30.0)
        with pytest.raises(CloudUnreachable, match="does not trust .* --ca-cert"):
            untrusting(request)
        assert len(untrusting.attempts) == 1  # a certificate error is final, not retried for 30 s
        trusting = RemoteCloud(srv.url, KEY, timeout=60, ca_cert=str(cert))
        assert trusting(request).latents.shape[0] == 2
        with pytest.raises(ProtocolError, match="cannot read the CA certificate"):
            RemoteCloud(srv.url, KEY, ca_cert=str(tmp_path / "missing.pem"))
    finally:
        srv.stop()


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--api-key-file", "/nonexistent/keys.txt"], "cannot read API key file"),
        (["--insecure-no-auth", "--api-key-file", "KEYFILE"], "silently disable"),
        (["--api-key-file", "WEAKFILE", "--host", "0.0.0.0"], "too weak"),
        (["--insecure-no-auth", "--tls-cert", "x.pem"], "both --tls-cert and --tls-key"),
    ],
)
def test_serve_misconfiguration_is_one_line(tmp_path, args: list[str], fragment: str) -> None:
    (tmp_path / "keys").write_text(KEY + "\n")
    (tmp_path / "weak").write_text("k\n")
    args = [a.replace("KEYFILE", str(tmp_path / "keys")).replace("WEAKFILE", str(tmp_path / "weak")) for a in args]
    proc = subprocess.run([sys.executable, "-m", "obclip.cli", "serve", "--pair", "tiny-sd", *args],
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert proc.returncode == 2 and fragment in proc.stderr and "Traceback" not in proc.stderr


def test_keys_new_makes_a_key_the_server_accepts(tmp_path) -> None:
    keyfile = tmp_path / "keys.txt"
    proc = subprocess.run([sys.executable, "-m", "obclip.cli", "keys", "new", "--key-file", str(keyfile)],
                          capture_output=True, text=True, timeout=60, check=True)  # fmt: skip
    key = proc.stdout.strip()
    assert len(key) >= 40 and key not in keyfile.read_text() and keyfile.read_text().startswith("sha256:")
    from obclip.server.security import KeyRing, parse_key_lines

    assert KeyRing(tuple(parse_key_lines(keyfile.read_text(), "keys"))).match(key) is not None
