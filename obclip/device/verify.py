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

- not the trivial answer: a latent that is its seed's noise scaled (sigma_k * z_T, what a
  server that computed nothing would send) has no part outside z_T's direction; a correct one
  keeps >= 2.9% (measured minimum, default pair) and >= 6.7% (tiny pairs) of its norm there;
- for a trained pair (not the tiny random test pairs), each latent's standard deviation lies in
  `std_range`: a variance-preserving x_k of unit-variance data latents has std near 1 (measured
  0.65-1.41 over 2,910 latents of the default pair, k 1-25, both samplers, composed candidates
  included); an answer scaled x10 lands far outside, x2 does not (not caught).

`SwapCheck` ties the real candidate's latent to its text: the device runs its own small model for
the first k steps on the real candidate and five secret others, and the difference between the
real latent and each other's must point the way the small model's difference does (mean cosine
> 0.1). On the default pair (72 answers: 6 prompts, both samplers, k 5 and 10, 3 seeds) no honest
answer was refused and 61 of 72 answers with the candidates deranged were.

What none of this catches: a server that really runs the request with other weights, or returns
another plausible latent of the right statistics (the device cannot tell a plausible latent from
the right one without running the large UNet itself). The measured false-alarm rates are in
docs/design.md.
"""

from __future__ import annotations

import math
import random
import secrets
from dataclasses import dataclass, field

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
    std_range: tuple[float, float] = (0.3, 3.0)
    min_residual: float = 0.01

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
            beta = float(x @ z / (z @ z))
            if request.k > 0 and float((x - beta * z).norm() / x.norm()) < self.min_residual:
                raise ImplausibleAnswer(
                    f"candidate {i}'s latent is its seed's noise scaled by {beta:.3g}: the server did not denoise"
                )
            if trained(self.pair) and not self.std_range[0] <= float(x.std()) <= self.std_range[1]:
                raise ImplausibleAnswer(
                    f"candidate {i}'s latent has standard deviation {float(x.std()):.3g}, outside the "
                    f"{self.std_range[0]}-{self.std_range[1]} of a denoising state of this pair"
                )
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


def trained(pair: ModelPair) -> bool:
    """Whether the pair's models were trained (its latents have data statistics): not the tiny random pairs."""
    return not pair.spec.family.startswith("tiny")


@dataclass(frozen=True)
class SwapCheck:
    """Ties the real candidate's latent to its own text (see the module docstring).

    Attributes:
        pair (`ModelPair`): the device's pair (a trained one; on random test weights there is no signal).
        others (`int`, defaults to 5): secret other candidates compared, chosen at random per answer.
        min_cosine (`float`, defaults to 0.1): below it (the mean over the others), the real latent does
            not move the way the device's model moves its text.
    """

    pair: ModelPair
    others: int = 5
    min_cosine: float = 0.1
    rng: random.Random = field(default_factory=secrets.SystemRandom)  # secret: the server cannot aim at the others

    def __call__(self, handoff: Handoff, real: int) -> Handoff:
        from obclip.denoise import denoise, step_noise
        from obclip.sampling import SamplerState

        request = handoff.request
        if request.n < 2 or request.k == 0 or not trained(self.pair):
            return handoff
        picked = self.rng.sample([j for j in range(request.n) if j != real], min(self.others, request.n - 1))
        texts = [request.candidates[real]] + [request.candidates[j] for j in picked]
        shape = self.pair.latent_shape(request.height, request.width)
        schedule = Schedule.create(request.sampler, self.pair.scheduler_config, request.steps)
        x = initial_noise(request.seed, shape).repeat(len(texts), 1, 1, 1)
        with torch.no_grad():
            small, _ = denoise(
                self.pair.device_unet, x, self.pair.text(texts), self.pair.text([request.negative]), schedule, 0, request.k,
                request.guidance, SamplerState(), added=lambda emb: self.pair.added_conditions(emb, request.height, request.width),
                noise=lambda i: step_noise(request.seed, i, shape).repeat(len(texts), 1, 1, 1),
            )  # fmt: skip
        cosines = []
        for m, j in enumerate(picked, start=1):
            a = (small[0] - small[m]).flatten().double()
            b = (handoff.latents[real] - handoff.latents[j]).flatten().double()
            cosines.append(float(a @ b / (a.norm() * b.norm()).clamp_min(1e-12)))
        if sum(cosines) / len(cosines) < self.min_cosine:
            raise ImplausibleAnswer(
                "the real candidate's latent does not follow its own text (it moves away from what this device's "
                "model predicts for it): the answer's candidates look swapped"
            )
        return handoff
