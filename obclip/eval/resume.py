"""Resumable long runs: finished pieces kept on disk, one file each.

A full benchmark is longer than one working session on 2 cores; `PieceCache` lets a rerun of
the same command skip every piece already measured, and `weights_digest` ties a cache to the
exact model it measured.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from pathlib import Path

import torch

from obclip.models.pair import ModelPair, default_dir


class PieceCache:
    """Finished pieces of a long run, one file each, so that a rerun continues where it stopped.

    Args:
        folder (`Path`): where the pieces live.
        fingerprint (`dict`): the settings; a cache made with others is emptied.
    """

    def __init__(self, folder: Path, fingerprint: dict) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        meta = folder / "run.json"
        if meta.exists() and json.loads(meta.read_text()) != fingerprint:
            for old in folder.glob("*.pt"):
                old.unlink()
        meta.write_text(json.dumps(fingerprint))
        self.folder, self.seconds, self.resumed = folder, 0.0, 0
        self._started = time.perf_counter()

    def _path(self, key: str) -> Path:
        return self.folder / (re.sub(r"[^A-Za-z0-9=.+-]+", "_", key) + ".pt")

    def get(self, key: str) -> dict | None:
        """The stored piece `key` (its compute time is added to `seconds`), or None."""
        path = self._path(key)
        if not path.exists():
            self._started = time.perf_counter()
            return None
        piece = torch.load(path, weights_only=False)
        self.seconds += piece["seconds"]
        self.resumed += 1
        return piece

    def put(self, key: str, piece: dict) -> dict:
        """Stores `piece`, timed from the `get` that missed it; written atomically."""
        piece = piece | {"seconds": time.perf_counter() - self._started}
        self.seconds += piece["seconds"]
        tmp = self._path(key).with_suffix(".tmp")
        torch.save(piece, tmp)
        tmp.replace(self._path(key))
        return piece


def weights_digest(pair: ModelPair) -> str:
    """SHA-256 of the pair's weights: a cache is only valid for the same model."""
    digest = hashlib.sha256()
    if pair.spec.family == "embedded":
        for path in sorted(default_dir().rglob("*.safetensors")):
            digest.update(path.read_bytes())
    else:
        for module in (pair.cloud_unet, pair.device_unet):
            for tensor in module.state_dict().values():
                digest.update(tensor.detach().float().numpy().tobytes())
    return digest.hexdigest()[:16]
