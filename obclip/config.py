"""Settings as data: frozen dataclasses whose fields carry their help, bounds and flag, and the acceleration policy.

Every setting has one home, a field declared with `setting(...)`: its default, inclusive bounds, help
text and command-line flag. `add_flags` builds the CLI's flags from such a dataclass, `from_flags`
builds the dataclass back from parsed (or YAML-given) values, and `check_bounds` is the one range check
that every config runs in `__post_init__`. The server's configs (`obclip.server.config`) and the
acceleration policy below are declared this way.

`AccelConfig()` is what the Python API (`generate`), the CLI (`obclip generate`), the HTTP schema
(`server/schema.py`) and the pipeline use unless told otherwise: the CLI flags and the HTTP body are
*generated* from its fields (default, bounds, help text), so they cannot drift apart. The exact
reference is `AccelConfig.exact()` (mode "none"), which the tests and the fidelity measure compare
with.

Torch-free, so that ``obclip --help`` can build its parser from it.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields
from typing import Any

ACCEL_MODES = ("none", "cache", "cache+reuse")


class ConfigError(ValueError):
    """A setting outside what it may be."""


def setting(default: Any, help: str, bounds: tuple[float, float] | None = None, flag: str | None = None,
            scale: float = 1.0, metavar: str | None = None) -> Any:  # fmt: skip
    """A dataclass field that carries its CLI/HTTP description.

    Args:
        default: the one default of the setting.
        help (`str`): what it does (the flag's and the HTTP field's help).
        bounds (`tuple`, optional): inclusive range, checked by `check_bounds` on construction.
        flag (`str`, optional): its command-line flag; derived from the name (`--max-steps`) if None; "" for
            a setting that has no flag (set by code, e.g. the digests of keys read from a file).
        scale (`float`, defaults to 1): the flag's unit per the field's unit (1000 for a field in seconds
            given as `--...-ms`), so the field keeps SI units while the flag keeps a readable one.
        metavar (`str`, optional): the flag's placeholder in `--help`.
    """
    return field(default=default, metadata={"help": help, "bounds": bounds, "flag": flag, "scale": scale,
                                            "metavar": metavar})  # fmt: skip


def required(help: str, bounds: tuple[float, float] | None = None) -> Any:
    """A setting with no default (every request states it): its help and bounds, as `setting` gives them."""
    return field(metadata={"help": help, "bounds": bounds, "flag": "", "scale": 1.0, "metavar": None})


def flag_of(f: Any) -> str:
    """The command-line flag of dataclass field `f` ("" if it has none)."""
    if "help" not in f.metadata:  # not declared with `setting` (a nested config): no flag of its own
        return ""
    flag = f.metadata.get("flag")
    return "--" + f.name.replace("_", "-") if flag is None else flag


def dest_of(f: Any) -> str:
    """The `argparse` destination (and YAML key) of field `f`: its flag without dashes."""
    return flag_of(f).lstrip("-").replace("-", "_")


def check_bounds(config: Any, label: str = "") -> None:
    """Raises `ConfigError` for the first field of `config` outside its declared bounds."""
    for f in fields(config):
        bounds, value = f.metadata.get("bounds"), getattr(config, f.name)
        if bounds is not None and value is not None and not bounds[0] <= value <= bounds[1]:
            flag = flag_of(f)
            scale = f.metadata.get("scale", 1.0)
            if flag and scale != 1.0:  # say it in the flag's unit, as the user wrote it
                lo, hi, value = bounds[0] * scale, bounds[1] * scale, value * scale
            else:
                lo, hi = bounds
            name = f"{label}{f.name}" + (f" ({flag})" if flag else "")
            shown = [str(v) if isinstance(v, int) else f"{v:g}" for v in (lo, hi, value)]
            raise ConfigError(f"{name} must lie in [{shown[0]}, {shown[1]}], got {shown[2]}")


def _flag_type(f: Any) -> type:
    default = f.default if f.default is not MISSING else None
    kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", "str")
    if default is not None:
        return type(default)
    return {"int | None": int, "float | None": float}.get(kind, str)


def add_flags(parser: argparse.ArgumentParser | argparse._ArgumentGroup, config: type) -> None:
    """Adds one flag per field of `config` that has one: type, default and help come from the field.

    A bool that defaults to False is a plain switch (`--recalibrate`); one that defaults to True gets its
    `--no-` form too (`--batching/--no-batching`); a tuple is a repeatable flag."""
    for f in fields(config):
        flag = flag_of(f)
        if not flag or f.default is MISSING:
            continue
        meta, dest = f.metadata, dest_of(f)
        scale = meta.get("scale", 1.0)
        default = f.default * scale if isinstance(f.default, int | float) and not isinstance(f.default, bool) \
            else f.default  # fmt: skip
        shown = meta["help"] + ("" if default in (None, (), False, True) else f" (default {default:g})"
                                if isinstance(default, float) else f" (default {default})")  # fmt: skip
        if isinstance(f.default, bool):
            action = argparse.BooleanOptionalAction if f.default else "store_true"
            parser.add_argument(flag, dest=dest, action=action, default=f.default, help=meta["help"])
        elif isinstance(f.default, tuple):
            parser.add_argument(flag, dest=dest, action="append", default=[], metavar=meta.get("metavar"),
                                help=shown)  # fmt: skip
        else:
            parser.add_argument(flag, dest=dest, type=_flag_type(f), default=default, metavar=meta.get("metavar"),
                                help=shown)  # fmt: skip


def from_flags(config: type, values: Mapping[str, Any], **given: Any) -> Any:
    """Builds `config` from flag values keyed by destination (`max_wait_ms`), as `argparse` or a YAML file
    gives them; absent keys keep the field's default, `given` sets fields by name (nested configs, values
    read by code). Values are converted to the field's unit (`scale`) and type; a bad one is a `ConfigError`."""
    kwargs: dict[str, Any] = {}
    for f in fields(config):
        dest = dest_of(f)
        if f.name in given or not flag_of(f) or dest not in values:
            continue
        value = values[dest]
        if value is None:
            kwargs[f.name] = None
            continue
        try:
            if isinstance(f.default, bool):
                value = value if isinstance(value, bool) else str(value).strip().lower() in ("1", "true", "yes", "on")
            elif isinstance(f.default, tuple):
                value = tuple(value) if isinstance(value, list | tuple) else (str(value),)
            else:
                value = _flag_type(f)(value)
                scale = f.metadata.get("scale", 1.0)
                if scale != 1.0:
                    value = value / scale
        except (TypeError, ValueError):
            raise ConfigError(f"{flag_of(f)}: cannot read {value!r} as {_flag_type(f).__name__}") from None
        kwargs[f.name] = value
    return config(**kwargs, **given)


@dataclass(frozen=True)
class AccelConfig:
    """Server accelerations (see `obclip.cloud.accel`); the defaults are the project's policy.

    Every sharing decision these settings lead to (the pivot, cache refreshes, adaptive refreshes,
    which candidates are computed exactly) is taken on the candidate group in its canonical (sorted)
    order or its factor labels, so it is a function of the candidate set and the seed only
    (`obclip.cloud.engine`). With mode "none" nothing is shared and nothing composed.
    """

    mode: str = setting("cache+reuse", "server accelerations: none (exact), cache, or cache+reuse", flag="--accel")
    r: int = setting(4, "cache point: first cloud step served from the attention cache", (1, 1000))
    s: int = setting(6, "skip point: first cloud step that runs only the up blocks", (1, 1000))
    refresh: int = setting(5, "the attention cache is recomputed every REFRESH steps", (1, 1000))
    pivot: int = setting(
        0, "candidate (position in the set's sorted order) whose attention maps batch reuse broadcasts", (0, 1000)
    )
    share_uncond: bool = setting(
        True, "with batch reuse, compute the unconditional CFG branch for the pivot only (beyond the paper)"
    )
    skip_up: int = setting(1, "during block skip, also serve this many deepest up blocks from the cache", (0, 16))
    uncond_all: bool = setting(True, "share the unconditional branch at every cloud step (approximate)")
    adaptive: float = setting(
        0.3, "adaptive block cache drift threshold instead of the skip point (0 = fixed skip point)", (0.0, 9.99)
    )
    compose: bool = setting(
        True,
        "factorial candidates: compute only the main-effect candidates of the set (1 + sum of (values - 1) over "
        "its attributes) and compose the others as base + the sum of each attribute's difference",
    )

    diff_refresh: int = setting(
        4,
        "factorial candidates: compute each attribute's difference from the base (the candidate at every "
        "attribute's value index 0) at step 0, the last cloud step and every DIFF_REFRESH-th step before it, and "
        "reuse it (in the data prediction) in between, when only the base and the shared unconditional branch "
        "are computed (1 = every step: no reuse)",
        (1, 1000),
    )
    diff_dense: float = setting(
        0.2,
        "with DIFF_REFRESH > 1: every main-effect row also runs on the first DIFF_DENSE x k cloud steps (rounded "
        "down), where the trajectories part fastest, before differences are reused (0 = step 0 only)",
        (0.0, 1.0),
    )
    diff_attributes: int = setting(
        2,
        "reuse differences (DIFF_REFRESH) only in sets that vary at most this many attributes: a composed "
        "candidate adds one held difference per attribute it varies",
        (1, 64),
    )

    def __post_init__(self) -> None:
        if self.mode not in ACCEL_MODES:
            raise ConfigError(f"accel mode must be one of {', '.join(ACCEL_MODES)}, got {self.mode!r}")
        for f in fields(self):
            bounds, value = f.metadata["bounds"], getattr(self, f.name)
            if bounds is not None and not bounds[0] <= value <= bounds[1]:
                raise ConfigError(f"accel {f.name} must lie in [{bounds[0]}, {bounds[1]}], got {value}")

    @classmethod
    def exact(cls) -> AccelConfig:
        """No acceleration: the computation every accelerated result is measured against."""
        return cls(mode="none")

    @classmethod
    def mechanisms(cls, mode: str, **settings: Any) -> AccelConfig:
        """`mode` with only the mechanisms named in `settings`: the policy's two approximate extras
        (the unconditional branch shared at every step, the adaptive block cache, factorial
        composition, the main-effect differences reused across steps) stay off unless
        asked for. What the bench's rows and the tests of one mechanism build on."""
        return cls(mode, **{"uncond_all": False, "adaptive": 0.0, "compose": False, "diff_refresh": 1, **settings})


def settings(config: type = AccelConfig) -> list[tuple[str, Any, dict[str, Any]]]:
    """(name, default, metadata) of each setting, in declaration order: what the CLI and HTTP build on."""
    return [(f.name, f.default, dict(f.metadata)) for f in fields(config)]
