"""One home per server setting, one check per request, without HTTP.

The serve flags are generated from the config dataclasses (`obclip/server/config.py`); a `serve run`
YAML file and the command line go through the same `serve_settings`; admission (`admission.admit`)
and the gate (`auth.Gate`) are plain objects that can be driven without a server.
"""

from __future__ import annotations

from dataclasses import fields

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from obclip.cli import build_parser
from obclip.config import ConfigError, dest_of, flag_of
from obclip.server.admission import AdmissionError, Admitted, Budget, Quotas, admit
from obclip.server.auth import Gate
from obclip.server.config import (
    RAY_SECTIONS,
    SERVE_SECTIONS,
    BatcherConfig,
    Limits,
    QuotaConfig,
    ServerConfig,
    TransportLimits,
)
from obclip.server.schema import DenoiseBody
from obclip.server.security import digest, new_key
from obclip.server.settings import serve_settings

KEY = new_key()
ENV = {"OBCLIP_API_KEYS": KEY}


def parse(*argv: str) -> dict:
    return vars(build_parser().parse_args(["serve", *argv]))


def test_every_serve_flag_is_one_config_field_with_its_default() -> None:
    """Each flag of `obclip serve` belongs to exactly one field, and with no flags given every config equals its
    dataclass's defaults (so the CLI cannot carry a second default)."""
    parser = build_parser()
    serve = next(a for a in parser._subparsers._group_actions[0].choices.items() if a[0] == "serve")[1]
    cli_dests = {a.dest for a in serve._actions if a.dest != "help"}
    field_dests = [dest_of(f) for section in SERVE_SECTIONS + RAY_SECTIONS for f in fields(section) if flag_of(f)]
    assert len(field_dests) == len(set(field_dests))  # one field per flag
    assert cli_dests == set(field_dests)
    built = serve_settings(parse(), ENV)
    assert built.server.limits == Limits() and built.server.quotas == QuotaConfig()
    assert built.server.transport == TransportLimits()
    defaults = BatcherConfig()
    assert built.server.batcher == BatcherConfig(max_batch_seconds=built.server.max_request_seconds) == defaults
    assert built.server.key_digests == (digest(KEY),)


def test_a_yaml_mapping_and_the_command_line_build_the_same_configs() -> None:
    """`serve run` args (flag names without dashes, YAML-typed) and the same flags on the command line agree."""
    argv = ["--max-batch", "8", "--max-wait-ms", "50", "--no-batching", "--throughput", "12.5", "--max-steps", "40",
            "--trusted-proxy", "10.0.0.1", "--trusted-proxy", "10.0.0.2", "--replicas", "3", "--recalibrate"]
    yaml_args = {"max_batch": 8, "max_wait_ms": 50, "batching": False, "throughput": 12.5, "max_steps": "40",
                 "trusted_proxy": ["10.0.0.1", "10.0.0.2"], "replicas": 3, "recalibrate": "true"}
    from_cli, from_yaml = serve_settings(parse(*argv), ENV), serve_settings(yaml_args, ENV)
    assert from_cli == from_yaml
    server = from_cli.server
    assert server.batcher.max_candidates == 8 and server.batcher.max_wait == pytest.approx(0.05)
    assert not server.batcher.enabled and server.throughput == pytest.approx(12.5e9) and server.recalibrate
    assert server.trusted_proxies == ("10.0.0.1", "10.0.0.2") and from_cli.ray.replicas == 3


@pytest.mark.parametrize(
    "values, message",
    [
        ({"max_steps": 0}, "--max-steps"),
        ({"max_wait_ms": -5}, "(--max-wait-ms) must lie in [0, 60000], got -5"),
        ({"tenant_share": 2}, "--tenant-share"),
        ({"max_batch": "many"}, "--max-batch: cannot read 'many' as int"),
        ({"maxbatch": 8}, "unknown obclip serve setting: maxbatch"),
        ({"tls_cert": "x.pem"}, "TLS needs both --tls-cert and --tls-key"),
        ({"insecure_no_auth": True}, "would silently disable them"),
        ({"engine": "spark"}, "--engine must be local or ray"),
        ({"min_replicas": 3, "max_replicas": 2}, "--min-replicas <= --max-replicas"),
    ],
)
def test_bad_settings_are_one_line_naming_the_flag(values: dict, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        serve_settings(values, ENV)
    assert message in str(info.value) and "\n" not in str(info.value)


def test_no_key_is_refused_and_no_auth_only_on_loopback() -> None:
    with pytest.raises(ConfigError, match="no API key"):
        serve_settings({}, {})
    assert serve_settings({"insecure_no_auth": True}, {}).server.insecure_no_auth
    with pytest.raises(ConfigError, match="loopback"):
        serve_settings({"insecure_no_auth": True, "host": "0.0.0.0"}, {})


@settings(max_examples=40, deadline=None)
@given(st.floats(0.0, 60_000.0), st.integers(1, 4096), st.floats(1e-3, 1e6))
def test_flag_units_round_trip(wait_ms: float, batch: int, gflops: float) -> None:
    """A flag given in its own unit (ms, GFLOP/s) lands in the field's SI unit, whichever way it arrives."""
    built = serve_settings({"max_wait_ms": wait_ms, "max_batch": str(batch), "throughput": gflops}, ENV).server
    assert built.batcher.max_wait * 1000 == pytest.approx(wait_ms)
    assert built.throughput == pytest.approx(gflops * 1e9) and built.batcher.max_candidates == batch


def _body(served, **changes) -> DenoiseBody:
    return DenoiseBody(**{"candidates": ["a photo of a man", "a photo of a woman"], "seed": 1, "height": 64,
                          "width": 64, "pair": served.name, "steps": 4, "k": 2} | changes)  # fmt: skip


def _budget() -> Budget:
    return Budget(flops_per_call=1e6, ref_pixels=64, flops_per_second=1e12, largest_tensor_bytes=1.0,
                  memory_bytes=2**40)  # fmt: skip


def test_admit_is_one_plain_path_from_body_to_group(tiny_sd) -> None:
    """Defaults filled from the pair, limits, the plan, the protocol and the quota: each refusal with its code,
    and an admitted group charged to its key once."""
    quotas = Quotas(QuotaConfig(requests_per_minute=2))
    admitted = admit(_body(tiny_sd, steps=None, k=None), tiny_sd, Limits(), _budget(), quotas, "alice")
    assert isinstance(admitted, Admitted) and admitted.request.n == 2
    assert (admitted.request.steps, admitted.request.k) == (tiny_sd.spec.cloud_steps or tiny_sd.spec.steps,
                                                            tiny_sd.spec.k)  # fmt: skip
    assert admitted.cost.candidate_steps == 2 * admitted.request.k
    refusals = [
        (_body(tiny_sd, steps=200), Limits(max_steps=100), "limit"),
        (_body(tiny_sd, k=9, steps=4), Limits(), "invalid_request"),
        (_body(tiny_sd, height=tiny_sd.latent_scale * 8 + 1), Limits(), "limit"),
        (_body(tiny_sd, pair="another"), Limits(), "limit"),
    ]
    for body, limits, code in refusals:
        with pytest.raises(AdmissionError) as info:
            admit(body, tiny_sd, limits, _budget(), Quotas(), "bob")
        assert (info.value.status, info.value.code) == (422, code), info.value.message
    admit(_body(tiny_sd), tiny_sd, Limits(), _budget(), quotas, "alice")  # alice's second request this minute
    with pytest.raises(AdmissionError) as info:
        admit(_body(tiny_sd), tiny_sd, Limits(), _budget(), quotas, "alice")
    assert info.value.status == 429
    assert admit(_body(tiny_sd), tiny_sd, Limits(), _budget(), quotas, "carol").request.n == 2  # others unaffected


def test_the_gate_decides_from_headers_alone() -> None:
    """401 without a key, 403 with a wrong one and 429 once the address failed too often (a valid key from it
    still passes), 429 past the key's requests in flight, 411/413 on the declared body size."""
    other = new_key()
    config = ServerConfig(key_digests=(digest(KEY), digest(other)), transport=TransportLimits(max_key_connections=2),
                          limits=Limits(max_body_bytes=2048))  # fmt: skip
    gate = Gate(config)

    def status(headers: dict, method: str = "GET", address: str = "10.0.0.9") -> int | str:
        try:
            return gate.admit(method, headers, address, "rid")
        except AdmissionError as exc:
            return exc.status

    good = {"authorization": f"Bearer {KEY}"}
    assert status({}) == 401 and status({"authorization": "Bearer nope"}) == 403
    for _ in range(config.throttle.max_failures):
        status({"authorization": "Bearer nope"}, address="10.0.0.7")
    assert status({"authorization": "Bearer nope"}, address="10.0.0.7") == 429
    tenant = status(good, address="10.0.0.7")
    assert isinstance(tenant, str) and tenant == status(good)
    assert status(good, method="POST") == 411
    assert status(good | {"content-length": "4096"}, method="POST") == 413
    with gate.holding(tenant), gate.holding(tenant):
        assert status(good) == 429  # the key's two requests in flight
        assert isinstance(status({"authorization": f"Bearer {other}"}), str)  # another key is not held up
    assert status(good) == tenant and gate.in_flight == {}
