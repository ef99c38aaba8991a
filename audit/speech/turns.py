"""Speaker-labelled words in, turns in spoken order out.

Words from both speakers are put on one timeline by their start times and cut into turns wherever the
speaker changes. That is what splits a channel's segment spanning the other speaker's turn: voice-activity
merging otherwise glues a caller's two answers into one utterance across the agent's question, and the
question's evidence would point at the wrong words. A long pause inside one speaker's speech also ends a turn.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from audit.speech.asr import Segment, Word
from audit.transcript import Speaker

DEFAULT_MAX_PAUSE = 2.0  # seconds of one speaker's silence (with no one else speaking) that end a turn


@dataclass
class Turn:
    speaker: Speaker
    words: list[Word]  # in time order
    translation: str | None = None  # English, when asked for
    pieces: list[str] = field(default_factory=list)  # translations of parts, joined into `translation`

    @property
    def start(self) -> float:
        return self.words[0].start

    @property
    def end(self) -> float:
        return max(w.end for w in self.words)

    @property
    def text(self) -> str:
        return "".join(w.text for w in self.words).strip()


def segment_words(segment: Segment) -> tuple[Word, ...]:
    """A segment's words; one word covering the whole segment when the backend gave no word timings."""
    if segment.words:
        return segment.words
    return (Word(segment.start, segment.end, " " + segment.text, 1.0),)


def _mid(word: Word) -> float:
    return (word.start + word.end) / 2


def _pieces(words: tuple[Word, ...], others: list[float]) -> list[list[Word]]:
    """Split one segment's words wherever another speaker's word (by its midpoint) falls between two of them.

    Midpoints, not edges: Whisper stretches a word's end into the following pause, so edges of words on
    two channels often overlap by a few hundred milliseconds where nobody interrupted anybody.
    """
    pieces = [[words[0]]]
    for prev, word in zip(words, words[1:], strict=False):
        lo, hi = _mid(prev), _mid(word)
        i = bisect.bisect_right(others, lo)
        if i < len(others) and others[i] < hi:
            pieces.append([])
        pieces[-1].append(word)
    return pieces


def build_turns(channels: list[tuple[Speaker, list[Segment]]], *, max_pause: float = DEFAULT_MAX_PAUSE) -> list[Turn]:
    """Merge speakers' segments into turns in spoken order.

    Each segment is split where another speaker talks inside it; the pieces are ordered by their start,
    and consecutive pieces of one speaker form one turn unless a pause longer than `max_pause` parts them.
    """
    pieces: list[tuple[Speaker, list[Word]]] = []
    for k, (speaker, segments) in enumerate(channels):
        others = sorted(
            _mid(w) for j, (_, segs) in enumerate(channels) if j != k for s in segs for w in segment_words(s)
        )
        for segment in segments:
            pieces.extend((speaker, piece) for piece in _pieces(segment_words(segment), others))
    pieces.sort(key=lambda p: (p[1][0].start, p[1][-1].end))
    turns: list[Turn] = []
    for speaker, words in pieces:
        last = turns[-1] if turns else None
        if last is not None and last.speaker == speaker and words[0].start - last.end <= max_pause:
            last.words.extend(words)
        else:
            turns.append(Turn(speaker, list(words)))
    return turns


def join_seams(turns: list[Turn], *, max_pause: float = DEFAULT_MAX_PAUSE) -> list[Turn]:
    """Join consecutive turns of one speaker that a window boundary split."""
    out: list[Turn] = []
    for turn in turns:
        last = out[-1] if out else None
        if last is not None and last.speaker == turn.speaker and turn.start - last.end <= max_pause:
            last.words.extend(turn.words)
            last.pieces.extend(turn.pieces)
        else:
            out.append(turn)
    return out
