"""The acceleration policy: one frozen dataclass, the single home of every acceleration default.

`AccelConfig()` is what the Python API (`generate`), the CLI (`obclip generate`), the HTTP schema
(`server/schema.py`) and the pipeline use unless told otherwise: the CLI flags and the HTTP body are
*generated* from its fields (default, bounds, help text), so they cannot drift apart. The exact
reference is `AccelConfig.exact()` (mode "none"), which the tests and the fidelity measure compare
with.

Torch-free, so that ``obclip --help`` can build its parser from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

ACCEL_MODES = ("none", "cache", "cache+reuse")


class ConfigError(ValueError):
    """A setting outside what it may be."""


def _setting(default: Any, help: str, bounds: tuple[float, float] | None = None, flag: str | None = None) -> Any:
    """A dataclass field that carries its CLI/HTTP description: help text, inclusive bounds, flag name."""
    return field(default=default, metadata={"help": help, "bounds": bounds, "flag": flag})


@dataclass(frozen=True)
class AccelConfig:
    """Server accelerations (see `obclip.cloud.accel`); the defaults are the project's policy.

    Every sharing decision these settings lead to (the pivot, cache refreshes, adaptive refreshes,
    which candidates are computed exactly) is taken on the candidate group in its canonical (sorted)
    order or its factor labels, so it is a function of the candidate set and the seed only
    (`obclip.cloud.engine`). With mode "none" nothing is shared and nothing composed.
    """

    mode: str = _setting("cache+reuse", "server accelerations: none (exact), cache, or cache+reuse", flag="--accel")
    r: int = _setting(4, "cache point: first cloud step served from the attention cache", (1, 1000))
    s: int = _setting(6, "skip point: first cloud step that runs only the up blocks", (1, 1000))
    refresh: int = _setting(5, "the attention cache is recomputed every REFRESH steps", (1, 1000))
    pivot: int = _setting(
        0, "candidate (position in the set's sorted order) whose attention maps batch reuse broadcasts", (0, 1000)
    )
    share_uncond: bool = _setting(
        True, "with batch reuse, compute the unconditional CFG branch for the pivot only (beyond the paper)"
    )
    skip_up: int = _setting(1, "during block skip, also serve this many deepest up blocks from the cache", (0, 16))
    uncond_all: bool = _setting(True, "share the unconditional branch at every cloud step (approximate)")
    adaptive: float = _setting(
        0.3, "adaptive block cache drift threshold instead of the skip point (0 = fixed skip point)", (0.0, 9.99)
    )
    compose: bool = _setting(
        True,
        "factorial candidates: compute only the main-effect candidates of the set (1 + sum of (values - 1) over "
        "its attributes) and compose the others as base + the sum of each attribute's difference",
    )

    def __post_init__(self) -> None:
        if self.mode not in ACCEL_MODES:
            raise ConfigError(f"accel mode must be one of {', '.join(ACCEL_MODES)}, got {self.mode!r}")
        for f in fields(self):
            bounds, value = f.metadata["bounds"], getattr(self, f.name)
            if bounds is not None and not bounds[0] <= value <= bounds[1]:
                raise ConfigError(f"accel {f.name} must lie in [{bounds[0]}, {bounds[1]}], got {value}")

    @classmethod
    def exact(cls) -> AccelConfig:
        """No acceleration: the computation every accelerated result is measured against."""
        return cls(mode="none")

    @classmethod
    def mechanisms(cls, mode: str, **settings: Any) -> AccelConfig:
        """`mode` with only the mechanisms named in `settings`: the policy's two approximate extras
        (the unconditional branch shared at every step, the adaptive block cache, factorial
        composition) stay off unless
        asked for. What the bench's rows and the tests of one mechanism build on."""
        return cls(mode, **{"uncond_all": False, "adaptive": 0.0, "compose": False, **settings})


def settings(config: type = AccelConfig) -> list[tuple[str, Any, dict[str, Any]]]:
    """(name, default, metadata) of each setting, in declaration order: what the CLI and HTTP build on."""
    return [(f.name, f.default, dict(f.metadata)) for f in fields(config)]
