"""Synthetic portrait world: a seeded procedural renderer of captioned 64x64 portraits.

The embedded default pair is trained on these renders, so that ObCLIP runs offline and the
sensitive attributes of a generated image can be measured. Everything here is a *synthetic
stand-in*: "ethnicity" is drawn as an arbitrary skin-tone and hair-colour code, not as any
real group's appearance; gender is long versus short hair (plus lips and beard); age is hair
greying and wrinkles. The point is only that each value of the paper's taxonomy has a
visible, learnable signature.

Usage:
    spec = sample_spec(random.Random(0))
    image = render(spec)            # PIL.Image, RGB, 64x64
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFilter

GENDERS = ("male", "female")
AGES = ("young", "middle-aged", "old")
ETHNICITIES = ("caucasian", "african", "asian", "indian", "european")
SCENES = ("garden", "beach", "office", "city", "studio")
CLOTHING = ("red", "blue", "green", "yellow", "black", "white")
ACCESSORIES = ("none", "glasses", "hat")
EXPRESSIONS = ("smiling", "serious")

FIELDS: dict[str, tuple[str, ...]] = {
    "gender": GENDERS,
    "age": AGES,
    "ethnicity": ETHNICITIES,
    "scene": SCENES,
    "clothing": CLOTHING,
    "accessory": ACCESSORIES,
    "expression": EXPRESSIONS,
}

# Synthetic code book, deliberately far apart in colour space so a blurry image still reads.
_SKIN = {
    "caucasian": (248, 214, 206),
    "european": (214, 160, 118),
    "asian": (232, 200, 128),
    "indian": (160, 104, 64),
    "african": (88, 56, 38),
}
_HAIR = {
    "caucasian": (236, 204, 92),
    "european": (170, 70, 30),
    "asian": (22, 22, 26),
    "indian": (40, 28, 22),
    "african": (12, 10, 10),
}
_GREY = {"young": 0.0, "middle-aged": 0.45, "old": 0.9}
_CLOTH = {
    "red": (200, 30, 40),
    "blue": (40, 70, 200),
    "green": (40, 150, 60),
    "yellow": (240, 210, 40),
    "black": (25, 25, 25),
    "white": (240, 240, 240),
}

SIZE = 64
_S = 4  # supersampling factor: draw at 256 px, downsample for anti-aliasing


@dataclass(frozen=True)
class PortraitSpec:
    """Every visible attribute of one portrait plus the seed of its small variations."""

    gender: str
    age: str
    ethnicity: str
    scene: str
    clothing: str
    accessory: str
    expression: str
    jitter_seed: int

    def __post_init__(self) -> None:
        for name, values in FIELDS.items():
            if getattr(self, name) not in values:
                raise ValueError(f"{name}={getattr(self, name)!r} is not one of {values}")

    def labels(self) -> dict[str, int]:
        """Class index of each field, for the attribute classifier."""
        return {name: values.index(getattr(self, name)) for name, values in FIELDS.items()}


def sample_spec(rng: random.Random) -> PortraitSpec:
    """Draws a portrait with every field uniform and independent."""
    return PortraitSpec(
        **{name: rng.choice(values) for name, values in FIELDS.items()},
        jitter_seed=rng.getrandbits(32),
    )


def _mix(a: tuple[int, int, int], b: tuple[int, int, int], w: float) -> tuple[int, int, int]:
    return tuple(int(round(x * (1 - w) + y * w)) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


def _background(draw: ImageDraw.ImageDraw, scene: str, rng: random.Random) -> None:
    w = SIZE * _S
    if scene == "garden":
        draw.rectangle([0, 0, w, w], fill=(120, 190, 110))
        for _ in range(14):
            x, y, r = rng.randrange(w), rng.randrange(w), rng.randrange(6, 14)
            draw.ellipse(
                [x - r, y - r, x + r, y + r], fill=rng.choice([(230, 90, 150), (250, 240, 120), (255, 255, 255)])
            )
    elif scene == "beach":
        draw.rectangle([0, 0, w, w * 0.55], fill=(130, 200, 245))
        draw.rectangle([0, w * 0.55, w, w * 0.7], fill=(40, 110, 190))
        draw.rectangle([0, w * 0.7, w, w], fill=(235, 215, 160))
    elif scene == "office":
        draw.rectangle([0, 0, w, w], fill=(150, 150, 158))
        x0 = rng.choice([12, w - 92])
        draw.rectangle([x0, 24, x0 + 80, 130], fill=(200, 230, 250), outline=(90, 90, 95), width=6)
    elif scene == "city":
        draw.rectangle([0, 0, w, w], fill=(70, 60, 120))
        x = 0
        while x < w:
            bw, bh = rng.randrange(28, 56), rng.randrange(80, 200)
            draw.rectangle([x, w - bh, x + bw, w], fill=(35, 35, 50))
            for wy in range(w - bh + 10, w, 22):
                draw.rectangle([x + 6, wy, x + 12, wy + 8], fill=(250, 220, 110))
            x += bw + 4
    else:  # studio
        for y in range(w):
            c = int(235 - 60 * y / w)
            draw.line([0, y, w, y], fill=(c, c - 10, c - 25))


def render(spec: PortraitSpec) -> Image.Image:
    """Renders one portrait.

    Args:
        spec (`PortraitSpec`): what to draw; `jitter_seed` fixes position and scene details.

    Returns:
        `PIL.Image.Image`: an RGB image of `SIZE` x `SIZE` pixels.
    """
    rng = random.Random(spec.jitter_seed)
    w = SIZE * _S
    img = Image.new("RGB", (w, w))
    draw = ImageDraw.Draw(img)
    _background(draw, spec.scene, rng)

    cx = w / 2 + rng.uniform(-14, 14)
    cy = w * 0.42 + rng.uniform(-8, 8)
    hw, hh = 50 + rng.uniform(-4, 4), 62 + rng.uniform(-4, 4)  # head half-width/height
    skin = _SKIN[spec.ethnicity]
    hair = _mix(_HAIR[spec.ethnicity], (215, 215, 215), _GREY[spec.age])
    female = spec.gender == "female"

    if female:  # long hair behind the head, down to the shoulders
        draw.rounded_rectangle([cx - hw - 16, cy - hh - 8, cx + hw + 16, cy + hh + 58], radius=40, fill=hair)
    # body and neck
    cloth = _CLOTH[spec.clothing]
    draw.polygon([(cx - 100, w), (cx - 70, cy + hh + 26), (cx + 70, cy + hh + 26), (cx + 100, w)], fill=cloth)
    draw.rectangle([cx - 18, cy + hh - 10, cx + 18, cy + hh + 30], fill=skin)
    if female:  # hair falls over the shoulders in front of the shirt
        draw.rectangle([cx - hw - 16, cy + hh, cx - hw + 6, cy + hh + 58], fill=hair)
        draw.rectangle([cx + hw - 6, cy + hh, cx + hw + 16, cy + hh + 58], fill=hair)
    draw.ellipse([cx - hw, cy - hh, cx + hw, cy + hh], fill=skin)

    # hair on top; old men recede
    cap_drop = 0.35 if (spec.age == "old" and not female) else 0.55
    draw.chord([cx - hw - 4, cy - hh - 10, cx + hw + 4, cy + hh * (2 * cap_drop - 1) + hh], 180, 360, fill=hair)

    # eyes, brows, mouth
    ey = cy - 6
    for sx in (-1, 1):
        ex = cx + sx * 20
        draw.ellipse([ex - 6, ey - 6, ex + 6, ey + 6], fill=(255, 255, 255))
        draw.ellipse([ex - 3, ey - 3, ex + 3, ey + 3], fill=(30, 20, 20))
        draw.line([ex - 10, ey - 14, ex + 10, ey - 14], fill=_mix(hair, (0, 0, 0), 0.3), width=4)
    if not female and spec.age != "young":  # beard
        draw.chord([cx - hw + 6, cy + 6, cx + hw - 6, cy + hh + 8], 0, 180, fill=hair)

    # A smile is a wide open mouth with teeth, drawn over the beard: the cue must survive 4x
    # downsampling and the VAE's 4x latent. A thin arc (15-32 pixels of 4096 changed between
    # smiling and serious, with a serious line drawn over it on bearded faces) did not: models
    # trained on it generated the expression at chance.
    lips = (200, 40, 70) if female else _mix(skin, (90, 30, 30), 0.5)
    my = cy + 28
    if spec.expression == "smiling":
        draw.chord([cx - 26, my - 14, cx + 26, my + 22], 0, 180, fill=(70, 15, 25), outline=lips, width=5)
        draw.rectangle([cx - 18, my + 2, cx + 18, my + 8], fill=(250, 250, 245))
    else:
        draw.line([cx - 16, my + 4, cx + 16, my + 4], fill=lips, width=6)

    wrinkle = _mix(skin, (0, 0, 0), 0.45)
    if spec.age != "young":
        draw.line([cx - 24, cy - 34, cx + 24, cy - 34], fill=wrinkle, width=3)
    if spec.age == "old":
        draw.line([cx - 22, cy - 42, cx + 22, cy - 42], fill=wrinkle, width=3)
        for sx in (-1, 1):
            draw.line([cx + sx * 30, ey + 10, cx + sx * 36, ey + 24], fill=wrinkle, width=3)

    if spec.accessory == "glasses":
        for sx in (-1, 1):
            ex = cx + sx * 20
            draw.ellipse([ex - 13, ey - 12, ex + 13, ey + 12], outline=(10, 10, 10), width=5)
        draw.line([cx - 7, ey, cx + 7, ey], fill=(10, 10, 10), width=5)
    elif spec.accessory == "hat":
        hat = (110, 60, 30) if spec.clothing != "black" else (60, 60, 60)
        draw.rectangle([cx - hw - 20, cy - hh + 10, cx + hw + 20, cy - hh + 24], fill=hat)
        draw.rectangle([cx - hw + 8, cy - hh - 34, cx + hw - 8, cy - hh + 12], fill=hat)

    img = img.filter(ImageFilter.GaussianBlur(1.0))
    return img.resize((SIZE, SIZE), Image.Resampling.LANCZOS)
