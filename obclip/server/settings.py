"""`obclip serve`'s flag values, from the command line or a `serve run` YAML file, checked into its configs.

`serve_settings` is the one builder of `config.py`'s dataclasses from flag values keyed by flag name
without dashes: the CLI passes `vars(args)`, `ray_entry.build_app` the YAML `args`. It also reads the
API keys and checks what no single config can (no auth off loopback, TLS files readable).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from obclip.config import ConfigError, from_flags
from obclip.server.config import (
    RAY_SECTIONS,
    SERVE_SECTIONS,
    BatcherConfig,
    DeployConfig,
    Limits,
    QuotaConfig,
    RayOptions,
    ServerConfig,
    ThrottleConfig,
    TransportLimits,
    dests,
)
from obclip.server.security import KeyConfigError, load_key_digests


@dataclass(frozen=True)
class ServeSettings:
    """The three configs one `obclip serve` start needs."""

    server: ServerConfig
    deploy: DeployConfig
    ray: RayOptions


def serve_settings(values: Mapping[str, Any], environ: Mapping[str, str] = os.environ) -> ServeSettings:
    """Checks `obclip serve`'s flag values (keyed by flag without dashes, as `argparse` or a `serve run` YAML gives
    them) and builds its configs; every problem is a `ConfigError` with one line to show.

    Keys come from `--api-key-file` and/or OBCLIP_API_KEYS in `environ`; no auth is allowed on loopback only."""
    known = {f for section in SERVE_SECTIONS + RAY_SECTIONS for f in dests(section)}
    unknown = sorted(set(values) - known - {"command", "func", "quiet"})
    if unknown:
        raise ConfigError(f"unknown obclip serve setting{'s' * (len(unknown) > 1)}: {', '.join(unknown)}")
    deploy = from_flags(DeployConfig, values)
    auth_off = bool(values.get("insecure_no_auth"))
    if auth_off and not deploy.loopback:
        raise ConfigError("--insecure-no-auth is only allowed on a loopback host")
    if auth_off and (deploy.api_key_file or environ.get("OBCLIP_API_KEYS")):
        raise ConfigError("--insecure-no-auth together with API keys would silently disable them; pass one or the "
                          "other")  # fmt: skip
    for path in filter(None, (deploy.tls_cert, deploy.tls_key)):
        if not Path(path).is_file():
            raise ConfigError(f"cannot read TLS file {path}")
    try:
        keys = load_key_digests(deploy.api_key_file, environ.get("OBCLIP_API_KEYS"))
    except KeyConfigError as exc:
        raise ConfigError(str(exc)) from None
    if not keys and not auth_off:
        raise ConfigError("no API key: pass --api-key-file FILE or set OBCLIP_API_KEYS (or --insecure-no-auth on "
                          "loopback); make a key with `obclip keys new`")  # fmt: skip
    if not deploy.loopback and not deploy.tls_cert:
        print("obclip: warning: serving without TLS on a non-loopback host; keys and candidates travel in clear "
              "(pass --tls-cert/--tls-key)", file=sys.stderr)  # fmt: skip
    audit = values.get("audit_log")
    server = from_flags(
        ServerConfig, values, key_digests=keys, audit_log=Path(audit) if audit else None,
        limits=from_flags(Limits, values), batcher=from_flags(BatcherConfig, values),
        quotas=from_flags(QuotaConfig, values), throttle=from_flags(ThrottleConfig, values),
        transport=from_flags(TransportLimits, values),
    )  # fmt: skip
    # the largest admitted request always fits a batch of its own
    server = replace(server, batcher=replace(server.batcher, max_batch_seconds=server.max_request_seconds))
    ray = from_flags(RayOptions, values, threads=deploy.threads, device=deploy.device)
    return ServeSettings(server, deploy, ray)
