"""``obclip audit``: the red team, productised — every prompt of a corpus through the transformation, checked.

For each prompt: accepted or refused (and why), N, the exact cloud view, what was held back on the
device, and checks on what `transform` accepted (which already refuses any set that is not closed, so
closure is not re-run here):
- uniform: every candidate is parsed again, and each varied attribute of each person must take
  every value equally often across the set;
- residue: every word that reveals an attribute — the corpus's own labels (column 2 of a .tsv)
  and every gendered pronoun, title, first name and proxy word — must not reach the cloud
  unvaried: it may not occur in every candidate as often as in the real prompt's cloud view,
  and a held-back word may occur in none.
The report (``audit.md``, ``audit.json``) adds the refusal rate among prompts that name people
and the transformation's time per prompt (median, p95), measured in this process.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from obclip.prompts import DetectionError, Lexicon, default_lexicon, transform
from obclip.prompts import grammar as g
from obclip.prompts.parse import parse
from obclip.prompts.tokens import tokenize

CORPUS = Path(__file__).parent / "corpora" / "realistic.tsv"


@dataclass(frozen=True)
class AuditPrompt:
    prompt: str
    reveals: tuple[str, ...] = ()
    family: str = ""


def load_prompts(path: str | Path) -> list[AuditPrompt]:
    """Prompts from a .txt file (one per line) or a .tsv file (prompt, reveals as a|b|c, family)."""
    text = Path(path).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if str(path).endswith(".tsv"):
            cols = line.split("\t")
            if cols[0] == "prompt":
                continue
            reveals = tuple(w for w in (cols[1].split("|") if len(cols) > 1 else []) if w.strip())
            out.append(AuditPrompt(cols[0], reveals, cols[2] if len(cols) > 2 else ""))
        else:
            out.append(AuditPrompt(line.strip()))
    return out


def _count(word: str, text: str) -> int:
    """Whole-word occurrences; case-sensitive for a capitalised word (the name "Amber", not "amber jewelry")."""
    if word[:1].isupper() and not word.isupper():
        return len(re.findall(rf"(?<![\w'’-]){re.escape(word)}(?![\w-])", text))
    return len(re.findall(rf"(?<![\w'’-]){re.escape(word.lower())}(?![\w-])", text.lower()))


def _non_person_words(prompt: str, lex: Lexicon) -> set[str]:
    """Words of the prompt inside the lexicon's non-person phrases ("Isle of Man", "his and hers")."""
    low = " ".join(t.core for t in tokenize(prompt))
    return {w for phrase in lex.non_person if " ".join(phrase) in low for w in phrase}


def _sensitive_words(prompt: str, lex: Lexicon) -> set[str]:
    """Words of the prompt that reveal an attribute wherever they stand: pronouns, titles, first names
    (capitalised mid-sentence in a mixed-case prompt, not common words, not after "by"), proxies."""
    words = set()
    tokens = tokenize(prompt)
    mixed_case = any(c.islower() for c in prompt) and not all(t.capitalised for t in tokens if t.is_word and len(t.text) > 3)
    for i, t in enumerate(tokens):
        if not t.is_word:
            continue
        if t.core in g.PRONOUN_GENDER or t.core in lex.proxies:
            words.add(t.core)
        elif t.capitalised and mixed_case and i > 0 and tokens[i - 1].low != "by" and not lex.tags(t.core):
            if t.core in lex.first_names or lex.titles.get(t.core):
                words.add(t.core)
    return words


def audit_prompt(
    item: AuditPrompt, attributes: list[str] | None, lex: Lexicon, proxies: str, max_candidates: int
) -> dict:
    """One prompt's row of the audit."""
    row: dict = {"prompt": item.prompt, "family": item.family}
    start = time.perf_counter()
    try:
        group = transform(item.prompt, attributes, max_candidates, lexicon=lex, proxies=proxies)
    except DetectionError as exc:
        row.update(accepted=False, reason=str(exc), ms=(time.perf_counter() - start) * 1e3)
        return row
    row["ms"] = (time.perf_counter() - start) * 1e3
    cands = list(group.order)
    row.update(accepted=True, n=group.n, cloud_prompt=group.cloud_prompt, candidates=sorted(cands),
               held_back=list(group.held_back), attributes=[f"{s.name}#{s.person}" for s in group.slots])  # fmt: skip
    failures = []
    templates = [parse(c, lex, proxies) for c in cands]
    for slot in group.slots:
        counts = Counter(
            t.persons[slot.person].states.get(slot.name) if slot.person < len(t.persons) else None for t in templates
        )
        if len(counts) != slot.values_count or len(set(counts.values())) != 1:
            failures.append(f"uniform: {slot.name} of person {slot.person} reads back as {dict(counts)}")
    words = (set(item.reveals) | _sensitive_words(item.prompt, lex)) - _non_person_words(item.prompt, lex)
    real = group.cloud_prompt
    for w in sorted(words):
        n_real = _count(w, real)
        if n_real and all(_count(w, c) >= n_real for c in cands):
            failures.append(f"residue: {w!r} reaches the cloud unvaried")
    for held in group.held_back:
        if any(_count(held, c) for c in cands):
            failures.append(f"residue: held-back {held!r} is in a candidate")
    row["failures"] = failures
    return row


def run(
    prompts_path: str | Path,
    out: str | Path,
    attributes: list[str] | None = None,
    proxies: str = "drop",
    max_candidates: int = 64,
    lexicon: Lexicon | None = None,
) -> dict:
    """Audits every prompt of `prompts_path` and writes `audit.json` and `audit.md` into `out`."""
    lex = lexicon or default_lexicon()
    items = load_prompts(prompts_path)
    load_start = time.perf_counter()
    transform("a woman", lexicon=lex)  # the lexicon loads once; time it apart from the per-prompt figures
    load_ms = (time.perf_counter() - load_start) * 1e3
    rows = [audit_prompt(item, attributes, lex, proxies, max_candidates) for item in items]
    accepted = [r for r in rows if r["accepted"]]
    failing = [r for r in accepted if r["failures"]]
    names_people = [r for r, item in zip(rows, items, strict=True) if item.reveals or (r.get("n") or 0) > 1]
    refused_people = [r for r in names_people if not r["accepted"]]
    times = sorted(r["ms"] for r in rows)
    summary = {
        "prompts": len(rows),
        "accepted": len(accepted),
        "refused": len(rows) - len(accepted),
        "accepted_failing_a_check": len(failing),
        "naming_people": len(names_people),
        "refused_naming_people": len(refused_people),
        "refusal_rate_naming_people": round(len(refused_people) / max(len(names_people), 1), 4),
        "median_ms": round(statistics.median(times), 3) if times else 0.0,
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 3) if times else 0.0,
        "first_load_ms": round(load_ms, 1),
        "attributes": attributes or list(lex.values),
        "proxies": proxies,
    }
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "audit.json").write_text(json.dumps({"summary": summary, "rows": rows}, indent=1, ensure_ascii=False))
    (out / "audit.md").write_text(_markdown(summary, rows, Path(prompts_path).name))
    return {"summary": summary, "rows": rows}


def _markdown(summary: dict, rows: list[dict], source: str) -> str:
    lines = [
        f"# Audit of `{source}`",
        "",
        "| prompts | accepted | refused | accepted failing a check | refused among prompts naming people | "
        "transform median ms | p95 ms |",
        "|---|---|---|---|---|---|---|",
        f"| {summary['prompts']} | {summary['accepted']} | {summary['refused']} | {summary['accepted_failing_a_check']} | "
        f"{summary['refused_naming_people']} of {summary['naming_people']} ({summary['refusal_rate_naming_people']:.1%}) | "
        f"{summary['median_ms']} | {summary['p95_ms']} |",
        "",
        f"Protected: {', '.join(summary['attributes'])}; proxies: {summary['proxies']}. Times are wall-clock per "
        "prompt in one process, the lexicon already loaded (first load: "
        f"{summary['first_load_ms']} ms).",
        "",
    ]
    failing = [r for r in rows if r["accepted"] and r["failures"]]
    if failing:
        lines += ["## Accepted prompts that fail a check", ""]
        lines += [f"- `{r['prompt']}`: {'; '.join(r['failures'])}" for r in failing] + [""]
    families = Counter(r["family"] for r in rows)
    lines += ["## Per family", "", "| family | prompts | accepted | refused | N (median) |", "|---|---|---|---|---|"]
    for fam in sorted(families):
        fam_rows = [r for r in rows if r["family"] == fam]
        ns = [r["n"] for r in fam_rows if r["accepted"]]
        acc = sum(r["accepted"] for r in fam_rows)
        med = statistics.median(ns) if ns else "-"
        lines.append(f"| {fam or '-'} | {len(fam_rows)} | {acc} | {len(fam_rows) - acc} | {med} |")
    lines += ["", "## Refused", ""]
    lines += [f"- `{r['prompt']}`: {r['reason']}" for r in rows if not r["accepted"]]
    lines += ["", "## Cloud views (accepted, N > 1)", "", "| prompt | N | cloud view of the real prompt | held back |",
              "|---|---|---|---|"]  # fmt: skip
    for r in rows:
        if r["accepted"] and r["n"] > 1:
            held = ", ".join(r["held_back"]) or ""
            lines.append(f"| {r['prompt'].replace('|', '/')} | {r['n']} | {r['cloud_prompt'].replace('|', '/')} | {held} |")
    return "\n".join(lines) + "\n"
