"""What the canonical cloud view costs in quality: the cloud's steps run on the rewritten prompt.

``python -m obclip.eval.cloud_view --out DIR [--prompts 48] [--k 10]`` measures, on the embedded
default pair and held-out portraits (25 DPM-Solver++ steps, same seeds):

- Hybrid SD with the verbatim prompt on both sides (the paper's baseline);
- Hybrid SD with the canonical cloud view on the cloud and the verbatim prompt on the device
  (the rewriting alone, no candidates);
- ObCLIP (gender x age, N = 6), whose real candidate equals the previous row by construction;

each as attribute accuracy (the project's classifier, not CLIP), FID against the renders and FID
against the verbatim Hybrid SD images. On the realistic corpus, where no model pair of ours is
in distribution, it reports how far the cloud view moves the text conditioning: the share of
prompts sent verbatim and the cosine similarity of MiniLM sentence embeddings (mean, 5th percentile).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import torch

from obclip.eval.audit import CORPUS, load_prompts
from obclip.eval.common import (
    attribute_accuracy,
    fid,
    heldout_prompts,
    load_classifier,
    reference_images,
    sentence_embeddings,
)
from obclip.generate import generate_batch
from obclip.models.pair import load_pair
from obclip.prompts import PAPER_AGES, DetectionError, transform

ATTRIBUTES = ["gender", "age"]  # N = 6, as the bench's ObCLIP rows


def embedding_shift(texts: list[str], clouds: list[str]) -> dict[str, float]:
    """Cosine similarity of MiniLM sentence embeddings of verbatim vs cloud text."""

    def embed(batch: list[str]) -> torch.Tensor:
        return torch.nn.functional.normalize(sentence_embeddings(batch), dim=-1)

    cos = (embed(texts) * embed(clouds)).sum(-1)
    return {
        "prompts": len(texts),
        "sent_verbatim": sum(a == b for a, b in zip(texts, clouds, strict=True)) / len(texts),
        "cosine_mean": float(cos.mean()),
        "cosine_p05": float(torch.quantile(cos, 0.05)),
    }


def run(out: Path, n: int = 48, k: int = 10, pair_name: str = "default") -> dict:
    pair = load_pair(pair_name)
    prompts = heldout_prompts(n, seed=2027)
    texts = [p.prompt for p in prompts]
    groups = [transform(t, ATTRIBUTES, ages=PAPER_AGES) for t in texts]
    clouds = [g.cloud_prompt for g in groups]
    seeds = list(range(n))
    real, classifier = reference_images(prompts), load_classifier()
    images = {
        "Hybrid SD, verbatim prompt": generate_batch(pair, texts, "hybrid", k=k, seeds=seeds),
        "Hybrid SD, cloud view on the cloud": generate_batch(pair, texts, "hybrid", k=k, seeds=seeds, cloud_prompts=clouds),
        "ObCLIP (N = 6)": generate_batch(pair, texts, "obclip", k=k, seeds=seeds, groups=groups),
    }
    base = images["Hybrid SD, verbatim prompt"]
    rows = {}
    for name, imgs in images.items():
        acc = attribute_accuracy(classifier, imgs, prompts)
        rows[name] = {
            "accuracy": acc,
            "fid_renders": fid(real, imgs),
            "fid_vs_hybrid": fid(base, imgs) if imgs is not base else 0.0,
            "max_abs_vs_hybrid": float((imgs - base).abs().max()),
        }
    corpus_texts, corpus_clouds = [], []
    for item in load_prompts(CORPUS):
        try:
            group = transform(item.prompt, ages=PAPER_AGES)
        except DetectionError:
            continue
        corpus_texts.append(item.prompt)
        corpus_clouds.append(group.cloud_prompt)
    results = {
        "pair": pair_name, "n": n, "k": k, "attributes": ATTRIBUTES,
        "heldout_rewritten": sum(a != b for a, b in zip(texts, clouds, strict=True)),
        "rows": rows, "corpus": embedding_shift(corpus_texts, corpus_clouds),
    }  # fmt: skip
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=1) + "\n")
    (out / "results.md").write_text(markdown(results))
    return results


def markdown(r: dict) -> str:
    lines = [
        f"# What the canonical cloud view costs (pair `{r['pair']}`, {r['n']} held-out portraits, k = {r['k']} of 25)",
        "",
        f"{r['heldout_rewritten']} of the {r['n']} held-out captions are rewritten for the cloud. Attribute accuracy is "
        "the mean over gender, age and ethnicity of the project's classifier (not CLIP).",
        "",
        "| row | attr. acc. | gender | age | ethnicity | FID vs renders | FID vs Hybrid SD verbatim | max abs diff |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, row in r["rows"].items():
        a = row["accuracy"]
        mean = (a["gender"] + a["age"] + a["ethnicity"]) / 3
        lines.append(
            f"| {name} | {mean:.3f} | {a['gender']:.3f} | {a['age']:.3f} | {a['ethnicity']:.3f} | "
            f"{row['fid_renders']:.1f} | {row['fid_vs_hybrid']:.1f} | {row['max_abs_vs_hybrid']:.3f} |"
        )
    c = r["corpus"]
    lines += [
        "",
        f"Realistic corpus ({c['prompts']} accepted prompts): {c['sent_verbatim']:.1%} reach the cloud verbatim; "
        f"MiniLM sentence-embedding cosine between the prompt and its cloud view: mean {c['cosine_mean']:.3f}, "
        f"5th percentile {c['cosine_p05']:.3f}.",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--prompts", type=int, default=48)
    parser.add_argument("--k", type=int, default=10)
    args = parser.parse_args()
    print(markdown(run(args.out, args.prompts, args.k)))


if __name__ == "__main__":
    main()
