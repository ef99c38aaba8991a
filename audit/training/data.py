"""Training examples from a bench set with per-utterance annotations (sgd-train's `annotations.jsonl`).

The labels come from the dataset's own annotations: the items each agent utterance requests, the items each
customer utterance informs, and the customer's active intent.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from audit.checklist import Checklist, load_checklist
from audit.transcript import Transcript


@dataclass
class Example:
    transcript: Transcript
    checklist: Checklist
    requests: dict[int, list[str]]  # agent utterance -> items asked
    informs: dict[int, list[str]]  # customer utterance -> items given
    intents: dict[int, str]  # customer utterance -> active intent
    inform_words: dict[int, dict[str, list[str]]] = field(default_factory=dict)  # utterance -> item -> words
    weight: float = 1.0  # how much the example counts in fitting (hand-written calls count more than SGD's)

    @property
    def language(self) -> str:
        return self.transcript.language or self.checklist.language

    def sentences_giving(self, utterance: int, item: str, sentences: list[str]) -> list[int]:
        """Which of an utterance's sentences hold the annotated words that give the item.

        Words that run over two sentences mark each sentence they contain. Empty when the words were never
        written or do not appear (an SGD value normalised away from its wording): the caller decides then.
        """
        words = [w.lower() for w in self.inform_words.get(utterance, {}).get(item, []) if w.strip()]
        hits = [k for k, s in enumerate(sentences) if any(w in s.lower() for w in words)]
        return hits or [k for k, s in enumerate(sentences) if s.strip() and any(s.lower() in w for w in words)]


def load_set(set_dir: Path, limit: int | None = None, weight: float = 1.0, offset: int = 0) -> list[Example]:
    """A set's calls with their annotations; `limit` spreads the calls taken over every service, and `offset`
    shifts that spread so that a second model is fitted on calls the first never saw."""
    ann: dict[str, list[dict]] = defaultdict(list)
    with open(set_dir / "annotations.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            ann[row["call_id"]].append(row)
    checklists = {p.stem: load_checklist(p) for p in sorted((set_dir / "checklists").glob("*.yaml"))}
    out = []
    paths = sorted((set_dir / "calls").glob("*.json"))
    if limit and limit < len(paths):
        paths = paths[offset :: max(1, len(paths) // limit)][:limit]  # spread over every service
    for path in paths:
        t = Transcript.model_validate_json(path.read_text(encoding="utf-8"))
        c = checklists[t.checklist]
        items = {it.id for it in c.items}
        req, inf, intent, words = {}, {}, {}, {}
        for row in ann.get(t.call_id, []):
            if "utterance" not in row:  # a call-level row (what the metadata holds)
                continue
            u = row["utterance"]
            if "requests" in row:
                req[u] = [r for r in row["requests"] if r in items]
            if "informs" in row:
                inf[u] = [s for s in row["informs"] if s in items]
                words[u] = {s: [str(w) for w in row["informs"][s]] for s in inf[u]}
                intent[u] = row.get("intent", "NONE")
        out.append(Example(t, c, req, inf, intent, words, weight))
    return out
