"""The split across the wire equals a one-process Hybrid SD run; modes relate as the paper says."""

from __future__ import annotations

from dataclasses import replace

import pytest
import torch
from diffusers import DDIMScheduler, DPMSolverMultistepScheduler

from obclip.cloud.engine import CloudEngine
from obclip.config import AccelConfig
from obclip.denoise import initial_noise
from obclip.device.finisher import finish
from obclip.generate import generate
from obclip.plan import plan_for_request
from obclip.protocol import CloudRequest, Handoff

EXACT = AccelConfig.exact()  # the computation the hand-off must reproduce
PROMPT = "a portrait of a young woman"


@torch.no_grad()
def hybrid_sd_reference(
    pair, prompt: str, sampler: str, steps: int, k: int, seed: int, guidance: float
) -> torch.Tensor:
    """Hybrid SD's loop (bytedance/Hybrid-SD): ONE diffusers scheduler, the UNet chosen per step."""
    size = pair.spec.resolution
    if sampler == "dpm":
        sched = DPMSolverMultistepScheduler.from_config(
            pair.scheduler_config, algorithm_type="dpmsolver++", solver_order=2, final_sigmas_type="zero"
        )
    else:
        sched = DDIMScheduler.from_config(pair.scheduler_config)
    sched.set_timesteps(steps)
    emb = pair.text(["", prompt])
    added = pair.added_conditions(emb, size, size)
    x = initial_noise(seed, pair.latent_shape(size, size))
    for i, t in enumerate(sched.timesteps):
        unet = pair.cloud_unet if i < k else pair.device_unet
        eps_u, eps_c = unet(
            torch.cat([x, x]), t, encoder_hidden_states=emb.tokens, added_cond_kwargs=added
        ).sample.chunk(2)
        x = sched.step(eps_u + guidance * (eps_c - eps_u), t, x).prev_sample
    return x


@pytest.mark.parametrize("sampler", ["dpm", "ddim"])
@pytest.mark.parametrize("k", [1, 2, 4])
def test_split_over_the_wire_equals_one_process_run(tiny_pair, sampler: str, k: int) -> None:
    steps, seed, guidance = 6, 3, 5.0
    size = tiny_pair.spec.resolution
    request = CloudRequest(
        ("a portrait of an old man", PROMPT), seed, steps, k, guidance, size, size, sampler, tiny_pair.name
    )
    blob = CloudEngine(tiny_pair).run(request).to_bytes("float32")
    handoff = Handoff.from_bytes(blob)
    assert (handoff.prev_denoised is not None) == (sampler == "dpm")
    result = finish(tiny_pair, handoff, 1, PROMPT)
    reference = hybrid_sd_reference(tiny_pair, PROMPT, sampler, steps, k, seed, guidance)
    assert (result.latent - reference).abs().max().item() <= 1e-4


def test_dropping_the_dpm_history_breaks_equality(tiny_sd) -> None:
    """The shipped history is needed: restarting DPM-Solver++ at first order gives another image."""
    size = tiny_sd.spec.resolution
    request = CloudRequest((PROMPT,), 3, 6, 3, 5.0, size, size, "dpm", tiny_sd.name)
    handoff = CloudEngine(tiny_sd).run(request)
    stripped = Handoff(request, handoff.step, handoff.latents, None)
    full = finish(tiny_sd, handoff, 0, PROMPT)
    with pytest.raises(ValueError, match="previous data prediction"):  # never silently first order
        finish(tiny_sd, stripped, 0, PROMPT)
    restarted = finish(
        tiny_sd, stripped, 0, PROMPT, plan=replace(plan_for_request(tiny_sd.spec, request), restart=True)
    )
    reference = hybrid_sd_reference(tiny_sd, PROMPT, "dpm", 6, 3, 3, 5.0)
    assert (full.latent - reference).abs().max().item() <= 1e-4
    assert (restarted.latent - reference).abs().max().item() > 1e-3


@pytest.mark.parametrize("sampler", ["dpm", "ddim"])
def test_obclip_gives_the_real_candidate_the_hybrid_result(tiny_pair, sampler: str) -> None:
    ob = generate(PROMPT, "obclip", tiny_pair, sampler=sampler, seed=7, accel=EXACT)
    hy = generate(PROMPT, "hybrid", tiny_pair, sampler=sampler, seed=7, accel=EXACT)
    assert ob.n_candidates == 8 and hy.n_candidates == 1  # 2 genders x 4 ages
    assert PROMPT in ob.candidates
    assert (ob.latent - hy.latent).abs().max().item() <= 1e-4
    assert ob.server_flops == ob.n_candidates * hy.server_flops
    assert ob.device_flops == hy.device_flops > 0


def test_same_seed_same_image_with_every_default_on(tiny_sd) -> None:
    """Each call shuffles the candidates afresh; the accelerated server work must not follow the
    shuffle, so the image is a function of the prompt and the seed."""
    first = generate(PROMPT, "obclip", tiny_sd, seed=11)
    orders = {first.candidates}
    for _ in range(3):
        again = generate(PROMPT, "obclip", tiny_sd, seed=11)
        orders.add(again.candidates)
        assert torch.equal(again.image, first.image)
    assert len(orders) > 1  # 4 shuffles of 8 candidates: the order did change (p of not: 8!^-3)


def test_vanilla_og_gives_the_cloud_result(tiny_sd) -> None:
    og = generate(PROMPT, "vanilla-og", tiny_sd, seed=5, accel=EXACT)
    cl = generate(PROMPT, "cloud", tiny_sd, seed=5, accel=EXACT)
    assert (og.latent - cl.latent).abs().max().item() <= 1e-4
    assert og.server_flops == og.n_candidates * cl.server_flops
    assert og.device_flops == cl.device_flops == 0


def test_server_flops_scale_with_k(tiny_sd) -> None:
    a = generate(PROMPT, "hybrid", tiny_sd, k=2, seed=1, accel=EXACT)
    b = generate(PROMPT, "hybrid", tiny_sd, k=4, seed=1, accel=EXACT)
    per_step = a.server_flops // 2
    assert b.server_flops == 4 * per_step
    assert a.device_flops > b.device_flops
    dev = generate(PROMPT, "device", tiny_sd, seed=1)
    assert dev.server_flops == 0 and dev.n_candidates == 0
    assert dev.device_flops < generate(PROMPT, "cloud", tiny_sd, seed=1, accel=EXACT).server_flops


def test_candidates_share_the_initial_noise(tiny_sd) -> None:
    """With k = 0 nothing is denoised: every candidate's latent is the same z_T."""
    size = tiny_sd.spec.resolution
    request = CloudRequest(("a man", "a woman", "a cat"), 11, 6, 0, 5.0, size, size, "dpm", tiny_sd.name)
    latents = CloudEngine(tiny_sd).run(request).latents
    assert torch.equal(latents[0], latents[1]) and torch.equal(latents[1], latents[2])


def test_fp16_wire_is_half_the_size(tiny_sd) -> None:
    size = tiny_sd.spec.resolution
    request = CloudRequest(("a man", "a woman"), 1, 6, 3, 5.0, size, size, "dpm", tiny_sd.name)
    handoff = CloudEngine(tiny_sd).run(request)
    small, big = handoff.to_bytes("float16"), handoff.to_bytes("float32")
    assert len(small) < len(big)
    back = Handoff.from_bytes(small)
    assert back.request == request and back.latents.shape == handoff.latents.shape
    assert (back.latents - handoff.latents).abs().max() < 1e-2
