"""The device against a real misbehaving server on loopback: every corrupted answer is refused.

The server here is a tiny `http.server` that computes the true answer with the real tiny
engine and then corrupts it (NaN, wrong shape, noise, x1e4, a 400 MB body, a 1 byte/s drip,
503 forever), or is down for the first seconds of the client's retry window.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import torch

from obclip.client import AnswerRejected, CloudBusy, CloudUnreachable, RemoteCloud
from obclip.cloud.engine import CloudEngine
from obclip.device.verify import HandoffCheck
from obclip.models.pair import load_pair
from obclip.protocol import CloudRequest, Handoff

PAIR = load_pair("tiny-sd")
ENGINE = CloudEngine(PAIR, count_flops=False)


def _corrupt(mode: str, answer: Handoff) -> Handoff:
    x, prev = answer.latents, answer.prev_denoised
    r = answer.request
    if mode == "nan":
        x = x.clone()
        x[0, 0, 0, 0] = float("nan")
    elif mode == "inf":
        x = x.clone()
        x[-1, -1, -1, -1] = float("inf")
    elif mode == "zeros":
        x = torch.zeros_like(x)
    elif mode == "noise":
        x = torch.randn_like(x) * x.std()
    elif mode == "x1e4":
        x = x * 1e4
    elif mode in ("small", "large", "3ch"):
        size = {"small": (4, 4), "large": (16, 16), "3ch": tuple(x.shape[-2:])}[mode]
        channels = 3 if mode == "3ch" else x.shape[1]
        x = torch.nn.functional.interpolate(x, size=size)[:, :channels]
        prev = torch.nn.functional.interpolate(prev, size=size)[:, :channels]
    return Handoff(r, answer.step, x, prev)


class Misbehaving(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    mode = "good"
    dripped = 0  # bytes the "drip" mode has written (its test counts how many got through before the deadline)

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        data = json.loads(self.rfile.read(int(self.headers["content-length"])))
        wire = data.pop("wire_dtype", "float16")
        request = CloudRequest.from_json(data)
        mode = self.server.mode  # type: ignore[attr-defined]
        if mode == "busy":
            return self._send(503, b'{"error": {"code": "overloaded", "message": "queue full"}}', retry_after="1")
        if mode == "huge":  # announces and streams 400 MB
            self.send_response(200)
            self.send_header("content-length", str(400 * 2**20))
            self.end_headers()
            try:
                for _ in range(400):
                    self.wfile.write(b"\0" * 2**20)
            except OSError:
                pass
            return None
        if mode == "huge-chunked":  # no length announced, 400 MB streamed
            self.send_response(200)
            self.send_header("transfer-encoding", "chunked")
            self.end_headers()
            try:
                for _ in range(400):
                    self.wfile.write(b"100000\r\n" + b"\0" * 2**20 + b"\r\n")
            except OSError:
                pass
            return None
        blob = _corrupt(mode, ENGINE.run(request)).to_bytes(wire)
        if mode == "int":  # right shapes, integer tensors
            blob = Handoff(request, request.k, torch.zeros(request.n, 4, 8, 8, dtype=torch.int32)).to_bytes("float32")
            blob = blob.replace(b'"F32"', b'"I32"')
        if mode == "drip":
            self.send_response(200)
            self.send_header("content-length", str(len(blob)))
            self.end_headers()
            try:
                for byte in blob:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    Misbehaving.dripped += 1
                    time.sleep(1.0)
            except OSError:
                pass
            return None
        return self._send(200, blob)

    def _send(self, status: int, body: bytes, retry_after: str | None = None) -> None:
        self.send_response(status)
        self.send_header("content-length", str(len(body)))
        if retry_after:
            self.send_header("retry-after", retry_after)
        self.end_headers()
        self.wfile.write(body)


def _serve(mode: str, port: int = 0) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", port), Misbehaving)
    server.daemon_threads = True
    server.mode = mode  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module", autouse=True)
def _warm_engine() -> None:
    ENGINE.run(_request())  # the first call pays seconds of lazy initialisation, not the client's deadline


@pytest.fixture
def fake():
    servers: list[ThreadingHTTPServer] = []

    def start(mode: str, port: int = 0) -> str:
        servers.append(_serve(mode, port))
        return f"http://127.0.0.1:{servers[-1].server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def _request(k: int = 3) -> CloudRequest:
    return CloudRequest(("a portrait of a young woman", "a portrait of a young man"), 5, 6, k, 5.0, 32, 32, "dpm",
                        "tiny-sd")  # fmt: skip


def _client(url: str, **kw) -> RemoteCloud:
    return RemoteCloud(url, "key", **({"timeout": 5.0, "retry_for": 0.0, "verify": HandoffCheck(PAIR)} | kw))


def test_a_correct_answer_passes(fake) -> None:
    answer = _client(fake("good"))(_request())
    assert torch.allclose(answer.latents, ENGINE.run(_request()).latents, atol=2e-2)


@pytest.mark.parametrize(
    ("mode", "fragment"),
    [
        ("nan", "NaN or infinite"),
        ("inf", "NaN or infinite"),
        ("zeros", "constant"),
        ("noise", "does not follow from seed"),
        ("x1e4", "beyond the plausible"),
        ("small", "shape"),
        ("large", "shape"),
        ("3ch", "shape"),
        ("int", "dtype"),
        ("huge", "cap"),
        ("huge-chunked", "cap"),
    ],
)
def test_every_corrupted_answer_is_refused(fake, mode: str, fragment: str) -> None:
    with pytest.raises(AnswerRejected, match=fragment) as info:
        _client(fake(mode), wire_dtype="float32" if mode == "x1e4" else "float16")(_request())  # fp16 would overflow
    assert "\n" not in str(info.value)


def test_a_dripping_server_cannot_outlast_the_deadline(fake) -> None:
    """Counted in bytes: at one byte a second, a 2 s deadline lets a handful of the answer's bytes through
    before the client gives up, never the answer."""
    Misbehaving.dripped = 0
    with pytest.raises(CloudUnreachable, match="deadline"):
        _client(fake("drip"), timeout=2.0)(_request())
    assert 1 <= Misbehaving.dripped <= 5 < len(ENGINE.run(_request()).to_bytes("float16"))


def test_busy_is_not_unreachable(fake) -> None:
    client = _client(fake("busy"), retry_for=2.0)
    with pytest.raises(CloudBusy, match="busy .*503.*queue full") as info:
        client(_request())
    assert "cannot reach" not in str(info.value) and len(client.attempts) >= 2


def test_retry_window_covers_a_restart_with_the_identical_body(fake) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    threading.Timer(4.0, fake, args=("good", port)).start()  # "restarts" 4 s after the first attempt
    client = _client(f"http://127.0.0.1:{port}", retry_for=20.0)
    answer = client(_request())
    assert answer.request == _request() and len(client.attempts) >= 3 and len(set(client.attempts)) == 1


def test_plain_http_to_a_remote_host_is_refused() -> None:
    from obclip.protocol import ProtocolError

    with pytest.raises(ProtocolError, match="--insecure-http"):
        RemoteCloud("http://cloud.example.com:8000", "key")
    RemoteCloud("http://cloud.example.com:8000", "key", insecure_http=True)
    RemoteCloud("https://cloud.example.com", "key")
    RemoteCloud("http://[::1]:8000", "key")


@pytest.mark.slow
def test_cli_exits_2_with_one_line_or_falls_back(fake, tmp_path) -> None:
    url = fake("nan")
    env = os.environ | {"OBCLIP_API_KEY": "key", "HF_HUB_OFFLINE": "1"}
    cmd = [sys.executable, "-m", "obclip.cli", "generate", "a portrait of a young woman", "--pair", "tiny-sd",
           "--no-progress", "--server", url, "--retry-for", "0s", "--json"]  # fmt: skip
    proc = subprocess.run([*cmd, "--out", str(tmp_path / "a.png")], capture_output=True, text=True, env=env,
                          timeout=300)  # fmt: skip
    assert proc.returncode == 2 and not (tmp_path / "a.png").exists()
    lines = [line for line in proc.stderr.splitlines() if line.startswith("obclip")]
    assert len(lines) == 1 and "NaN" in lines[0] and "Traceback" not in proc.stderr
    proc = subprocess.run([*cmd, "--out", str(tmp_path / "b.png"), "--fallback", "device"], capture_output=True,
                          text=True, env=env, timeout=300)  # fmt: skip
    assert proc.returncode == 0 and json.loads(proc.stdout)["mode"] == "device"
