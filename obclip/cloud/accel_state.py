"""One accelerated batch's state: which step it is, which rows the UNet sees, what is cached.

The canonical batch is [uncond x total, cond x total] (CFG) or [cond x total]. When the
unconditional branch is shared, the UNet sees only one unconditional row per candidate group
(its pivot's) followed by every conditional row; `rows` picks those rows from a canonical batch
and `expand` broadcasts a current batch back to canonical. Block caches are kept canonical, so a
cached block can be served whatever layout a later step uses.

When the unconditional branch is shared (`share_uncond`):

- **step 0, exact**: every candidate of a group starts from the same latent and the empty prompt,
  so its unconditional rows are identical;
- **steps < r with batch reuse** (the project's earlier extension) and **every step with
  `uncond_all`**: approximate, the pivot's unconditional prediction stands in for the others'
  once the trajectories have diverged (measured in the bench).

Adaptive block caching (`adaptive` > 0) replaces the fixed skip point: the shallow path (conv_in,
the first down block, the last up block) runs every step, and the deep blocks are recomputed at
step i only when the first down block's output is predicted to have drifted from its value at the
last full step by more than `adaptive` (relative L2): the drift measured at step i - 1 plus the
per-step drift between the last two full steps. Steps 0 and 1 are always full (no rate yet). The
decision is known before the step's UNet call, so the FLOP meter can still memoise on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import torch

from obclip.protocol import AccelConfig


@dataclass
class AccelState:
    """One request's (or one batch's) acceleration state.

    Attributes:
        config (`AccelConfig`): r, s, refresh, pivot, mode, sharing and adaptive settings.
        groups (`tuple[int, ...]`): sizes of the candidate groups in the batch, in order.
        cfg (`bool`): whether the batch is laid out [uncond x total, cond x total].
        k (`int`): number of cloud steps.
    """

    config: AccelConfig
    groups: tuple[int, ...]
    cfg: bool
    k: int
    step: int = -1
    attention: dict[str, torch.Tensor] = field(default_factory=dict)
    blocks: dict[str, Any] = field(default_factory=dict)
    rows: torch.Tensor | None = None  # canonical rows present in the current UNet batch (None: all)
    expand: torch.Tensor | None = None  # canonical row -> position in the current batch
    segments: list[tuple[int, int, int]] = field(default_factory=list)  # (start, n, pivot) in the current batch
    full: bool = True  # adaptive mode: this step recomputes the deep blocks
    reference: torch.Tensor | None = None  # adaptive mode: first down block's output at the last full step
    reference_step: int = 0
    drift: float = 0.0  # adaptive mode: its relative change since then, at the latest step
    rate: float = float("inf")  # adaptive mode: drift per step between the last two full steps
    full_steps: list[int] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.groups)

    @property
    def adaptive(self) -> bool:
        return self.config.mode != "none" and self.config.adaptive > 0

    @property
    def reuse(self) -> bool:
        return self.config.mode == "cache+reuse" and self.step < self.config.r

    @property
    def share_uncond(self) -> bool:
        if not (self.cfg and self.config.share_uncond and self.config.mode != "none"):
            return False
        return self.step == 0 or self.reuse or self.config.uncond_all

    @property
    def cache(self) -> bool:
        return self.config.mode != "none" and self.step >= self.config.r

    @property
    def refresh(self) -> bool:
        return self.cache and (self.step - self.config.r) % self.config.refresh == 0

    @property
    def skip(self) -> bool:
        if self.adaptive:
            return not self.full and bool(self.blocks)
        return self.config.mode != "none" and self.step >= self.config.s and bool(self.blocks)

    @property
    def store_blocks(self) -> bool:
        if self.adaptive:
            return self.full
        return self.config.mode != "none" and self.step == self.config.s - 1 and self.config.s < self.k

    def skips_up(self, i: int) -> bool:
        """Whether up block `i` (0 = deepest; the last one always runs) may be served from cache."""
        return self.adaptive or i < self.config.skip_up

    def phase(self) -> tuple:
        """Everything that decides which operators the current step runs, on which rows: two
        steps with equal phases run the same code path (the FLOP meter memoises on it)."""
        flags = (self.reuse, self.share_uncond, self.cache, self.refresh, self.skip, self.store_blocks)
        return (self.config, self.groups, self.cfg, self.k, flags, tuple(sorted(self.blocks)), len(self.attention))

    def begin_step(self, i: int) -> None:
        self.step = i
        if self.adaptive:  # refresh if the drift predicted for this step would pass the threshold
            self.full = self.reference is None or self.drift + self.rate > self.config.adaptive
            if self.full:
                self.full_steps.append(i)
        self.layout(shared=False)  # the UNet wrapper switches to the shared layout for its call

    def observe_shallow(self, hidden: torch.Tensor) -> None:
        """Adaptive mode: measures this step's first down block output (current layout) against the
        reference; a full step measures it before becoming the new reference, which gives the rate."""
        canonical, ref = self.to_canonical(hidden), self.reference
        drift = 0.0 if ref is None else float((canonical - ref).norm() / ref.norm().clamp_min(1e-12))
        if ref is not None and self.full:
            self.rate = drift / max(1, self.step - self.reference_step)
        if self.full:
            self.reference, self.reference_step, self.drift = canonical, self.step, 0.0
        else:
            self.drift = drift

    def layout(self, shared: bool) -> None:
        """Sets rows/expand/segments for a full batch or one with the uncond half shared."""
        halves = 2 if self.cfg else 1
        segments, rows, start = [], [], 0
        for h in range(halves):
            offset = h * self.total
            for n in self.groups:
                pivot = min(self.config.pivot, n - 1)
                if shared and h == 0:
                    segments.append((start, 1, 0))
                    rows.append(offset + pivot)
                    start += 1
                else:
                    segments.append((start, n, pivot))
                    rows.extend(range(offset, offset + n))
                    start += n
                offset += n
        self.segments = segments
        if not shared:
            self.rows = self.expand = None
            return
        self.rows = torch.tensor(rows)
        expand, pos = [], 0
        for n in self.groups:  # uncond rows of a group all read its pivot's row
            expand.extend([pos] * n)
            pos += 1
        expand.extend(range(pos, pos + self.total))
        self.expand = torch.tensor(expand)

    def to_canonical(self, x: torch.Tensor) -> torch.Tensor:
        return x if self.expand is None else x[self.expand]

    def to_current(self, x: torch.Tensor) -> torch.Tensor:
        return x if self.rows is None else x[self.rows]
