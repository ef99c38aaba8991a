"""From per-sentence candidates to per-utterance findings: one per kind, exclusive kinds reconciled."""

from __future__ import annotations

from collections.abc import Iterable

from audit.focus.base import Candidate


def resolve(candidates: Iterable[Candidate], exclusive: frozenset[frozenset[str]]) -> list[Candidate]:
    """Keep each utterance's strongest candidate per kind; of two exclusive kinds keep the one further
    above its threshold. Returned in utterance order, strongest first within an utterance."""
    best: dict[tuple[int, str], Candidate] = {}
    for cand in candidates:
        key = (cand.utterance, cand.kind)
        if key not in best or cand.score > best[key].score:
            best[key] = cand
    by_utterance: dict[int, list[Candidate]] = {}
    for cand in best.values():
        by_utterance.setdefault(cand.utterance, []).append(cand)
    kept: list[Candidate] = []
    for utterance in sorted(by_utterance):
        ranked = sorted(by_utterance[utterance], key=lambda c: c.score - c.threshold, reverse=True)
        accepted: list[Candidate] = []
        for cand in ranked:
            if all(frozenset({cand.kind, other.kind}) not in exclusive for other in accepted):
                accepted.append(cand)
        kept.extend(accepted)
    return kept
