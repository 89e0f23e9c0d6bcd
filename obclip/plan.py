"""The split of one generation between cloud and device, worked out once.

`split_plan(spec, mode=..., steps=..., k=..., sampler=..., delta_t=...)` turns a pair's
defaults and the user's settings into a `SplitPlan`: which grid the cloud runs and how many of
its steps, where the device picks the latent up and on which grid, and whether its solver
restarts. The CLI (progress-bar totals included), `generate`, `generate_batch`, the device
finisher, the server's checks and the benchmarks all read the same plan.

For a pair whose cloud model is consistency-distilled (LCM, the paper's LCM-SDXL + Koala), the
cloud runs k steps of its own short grid and the device resumes its T-step grid at index
k + delta-t with a first-order restart: LCM keeps no solver history to hand over.

This module imports no torch: the CLI validates settings before loading any model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from obclip.options import DEVICE_SAMPLERS, MAX_STEPS

if TYPE_CHECKING:
    from obclip.models.registry import PairSpec
    from obclip.protocol import CloudRequest

MODES = ("obclip", "hybrid", "cloud", "device", "vanilla-og")


class PlanError(ValueError):
    """Settings that do not make a valid split (mode, steps, k, delta-t)."""


@dataclass(frozen=True)
class SplitPlan:
    """Who runs which denoising steps of one generation.

    Attributes:
        mode (`str`): one of `MODES`.
        steps (`int`): T, the length of the device's grid.
        sampler (`str`): the device's sampler, "dpm" or "ddim".
        cloud_sampler (`str`): the cloud's sampler: `sampler`, or "lcm" for an LCM cloud model.
        cloud_steps (`int`): length of the cloud's grid (`steps` unless the cloud is LCM).
        cloud_k (`int`): cloud steps run (0 for ``device``, `cloud_steps` for ``cloud`` and
            ``vanilla-og``, else the switch point k).
        device_start (`int`): first device step (`steps`: the device only decodes).
        restart (`bool`, defaults to False): the latent comes from another grid, so the
            device's solver starts without history.
    """

    mode: str
    steps: int
    sampler: str
    cloud_sampler: str
    cloud_steps: int
    cloud_k: int
    device_start: int
    restart: bool = False

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise PlanError(f"unknown mode {self.mode!r}; choose one of {', '.join(MODES)}")
        if self.sampler not in DEVICE_SAMPLERS:
            raise PlanError(f"unknown sampler {self.sampler!r}; choose one of {', '.join(DEVICE_SAMPLERS)}")
        if self.steps < 1 or self.cloud_steps < 1:
            raise PlanError(f"steps must be >= 1, got {min(self.steps, self.cloud_steps)}")
        if max(self.steps, self.cloud_steps) > MAX_STEPS:
            raise PlanError(f"steps must be at most {MAX_STEPS}, got {max(self.steps, self.cloud_steps)}")
        if not 0 <= self.cloud_k <= self.cloud_steps:
            raise PlanError(f"the cloud would run {self.cloud_k} steps of a {self.cloud_steps}-step grid")
        if not 0 <= self.device_start <= self.steps:
            raise PlanError(f"the device would resume at step {self.device_start}, outside its {self.steps}-step grid")

    @property
    def uses_cloud(self) -> bool:
        """Whether anything is sent (every mode but ``device``)."""
        return self.mode != "device"

    @property
    def one_grid(self) -> bool:
        """Cloud and device share one grid (no LCM cloud)."""
        return self.cloud_sampler == self.sampler and self.cloud_steps == self.steps

    @property
    def device_steps(self) -> int:
        """How many steps the device runs."""
        return self.steps - self.device_start

    def progress_totals(self) -> dict[str, int]:
        """Steps per side, for progress bars: {"server": ..., "device": ...}."""
        return {"server": self.cloud_k, "device": self.device_steps}

    def grid_summary(self) -> dict[str, int | str]:
        """LCM pairs only: the cloud's grid and the device step it resumed at; {} otherwise."""
        if self.one_grid:
            return {}
        return {
            "cloud_scheduler": self.cloud_sampler,
            "cloud_steps": self.cloud_steps,
            "device_start": self.device_start,
        }

    def matches(self, request: CloudRequest) -> bool:
        """Whether `request` asks the cloud for this plan's part."""
        return (request.sampler, request.steps, request.k) == (self.cloud_sampler, self.cloud_steps, self.cloud_k)


def split_plan(
    spec: PairSpec,
    *,
    mode: str = "obclip",
    steps: int | None = None,
    k: int | None = None,
    sampler: str = "dpm",
    delta_t: int | None = None,
    cloud_steps: int | None = None,
) -> SplitPlan:
    """The one place the split is worked out.

    Args:
        spec (`PairSpec`): the pair (its defaults and, for an LCM cloud, its grid).
        mode (`str`, defaults to "obclip"): one of `MODES`.
        steps (`int`, optional): T, the device's grid; the pair's default if None.
        k (`int`, optional): the switch point on the cloud's grid; the pair's default if None.
            Checked in every mode, used only by ``obclip`` and ``hybrid``.
        sampler (`str`, defaults to "dpm"): the device's sampler (and the cloud's, unless LCM).
        delta_t (`int`, optional): LCM pairs only: the device resumes at index k + delta-t;
            the pair's default if None.
        cloud_steps (`int`, optional): LCM pairs only: the length of the cloud's grid; the
            pair's default if None.

    Raises:
        PlanError: the settings do not make a split.
    """
    if mode not in MODES:
        raise PlanError(f"unknown mode {mode!r}; choose one of {', '.join(MODES)}")
    steps = spec.steps if steps is None else steps
    if steps < 1:
        raise PlanError(f"steps must be >= 1, got {steps}")
    lcm = spec.cloud_sampler is not None
    if cloud_steps is not None and not lcm:
        raise PlanError(f"pair {spec.name!r} runs one grid for cloud and device; set steps, not cloud_steps")
    cloud_sampler = spec.cloud_sampler if lcm else sampler
    cloud_steps = (cloud_steps or spec.cloud_steps) if lcm else steps
    k = min(spec.k, cloud_steps) if k is None else k
    if k < 0:
        raise PlanError(f"k must be >= 0, got {k}")
    if k > cloud_steps:
        grid = f"the cloud's {cloud_steps}-step grid ({cloud_sampler})" if lcm else f"steps={steps}"
        raise PlanError(f"k={k} exceeds {grid}")
    if delta_t is not None and not lcm:
        raise PlanError(f"delta-t applies only to pairs with an LCM cloud model, not {spec.name!r}")
    common = {
        "mode": mode,
        "steps": steps,
        "sampler": sampler,
        "cloud_sampler": cloud_sampler,
        "cloud_steps": cloud_steps,
    }
    if mode == "device":
        return SplitPlan(**common, cloud_k=0, device_start=0)
    if mode in ("cloud", "vanilla-og") or k == cloud_steps:  # the cloud runs to the end: decode only
        return SplitPlan(**common, cloud_k=cloud_steps if mode in ("cloud", "vanilla-og") else k, device_start=steps)
    if not lcm or k == 0:  # one grid, or nothing ran on the LCM grid yet: the device starts at 0
        return SplitPlan(**common, cloud_k=k, device_start=k if not lcm else 0)
    offset = spec.device_timestep_offset if delta_t is None else delta_t
    if offset < 0 or k + offset >= steps:
        raise PlanError(
            f"delta-t {offset} after k={k} LCM steps leaves no device step: the device would resume at step "
            f"{k + offset} of {steps} (need 0 <= k + delta-t < {steps})"
        )
    return SplitPlan(**common, cloud_k=k, device_start=k + offset, restart=True)


def received_plan(
    spec: PairSpec,
    *,
    sampler: str,
    steps: int,
    k: int,
    n: int,
    device_steps: int | None = None,
    device_sampler: str = "dpm",
    delta_t: int | None = None,
) -> SplitPlan:
    """The plan a cloud request implies: what a server checks and a finisher given a bare hand-off uses.

    Args:
        spec (`PairSpec`): the pair served.
        sampler (`str`), steps (`int`), k (`int`), n (`int`): the request's cloud grid, switch
            point and number of candidates.
        device_steps (`int`, optional), device_sampler (`str`, defaults to "dpm"), delta_t
            (`int`, optional): the device's grid after an LCM cloud (the pair's defaults if None);
            with one grid the request says it all.
    """
    lcm = spec.cloud_sampler is not None
    if lcm and sampler != spec.cloud_sampler:
        raise PlanError(f"pair {spec.name!r} has an LCM cloud model; its requests use sampler 'lcm'")
    if not lcm and sampler not in DEVICE_SAMPLERS:
        raise PlanError(f"pair {spec.name!r} has no LCM cloud model; use sampler 'dpm' or 'ddim'")
    to_end = k == steps
    mode = ("cloud" if to_end else "hybrid") if n == 1 else ("vanilla-og" if to_end else "obclip")
    if lcm:
        return split_plan(
            spec, mode=mode, steps=device_steps, k=k, sampler=device_sampler, delta_t=delta_t, cloud_steps=steps
        )
    return split_plan(spec, mode=mode, steps=steps, k=k, sampler=sampler)


def plan_for_request(spec: PairSpec, request: CloudRequest, **device) -> SplitPlan:
    """`received_plan` of `request` (keywords `device_steps`, `device_sampler`, `delta_t` as there)."""
    return received_plan(spec, sampler=request.sampler, steps=request.steps, k=request.k, n=request.n, **device)
