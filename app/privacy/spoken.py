"""Numbers as speech recognition writes them ("four one one one", "double five", "4 1 1 1") turned into
digit strings, with a map back to the original text, so digit-based recognizers can find them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DIGIT_WORDS: dict[str, str] = {
    "zero": "0",
    "oh": "0",
    "o": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}
_REPEAT = {"double": 2, "triple": 3}
_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_GAP = re.compile(r"^[\s,()\-]*(?:dash\s*)?[\s,()\-]*$", re.IGNORECASE)
MIN_DIGITS = 5


@dataclass(frozen=True)
class Normalized:
    """Text with spoken digit runs rewritten as digits, and where each character came from."""

    text: str
    starts: list[int]  # original start offset of each character of `text`
    ends: list[int]  # original end offset of each character of `text`

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self.starts[start], self.ends[end - 1]


def _digits_of(tokens: list[re.Match[str]], i: int) -> tuple[str, int] | None:
    """Digits that token i (and a following one, for "double five") spell, and how many tokens it used."""
    word = tokens[i].group(0)
    low = word.lower()
    if word.isdigit():
        return word, 1
    if low in DIGIT_WORDS and low != "o":
        return DIGIT_WORDS[low], 1
    if low == "o" and i > 0 and _digits_of(tokens, i - 1) is not None:
        return "0", 1  # "five o five": only inside a run
    if low in _REPEAT and i + 1 < len(tokens):
        nxt = tokens[i + 1].group(0).lower()
        if nxt in DIGIT_WORDS:
            return DIGIT_WORDS[nxt] * _REPEAT[low], 2
    return None


def normalize(text: str) -> Normalized:
    """Rewrite runs of digit words and digit groups (at least MIN_DIGITS digits) as one digit string."""
    tokens = list(_TOKEN.finditer(text))
    runs: list[tuple[int, int, list[tuple[str, int, int]]]] = []  # (orig start, orig end, [(digits, s, e)])
    i = 0
    while i < len(tokens):
        got = _digits_of(tokens, i)
        if got is None:
            i += 1
            continue
        parts: list[tuple[str, int, int]] = []
        j = i
        while j < len(tokens):
            got = _digits_of(tokens, j)
            if got is None:
                break
            digits, used = got
            parts.append((digits, tokens[j].start(), tokens[j + used - 1].end()))
            j += used
            if j < len(tokens) and not _GAP.match(text[tokens[j - 1].end() : tokens[j].start()]):
                break
        has_word = any(not text[s:e].isdigit() for _, s, e in parts)
        total = sum(len(d) for d, _, _ in parts)
        spelled = has_word or (len(parts) > 1 and max(len(d) for d, _, _ in parts) <= 2)  # "4 1 1 1 ..."
        if total >= MIN_DIGITS and spelled:  # written numbers keep their shape for the recognizers
            runs.append((parts[0][1], parts[-1][2], parts))
        i = max(j, i + 1)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for run_start, run_end, parts in runs:
        for k in range(pos, run_start):
            out.append(text[k])
            starts.append(k)
            ends.append(k + 1)
        for digits, s, e in parts:
            for ch in digits:
                out.append(ch)
                starts.append(s)
                ends.append(e)
        pos = run_end
    for k in range(pos, len(text)):
        out.append(text[k])
        starts.append(k)
        ends.append(k + 1)
    return Normalized(text="".join(out), starts=starts, ends=ends)
