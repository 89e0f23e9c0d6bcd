"""Starting a real `obclip serve` on loopback for the load tools (loadtest, mixload) and waiting for it."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch_server(args: list[str], port: int, log_path: str) -> tuple[subprocess.Popen, str]:
    """Starts `obclip serve` with `args` on loopback `port` (output to `log_path`) and waits until healthy."""
    log = open(log_path, "w")  # noqa: SIM115 (closed with the process)
    proc = subprocess.Popen([sys.executable, "-m", "obclip.cli", "serve", "--port", str(port), *args],
                            stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return proc, url
        except httpx.TransportError:
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError(f"server did not start (log: {log_path})")
