"""Our stateless samplers reproduce diffusers' schedulers step for step."""

from __future__ import annotations

import pytest
import torch
from diffusers import DDIMScheduler, DPMSolverMultistepScheduler, LCMScheduler

from obclip.denoise import step_generator, step_noise
from obclip.sampling import SamplerState, Schedule, step
from obclip.world.architecture import SCHEDULER_CONFIG

_DIFFUSERS = {
    "ddim": (DDIMScheduler, {}),
    "dpm": (
        DPMSolverMultistepScheduler,
        {"algorithm_type": "dpmsolver++", "solver_order": 2, "final_sigmas_type": "zero"},
    ),
}


def _toy_model(x: torch.Tensor, t: int) -> torch.Tensor:
    w = torch.linspace(-1, 1, 16).view(4, 4)
    return torch.tanh(torch.einsum("ij,bjhw->bihw", w, x) * (1 + t / 1000))


@pytest.mark.parametrize("sampler", ["ddim", "dpm"])
@pytest.mark.parametrize("steps", [3, 10, 25])
def test_matches_diffusers(sampler: str, steps: int) -> None:
    cls, overrides = _DIFFUSERS[sampler]
    ref = cls.from_config(SCHEDULER_CONFIG, **overrides)
    ref.set_timesteps(steps)
    schedule = Schedule.create(sampler, SCHEDULER_CONFIG, steps)
    assert list(schedule.timesteps) == ref.timesteps.tolist()
    x = torch.randn(2, 4, 8, 8, generator=torch.Generator().manual_seed(0))
    y, state = x.clone(), SamplerState()
    for i, t in enumerate(schedule.timesteps):
        x = ref.step(_toy_model(x, t), t, x).prev_sample
        y, state = step(schedule, i, y, _toy_model(y, t), state)
    assert torch.allclose(x, y, atol=1e-4), (x - y).abs().max()


@pytest.mark.parametrize("steps", [1, 4, 8])
def test_lcm_matches_diffusers(steps: int) -> None:
    """Same grid, same boundary scalings, same re-noising (diffusers draws it from the generator
    we hand it: the one `step_noise` draws from)."""
    ref = LCMScheduler.from_config(SCHEDULER_CONFIG)
    ref.set_timesteps(steps)
    schedule = Schedule.create("lcm", SCHEDULER_CONFIG, steps)
    assert list(schedule.timesteps) == ref.timesteps.tolist()
    seed = 11
    x = torch.randn(1, 4, 8, 8, generator=torch.Generator().manual_seed(0))
    y = x.clone()
    for i, t in enumerate(schedule.timesteps):
        x = ref.step(_toy_model(x, t), t, x, generator=step_generator(seed, i)).prev_sample
        y, _ = step(schedule, i, y, _toy_model(y, t), SamplerState(), step_noise(seed, i, (4, 8, 8)))
    assert torch.allclose(x, y, atol=1e-4), (x - y).abs().max()


def test_lcm_needs_fresh_noise_but_not_at_its_last_step() -> None:
    schedule = Schedule.create("lcm", SCHEDULER_CONFIG, 4)
    x = torch.randn(1, 4, 4, 4)
    with pytest.raises(ValueError, match="fresh noise"):
        step(schedule, 2, x, x, SamplerState())
    last, _ = step(schedule, 3, x, torch.zeros_like(x), SamplerState())
    assert torch.isfinite(last).all()


def test_step_noise_is_a_function_of_seed_and_step_only() -> None:
    a = step_noise(5, 2, (4, 8, 8))
    assert torch.equal(a, step_noise(5, 2, (4, 8, 8)))
    assert not torch.allclose(a, step_noise(5, 3, (4, 8, 8)))
    assert not torch.allclose(a, step_noise(6, 2, (4, 8, 8)))


def test_restart_makes_a_dpm_step_first_order() -> None:
    schedule = Schedule.create("dpm", SCHEDULER_CONFIG, 10)
    x, eps = torch.randn(1, 4, 4, 4), torch.randn(1, 4, 4, 4)
    restarted, state = step(schedule, 5, x, eps, SamplerState(restart=True))
    ddim_like = Schedule.create("dpm", SCHEDULER_CONFIG, 10)
    first, _ = step(ddim_like, 5, x, eps, SamplerState(prev_denoised=state.prev_denoised))
    # with the step's own data prediction as "history", the 2nd-order correction vanishes
    assert torch.allclose(restarted, first, atol=1e-6)
    assert not state.restart


def test_dpm_second_order_step_needs_history() -> None:
    schedule = Schedule.create("dpm", SCHEDULER_CONFIG, 10)
    x = torch.randn(1, 4, 4, 4)
    with pytest.raises(ValueError, match="previous data prediction"):
        step(schedule, 3, x, x, SamplerState())


def test_bad_schedule_arguments() -> None:
    with pytest.raises(ValueError, match="unknown sampler"):
        Schedule.create("euler", SCHEDULER_CONFIG, 10)
    with pytest.raises(ValueError, match="steps must be"):
        Schedule.create("dpm", SCHEDULER_CONFIG, 0)
