"""The user's own images, kept on the device when they ask for it (`obclip ui --history`).

Each image is a PNG beside a JSON file with its prompt and settings, both mode 0600 in a directory of mode 0700:
the prompt is the one thing ObCLIP keeps from the server, so it is written only where the user said, readable by
them alone. Nothing here is ever sent anywhere.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

MAX_LISTED = 50


def default_directory() -> Path:
    """`$OBCLIP_DATA_DIR/history`, else `$XDG_DATA_HOME/obclip/history`, else `~/.local/share/obclip/history`."""
    if os.environ.get("OBCLIP_DATA_DIR"):
        return Path(os.environ["OBCLIP_DATA_DIR"]) / "history"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "obclip" / "history"


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)


class History:
    """Images and their settings in `directory` (created 0700 on first save)."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    def save(self, spec, result) -> str:
        """Writes the image and its record; returns the entry's name."""
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        name = time.strftime("%Y%m%d-%H%M%S") + f"-{time.time_ns() % 1_000_000:06d}"
        record = {"name": name, "prompt": spec.prompt, "negative": spec.negative, "created": time.time(),
                  **result.summary()}  # fmt: skip
        _write_private(self.directory / f"{name}.png", result.png())
        _write_private(self.directory / f"{name}.json", json.dumps(record).encode())
        return name

    def entries(self) -> list[dict]:
        """The newest `MAX_LISTED` records, newest first."""
        if not self.directory.is_dir():
            return []
        records = []
        for path in sorted(self.directory.glob("*.json"), reverse=True)[:MAX_LISTED]:
            try:
                records.append(json.loads(path.read_text()))
            except (OSError, ValueError):
                continue  # a half-written or foreign file is skipped, not fatal
        return records

    def image(self, name: str) -> Path | None:
        """The PNG of entry `name`, or None (a name is never a path: no traversal)."""
        if not name.replace("-", "").isdigit():
            return None
        path = self.directory / f"{name}.png"
        return path if path.is_file() else None
