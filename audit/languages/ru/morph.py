"""Russian words: tokenisation and lemmas (pymorphy3 with its Russian dictionary).

Russian inflects nouns, adjectives, names and numbers ("номер полиса", "номера полиса"; "Натальи",
"Наталья"), so every word-level rule reads lemmas. Parses are cached per word form: call-centre speech
reuses a small vocabulary, so the cache makes lemmatisation nearly free after the first calls.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

WORD = re.compile(r"[а-яёa-z0-9]+(?:-[а-яёa-z]+)*", re.I)

_morph = None
_lock = threading.Lock()

# Function words and call-centre filler that carry no item meaning.
STOP = frozenset(
    w.replace("ё", "е")
    for w in """а без более бы был была были было быть в вам вас ваш ваша ваше вашей вашего вашу ваши вы
    во вот всё все да для до его ее её если есть ещё же за здесь и из или им их к как ко когда кто ли либо
    меня мне мной мы на над не нет ни но ну о об один от по под пожалуйста при про раз с сам со так также
    там то тоже только том ты у уж уже хорошо чего чем что чтобы эта эти это этот я угу ага алло ой эм
    так-так давайте скажите подскажите можно нужно надо могу можете хотел хотела хочу будет буду
    сейчас понятно ладно окей спасибо здравствуйте""".split()
)


def morph():
    """The process-wide pymorphy3 analyser (loads its dictionary once, ~0.1 s)."""
    global _morph
    with _lock:
        if _morph is None:
            import pymorphy3

            _morph = pymorphy3.MorphAnalyzer()
        return _morph


def yo(text: str) -> str:
    """Spell ё as е, as most transcripts and many writers do."""
    return text.replace("ё", "е").replace("Ё", "Е")


@lru_cache(maxsize=200_000)
def parses(word: str) -> tuple[tuple[str, frozenset[str], float], ...]:
    """(lemma, grammemes, score) for each reading of a lower-cased word form."""
    out = []
    for p in morph().parse(word):
        out.append((yo(p.normal_form), frozenset(str(g) for g in p.tag.grammemes), float(p.score)))
    return tuple(out)


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The most likely lemma of a word form."""
    w = yo(word.lower())
    if not re.search(r"[а-я]", w):
        return w
    ps = parses(w)
    return ps[0][0] if ps else w


def words(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) for each word of a text."""
    return [(m.group(0), m.start(), m.end()) for m in WORD.finditer(text)]


def content_lemmas(text: str) -> list[str]:
    """Lemmas of the content words of a text, lower-cased, without stop words."""
    out = []
    for w, _, _ in words(text):
        lw = yo(w.lower())
        if lw in STOP:
            continue
        lem = lemma(lw)
        if lem not in STOP:
            out.append(lem)
    return out
