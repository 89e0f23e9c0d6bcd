"""Server accelerations (placeholder until the acceleration module lands)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

import torch

from obclip.protocol import AccelConfig


@contextlib.contextmanager
def accelerated(
    unet: torch.nn.Module, config: AccelConfig, n: int, cfg: bool, k: int
) -> Iterator[Callable[[int], None] | None]:
    if config.mode != "none":
        raise NotImplementedError("accelerations are not implemented yet")
    yield None
