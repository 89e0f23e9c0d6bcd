"""The builder `serve run` / `serve deploy` import (`import_path: obclip.server.ray_entry:build_app`).

Apart from `ray_deploy` because it parses `obclip serve`'s own flags with the CLI's parser: the CLI
imports `ray_deploy`, and nothing the CLI imports may import the CLI back.
"""

from __future__ import annotations

import os

from obclip.cli import UsageError, build_parser, serve_config
from obclip.server.ray_app import build
from obclip.server.ray_deploy import ray_options


def build_app(args: dict):
    """Application builder for `serve run` / `serve deploy` (`import_path: obclip.server.ray_entry:build_app`).

    Args:
        args (`dict`): `obclip serve` flags without dashes, e.g. `{"pair": "default", "api_key_file": "k.txt"}`;
            `true` stands for a bare flag. Replica counts and autoscaling belong to the config's
            `deployments:` section (deployment `ObclipCloud`), which Serve applies on top.
    """
    argv = ["serve"]
    for key, value in (args or {}).items():
        flag = "--" + str(key).replace("_", "-")
        if value is True or str(value).lower() == "true":
            argv.append(flag)
        elif value not in (False, None) and str(value).lower() != "false":
            argv += [flag, str(value)]
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    parsed = build_parser().parse_args(argv)
    try:
        config = serve_config(parsed)
    except UsageError as exc:
        raise ValueError(f"obclip serve config: {exc}") from None
    return build(parsed.pair, config, ray_options(parsed))
