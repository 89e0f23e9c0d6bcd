"""What leaves the device: the candidate group, the view of it the server gets, and a checked remote cloud.

The CLI (`obclip generate`, `obclip candidates`) and the local web app (`obclip ui`) both go through here, so
they send the same set, show the same server view and trust a remote answer under the same checks:

- `protect` transforms a prompt and, unless turned off, lets the device's context attacker
  (`obclip.device.context`) hold back a tag or refuse; its model loads only for a prompt with an age or an
  ethnicity to hide.
- `outbound_view` is the JSON shown before anything is sent, for every mode: the candidates (obclip,
  vanilla-og), the prompt as written with a warning (hybrid, cloud) or nothing (device).
- `checked_remote` is a `RemoteCloud` whose answers pass `HandoffCheck` (noise statistics, not the
  zero-compute answer) and, for N > 1, `SwapCheck` (the real candidate's latent follows its own text).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from obclip.options import CONTEXT_CHECKED, DEFAULT_MAX_CANDIDATES
from obclip.prompts import CandidateGroup, GroupStore, Lexicon, transform

if TYPE_CHECKING:  # torch stays unloaded for `obclip candidates`
    from obclip.models.pair import ModelPair
    from obclip.protocol import CloudRequest, Handoff

CloudFn = Callable[["CloudRequest"], "Handoff"]


@dataclass(frozen=True)
class PrivacyOptions:
    """How a prompt is transformed: the CLI's privacy flags and the web app's settings, in one place.

    Attributes:
        attributes (`tuple[str, ...]`, optional): attributes to protect; all the lexicon's if None.
        max_candidates (`int`): refuse prompts whose N exceeds this.
        ages (`tuple[str, ...]`, optional): the age scale; child, young, middle-aged, old if None.
        proxies (`str`): "drop" holds proxy words back on the device, "refuse" refuses the prompt.
        context_check (`bool`): run the device's context attacker before sending.
        lexicon (`Lexicon`, optional): the shipped lexicon if None.
    """

    attributes: tuple[str, ...] | None = None
    max_candidates: int = DEFAULT_MAX_CANDIDATES
    ages: tuple[str, ...] | None = None
    proxies: str = "drop"
    context_check: bool = True
    lexicon: Lexicon | None = None

    def __post_init__(self) -> None:
        if self.max_candidates < 1:
            raise ValueError(f"max_candidates must be >= 1, got {self.max_candidates}")


def protect(prompt: str, options: PrivacyOptions, store: GroupStore | None = None) -> CandidateGroup:
    """The prompt's candidate group, after the device's context check (unless `options.context_check` is off).

    Raises:
        DetectionError: the prompt cannot be hidden as written (the message says what to change).
    """

    def again(text: str) -> CandidateGroup:
        attrs = list(options.attributes) if options.attributes is not None else None
        return transform(text, attrs, options.max_candidates, lexicon=options.lexicon, proxies=options.proxies,
                         store=store, ages=options.ages)  # fmt: skip

    group = again(prompt)
    if options.context_check and any(s.name in CONTEXT_CHECKED for s in group.slots):
        from obclip.device.context import guard  # loads torch and the encoder: only when there is work for it

        group = guard(group, again)
    return group


def outbound_view(mode: str, prompt: str, group: CandidateGroup | None, negative: str | None = None) -> dict:
    """Exactly what `mode` sends to the server for `prompt`, as JSON: nothing for ``device``, the prompt as
    written (with a warning) for ``hybrid`` and ``cloud``, the group's server view for ``obclip`` and
    ``vanilla-og``."""
    if group is not None:
        view = group.server_view()
        if negative:
            from obclip.prompts.negative import split_negative

            split = split_negative(negative)
            view |= {"negative": split.cloud, "negative_held_back_on_device": list(split.held)}
        return view
    if mode == "device":
        return {"candidates": [], "n": 0, "mode": mode, "note": "nothing leaves this device"}
    view = {"candidates": [prompt], "n": 1, "mode": mode,
            "warning": f"{mode} mode sends your prompt as written: the server reads it, with every attribute in it; "
                       "use obclip mode to hide them"}  # fmt: skip
    return view | ({"negative": negative} if negative else {})


def checked_remote(
    url: str,
    models: ModelPair,
    group: CandidateGroup | None,
    *,
    api_key: str | None = None,
    timeout: float = 300.0,
    retry_for: float = 30.0,
    insecure_http: bool = False,
    ca_cert: str | None = None,
) -> CloudFn:
    """A cloud callable for the server at `url` whose answers are checked on the device.

    Raises:
        ProtocolError: a bad URL or CA file (at once); `obclip.client.CloudError` subclasses on a call:
            unreachable, busy, or an answer rejected by the checks (`AnswerRejected`).
    """
    from obclip.client import AnswerRejected, RemoteCloud
    from obclip.device.verify import HandoffCheck, ImplausibleAnswer, SwapCheck

    remote = RemoteCloud(url, api_key=api_key, timeout=timeout, retry_for=retry_for, insecure_http=insecure_http,
                         verify=HandoffCheck(models), ca_cert=ca_cert)  # fmt: skip
    if group is None or group.n == 1:
        return remote
    swap, real = SwapCheck(models), group.real_index

    def cloud(request: CloudRequest) -> Handoff:  # the real candidate's latent must follow its own text
        try:
            return swap(remote(request), real)
        except ImplausibleAnswer as exc:
            raise AnswerRejected(f"the cloud's answer was rejected: {exc}") from None

    return cloud
