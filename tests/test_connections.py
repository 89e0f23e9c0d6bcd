"""Connection guards that count every connection (#25 item 2) on a real `obclip serve` on loopback: a key's
requests in flight are capped (slow bodies under one key cannot hold the connections other tenants need), and
a TLS connection counts against the cap from its accept, before any handshake."""

from __future__ import annotations

import socket
import ssl
import subprocess
import time

import httpx
import pytest

from obclip.client import RemoteCloud
from tests.test_server import KEY, Server, _body, _request

pytestmark = pytest.mark.slow
OTHER = "obk_other-tenant-0123456789abcdefGHIJKLMN"


def _auth(key: str) -> dict:
    return {"authorization": f"Bearer {key}"}


def _slow_body(port: int, key: str) -> socket.socket:
    """A request whose headers arrive and whose body never finishes."""
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(f"POST /v1/denoise HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {key}\r\n"
              "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{".encode())  # fmt: skip
    return s


def _closed_by_server(s: socket.socket) -> bool:
    s.settimeout(0.2)
    try:
        return s.recv(1) == b""
    except TimeoutError:
        return False  # still open: nothing to read
    except OSError:  # reset by the server
        return True


def test_one_key_cannot_hold_more_than_its_connections_in_flight(tmp_path) -> None:
    server = Server(tmp_path, "--max-key-connections", "3", "--body-timeout", "20", keys=(KEY, OTHER))
    slow: list[socket.socket] = []
    try:
        slow = [_slow_body(server.port, KEY) for _ in range(3)]
        time.sleep(0.5)  # their headers are in: three requests in flight under KEY
        fourth = _slow_body(server.port, KEY)  # its body never comes: an answer can only come from its headers
        fourth.settimeout(10)
        answer = ""
        while "too_many_connections" not in answer and (chunk := fourth.recv(4096)):
            answer += chunk.decode()  # the headers and the JSON body may come in two reads
        fourth.close()
        assert answer.startswith("HTTP/1.1 429") and "too_many_connections" in answer, answer
        over = httpx.post(f"{server.url}/v1/denoise", json=_body(), headers=_auth(KEY), timeout=30)
        assert over.status_code == 429 and over.json()["error"]["code"] == "too_many_connections", over.text
        assert int(over.headers["retry-after"]) >= 1
        assert (
            httpx.post(f"{server.url}/v1/denoise", json=_body(), headers=_auth(OTHER), timeout=120).status_code == 200
        )
        for s in slow:
            s.close()
        time.sleep(0.5)  # the server sees the closes and counts the key's requests out
        again = httpx.post(f"{server.url}/v1/denoise", json=_body(), headers=_auth(KEY), timeout=120)
        assert again.status_code == 200, again.text
    finally:
        for s in slow:
            s.close()
        server.stop()


def test_tls_connections_count_before_their_handshake(tmp_path) -> None:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)  # fmt: skip
    server = Server(tmp_path, "--tls-cert", str(cert), "--tls-key", str(key), "--max-connections", "8",
                    "--header-timeout", "3", scheme="https")  # fmt: skip
    idle: list[socket.socket] = []
    try:
        idle = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(40)]  # 5x the cap, no handshake
        time.sleep(0.5)
        answer = RemoteCloud(server.url, KEY, timeout=60, retry_for=0, ca_cert=str(cert))(_request())
        assert answer.latents.shape[0] == 2  # a good client is served, at once (no retry allowed)
        stats = httpx.get(
            f"{server.url}/v1/stats", headers=_auth(KEY), verify=ssl.create_default_context(cafile=str(cert))
        ).json()
        assert stats["transport"]["shed"] >= 32, stats["transport"]  # idle handshakes gave way to newcomers
        time.sleep(3.5)  # past the handshake timeout (= --header-timeout): none is still held
        assert all(_closed_by_server(s) for s in idle)
    finally:
        for s in idle:
            s.close()
        server.stop()
