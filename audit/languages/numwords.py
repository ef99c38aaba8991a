"""Spoken numbers as speech recognition writes them, combined from number words a language reads for us.

The grammar of number words is the same in Russian and Turkish (and most languages): units, teens, tens,
hundreds, and multipliers (hundred, thousand). What differs is the lexicon, which each language supplies
as `NumWord`s. Runs of numbers said digit by digit or in chunks ("пять-один-три-восемь", "sıfır beş yüz
otuz iki, yüz yirmi üç") are split into groups wherever a word could not continue the number before it,
and their digits concatenated, which is how people read out phone, card and policy numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from audit.languages.base import Value


@dataclass(frozen=True)
class NumWord:
    """One number word: its value and its place in the grammar."""

    value: int
    # unit (0-9) | teen (10-19) | ten (20-90) | hundred (100-900 as one word) | mul (100, 1000, 10**6)
    kind: str
    ordinal: bool = False


@dataclass(frozen=True)
class NumGroup:
    """One number within a run: "двенадцатое" -> 12 (ordinal), "девятьсот шестнадцать" -> 916."""

    value: int
    start: int
    end: int
    ordinal: bool
    words: int


@dataclass(frozen=True)
class NumRun:
    """Adjacent number groups, read together ("пять один три восемь" -> digits "5138")."""

    groups: tuple[NumGroup, ...]

    @property
    def start(self) -> int:
        return self.groups[0].start

    @property
    def end(self) -> int:
        return self.groups[-1].end

    @property
    def digits(self) -> str:
        return "".join(str(g.value) for g in self.groups)

    @property
    def reads_as_code(self) -> bool:
        """Four digits or more read in chunks: a code, PIN or account number is never read with "thousand"
        ("iki bin on dokuz", "две тысячи второй" are a year or an amount)."""
        return len(self.digits) >= 4 and all(g.value < 1000 for g in self.groups)


_LEN = {"unit": 1, "teen": 2, "ten": 2, "hundred": 3}


class _Group:
    def __init__(self) -> None:
        self.high = 0  # thousands and above, already multiplied
        self.cur = 0  # below the last multiplier
        self.last = 99  # digit length of the last additive word (99: nothing yet)
        self.words = 0
        self.start = -1
        self.end = -1
        self.ordinal = False
        self.zero = False

    def accepts(self, w: NumWord) -> bool:
        if self.words == 0:
            return True
        if self.ordinal or self.zero:
            return False
        if w.kind == "mul":
            if w.value == 100:  # Turkish "yüz": multiplies a unit directly before it, or stands alone
                return (self.last == 1 and self.cur < 10) or self.last > 3
            return self.high == 0 or self.high >= w.value * 1000
        if w.value == 0:
            return False
        n = _LEN[w.kind]
        return n < self.last and self.cur % (10**n) == 0

    def add(self, w: NumWord, start: int, end: int) -> None:
        if self.words == 0:
            self.start = start
        self.end = end
        self.words += 1
        self.ordinal = w.ordinal
        if w.kind == "mul":
            if w.value == 100:
                self.cur = (self.cur or 1) * 100
                self.last = 3
            else:
                self.high += (self.cur or 1) * w.value
                self.cur = 0
                self.last = len(str(w.value)) + 1
            return
        if w.value == 0:
            self.zero = True
        self.cur += w.value
        self.last = _LEN[w.kind]

    def done(self) -> NumGroup:
        return NumGroup(self.high + self.cur, self.start, self.end, self.ordinal, self.words)


def number_runs(
    words: list[tuple[str, int, int]], lookup: Callable[[str], NumWord | None], joiners: str
) -> list[NumRun]:
    """Runs of number words among `words` ((word, start, end) in text order).

    `joiners` is the text between two words: a run continues only across spaces, hyphens and commas, so
    "пять, один" is one run but "пять. Один" two; a comma always starts a new group within the run.
    """
    runs: list[NumRun] = []
    groups: list[NumGroup] = []
    g: _Group | None = None
    prev_end = -1
    for word, start, end in words:
        w = lookup(word)
        gap_ok = prev_end >= 0 and all(ch in " \t,-–—" for ch in joiners[prev_end:start])
        if w is None or not gap_ok:
            if g is not None:
                groups.append(g.done())
            if groups:
                runs.append(NumRun(tuple(groups)))
            groups, g = [], None
        if w is None:
            prev_end = -1
            continue
        # a comma ends a group: dictated numbers are read in chunks ("восемь девятьсот пятьдесят, сто, двадцать")
        if g is not None and (not g.accepts(w) or "," in joiners[prev_end:start]):
            groups.append(g.done())
            g = None
        if g is None:
            g = _Group()
        g.add(w, start, end)
        prev_end = end
    if g is not None:
        groups.append(g.done())
    if groups:
        runs.append(NumRun(tuple(groups)))
    return runs


def _pieces(text: str, runs: list[NumRun]) -> list[tuple[str, int, int, bool]]:
    """The text cut at its runs of spoken numbers: (piece as written or as digits, start, end, is a run)."""
    out, pos = [], 0
    for run in runs:
        out.append((text[pos : run.start], pos, run.start, False))
        out.append((run.digits, run.start, run.end, True))
        pos = run.end
    out.append((text[pos:], pos, len(text), False))
    return out


def with_digits(text: str, runs: list[NumRun]) -> str:
    """The text with each run of spoken numbers written as its digits ("пять-один-три" -> "513"), so that a
    spoken phone number embeds like a written one."""
    return "".join(piece for piece, _, _, _ in _pieces(text, runs))


def digit_pattern_values(kind: str, text: str, runs: list[NumRun], pattern: re.Pattern[str]) -> list[Value]:
    """Values of a pattern written for digits ("е 741 км 76"), matched on the text with its spoken numbers
    written as digits (`with_digits`), so that it finds them read aloud too ("е семьсот сорок один км семьдесят
    шесть"); each quotes what was said, and is normalised without separators ("е741км76")."""
    pieces = _pieces(text, runs)
    starts: list[int] = []  # for each character of the digit view, where its source starts and ends in `text`
    ends: list[int] = []
    for piece, a, b, is_run in pieces:
        starts += [a] * len(piece) if is_run else range(a, b)
        ends += [b] * len(piece) if is_run else range(a + 1, b + 1)
    out = []
    for m in pattern.finditer("".join(piece for piece, _, _, _ in pieces)):
        start, end = starts[m.start()], ends[m.end() - 1]
        out.append(Value(kind, text[start:end], start, end, re.sub(r"[\s,]", "", m.group(0)).lower()))
    return out
