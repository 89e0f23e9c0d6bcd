"""Everything `obclip serve` is started with, one frozen dataclass per concern, and the one builder of them.

Each field is declared with `obclip.config.setting`: its default, bounds, help and flag live here and
nowhere else. The CLI generates `obclip serve`'s flags from these classes (`add_flags`), and both the
CLI and the `serve run` / `serve deploy` builder (`ray_entry.py`, whose YAML `args` are the same flags
without dashes) turn the values into configs with `settings.serve_settings`, so a flag, its default and
its check are the same whichever way the server is started. Torch-free, so `obclip --help` stays fast.

    Limits           bounds on one request's body (published by /v1/models)
    BatcherConfig    batching and the bounded, shared queue
    QuotaConfig      per-key rates
    ThrottleConfig   failed-auth throttling per address
    TransportLimits  connections and read timeouts
    ServerConfig     the above plus keys, budget, audit log, proxies, drain
    DeployConfig     where and how the process serves: host, port, pair, TLS, device, engine
    RayOptions       how the Ray Serve engine spreads replicas
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

from obclip.config import ConfigError, check_bounds, dest_of, flag_of, setting
from obclip.options import DEFAULT_MAX_CANDIDATES, MAX_STEPS

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class Limits:
    """Bounds on one request, published by /v1/models."""

    max_candidates: int = setting(DEFAULT_MAX_CANDIDATES, "largest N accepted", (1, 4096))
    max_prompt_chars: int = setting(400, "longest candidate (and negative) prompt accepted, in characters",
                                    (1, 100_000))  # fmt: skip
    max_steps: int = setting(100, "largest T accepted", (1, MAX_STEPS))
    max_size: int = setting(1024, "largest image side accepted (pixels)", (8, 16384))
    max_guidance: float = setting(30.0, "largest CFG scale accepted", (0.0, 1000.0))
    max_body_bytes: int = setting(256 * 1024, "largest request body accepted (bytes)", (1024, 2**30))

    def __post_init__(self) -> None:
        check_bounds(self)


@dataclass(frozen=True)
class BatcherConfig:
    """Batching and queue bounds.

    `max_batch_seconds` has no flag: `serve_settings` gives a batch the compute one request may take
    (`--max-request-seconds`), so the largest admitted request always fits a batch of its own.
    `tenant_share` is the part of `max_queued` and `max_queued_seconds` one tenant's waiting groups may
    take; past it the tenant gets 429, so one tenant cannot fill the queue and shut the others out with 503.
    """

    max_candidates: int = setting(32, "candidates per batch", (1, 4096), flag="--max-batch")
    max_wait: float = setting(0.02, "how long a request waits for company", (0.0, 60.0), flag="--max-wait-ms",
                              scale=1000.0, metavar="MS")  # fmt: skip
    enabled: bool = setting(True, "batch compatible groups together (--no-batching runs every group alone)",
                            flag="--batching")  # fmt: skip
    max_batch_seconds: float = setting(60.0, "estimated compute per batch", (1e-3, 1e9), flag="")
    max_queued: int = setting(256, "groups waiting at once (then 503)", (1, 100_000), flag="--max-queue")
    max_queued_seconds: float = setting(600.0, "estimated compute waiting at once (then 503)", (1e-3, 1e10))
    tenant_share: float = setting(0.5, "part of the queue one key's waiting groups may take (then 429)",
                                  (1e-6, 1.0))  # fmt: skip
    preempt: bool = setting(True, "let a waiting group that is owed service run between two steps of a running "
                            "batch (--no-preempt: a group waits for the batch running when it arrives)",
                            flag="--preempt")  # fmt: skip

    def __post_init__(self) -> None:
        check_bounds(self)


@dataclass(frozen=True)
class QuotaConfig:
    """Per-key quotas, refilled continuously."""

    requests_per_minute: float = setting(120.0, "requests per minute per key", (1e-6, 1e9), flag="--quota-requests")
    candidate_steps_per_minute: float = setting(20000.0, "candidates x cloud steps per minute per key", (1e-6, 1e12),
                                                flag="--quota-candidate-steps")  # fmt: skip

    def __post_init__(self) -> None:
        check_bounds(self)


@dataclass(frozen=True)
class ThrottleConfig:
    """Failed-auth throttling per client address."""

    max_failures: int = setting(10, "failed authentications an address may make per window (then 429)",
                                (1, 1_000_000), flag="--auth-max-failures")  # fmt: skip
    window: float = setting(60.0, "seconds over which failed authentications are counted", (1e-3, 86400.0),
                            flag="--auth-window")  # fmt: skip

    def __post_init__(self) -> None:
        check_bounds(self)


@dataclass(frozen=True)
class TransportLimits:
    """Bounds on connections and on how long a client may take to send a request.

    `max_key_connections` counts requests (so connections) one API key has in flight, from its headers to
    its answer; one more gets 429 with Retry-After before its body is read, so a tenant sending slow
    bodies cannot hold the connections every other tenant needs.
    """

    max_connections: int = setting(512, "open connections (below ulimit -n)", (1, 1_000_000))
    header_timeout: float = setting(10.0, "seconds to send a request's headers", (1e-3, 3600.0))
    body_timeout: float = setting(30.0, "seconds to send a request's body", (1e-3, 3600.0))
    max_header_bytes: int = setting(16384, "size of a request's header block (bytes)", (1024, 1_048_576))
    max_key_connections: int = setting(64, "requests one API key may have in flight (then 429); slow bodies under "
                                       "one key cannot hold every connection", (1, 1_000_000))  # fmt: skip

    def __post_init__(self) -> None:
        check_bounds(self)


@dataclass(frozen=True)
class ServerConfig:
    """Everything the server app is built with (both engines).

    `key_digests` are SHA-256 hex digests of the accepted API keys (read by `serve_settings` from
    `--api-key-file` and OBCLIP_API_KEYS). `throughput` is in FLOP/s (`--throughput` in GFLOP/s); when None it
    is measured once per machine and stored (`admission.calibrated_budget`). `trusted_proxies` are the only
    peers whose X-Forwarded-For is believed: by default the peer's own address is the client's, so rotating
    the header cannot dodge the auth throttle.
    """

    key_digests: tuple[str, ...] = setting((), "SHA-256 digests of the accepted API keys", flag="")
    insecure_no_auth: bool = setting(False, "no API keys (loopback only)")
    limits: Limits = field(default_factory=Limits)
    batcher: BatcherConfig = field(default_factory=BatcherConfig)
    max_request_seconds: float = setting(60.0, "estimated compute one request (and one batch) may take",
                                         (1e-3, 1e9))  # fmt: skip
    memory_fraction: float = setting(0.25, "share of the device's memory one batch's activations may use",
                                     (1e-6, 1.0))  # fmt: skip
    quotas: QuotaConfig = field(default_factory=QuotaConfig)
    throttle: ThrottleConfig = field(default_factory=ThrottleConfig)
    transport: TransportLimits = field(default_factory=TransportLimits)
    audit_log: Path | None = setting(None, "append received candidate sets to this file (0600)", metavar="FILE")
    trusted_proxies: tuple[str, ...] = setting(
        (), "a reverse proxy whose X-Forwarded-For is believed (repeatable; default: none, the peer's address is "
        "the client's)", flag="--trusted-proxy", metavar="ADDR")  # fmt: skip
    throughput: float | None = setting(
        None, "this server's UNet throughput for the cost budget (default: measured once on this machine and "
        "stored in the cache directory)", (1e-3, 1e18), scale=1e-9, metavar="GFLOPS")  # fmt: skip
    recalibrate: bool = setting(False, "measure the throughput again and store it")
    drain_seconds: float = setting(30.0, "on SIGTERM, time for admitted requests to finish while new ones get 503 "
                                   "with Retry-After (a second signal stops at once)", (0.0, 86400.0))  # fmt: skip

    def __post_init__(self) -> None:
        check_bounds(self)
        if self.insecure_no_auth and self.key_digests:
            raise ConfigError("--insecure-no-auth together with API keys would silently disable them; pass one")
        if not self.key_digests and not self.insecure_no_auth:
            raise ConfigError("no API key configured: pass --api-key-file, set OBCLIP_API_KEYS, or --insecure-no-auth")


@dataclass(frozen=True)
class DeployConfig:
    """Where and how this process serves."""

    host: str = setting("127.0.0.1", "address to listen on")
    port: int = setting(8000, "port to listen on", (0, 65535))
    pair: str = setting("default", "model pair served (a registry name, or CLOUD_DIR+DEVICE_DIR)")
    api_key_file: str | None = setting(None, "file with one API key per line (or OBCLIP_API_KEYS)", metavar="FILE")
    threads: int | None = setting(None, "torch CPU threads (default: torch's choice; on Ray, --cpus-per-replica)",
                                  (1, 4096))  # fmt: skip
    device: str = setting("cpu", "torch device for the cloud model (cpu, cuda, mps)")
    tls_cert: str | None = setting(None, "PEM certificate (chain): serve HTTPS", metavar="FILE")
    tls_key: str | None = setting(None, "PEM private key of --tls-cert", metavar="FILE")
    engine: str = setting("local", "local: this process's batcher; ray: replicas on a Ray cluster")
    address: str | None = setting(None, "Ray cluster to join (host:port or auto); default: start one in this "
                                  "process", metavar="ADDR")  # fmt: skip

    def __post_init__(self) -> None:
        check_bounds(self)
        if self.engine not in ("local", "ray"):
            raise ConfigError(f"--engine must be local or ray, got {self.engine!r}")
        if bool(self.tls_cert) != bool(self.tls_key):
            raise ConfigError("TLS needs both --tls-cert and --tls-key")

    @property
    def loopback(self) -> bool:
        return self.host in LOOPBACK_HOSTS


@dataclass(frozen=True)
class RayOptions:
    """How the app is spread over the cluster (`--engine ray`). Autoscaling is on when `max_replicas` is set;
    `threads` and `device` are the deployment's (`DeployConfig`), handed to every replica."""

    replicas: int = setting(1, "replicas (each loads the pair once); ignored with --max-replicas", (1, 10_000))
    min_replicas: int = setting(1, "autoscaling floor (0 scales to zero)", (0, 10_000))
    max_replicas: int | None = setting(None, "autoscale between --min-replicas and this many replicas", (1, 10_000))
    target_ongoing_requests: float = setting(8.0, "autoscaling target per replica (a few batches' worth)",
                                             (1e-3, 1e6))  # fmt: skip
    gpus_per_replica: float = setting(0.0, "GPUs per replica (> 0: the pair on cuda)", (0.0, 1024.0))
    cpus_per_replica: float = setting(1.0, "CPUs reserved per replica", (1e-3, 1024.0))
    threads: int | None = setting(None, "torch CPU threads per replica (default: cpus_per_replica)", flag="")
    device: str = setting("cpu", "torch device when no GPU is reserved", flag="")
    graceful_shutdown_timeout_s: float = setting(120.0, "how long a stopping replica finishes in-flight work",
                                                 (0.0, 86400.0), flag="")  # fmt: skip

    def __post_init__(self) -> None:
        check_bounds(self)
        if self.max_replicas is not None and self.min_replicas > self.max_replicas:
            raise ConfigError("autoscaling needs --min-replicas <= --max-replicas")

    def deployment_options(self, config: ServerConfig) -> dict:
        """Keyword arguments of `serve.deployment(...).options`."""
        actor = {"num_cpus": self.cpus_per_replica, "num_gpus": self.gpus_per_replica}
        options = {
            "ray_actor_options": actor,
            # every queued group must reach the replica's batch queue (ours bounds it), else batches stay small
            "max_ongoing_requests": config.batcher.max_queued + 1,
            "graceful_shutdown_wait_loop_s": 1.0,
            "graceful_shutdown_timeout_s": self.graceful_shutdown_timeout_s,
            "health_check_period_s": 5.0,
        }
        if self.max_replicas is not None:
            options["autoscaling_config"] = {
                "min_replicas": self.min_replicas, "max_replicas": self.max_replicas,
                "initial_replicas": max(self.min_replicas, 1),
                "target_ongoing_requests": self.target_ongoing_requests,
            }  # fmt: skip
        else:
            options["num_replicas"] = self.replicas
        return options


SERVE_SECTIONS = (DeployConfig, ServerConfig, Limits, BatcherConfig, QuotaConfig, ThrottleConfig, TransportLimits)
RAY_SECTIONS = (RayOptions,)


def dests(config: type) -> list[str]:
    """The flag destinations (YAML keys) of `config`'s fields that have a flag."""
    return [dest_of(f) for f in fields(config) if flag_of(f)]
