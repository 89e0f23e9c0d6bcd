"""Samplers as small stateless functions over an explicit schedule (k-diffusion style).

A trajectory of T steps can be cut at any index k and continued on another machine: the
only state a step needs besides the latent is, for DPM-Solver++ (2M), the data prediction
of the previous step (`prev_denoised`). `SamplerState` holds exactly that, and
`obclip.protocol.Handoff` ships it, so the split run equals a one-process run to float32
rounding. The step rules and the grid reproduce diffusers' `DDIMScheduler` (eta = 0),
`DPMSolverMultistepScheduler` (dpmsolver++, order 2, midpoint, final sigma zero) and
`LCMScheduler` (multistep consistency sampling, which re-noises with fresh noise after every
step but the last; the caller supplies that noise); the tests check all three against diffusers.

A hand-off between two *different* grids (the paper's LCM cloud with a DPM device resuming
at index k + delta-t) carries no history: `SamplerState(restart=True)` makes the first device
step first order.

Usage:
    schedule = Schedule.create("dpm", scheduler_config, steps=25)
    state = SamplerState()
    for i in range(schedule.steps):
        eps = model(x, schedule.timesteps[i])
        x, state = step(schedule, i, x, eps, state)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import torch

from obclip.options import SAMPLERS

_SIGMA_DATA = 0.5  # LCM boundary-condition constant (diffusers LCMScheduler)


@dataclass(frozen=True)
class Schedule:
    """The grid one request follows, identical on both sides of the split.

    Attributes:
        sampler (`str`): "dpm" (DPM-Solver++ 2M), "ddim" or "lcm" (consistency sampling).
        timesteps (`tuple[int, ...]`): model timesteps, high noise first; length = steps.
        alpha_bars (`torch.Tensor`): cumulative alpha at each timestep, float64, shape (steps,).
        alpha_bars_next (`torch.Tensor`): cumulative alpha each step lands on, float64, (steps,).
        boundary (`torch.Tensor | None`): LCM only, (steps, 2) float64 (c_skip, c_out) per step.
    """

    sampler: str
    timesteps: tuple[int, ...]
    alpha_bars: torch.Tensor = field(repr=False)
    alpha_bars_next: torch.Tensor = field(repr=False)
    boundary: torch.Tensor | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.sampler not in SAMPLERS:
            raise ValueError(f"unknown sampler {self.sampler!r}; choose one of {', '.join(SAMPLERS)}")
        if not (len(self.timesteps) == len(self.alpha_bars) == len(self.alpha_bars_next)):
            raise ValueError("timesteps, alpha_bars and alpha_bars_next must have one entry per step")
        if (self.sampler == "lcm") != (self.boundary is not None):
            raise ValueError("an LCM schedule needs its boundary scalings, and only an LCM schedule has them")

    @property
    def steps(self) -> int:
        return len(self.timesteps)

    @staticmethod
    def create(sampler: str, scheduler_config: dict[str, Any], steps: int) -> Schedule:
        """Builds the grid diffusers would use for `steps` inference steps.

        Args:
            sampler (`str`): "dpm", "ddim" or "lcm".
            scheduler_config (`dict`): a diffusers scheduler config (betas, spacing, offset; for
                LCM also `original_inference_steps`, default 50, and `timestep_scaling`, default 10).
            steps (`int`): number of inference steps, >= 1.
        """
        from diffusers import DDIMScheduler, DPMSolverMultistepScheduler, LCMScheduler

        if steps < 1:
            raise ValueError(f"steps must be >= 1, got {steps}")
        config = {k: v for k, v in scheduler_config.items() if not k.startswith("_")}
        if sampler == "ddim":
            sched = DDIMScheduler.from_config(config)
            sched.set_timesteps(steps)
            acp = sched.alphas_cumprod.double()
            ts = [int(t) for t in sched.timesteps]
            stride = sched.config.num_train_timesteps // steps
            nxt = [acp[t - stride] if t - stride >= 0 else sched.final_alpha_cumprod.double() for t in ts]
        elif sampler == "dpm":
            sched = DPMSolverMultistepScheduler.from_config(
                config, algorithm_type="dpmsolver++", solver_order=2, final_sigmas_type="zero"
            )
            sched.set_timesteps(steps)
            acp = sched.alphas_cumprod.double()
            ts = [int(t) for t in sched.timesteps]
            nxt = [acp[t] for t in ts[1:]] + [torch.tensor(1.0, dtype=torch.float64)]
        elif sampler == "lcm":
            sched = LCMScheduler.from_config(config)
            sched.set_timesteps(steps)
            acp = sched.alphas_cumprod.double()
            ts = [int(t) for t in sched.timesteps]
            # the last step returns the consistency prediction itself (alpha_bar 1, no re-noising)
            nxt = [acp[t] for t in ts[1:]] + [torch.tensor(1.0, dtype=torch.float64)]
            scaled = torch.tensor(ts, dtype=torch.float64) * sched.config.timestep_scaling
            c_skip = _SIGMA_DATA**2 / (scaled**2 + _SIGMA_DATA**2)
            c_out = scaled / (scaled**2 + _SIGMA_DATA**2).sqrt()
            boundary = torch.stack([c_skip, c_out], dim=1)
            return Schedule(
                sampler, tuple(ts), acp[ts].clone(), torch.stack([torch.as_tensor(a) for a in nxt]), boundary
            )
        else:
            raise ValueError(f"unknown sampler {sampler!r}; choose one of {', '.join(SAMPLERS)}")
        return Schedule(sampler, tuple(ts), acp[ts].clone(), torch.stack([torch.as_tensor(a) for a in nxt]))


@dataclass(frozen=True)
class SamplerState:
    """What a step needs from earlier steps.

    Attributes:
        prev_denoised (`torch.Tensor | None`): DPM-Solver++'s previous data prediction.
        restart (`bool`, defaults to False): the trajectory arrives from another grid (LCM
            cloud, delta-t hand-off); the next DPM-Solver++ step is first order.
    """

    prev_denoised: torch.Tensor | None = None
    restart: bool = False


def _vp(alpha_bar: torch.Tensor) -> tuple[float, float]:
    """(alpha_t, sigma_t) of the variance-preserving process at a cumulative alpha."""
    return float(alpha_bar.sqrt()), float((1 - alpha_bar).sqrt())


def ddim_step(schedule: Schedule, i: int, x: torch.Tensor, eps: torch.Tensor) -> torch.Tensor:
    """Deterministic DDIM update (Song et al. 2021, eta = 0)."""
    a_t, s_t = _vp(schedule.alpha_bars[i])
    a_n, s_n = _vp(schedule.alpha_bars_next[i])
    x0 = (x - s_t * eps) / a_t
    return a_n * x0 + s_n * eps


def dpm_order(schedule: Schedule, i: int) -> int:
    """Order DPM-Solver++ 2M uses at step i: first order at the first and the last step."""
    return 1 if i == 0 or i == schedule.steps - 1 else 2


def dpmpp_2m_step(
    schedule: Schedule,
    i: int,
    x: torch.Tensor,
    eps: torch.Tensor,
    prev_denoised: torch.Tensor | None,
    restart: bool = False,
) -> tuple[torch.Tensor, torch.Tensor]:
    """DPM-Solver++(2M) update (Lu et al. 2022), midpoint variant. Returns (x_next, denoised)."""
    a_s, s_s = _vp(schedule.alpha_bars[i])
    a_t, s_t = _vp(schedule.alpha_bars_next[i])
    denoised = (x - s_s * eps) / a_s
    if s_t == 0.0:  # final step to sigma = 0 lands on the data prediction
        return denoised, denoised
    lam = lambda a, s: torch.log(torch.tensor(a / s, dtype=torch.float64))  # noqa: E731
    h = float(lam(a_t, s_t) - lam(a_s, s_s))
    phi = torch.expm1(torch.tensor(-h, dtype=torch.float64)).item()  # e^{-h} - 1
    x_next = (s_t / s_s) * x - a_t * phi * denoised
    if dpm_order(schedule, i) == 2 and not restart:
        if prev_denoised is None:
            raise ValueError(f"DPM-Solver++ step {i} is second order and needs the previous data prediction")
        a_p, s_p = _vp(schedule.alpha_bars[i - 1])
        r0 = float(lam(a_s, s_s) - lam(a_p, s_p)) / h
        x_next = x_next - 0.5 * a_t * phi * (denoised - prev_denoised) / r0
    return x_next, denoised


def lcm_step(
    schedule: Schedule, i: int, x: torch.Tensor, eps: torch.Tensor, noise: torch.Tensor | None
) -> torch.Tensor:
    """Multistep consistency sampling (Luo et al. 2023): jump to the boundary-conditioned data
    prediction, then re-noise it to the next timestep with `noise` (unused at the last step)."""
    a_t, s_t = _vp(schedule.alpha_bars[i])
    c_skip, c_out = (float(c) for c in schedule.boundary[i])
    denoised = c_out * (x - s_t * eps) / a_t + c_skip * x
    if i == schedule.steps - 1:
        return denoised
    if noise is None:
        raise ValueError(f"LCM step {i} re-noises the sample and needs fresh noise")
    a_n, s_n = _vp(schedule.alpha_bars_next[i])
    return a_n * denoised + s_n * noise.float()


def step(
    schedule: Schedule,
    i: int,
    x: torch.Tensor,
    eps: torch.Tensor,
    state: SamplerState,
    noise: torch.Tensor | None = None,
) -> tuple[torch.Tensor, SamplerState]:
    """One update of `schedule.sampler` from step i to i + 1, in float32.

    `noise` (broadcastable to `x`) is the fresh noise LCM adds after step i; other samplers
    ignore it.
    """
    x32, eps32 = x.float(), eps.float()
    if schedule.sampler == "ddim":
        return ddim_step(schedule, i, x32, eps32), SamplerState()
    if schedule.sampler == "lcm":
        return lcm_step(schedule, i, x32, eps32, noise), SamplerState()
    prev = None if state.prev_denoised is None else state.prev_denoised.float()
    x_next, denoised = dpmpp_2m_step(schedule, i, x32, eps32, prev, state.restart)
    return x_next, SamplerState(prev_denoised=denoised)
