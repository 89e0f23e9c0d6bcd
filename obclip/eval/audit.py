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

from obclip.device.outbound import PrivacyOptions, protect
from obclip.prompts import DEFAULT_AGES, DetectionError, Lexicon, default_lexicon, transform
from obclip.prompts import grammar as g
from obclip.prompts.cues import plain
from obclip.prompts.parse import parse
from obclip.prompts.tokens import tokenize

CORPUS = Path(__file__).parent / "corpora" / "realistic.tsv"


SUBJECTS = ("none", "person", "child")  # a corpus's own label of what a prompt is about (4th column, optional)


@dataclass(frozen=True)
class AuditPrompt:
    """One corpus line: the prompt, the words that reveal an attribute, a family tag, and optionally what
    the prompt is about (`subject`: "none" names no person, "person", "child"; "" unlabelled)."""

    prompt: str
    reveals: tuple[str, ...] = ()
    family: str = ""
    subject: str = ""

    def __post_init__(self) -> None:
        if self.subject and self.subject not in SUBJECTS:
            raise ValueError(f"subject must be one of {', '.join(SUBJECTS)}, got {self.subject!r}")


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
            out.append(AuditPrompt(cols[0], reveals, cols[2] if len(cols) > 2 else "", cols[3].strip() if len(cols) > 3 else ""))
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
    cores = [plain(t.core) for t in tokenize(prompt)]
    found = {words for i, core in enumerate(cores) for words, _ in lex.named_index.get(core, ())
             if tuple(cores[i : i + len(words)]) == words}  # the parser's own index, not a scan of every name
    return {w for phrase in found for w in phrase} | {" ".join(phrase) for phrase in found}


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
        elif t.capitalised and mixed_case and i > 0 and tokens[i - 1].low != "by" and not lex.tags(t.core) and not (
                _before_style(tokens, i)):
            if t.core in lex.first_names or lex.titles.get(t.core):
                words.add(t.core)
    return words


def _before_style(tokens: tuple, i: int) -> bool:
    """A capitalised name that asks for a style ("Alphonse Mucha style"), like one after "by"."""
    j = i
    while j + 1 < len(tokens) and tokens[j + 1].capitalised:
        j += 1
    return j + 1 < len(tokens) and tokens[j + 1].low in ("style", "lighting", "aesthetic")


def audit_prompt(
    item: AuditPrompt, attributes: list[str] | None, lex: Lexicon, proxies: str, max_candidates: int,
    ages: tuple[str, ...] | None = None, context_check: bool = False, groups: list | None = None,
) -> dict:
    """One prompt's row of the audit (with `context_check`, through the device's context check, as the CLI
    sends it; accepted groups are appended to `groups`)."""
    row: dict = {"prompt": item.prompt, "family": item.family, "subject": item.subject}
    start = time.perf_counter()

    options = PrivacyOptions(attributes=tuple(attributes) if attributes is not None else None,
                             max_candidates=max_candidates, ages=ages, proxies=proxies, context_check=context_check,
                             lexicon=lex)  # fmt: skip
    try:
        group = protect(item.prompt, options)  # what the CLI sends: `obclip.device.outbound`
    except DetectionError as exc:
        row.update(accepted=False, reason=str(exc), ms=(time.perf_counter() - start) * 1e3)
        return row
    row["ms"] = (time.perf_counter() - start) * 1e3
    if groups is not None:
        groups.append(group)
    cands = list(group.order)
    row.update(accepted=True, n=group.n, cloud_prompt=group.cloud_prompt, candidates=sorted(cands),
               held_back=list(group.held_back), attributes=[f"{s.name}#{s.person}" for s in group.slots])  # fmt: skip
    failures = []
    templates = [parse(c, lex, proxies) for c in cands]
    for slot in group.slots:
        counts = Counter(
            t.persons[slot.person].states.get(slot.name) if slot.person < len(t.persons) else None for t in templates
        )
        if set(counts) != set(slot.space) or len(set(counts.values())) != 1:
            failures.append(f"uniform: {slot.name} of person {slot.person} reads back as {dict(counts)}")
    exempt = _non_person_words(item.prompt, lex)
    # a prompt labelled as naming no person has no one whose pronoun, name or proxy could leak: only its own labels
    generic = _sensitive_words(item.prompt, lex) if item.subject != "none" else set()
    words = {w for w in set(item.reveals) | generic if w.lower() not in exempt and w not in exempt}
    real = group.cloud_prompt
    kept = list(group.kept)  # the parser's own account (of the text it read, typos corrected)
    row["kept"] = [f"{text}: {why}" for text, why in kept]
    for w in sorted(words):
        # occurrences the parser kept as written, each with a reason the report shows ("Japanese food"), are
        # not residue; every other occurrence still must be varied or held back
        n_kept = sum(_count(w, text) for text, _ in kept)
        n_real = _count(w, real) - n_kept
        if n_real > 0 and all(_count(w, c) - n_kept >= n_real for c in cands):
            failures.append(f"residue: {w!r} reaches the cloud unvaried")
        elif n_kept and _count(w, item.prompt):
            row.setdefault("kept_labelled", []).append(w)
    for held in group.held_back:
        if any(_count(held, c) for c in cands):
            failures.append(f"residue: held-back {held!r} is in a candidate")
    row["failures"] = failures
    row["verbatim"] = group.n == 1 and _plain(real) == _plain(item.prompt)
    real_template = parse(real, lex, proxies)
    row["child_in_cloud"] = any(p.states.get("age") == "child" for p in real_template.persons)
    return row


def _plain(text: str) -> str:
    """Case, spacing, a/an and end punctuation made uniform: what a reader would call the same words."""
    text = re.sub(r"\ban\b", "a", " ".join(text.split()).lower().replace(" ,", ","))
    return text.rstrip(" .,;:!")


def fidelity(rows: list[dict]) -> dict:
    """What the transformation does to prompts it should leave alone or keep young, by the corpus's labels:
    prompts naming no person that reach the cloud changed (N > 1 or other words) or are refused, accepted
    prompts about a child whose cloud view still reads as a child, and the share sent verbatim."""
    none = [r for r in rows if r.get("subject") == "none"]
    child = [r for r in rows if r.get("subject") == "child" and r["accepted"]]
    people = [r for r in rows if r.get("subject") in ("person", "child")]
    accepted = [r for r in rows if r["accepted"]]
    return {
        "labelled": sum(bool(r.get("subject")) for r in rows),
        "no_person": len(none),
        "no_person_changed": [r["prompt"] for r in none if r["accepted"] and not r["verbatim"]],
        "no_person_refused": [r["prompt"] for r in none if not r["accepted"]],
        "child_accepted": len(child),
        "child_kept": sum(r["child_in_cloud"] for r in child),
        "child_lost": [r["prompt"] for r in child if not r["child_in_cloud"]],
        "people": len(people),
        "people_refused": sum(not r["accepted"] for r in people),
        "verbatim": round(sum(r["verbatim"] for r in accepted) / max(len(accepted), 1), 4),
    }


def run(
    prompts_path: str | Path,
    out: str | Path,
    attributes: list[str] | None = None,
    proxies: str = "drop",
    max_candidates: int = 64,
    lexicon: Lexicon | None = None,
    ages: tuple[str, ...] | None = None,
    context_check: bool = False,
) -> dict:
    """Audits every prompt of `prompts_path` and writes `audit.json` and `audit.md` into `out`. With
    `context_check`, every prompt goes through the device's context check (as `obclip candidates` sends it)
    and the report gives the check's attacker's accuracy on what is sent, against its prior."""
    lex = lexicon or default_lexicon()
    items = load_prompts(prompts_path)
    load_start = time.perf_counter()
    transform("a woman", lexicon=lex)  # the lexicon loads once; time it apart from the per-prompt figures
    load_ms = (time.perf_counter() - load_start) * 1e3
    groups: list = []
    rows = [audit_prompt(item, attributes, lex, proxies, max_candidates, ages, context_check, groups) for item in items]
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
        "ages": list(ages or DEFAULT_AGES),
        "fidelity": fidelity(rows),
        "context_check": context_check,
    }
    if context_check:
        from obclip.device.context import attacker_accuracy

        summary["context_attacker"] = attacker_accuracy(groups)
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
    lines += _fidelity_markdown(summary["fidelity"])
    if summary.get("context_attacker"):
        lines += ["## The device's context attacker on what is sent", "",
                  "Its best guess of each slot's value from the words all candidates share (`obclip.device.context`), "
                  "against the prior 1 / (number of values):", "",
                  "| attribute | slots | accuracy | 95% interval | prior | above the prior |", "|---|---|---|---|---|---|"]
        for name, a in summary["context_attacker"].items():
            lines.append(f"| {name} | {a['slots']} | {a['accuracy']:.3f} | {a['ci95'][0]:.3f}–{a['ci95'][1]:.3f} | "
                         f"{a['prior']:.3f} | {'yes' if a['above_prior'] else 'no'} |")
        lines.append("")
    judged = [r for r in rows if r.get("kept_labelled")]
    if judged:
        lines += ["## Labelled words kept as written, with the parser's reason", "",
                  "The corpus labels these words as revealing; the parser read them as about no person here. Each "
                  "is one judgement to review.", ""]
        lines += [f"- `{r['prompt']}`: {'; '.join(r['kept'])}" for r in judged] + [""]
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


def _fidelity_markdown(f: dict) -> list[str]:
    lines = ["## Fidelity", "", f"Sent verbatim (N = 1, the prompt's own words): {f['verbatim']:.1%} of accepted prompts.", ""]
    if not f["labelled"]:
        return lines + ["The corpus has no subject labels (4th column): the counts below need them.", ""]
    n = max(f["no_person"], 1)
    lines += [
        "| prompts naming no person | changed in the cloud view | refused | about a child, accepted | child kept "
        "| naming people | refused |",
        "|---|---|---|---|---|---|---|",
        f"| {f['no_person']} | {len(f['no_person_changed'])} ({len(f['no_person_changed']) / n:.2%}) | "
        f"{len(f['no_person_refused'])} | {f['child_accepted']} | {f['child_kept']} "
        f"({f['child_kept'] / max(f['child_accepted'], 1):.1%}) | {f['people']} | {f['people_refused']} "
        f"({f['people_refused'] / max(f['people'], 1):.1%}) |",
        "",
    ]
    for title, key in (("Changed, naming no person", "no_person_changed"), ("Refused, naming no person",
                       "no_person_refused"), ("About a child, no child in the cloud view", "child_lost")):  # fmt: skip
        if f[key]:
            lines += [f"### {title}", ""] + [f"- `{p}`" for p in f[key]] + [""]
    return lines
