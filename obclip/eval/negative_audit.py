"""``obclip audit --negatives``: every negative prompt of a file through the device/cloud split, checked.

For each negative prompt: the tags the cloud gets and those the device keeps (`split_negative`), and a
residue check independent of the split's own lexicon test: no word the file labels as revealing (column
2 of a .tsv) and no gendered pronoun, title, first name or proxy word (the prompt audit's own list) may
occur in what is sent. The split reads the negative prompt alone, so what is sent cannot depend on the
prompt or on which candidate is real; nothing else needs checking for the server's view.
"""

from __future__ import annotations

from pathlib import Path

from obclip.eval.audit import _count, _sensitive_words, load_prompts
from obclip.prompts import Lexicon, default_lexicon
from obclip.prompts.negative import split_negative

NEGATIVES = Path(__file__).parent / "corpora" / "negatives.tsv"


def audit_negatives(path: str | Path = NEGATIVES, lexicon: Lexicon | None = None) -> dict:
    """Rows (negative, sent, held, failures) and a summary (negatives, sent_whole, fully_held, failing)."""
    lex = lexicon or default_lexicon()
    rows = []
    for item in load_prompts(path):
        split = split_negative(item.prompt, lex)
        leaked = [w for w in item.reveals if _count(w, split.cloud)]
        leaked += sorted(w for w in _sensitive_words(split.cloud, lex) if w not in leaked)
        rows.append({"negative": item.prompt, "sent": split.cloud, "held": list(split.held), "failures": leaked})
    summary = {
        "negatives": len(rows),
        "sent_whole": sum(not r["held"] for r in rows),
        "fully_held": sum(not r["sent"] for r in rows),
        "failing": sum(bool(r["failures"]) for r in rows),
    }
    return {"summary": summary, "rows": rows}
