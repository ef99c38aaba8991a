"""Turkish: simplemma lemmas, Turkish number words and suffixes, and the shared multilingual encoder."""

from __future__ import annotations

import re
from functools import lru_cache

from audit.languages.base import Encoder, FocusCue, Language, Value
from audit.languages.tr.morph import content_lemmas, lower
from audit.languages.tr.values import digits_for_number_words, find_values, item_kinds
from audit.languages.tr.why import WHY

_SENT = re.compile(r"[^.?!…]+(?:[.?!…]+[\"'»)\]]*|$)")
# The question particle, alone or with person endings: mı, misiniz, musun, müyüm, mıdır...
_PARTICLE = re.compile(r"\bm[ıiuü](?:s[ıiuü]n[ıiuü]z|s[ıiuü]n|y[ıiuü]m|y[ıiuü]z|d[ıiuü]r)?\b")
_WH = re.compile(
    r"\b(?:ne|neyi|neye|nedir|neler|nerede|nereye|nereden|neresi|ne zaman|hangi|hangisi|kaç|kim|"
    r"kimin|kiminle|nasıl|neden|niçin|niye)\b"
)
_REQUEST = re.compile(
    r"\b(?:söyleyin|söyler misiniz|verin|verir misiniz|belirtin|iletin|alayım|alabilir miyim|"
    r"öğrenebilir miyim|"
    r"rica ediyorum|rica edeceğim|rica edebilir miyim|tekrar eder misiniz|okur musunuz|okuyabilir misiniz|"
    r"paylaşır mısınız|paylaşabilir misiniz|anlatır mısınız|anlatın|teyit eder misiniz|"
    r"\w+(?:ınızı|inizi|unuzu|ünüzü|nızı|nizi|nuzu|nüzü) (?:alayım|alabilir|öğren|rica))\b"
)


class Turkish(Language):
    code = "tr"
    name = "Turkish"

    def __init__(self) -> None:
        self._encoder: Encoder | None = None

    def encoder(self) -> Encoder:
        if self._encoder is None:
            from audit.encoders.multilingual import NormalizingEncoder, multilingual_encoder

            self._encoder = NormalizingEncoder(multilingual_encoder(), digits_for_number_words)
        return self._encoder

    def example_banks(self) -> tuple:
        from audit.encoders.multilingual import no_example_banks

        return no_example_banks(self.encoder().dim)

    def sentences(self, text: str) -> list[tuple[int, int]]:
        spans = []
        for m in _SENT.finditer(text):
            s, e = m.start(), m.end()
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s and any(ch.isalnum() for ch in text[s:e]):
                spans.append((s, e))
        return spans or [(0, len(text))]

    def tokens(self, text: str) -> list[str]:
        return list(_tokens(text))

    def is_question(self, sentence: str) -> float:
        return _is_question(sentence)

    def values(self, text: str) -> list[Value]:
        return list(_values(text))

    def value_kinds_for(self, item_text: str) -> set[str]:
        return set(_kinds(item_text))


    def focus_cues(self) -> list[FocusCue]:
        from audit.languages.tr.focus import FOCUS_CUES

        return list(FOCUS_CUES)

    def focus_patterns(self) -> dict[str, list[str]]:
        from audit.languages.tr.focus import FOCUS_PATTERNS

        return {k: list(v) for k, v in FOCUS_PATTERNS.items()}

    def why(self, key: str, **fields: str) -> str:
        return WHY[key].format(**fields)


# Call-center speech repeats itself and the engine reads each sentence several times: cache by text.
@lru_cache(maxsize=100_000)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(content_lemmas(text))


@lru_cache(maxsize=100_000)
def _values(text: str) -> tuple[Value, ...]:
    return tuple(find_values(text))


@lru_cache(maxsize=20_000)
def _kinds(text: str) -> frozenset[str]:
    return frozenset(item_kinds(text))


@lru_cache(maxsize=100_000)
def _is_question(sentence: str) -> float:
    s = lower(sentence.strip())
    if s.endswith("?"):
        return 1.0
    if _REQUEST.search(s):
        return 0.8
    if _PARTICLE.search(s) or _WH.search(s):
        return 0.6
    return 0.0
