"""Quality table of the embedded default pair (the model card's numbers and image grid).

Held-out prompts (unseen specs, every field named but the expression, which only some
templates mention: it is scored on the prompts that name it), 25 DPM-Solver++ steps: attribute
accuracy per field and FID against renders of the same specs, for cloud, device and hybrid
(k = 10, 5).

Usage:
    python -m obclip.eval.model_card --n 200 --out docs/reports/model-card
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from tqdm import tqdm

from obclip.eval.common import (
    attribute_accuracy,
    fid,
    heldout_prompts,
    load_classifier,
    names_field,
    reference_images,
    save_grid,
)
from obclip.generate import generate_batch
from obclip.models.pair import load_pair
from obclip.world.render import FIELDS

ROWS = [("cloud", "cloud", 0), ("device", "device", 0), ("hybrid k=10", "hybrid", 10), ("hybrid k=5", "hybrid", 5)]


def evaluate(n: int, out: Path, steps: int = 25) -> dict:
    pair = load_pair("default")
    prompts = heldout_prompts(n)
    texts, seeds = [p.prompt for p in prompts], list(range(n))
    classifier = load_classifier()
    real = reference_images(prompts)
    rows: dict[str, dict] = {"renders (upper bound)": attribute_accuracy(classifier, real, prompts)}
    grid = {}
    for name, mode, k in tqdm(ROWS, desc="quality rows"):
        started = time.perf_counter()
        images = generate_batch(pair, texts, mode, steps=steps, k=k if mode == "hybrid" else None, seeds=seeds)
        rows[name] = attribute_accuracy(classifier, images, prompts) | {
            "fid": fid(real, images),
            "seconds": round(time.perf_counter() - started, 1),
        }
        grid[name] = images[:8]
    out.mkdir(parents=True, exist_ok=True)
    save_grid(grid, texts[:8], out / "grid.png")
    scored_on = {f: sum(names_field(p, f) for p in prompts) for f in FIELDS}
    result = {
        "n": n,
        "steps": steps,
        "sampler": "dpm",
        "guidance": pair.spec.guidance,
        "rows": rows,
        "scored_on": scored_on,
        "prompts_in_grid": texts[:8],
    }
    (out / "quality.json").write_text(json.dumps(result, indent=2) + "\n")
    return result


def training_curves(run_dir: Path, out: Path) -> dict[str, dict]:
    """Plots each stage's loss curve and returns its steps, final loss and minutes of training.

    Minutes add up the gaps between consecutive log lines shorter than two minutes, so time spent
    stopped between an interruption and its resume is not counted.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    stats, fig = {}, plt.figure(figsize=(6, 3.5))
    for stage in ("vae", "cloud", "device", "evaluator"):
        path = run_dir / f"{stage}.log.jsonl"
        if not path.exists():
            continue
        rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        by_step = {r["step"]: r for r in rows}  # a resumed run rewrites the steps after its checkpoint
        steps = sorted(by_step)
        gaps = [b["time"] - a["time"] for a, b in zip(rows, rows[1:], strict=False)]
        minutes = sum(g for g in gaps if 0 < g < 120) / 60
        stats[stage] = {"steps": steps[-1], "final_loss": by_step[steps[-1]]["loss"], "minutes": round(minutes, 1)}
        plt.plot(steps, [by_step[s]["loss"] for s in steps], label=stage)
    plt.yscale("log")
    plt.xlabel("step")
    plt.ylabel("training loss")
    plt.legend()
    plt.tight_layout()
    out.mkdir(parents=True, exist_ok=True)
    fig.savefig(out / "training_curves.png", dpi=120)
    plt.close(fig)
    return stats


def markdown(result: dict) -> str:
    fields = ["gender", "age", "ethnicity", "scene", "clothing", "accessory", "expression"]
    lines = ["| row | " + " | ".join(fields) + " | FID |", "|---" * (len(fields) + 2) + "|"]
    for name, row in result["rows"].items():
        f = f"{row['fid']:.1f}" if "fid" in row else "—"
        lines.append(f"| {name} | " + " | ".join(f"{row[x]:.3f}" for x in fields) + f" | {f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--out", type=Path, default=Path("docs/reports/model-card"))
    parser.add_argument("--run-dir", type=Path, default=Path("runs/default"), help="training logs for the curves")
    args = parser.parse_args()
    if args.run_dir.exists():
        curves = training_curves(args.run_dir, args.out)
        (args.out / "training.json").write_text(json.dumps(curves, indent=2) + "\n")
        print(json.dumps(curves))
    result = evaluate(args.n, args.out)
    print(markdown(result))


if __name__ == "__main__":
    main()
