"""The device's check of a cloud answer: never finish a latent the request could not have produced.

A hand-off is accepted only if it answers the exact request sent (same candidates, order,
seed and grid), holds one latent per candidate of the pair's latent shape, carries the
sampler state the device needs to continue (DPM-Solver++'s previous data prediction for
0 < k < T, nothing otherwise), and its values are plausible for step k:

- finite;
- bounded: |x| <= c * (alpha_k * D + sigma_k * G), the variance-preserving mix of a data
  latent (|x0| <= D) and Gaussian noise (|eps| <= G), with a generous c; this refuses a
  scaled-up answer (x 1e4) but never a correct one (tested on real answers at several k);
- tied to the seed: every request's initial noise z_T is a pure function of its seed, and a
  correct x_k keeps a correlation with z_T of at least about sigma_k (measured >= 0.94 on the
  tiny pairs and >= 1.3 sigma_k on the trained default pair); an answer of zeros, of fresh noise
  or of another seed's latents falls far below `corr_factor * sigma_k`.

What it cannot catch: a server that really runs the request with other weights (the device
cannot tell a plausible latent from the right one without running the large UNet itself).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch

from obclip.denoise import initial_noise
from obclip.models.pair import ModelPair
from obclip.protocol import CloudRequest, Handoff, ProtocolError
from obclip.sampling import Schedule


class ImplausibleAnswer(ProtocolError):
    """A cloud answer that fails verification against its request."""


@dataclass(frozen=True)
class HandoffCheck:
    """What a correct answer looks like for one pair.

    Attributes:
        pair (`ModelPair`): the device's pair (latent shape, scheduler config).
        data_bound (`float`, defaults to 100.0): |x0| bound of a data latent in scaled latent
            units (trained SD latents stay below 5; the tiny random pairs' predictions reach 50).
        noise_bound (`float`, defaults to 6.0): |eps| bound of the Gaussian part.
        slack (`float`, defaults to 2.0): the generous c of the range check.
        corr_factor (`float`, defaults to 0.5): a latent must correlate with its seed's initial
            noise by at least `corr_factor * sigma_k`.
    """

    pair: ModelPair
    data_bound: float = 100.0
    noise_bound: float = 6.0
    slack: float = 2.0
    corr_factor: float = 0.5

    def __post_init__(self) -> None:
        if min(self.data_bound, self.noise_bound, self.slack) <= 0 or not 0 <= self.corr_factor < 1:
            raise ValueError("data_bound, noise_bound and slack must be > 0 and corr_factor in [0, 1)")

    def noise_levels(self, request: CloudRequest) -> tuple[float, float]:
        """(alpha_k, sigma_k) of the latent after `request.k` cloud steps."""
        schedule = Schedule.create(request.sampler, self.pair.scheduler_config, request.steps)
        ab = schedule.alpha_bars_next[request.k - 1] if request.k else schedule.alpha_bars[0]
        if request.k == 0:
            return 0.0, 1.0  # the initial noise itself
        return math.sqrt(float(ab)), math.sqrt(max(0.0, 1.0 - float(ab)))

    def __call__(self, handoff: Handoff, request: CloudRequest) -> Handoff:
        """Returns `handoff` if it passes every check, else raises `ImplausibleAnswer` (one line)."""
        if handoff.request != request:
            raise ImplausibleAnswer("the cloud answered a different request")
        if handoff.step != request.k:
            raise ImplausibleAnswer(f"the cloud ran {handoff.step} steps, not k={request.k}")
        expected = (request.n, *self.pair.latent_shape(request.height, request.width))
        if tuple(handoff.latents.shape) != expected:
            raise ImplausibleAnswer(f"latents of shape {tuple(handoff.latents.shape)}, expected {expected}")
        needs_history = request.sampler == "dpm" and 0 < request.k < request.steps
        if needs_history and handoff.prev_denoised is None:
            raise ImplausibleAnswer("the answer lacks the sampler state (prev_denoised) DPM-Solver++ needs")
        if not needs_history and handoff.prev_denoised is not None:
            raise ImplausibleAnswer("the answer carries sampler state this sampler and k do not have")
        alpha, sigma = self.noise_levels(request)
        bound = self.slack * (alpha * self.data_bound + sigma * self.noise_bound)
        self._check_values("latents", handoff.latents, bound)
        if handoff.prev_denoised is not None:
            self._check_values("prev_denoised", handoff.prev_denoised, self.slack * self.data_bound)
        z = initial_noise(request.seed, expected[1:]).flatten().double()
        for i, latent in enumerate(handoff.latents):
            x = latent.flatten().double()
            if float(x.std()) < 1e-3:
                raise ImplausibleAnswer(f"candidate {i}'s latent is constant: not a denoising state")
            corr = float(torch.corrcoef(torch.stack([x, z]))[0, 1])
            if corr < self.corr_factor * sigma:
                raise ImplausibleAnswer(
                    f"candidate {i}'s latent does not follow from seed {request.seed} "
                    f"(correlation {corr:.2f} with its initial noise, expected >= {self.corr_factor * sigma:.2f})"
                )
        if handoff.server_flops < 0 or handoff.server_seconds < 0:
            raise ImplausibleAnswer("negative FLOPs or seconds in the answer")
        return handoff

    @staticmethod
    def _check_values(name: str, tensor: torch.Tensor, bound: float) -> None:
        if not bool(torch.isfinite(tensor).all()):
            raise ImplausibleAnswer(f"{name} hold NaN or infinite values")
        peak = float(tensor.abs().max())
        if peak > bound:
            raise ImplausibleAnswer(f"{name} reach |x| = {peak:.3g}, beyond the plausible {bound:.3g} at this step")
