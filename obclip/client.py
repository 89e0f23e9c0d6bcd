"""The device's HTTP client for `obclip serve`.

Sends one candidate group and returns the hand-off, or fails with one clear line:

- transport: `https://` anywhere; plain `http://` only to a loopback host unless
  `insecure_http` (the key and the candidates would cross the network in clear);
- one total deadline per attempt (`timeout`), checked while the body streams in, so a server
  dripping bytes cannot hold the device; a response larger than the request can justify
  (its N latents plus sampler state plus header) is cut off, never read whole;
- retries within a window (`retry_for` seconds, exponential backoff, honouring
  `Retry-After`) on connection errors, timeouts, 5xx, 429 and 503, always with the
  *identical* body (same candidates, same order, same seed): a fresh candidate set per retry
  would let the server intersect sets;
- every answer is verified against its request (`obclip.device.verify.HandoffCheck`) when a
  pair is given: count, shape, wire dtype, sampler state, finite and plausible values.

Failures: a 4xx refusal is a `ProtocolError` with the server's message; an unreachable or
busy server and a rejected answer are `CloudError`s (a `ConnectionError`, so the CLI's
`--fallback device` applies to all three).
"""

from __future__ import annotations

import ipaddress
import json
import ssl
import threading
import time
import uuid
from collections.abc import Callable
from urllib.parse import urlsplit

import httpx

from obclip.protocol import WIRE_DTYPES, CloudRequest, Handoff, ProtocolError

_HEADER_ALLOWANCE = 1 << 20  # safetensors JSON header: the request echo (<= 64 x 400 chars) and metadata


class CloudError(ConnectionError):
    """The cloud gave no usable answer (unreachable, busy, or an answer that failed verification)."""


class CloudUnreachable(CloudError):
    """No answer within the retry window."""


class CloudBusy(CloudError):
    """The cloud kept answering 429/503 for the whole retry window."""


class AnswerRejected(CloudError):
    """The cloud answered, but not with a hand-off the request could have produced."""


def is_loopback(host: str) -> bool:
    """Whether `host` names this machine (localhost or a loopback address)."""
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_url(url: str, insecure_http: bool = False) -> str:
    """The URL without a trailing slash, or a `ProtocolError` for one the device must not use."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ProtocolError(f"server URL must be http(s)://host[:port], got {url!r}")
    if parts.scheme == "http" and not insecure_http and not is_loopback(parts.hostname):
        raise ProtocolError(
            f"refusing plain http:// to {parts.hostname}: the API key and the candidates would cross the network "
            "in clear; use https:// (obclip serve --tls-cert/--tls-key) or pass --insecure-http"
        )
    return url.rstrip("/")


def max_response_bytes(request: CloudRequest, latent_values: int) -> int:
    """Upper bound on a correct answer's size: N latents and N sampler states in fp32, plus header."""
    return 2 * request.n * latent_values * 4 + _HEADER_ALLOWANCE


class RemoteCloud:
    """Callable `CloudRequest -> Handoff` over HTTP(S).

    Args:
        url (`str`): base URL of the server, e.g. "https://cloud.example:8443".
        api_key (`str`, optional): bearer key.
        timeout (`float`, defaults to 300): total seconds per attempt, body included.
        retries (`int`, optional): cap on attempts after the first (None: as many as fit
            in `retry_for`).
        wire_dtype (`str`, defaults to "float32"): latents on the wire. float32 keeps the device's image
            bit-identical to the in-process engine's (same seed, same image); "float16" halves the answer and
            moves pixels by up to 0.15/255 (default pair, before 8-bit rounding).
        retry_for (`float`, defaults to 30): seconds, from the first attempt, within which
            failed attempts are retried (covers a server restart).
        insecure_http (`bool`, defaults to False): allow plain http:// to a non-loopback host.
        verify (`Callable`, optional): `(handoff, request) -> handoff` check, e.g.
            `HandoffCheck(pair)`; without it only the request echo is checked.
        latent_values (`int`, optional): C*h*w of one latent, bounds the response size
            (default: from the verifier's pair, else 4 channels at 1/4 of the image side, more
            than any pair in the registry needs).
        ca_cert (`str`, optional): a PEM file of the certificate authority (or the self-signed
            certificate) to trust for https://, instead of the system's; a certificate the client
            does not trust is a final error, never retried.
    """

    def __init__(self, url: str, api_key: str | None = None, timeout: float = 300.0, retries: int | None = None,
                 wire_dtype: str = "float32", retry_for: float = 30.0, insecure_http: bool = False,
                 verify: Callable[[Handoff, CloudRequest], Handoff] | None = None,
                 latent_values: int | None = None, ca_cert: str | None = None) -> None:  # fmt: skip
        if timeout <= 0 or retry_for < 0 or (retries is not None and retries < 0):
            raise ProtocolError("timeout must be > 0, retry_for >= 0 and retries >= 0")
        if wire_dtype not in WIRE_DTYPES:
            raise ProtocolError(f"wire dtype must be one of {', '.join(WIRE_DTYPES)}, got {wire_dtype!r}")
        self.url = check_url(url, insecure_http)
        self.headers = {"authorization": f"Bearer {api_key}"} if api_key else {}
        self.timeout, self.retries, self.retry_for, self.wire_dtype = timeout, retries, retry_for, wire_dtype
        self.verify, self.latent_values = verify, latent_values
        self.tls: ssl.SSLContext | bool = True
        if ca_cert is not None:
            try:
                self.tls = ssl.create_default_context(cafile=ca_cert)
            except (OSError, ssl.SSLError) as exc:
                raise ProtocolError(f"cannot read the CA certificate {ca_cert}: {exc}") from None
        self.attempts: list[bytes] = []  # bodies sent, kept so tests can check retries are identical

    def __call__(self, request: CloudRequest) -> Handoff:
        body = json.dumps(request.to_json() | {"wire_dtype": self.wire_dtype}).encode()
        request_id = uuid.uuid4().hex[:16]  # one id for every attempt: the server's logs tie them together
        headers = self.headers | {"content-type": "application/json", "x-request-id": request_id}
        values = self.latent_values or _latent_values(self.verify, request)
        cap = max_response_bytes(request, values)
        started, attempt, last, busy = time.monotonic(), 0, "no attempt", False
        while True:
            self.attempts.append(body)
            retry_after = None
            try:
                status, blob, retry_after, message = self._attempt(body, headers, cap)
            except (httpx.TransportError, httpx.TimeoutException, _Deadline) as exc:
                if _untrusted(exc):  # retrying cannot make a certificate trusted
                    raise CloudUnreachable(
                        f"the server at {self.url} presented a certificate this device does not trust ({exc}); "
                        "for a private certificate authority pass --ca-cert FILE"
                    ) from None
                last, busy = _describe(exc, self.timeout), False
            else:
                if status == 200:
                    return self._accept(blob, request)
                if status in (429, 503):
                    last, busy = f"the cloud is busy ({status}: {message})", True
                elif status == 404 and not _our_error(blob):
                    # not our JSON error: no app behind the route, as while Ray Serve drains or redeploys it
                    last, busy = "the server has no /v1/denoise route right now (starting, draining or redeploying)", True
                elif status >= 500:
                    last, busy = f"server error {status}: {message}", False
                else:
                    raise ProtocolError(f"the cloud refused the request ({status}): {message}")
            attempt += 1
            pause = min(5.0, 0.5 * 2 ** (attempt - 1))
            if retry_after is not None:
                pause = max(pause, min(retry_after, 30.0))
            elapsed = time.monotonic() - started
            if (self.retries is not None and attempt > self.retries) or elapsed + pause > self.retry_for:
                break
            time.sleep(pause)
        spent = time.monotonic() - started
        where = f"{self.url} after {attempt} attempt{'s' * (attempt != 1)} in {spent:.1f}s"
        if busy:
            raise CloudBusy(f"{last}; gave up at {where} (request id {request_id})")
        raise CloudUnreachable(f"cannot reach the cloud at {where} ({last})")

    def _attempt(self, body: bytes, headers: dict, cap: int) -> tuple[int, bytes, float | None, str]:
        """`_post` under a hard deadline: a server dripping its *headers* never returns a chunk to
        check, so the attempt runs in a daemon thread that is abandoned at the deadline (it ends
        at the next byte, its own per-chunk check, or when the server closes)."""
        box: dict = {}

        def run() -> None:
            try:
                box["result"] = self._post(body, headers, cap)
            except BaseException as exc:  # handed to the caller's thread
                box["error"] = exc

        worker = threading.Thread(target=run, name="obclip-client-attempt", daemon=True)
        worker.start()
        worker.join(self.timeout + 0.5)
        if worker.is_alive():
            raise _Deadline(f"the answer did not arrive within the {self.timeout:g}s deadline")
        if "error" in box:
            raise box["error"]
        return box["result"]

    def _post(self, body: bytes, headers: dict, cap: int) -> tuple[int, bytes, float | None, str]:
        """One attempt: (status, body, Retry-After seconds, error message), under one deadline."""
        deadline = time.monotonic() + self.timeout
        timeout = httpx.Timeout(self.timeout, connect=min(self.timeout, 10.0))
        with httpx.Client(timeout=timeout, verify=self.tls) as client:
            with client.stream("POST", f"{self.url}/v1/denoise", content=body, headers=headers) as response:
                declared = response.headers.get("content-length")
                if declared is not None and declared.isdigit() and int(declared) > cap:
                    raise AnswerRejected(f"the cloud announced a {int(declared)}-byte answer, over the {cap}-byte cap")
                chunks, size = [], 0
                for chunk in response.iter_raw():
                    size += len(chunk)
                    if size > cap:
                        raise AnswerRejected(f"the cloud's answer exceeds the {cap}-byte cap for this request")
                    if time.monotonic() > deadline:
                        raise _Deadline(f"the answer did not arrive within the {self.timeout:g}s deadline")
                    chunks.append(chunk)
                blob = b"".join(chunks)
                retry_after = _seconds(response.headers.get("retry-after"))
                message = "" if response.status_code == 200 else _message(response.status_code, blob)
                return response.status_code, blob, retry_after, message

    def _accept(self, blob: bytes, request: CloudRequest) -> Handoff:
        try:
            dtypes = wire_dtypes(blob)
            if set(dtypes.values()) != {_SAFETENSORS_DTYPE[self.wire_dtype]}:
                raise ProtocolError(f"tensors of dtype {sorted(set(dtypes.values()))}, asked for {self.wire_dtype}")
            handoff = Handoff.from_bytes(blob)
            if handoff.request != request:
                raise ProtocolError("the cloud answered a different request")
            return self.verify(handoff, request) if self.verify else handoff
        except ProtocolError as exc:
            raise AnswerRejected(f"the cloud's answer was rejected: {exc}") from None


_SAFETENSORS_DTYPE = {"float16": "F16", "float32": "F32"}


class _Deadline(Exception):
    """The total deadline of one attempt passed while the body was arriving."""


def wire_dtypes(blob: bytes) -> dict[str, str]:
    """Tensor name -> safetensors dtype tag, read from the blob's header without loading tensors."""
    if len(blob) < 8:
        raise ProtocolError("malformed hand-off blob: shorter than its header length")
    length = int.from_bytes(blob[:8], "little")
    if length > len(blob) - 8:
        raise ProtocolError("malformed hand-off blob: header longer than the body")
    try:
        header = json.loads(blob[8 : 8 + length])
        return {name: str(entry["dtype"]) for name, entry in header.items() if name != "__metadata__"}
    except (ValueError, KeyError, TypeError, AttributeError):
        raise ProtocolError("malformed hand-off blob: unreadable header") from None


def _latent_values(verify: object, request: CloudRequest) -> int:
    pair = getattr(verify, "pair", None)
    if pair is not None:
        try:
            c, h, w = pair.latent_shape(request.height, request.width)
            return c * h * w
        except ValueError:
            pass
    return 4 * (request.height // 4 + 1) * (request.width // 4 + 1)


def _untrusted(exc: BaseException) -> bool:
    """Whether a transport error is a failed certificate verification."""
    seen = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY_FAILED" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _describe(exc: Exception, timeout: float) -> str:
    if isinstance(exc, _Deadline):
        return str(exc)
    if isinstance(exc, httpx.TimeoutException):
        return f"no answer within {timeout:g}s"
    return str(exc) or type(exc).__name__


def _seconds(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None


def _our_error(blob: bytes) -> bool:
    """Whether `blob` is the server's own JSON error (`{"error": {...}}`), not a proxy's page."""
    try:
        return isinstance(json.loads(blob).get("error"), dict)
    except (ValueError, AttributeError):
        return False


def _message(status: int, blob: bytes) -> str:
    try:
        return str(json.loads(blob)["error"]["message"])[:300]
    except (ValueError, KeyError, TypeError):
        return blob[:200].decode("utf-8", "replace") or f"HTTP {status}"
