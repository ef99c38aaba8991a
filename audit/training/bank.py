"""Build the example banks shipped in `audit/models/` from an annotated bench set.

    python -m audit.training.bank ../shared/bench/sgd-train

Texts are stored with their values masked ("leaving on date"), as they are queried.
Agent sentences are labelled with the descriptions of the items they request; customer sentences with the
descriptions of the items whose information they give. Exact duplicates are dropped and each bank is
capped (spread evenly over services) to keep lookups fast.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path

from audit.languages import get_language
from audit.matching.bank import BANK_DIR
from audit.training.data import load_set


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set_dir", type=Path)
    ap.add_argument("--extra", type=Path, action="append", default=[], help="another annotated English set")
    ap.add_argument("--out", type=Path, default=BANK_DIR)
    ap.add_argument("--max-asks", type=int, default=12000)
    ap.add_argument("--max-others", type=int, default=8000)
    args = ap.parse_args(argv)
    lang = get_language("en")
    examples = [ex for d in (args.set_dir, *args.extra) for ex in load_set(d) if ex.language == "en"]
    hand_written = {ex.checklist.id for d in args.extra for ex in load_set(d)}
    agent: dict[str, dict] = {}
    cust: dict[str, dict] = {}
    for ex in examples:
        desc = {it.id: it.description or it.question for it in ex.checklist.items}
        svc = ex.checklist.id
        for u, utt in enumerate(ex.transcript.utterances):
            if utt.speaker == "agent":
                req = ex.requests.get(u, [])
                spans = lang.sentences(utt.text)
                sents = [utt.text[s:e] for s, e in spans]
                # each requested item goes to the sentence that names it best (by word overlap with its texts)
                labels: dict[int, list[str]] = {}
                for it in req:
                    words = set(lang.tokens(desc[it] + " " + ex.checklist.item(it).question))
                    best = max(range(len(sents)), key=lambda k: (len(set(lang.tokens(sents[k])) & words),
                                                                lang.is_question(sents[k])))
                    labels.setdefault(best, []).append(desc[it])
                for k, s in enumerate(sents):
                    m = lang.masked(s)
                    agent.setdefault(m, {"t": m, "d": sorted(set(labels.get(k, []))), "s": svc})
            else:
                # each given item goes to the sentence holding the words that give it (or naming it best)
                spans = lang.sentences(utt.text)
                sents = [utt.text[s:e] for s, e in spans]
                labels = {}
                for it in ex.informs.get(u, []):
                    hits = ex.sentences_giving(u, it, sents)
                    if not hits:
                        names = set(lang.tokens(desc[it] + " " + ex.checklist.item(it).question))
                        hits = [max(range(len(sents)), key=lambda k: len(set(lang.tokens(sents[k])) & names))]
                    for k in hits:
                        labels.setdefault(k, []).append(desc[it])
                for k, s in enumerate(sents):
                    m = lang.masked(s)
                    cust.setdefault(m, {"t": m, "d": sorted(set(labels.get(k, []))), "s": svc})
    rnd = random.Random(7)

    def cap(rows: list[dict], n: int) -> list[dict]:
        """At most n rows; every hand-written one is kept (they are few and closest to real calls)."""
        kept = [r for r in rows if r["s"] in hand_written]
        rest = [r for r in rows if r["s"] not in hand_written]
        rnd.shuffle(rest)
        return kept + rest[: max(n - len(kept), 0)]

    asks = cap([r for r in agent.values() if r["d"]], args.max_asks)
    others = cap([r for r in agent.values() if not r["d"]], args.max_others)
    gives = cap([r for r in cust.values() if r["d"]], args.max_asks)
    silent = cap([r for r in cust.values() if not r["d"]], args.max_others)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, rows in (("ask_bank", asks + others), ("info_bank", gives + silent)):
        path = args.out / f"{name}.jsonl.gz"
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{path}: {len(rows)} entries", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
