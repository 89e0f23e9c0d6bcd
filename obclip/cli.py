"""Command line: ``obclip generate``, ``obclip candidates``, ``obclip serve``, ``obclip bench``.

A thin layer over the Python API. Bad input (our own validation errors) gets one line on stderr
and exit code 2; anything else is a bug and keeps its traceback. Progress bars go to stderr and
appear only for work that takes over a second. Building the parser, ``--help`` and ``obclip
candidates`` import no torch, diffusers or transformers: each command imports what it needs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from obclip.config import AccelConfig
    from obclip.models.registry import PairSpec

EXIT_USAGE = 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a pipeline member whose reader closed


class UsageError(Exception):
    """Bad input from the user: printed as one line, exit code 2."""


def _torch_device(name: str) -> str:
    """Validates `--device`: a torch device string whose backend exists on this machine."""
    import torch

    try:
        device = torch.device(name)
    except (RuntimeError, ValueError):
        raise UsageError(f"--device {name!r} is not a torch device (cpu, cuda, cuda:1, mps)") from None
    if device.type == "cuda" and not torch.cuda.is_available():
        raise UsageError(f"--device {name}: CUDA is not available on this machine")
    if device.type == "mps" and not torch.backends.mps.is_available():
        raise UsageError(f"--device {name}: MPS is not available on this machine")
    return name


def _check_output(path: Path) -> None:
    if path.is_dir():
        raise UsageError(f"--out {path} is a directory; give a file name such as {path / 'image.png'}")
    if path.suffix.lower() not in (".png", ".jpg", ".jpeg", ".webp", ".bmp"):
        raise UsageError(f"--out {path}: use a .png, .jpg, .webp or .bmp file name")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(f"--out {path}: directory {parent} does not exist")
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise UsageError(f"--out {path}: not writable")


def _pair_spec(name: str) -> PairSpec:
    """The registry entry for `--pair`, or a usage error listing the known pairs."""
    from obclip.models.registry import get_spec

    try:
        return get_spec(name)
    except KeyError as exc:
        raise UsageError(str(exc.args[0])) from None


def cmd_generate(args: argparse.Namespace) -> int:
    from obclip.plan import split_plan

    if not args.prompt.strip():
        raise UsageError("the prompt is empty")
    spec = _pair_spec(args.pair)
    # the split, validated before any model loads: bad --mode, --steps, --k or --delta-t fail fast
    plan = split_plan(spec, mode=args.mode, steps=args.steps, k=args.k, sampler=args.sampler, delta_t=args.delta_t)
    accel = _accel_config(args)
    out = Path(args.out)
    _check_output(out)

    from obclip.startup import collector_paused

    with collector_paused():  # torch, transformers and diffusers import ~1 s faster (obclip.startup)
        from obclip.device.outbound import checked_remote, outbound_view
        from obclip.generate import generate, progress_bars
        from obclip.models.pair import load_pair

        models = load_pair(args.pair).to(_torch_device(args.device))
    if args.size is not None and (args.size < 8 or args.size % models.latent_scale):
        raise UsageError(f"--size {args.size} must be a multiple of {models.latent_scale} (and at least 8)")
    native = models.spec.resolution
    if models.spec.family == "embedded":
        from obclip.world.captions import outside_world

        unknown = outside_world(args.prompt)
        if unknown:
            print(f"obclip: note: the default pair draws {native}-px portraits of one person from a synthetic world "
                  f"(shirts, glasses, hats, five scenes); {', '.join(repr(w) for w in unknown[:6])} "
                  f"{'is' if len(unknown) == 1 else 'are'} outside it, so expect a portrait (real pairs: "
                  "obclip models)", file=sys.stderr)  # fmt: skip
    if args.size is not None and args.size > native:
        ratio = (args.size / native) ** 2
        print(f"obclip: warning: pair {models.name!r} was trained at {native} px; at {args.size} px it repeats its "
              f"subject across the image, and each step costs {ratio:.0f}x the pixels of {native} px (more in "
              "attention), so expect minutes on a CPU", file=sys.stderr)  # fmt: skip
    group = None
    if plan.mode in ("obclip", "vanilla-og"):
        from obclip.prompts import GroupStore

        group = _transform(args, GroupStore())
        if group.note:
            print(f"obclip: note: {group.note}", file=sys.stderr)
        if args.show_server_view:
            print(json.dumps(outbound_view(plan.mode, args.prompt, group, args.negative), indent=2, ensure_ascii=False),
                  file=sys.stderr)  # fmt: skip
    elif args.show_server_view:
        print(json.dumps(outbound_view(plan.mode, args.prompt, None, args.negative), indent=2, ensure_ascii=False),
              file=sys.stderr)  # fmt: skip
    cloud = None
    if args.server:
        cloud = checked_remote(
            args.server, models, group, api_key=args.api_key or os.environ.get("OBCLIP_API_KEY"), timeout=args.timeout,
            retry_for=args.retry_for, insecure_http=args.insecure_http, ca_cert=args.ca_cert,
        )  # fmt: skip
    on_step = progress_bars(plan.progress_totals()) if not args.no_progress else None
    common = {
        "steps": plan.steps,
        "sampler": plan.sampler,
        "seed": args.seed,
        "guidance": args.guidance,
        "size": args.size,
        "on_step": on_step,
        "negative": args.negative,
    }
    try:
        result = generate(args.prompt, plan=plan, pair=models, accel=accel, group=group, cloud=cloud, **common)
    except ConnectionError as exc:
        if args.fallback != "device":
            raise UsageError(
                f"{exc}; nothing was generated (use --fallback device to finish on this device only)"
            ) from None
        print(f"obclip: {exc}; finishing on the device only (--fallback device)", file=sys.stderr)
        result = generate(args.prompt, "device", models, **common)
    result.save(out)
    if args.json:
        summary = result.summary() | {"image": str(out)}
        if args.flops_per_step:
            summary["flops_per_step"] = result.flops_per_step
        print(json.dumps(summary))
    else:
        print(
            f"wrote {out} ({result.mode}, N={result.n_candidates}, server {result.server_flops / 1e9:.2f} GFLOPs, "
            f"device {result.device_flops / 1e9:.2f} GFLOPs)"
        )
    return 0


def _attributes(args: argparse.Namespace) -> list[str] | None:
    return [a.strip() for a in args.attributes.split(",") if a.strip()] if args.attributes else None


def _ages(args: argparse.Namespace) -> tuple[str, ...] | None:
    from obclip.prompts.candidates import check_ages

    if getattr(args, "ages", None) is None:
        return None
    try:
        return check_ages(args.ages.split(","))
    except ValueError as exc:
        raise UsageError(str(exc)) from exc


def _lexicon(args: argparse.Namespace):
    from obclip.prompts import Lexicon

    return Lexicon.from_file(args.lexicon) if args.lexicon else None


def _transform(args: argparse.Namespace, store):
    """The prompt's candidate group under the privacy flags (`obclip.device.outbound.protect`)."""
    from obclip.device.outbound import PrivacyOptions, protect

    attributes = _attributes(args)
    options = PrivacyOptions(
        attributes=tuple(attributes) if attributes is not None else None, max_candidates=args.max_candidates,
        ages=_ages(args), proxies=args.proxies, context_check=args.context_check, lexicon=_lexicon(args),
    )  # fmt: skip
    return protect(args.prompt, options, store)


def _one_thread() -> None:
    """Commands that run no diffusion use one torch thread for the context check's small encoder: two OpenMP
    threads on a shared 2-core machine took up to 1 s a call where one thread takes 10-40 ms (measured)."""
    if "torch" not in sys.modules:
        os.environ.setdefault("OMP_NUM_THREADS", "1")


def cmd_candidates(args: argparse.Namespace) -> int:
    from obclip.prompts import GroupStore

    _one_thread()
    store = None if args.no_store else GroupStore(record=False)  # a preview never pins anything
    group = _transform(args, store)
    if args.json:
        attrs = [  # each slot's values, so that a reader can check N = the product of their counts
            {"name": s.name, "value": s.value, "values": list(s.space), "start": s.start, "end": s.end,
             "person": s.person}
            for s in group.slots
        ]
        print(json.dumps({
            "prompt": group.prompt, "attributes": attrs, "candidates": list(group.order), "n": group.n,
            "cloud_prompt": group.cloud_prompt, "held_back": list(group.held_back), "protected": list(group.attributes),
            "note": group.note,
            "kept": [{"text": text, "why": why} for text, why in group.kept],
            "mentions": [{"start": m.start, "end": m.end, "text": m.text, "kind": m.kind, "person": m.person,
                          "why": m.why} for m in group.mentions],
        }))  # fmt: skip
        return 0
    view = group.server_view()
    print(f"What the server would see for: {group.prompt!r}\n")
    if group.note:
        print(f"Note: {group.note}.\n")
    print(f"N = {group.n} candidate{'s' if group.n > 1 else ''}, in the order they would be sent:")
    for i, c in enumerate(group.order, 1):
        print(f"  {i:3d}. {c}")
    if group.cloud_prompt != group.prompt:
        print(f"\nYour prompt as the cloud sees it: {group.cloud_prompt!r} (the device finishes with your own words)")
    if group.held_back:
        print(f"Held back on this device, never sent: {', '.join(repr(h) for h in group.held_back)}")
    for text, why in group.kept:
        print(f"Sent as written, no person: {text!r} ({why})")
    if group.n > 1:
        print(f"\nAttribute types revealed: {', '.join(view['attribute_types_revealed'])}")
    print(f"Guarantee: {view['guarantee']}")
    print(f"Not hidden: {view['not_hidden']}.")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    _one_thread()
    from obclip.eval.audit import run

    path = Path(args.prompts)
    if not path.is_file():
        raise UsageError(f"{path}: no such prompts file (.txt, one prompt per line, or .tsv)")
    result = run(path, args.out, _attributes(args), args.proxies, args.max_candidates, _lexicon(args), _ages(args),
                 args.context_check)  # fmt: skip
    s = result["summary"]
    print(
        f"{s['prompts']} prompts: {s['accepted']} accepted, {s['refused']} refused "
        f"({s['refused_naming_people']} of {s['naming_people']} naming people, {s['refusal_rate_naming_people']:.1%}); "
        f"{s['accepted_failing_a_check']} accepted prompts fail a check; transform median {s['median_ms']} ms, "
        f"p95 {s['p95_ms']} ms; report in {Path(args.out) / 'audit.md'}"
    )
    failing_negatives = 0
    if args.negatives:
        from obclip.eval.negative_audit import audit_negatives

        negatives = Path(args.negatives)
        if not negatives.is_file():
            raise UsageError(f"{negatives}: no such negative prompts file (.txt or .tsv)")
        report = audit_negatives(negatives, _lexicon(args))
        (Path(args.out) / "negatives.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
        n = report["summary"]
        failing_negatives = n["failing"]
        print(f"{n['negatives']} negative prompts: {n['sent_whole']} sent whole, {n['fully_held']} kept whole on the "
              f"device, {n['failing']} leak a revealing word; report in {Path(args.out) / 'negatives.json'}")  # fmt: skip
    return 1 if s["accepted_failing_a_check"] or failing_negatives else 0


def serve_config(args: argparse.Namespace):
    """`obclip serve`'s configs from its flags, checked (`obclip.server.config.serve_settings`, which `serve run`
    configs go through too)."""
    from obclip.config import ConfigError
    from obclip.server.settings import serve_settings

    try:
        return serve_settings(vars(args))
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def cmd_serve(args: argparse.Namespace) -> int:
    import importlib.util
    import logging

    settings = serve_config(args)
    deploy = settings.deploy
    if deploy.engine == "ray":
        if importlib.util.find_spec("ray") is None:
            raise UsageError("--engine ray needs Ray Serve: pip install 'obclip[ray]'")
        from obclip.server.ray_deploy import serve_on_ray

        return serve_on_ray(settings)
    import torch

    from obclip.models.pair import load_pair
    from obclip.server.app import create_app, run_server

    if deploy.threads is not None:
        torch.set_num_threads(deploy.threads)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    app = create_app(load_pair(deploy.pair).to(_torch_device(deploy.device)), settings.server)
    scheme = "https" if deploy.tls_cert else "http"
    print(f"obclip: serving pair {deploy.pair!r} on {scheme}://{deploy.host}:{deploy.port}", file=sys.stderr,
          flush=True)  # fmt: skip
    run_server(app, deploy, settings.server)
    return 0


def cmd_ui(args: argparse.Namespace) -> int:
    import uvicorn

    from obclip.client import is_loopback

    if not is_loopback(args.host) and not args.allow_network:
        raise UsageError(f"--host {args.host} would show your prompts to the network; the app is for this device "
                         "(use 127.0.0.1, or --allow-network if you mean it)")  # fmt: skip
    _pair_spec(args.pair)
    from obclip.models.pair import load_pair
    from obclip.prompts import GroupStore
    from obclip.ui.app import create_app
    from obclip.ui.history import History, default_directory

    history = History(Path(args.history_dir) if args.history_dir else default_directory()) if args.history else None
    app = create_app(load_pair(args.pair).to(_torch_device(args.device)), history=history, store=GroupStore())
    if args.allow_network:
        app.state.extra_hosts = (args.host,)
    print(f"obclip: the device app is on http://{args.host}:{args.port}/ (pair {args.pair!r}"
          f"{', history in ' + str(history.directory) if history else ''}); Ctrl-C stops it", file=sys.stderr,
          flush=True)  # fmt: skip
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return 0


def cmd_keys_new(args: argparse.Namespace) -> int:
    import time

    from obclip.server.security import KeyConfigError, key_line, new_key, open_private

    key = new_key()
    try:
        line = key_line(key, args.label, time.strftime("%Y-%m-%d"))
    except KeyConfigError as exc:
        raise UsageError(str(exc)) from None
    if args.key_file:
        with open_private(args.key_file, "a") as f:
            f.write(line + "\n")
        print(f"obclip: appended its digest to {args.key_file} (mode 0600); the key is shown once, here:",
              file=sys.stderr)  # fmt: skip
    else:
        print(f"obclip: put this line in the server's --api-key-file:\n{line}", file=sys.stderr)
    print(key)
    return 0


def _seconds(value: str) -> float:
    """'30', '30s', '2m' -> seconds."""
    text = value.strip().lower()
    factor = 60.0 if text.endswith("m") else 1.0
    try:
        seconds = float(text.rstrip("sm")) * factor
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a duration like 30s or 2m, got {value!r}") from None
    if seconds < 0:
        raise argparse.ArgumentTypeError(f"duration must be >= 0, got {value!r}")
    return seconds


def cmd_bench(args: argparse.Namespace) -> int:
    from obclip.eval.bench import run

    if args.repeats is not None and args.repeats < 1:
        raise UsageError(f"--repeats must be at least 1, got {args.repeats}")
    _pair_spec(args.pair)
    if args.prompts is not None and args.prompts < 2:
        raise UsageError(f"--prompts must be at least 2 (FID needs two images), got {args.prompts}")
    device = _torch_device(args.device)
    results = run(Path(args.out), args.quick, args.repeats, args.pair, args.prompts, device, _ages(args))
    print((Path(args.out) / "results.md").read_text())
    print(f"wrote {args.out}/results.json, results.md and plots in {results['seconds']} s", file=sys.stderr)
    return 0


def cmd_attack(args: argparse.Namespace) -> int:
    from obclip.eval.attacks import FULL, QUICK, run

    _pair_spec(args.pair)  # an unknown pair fails before minutes of work
    run(Path(args.out), QUICK if args.quick else FULL, args.pair)
    print((Path(args.out) / "attacks.md").read_text())
    return 0


def _privacy_options(parser: argparse.ArgumentParser) -> None:
    from obclip.options import DEFAULT_MAX_CANDIDATES
    from obclip.prompts.candidates import PROXY_POLICIES

    parser.add_argument("--attributes", default=None, help="attributes to protect, e.g. gender,age (default: all)")
    parser.add_argument("--max-candidates", type=int, default=DEFAULT_MAX_CANDIDATES, help="refuse prompts with more")
    parser.add_argument("--ages", default=None, metavar="VALUES",
                        help="the age scale, from child,young,middle-aged,old (default: all four); "
                             "young,middle-aged,old is the paper's, where a child reads as young")  # fmt: skip
    parser.add_argument("--proxies", choices=PROXY_POLICIES, default="drop",
                        help="words that hint at an attribute (pregnant, beard): keep them on the device (drop, "
                             "default) or refuse the prompt")  # fmt: skip
    parser.add_argument("--context-check", action=argparse.BooleanOptionalAction, default=True,
                        help="before sending, let a model on this device check that the words every candidate "
                             "shares do not state an age or an ethnicity (holds back a tag or refuses; default on)")  # fmt: skip
    parser.add_argument("--lexicon", "--taxonomy", dest="lexicon", default=None,  # --taxonomy: see RETIRED_ALIASES
                        help="JSON file adding words to the attribute lexicon (same shape as prompts/data/people.json)")  # fmt: skip


def _accel_options(parser: argparse.ArgumentParser) -> None:
    """One flag per `AccelConfig` setting, with its default, bounds and help taken from the dataclass."""
    from obclip.config import ACCEL_MODES, AccelConfig, settings

    for name, default, meta in settings(AccelConfig):
        flag = meta["flag"] or "--" + name.replace("_", "-")
        shown = f"{meta['help']} (default {default})"
        if name == "mode":
            parser.add_argument(flag, dest="accel_mode", choices=ACCEL_MODES, default=default, help=shown)
        elif isinstance(default, bool):
            parser.add_argument(flag, dest=f"accel_{name}", action=argparse.BooleanOptionalAction, default=default,
                                help=meta["help"])  # fmt: skip
        else:
            parser.add_argument(flag, dest=f"accel_{name}", type=type(default), default=default,
                                metavar=name.upper(), help=shown)  # fmt: skip


def _accel_config(args: argparse.Namespace) -> AccelConfig:
    """The `AccelConfig` the accel flags describe (ConfigError, a ValueError, is a usage error)."""
    from obclip.config import AccelConfig, settings

    try:
        return AccelConfig(**{name: getattr(args, f"accel_{name}") for name, _, _ in settings(AccelConfig)})
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; it imports nothing heavy (no torch, diffusers or transformers)."""
    from obclip.options import DEVICE_SAMPLERS
    from obclip.plan import MODES

    parser = argparse.ArgumentParser(
        prog="obclip", description="Privacy-preserving cloud-device text-to-image generation."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    gen = sub.add_parser("generate", help="generate one image")
    gen.add_argument("prompt")
    gen.add_argument("--out", required=True, help="output image file (.png)")
    gen.add_argument("--mode", default="obclip", help=f"one of {', '.join(MODES)} (default obclip)")
    gen.add_argument("--steps", type=int, default=None, help="denoising steps T (pair default, 25)")
    gen.add_argument(
        "--k", type=int, default=None, help="switch point: steps run on the cloud (pair default, 10; LCM: of its grid)"
    )
    gen.add_argument(
        "--sampler",
        "--scheduler",
        dest="sampler",
        choices=DEVICE_SAMPLERS,
        default="dpm",
        help=f"sampler (the device's, for LCM pairs); --scheduler, the older name, goes in {ALIASES_REMOVED_IN}",
    )
    gen.add_argument(
        "--delta-t",
        type=int,
        default=None,
        help="LCM pairs: the device resumes its grid at index k + delta-t (pair default, 8)",
    )
    gen.add_argument("--seed", type=int, default=0)
    gen.add_argument("--negative", default=None, help="negative prompt; in obclip mode its person and attribute "
                     "tags stay on the device (docs/privacy.md)")  # fmt: skip
    gen.add_argument("--guidance", type=float, default=None, help="classifier-free guidance scale (pair default)")
    gen.add_argument("--size", type=int, default=None, help="image side in pixels (pair default)")
    gen.add_argument("--pair", default="default", help="model pair from the registry (obclip models)")
    _accel_options(gen)
    _privacy_options(gen)
    gen.add_argument("--server", default=None, help="URL of an `obclip serve` cloud (default: in-process)")
    gen.add_argument("--api-key", default=None, help="bearer key for --server (or OBCLIP_API_KEY)")
    gen.add_argument("--ca-cert", default=None, metavar="FILE",
                     help="PEM certificate authority (or self-signed certificate) to trust for an https:// --server")  # fmt: skip
    gen.add_argument("--timeout", type=float, default=300.0, help="total seconds per attempt, answer included")
    gen.add_argument("--retry-for", type=_seconds, default=30.0, metavar="DURATION",
                     help="keep retrying the identical group this long, e.g. 30s, 2m (default 30s)")  # fmt: skip
    gen.add_argument("--insecure-http", action="store_true", help="allow plain http:// to a non-loopback --server")
    gen.add_argument("--fallback", choices=("none", "device"), default="none")
    gen.add_argument("--show-server-view", action="store_true", help="print what leaves the device (stderr)")
    gen.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    gen.add_argument("--flops-per-step", action="store_true", help="add per-step FLOPs to --json")
    gen.add_argument("--no-progress", action="store_true")
    gen.add_argument("--device", default="cpu", help="torch device for the models (cpu, cuda, mps)")
    gen.set_defaults(func=cmd_generate)

    cand = sub.add_parser("candidates", help="show the candidate set a prompt becomes (what the cloud sees)")
    cand.add_argument("prompt")
    _privacy_options(cand)
    cand.add_argument("--no-store", action="store_true", help="ignore the device's record of earlier requests")
    cand.add_argument("--json", action="store_true")
    cand.set_defaults(func=cmd_candidates)

    audit = sub.add_parser("audit", help="run the transformation on a prompts file and check every set")
    audit.add_argument("prompts", help=".txt (one prompt per line) or .tsv (prompt, reveals, family)")
    audit.add_argument("--out", required=True, help="report folder (audit.md, audit.json)")
    _privacy_options(audit)
    audit.add_argument("--negatives", default=None, metavar="FILE",
                       help="also check negative prompts (.txt or .tsv): nothing revealing may be sent")  # fmt: skip
    audit.set_defaults(func=cmd_audit)

    serve = sub.add_parser("serve", help="run the cloud half as an HTTP service")
    # every flag, default and bound comes from the server's config dataclasses (obclip/server/config.py)
    from obclip.config import add_flags
    from obclip.server.config import RAY_SECTIONS, SERVE_SECTIONS

    for section in SERVE_SECTIONS:
        add_flags(serve, section)
    ray = serve.add_argument_group("Ray Serve engine (--engine ray; pip install 'obclip[ray]'; docs/ray.md)")
    for section in RAY_SECTIONS:
        add_flags(ray, section)
    serve.set_defaults(func=cmd_serve)

    ui = sub.add_parser("ui", help="the device side as a local web page: what the server will see, then the image")
    ui.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this device only)")
    ui.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    ui.add_argument("--pair", default="default", help="model pair (default: the embedded default, offline)")
    ui.add_argument("--device", default="cpu", help="torch device for the models (cpu, cuda, mps)")
    ui.add_argument("--history", action="store_true",
                    help="keep your images and prompts on this device (files 0600; default: keep nothing)")
    ui.add_argument("--history-dir", default=None, help="where --history keeps them (default ~/.local/share/obclip/history)")
    ui.add_argument("--allow-network", action="store_true", help="allow a --host other than loopback")
    ui.set_defaults(func=cmd_ui)

    keys = sub.add_parser("keys", help="API keys for `obclip serve`")
    keys_sub = keys.add_subparsers(dest="keys_command", required=True)
    keys_new = keys_sub.add_parser("new", help="make a 256-bit key; print it once and its digest line")
    keys_new.add_argument("--key-file", default=None, help="append the digest line to this --api-key-file")
    keys_new.add_argument("--label", default=None, help="a note for the digest line (tenant name)")
    keys_new.set_defaults(func=cmd_keys_new)

    bench = sub.add_parser("bench", help="quality and cost of every mode on the embedded default (Table 2)")
    bench.add_argument("--quick", action="store_true", help="8 prompts and 2 split points (full: 96 and 6)")
    bench.add_argument("--repeats", type=int, default=None, help="timed requests per row, median reported (3)")
    bench.add_argument("--pair", default="default", help="registry pair (quality columns need the default)")
    bench.add_argument("--prompts", type=int, default=None, help="held-out prompts (8 with --quick, else 96)")
    bench.add_argument("--device", default="cpu", help="torch device for the models (cpu, cuda, mps)")
    bench.add_argument("--ages", default="young,middle-aged,old", metavar="VALUES",
                       help="age scale of the N = 6 rows (default: the paper's young,middle-aged,old)")
    bench.add_argument("--out", required=True, help="output directory")
    bench.set_defaults(func=cmd_bench)

    attack = sub.add_parser("attack", help="privacy attacks on what the server sees (ObCLIP vs baselines)")
    attack.add_argument("--quick", action="store_true", help="fewer users (a few minutes)")
    attack.add_argument("--out", required=True, help="output directory")
    attack.add_argument("--pair", default="default", help="pair whose cloud latents the latent probe reads")
    attack.set_defaults(func=cmd_attack)

    models = sub.add_parser("models", help="list the registered model pairs")
    models.set_defaults(func=cmd_models)
    return parser


def cmd_models(args: argparse.Namespace) -> int:
    from obclip.models.registry import PAIRS

    for spec in PAIRS.values():
        print(
            f"{spec.name:32s} {spec.resolution:5d}px  T={spec.steps} k={spec.k}  {spec.note or ', '.join(spec.hub_ids())}"
        )
    return 0


# Our own validation errors, by module: only these become one-line usage errors (exit 2).
_USAGE_ERRORS = {
    "obclip.plan": ("PlanError",),
    "obclip.prompts.template": ("DetectionError",),
    "obclip.prompts.lexicon": ("LexiconError",),
    "obclip.protocol": ("ProtocolError",),
    "obclip.models.pair": ("PairUnavailable",),
    "obclip.server.ray_deploy": ("RayConfigError",),
}


def _usage_errors() -> tuple[type[BaseException], ...]:
    """`UsageError` and the validation errors of the modules this run imported (a module never
    imported raised nothing), so that catching them imports nothing heavy."""
    loaded = [getattr(sys.modules[m], name) for m, names in _USAGE_ERRORS.items() if m in sys.modules for name in names]
    return (UsageError, *loaded)


# Older flag names that still work, with a warning, until the version that removes them.
ALIASES_REMOVED_IN = "0.3.0"
RETIRED_ALIASES = {"--scheduler": "--sampler", "--taxonomy": "--lexicon"}


def _warn_retired(argv: list[str]) -> None:
    for arg in argv:
        name = arg.split("=", 1)[0]
        if name in RETIRED_ALIASES:
            print(f"obclip: warning: {name} is the older name of {RETIRED_ALIASES[name]} and goes in "
                  f"{ALIASES_REMOVED_IN}", file=sys.stderr)  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else argv
    args = parser.parse_args(argv)
    _warn_retired(argv)
    try:
        code = args.func(args)
        sys.stdout.flush()  # here, not at exit, so that a closed pipe is caught below
        return code
    except BrokenPipeError:
        # The reader went away (`obclip candidates ... | head`): nothing more to say to it, and no traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as exc:
        if not isinstance(exc, _usage_errors()):
            raise  # an internal bug keeps its traceback
        print(f"obclip: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("obclip: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
