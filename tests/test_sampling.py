"""Our stateless samplers reproduce diffusers' schedulers step for step."""

from __future__ import annotations

import pytest
import torch
from diffusers import DDIMScheduler, DPMSolverMultistepScheduler

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
