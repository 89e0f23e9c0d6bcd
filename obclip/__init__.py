"""ObCLIP: oblivious cloud-device hybrid image generation with privacy preservation.

Public API (see README): `transform` a prompt into its candidate group, `CloudEngine.run` the
cloud's first k steps, `finish` on the device, or `generate` in one call.
"""

from obclip.cloud.engine import CloudEngine
from obclip.device.finisher import finish
from obclip.generate import MODES, GenerationResult, generate
from obclip.models.pair import ModelPair, PairUnavailable, load_pair
from obclip.prompts import CandidateGroup, transform
from obclip.protocol import AccelConfig, CloudRequest, Handoff

__all__ = [
    "MODES", "AccelConfig", "CandidateGroup", "CloudEngine", "CloudRequest", "GenerationResult", "Handoff",
    "ModelPair", "PairUnavailable", "finish", "generate", "load_pair", "transform",
]  # fmt: skip
