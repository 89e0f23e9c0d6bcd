"""FLOPs counted, not estimated: `torch.utils.flop_counter.FlopCounterMode` around UNet calls.

The meter records the FLOPs of every UNet call of a request, per step, so that the cloud
and the device can report what actually ran (accelerations included). Like the paper, it
counts the denoising UNet only: text encoding and VAE decoding are not included. Attention
computed by PyTorch's CPU SDPA kernel is counted too (PyTorch's own table misses it).

Counting dispatches every operator through Python and costs more than the call itself, yet
a call's count is a pure function of the module, the input shapes and which code path the
accelerations take. So each (module, signature) is counted once per process and its count
reused (`memo`); the figures are the same as counting every call (tests compare them).
"""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field

import torch

# module -> {signature -> FLOPs of one call}; weak, so a dropped model takes its counts along
_MEMO: weakref.WeakKeyDictionary[torch.nn.Module, dict[Hashable, int]] = weakref.WeakKeyDictionary()


def _counter():
    """A fresh `FlopCounterMode` that also counts CPU SDPA (imported here: counting is optional)."""
    from torch.utils.flop_counter import FlopCounterMode, sdpa_flop_count

    def cpu_sdpa(query_shape, key_shape, value_shape, *args, out_shape=None, **kwargs) -> int:
        return sdpa_flop_count(query_shape, key_shape, value_shape)

    # PyTorch counts SDPA on GPU kernels only; the CPU flash kernel would count as zero (torch 2.13).
    mapping = {torch.ops.aten._scaled_dot_product_flash_attention_for_cpu: cpu_sdpa}
    return FlopCounterMode(display=False, custom_mapping=mapping)


@dataclass
class FlopMeter:
    """Accumulates counted FLOPs per step. `enabled=False` makes `measure` free.

    Attributes:
        enabled (`bool`, defaults to True): count at all.
        memo (`bool`, defaults to True): reuse the count of an earlier call with the same module
            and signature instead of counting again (see the module docstring).
        per_step (`dict[int, int]`): counted FLOPs by step index.
    """

    enabled: bool = True
    memo: bool = True
    per_step: dict[int, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.per_step.values())

    @contextlib.contextmanager
    def measure(self, step: int, module: torch.nn.Module | None = None, signature: Hashable = None) -> Iterator[None]:
        """Counts the enclosed call as step `step`.

        Args:
            step (`int`): the step the FLOPs are charged to.
            module (`torch.nn.Module`, optional): the model called; with `signature`, the key
                of the memo. Without it the call is always counted.
            signature (`Hashable`, optional): everything besides the module that decides which
                operators run on which shapes (input shapes, dtype, acceleration phase).
        """
        if not self.enabled:
            yield
            return
        counts = _MEMO.setdefault(module, {}) if self.memo and module is not None else None
        if counts is not None and signature in counts:
            yield
            flops = counts[signature]
        else:
            with _counter() as counter:
                yield
            flops = counter.get_total_flops()
            if counts is not None:
                counts[signature] = flops
        self.per_step[step] = self.per_step.get(step, 0) + flops

    def steps(self) -> tuple[int, ...]:
        return tuple(self.per_step[i] for i in sorted(self.per_step))
