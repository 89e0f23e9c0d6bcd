"""The engine-agnostic layer on the real tiny engine: isolation, budget, quotas, fair queue, device checks."""

from __future__ import annotations

import threading

import pytest
import torch

from obclip.cloud.engine import CloudEngine
from obclip.device.verify import HandoffCheck, ImplausibleAnswer
from obclip.protocol import CloudRequest, Handoff
from obclip.server.admission import AdmissionError, Budget, Quotas, prevalidate
from obclip.server.batcher import Batcher
from obclip.server.config import BatcherConfig, QuotaConfig
from obclip.server.runner import QueueFull, run_groups
from obclip.server.security import KeyConfigError, KeyRing, digest, key_bits, new_key, parse_key_lines

POISON = "a \ud800 portrait"  # a lone surrogate: the tokenizer fails on it


def _req(i: int, candidates: tuple[str, ...] | None = None, **kw) -> CloudRequest:
    args = {"steps": 6, "k": 3, "guidance": 5.0, "height": 32, "width": 32, "sampler": "dpm", "pair": "tiny-sd"} | kw
    cands = candidates or (f"a young woman number {i}", f"a young man number {i}")
    return CloudRequest(cands, i, args["steps"], args["k"], args["guidance"], args["height"], args["width"],
                        args["sampler"], args["pair"])  # fmt: skip


def test_poison_group_fails_alone_in_a_batch(tiny_sd) -> None:
    engine = CloudEngine(tiny_sd, count_flops=False)
    good = [_req(i) for i in range(4)]
    batch = good[:2] + [_req(99, (POISON, "a man"))] + good[2:]
    with pytest.raises(TypeError):
        engine.run_batch(batch)  # the failure this layer exists for: one group breaks the batch
    results = run_groups(engine.run_batch, batch)
    assert isinstance(results[2], TypeError)
    for request, result in zip(good, results[:2] + results[3:], strict=True):
        assert isinstance(result, Handoff) and result.request == request
        assert torch.allclose(result.latents, engine.run(request).latents, atol=1e-4)


def test_run_groups_splits_mixed_settings_into_one_batch_each(tiny_sd) -> None:
    """Ray's @serve.batch may queue groups of different settings together: one engine batch per setting, in order."""
    engine, calls = CloudEngine(tiny_sd, count_flops=False), []

    def run_batch(requests: list[CloudRequest]) -> list[Handoff]:
        calls.append([r.seed for r in requests])
        return engine.run_batch(requests)

    mixed = [_req(0), _req(1, k=2), _req(2), _req(3, k=2), _req(4, guidance=1.0)]
    results = run_groups(run_batch, mixed)
    assert calls == [[0, 2], [1, 3], [4]]
    for request, result in zip(mixed, results, strict=True):
        assert result.request == request
        assert torch.allclose(result.latents, engine.run(request).latents, atol=1e-4)


def test_prevalidate_refuses_the_poison_before_any_batch(tiny_sd) -> None:
    with pytest.raises(AdmissionError, match="not valid Unicode") as info:
        prevalidate(_req(1, (POISON, "a man")), tiny_sd)
    assert info.value.status == 422
    with pytest.raises(AdmissionError, match="control characters"):
        prevalidate(_req(1, ("a\x00man", "a man")), tiny_sd)
    prevalidate(_req(1), tiny_sd)


def _budget(**kw) -> Budget:
    return Budget(**({"flops_per_call": 1.5e7, "ref_pixels": 64, "flops_per_second": 5e8,
                      "largest_tensor_bytes": 32768.0, "memory_bytes": 2**30, "max_request_seconds": 10.0} | kw))  # fmt: skip


def test_budget_refuses_what_the_limits_allowed(tiny_sd) -> None:
    budget = _budget()
    small = budget.cost(_req(1), tiny_sd)
    assert budget.refusal(small) is None and small.candidate_steps == 6
    huge = _req(1, tuple(f"prompt {i}" for i in range(64)), steps=25, k=25, height=1024, width=1024)
    cost = budget.cost(huge, tiny_sd)
    assert "memory" in budget.refusal(cost) and cost.memory_bytes > 1000 * small.memory_bytes
    slow = budget.cost(_req(1, tuple(f"p {i}" for i in range(64)), steps=100, k=100), tiny_sd)
    assert "compute" in budget.refusal(slow)


def test_quotas_per_key() -> None:
    quotas = Quotas(QuotaConfig(requests_per_minute=3, candidate_steps_per_minute=100))
    for _ in range(3):
        quotas.charge("a", 10)
    with pytest.raises(AdmissionError) as info:
        quotas.charge("a", 10)
    assert info.value.status == 429 and info.value.retry_after >= 1
    quotas.charge("b", 90)  # another key is unaffected
    with pytest.raises(AdmissionError, match="candidate-steps"):
        quotas.charge("c", 101)


def test_fair_queue_serves_a_small_tenant_before_a_big_tenants_backlog() -> None:
    """Ordered, not timed: the first batch is held until the whole backlog is queued, so the order the
    groups ran in is the queue's choice alone."""
    order: list[str] = []
    release = threading.Event()

    def run_batch(requests: list[CloudRequest], on_step=None) -> list[Handoff]:
        release.wait(timeout=30)
        order.extend(r.candidates[0] for r in requests)
        return [Handoff(r, r.k, torch.zeros(r.n, 4, 8, 8)) for r in requests]

    # the whole queue may be one key's (tenant_share=1): this test is about order; shares have their own test
    batcher = Batcher(run_batch, BatcherConfig(max_wait=0.0, enabled=False, max_queued=8, max_queued_seconds=100,
                                               tenant_share=1.0))  # fmt: skip
    try:
        big = [batcher.submit(_req(i, (f"big {i}", "x")), "big", seconds=5.0) for i in range(4)]
        small = batcher.submit(_req(9, ("small", "y")), "small", seconds=0.1)
        with pytest.raises(QueueFull) as info:
            batcher.submit(_req(10, ("z", "w")), "big", seconds=99.0)
        assert info.value.status == 503 and info.value.retry_after >= 1
        late = batcher.submit(_req(11, ("late", "v")), "big", seconds=5.0)
        assert batcher.cancel(late) and late.future.cancelled()
        release.set()
        small.future.result(timeout=10)
        for job in big:
            job.future.result(timeout=10)
        assert order.index("small") <= 1  # behind at most the batch already taken
        assert sorted(order) == sorted([f"big {i}" for i in range(4)] + ["small"])  # "late" never ran
        assert batcher.stats["cancelled"] == 1
    finally:
        batcher.close()


def _gated_batcher() -> tuple[Batcher, list[list[str]], threading.Event]:
    """A batcher whose engine holds each batch until the event is set and records the batches it ran, by the first
    word of each group's first candidate: the batches' make-up is read in order, not timed."""
    batches: list[list[str]] = []
    release = threading.Event()

    def run_batch(requests: list[CloudRequest], on_step=None) -> list[Handoff]:
        release.wait(timeout=30)
        batches.append([r.candidates[0].split()[0] for r in requests])
        return [Handoff(r, r.k, torch.zeros(r.n, 4, 8, 8)) for r in requests]

    config = BatcherConfig(max_wait=0.0, max_queued=16, max_queued_seconds=100, tenant_share=1.0)
    return Batcher(run_batch, config), batches, release


def test_another_tenants_later_groups_do_not_ride_in_a_batch_they_would_only_delay() -> None:
    """Company for a batch's head (the fairest group) comes from its own tenant, or from others only up to the head's
    finish tag: a flooder's backlog (tags 0, 0.1, ... 0.4) used to join a small tenant's group whole and make it wait
    for all of it. Ordered, not timed: the queue fills while a first batch holds the engine."""
    batcher, batches, release = _gated_batcher()
    try:
        first = batcher.submit(_req(0, ("first a", "first b")), "x", seconds=0.1)
        _running(batcher)
        flood = [batcher.submit(_req(i, (f"flood {i}", f"f {i}")), "flood", seconds=0.1) for i in range(5)]
        good = batcher.submit(_req(9, ("good a", "good b")), "good", seconds=0.05)  # tag 0, before flood 0's (tie)
        release.set()
        for job in (first, good, *flood):
            job.future.result(timeout=10)
    finally:
        batcher.close()
    # the flooder's first group (tag 0, within the good group's finish 0.05) rides along; its backlog runs together
    assert batches == [["first"], ["good", "flood"], ["flood"] * 4], batches


def test_a_tenants_own_company_never_jumps_another_tenants_waiting_group() -> None:
    """The head's own tenant's later groups fill its batch only up to the next other tenant's waiting group (here
    start tags set as a Ray app's ledger sets them): a flooder's groups tagged 0-0.4 and a good group tagged 0.25
    run as [flood 0-0.2], [good, flood 0.3 (within good's finish)], [flood 0.4]; before, the good group waited for
    the whole backlog batched ahead of it."""
    batcher, batches, release = _gated_batcher()
    try:
        first = batcher.submit(_req(0, ("first a", "first b")), "x", seconds=0.1, start_tag=0.0)
        _running(batcher)
        jobs = [batcher.submit(_req(i, (f"flood {i}", f"f {i}")), "flood", seconds=0.1, start_tag=i / 10)
                for i in range(5)]  # fmt: skip
        jobs.append(batcher.submit(_req(9, ("good a", "good b")), "good", seconds=0.1, start_tag=0.25))
        release.set()
        for job in (first, *jobs):
            job.future.result(timeout=10)
    finally:
        batcher.close()
    assert batches == [["first"], ["flood"] * 3, ["good", "flood"], ["flood"]], batches


def test_a_group_tagged_before_a_running_batchs_later_company_runs_between_its_steps(tiny_sd) -> None:
    """A running batch whose head's tenant brought a later group of its own (tags 1.0 and 2.0) has served that
    group ahead of its turn: another tenant's group tagged 2.2 is owed service once the batch's furthest group has
    advanced past it, and runs nested, before the batch ends (measured from the head alone it never was: the head
    reaches 2.0 only at its last step). Ordered, not timed: the batch has 240 steps."""
    engine = CloudEngine(tiny_sd, count_flops=False)
    batcher = Batcher(engine.run_batch, BatcherConfig(max_wait=0.05, max_queued=8, max_queued_seconds=100,
                                                      tenant_share=1.0))  # fmt: skip
    finished: list[str] = []
    try:
        first = batcher.submit(_req(1, steps=241, k=240), "a", seconds=1.0, start_tag=1.0)
        later = batcher.submit(_req(2, steps=241, k=240), "a", seconds=1.0, start_tag=2.0)  # its company
        for name, job in (("a", first), ("a later", later)):
            job.future.add_done_callback(lambda f, name=name: finished.append(name))
        _running(batcher)
        small = batcher.submit(_req(3), "b", seconds=0.1, start_tag=2.2)
        small.future.add_done_callback(lambda f: finished.append("b"))
        small.future.result(timeout=120)
        first.future.result(timeout=120), later.future.result(timeout=120)
    finally:
        batcher.close()
    assert finished[0] == "b" and sorted(finished[1:]) == ["a", "a later"], finished
    assert batcher.stats["preempted"] == 1 and batcher.stats["batches"] == 2, batcher.stats


def test_a_nested_batch_takes_no_company_of_its_own_tenant_past_its_head(tiny_sd) -> None:
    """Three groups of one tenant owed service during a long batch run nested one by one (each alone: the next one's
    tag is past its head's finish), not as one nested batch of all three, which nothing could preempt. Ordered by
    the batches the engine thread began; the long batch has 240 steps."""
    engine = CloudEngine(tiny_sd, count_flops=False)
    batcher = Batcher(engine.run_batch, BatcherConfig(max_wait=0.05, max_queued=8, max_queued_seconds=100,
                                                      tenant_share=1.0))  # fmt: skip
    began: list[list[str]] = []
    batcher.on_batch = lambda jobs: began.append([job.rid for job in jobs])
    try:
        long = batcher.submit(_req(1, steps=241, k=240), "x", seconds=1.0, start_tag=0.0, rid="long")
        _running(batcher)
        # all three owed from the long batch's first step on (reached 1/240), each past the one before's finish
        flood = [batcher.submit(_req(10 + i), "flood", seconds=0.0005, start_tag=0.001 * (i + 1), rid=f"f{i}")
                 for i in range(3)]  # fmt: skip
        for job in (long, *flood):
            job.future.result(timeout=120)
    finally:
        batcher.close()
    assert began == [["long"], ["f0"], ["f1"], ["f2"]] and batcher.stats["preempted"] == 3, began


def test_checking_a_request_on_one_thread_never_unpads_the_engines_encoding_on_another(tiny_sd) -> None:
    """The server checks a request's candidates (`prevalidate`: tokenized unpadded) on its event loop while the engine
    thread encodes prompts padded, both through one Rust tokenizer whose padding is a setting of its own. Without
    the tokenizer lock (`text.tokenize`) some encodes of the empty prompt came back unpadded (length 2, not 16) and
    the engine failed their group on Ray ("Sizes of tensors must match")."""
    request, stop = _req(1), threading.Event()

    def check() -> None:
        while not stop.is_set():
            prevalidate(request, tiny_sd)

    checker = threading.Thread(target=check)
    checker.start()
    try:
        lengths = {tiny_sd.text([""]).tokens.shape[1] for _ in range(3000)}
    finally:
        stop.set()
        checker.join()
    assert lengths == {tiny_sd.text.max_length}, lengths


def _running(batcher: Batcher) -> None:
    """Waits until a batch runs (an ordering aid: what the test checks is the order groups finish in)."""
    for _ in range(3000):
        if batcher.stats["running"]:
            return
        threading.Event().wait(0.01)
    raise AssertionError("no batch started")


def test_a_new_tenant_runs_between_two_steps_of_a_long_batch_and_every_result_equals_its_solo_run(tiny_sd) -> None:
    """#25: a small group of a tenant with nothing running does not wait for the long batch running when it
    arrives: it runs nested between two of that batch's steps, which then continues; both results are bit-equal
    to each group run alone (accelerations on: their per-batch state must survive the nesting). A second group
    of the long batch's own tenant has had its turn and waits. Ordered, not timed: the long batch has 240 steps."""
    engine = CloudEngine(tiny_sd, count_flops=False)
    batcher = Batcher(engine.run_batch, BatcherConfig(max_wait=0.0, max_queued=8, max_queued_seconds=100,
                                                      tenant_share=1.0))  # fmt: skip
    long, small, again = _req(1, steps=241, k=240), _req(2), _req(3)
    finished: list[str] = []  # in the order the engine thread settled them
    try:
        big = batcher.submit(long, "big", seconds=8.0)
        big.future.add_done_callback(lambda f: finished.append("big"))
        _running(batcher)
        own = batcher.submit(again, "big", seconds=0.1)  # the running tenant's next group: not owed service yet
        own.future.add_done_callback(lambda f: finished.append("big again"))
        other = batcher.submit(small, "small", seconds=0.1)
        other.future.add_done_callback(lambda f: finished.append("small"))
        answer = other.future.result(timeout=60)
        assert not big.future.done(), "the small group waited for the whole long batch"
        long_answer, own_answer = big.future.result(timeout=120), own.future.result(timeout=60)
        assert finished == ["small", "big", "big again"] and batcher.stats["preempted"] == 1, finished
    finally:
        batcher.close()
    for request, result in ((long, long_answer), (small, answer), (again, own_answer)):
        solo = engine.run(request)
        assert torch.equal(result.latents, solo.latents) and torch.equal(result.prev_denoised, solo.prev_denoised)
        assert result.server_seconds > 0


def test_a_group_longer_than_what_is_left_of_the_running_batch_waits_for_it(tiny_sd) -> None:
    """Preemption never nests a batch longer (estimated) than the rest of the running one: a new tenant's long
    group is owed service but waits for the short running batch to end, and nothing was preempted. Ordered:
    the running batch has 240 steps."""
    engine = CloudEngine(tiny_sd, count_flops=False)
    batcher = Batcher(engine.run_batch, BatcherConfig(max_wait=0.0, max_queued=8, max_queued_seconds=100,
                                                      tenant_share=1.0))  # fmt: skip
    finished: list[str] = []
    try:
        short = batcher.submit(_req(1, steps=241, k=240), "a", seconds=0.5)
        short.future.add_done_callback(lambda f: finished.append("running"))
        _running(batcher)
        long = batcher.submit(_req(2), "b", seconds=5.0)
        long.future.add_done_callback(lambda f: finished.append("long"))
        long.future.result(timeout=120)
        assert finished == ["running", "long"] and batcher.stats["preempted"] == 0, finished
    finally:
        batcher.close()


def test_keys_are_strong_hashed_and_matched() -> None:
    key = new_key()
    assert key_bits(key) >= 128 and key_bits("test-key-0123456789") < 128
    ring = KeyRing(tuple(parse_key_lines(f"sha256:{digest(key)}  # tenant\n", "f")))
    assert ring.match(key) == digest(key)[:12] and ring.match(key + "x") is None
    with pytest.raises(KeyConfigError, match="too weak"):
        parse_key_lines("x\n", "f")


@pytest.mark.parametrize(("sampler", "steps", "ks"), [("dpm", 6, (0, 1, 3, 5, 6)), ("ddim", 25, (1, 12, 24, 25))])
def test_device_check_accepts_every_real_answer(tiny_sd, sampler: str, steps: int, ks: tuple[int, ...]) -> None:
    engine, check = CloudEngine(tiny_sd, count_flops=False), HandoffCheck(tiny_sd)
    for k in ks:
        for seed in (0, 7):
            request = _req(seed, ("a man", "a woman", "a cat"), sampler=sampler, steps=steps, k=k)
            answer = Handoff.from_bytes(engine.run(request).to_bytes("float16"))
            check(answer, request)


def test_device_check_refuses_corrupted_answers(tiny_sd) -> None:
    request, check = _req(3), HandoffCheck(tiny_sd)
    good = CloudEngine(tiny_sd, count_flops=False).run(request)
    x, prev = good.latents, good.prev_denoised

    def variant(latents=x, prev_denoised=prev) -> Handoff:
        return Handoff(request, request.k, latents, prev_denoised)

    bad = {
        "NaN": variant(x.masked_fill(torch.rand_like(x) < 0.1, float("nan"))),
        "infinite": variant(x.masked_fill(torch.rand_like(x) < 0.1, float("inf"))),
        "plausible": variant(x * 1e4),
        "constant": variant(torch.zeros_like(x)),
        "follow from seed": variant(torch.randn_like(x) * x.std()),
        "shape": variant(x[:, :3], prev[:, :3]),
        "sampler state": variant(prev_denoised=None),
    }
    for fragment, answer in bad.items():
        with pytest.raises(ImplausibleAnswer, match=fragment):
            check(answer, request)
    check(good, request)
