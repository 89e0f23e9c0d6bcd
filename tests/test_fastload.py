"""The embedded pair's light imports (obclip.models.fastload): fewer modules, the very same classes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# in a fresh interpreter: what the default pair's loading leaves in sys.modules, then the real packages
CODE = """
import sys
from obclip.models.fastload import diffusers_classes
from obclip.models.text import load_minilm

unet, vae = diffusers_classes()
_, encoder = load_minilm()
skipped = ["transformers.models", "diffusers.models.unets", "diffusers.models.autoencoders",
           "diffusers.models.transformers"]
assert not [name for name in skipped if name in sys.modules], [name for name in skipped if name in sys.modules]

import transformers.models
from diffusers import AutoencoderKL, UNet2DConditionModel
from transformers import BertModel

assert type(sys.modules["transformers.models"]).__name__ == "_LazyModule"  # the real package, indexed
assert UNet2DConditionModel is unet and AutoencoderKL is vae and type(encoder) is BertModel
print("ok")
"""


def test_light_imports_skip_package_inits_and_keep_the_classes() -> None:
    proc = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().endswith("ok")


def test_light_packages_leaves_imported_and_missing_packages_alone() -> None:
    from obclip.models.fastload import light_packages

    before = sys.modules.get("json")
    with light_packages("json", "obclip_no_such_package.models"):
        assert sys.modules.get("json") is before
        assert "obclip_no_such_package.models" not in sys.modules
    assert sys.modules.get("json") is before
