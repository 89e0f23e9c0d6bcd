"""Server accelerations for the N-candidate batch (paper §4.2), as hooks on diffusers' UNet.

Mechanisms, keyed to the step index of the cloud's k steps:

- **Batch reuse** (steps < r, mode "cache+reuse"): in every attention module, the query, key
  and attention map are computed for one pivot candidate per candidate group and broadcast to
  the group; values stay per candidate. With classifier-free guidance the batch is
  [uncond x N, cond x N]: each CFG half uses its *own* pivot map (an unconditional map is
  never applied to conditional rows).
- **Shared unconditional branch** (beyond the paper, `share_uncond`): the unconditional rows
  are computed for the pivot only and broadcast; exact at step 0 in every accelerated mode,
  approximate before r with batch reuse and at every step with `uncond_all` (accel_state.py).
- **Temporal attention cache** (steps >= r, modes "cache" and "cache+reuse"): self-attention
  outputs and cross-attention maps are computed at refresh steps (r, r + refresh, ...) and
  reused in between; cross-attention values stay per candidate (map x current V).
- **Block skip** (steps >= s): down and mid blocks return their outputs of step s - 1; only
  conv_in (cheap, fresh) and the up blocks run. Works without a mid block (BK-SDM). Going
  beyond the paper (DeepCache-style), the `skip_up` deepest up blocks are also served from
  step s - 1: their inputs are all cached already, only the time embedding would change.
- **Adaptive block cache** (`adaptive` > 0, instead of s): DeepCache's split, the first down
  and last up block run every step and the deep blocks are recomputed only when the first down
  block's output has drifted by more than the threshold since their last computation.

Hooks are installed once per UNet and read the current request's `AccelState` from a context
variable: a UNet call outside `accelerated(...)` runs the stock code path, and two requests in
two threads never see each other's caches.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from types import SimpleNamespace
from typing import Any

import torch

from obclip.cloud.accel_state import AccelState
from obclip.protocol import AccelConfig

__all__ = ["AccelState", "accelerated", "install"]

_STATE: ContextVar[AccelState | None] = ContextVar("obclip_accel_state", default=None)
_INSTALL_LOCK = threading.Lock()


class _SharedUncondUNet(torch.nn.Module):
    """Calls the UNet on [uncond pivot rows, cond rows] and broadcasts the uncond output."""

    def __init__(self, unet: torch.nn.Module, state: AccelState) -> None:
        super().__init__()
        self.unet, self.state = unet, state

    @property
    def config(self) -> Any:
        return self.unet.config

    @property
    def base_unet(self) -> torch.nn.Module:
        return self.unet

    def flop_phase(self) -> tuple:
        """What decides this step's code path (not its values): the FLOP meter's memo key."""
        return self.state.phase()

    def forward(
        self,
        sample: torch.Tensor,
        t: Any,
        encoder_hidden_states: torch.Tensor,
        added_cond_kwargs=None,
        timestep_cond=None,
    ):
        st = self.state
        if not st.share_uncond:
            return self.unet(
                sample,
                t,
                encoder_hidden_states=encoder_hidden_states,
                added_cond_kwargs=added_cond_kwargs,
                timestep_cond=timestep_cond,
            )
        st.layout(shared=True)
        rows = st.rows
        added = None if added_cond_kwargs is None else {k: v[rows] for k, v in added_cond_kwargs.items()}
        cond = None if timestep_cond is None else timestep_cond[rows]
        out = self.unet(
            sample[rows],
            t,
            encoder_hidden_states=encoder_hidden_states[rows],
            added_cond_kwargs=added,
            timestep_cond=cond,
        )
        return SimpleNamespace(sample=out.sample[st.expand])


def _heads(attn: Any, x: torch.Tensor) -> torch.Tensor:
    b, n, inner = x.shape
    return x.view(b, n, attn.heads, inner // attn.heads).transpose(1, 2)


def _merge(attn: Any, x: torch.Tensor) -> torch.Tensor:
    b, h, n, d = x.shape
    return x.transpose(1, 2).reshape(b, n, h * d)


def _attention_map(attn: Any, hidden: torch.Tensor, context: torch.Tensor) -> torch.Tensor:
    q, k = _heads(attn, attn.to_q(hidden)), _heads(attn, attn.to_k(context))
    return (q @ k.transpose(-1, -2) * attn.scale).softmax(dim=-1)


def _output(attn: Any, probs: torch.Tensor, context: torch.Tensor) -> torch.Tensor:
    out = _merge(attn, probs @ _heads(attn, attn.to_v(context)))
    return attn.to_out[1](attn.to_out[0](out))


class ObclipAttnProcessor:
    """Wraps a module's stock processor; accelerates only inside `accelerated(...)`."""

    def __init__(self, inner: Any, key: str) -> None:
        self.inner, self.key = inner, key

    def __call__(
        self, attn: Any, hidden_states: torch.Tensor, encoder_hidden_states=None, attention_mask=None, temb=None, **kw
    ):
        st = _STATE.get()
        plain = attention_mask is None and hidden_states.ndim == 3 and attn.norm_q is None and attn.group_norm is None
        plain = plain and not attn.residual_connection
        if st is None or not plain or not (st.reuse or st.cache) or attn.spatial_norm is not None:
            return self.inner(attn, hidden_states, encoder_hidden_states, attention_mask, temb, **kw)
        cross = encoder_hidden_states is not None
        context = encoder_hidden_states if cross else hidden_states
        if cross and attn.norm_cross:
            context = attn.norm_encoder_hidden_states(context)
        if st.reuse:
            out = torch.cat(
                [
                    _output(
                        attn,
                        _attention_map(attn, hidden_states[a + p : a + p + 1], context[a + p : a + p + 1]),
                        context[a : a + n],
                    )
                    for a, n, p in st.segments
                ]
            )
        elif cross:
            if st.refresh or self.key not in st.attention:
                st.attention[self.key] = _attention_map(attn, hidden_states, context)
            out = _output(attn, st.attention[self.key], context)
        else:
            if st.refresh or self.key not in st.attention:
                st.attention[self.key] = self.inner(attn, hidden_states, None, None, temb, **kw)
            return st.attention[self.key]
        return out / attn.rescale_output_factor


def _wrap_block(block: torch.nn.Module, key: str, applies: Callable[[AccelState], bool] = lambda st: True) -> None:
    original = block.forward

    def forward(*args: Any, **kwargs: Any) -> Any:
        st = _STATE.get()
        if st is None:
            return original(*args, **kwargs)
        if key == "down0" and st.adaptive:  # the shallow path runs every step and measures the drift
            out = original(*args, **kwargs)
            st.observe_shallow(out[0])
            return out
        if not applies(st):
            return original(*args, **kwargs)
        if st.skip and key in st.blocks:
            return _map(st.to_current, st.blocks[key])
        out = original(*args, **kwargs)
        if st.store_blocks:
            st.blocks[key] = _map(st.to_canonical, out)
        return out

    block.forward = forward


def _map(fn: Callable[[torch.Tensor], torch.Tensor], value: Any) -> Any:
    if isinstance(value, torch.Tensor):
        return fn(value)
    if isinstance(value, tuple):
        return tuple(_map(fn, v) for v in value)
    return value


def install(unet: torch.nn.Module) -> None:
    """Installs the dispatching hooks on `unet` once; harmless when no request is accelerated."""
    with _INSTALL_LOCK:
        if getattr(unet, "_obclip_accel_installed", False):
            return
        unet.set_attn_processor({name: ObclipAttnProcessor(proc, name) for name, proc in unet.attn_processors.items()})
        for i, block in enumerate(unet.down_blocks):
            _wrap_block(block, f"down{i}")
        if unet.mid_block is not None:  # BK-SDM-style UNets have none
            _wrap_block(unet.mid_block, "mid")
        for i, block in enumerate(unet.up_blocks[:-1]):  # the deepest up blocks, if `skip_up` asks for them
            _wrap_block(block, f"up{i}", lambda st, i=i: st.skips_up(i))
        unet._obclip_accel_installed = True


@contextlib.contextmanager
def accelerated(
    unet: torch.nn.Module, config: AccelConfig, groups: tuple[int, ...], cfg: bool, k: int
) -> Iterator[tuple[Callable[[int], None] | None, torch.nn.Module]]:
    """Runs the enclosed UNet calls of one batch with `config`'s accelerations.

    Yields:
        (on_step, unet): call `on_step(i)` before step i; call the yielded module as the UNet.
    """
    if config.mode == "none":
        yield None, unet
        return
    install(unet)
    state = AccelState(config, groups, cfg, k)
    token = _STATE.set(state)
    try:
        yield state.begin_step, _SharedUncondUNet(unet, state)
    finally:
        _STATE.reset(token)
