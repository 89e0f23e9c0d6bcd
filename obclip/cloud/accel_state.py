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

Main-effect differences reused across steps (`diff_refresh` > 1, groups with factor labels): each
group names its **base** row (every attribute at value index 0). At refresh steps (step 0, every
step before diff_dense x k, and the last cloud step and every diff_refresh-th step before it) every
row is computed and each row's difference from its group's base in the data prediction x0 is kept
(`difference`, canonical); at the **lean** steps in between only the base's rows run (plus the shared unconditional pivot) and every other row is
answered with the noise prediction whose x0 is the base's plus its kept difference (accel.py).
Rows a lean step does not compute keep their own last values in the block, attention and drift
caches (`keep`), so a later refresh step that serves cached blocks serves each row its own. The
schedule depends on the step index and the base, which the factor labels fix: the same
rows run at the same steps whichever candidate is real. With differences reused, the adaptive
cache measures its drift on the rows that run every step (`drift_rows`).
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
    bases: tuple[int | None, ...] = ()  # per group: its base row's position, None if it has no factor labels
    alpha_bars: tuple[float, ...] = ()  # cumulative alpha of each step: turns a noise prediction into a data one
    step: int = -1
    attention: dict[str, torch.Tensor] = field(default_factory=dict)
    blocks: dict[str, Any] = field(default_factory=dict)
    rows: torch.Tensor | None = None  # canonical rows present in the current UNet batch (None: all)
    expand: torch.Tensor | None = None  # canonical row -> position in the current batch
    fresh: torch.Tensor | None = None  # canonical rows whose current value is their own or shared by design (None: all)
    difference: torch.Tensor | None = None  # canonical x0 prediction minus its group's base's, at the last refresh
    segments: list[tuple[int, int, int]] = field(default_factory=list)  # (start, n, pivot) in the current batch
    full: bool = True  # adaptive mode: this step recomputes the deep blocks
    reference: torch.Tensor | None = None  # adaptive mode: first down block's output at the last full step
    reference_step: int = 0
    drift: float = 0.0  # adaptive mode: its relative change since then, at the latest step
    rate: float = float("inf")  # adaptive mode: drift per step between the last two full steps
    full_steps: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.bases and len(self.bases) != len(self.groups):
            raise ValueError(f"{len(self.bases)} base rows for {len(self.groups)} candidate groups")
        for base, n in zip(self.bases, self.groups, strict=False):
            if base is not None and not 0 <= base < n:
                raise ValueError(f"base row {base} outside a group of {n}")
        if self.differences and len(self.alpha_bars) < self.k:
            raise ValueError(f"reusing differences needs the cumulative alpha of each of the {self.k} steps")

    @property
    def total(self) -> int:
        return sum(self.groups)

    @property
    def differences(self) -> bool:
        """Whether main-effect differences are kept and reused across steps in this batch."""
        has_base = any(b is not None for b in self.bases)
        return self.config.mode != "none" and self.config.diff_refresh > 1 and has_base

    @property
    def lean(self) -> bool:
        """This step computes only each labelled group's base rows (a step between difference refreshes)."""
        return self.differences and not self.refreshes_differences

    @property
    def refreshes_differences(self) -> bool:
        """Every row is computed and its difference from the base kept: step 0, the first `diff_dense` x k
        steps, and every `diff_refresh`-th step counted back from the last cloud step (the hand-off latent
        is made from it; measured at N = 6, k = 10, 8 prompts, refreshing every 2nd step: 30.3 dB real
        PSNR with the last, 29.7 without), so that refreshes are evenly spaced up to the hand-off. The
        early steps are where holding a difference costs most (hand-off latent error, N = 6, k = 10,
        one lean step at a time: step 1 raised it from 0.189 to 0.244, any of steps 2-4, 7-9 by <= 0.006)."""
        i, dense = self.step, int(self.config.diff_dense * self.k + 1e-9)  # 0.2 x 10 is 2, not 1.999...
        return i == 0 or i < dense or (self.k - 1 - i) % self.config.diff_refresh == 0

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
        flags = (self.reuse, self.share_uncond, self.cache, self.refresh, self.skip, self.store_blocks, self.lean)
        batch = (self.config, self.groups, self.bases, self.cfg, self.k)
        return (*batch, flags, tuple(sorted(self.blocks)), len(self.attention))

    def begin_step(self, i: int) -> None:
        self.step = i
        if self.adaptive:  # refresh if the drift predicted for this step would pass the threshold
            self.full = self.reference is None or self.drift + self.rate > self.config.adaptive
            if self.full:
                self.full_steps.append(i)
        self.layout(shared=False)  # the UNet wrapper switches to the step's layout for its call

    def observe_shallow(self, hidden: torch.Tensor) -> None:
        """Adaptive mode: measures this step's first down block output (current layout) against the
        reference; a full step measures it before becoming the new reference, which gives the rate."""
        canonical, ref = self.to_canonical(hidden), self.reference
        drift = 0.0
        if ref is not None:  # over the rows this step computed (all of them unless it is lean)
            mask = None if self.fresh is None else self.fresh.to(canonical.device)
            if self.differences:  # only the rows that run every step: see `drift_rows`
                mask = self.drift_rows() if mask is None else mask & self.drift_rows()
            now, then = (canonical, ref) if mask is None else (canonical[mask], ref[mask])
            drift = float((now - then).norm() / then.norm().clamp_min(1e-12))
        if ref is not None and self.full:
            self.rate = drift / max(1, self.step - self.reference_step)
        if self.full:
            self.reference, self.reference_step, self.drift = self.keep(ref, hidden), self.step, 0.0
        else:
            self.drift = drift

    def drift_rows(self) -> torch.Tensor:
        """With differences reused, the adaptive drift is measured on the rows that run every step (each
        labelled group's base and its unconditional row, every row of an unlabelled group): the other rows'
        reference is as old as their last refresh, so their drift would follow the refresh schedule, not
        the denoising. Measured (N = 6, k = 10, refreshes {0, 1, 5, 9}, real PSNR, 8 bench prompts / 16
        others): 30.7 / 30.1 dB on these rows against 33.6 / 29.6 on every computed row."""
        sources = self.lean_sources()
        return sources == torch.arange(len(sources))

    def layout(self, shared: bool, lean: bool = False) -> None:
        """Sets rows/expand/segments/fresh for this step's UNet batch: the full batch, the
        unconditional half shared (one pivot row per group), and/or, on a lean step, each labelled
        group's base row standing for the group."""
        sources = self._sources(shared, lean)
        rows = sorted(set(sources))  # canonical order: the uncond half's rows first
        self.segments = self._segments(shared, lean)
        if rows == list(range(len(sources))):
            self.rows = self.expand = self.fresh = None
            return
        position = {c: p for p, c in enumerate(rows)}
        self.rows = torch.tensor(rows)
        self.expand = torch.tensor([position[c] for c in sources])
        fresh = [c == src or (shared and c < self.total) for c, src in enumerate(sources)]
        self.fresh = None if all(fresh) else torch.tensor(fresh)

    def _sources(self, shared: bool, lean: bool) -> list[int]:
        """For each canonical row, the canonical row whose UNet output stands for it in this layout."""
        halves = 2 if self.cfg else 1
        bases = self.bases or (None,) * len(self.groups)
        sources, offset = [], 0
        for h in range(halves):
            for n, base in zip(self.groups, bases, strict=True):
                stand_in = None
                if shared and h == 0:
                    stand_in = min(self.config.pivot, n - 1)
                elif lean and base is not None:
                    stand_in = base
                sources.extend(range(offset, offset + n) if stand_in is None else [offset + stand_in] * n)
                offset += n
        return sources

    def _segments(self, shared: bool, lean: bool) -> list[tuple[int, int, int]]:
        """(start, rows, pivot) of each group's half in the current batch, for batch reuse's pivot maps."""
        halves = 2 if self.cfg else 1
        bases = self.bases or (None,) * len(self.groups)
        segments, start = [], 0
        for h in range(halves):
            for n, base in zip(self.groups, bases, strict=True):
                one = (shared and h == 0) or (lean and base is not None)
                segments.append((start, 1, 0) if one else (start, n, min(self.config.pivot, n - 1)))
                start += 1 if one else n
        return segments

    def lean_sources(self) -> torch.Tensor:
        """Canonical row -> the row that stands for it on a lean step, sharing aside: its group's base."""
        return torch.tensor(self._sources(shared=False, lean=True))

    def keep(self, old: torch.Tensor | None, current: torch.Tensor) -> torch.Tensor:
        """A cache entry (canonical) updated with this step's `current` output: rows the step did not
        compute keep their `old` value (their own, from the last step that computed them). Moving
        them as the base moved instead (old + base now - base then) measured 28.9 dB real PSNR
        against 30.3 (N = 6, k = 10, 8 prompts): it raised the worst decoy, not the real image."""
        canonical = self.to_canonical(current)
        if old is None or self.fresh is None:
            return canonical
        mask = self.fresh.view(-1, *[1] * (canonical.ndim - 1)).to(canonical.device)
        return torch.where(mask, canonical, old)

    def to_canonical(self, x: torch.Tensor) -> torch.Tensor:
        return x if self.expand is None else x[self.expand]

    def to_current(self, x: torch.Tensor) -> torch.Tensor:
        return x if self.rows is None else x[self.rows]
