"""Oblivious prompt transformation: taxonomy, detection, grammatical realisation, candidate sets."""

from obclip.prompts.candidates import (
    DEFAULT_MAX_CANDIDATES,
    CandidateBudgetExceeded,
    CandidateGroup,
    Slot,
    candidate_set,
    transform,
)
from obclip.prompts.detect import AmbiguousPronoun, DetectionError
from obclip.prompts.taxonomy import DEFAULT_TAXONOMY, Taxonomy, TaxonomyError, default_taxonomy

__all__ = [
    "DEFAULT_MAX_CANDIDATES", "DEFAULT_TAXONOMY", "AmbiguousPronoun", "CandidateBudgetExceeded", "CandidateGroup",
    "DetectionError", "Slot", "Taxonomy", "TaxonomyError", "candidate_set", "default_taxonomy", "transform",
]  # fmt: skip
