"""API keys and failed-auth throttling for `obclip serve`.

Keys are random bearer tokens of at least 128 bits (`obclip keys new` makes 256-bit ones).
The server keeps only their SHA-256 digests: a key file line is either `sha256:<hex>` (what
`obclip keys new` writes; the key itself is shown once, to hand to the tenant) or a raw key,
hashed on load and refused if it cannot hold 128 bits. A fast hash suffices because the keys
are random and long (nothing to brute-force offline); the digest also names the tenant for
quotas and logs (`key_id`, its first 12 hex digits), so no log line ever holds a key.

A client address that fails authentication `max_failures` times within `window` seconds is
answered 429 (with `Retry-After`) on every further attempt until the window clears.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import os
import re
import secrets
import string
import threading
import time
from collections import deque
from pathlib import Path

from obclip.server.config import ThrottleConfig

MIN_KEY_BITS = 128
KEY_PREFIX = "obk_"


MAX_LABEL_CHARS = 64
_LABEL = re.compile(rf"[\w .@:/+-]{{1,{MAX_LABEL_CHARS}}}")  # a tenant's name: no newline, '#' or control character


def key_line(key: str, label: str | None, day: str) -> str:
    """The key file line for `key`: its digest, then a comment with the label and the day.

    Raises:
        KeyConfigError: a label with a newline, a '#', a control character or over `MAX_LABEL_CHARS` characters
            (a newline would start a second line the server reads as a key of its own).
    """
    label = "key" if label is None else label
    if not _LABEL.fullmatch(label):
        raise KeyConfigError(f"a key label is 1-{MAX_LABEL_CHARS} letters, digits, spaces or . @ : / + - _ "
                             f"(no newline, '#' or control character), got {label!r}")  # fmt: skip
    return f"sha256:{digest(key)}  # {label} created {day}"


def open_private(path: str | Path, mode: str = "a"):
    """`path` opened for text appending or writing, created 0600 (keys' digests and audit logs are the operator's
    alone); an existing file readable by others is narrowed to 0600 first."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if mode == "a" else os.O_TRUNC)
    fd = os.open(path, flags, 0o600)
    os.fchmod(fd, 0o600)
    return os.fdopen(fd, mode)


class KeyConfigError(ValueError):
    """A key file or key that the server must not start with."""


def new_key() -> str:
    """A fresh 256-bit key, URL-safe."""
    return KEY_PREFIX + secrets.token_urlsafe(32)


def digest(key: str) -> str:
    """The stored form of a key: hex SHA-256 of its UTF-8 bytes."""
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def key_bits(key: str) -> float:
    """Upper bound on a key's entropy: length x log2 of the alphabet its character classes span."""
    classes = [string.ascii_lowercase, string.ascii_uppercase, string.digits]
    alphabet = sum(len(c) for c in classes if any(ch in c for ch in key))
    if any(not any(ch in c for c in classes) for ch in key):
        alphabet += 32  # punctuation and the rest
    return len(key) * math.log2(alphabet) if alphabet else 0.0


def parse_key_lines(text: str, source: str) -> list[str]:
    """Digests from a key file's text (one `sha256:<hex>` or raw key per line, '#' comments)."""
    digests = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("sha256:"):
            hexpart = line[7:].lower()
            if len(hexpart) != 64 or any(c not in string.hexdigits for c in hexpart):
                raise KeyConfigError(f"{source}:{number}: a sha256: entry needs 64 hex digits")
            digests.append(hexpart)
        elif key_bits(line) < MIN_KEY_BITS:
            raise KeyConfigError(
                f"{source}:{number}: key too weak ({key_bits(line):.0f} bits < {MIN_KEY_BITS}); "
                "make one with `obclip keys new`"
            )
        else:
            digests.append(digest(line))
    return digests


def load_key_digests(path: str | None, env_value: str | None) -> tuple[str, ...]:
    """Digests of the keys in a file and/or a comma-separated env value (OBCLIP_API_KEYS)."""
    digests: list[str] = []
    if path:
        try:
            text = Path(path).read_text()
        except OSError as exc:
            raise KeyConfigError(f"cannot read API key file {path}: {exc.strerror or exc}") from None
        digests += parse_key_lines(text, path)
    if env_value:
        digests += parse_key_lines(env_value.replace(",", "\n"), "OBCLIP_API_KEYS")
    return tuple(dict.fromkeys(digests))


class KeyRing:
    """Constant-time membership of a presented key among the stored digests."""

    def __init__(self, digests: tuple[str, ...]) -> None:
        self._digests = [bytes.fromhex(d) for d in digests]

    def match(self, key: str) -> str | None:
        """The key's id (first 12 hex digits of its digest) if accepted, else None."""
        given = hashlib.sha256(key.encode("utf-8", "surrogatepass")).digest()
        found = False
        for stored in self._digests:  # every digest compared: the time does not tell which matched
            found |= hmac.compare_digest(given, stored)
        return given.hex()[:12] if found else None


class AuthThrottle:
    """Sliding-window count of failed authentications per client address (thread-safe)."""

    def __init__(self, config: ThrottleConfig = ThrottleConfig(), max_addresses: int = 100_000) -> None:
        self.config, self.max_addresses = config, max_addresses
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def blocked_for(self, address: str) -> float:
        """Seconds until `address` may try again (0: not throttled)."""
        with self._lock:
            times = self._prune(address)
            if len(times) < self.config.max_failures:
                return 0.0
            return max(0.0, times[0] + self.config.window - time.monotonic())

    def failed(self, address: str) -> tuple[float, int]:
        """A wrong key from `address`: (seconds it must wait, 0 if not throttled; its failures in the window).
        A throttled attempt is not counted, so a throttled address is free again one window after its last
        counted failure."""
        wait = self.blocked_for(address)
        return (wait, self.config.max_failures) if wait > 0 else (0.0, self.fail(address))

    async def failed_async(self, address: str) -> tuple[float, int]:
        """`failed`, as the app's gate calls it: a replica of the Ray app overrides it with a call to the app's
        shared ledger (`ray_tenants.GlobalThrottle`), which must not block the event loop."""
        return self.failed(address)

    def fail(self, address: str) -> int:
        """Records one failure; returns the failures of `address` in the window."""
        with self._lock:
            if address not in self._failures and len(self._failures) >= self.max_addresses:
                self._failures.pop(next(iter(self._failures)))  # bounded memory under address spraying
            times = self._prune(address)
            times.append(time.monotonic())
            self._failures[address] = times
            return len(times)

    def _prune(self, address: str) -> deque[float]:
        times = self._failures.get(address, deque())
        cutoff = time.monotonic() - self.config.window
        while times and times[0] < cutoff:
            times.popleft()
        if not times:
            self._failures.pop(address, None)
        return times
