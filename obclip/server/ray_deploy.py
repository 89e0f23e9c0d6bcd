"""Starting the Ray Serve app: `obclip serve --engine ray`, and the builder `serve run`/`serve deploy` import.

`serve_on_ray` joins a cluster (`--address`) or starts a one-machine one, starts Serve's HTTP
proxy on `--host:--port`, deploys the app and waits; SIGTERM or Ctrl-C drains it: the replicas
answer new requests 503 `draining` with Retry-After while the ones in flight finish (`ray_drain.py`,
up to `--drain-seconds`), then the app is deleted (Ray again lets in-flight work finish, up to
`graceful_shutdown_timeout_s`).

`obclip.server.ray_entry:build_app` is the `import_path` of `deploy/serve_config.yaml`: its `args` are `obclip serve`'s
flags without the dashes (`pair: default`, `api_key_file: /etc/obclip/keys.txt`, `max_batch: 32`),
checked by the very same code as the command line (`obclip.server.config.serve_settings`).
"""

from __future__ import annotations

import os
import secrets
import signal
import sys
import threading

from obclip.server.config import DeployConfig
from obclip.server.ray_app import APP_NAME, build, import_serve
from obclip.server.settings import ServeSettings

OBJECT_STORE_BYTES = 512 * 2**20  # hand-offs are small; Ray's default (30% of RAM) would reserve GBs of /dev/shm


class RayConfigError(ValueError):
    """Bad Ray options or no Ray installed: `obclip serve` prints it as one line and exits 2."""


PROXY_KEEP_ALIVE_SECONDS = 5  # as the local server's; Ray's default (90 s) let idle clients hold connections


def http_options(deploy: DeployConfig) -> dict:
    """Serve's HTTP proxy: where it listens, how long it keeps an idle connection after an answer, and TLS when
    a certificate is given."""
    options = {"host": deploy.host, "port": deploy.port, "keep_alive_timeout_s": PROXY_KEEP_ALIVE_SECONDS}
    if deploy.tls_cert:
        options |= {"ssl_certfile": deploy.tls_cert, "ssl_keyfile": deploy.tls_key}
    return options


def cluster_token_env(environ: dict) -> None:
    """Turns on Ray's token authentication for a cluster this process starts, unless the operator chose a mode:
    Ray 2.60 binds its GCS, raylet and workers on every interface whatever the node address (measured: docs/ray.md),
    so the token is what keeps another host from joining or submitting work. Set before Ray is imported."""
    environ.setdefault("RAY_AUTH_MODE", "token")
    if environ["RAY_AUTH_MODE"] == "token":
        environ.setdefault("RAY_AUTH_TOKEN", secrets.token_hex(32))


def serve_on_ray(settings: ServeSettings) -> int:
    """Deploys the app on Ray and blocks until SIGTERM/SIGINT, then drains it."""
    deploy, config, options = settings.deploy, settings.server, settings.ray
    if deploy.address is None:
        cluster_token_env(os.environ)
    try:
        serve = import_serve()
    except ImportError as exc:
        raise RayConfigError(str(exc)) from None
    import ray

    own_cluster = deploy.address is None
    if own_cluster:
        ray.init(object_store_memory=OBJECT_STORE_BYTES, include_dashboard=False, logging_level="WARNING")
    else:
        ray.init(address=deploy.address, logging_level="WARNING")
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    try:
        serve.start(http_options=http_options(deploy))
        serve.run(build(deploy.pair, config, options), name=APP_NAME, route_prefix="/")
        scheme = "https" if deploy.tls_cert else "http"
        shape = (f"{options.min_replicas}-{options.max_replicas} replicas (autoscaling)" if options.max_replicas
                 else f"{options.replicas} replica{'s' * (options.replicas > 1)}")  # fmt: skip
        print(f"obclip: serving pair {deploy.pair!r} on {scheme}://{deploy.host}:{deploy.port} with Ray Serve, {shape}",
              file=sys.stderr, flush=True)  # fmt: skip
        stop.wait()
        print("obclip: draining (in-flight requests finish; new ones get 503)", file=sys.stderr, flush=True)
        from obclip.server.ray_drain import begin_drain, wait_idle

        flag = begin_drain()  # replicas answer 503 draining, not the proxy's 404 of a deleted app
        wait_idle(flag, config.drain_seconds)
        serve.delete(APP_NAME)  # blocks until every replica has drained and stopped
        ray.kill(flag)
        from obclip.server.ray_tenants import kill_ledger

        kill_ledger()  # detached (it outlives a replica): the app's quotas go with the app
    finally:
        if own_cluster:
            serve.shutdown()
            ray.shutdown()
    return 0
