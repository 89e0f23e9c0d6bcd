"""Trains the embedded default pair from nothing: data, VAE, cloud UNet, device UNet, evaluator.

Seeded and resumable: every stage writes its result into the run directory and checkpoints
its optimiser state every few minutes, so an interrupted run picks up where it stopped.
Stages run in order; ``cloud`` and ``device`` may run in two processes at once (one thread
each), which ``scripts/train_default.sh`` does.

Usage:
    python -m obclip.world.train --run-dir runs/default --stages data,vae,latents
    python -m obclip.world.train --run-dir runs/default --stages cloud --threads 1
    python -m obclip.world.train --run-dir runs/default --stages export --out obclip/models/default
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import random
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from tqdm import tqdm

from obclip.world.architecture import (
    CLOUD_UNET_CONFIG,
    DEVICE_UNET_CONFIG,
    SCHEDULER_CONFIG,
    TEXT_MAX_LENGTH,
    VAE_CONFIG,
)
from obclip.world.captions import caption
from obclip.world.classifier import AttributeClassifier
from obclip.world.render import FIELDS, render, sample_spec

# Sizes and step counts measured to fit the 2-hour budget on 2 CPU cores (see docs/model-card.md).
PLAN = {
    "n_train": 24000,
    "n_heldout": 2000,
    "n_classifier": 12000,
    "vae": {"steps": 450, "batch": 16, "lr": 1e-3},
    "cloud": {"steps": 1600, "batch": 32, "lr": 5e-4},
    "device": {"steps": 4000, "batch": 32, "lr": 5e-4},
    "evaluator": {"steps": 800, "batch": 64, "lr": 2e-3},
    "caption_dropout": 0.1,
    "ema_decay": 0.999,
}
SEEDS = {"train": 0, "heldout": 1, "classifier": 2}
CHECKPOINT_SECONDS = 120


def _images_to_tensor(images: list) -> torch.Tensor:
    return torch.from_numpy(np.stack([np.asarray(im) for im in images])).permute(0, 3, 1, 2).contiguous()


def render_split(n: int, seed: int) -> dict:
    """`n` portraits with one caption each; images as uint8 (n, 3, 64, 64)."""
    rng = random.Random(seed)
    specs = [sample_spec(rng) for _ in range(n)]
    captions = [caption(s, rng) for s in specs]
    images = _images_to_tensor([render(s) for s in tqdm(specs, desc=f"render seed={seed}", mininterval=2)])
    labels = {name: torch.tensor([s.labels()[name] for s in specs]) for name in FIELDS}
    return {"images": images, "captions": captions, "labels": labels}


def to_unit(images_u8: torch.Tensor) -> torch.Tensor:
    return images_u8.float() / 127.5 - 1.0


def stage_data(run: Path) -> None:
    from obclip.models.text import encode_single, load_minilm

    tokenizer, encoder = load_minilm()
    for split, n in (("train", PLAN["n_train"]), ("heldout", PLAN["n_heldout"]), ("classifier", PLAN["n_classifier"])):
        if (run / f"{split}.pt").exists():
            continue
        data = render_split(n, SEEDS[split])
        if split == "train":
            caps = data["captions"]
            chunks = [caps[i : i + 256] for i in range(0, len(caps), 256)]
            data["text"] = torch.cat(
                [encode_single(tokenizer, encoder, c, TEXT_MAX_LENGTH).half() for c in tqdm(chunks, desc="encode text")]
            )
        torch.save(data, run / f"{split}.pt")
    if not (run / "uncond.pt").exists():
        torch.save(encode_single(tokenizer, encoder, [""], TEXT_MAX_LENGTH)[0].half(), run / "uncond.pt")


class Checkpointer:
    """Saves and restores a stage's training state; writes at most every CHECKPOINT_SECONDS."""

    def __init__(self, path: Path) -> None:
        self.path, self.last = path, time.time()

    def load(self) -> dict | None:
        return torch.load(self.path, weights_only=False) if self.path.exists() else None

    def maybe_save(self, state_fn, force: bool = False) -> None:
        if force or time.time() - self.last > CHECKPOINT_SECONDS:
            tmp = self.path.with_suffix(".tmp")
            torch.save(state_fn(), tmp)
            tmp.replace(self.path)
            self.last = time.time()


def _lr(step: int, total: int, base: float, warmup: int = 100) -> float:
    if step < warmup:
        return base * (step + 1) / warmup
    return base * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * (step - warmup) / max(1, total - warmup))))


def _train_loop(run: Path, name: str, model: torch.nn.Module, loss_fn, plan: dict, ema: torch.nn.Module | None) -> None:
    """Generic resumable loop: AdamW, warm-up + cosine LR, optional EMA, JSONL loss log."""
    opt = torch.optim.AdamW(model.parameters(), lr=plan["lr"], weight_decay=0.01)
    ckpt = Checkpointer(run / f"{name}.ckpt")
    step, gen = 0, torch.Generator().manual_seed(sum(map(ord, name)))  # str hash() is salted per process
    if (state := ckpt.load()) is not None:
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["opt"])
        if ema is not None:
            ema.load_state_dict(state["ema"])
        step = state["step"]
        gen.set_state(state["gen"])

    def snapshot() -> dict:
        return {
            "model": model.state_dict(),
            "opt": opt.state_dict(),
            "step": step,
            "gen": gen.get_state(),
            "ema": None if ema is None else ema.state_dict(),
        }

    log = (run / f"{name}.log.jsonl").open("a")
    bar = tqdm(total=plan["steps"], initial=step, desc=f"train {name}", mininterval=5)
    model.train()
    while step < plan["steps"]:
        for group in opt.param_groups:
            group["lr"] = _lr(step, plan["steps"], plan["lr"])
        loss = loss_fn(gen)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        if ema is not None:
            decay = min(PLAN["ema_decay"], (1 + step) / (10 + step))
            with torch.no_grad():
                for pe, pm in zip(ema.parameters(), model.parameters(), strict=True):
                    pe.lerp_(pm, 1 - decay)
        step += 1
        bar.update(1)
        if step % 10 == 0:
            bar.set_postfix(loss=f"{loss.item():.4f}")
            log.write(json.dumps({"step": step, "loss": loss.item(), "time": time.time()}) + "\n")
            log.flush()
        ckpt.maybe_save(snapshot, force=step == plan["steps"])
    bar.close()


def stage_vae(run: Path) -> None:
    from diffusers import AutoencoderKL

    if (run / "vae").exists():
        return
    images = torch.load(run / "train.pt")["images"]
    torch.manual_seed(0)
    vae = AutoencoderKL(**VAE_CONFIG)
    plan = PLAN["vae"]

    def loss_fn(gen: torch.Generator) -> torch.Tensor:
        idx = torch.randint(0, len(images), (plan["batch"],), generator=gen)
        x = to_unit(images[idx])
        post = vae.encode(x).latent_dist
        rec = vae.decode(post.sample(generator=gen)).sample
        return F.mse_loss(rec, x) + 0.5 * F.l1_loss(rec, x) + 1e-6 * post.kl().mean()

    _train_loop(run, "vae", vae, loss_fn, plan, ema=None)
    vae.eval()
    with torch.no_grad():
        lat = torch.cat([vae.encode(to_unit(images[i : i + 256])).latent_dist.mean for i in range(0, 2048, 256)])
    vae.register_to_config(scaling_factor=float(1.0 / lat.std()))
    vae.save_pretrained(run / "vae")


def stage_latents(run: Path) -> None:
    from diffusers import AutoencoderKL

    if (run / "latents.pt").exists():
        return
    vae = AutoencoderKL.from_pretrained(run / "vae").eval()
    images = torch.load(run / "train.pt")["images"]
    with torch.no_grad():
        lat = [
            vae.encode(to_unit(images[i : i + 128])).latent_dist.mean
            for i in tqdm(range(0, len(images), 128), desc="encode latents")
        ]
    torch.save(torch.cat(lat) * vae.config.scaling_factor, run / "latents.pt")


def stage_unet(run: Path, which: str) -> None:
    from diffusers import DDPMScheduler, UNet2DConditionModel

    if (run / f"{which}_unet").exists():
        return
    latents = torch.load(run / "latents.pt")
    text = torch.load(run / "train.pt")["text"]
    uncond = torch.load(run / "uncond.pt")
    noise_sched = DDPMScheduler(
        **{
            k: v
            for k, v in SCHEDULER_CONFIG.items()
            if k not in ("set_alpha_to_one", "steps_offset", "timestep_spacing")
        }
    )
    torch.manual_seed(1 if which == "cloud" else 2)
    unet = UNet2DConditionModel(**(CLOUD_UNET_CONFIG if which == "cloud" else DEVICE_UNET_CONFIG))
    ema = copy.deepcopy(unet).requires_grad_(False)
    plan = PLAN[which]

    def loss_fn(gen: torch.Generator) -> torch.Tensor:
        idx = torch.randint(0, len(latents), (plan["batch"],), generator=gen)
        x0, cond = latents[idx], text[idx].float()
        drop = torch.rand(len(idx), generator=gen) < PLAN["caption_dropout"]
        cond[drop] = uncond.float()
        noise = torch.randn(x0.shape, generator=gen)
        t = torch.randint(0, noise_sched.config.num_train_timesteps, (len(idx),), generator=gen)
        pred = unet(noise_sched.add_noise(x0, noise, t), t, cond).sample
        return F.mse_loss(pred, noise)

    _train_loop(run, which, unet, loss_fn, plan, ema=ema)
    ema.save_pretrained(run / f"{which}_unet")


def stage_evaluator(run: Path) -> None:
    from diffusers import AutoencoderKL

    if (run / "evaluator.pt").exists():
        return
    data = torch.load(run / "classifier.pt")
    images, labels = data["images"], data["labels"]
    vae = AutoencoderKL.from_pretrained(run / "vae").eval()
    n_rec = 3000  # VAE round-trips: generated images share the decoder's blur
    with torch.no_grad():
        rec = torch.cat(
            [vae.decode(vae.encode(to_unit(images[i : i + 100])).latent_dist.mean).sample for i in range(0, n_rec, 100)]
        )
    torch.manual_seed(3)
    model = AttributeClassifier()
    plan = PLAN["evaluator"]

    def loss_fn(gen: torch.Generator) -> torch.Tensor:
        idx = torch.randint(0, len(images), (plan["batch"],), generator=gen)
        x = to_unit(images[idx])
        use_rec = (idx < n_rec) & (torch.rand(len(idx), generator=gen) < 0.5)
        x[use_rec] = rec[idx[use_rec]].clamp(-1, 1)
        sigma = float(torch.rand((), generator=gen)) * 1.5
        if sigma > 0.3:
            x = _blur(x, sigma)
        x = x + 0.05 * torch.randn(x.shape, generator=gen)
        out = model(x)
        return sum(F.cross_entropy(out[name], labels[name][idx]) for name in FIELDS)

    _train_loop(run, "evaluator", model, loss_fn, plan, ema=None)
    torch.save(model.state_dict(), run / "evaluator.pt")


def _blur(x: torch.Tensor, sigma: float) -> torch.Tensor:
    """Separable 5-tap Gaussian blur of a (B, 3, H, W) batch."""
    g = torch.exp(-((torch.arange(5) - 2.0) ** 2) / (2 * sigma**2))
    g = (g / g.sum()).view(1, 1, 1, 5).repeat(3, 1, 1, 1)
    x = F.conv2d(F.pad(x, (2, 2, 0, 0), mode="reflect"), g, groups=3)
    return F.conv2d(F.pad(x, (0, 0, 2, 2), mode="reflect"), g.transpose(2, 3).contiguous(), groups=3)


def stage_export(run: Path, out: Path) -> None:
    """Writes the fp16 safetensors the package ships (obclip/models/default)."""
    from diffusers import AutoencoderKL, UNet2DConditionModel
    from safetensors.torch import save_file

    out.mkdir(parents=True, exist_ok=True)
    AutoencoderKL.from_pretrained(run / "vae").half().save_pretrained(out / "vae")
    for which in ("cloud", "device"):
        UNet2DConditionModel.from_pretrained(run / f"{which}_unet").half().save_pretrained(out / f"{which}_unet")
    state = torch.load(run / "evaluator.pt")
    save_file({k: v.half().contiguous() for k, v in state.items()}, out / "evaluator.safetensors")
    (out / "scheduler_config.json").write_text(json.dumps(SCHEDULER_CONFIG, indent=2) + "\n")
    (out / "text_config.json").write_text(json.dumps({"max_length": TEXT_MAX_LENGTH}, indent=2) + "\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run-dir", type=Path, default=Path("runs/default"))
    parser.add_argument("--stages", default="data,vae,latents,cloud,device,evaluator,export")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "models" / "default")
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    args.run_dir.mkdir(parents=True, exist_ok=True)
    stages = {
        "data": lambda: stage_data(args.run_dir),
        "vae": lambda: stage_vae(args.run_dir),
        "latents": lambda: stage_latents(args.run_dir),
        "cloud": lambda: stage_unet(args.run_dir, "cloud"),
        "device": lambda: stage_unet(args.run_dir, "device"),
        "evaluator": lambda: stage_evaluator(args.run_dir),
        "export": lambda: stage_export(args.run_dir, args.out),
    }
    for name in args.stages.split(","):
        if name not in stages:
            parser.error(f"unknown stage {name!r}; choose from {', '.join(stages)}")
        started = time.time()
        stages[name]()
        print(f"stage {name}: {time.time() - started:.0f} s", flush=True)


if __name__ == "__main__":
    main()
