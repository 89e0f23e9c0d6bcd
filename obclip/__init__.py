"""ObCLIP: oblivious cloud-device hybrid image generation with privacy preservation.

Public API (see README): `transform` a prompt into its candidate group, `CloudEngine.run` the
cloud's first k steps, `finish` on the device, or `generate` in one call.

Names are imported on first use (module `__getattr__`), so ``import obclip`` and the CLI's
parser load no torch. `obclip.generate` is the module (it is not rebound to its function):
``from obclip.generate import generate``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from obclip.cloud.engine import CloudEngine
    from obclip.device.finisher import finish, finish_batch
    from obclip.generate import GenerationResult, generate_batch
    from obclip.models.pair import ModelPair, PairUnavailable, load_pair
    from obclip.plan import MODES, SplitPlan, split_plan
    from obclip.prompts import CandidateGroup, transform
    from obclip.protocol import AccelConfig, CloudRequest, Handoff

_LAZY = {
    "MODES": "obclip.plan",
    "SplitPlan": "obclip.plan",
    "split_plan": "obclip.plan",
    "AccelConfig": "obclip.protocol",
    "CloudRequest": "obclip.protocol",
    "Handoff": "obclip.protocol",
    "CandidateGroup": "obclip.prompts",
    "transform": "obclip.prompts",
    "CloudEngine": "obclip.cloud.engine",
    "finish": "obclip.device.finisher",
    "finish_batch": "obclip.device.finisher",
    "GenerationResult": "obclip.generate",
    "generate_batch": "obclip.generate",
    "ModelPair": "obclip.models.pair",
    "PairUnavailable": "obclip.models.pair",
    "load_pair": "obclip.models.pair",
}

__all__ = [
    "AccelConfig",
    "CandidateGroup",
    "CloudEngine",
    "CloudRequest",
    "GenerationResult",
    "Handoff",
    "MODES",
    "ModelPair",
    "PairUnavailable",
    "SplitPlan",
    "finish",
    "finish_batch",
    "generate_batch",
    "load_pair",
    "split_plan",
    "transform",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value  # later lookups skip this function
        return value
    raise AttributeError(f"module 'obclip' has no attribute {name!r}")
