"""The device's memory of what it has sent: a prompt is never re-sent with fewer attributes protected.

Two requests for the same prompt that protect different attributes could be intersected by the
server ("an old Asian man" with gender protected, then with age protected, leaves 1 candidate in
common). The store records, per prompt content key (`content_key`: what the prompt says apart from its people
and its style), the attributes protected the first time; a later request protects at least those (it
may protect more, which reveals nothing new). Keys are an HMAC of the content key under a random
per-device key, so the file holds no prompt text. Files are
created with mode 0600 in the user's cache directory (`OBCLIP_CACHE_DIR` overrides it).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import unicodedata
from pathlib import Path

from obclip.prompts.cues import plain
from obclip.prompts.lexicon import ATTRIBUTES
from obclip.prompts.template import Held, Template

# Words that say how a picture is taken or rendered, not what it shows: a rephrasing that adds or drops them is the
# same prompt to a server linking requests ("an old Asian man" and "an old Asian man, 35mm, bokeh").
STYLE_WORDS = frozenset("""a an the photo photograph photography picture image shot on taken with portrait 4k 8k hd uhd hdr
    raw dslr bokeh realistic photorealistic hyperrealistic hyper masterpiece best quality high highly detailed sharp
    focus cinematic lighting light soft studio natural golden hour trending artstation octane render unreal engine
    canon nikon sony fujifilm leica lens wide angle close up closeup style art""".split())


def content_key(template: Template) -> str:
    """What a prompt says apart from its people's words and its style words: the sticky store's key, so that
    rephrasings of one prompt ("café"/"cafe", "a lady"/"a woman", an added ", 35mm") share one record.

    Each person segment is a placeholder numbered by first appearance, held-back words are left out,
    accents, case, punctuation, a plural "s" and numbers with a camera unit ("35mm", "8k") are dropped."""
    parts, cursor = [], 0
    for start, end, seg in template.spans:
        if start < 0:
            continue
        parts.append(template.prompt[cursor:start])
        cursor = end
        if not isinstance(seg, Held):
            parts.append(f" person{getattr(seg, 'person', '')} ")
    parts.append(template.prompt[cursor:])
    words = re.findall(r"[^\W_]+", plain(" ".join(parts)).lower())
    kept = [w for w in words if w not in STYLE_WORDS and not re.fullmatch(r"\d+(?:mm|k|p|fps|mp)?", w)]
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in kept)


def normalise_key(skeleton: str) -> str:
    """The skeleton without case, punctuation, quotes or extra spaces: "An old man." and "an OLD man" are one
    prompt to a server that wants to intersect requests."""
    words = re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", skeleton).lower())
    return " ".join(words)


def default_directory() -> Path:
    """`$OBCLIP_CACHE_DIR`, else `$XDG_CACHE_HOME/obclip`, else `~/.cache/obclip`."""
    if os.environ.get("OBCLIP_CACHE_DIR"):
        return Path(os.environ["OBCLIP_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "obclip"


def _write_private(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + f".{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


class GroupStore:
    """Attributes protected per prompt skeleton, on disk.

    Args:
        directory (`Path`, optional): where `device.key` and `groups.json` live; `default_directory()` if None.
        record (`bool`, defaults to True): remember new prompts (False: consult only, as a preview does).
    """

    def __init__(self, directory: Path | None = None, record: bool = True) -> None:
        self.directory = Path(directory) if directory is not None else default_directory()
        self.record = record

    def _key(self) -> bytes:
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = self.directory / "device.key"
        if not path.exists():
            _write_private(path, secrets.token_bytes(32))
        return path.read_bytes()

    def _load(self) -> dict[str, list[str]]:
        path = self.directory / "groups.json"
        if not path.exists():
            return {}
        try:
            return dict(json.loads(path.read_text()).get("groups", {}))
        except (OSError, ValueError) as exc:
            raise OSError(f"the device's group store {path} is unreadable ({exc}); remove it to start afresh") from exc

    def protect(
        self, skeleton: str, requested: tuple[str, ...], known: tuple[str, ...] = tuple(ATTRIBUTES)
    ) -> tuple[tuple[str, ...], str]:
        """The attributes to protect for `skeleton` now, and a note when they differ from `requested`."""
        digest = hmac.new(self._key(), normalise_key(skeleton).encode("utf-8"), hashlib.sha256).hexdigest()
        groups = self._load()
        before = groups.get(digest)
        if before is None:
            if not self.record:
                return requested, ""
            groups[digest] = list(requested)
            _write_private(self.directory / "groups.json", json.dumps({"version": 1, "groups": groups}).encode())
            return requested, ""
        wider = tuple(a for a in known if a in requested or a in before)
        if wider == requested:
            return requested, ""
        extra = ", ".join(a for a in wider if a not in requested)
        return wider, (
            f"also protecting {extra}: this prompt was sent before with {', '.join(before) or 'nothing'} protected, "
            "and sending it now with fewer would let the server intersect the two sets"
        )
