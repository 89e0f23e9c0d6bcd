"""Attribute classifier: reads every field of the synthetic world off a 64x64 image.

It is our domain stand-in for the paper's CLIP score ("attribute accuracy"); it is *not* CLIP.
Trained by ``obclip.world.train`` on renders held out from the diffusion training set, with
blur and VAE round-trips as augmentation so that it stays reliable on generated images.
"""

from __future__ import annotations

import torch
from torch import nn

from obclip.world.render import FIELDS


def _block(cin: int, cout: int) -> nn.Sequential:
    return nn.Sequential(
        nn.Conv2d(cin, cout, 3, padding=1),
        nn.GroupNorm(8, cout),
        nn.SiLU(),
        nn.Conv2d(cout, cout, 3, stride=2, padding=1),
        nn.GroupNorm(8, cout),
        nn.SiLU(),
    )


class AttributeClassifier(nn.Module):
    """A small CNN with one linear head per field of `FIELDS`.

    Input: (B, 3, 64, 64) images in [-1, 1]. Output: dict field -> (B, n_values) logits.
    """

    def __init__(self, width: int = 32) -> None:
        super().__init__()
        self.features = nn.Sequential(
            _block(3, width),
            _block(width, 2 * width),
            _block(2 * width, 4 * width),
            _block(4 * width, 4 * width),
            nn.Flatten(),
            nn.Linear(4 * width * 16, 256),
            nn.SiLU(),
            nn.Dropout(0.1),
        )
        self.heads = nn.ModuleDict({name: nn.Linear(256, len(values)) for name, values in FIELDS.items()})

    def forward(self, images: torch.Tensor) -> dict[str, torch.Tensor]:
        h = self.features(images)
        return {name: head(h) for name, head in self.heads.items()}

    @torch.no_grad()
    def predict(self, images: torch.Tensor, batch_size: int = 256) -> dict[str, torch.Tensor]:
        """Class index per field for a batch of images in [-1, 1]."""
        self.eval()
        outs = [self(images[i : i + batch_size]) for i in range(0, len(images), batch_size)]
        return {name: torch.cat([o[name] for o in outs]).argmax(-1) for name in FIELDS}
