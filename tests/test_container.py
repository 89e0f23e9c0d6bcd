"""The cloud service's container (deploy/): its entry point and health check run here against a real
`obclip serve` with keys and TLS from files; the image itself is built and run where a docker daemon answers,
and the test says plainly when none does."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _secrets(folder: Path) -> Path:
    """deploy/docker/make-secrets.sh's files (a key and a TLS certificate), made by that script."""
    env = os.environ | {"PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    script = folder / "deploy" / "docker" / "make-secrets.sh"
    script.parent.mkdir(parents=True)
    shutil.copy(DEPLOY / "docker" / "make-secrets.sh", script)
    subprocess.run(["bash", str(script)], check=True, env=env, capture_output=True, timeout=120)
    return folder / "deploy" / "secrets"


def _wait(check, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(1.0)
    return False


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed: no TLS certificate to test with")
def test_entrypoint_and_healthcheck_without_docker(tmp_path) -> None:
    secrets = _secrets(tmp_path)
    port = _free_port()
    env = os.environ | {"OBCLIP_SECRETS": str(secrets), "OBCLIP_PORT": str(port), "OBCLIP_PAIR": "tiny-sd",
                        "OBCLIP_HOST": "127.0.0.1", "HF_HUB_OFFLINE": "1",
                        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}  # fmt: skip
    empty = tmp_path / "empty"
    empty.mkdir()
    refused = subprocess.run([str(DEPLOY / "docker" / "entrypoint.sh")], env=env | {"OBCLIP_SECRETS": str(empty)},
                             capture_output=True, text=True, timeout=30)  # fmt: skip
    assert refused.returncode == 2 and "no API key file" in refused.stderr
    health = [sys.executable, str(DEPLOY / "docker" / "healthcheck.py")]
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen([str(DEPLOY / "docker" / "entrypoint.sh"), "--threads", "1"], env=env, stdout=log,
                            stderr=subprocess.STDOUT)  # fmt: skip
    try:
        healthy = _wait(lambda: subprocess.run(health, env=env, capture_output=True).returncode == 0, 120)
        assert healthy, (tmp_path / "serve.log").read_text()[-2000:]
        assert "https://127.0.0.1" in (tmp_path / "serve.log").read_text()  # TLS from the mounted files
        import ssl

        import httpx

        key = (secrets / "client.key").read_text().strip()
        models = httpx.get(f"https://127.0.0.1:{port}/v1/models", headers={"authorization": f"Bearer {key}"},
                           verify=ssl.create_default_context(cafile=secrets / "ca.crt"), timeout=10)  # fmt: skip
        assert models.status_code == 200  # the key file's digest accepts the client's key, the CA verifies
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert subprocess.run(health, env=env, capture_output=True).returncode == 1  # down: unhealthy


def _docker_unavailable() -> str | None:
    if shutil.which("docker") is None:
        return "docker is not installed on this machine"
    info = subprocess.run(["docker", "info", "--format", "{{.ServerVersion}}"], capture_output=True, text=True)
    if info.returncode != 0:
        last = (info.stderr.strip().splitlines() or ["no output"])[-1]
        return f"docker is installed but no docker daemon answers ({last})"
    return None


def test_image_builds_and_becomes_healthy(tmp_path) -> None:
    reason = _docker_unavailable()
    if reason:
        pytest.skip(f"container not built: {reason}")
    secrets = _secrets(tmp_path)
    tag, name = f"obclip-cloud-test:{uuid.uuid4().hex[:8]}", f"obclip-test-{uuid.uuid4().hex[:8]}"
    subprocess.run(["docker", "build", "-f", str(DEPLOY / "Dockerfile"), "-t", tag, str(ROOT)], check=True, timeout=3600)
    mounts = [a for f in ("keys.txt", "tls.crt", "tls.key") for a in ("-v", f"{secrets / f}:/run/secrets/{f}:ro")]
    subprocess.run(["docker", "run", "-d", "--name", name, *mounts, tag, "--threads", "1"], check=True, timeout=120)
    try:
        def status() -> str:
            out = subprocess.run(["docker", "inspect", "-f", "{{.State.Health.Status}}", name], capture_output=True,
                                 text=True)  # fmt: skip
            return out.stdout.strip()

        assert _wait(lambda: status() in ("healthy", "unhealthy"), 300) and status() == "healthy", status()
    finally:
        subprocess.run(["docker", "rm", "-f", name], capture_output=True)
        subprocess.run(["docker", "rmi", "-f", tag], capture_output=True)
