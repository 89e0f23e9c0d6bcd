"""LCM cloud + DPM device (the paper's LCM-SDXL + Koala pair) on a tiny guidance-embedded SDXL shape.

The reference is built from diffusers' own pieces: `LCMScheduler` for the cloud's k steps
(re-noised from the per-step generators the protocol defines), then `DPMSolverMultistepScheduler`
entered at index k + delta-t with no history, and the SDXL pipeline's guidance embedding.
"""

from __future__ import annotations

import pytest
import torch
from diffusers import DPMSolverMultistepScheduler, LCMScheduler, StableDiffusionXLPipeline

from obclip.cloud.engine import CloudEngine
from obclip.config import AccelConfig
from obclip.denoise import guidance_embedding, initial_noise, step_generator
from obclip.generate import generate
from obclip.models.pair import load_pair
from obclip.models.registry import PairSpec
from obclip.plan import plan_for_request
from obclip.protocol import CloudRequest, Handoff, ProtocolError

EXACT = AccelConfig.exact()  # the computation the hand-off must reproduce
PROMPT = "a portrait of a young woman"


@pytest.fixture(scope="module")
def lcm_pair():
    return load_pair("tiny-lcm-sdxl")


@torch.no_grad()
def lcm_hybrid_reference(pair, prompt: str, k: int, delta_t: int, seed: int, guidance: float) -> torch.Tensor:
    spec, size = pair.spec, pair.spec.resolution
    emb = pair.text(["", prompt])
    added = pair.added_conditions(emb, size, size)
    x = initial_noise(seed, pair.latent_shape(size, size))
    lcm = LCMScheduler.from_config(pair.scheduler_config)
    lcm.set_timesteps(spec.cloud_steps)
    w = torch.tensor([guidance - 1.0])
    cond = StableDiffusionXLPipeline.get_guidance_scale_embedding(None, w, pair.cloud_unet.config.time_cond_proj_dim)
    cond_added = {key: v[1:] for key, v in added.items()}
    for i, t in enumerate(lcm.timesteps[:k]):
        eps = pair.cloud_unet(
            x, t, encoder_hidden_states=emb.tokens[1:], added_cond_kwargs=cond_added, timestep_cond=cond
        ).sample
        x = lcm.step(eps, t, x, generator=step_generator(seed, i)).prev_sample
    if k == spec.cloud_steps:
        return x
    dpm = DPMSolverMultistepScheduler.from_config(
        pair.scheduler_config, algorithm_type="dpmsolver++", solver_order=2, final_sigmas_type="zero"
    )
    dpm.set_timesteps(spec.steps)
    start = k + delta_t if k else 0
    dpm.set_begin_index(start)
    for t in dpm.timesteps[start:]:
        eps_u, eps_c = pair.device_unet(
            torch.cat([x, x]), t, encoder_hidden_states=emb.tokens, added_cond_kwargs=added
        ).sample.chunk(2)
        x = dpm.step(eps_u + guidance * (eps_c - eps_u), t, x).prev_sample
    return x


def test_guidance_embedding_matches_diffusers() -> None:
    ours = guidance_embedding(8.0, 16, batch=3)
    ref = StableDiffusionXLPipeline.get_guidance_scale_embedding(None, torch.full((3,), 7.0), 16)
    assert torch.allclose(ours, ref, atol=1e-6)


@pytest.mark.parametrize("k,delta_t", [(1, 0), (2, 1), (3, 2)])
def test_lcm_split_over_the_wire_equals_one_process_reference(lcm_pair, k: int, delta_t: int) -> None:
    seed, guidance, size = 4, 6.0, lcm_pair.spec.resolution
    request = CloudRequest(("a portrait of an old man", PROMPT), seed, 4, k, guidance, size, size, "lcm", lcm_pair.name)
    handoff = Handoff.from_bytes(CloudEngine(lcm_pair).run(request).to_bytes("float32"))
    assert handoff.prev_denoised is None  # LCM keeps no solver history: nothing else to ship
    from obclip.device.finisher import finish

    result = finish(lcm_pair, handoff, 1, PROMPT, plan=plan_for_request(lcm_pair.spec, request, delta_t=delta_t))
    reference = lcm_hybrid_reference(lcm_pair, PROMPT, k, delta_t, seed, guidance)
    assert (result.latent - reference).abs().max().item() <= 1e-4


def test_lcm_cloud_mode_runs_the_whole_lcm_grid(lcm_pair) -> None:
    result = generate(PROMPT, "cloud", lcm_pair, seed=2, guidance=6.0)
    reference = lcm_hybrid_reference(lcm_pair, PROMPT, lcm_pair.spec.cloud_steps, 0, 2, 6.0)
    assert (result.latent - reference).abs().max().item() <= 1e-4
    assert result.device_flops == 0 and result.summary()["device_start"] == lcm_pair.spec.steps


def test_obclip_real_candidate_equals_hybrid_and_costs_n_times(lcm_pair) -> None:
    ob = generate(PROMPT, "obclip", lcm_pair, seed=9, accel=EXACT)
    hy = generate(PROMPT, "hybrid", lcm_pair, seed=9, accel=EXACT)
    assert ob.n_candidates == 8 and PROMPT in ob.candidates
    assert (ob.latent - hy.latent).abs().max().item() <= 1e-4
    assert ob.server_flops == ob.n_candidates * hy.server_flops
    spec = lcm_pair.spec
    device_steps = spec.steps - (spec.k + spec.device_timestep_offset)
    assert len(hy.flops_per_step["device"]) == device_steps and len(hy.flops_per_step["server"]) == spec.k
    # the guidance-embedded cloud UNet runs no unconditional batch: half the FLOPs of a CFG step
    og = generate(PROMPT, "vanilla-og", lcm_pair, seed=9, accel=EXACT)
    assert og.server_flops == ob.n_candidates * spec.cloud_steps * hy.flops_per_step["server"][0]


def test_delta_t_moves_the_device_start_and_changes_the_image(lcm_pair) -> None:
    a = generate(PROMPT, "hybrid", lcm_pair, seed=1, delta_t=0)
    b = generate(PROMPT, "hybrid", lcm_pair, seed=1, delta_t=2)
    assert a.summary()["device_start"] == 2 and b.summary()["device_start"] == 4
    assert len(b.flops_per_step["device"]) == len(a.flops_per_step["device"]) - 2
    assert (a.latent - b.latent).abs().max().item() > 1e-3


def test_accelerations_run_on_the_lcm_cloud(lcm_pair) -> None:

    plain = generate(PROMPT, "obclip", lcm_pair, seed=3, k=3, accel=EXACT)
    fast = generate(PROMPT, "obclip", lcm_pair, seed=3, k=3, accel=AccelConfig.mechanisms("cache+reuse", r=2, s=2))
    assert fast.server_flops < plain.server_flops
    assert torch.isfinite(fast.latent).all()


def test_sampler_and_pair_must_agree(lcm_pair, tiny_sd) -> None:
    size = 32
    with pytest.raises(ProtocolError, match="LCM cloud model"):
        CloudEngine(lcm_pair).run(CloudRequest((PROMPT,), 0, 4, 2, 5.0, size, size, "dpm", lcm_pair.name))
    with pytest.raises(ProtocolError, match="no LCM cloud model"):
        CloudEngine(tiny_sd).run(CloudRequest((PROMPT,), 0, 4, 2, 5.0, size, size, "lcm", tiny_sd.name))
    with pytest.raises(ProtocolError, match="at most 50 steps"):
        CloudEngine(lcm_pair).run(CloudRequest((PROMPT,), 0, 60, 2, 5.0, size, size, "lcm", lcm_pair.name))


def test_bad_delta_t_and_k_are_refused(lcm_pair) -> None:
    with pytest.raises(ValueError, match="leaves no device step"):
        generate(PROMPT, "hybrid", lcm_pair, delta_t=4)
    with pytest.raises(ValueError, match="cloud's 4-step grid"):
        generate(PROMPT, "hybrid", lcm_pair, k=5)
    with pytest.raises(ValueError, match="go together"):
        PairSpec("x", "tiny-sdxl", "", "", "", 32, steps=6, k=2, cloud_sampler="lcm")
    with pytest.raises(ValueError, match="inside the 4-step cloud grid"):
        PairSpec(
            "x", "tiny-sdxl", "", "", "", 32, steps=6, k=2, cloud_sampler="lcm", cloud_steps=4, device_timestep_offset=4
        )


def test_real_lcm_pair_is_registered_with_the_papers_settings() -> None:
    from obclip.models.registry import get_spec

    spec = get_spec("lcm-sdxl+koala-700m")
    assert (spec.cloud_sampler, spec.cloud_steps, spec.k, spec.device_timestep_offset, spec.steps) == (
        "lcm",
        8,
        4,
        8,
        25,
    )
