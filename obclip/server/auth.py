"""The gate in front of /v1/: bearer API keys, the failed-auth throttle, the per-key cap on requests in flight,
and the body's declared size, all decided from the headers alone.

It runs in the app's HTTP middleware (`app.py`), before the body is read: FastAPI reads a body before it
resolves a route's dependencies, so a check made only in a dependency would let a wrong key, or one key
with a hundred slow bodies, hold connections first. The routes then take the tenant the gate found
through the `tenant` dependency (`routes.py`).

Keys are matched in constant time against their SHA-256 digests (`security.KeyRing`). A wrong key is
counted per client address (`AuthThrottle`), and a valid key always passes, so one tenant's typos cannot
lock out everyone behind the same NAT.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Iterator, Mapping

from obclip.server.admission import AdmissionError
from obclip.server.config import ServerConfig
from obclip.server.security import AuthThrottle, KeyRing

log = logging.getLogger("obclip.server")

NO_AUTH_TENANT = "anonymous"  # every request's tenant on a server started with --insecure-no-auth


class _WrongKey(Exception):
    """A bearer key no key line matches: `admit`/`admit_async` ask the throttle what to answer."""


class Gate:
    """Decides, from a request's headers, whether it may reach a /v1/ route and as which tenant."""

    def __init__(self, config: ServerConfig, throttle: AuthThrottle | None = None) -> None:
        self.config = config
        self.keys, self.throttle = KeyRing(config.key_digests), throttle or AuthThrottle(config.throttle)
        self.in_flight: dict[str, int] = {}  # tenant -> its requests from headers to answer (one event loop)

    def admit(self, method: str, headers: Mapping[str, str], address: str, rid: str) -> str:
        """The request's tenant, or an `AdmissionError`: 401 no key, 403 wrong key, 429 throttled address or
        too many requests in flight for the key, 411/413 a missing or too large Content-Length."""
        try:
            return self._admit(method, headers, address, rid)
        except _WrongKey:
            raise self._refusal(*self.throttle.failed(address), address, rid) from None

    async def admit_async(self, method: str, headers: Mapping[str, str], address: str, rid: str) -> str:
        """`admit` as the app's middleware calls it: a wrong key is counted by `throttle.failed_async`, which on
        Ray is the app's ledger (one count for every replica) and must not block the event loop."""
        try:
            return self._admit(method, headers, address, rid)
        except _WrongKey:
            raise self._refusal(*(await self.throttle.failed_async(address)), address, rid) from None

    def _refusal(self, wait: float, failures: int, address: str, rid: str) -> AdmissionError:
        """The answer to a wrong key: 429 while its address is throttled, else 403 (counted, logged)."""
        if wait > 0:
            return AdmissionError(429, "auth_throttled", "too many failed authentications from this address",
                                  retry_after=wait)  # fmt: skip
        log.warning("request %s: auth failed from %s (%d failures in the last %gs)", rid, address, failures,
                    self.config.throttle.window)  # fmt: skip
        return AdmissionError(403, "forbidden", "API key not accepted")

    def _admit(self, method: str, headers: Mapping[str, str], address: str, rid: str) -> str:
        tenant = NO_AUTH_TENANT if self.config.insecure_no_auth else self._authenticate(headers, address, rid)
        length = headers.get("content-length")
        if method == "POST" and length is None:
            raise AdmissionError(411, "length_required", "send a Content-Length header")
        limit = self.config.limits.max_body_bytes
        if length is not None and (not length.isdigit() or int(length) > limit):
            raise AdmissionError(413, "body_too_large", f"request body over {limit} bytes")
        return tenant

    def _authenticate(self, headers: Mapping[str, str], address: str, rid: str) -> str:
        auth = headers.get("authorization", "")
        if not auth.lower().startswith("bearer ") or not auth[7:].strip():
            raise AdmissionError(401, "unauthorized", "missing bearer API key (Authorization: Bearer <key>)")
        tenant = self.keys.match(auth[7:].strip())
        if tenant is None:
            # with >= 128-bit keys guessing is hopeless; the throttle bounds the cost and the log volume
            raise _WrongKey

        held, cap = self.in_flight.get(tenant, 0), self.config.transport.max_key_connections
        if held >= cap:  # before the body is read: slow bodies under one key cannot hold every connection
            raise AdmissionError(429, "too_many_connections", f"this key already has {held} requests in flight "
                                 "(the server's limit per key); retry when one is answered", retry_after=1)  # fmt: skip
        return tenant

    @contextlib.asynccontextmanager
    async def holding_async(self, tenant: str) -> AsyncIterator[None]:
        """`holding` as the app's middleware enters it. Here it never suspends between `_authenticate`'s check and
        the count, so on one event loop the check holds; on Ray the cap is every replica's and asks the app's ledger
        (`ray_tenants.GlobalGate`)."""
        with self.holding(tenant):
            yield

    @contextlib.contextmanager
    def holding(self, tenant: str) -> Iterator[None]:
        """Counts one request of `tenant` in flight while the block runs (keys only: no-auth has one tenant)."""
        if self.config.insecure_no_auth:
            yield
            return
        self.in_flight[tenant] = self.in_flight.get(tenant, 0) + 1
        try:
            yield
        finally:
            self.in_flight[tenant] -= 1
            if not self.in_flight[tenant]:
                del self.in_flight[tenant]
