"""Oblivious prompt transformation: lexicon, parse into person slots, canonical cloud view, candidate sets.

Imports nothing heavy (no torch): `obclip candidates` and `obclip audit` start fast.
"""

from obclip.prompts.candidates import (
    DEFAULT_AGES,
    DEFAULT_MAX_CANDIDATES,
    PROXY_POLICIES,
    CandidateBudgetExceeded,
    CandidateGroup,
    Slot,
    candidate_set,
    transform,
)
from obclip.prompts.grammar import indefinite_article
from obclip.prompts.lexicon import ATTRIBUTES, PAPER_AGES, Lexicon, LexiconError, default_lexicon
from obclip.prompts.store import GroupStore
from obclip.prompts.template import AmbiguousPronoun, DetectionError, ProxyRefused

__all__ = [
    "ATTRIBUTES",
    "DEFAULT_AGES",
    "PAPER_AGES",
    "DEFAULT_MAX_CANDIDATES",
    "PROXY_POLICIES",
    "AmbiguousPronoun",
    "CandidateBudgetExceeded",
    "CandidateGroup",
    "DetectionError",
    "GroupStore",
    "Lexicon",
    "LexiconError",
    "ProxyRefused",
    "Slot",
    "candidate_set",
    "default_lexicon",
    "indefinite_article",
    "transform",
]
