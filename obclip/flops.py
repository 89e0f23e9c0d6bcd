"""FLOPs counted, not estimated: `torch.utils.flop_counter.FlopCounterMode` around UNet calls.

The meter records the FLOPs of every UNet call of a request, per step, so that the cloud
and the device can report what actually ran (accelerations included). Like the paper, it
counts the denoising UNet only: text encoding and VAE decoding are not included. Attention
computed by PyTorch's CPU SDPA kernel is counted too (PyTorch's own table misses it).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field

import torch
from torch.utils.flop_counter import FlopCounterMode, sdpa_flop_count


def _cpu_sdpa_flops(query_shape, key_shape, value_shape, *args, out_shape=None, **kwargs) -> int:
    return sdpa_flop_count(query_shape, key_shape, value_shape)


# PyTorch counts SDPA on GPU kernels only; the CPU flash kernel would count as zero (torch 2.13).
_CPU_SDPA = {torch.ops.aten._scaled_dot_product_flash_attention_for_cpu: _cpu_sdpa_flops}


@dataclass
class FlopMeter:
    """Accumulates counted FLOPs per step. `enabled=False` makes `measure` free."""

    enabled: bool = True
    per_step: dict[int, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.per_step.values())

    @contextlib.contextmanager
    def measure(self, step: int) -> Iterator[None]:
        if not self.enabled:
            yield
            return
        with FlopCounterMode(display=False, custom_mapping=_CPU_SDPA) as counter:
            yield
        self.per_step[step] = self.per_step.get(step, 0) + counter.get_total_flops()

    def steps(self) -> tuple[int, ...]:
        return tuple(self.per_step[i] for i in sorted(self.per_step))
