"""`obclip attack`: what a curious server learns from its view, measured.

Three schemes are attacked with the same attackers:
- **ObCLIP**: the server sees the N candidates (shuffled) and the N step-k latents;
- **Hybrid SD**: the server sees the real prompt alone;
- **naive decoy** (the paper's Fig. 4 strawman): the real prompt plus one decoy made by
  swapping the attribute words only (no pronoun or article agreement), in random order.

Attackers, each reported as accuracy with a 95% Wilson interval next to chance (1/N):
(a) *plausibility*: a smoothed bigram language model trained on a caption corpus picks the
    most likely candidate; (b) *embedding classifier*: logistic regression on MiniLM
    embeddings trained on real-vs-decoy pairs drawn from a non-uniform prior over users;
    (c) *latent probe*: logistic regression on the returned step-k latents.
Attribute inference: how often the attacker's pick carries the real value of each attribute.

Users are drawn from `PRIOR` (non-uniform) for training the attackers; they are tested on
users drawn uniformly (the 1/N setting of Theorem 1) and from the prior (where the best any
attacker can do is guess the prior's mode: the view adds nothing beyond the prior).
"""

from __future__ import annotations

import json
import math
import random
import re
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from tqdm import tqdm

from obclip.prompts import PAPER_AGES, transform
from obclip.world.captions import caption
from obclip.world.render import FIELDS, PortraitSpec

PRIOR = {"gender": {"female": 0.7, "male": 0.3}, "age": {"young": 0.5, "middle-aged": 0.3, "old": 0.2}}
ATTRIBUTES = ["gender", "age"]  # N = 6
_WORD = re.compile(r"[a-z'-]+|[.,]")


@dataclass(frozen=True)
class AttackSizes:
    """How many users each part of `obclip attack` draws, and the probe's cloud schedule.

    Args:
        corpus (`int`): captions the plausibility LM is trained on.
        train (`int`): users (from the prior) the embedding classifier is trained on.
        test (`int`): test users per (scheme, population) row.
        probe_train (`int`): candidate groups the latent probe is trained on.
        probe_test (`int`): candidate groups it is tested on.
        steps (`int`, defaults to 25): the probe's denoising steps T.
        k (`int`, defaults to 10): the probe's switch point (the server returns step-k latents).
    """

    corpus: int
    train: int
    test: int
    probe_train: int
    probe_test: int
    steps: int = 25
    k: int = 10

    def __post_init__(self) -> None:
        counts = {
            "corpus": self.corpus,
            "train": self.train,
            "test": self.test,
            "probe_train": self.probe_train,
            "probe_test": self.probe_test,
        }
        for name, value in counts.items():
            if value < 2:
                raise ValueError(f"AttackSizes.{name} must be at least 2, got {value}")
        if not 1 <= self.k <= self.steps:
            raise ValueError(f"AttackSizes needs 1 <= k <= steps, got k={self.k}, steps={self.steps}")


QUICK = AttackSizes(corpus=5000, train=400, test=600, probe_train=96, probe_test=96)
FULL = AttackSizes(corpus=20000, train=2000, test=2000, probe_train=400, probe_test=300)


def wilson(successes: int, n: int, z: float = 1.96) -> tuple[float, float, float]:
    """Accuracy and its 95% Wilson score interval."""
    if n == 0:
        return (0.0, 0.0, 0.0)
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    # the interval contains p exactly; min/max only absorb float rounding at p = 0 or 1
    return (p, max(0.0, min(p, centre - half)), min(1.0, max(p, centre + half)))


def sample_users(n: int, seed: int, prior: bool) -> list[tuple[PortraitSpec, str]]:
    """`n` user prompts; gender and age follow `PRIOR` if `prior`, else uniform."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        fields = {name: rng.choice(values) for name, values in FIELDS.items()}
        if prior:
            for name, dist in PRIOR.items():
                fields[name] = rng.choices(list(dist), weights=list(dist.values()))[0]
        spec = PortraitSpec(**fields, jitter_seed=0)
        out.append((spec, caption(spec, rng, drop=0.0)))
    return out


class BigramLM:
    """Add-k smoothed word bigram model: log-likelihood of a prompt."""

    def __init__(self, corpus: list[str], k: float = 0.1) -> None:
        self.uni, self.bi, self.k = Counter(), Counter(), k
        for text in corpus:
            words = ["<s>", *_WORD.findall(text.lower()), "</s>"]
            self.uni.update(words[:-1])
            self.bi.update(zip(words, words[1:], strict=False))
        self.vocab = len(self.uni) + 1

    def score(self, text: str) -> float:
        words = ["<s>", *_WORD.findall(text.lower()), "</s>"]
        return sum(
            math.log((self.bi[(a, b)] + self.k) / (self.uni[a] + self.k * self.vocab))
            for a, b in zip(words, words[1:], strict=False)
        )


def naive_decoy(prompt: str, rng: random.Random) -> str:
    """The strawman: swap gender and age words only, leaving pronouns and articles as they were."""
    swaps = {
        "man": "woman",
        "woman": "man",
        "gentleman": "lady",
        "lady": "gentleman",
        "male": "female",
        "female": "male",
        "young": rng.choice(["old", "middle-aged"]),
        "old": rng.choice(["young", "middle-aged"]),
        "middle-aged": rng.choice(["young", "old"]),
    }
    return " ".join(swaps.get(w, w) for w in prompt.split(" "))


def _views(users: list[tuple[PortraitSpec, str]], scheme: str, seed: int) -> list[tuple[list[str], int]]:
    """What the server sees per user (candidate list, index of the real one)."""
    rng = random.Random(seed)
    views = []
    for _, prompt in users:
        if scheme == "obclip":
            group = transform(prompt, ATTRIBUTES, ages=PAPER_AGES)
            views.append((list(group.order), group.real_index))
        elif scheme == "hybrid":
            views.append(([prompt], 0))
        else:
            decoy = naive_decoy(prompt, rng)
            pair = [prompt, decoy]
            rng.shuffle(pair)
            views.append((pair, pair.index(prompt)))
    return views


def _embed(texts: list[str]) -> np.ndarray:
    from obclip.eval.common import sentence_embeddings

    return sentence_embeddings(texts).numpy()


def _train_pick_classifier(views: list[tuple[list[str], int]]):
    """Logistic regression: candidate embedding -> probability of being the real prompt."""
    from sklearn.linear_model import LogisticRegression

    texts = [c for cands, _ in views for c in cands]
    labels = [int(i == real) for cands, real in views for i in range(len(cands))]
    model = LogisticRegression(max_iter=2000, C=1.0)
    model.fit(_embed(texts), labels)
    return model


def _pick_with(model, views: list[tuple[list[str], int]]) -> list[int]:
    texts = [c for cands, _ in views for c in cands]
    scores = model.decision_function(_embed(texts))
    picks, pos = [], 0
    for cands, _ in views:
        picks.append(int(np.argmax(scores[pos : pos + len(cands)])))
        pos += len(cands)
    return picks


def _attribute_hits(users, views, picks) -> dict[str, int]:
    """How often the picked candidate carries the real value of each attribute."""
    hits = Counter()
    for (spec, _), (cands, _), pick in zip(users, views, picks, strict=True):
        chosen = cands[pick]
        for name in ATTRIBUTES:
            value = getattr(spec, name)
            words = {"gender": {"male": ("man", "gentleman", "male"), "female": ("woman", "lady", "female")}}
            forms = words.get(name, {}).get(value, (value,))
            if any(re.search(rf"\b{re.escape(f)}\b", chosen) for f in forms):
                hits[name] += 1
    return dict(hits)


def _latent_probe(users_train, users_test, pair_name: str, steps: int, k: int) -> dict:
    """A server-side probe on the step-k latents it returns (ObCLIP only)."""
    from sklearn.linear_model import LogisticRegression

    from obclip.cloud.engine import CloudEngine
    from obclip.generate import cloud_requests
    from obclip.models.pair import load_pair
    from obclip.plan import split_plan

    pair = load_pair(pair_name)
    engine = CloudEngine(pair, count_flops=False)
    plan = split_plan(pair.spec, mode="obclip", steps=steps, k=k)  # the cloud's part of an ObCLIP request

    def latents(users, seed):
        feats, labels = [], []
        for chunk in tqdm(range(0, len(users), 8), desc="latent probe"):
            part = users[chunk : chunk + 8]
            grps = [transform(p, ATTRIBUTES, ages=PAPER_AGES) for _, p in part]
            seeds = [seed + chunk + j for j in range(len(grps))]
            reqs = cloud_requests(
                plan,
                [g.order for g in grps],
                pair=pair_name,
                seeds=seeds,
                guidance=pair.spec.guidance,
                size=pair.spec.resolution,
                factors=[g.factors for g in grps],
            )
            for g, h in zip(grps, engine.run_batch(reqs), strict=True):
                feats.append(h.latents.flatten(1).numpy())
                labels.append([int(i == g.real_index) for i in range(g.n)])
        return feats, labels

    f_train, l_train = latents(users_train, 0)
    f_test, l_test = latents(users_test, 10_000)
    model = LogisticRegression(max_iter=2000).fit(np.concatenate(f_train), np.concatenate(l_train))
    hits = sum(
        int(np.argmax(model.decision_function(f)) == int(np.argmax(lab))) for f, lab in zip(f_test, l_test, strict=True)
    )
    acc, lo, hi = wilson(hits, len(f_test))
    return {"accuracy": acc, "ci95": [lo, hi], "n": len(f_test), "chance": 1 / 6, "pair": pair_name, "k": k}


def run(out: Path, sizes: AttackSizes = QUICK, pair: str = "default") -> dict:
    """Runs every attack and writes `attacks.json` and `attacks.md` to `out`.

    Args:
        out (`Path`): output directory (created).
        sizes (`AttackSizes`, defaults to `QUICK`): user counts; `FULL` for the documented full run.
        pair (`str`, defaults to `"default"`): registry pair whose cloud UNet produces the probed latents.

    Returns:
        `dict`: the results written to `attacks.json`.
    """
    out.mkdir(parents=True, exist_ok=True)
    n_test = sizes.test
    corpus = [p for _, p in sample_users(sizes.corpus, 7, prior=True)]
    lm = BigramLM(corpus)
    train_users = sample_users(sizes.train, 11, prior=True)
    results: dict = {"n_test": n_test, "sizes": asdict(sizes), "prior": PRIOR, "attributes": ATTRIBUTES, "schemes": {}}
    for scheme in ("obclip", "naive-decoy", "hybrid"):
        clf = _train_pick_classifier(_views(train_users, scheme, 1)) if scheme != "hybrid" else None
        entry = {}
        for population, prior in (("uniform users", False), ("users from the prior", True)):
            users = sample_users(n_test, 21 if prior else 22, prior=prior)
            views = _views(users, scheme, 2)
            n_cands = len(views[0][0])
            attacks = {"plausibility LM": [int(np.argmax([lm.score(c) for c in cands])) for cands, _ in views]}
            if clf is not None:
                attacks["embedding classifier"] = _pick_with(clf, views)
            row = {"chance": 1 / n_cands}
            for name, picks in attacks.items():
                hits = sum(int(p == real) for p, (_, real) in zip(picks, views, strict=True))
                acc, lo, hi = wilson(hits, n_test)
                attr = {a: wilson(h, n_test)[0] for a, h in _attribute_hits(users, views, picks).items()}
                row[name] = {"accuracy": acc, "ci95": [lo, hi], "attribute_inference": attr}
            if prior and scheme == "obclip":  # a bound only where the view is a closed set
                row["prior_bound"] = max(PRIOR["gender"].values()) * max(PRIOR["age"].values())
            entry[population] = row
        results["schemes"][scheme] = entry
    results["latent_probe"] = _latent_probe(
        sample_users(sizes.probe_train, 31, False),
        sample_users(sizes.probe_test, 32, False),
        pair,
        sizes.steps,
        sizes.k,
    )
    results["realistic_corpus"] = corpus_attack()
    (out / "attacks.json").write_text(json.dumps(results, indent=2) + "\n")
    (out / "attacks.md").write_text(markdown(results))
    return results


def corpus_attack(path: Path | None = None, seed: int = 0) -> dict:
    """Plausibility attacks on realistic prompts (default: the shipped hand-written corpus).

    The attacker knows the scheme. Two-fold: for ObCLIP it trains a bigram LM on the cloud views of the
    other fold's real prompts (what real users look like on the wire) and picks the likeliest candidate;
    a *value-prior* attacker sees only each candidate's attribute values (read back by parsing) and
    picks the combination most frequent in the other fold: that is the best the corpus's own prior
    allows, so an LM far above it would mean the wording leaks. The naive decoy (attribute words
    swapped in place) is attacked with an LM trained on the other fold's verbatim prompts.
    """
    from obclip.eval.audit import CORPUS, load_prompts
    from obclip.prompts import DetectionError, default_lexicon
    from obclip.prompts.parse import parse

    lex = default_lexicon()
    items = load_prompts(path or CORPUS)
    groups = []
    for item in items:
        try:
            group = transform(item.prompt)
        except DetectionError:
            continue
        if group.n > 1:
            groups.append(group)
    rng = random.Random(seed)

    def values_of(text: str) -> tuple:
        return tuple(tuple(sorted(p.states.items())) for p in parse(text, lex).persons)

    hits = {"obclip LM": 0, "obclip value prior": 0, "naive-decoy LM": 0}
    totals = {"obclip": 0, "naive-decoy": 0}
    chance = {"obclip": 0.0, "naive-decoy": 0.0}
    for fold in (0, 1):
        train = [g for i, g in enumerate(groups) if i % 2 != fold]
        test = [g for i, g in enumerate(groups) if i % 2 == fold]
        lm_cloud = BigramLM([g.cloud_prompt for g in train])
        lm_verbatim = BigramLM([g.prompt for g in train])
        prior = Counter(values_of(g.cloud_prompt) for g in train)
        for g in test:
            totals["obclip"] += 1
            chance["obclip"] += 1 / g.n
            scores = [lm_cloud.score(c) for c in g.order]
            hits["obclip LM"] += int(int(np.argmax(scores)) == g.real_index)
            counts = [prior[values_of(c)] + rng.random() * 1e-3 for c in g.order]  # random tie-break
            hits["obclip value prior"] += int(int(np.argmax(counts)) == g.real_index)
            decoy = naive_decoy(g.prompt, rng)
            if decoy != g.prompt:
                pair = [g.prompt, decoy]
                rng.shuffle(pair)
                totals["naive-decoy"] += 1
                chance["naive-decoy"] += 0.5
                pick = int(np.argmax([lm_verbatim.score(c) for c in pair]))
                hits["naive-decoy LM"] += int(pair[pick] == g.prompt)
    out: dict = {"source": str(path or CORPUS.name), "groups": len(groups)}
    for name, h in hits.items():
        scheme = name.split(" ")[0]
        n = totals[scheme]
        acc, lo, hi = wilson(h, n)
        out[name] = {"n": n, "accuracy": acc, "ci95": [lo, hi], "chance": chance[scheme] / max(n, 1)}
    return out


def _bayes_bound(row: dict) -> float:
    """Best accuracy from the prior alone: 1/N for uniform users, the prior's mode otherwise. It bounds
    attackers only where the view is the closed candidate set (ObCLIP); other schemes' views leak past it."""
    return row.get("prior_bound", row["chance"])


def markdown(results: dict) -> str:
    lines = [
        f"Attacks on the server's view; N = 6 for ObCLIP (gender x age), {results['n_test']} test users per row.",
        "Accuracy of picking the real prompt [95% Wilson interval]; attribute inference = how often the pick "
        "carries the real gender / age. Bayes bound = the best any attacker can do from the prior alone "
        "(ObCLIP, users from the prior: always guess the prior's mode).",
        "",
        "| scheme | users | attacker | accuracy [95% CI] | chance 1/N | Bayes bound | gender inf. | age inf. |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for scheme, entry in results["schemes"].items():
        for population, row in entry.items():
            for name, r in row.items():
                if not isinstance(r, dict):
                    continue
                lo, hi = r["ci95"]
                ai = r["attribute_inference"]
                bound_text = f"{_bayes_bound(row):.3f}" if scheme == "obclip" else "—"
                lines.append(
                    f"| {scheme} | {population} | {name} | {r['accuracy']:.3f} [{lo:.3f}, {hi:.3f}] | "
                    f"{row['chance']:.3f} | {bound_text} | {ai.get('gender', 0):.3f} | {ai.get('age', 0):.3f} |"
                )
    corpus = results.get("realistic_corpus")
    if corpus:
        lines += [
            "",
            f"Realistic prompts (`obclip/eval/corpora/{corpus['source']}`, {corpus['groups']} accepted prompts with "
            "N > 1, two folds): which candidate did a real person write?",
            "",
            "| scheme | attacker | accuracy [95% CI] | chance (mean 1/N) | prompts |",
            "|---|---|---|---|---|",
        ]
        for name in ("obclip LM", "obclip value prior", "naive-decoy LM"):
            r = corpus[name]
            lines.append(
                f"| {name.split(' ')[0]} | {' '.join(name.split(' ')[1:])} | {r['accuracy']:.3f} "
                f"[{r['ci95'][0]:.3f}, {r['ci95'][1]:.3f}] | {r['chance']:.3f} | {r['n']} |"
            )
    p = results["latent_probe"]
    lines += [
        "",
        f"Latent probe (ObCLIP, uniform users, {p.get('pair', 'default')} pair, k = {p.get('k', 10)}): {p['accuracy']:.3f} [{p['ci95'][0]:.3f}, {p['ci95'][1]:.3f}] "
        f"over {p['n']} groups, chance {p['chance']:.3f}.",
    ]
    return "\n".join(lines) + "\n"
