"""`obclip bench`: the paper's Table 2 layout, measured side by side in one run.

For N = 2 (gender) and N = 6 (gender x age), rows cloud, device, Vanilla OG, Hybrid SD and
ObCLIP at k = 10 and k = 5, each ObCLIP row also with "+cache" and "+cache+reuse"
(k=10: r=4, s=6; k=5: r=3, s=3, the paper's settings), once with the paper's mechanisms only
("(paper)") and once with ours on top (shared unconditional branch before r, deepest up block
served from the cache during block skip). Columns: attribute accuracy (our
classifier, the stand-in for the paper's CLIP score; not CLIP), FID to held-out renders,
FID to the Hybrid SD images of the same k (the acceleration's own quality cost), counted
server (+device) FLOPs, server latency and end-to-end latency (single requests, FLOPs counting
off, timed in round-robin rounds over all rows; the median over rounds). Ratios are against
Vanilla OG measured in the same run.

After the table, the cost of privacy (`privacy_cost.py`): the default policy's server FLOPs over the
cheapest Hybrid SD for the same user at N = 2, 6 and 30, beside the paper's ratios, with the paired
PSNR/SSIM of every candidate's final image against the exact path (`fidelity.py`).

Writes results.json, results.md and plots (Fig. 3: FID vs server share, server-first vs
client-first; Fig. 12: FLOPs per step with each acceleration; an image grid across rows).

The full run takes longer than one working session on 2 cores, so every finished row is kept
in `OUT/.cache` and a rerun of the same command continues where the last one stopped (the
cache is dropped when the settings or the default pair's weights change). The reported time
is the sum of the pieces' own compute times.
"""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

import torch
from tqdm import tqdm

from obclip.eval.bench_report import markdown, plots
from obclip.eval.common import (
    attribute_accuracy,
    client_first_batch,
    heldout_prompts,
    load_classifier,
    reference_images,
)
from obclip.eval.metrics import fid_from_features, inception_features, kid_from_features
from obclip.eval.privacy_cost import cost_table
from obclip.eval.resume import PieceCache, weights_digest
from obclip.generate import generate, generate_batch
from obclip.models.pair import ModelPair, load_pair
from obclip.prompts import PAPER_AGES
from obclip.protocol import AccelConfig

STEPS = 25  # the paper's Table 2 grid (the device's, for an LCM pair)
SPLITS = (10, 5)  # the paper's switch points; an LCM pair uses its own k and k // 2 on its cloud grid
SENSITIVE = ("gender", "age", "ethnicity")
SETTINGS = {2: ["gender"], 6: ["gender", "age"]}  # N = 6 on the paper's age scale (`run(ages=...)`)
ACCEL_POINTS = {10: (4, 6), 5: (3, 3)}


ADAPTIVE = AccelConfig().adaptive  # drift threshold of the adaptive rows: the policy's (obclip/config.py)
VARIANTS = {  # AccelConfig.mechanisms settings of each row family, on top of mode, r and s
    "paper": {"share_uncond": False, "skip_up": 0},  # the paper's mechanisms only
    "ours": {},  # + shared uncond branch (exact at step 0, pivot's before r), deepest up block cached
    "uncond_all": {"uncond_all": True},  # + the pivot's uncond branch at every step
    "adaptive": {"uncond_all": True, "adaptive": ADAPTIVE},  # + adaptive block cache instead of s
}


@dataclass(frozen=True)
class Row:
    """One table row: a mode, its switch point and the cloud's accelerations.

    Attributes:
        name (`str`): the label printed in the table (never used to look a row up).
        mode (`str`): one of `obclip.plan.MODES`.
        k (`int | None`): the switch point (hybrid and obclip rows only).
        accel (`str`, defaults to "none"): the acceleration mode.
        variant (`str`, defaults to "ours"): a key of `VARIANTS`, or "step0": only the exact
            sharing of the unconditional branch at step 0 (no cache point or skip point within k).
    """

    name: str
    mode: str
    k: int | None = None
    accel: str = "none"
    variant: str = "ours"

    def config(self) -> AccelConfig:
        r, s = ACCEL_POINTS.get(self.k, (4, 6))
        if self.variant == "step0":
            return AccelConfig.mechanisms(self.accel, r=self.k or 1, s=self.k or 1)
        return AccelConfig.mechanisms(self.accel, r=r, s=s, **VARIANTS[self.variant])


def split_points(pair: ModelPair) -> tuple[int, ...]:
    """The switch points of the table: the paper's on one grid, on an LCM cloud grid its k and k // 2."""
    spec = pair.spec
    return SPLITS if spec.cloud_sampler is None else tuple(dict.fromkeys((spec.k, max(1, spec.k // 2))))


def rows(pair: ModelPair) -> list[Row]:
    out = [Row("cloud", "cloud"), Row("device", "device"), Row("Vanilla OG", "vanilla-og")]
    for k in split_points(pair):
        out += [
            Row(f"Hybrid SD k={k}", "hybrid", k),
            Row(f"ObCLIP k={k}", "obclip", k),
            Row(f"+cache (paper) k={k}", "obclip", k, "cache", "paper"),
            Row(f"+cache+reuse (paper) k={k}", "obclip", k, "cache+reuse", "paper"),
            Row(f"+uncond shared at step 0 (exact) k={k}", "obclip", k, "cache", "step0"),
            Row(f"+cache k={k}", "obclip", k, "cache"),
            Row(f"+cache+reuse k={k}", "obclip", k, "cache+reuse"),
            Row(f"+uncond shared every step k={k}", "obclip", k, "cache+reuse", "uncond_all"),
            Row(f"+adaptive block cache k={k}", "obclip", k, "cache+reuse", "adaptive"),
        ]
    return out


def _find(table_rows: list[Row], mode: str, k: int | None = None, accel: str = "none", variant: str = "ours") -> Row:
    """The row of `mode` (and switch point, acceleration): rows are looked up by what they are."""
    return next(r for r in table_rows if (r.mode, r.k, r.accel, r.variant) == (mode, k, accel, variant))


def _same_images_as(row: Row) -> tuple:
    """Rows whose real-candidate images are identical by construction (tests check it):
    Vanilla OG gives the cloud image, unaccelerated ObCLIP the Hybrid SD image of the same k."""
    if row.mode == "vanilla-og":
        return ("cloud", None)
    if row.mode == "obclip" and row.accel == "none":
        return ("hybrid", row.k)
    return (row.mode, row.k, row.accel, row.variant)


def _counted(prompt: str, row: Row, attributes: list[str], pair: ModelPair, ages: tuple[str, ...]) -> dict:
    """Counted FLOPs of one request of `row`."""
    counted = generate(prompt, row.mode, pair, steps=STEPS, k=row.k, seed=0, accel=row.config(), attributes=attributes, ages=ages)
    return {
        "n_candidates": counted.n_candidates,
        "server_flops": counted.server_flops,
        "device_flops": counted.device_flops,
        "server_flops_per_step": counted.flops_per_step["server"],
    }


def _timing_round(
    prompt: str, table_rows: list[Row], attributes: list[str], seed: int, pair: ModelPair, ages: tuple[str, ...]
) -> dict:
    """One uncounted request of every row, back to back: (server s, end-to-end s) per row.

    Rows are timed round-robin rather than row after row, so that a slow spell of a shared
    machine lands on every row of one round instead of on all repeats of a few rows.
    """
    times = {}
    for row in table_rows:
        started = time.perf_counter()
        res = generate(
            prompt,
            row.mode,
            pair,
            steps=STEPS,
            k=row.k,
            seed=seed,
            accel=row.config(),
            attributes=attributes,
            ages=ages,
            count_flops=False,
        )
        times[row.name] = (res.server_seconds, time.perf_counter() - started)
    return times


def run(
    out: Path,
    quick: bool = False,
    repeats: int | None = None,
    pair_name: str = "default",
    prompts: int | None = None,
    device: str = "cpu",
    ages: tuple[str, ...] = PAPER_AGES,
) -> dict:
    """Runs the whole benchmark and writes its reports into `out`.

    Args:
        out (`Path`): report folder.
        quick (`bool`, defaults to False): 8 prompts and two Fig. 3 points instead of 96 and six.
        repeats (`int`, optional, defaults to 3): timing rounds; each round times one request of
            every row back to back, and each row reports its median over the rounds.
        prompts (`int`, optional): number of held-out prompts (8 quick, 96 full).
        device (`str`, defaults to "cpu"): torch device of the models (latencies are measured there).
        ages (`tuple[str, ...]`, defaults to the paper's young, middle-aged, old): the age scale of the N = 6 rows.
        pair_name (`str`, defaults to "default"): registry pair. Attribute accuracy and FID to
            renders need the synthetic world, so only the embedded pair reports them; any pair
            reports FLOPs, latency and FID against its own Hybrid SD images.
    """
    out.mkdir(parents=True, exist_ok=True)
    n, repeats = (prompts or (8 if quick else 96)), (repeats or 3)
    if repeats < 1 or n < 2:
        raise ValueError(f"repeats must be >= 1 and prompts >= 2 (FID needs two images), got {repeats} and {n}")
    pair = load_pair(pair_name).to(device)
    table_rows = rows(pair)
    world = pair.spec.family == "embedded"  # the synthetic world: classifier and reference renders
    classifier = load_classifier() if world else None
    held_out = heldout_prompts(n)
    texts, seeds = [p.prompt for p in held_out], list(range(n))
    real = inception_features(reference_images(held_out)) if world else None
    results: dict = {
        "pair": pair_name,
        "n_prompts": n,
        "steps": STEPS,
        "repeats": repeats,
        "quick": quick,
        "ages": list(ages),
        "settings": {},
    }
    started = time.perf_counter()
    fingerprint = {
        "pair": pair_name,
        "device": device,
        "n": n,
        "repeats": repeats,
        "quick": quick,
        "weights": weights_digest(pair),
        "rows": [(r.name, r.config()) for r in table_rows].__repr__(),  # new rows or settings: measure again
        "metrics": 2,  # pieces carry Inception features (FID and KID)
        "ages": list(ages),
    }
    cache = PieceCache(out / ".cache", fingerprint)
    grids: dict[str, torch.Tensor] = {}
    shared: dict[tuple, torch.Tensor] = {}  # rows whose images do not depend on N
    for big_n, attributes in SETTINGS.items():
        table, hybrid_features = {}, {}
        for row in tqdm(table_rows, desc=f"N={big_n}"):
            piece = cache.get(f"n{big_n}-{row.name}")
            if piece is None:
                measured = _measure_row(row, attributes, pair, classifier, held_out, real, shared, ages)
                piece = cache.put(f"n{big_n}-{row.name}", measured)
            images, entry = piece["images"], dict(piece["entry"])
            if row.mode in ("cloud", "device", "hybrid"):
                shared[(row.mode, row.k)] = images
            if row.mode == "hybrid":
                hybrid_features[row.k] = piece["features"]
            if row.mode == "obclip" and row.k in hybrid_features:
                entry |= _quality(hybrid_features[row.k], piece["features"], "_vs_hybrid")
            table[row] = entry
            if big_n == 6:
                grids[row.name] = images[:6]
        rounds = []
        for rnd in tqdm(range(repeats), desc=f"N={big_n} timing rounds"):
            piece = cache.get(f"n{big_n}-timing-{rnd}")
            if piece is None:
                piece = cache.put(
                    f"n{big_n}-timing-{rnd}", {"times": _timing_round(texts[0], table_rows, attributes, rnd, pair, ages)}
                )
            rounds.append(piece["times"])
        for row, entry in table.items():
            entry["server_seconds"] = statistics.median(r[row.name][0] for r in rounds)
            entry["end_to_end_seconds"] = statistics.median(r[row.name][1] for r in rounds)
        og = table[_find(table_rows, "vanilla-og")]
        for row, entry in table.items():
            entry["flops_vs_vanilla_og"] = entry["server_flops"] / og["server_flops"]
            if row.mode == "obclip":
                entry["flops_vs_hybrid"] = (
                    entry["server_flops"] / table[_find(table_rows, "hybrid", row.k)]["server_flops"]
                )
            entry["speedup_vs_vanilla_og"] = (
                og["server_seconds"] / entry["server_seconds"] if entry["server_seconds"] else None
            )
        results["settings"][str(big_n)] = {row.name: entry for row, entry in table.items()}
    piece = cache.get("privacy-cost")
    if piece is None:  # quick: k = 10 and two prompts; full: both k and eight prompts
        ks, n_fidelity = ((split_points(pair)[0],), 2) if quick else (split_points(pair), 8)
        piece = cache.put("privacy-cost", {"rows": cost_table(pair, texts[:n_fidelity], ks=ks, steps=STEPS)})
    results["privacy_cost"] = piece["rows"]
    results["fig3"] = _split_curve(pair, texts, seeds, real, quick, shared, cache) if world else None
    results["seconds"] = round(cache.seconds, 1)
    results["wall_seconds_last_invocation"] = round(time.perf_counter() - started, 1)
    results["resumed_pieces"] = cache.resumed
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    (out / "results.md").write_text(markdown(results))
    fig12_rows = [r.name for r in table_rows if r.mode == "obclip" and r.k == split_points(pair)[0]]
    plots(results, grids, texts[:6], out, fig12_rows)
    return results


def _measure_row(
    row: Row, attributes: list[str], pair, classifier, prompts, real, shared: dict[tuple, torch.Tensor],
    ages: tuple[str, ...] = PAPER_AGES,
) -> dict:
    """Images (reused when identical by construction), quality and cost of one table row."""
    texts, seeds = [p.prompt for p in prompts], list(range(len(prompts)))
    images = shared.get(_same_images_as(row))
    if images is None:
        images = generate_batch(
            pair, texts, row.mode, steps=STEPS, k=row.k, seeds=seeds, accel=row.config(), attributes=attributes, ages=ages
        )
    entry = _counted(texts[0], row, attributes, pair, ages) | {"attribute_accuracy": None, "fid": None, "kid": None}
    features = inception_features(images)
    if classifier is not None and real is not None:
        acc = attribute_accuracy(classifier, images, prompts)
        entry |= {
            "attribute_accuracy": sum(acc[a] for a in SENSITIVE) / len(SENSITIVE),
            "accuracy_by_field": acc,
        }
        entry |= _quality(real, features)
    return {"images": images, "features": features, "entry": entry}


def _quality(reference: torch.Tensor, features: torch.Tensor, suffix: str = "") -> dict:
    """FID and KID (mean, std over subsets) of `features` against `reference` features."""
    out = {f"fid{suffix}": fid_from_features(reference, features), f"kid{suffix}": None, f"kid_std{suffix}": None}
    if min(len(reference), len(features)) >= 4:
        kid = kid_from_features(reference, features, paired=len(reference) == len(features))  # row i: prompt i
        out |= {f"kid{suffix}": kid.mean, f"kid_std{suffix}": kid.std}
    return out


def _split_curve(pair, texts, seeds, real, quick: bool, shared: dict[tuple, torch.Tensor], cache: PieceCache) -> dict:
    """FID against the server's share of the 25 steps, server-first vs client-first. Server-first
    images already made for a table row (device, cloud, Hybrid SD at k) are reused."""
    shares = [5, 10] if quick else [0, 5, 10, 15, 20, 25]
    curve: dict[str, list] = {"server_steps": shares, "server_first": [], "client_first": []}
    for k in tqdm(shares, desc="Fig. 3"):
        for key, client_first in (("server_first", False), ("client_first", True)):
            mode = {0: "device", STEPS: "cloud"}.get(k, "hybrid")
            row_k = k if mode == "hybrid" else None
            images = None if client_first else shared.get((mode, row_k))
            if images is not None:
                curve[key].append(fid_from_features(real, inception_features(images)))
                continue
            piece = cache.get(f"fig3-{key}-{k}")
            if piece is None:
                if client_first and mode == "hybrid":
                    images = client_first_batch(pair, texts, k=k, seeds=seeds, steps=STEPS)
                else:
                    images = generate_batch(pair, texts, mode, steps=STEPS, k=row_k, seeds=seeds)
                piece = cache.put(f"fig3-{key}-{k}", {"fid": fid_from_features(real, inception_features(images))})
            curve[key].append(piece["fid"])
    return curve
