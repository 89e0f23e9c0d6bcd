"""The device's HTTP client for `obclip serve`.

Sends one candidate group and returns the hand-off. On a connection error or timeout it
retries with the *identical* request body (same candidates, same order, same seed): a fresh
candidate set per retry would let the server intersect sets. A 4xx answer is raised as a
`ProtocolError` with the server's message; an unreachable server as `ConnectionError`.
"""

from __future__ import annotations

import json
import time

import httpx

from obclip.protocol import CloudRequest, Handoff, ProtocolError


class RemoteCloud:
    """Callable `CloudRequest -> Handoff` over HTTP.

    Args:
        url (`str`): base URL of the server, e.g. "http://127.0.0.1:8000".
        api_key (`str`, optional): bearer key.
        timeout (`float`, defaults to 300): seconds per attempt.
        retries (`int`, defaults to 3): attempts after the first on connection errors.
        wire_dtype (`str`, defaults to "float16"): "float16" or "float32" latents on the wire.
    """

    def __init__(self, url: str, api_key: str | None = None, timeout: float = 300.0, retries: int = 3,
                 wire_dtype: str = "float16") -> None:  # fmt: skip
        self.url = url.rstrip("/")
        self.headers = {"authorization": f"Bearer {api_key}"} if api_key else {}
        self.timeout, self.retries, self.wire_dtype = timeout, retries, wire_dtype
        self.attempts: list[bytes] = []  # bodies sent, kept so tests can check retries are identical

    def __call__(self, request: CloudRequest) -> Handoff:
        body = json.dumps(request.to_json() | {"wire_dtype": self.wire_dtype}).encode()
        last: Exception | None = None
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(min(2.0, 0.2 * 2**attempt))
            self.attempts.append(body)
            try:
                response = httpx.post(
                    f"{self.url}/v1/denoise", content=body, timeout=self.timeout,
                    headers=self.headers | {"content-type": "application/json"},
                )  # fmt: skip
            except (httpx.TransportError, httpx.TimeoutException) as exc:
                last = exc
                continue
            if response.status_code >= 500:
                last = RuntimeError(f"server error {response.status_code}")
                continue
            if response.status_code != 200:
                raise ProtocolError(f"the cloud refused the request ({response.status_code}): {_message(response)}")
            handoff = Handoff.from_bytes(response.content)
            if handoff.request != request:
                raise ProtocolError("the cloud answered a different request")
            return handoff
        raise ConnectionError(f"cannot reach the cloud at {self.url} after {self.retries + 1} attempts ({last})")


def _message(response: httpx.Response) -> str:
    try:
        return response.json()["error"]["message"]
    except (ValueError, KeyError, TypeError):
        return response.text[:200]
