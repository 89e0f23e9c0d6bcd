"""A server that cheats cheaply, against the real device on loopback (the embedded default pair).

The server here is a tiny `http.server` that computes the true answer with the real engine and then
returns it scaled x10, the zero-compute answer sigma_k * z_T, or with the candidates deranged. The
device must refuse each with exit 2 and one line, and take the honest answer.
"""

from __future__ import annotations

import json
import random
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from obclip.cli import main
from obclip.cloud.engine import CloudEngine
from obclip.denoise import initial_noise
from obclip.device.verify import HandoffCheck
from obclip.models.pair import load_pair
from obclip.protocol import CloudRequest, Handoff

pytestmark = pytest.mark.slow
PROMPT = "a portrait photo of a young asian woman wearing glasses in a garden"


def _cheat(mode: str, answer: Handoff, pair) -> Handoff:
    r, x, prev = answer.request, answer.latents, answer.prev_denoised
    if mode == "x10":
        x = x * 10
    elif mode == "trivial":  # what a server that computed nothing can send: the seed's noise at level sigma_k
        _, sigma = HandoffCheck(pair).noise_levels(r)
        x = (sigma * initial_noise(r.seed, tuple(x.shape[1:]))).repeat(r.n, 1, 1, 1)
    elif mode == "swapped":  # every candidate gets another's latent (a random derangement)
        order, rng = list(range(r.n)), random.Random(r.seed)
        while any(i == j for i, j in enumerate(order)):
            rng.shuffle(order)
        x, prev = x[order], None if prev is None else prev[order]
    return Handoff(r, answer.step, x, prev)


class Cheating(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        data = json.loads(self.rfile.read(int(self.headers["content-length"])))
        wire = data.pop("wire_dtype", "float16")
        server = self.server
        answer = _cheat(server.mode, server.engine.run(CloudRequest.from_json(data)), server.engine.pair)
        body = answer.to_bytes(wire)
        self.send_response(200)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def cheater():
    engine = CloudEngine(load_pair("default"), count_flops=False)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Cheating)
    server.daemon_threads, server.engine, server.mode = True, engine, "honest"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(("mode", "fragment"), [("x10", "standard deviation"), ("trivial", "did not denoise"),
                                                ("honest", None)])  # fmt: skip
def test_cheap_cheating_exits_2_with_one_line(cheater, tmp_path, capsys, monkeypatch, mode: str, fragment) -> None:
    monkeypatch.setenv("OBCLIP_API_KEY", "key")
    cheater.mode = mode
    url = f"http://127.0.0.1:{cheater.server_address[1]}"
    out = tmp_path / "a.png"
    code = main(["generate", PROMPT, "--server", url, "--retry-for", "0s", "--no-progress", "--seed", "3",
                 "--out", str(out)])  # fmt: skip
    err = capsys.readouterr().err
    if fragment is None:
        assert code == 0 and out.exists()
        return
    lines = [line for line in err.splitlines() if line.startswith("obclip: error")]
    assert code == 2 and not out.exists() and len(lines) == 1 and fragment in lines[0], err


def test_swapped_candidates_are_caught_as_often_as_measured_and_honest_answers_never(cheater) -> None:
    """The swap check compares the real latent with five secret others through the device's own model: on
    the default pair it refused 61 of 72 deranged answers and 0 of 72 honest ones (docs/design.md). Here,
    over 4 groups, each candidate in turn as the real one, with a fixed choice of others: no honest answer refused,
    most deranged ones refused."""
    from obclip.device.verify import ImplausibleAnswer, SwapCheck
    from obclip.prompts import transform

    pair = cheater.engine.pair
    caught = tried = 0
    for seed, prompt in enumerate(["a portrait of a young woman", "an old man with a beard"] * 2):
        group = transform(prompt)
        # the order sent is random; sorted here, so that the derangement meets the same candidates in every run
        # (which candidate lands on which decides whether a swap shows: 19 of 32 caught in one CI run, 20+ before)
        ranks = sorted(range(group.n), key=lambda k: group.order[k])
        request = CloudRequest([group.order[k] for k in ranks], seed, 25, 10, pair.spec.guidance, 64, 64,
                               factors=[group.factors[k] for k in ranks])  # fmt: skip
        honest = cheater.engine.run(request)
        swapped = _cheat("swapped", honest, pair)
        # every candidate in turn as the real one: the order sent is random, so one draw per group would make
        # the count a coin toss (2 of 8 caught in one CI run, 5+ in others); all of them make it a fixed count
        for real in range(group.n):
            assert SwapCheck(pair, rng=random.Random(seed))(honest, real) is honest
            tried += 1
            try:
                SwapCheck(pair, rng=random.Random(seed))(swapped, real)
            except ImplausibleAnswer as exc:
                caught += "look swapped" in str(exc)
    assert caught >= 0.6 * tried, (caught, tried)  # measured 28 of 32 (0.88) on the default pair, sorted candidates
