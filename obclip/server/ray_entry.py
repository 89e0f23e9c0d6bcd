"""The builder `serve run` / `serve deploy` import (`import_path: obclip.server.ray_entry:build_app`).

Its `args` are `obclip serve`'s flags without dashes, checked by the same `serve_settings` as the
command line, so a YAML file and the CLI cannot disagree on a default or a bound.
"""

from __future__ import annotations

import os

from obclip.config import ConfigError
from obclip.server.ray_app import build
from obclip.server.settings import serve_settings


def build_app(args: dict):
    """Application builder for `serve run` / `serve deploy` (`import_path: obclip.server.ray_entry:build_app`).

    Args:
        args (`dict`): `obclip serve` flags without dashes, e.g. `{"pair": "default", "api_key_file": "k.txt"}`;
            `true` stands for a bare flag. Replica counts and autoscaling belong to the config's
            `deployments:` section (deployment `ObclipCloud`), which Serve applies on top.
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    values = {str(key).replace("-", "_"): value for key, value in (args or {}).items()}
    try:
        settings = serve_settings(values)
    except ConfigError as exc:
        raise ValueError(f"obclip serve config: {exc}") from None
    return build(settings.deploy.pair, settings.server, settings.ray)
