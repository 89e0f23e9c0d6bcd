"""Docker HEALTHCHECK: GET /healthz on this container, over HTTPS when a TLS certificate is mounted.

The check runs inside the container against 127.0.0.1, so it skips certificate verification: it asks whether the
service answers, not whether its certificate names this address. Exit 0 healthy, 1 not.
"""

import os
import sys

import httpx

secrets = os.environ.get("OBCLIP_SECRETS", "/run/secrets")
scheme = "https" if os.path.exists(os.path.join(secrets, "tls.crt")) else "http"
url = f"{scheme}://127.0.0.1:{os.environ.get('OBCLIP_PORT', '8000')}/healthz"
try:
    ok = httpx.get(url, timeout=4, verify=False).json().get("status") == "ok"
except Exception as exc:  # any failure is "unhealthy"; say why in `docker inspect`
    print(f"unhealthy: {type(exc).__name__}", file=sys.stderr)
    sys.exit(1)
sys.exit(0 if ok else 1)
