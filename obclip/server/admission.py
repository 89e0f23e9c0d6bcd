"""Admission and isolation, shared by every engine (this process's batcher, a Ray deployment).

`admit` is the one path from a request body to an admitted group, a plain function (no HTTP): the
served pair's defaults for absent settings, the request limits (`schema.check_limits`), the split plan
(`plan.received_plan`, the same constructor the device uses), the protocol's own checks
(`CloudRequest`), then the checks below, the budget and the key's quota, in that order.

Before a group may join a batch it is checked on its own (`prevalidate`): everything that can
fail for one group (text encoding, tokenisation, latent shape, sampler) fails here, as a 4xx
for that group only. Its cost is estimated (`Budget.cost`: candidates x UNet calls x latent
pixels, in FLOPs, seconds and activation bytes) and checked against a budget the server
derives from its own pair and device (`derive_budget`, published by /v1/models). Per-key
quotas (`Quotas`) bound requests and candidate-steps per minute. Inside a batch, a group that
still fails fails alone (`run_groups` bisects the batch and re-runs the halves).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import platform
import threading
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import torch
from torch.utils._python_dispatch import TorchDispatchMode

from obclip.cloud.engine import CloudEngine, check_sampler
from obclip.models.pair import ModelPair
from obclip.models.text import tokenize
from obclip.plan import PlanError, received_plan
from obclip.protocol import CloudRequest, ProtocolError
from obclip.server.config import Limits, QuotaConfig
from obclip.server.schema import WIRE, DenoiseBody, check_limits

_PEAK_PER_LARGEST = 8  # live activations at the peak, in units of the largest single tensor (conservative)


class AdmissionError(Exception):
    """A request refused before it costs anything: HTTP status, error code, message, Retry-After."""

    def __init__(self, status: int, code: str, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.retry_after = status, code, message, retry_after


def prevalidate(request: CloudRequest, pair: ModelPair) -> None:
    """Runs, for this group alone, every check that could otherwise fail a whole batch."""
    for i, candidate in enumerate(request.candidates):
        try:
            candidate.encode("utf-8")  # a lone surrogate ("\\ud800") breaks the tokenizer for the batch
        except UnicodeEncodeError:
            raise AdmissionError(422, "invalid_request", f"candidate {i} is not valid Unicode text") from None
        if any(ord(ch) < 32 and ch not in "\t\n" for ch in candidate):
            raise AdmissionError(422, "invalid_request", f"candidate {i} holds control characters")
    try:
        for tokenizer in pair.text.tokenizers:
            tokenize(tokenizer, request.candidates, truncation=True, max_length=pair.text.max_length)  # the engine's lock
        pair.latent_shape(request.height, request.width)
        check_sampler(pair, request.sampler, request.steps)
    except (ProtocolError, ValueError, TypeError) as exc:
        raise AdmissionError(422, "invalid_request", str(exc).splitlines()[0][:300]) from None


@dataclass(frozen=True)
class Cost:
    """Estimated cost of one request (or batch)."""

    candidate_steps: int
    flops: float
    seconds: float
    memory_bytes: float


@dataclass(frozen=True)
class Budget:
    """What one request and one batch may cost on this server.

    Attributes:
        flops_per_call (`float`): UNet FLOPs of one candidate, one call, at `ref_pixels`.
        ref_pixels (`int`): latent pixels (h x w) of the pair's native resolution.
        flops_per_second (`float`): measured throughput of this pair on this device (batched calls).
        overhead_seconds (`float`): measured fixed cost of a request (text encoder, grid, copies).
        largest_tensor_bytes (`float`): largest activation of one call at `ref_pixels`.
        quadratic_share (`float`): the part of `flops_per_call` that grows with the square of the pixels
            (self-attention), counted at the native and the doubled side; the rest grows with the pixels.
        memory_bytes (`float`): activation memory one batch may use.
        max_request_seconds (`float`): estimated compute one request may take.
        max_batch_seconds (`float`): estimated compute one batch may take (bounds how long a
            small request can wait behind a running batch).
    """

    flops_per_call: float
    ref_pixels: int
    flops_per_second: float
    largest_tensor_bytes: float
    memory_bytes: float
    overhead_seconds: float = 0.0
    quadratic_share: float = 0.0
    max_request_seconds: float = 60.0
    max_batch_seconds: float = 60.0

    def __post_init__(self) -> None:
        if min(self.flops_per_call, self.ref_pixels, self.flops_per_second, self.largest_tensor_bytes) <= 0:
            raise ValueError("budget measurements must be positive")
        if self.memory_bytes <= 0 or self.max_request_seconds <= 0 or self.max_batch_seconds <= 0:
            raise ValueError("memory and time budgets must be positive")

    def cost(self, request: CloudRequest, pair: ModelPair) -> Cost:
        """Candidates x UNet calls x latent pixels; superlinear above the native size (attention)."""
        _, h, w = pair.latent_shape(request.height, request.width)
        ratio = h * w / self.ref_pixels
        scale = ratio * max(1.0, ratio)  # memory: attention maps grow with the square, bounded from above
        flop_scale = (1 - self.quadratic_share) * ratio + self.quadratic_share * ratio**2
        calls = request.k * (2 if request.guidance > 1.0 else 1)
        rows = request.computed  # candidates the engine computes (fewer than N when composing)
        flops = rows * calls * self.flops_per_call * flop_scale
        memory = rows * (2 if request.guidance > 1.0 else 1) * _PEAK_PER_LARGEST * self.largest_tensor_bytes
        seconds = self.overhead_seconds + flops / self.flops_per_second
        return Cost(request.n * request.k, flops, seconds, memory * scale)

    def refusal(self, cost: Cost) -> str | None:
        """Why a request of `cost` is refused, or None."""
        if cost.memory_bytes > self.memory_bytes:
            return (f"estimated activation memory {cost.memory_bytes / 2**20:.0f} MiB exceeds this server's "
                    f"{self.memory_bytes / 2**20:.0f} MiB budget; send fewer candidates or a smaller image")  # fmt: skip
        if cost.seconds > self.max_request_seconds:
            return (f"estimated compute {cost.seconds:.1f}s ({cost.flops / 1e12:.2f} TFLOPs) exceeds this server's "
                    f"{self.max_request_seconds:g}s budget per request; send fewer candidates, steps or pixels")  # fmt: skip
        return None

    def to_json(self) -> dict:
        return asdict(self)


class _LargestTensor(TorchDispatchMode):
    """Records the largest tensor any op produces (a proxy for activation memory)."""

    def __init__(self) -> None:
        super().__init__()
        self.largest = 0

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        for t in out if isinstance(out, tuple | list) else (out,):
            if isinstance(t, torch.Tensor):
                self.largest = max(self.largest, t.numel() * t.element_size())
        return out


def device_memory(device: torch.device) -> int:
    """Total memory of `device` (CUDA: the card's; CPU: physical RAM)."""
    if device.type == "cuda":
        return torch.cuda.get_device_properties(device).total_memory
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")


def derive_budget(pair: ModelPair, max_request_seconds: float = 60.0, max_batch_seconds: float | None = None,
                  memory_fraction: float = 0.25, timed: bool = True) -> Budget:  # fmt: skip
    """Measures the pair on its device at its native size: FLOPs of one candidate's UNet call
    (counted), the seconds of a 1-call and a 4x2-call request (timed after a warm-up, fastest of up to three; their
    difference is 7 calls of batched work, the rest a request's fixed overhead), and the largest
    activation of a call. The memory budget is `memory_fraction` of the device's memory (the
    rest holds the weights, other batches' hand-offs, the OS). With `timed` off, only the counts and the
    largest activation (throughput 1 FLOP/s: a placeholder the caller replaces)."""
    res = pair.spec.resolution
    sampler = pair.spec.cloud_sampler or "dpm"
    common = {"seed": 0, "steps": 2, "guidance": 0.0, "height": res, "width": res, "sampler": sampler, "pair": pair.name}
    one = CloudRequest(candidates=("a photo",), k=1, **common)
    eight = CloudRequest(candidates=tuple(f"a photo {i}" for i in range(4)), k=2, **common)
    counter = CloudEngine(pair, count_flops=True)
    flops = max(1, counter.run(one).server_flops)
    doubled = max(1, counter.run(replace(one, height=2 * res, width=2 * res)).server_flops)  # counted, not timed
    quadratic = min(max((doubled - 4 * flops) / 12 / flops, 0.0), 1.0)  # f(2x side) = 4 linear + 16 quadratic
    engine = CloudEngine(pair, count_flops=False)
    if not timed:
        with _LargestTensor() as mode:
            engine.run(one)
        _, h, w = pair.latent_shape(res, res)
        return Budget(flops_per_call=float(flops), ref_pixels=h * w, flops_per_second=1.0, quadratic_share=quadratic,
                      largest_tensor_bytes=float(max(mode.largest, 1)), memory_bytes=1.0)  # fmt: skip
    engine.run(one)  # warm-up
    t_one, t_eight, spent = math.inf, math.inf, 0.0
    for _ in range(3):  # the fastest of up to three runs: a shared machine only ever adds time
        with _LargestTensor() as mode:
            started = time.perf_counter()
            engine.run(one)
            t_one = min(t_one, time.perf_counter() - started)
        started = time.perf_counter()
        engine.run(eight)
        t_eight = min(t_eight, time.perf_counter() - started)
        spent += t_one + t_eight
        if spent > 10.0:  # a large pair on a slow device: one measurement is what startup can afford
            break
    per_call = max((t_eight - t_one) / 7, t_eight / 64, 1e-6)  # timing noise must not make calls free
    _, h, w = pair.latent_shape(res, res)
    return Budget(
        flops_per_call=float(flops), ref_pixels=h * w, flops_per_second=flops / per_call, quadratic_share=quadratic,
        largest_tensor_bytes=float(max(mode.largest, 1)), memory_bytes=memory_fraction * device_memory(next(pair.cloud_unet.parameters()).device),
        overhead_seconds=max(0.0, t_one - per_call), max_request_seconds=max_request_seconds,
        max_batch_seconds=max_batch_seconds or max_request_seconds,
    )  # fmt: skip


def calibrated_budget(pair: ModelPair, max_request_seconds: float = 60.0, max_batch_seconds: float | None = None,
                      memory_fraction: float = 0.25, throughput: float | None = None, recalibrate: bool = False,
                      cache_dir: Path | None = None) -> Budget:  # fmt: skip
    """The budget of `pair` on this machine, stable across restarts.

    `derive_budget` times a few UNet calls, and on a shared machine its throughput moved from 6.2 to 46.5 GFLOP/s
    between restarts (issue #25). Here the measurement is taken once per pair, device, torch version and thread
    count and stored (`budget-<key>.json` in the cache directory, `recalibrate` to take it again); an operator
    may instead state the throughput (`throughput`, FLOP/s: `obclip serve --throughput GFLOPS`), and then only
    the counted FLOPs and the largest activation of one call are measured (no timing at all).
    """
    from obclip.prompts.store import default_directory

    device = next(pair.cloud_unet.parameters()).device
    key = hashlib.sha256(json.dumps([pair.name, str(device), torch.__version__, torch.get_num_threads(),
                                     platform.machine()]).encode()).hexdigest()[:16]  # fmt: skip
    path = (cache_dir or default_directory()) / f"budget-{key}.json"
    limits = {"max_request_seconds": max_request_seconds, "max_batch_seconds": max_batch_seconds or max_request_seconds,
              "memory_bytes": memory_fraction * device_memory(device)}  # fmt: skip
    if throughput is not None:
        measured = asdict(derive_budget(pair, timed=False))
        measured.update(flops_per_second=throughput, overhead_seconds=0.0)
    elif path.is_file() and not recalibrate:
        measured = json.loads(path.read_text())
    else:
        measured = asdict(derive_budget(pair))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({k: measured[k] for k in _MEASURED}))
    return Budget(**{k: measured[k] for k in _MEASURED}, **limits)


_MEASURED = ("flops_per_call", "ref_pixels", "flops_per_second", "largest_tensor_bytes", "overhead_seconds",
             "quadratic_share")


class Quotas:
    """Token buckets per key: a burst of one minute's allowance, refilled linearly (thread-safe)."""

    def __init__(self, config: QuotaConfig = QuotaConfig()) -> None:
        self.config = config
        self._buckets: dict[str, tuple[float, float, float]] = {}  # key -> (requests, steps, at)
        self._lock = threading.Lock()

    def charge(self, key: str, candidate_steps: int) -> None:
        """Takes one request and `candidate_steps` from `key`'s buckets or raises a 429 `AdmissionError`."""
        c = self.config
        if candidate_steps > c.candidate_steps_per_minute:
            raise AdmissionError(422, "limit", f"{candidate_steps} candidate-steps exceed the per-minute quota of "
                                 f"{c.candidate_steps_per_minute:g}")  # fmt: skip
        with self._lock:
            now = time.monotonic()
            reqs, steps, at = self._buckets.get(key, (c.requests_per_minute, c.candidate_steps_per_minute, now))
            reqs = min(c.requests_per_minute, reqs + (now - at) * c.requests_per_minute / 60)
            steps = min(c.candidate_steps_per_minute, steps + (now - at) * c.candidate_steps_per_minute / 60)
            if reqs < 1 or steps < candidate_steps:
                wait = max((1 - reqs) * 60 / c.requests_per_minute,
                           (candidate_steps - steps) * 60 / c.candidate_steps_per_minute)  # fmt: skip
                self._buckets[key] = (reqs, steps, now)
                raise AdmissionError(429, "quota", f"this key's quota is used up; retry in {math.ceil(wait)}s",
                                     retry_after=math.ceil(wait))  # fmt: skip
            self._buckets[key] = (reqs - 1, steps - candidate_steps, now)

    async def take(self, key: str, candidate_steps: int) -> None:
        """`charge`, as the app calls it: a replica of the Ray app overrides it with a call to the app's
        shared ledger (`ray_tenants.GlobalQuotas`), which must not block the event loop."""
        self.charge(key, candidate_steps)


@dataclass(frozen=True)
class Admitted:
    """A group that passed every check: what the runner gets, and what it is estimated to cost."""

    request: CloudRequest
    cost: Cost


def admit(body: DenoiseBody, pair: ModelPair, limits: Limits, budget: Budget, quotas: Quotas | None,
          tenant: str) -> Admitted:  # fmt: skip
    """Checks one `POST /v1/denoise` body and charges its key's quota; raises `AdmissionError` (4xx) otherwise.
    With `quotas` None the caller charges the quota itself (`Quotas.take`, awaited by the route)."""
    spec = pair.spec
    body = body.model_copy(  # absent settings: the served pair's defaults
        update={
            "steps": spec.cloud_steps or spec.steps if body.steps is None else body.steps,
            "k": spec.k if body.k is None else body.k,
            "guidance": spec.guidance if body.guidance is None else body.guidance,
        }
    )
    problem = check_limits(body, pair, limits)
    if problem:
        raise AdmissionError(422, "limit", problem)
    try:  # the split this request implies must be one the pair can run: k on its grid, its sampler
        received_plan(spec, sampler=body.sampler, steps=body.steps, k=body.k, n=len(body.candidates))
        request = CloudRequest.from_json(body.model_dump(exclude=set(WIRE)))  # the body is CloudRequest's fields
    except (PlanError, ProtocolError) as exc:
        raise AdmissionError(422, "invalid_request", str(exc)) from None
    prevalidate(request, pair)  # this group alone: nothing it holds can fail a batch
    cost = budget.cost(request, pair)
    refusal = budget.refusal(cost)
    if refusal:
        raise AdmissionError(422, "over_budget", refusal)
    if quotas is not None:
        quotas.charge(tenant, cost.candidate_steps)
    return Admitted(request, cost)
