"""Word error rate on normalised text (lower case, no punctuation, "2,000" == "2000")."""

from __future__ import annotations

import re


def words(text: str) -> list[str]:
    text = re.sub(r"(?<=\d),(?=\d)", "", text.lower())
    return re.findall(r"[\w']+", text)


def wer(reference: str, hypothesis: str) -> float:
    """Levenshtein distance over words divided by the reference's length."""
    ref, hyp = words(reference), words(hypothesis)
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1] / max(len(ref), 1)
