"""What the languages audited through the multilingual encoder share (Russian, Turkish).

A subclass names its own parts (lemmas, typed values, number words, focus data, `why` templates and how a
sentence reads as a question); everything else, caching by text included, is here once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from types import ModuleType

from audit.languages.base import Encoder, FocusCue, Language, Value, sentence_spans, without_codes_in_amounts

_INITIAL_END = re.compile(r"(?:^|\W)[A-ZА-ЯЁÇĞİÖŞÜ]\.$")  # a capital: "я." (Russian "I") ends a sentence


class EncodedLanguage(Language):
    """A language whose meaning comes from the shared multilingual encoder."""

    sentence_pattern: re.Pattern[str] = re.compile(r"[^.?!…]+(?:[.?!…]+[\"'»)\]]*|$)")
    # places are said mostly as common nouns in a case ending ("с потолка", "на площадке за восьмым домом",
    # "otoparktaki yerime"), which the value readers do not find: a place item is not gated on them
    ungated_kinds: frozenset[str] = frozenset({"name", "location"})
    # question and request words that name the value asked (`Language.asked_kinds`), searched in `fold_case`
    # text; each kind group counts once per sentence, because these languages name one value in several words
    # ("фамилию, имя и отчество", "adınız soyadınız")
    asked_patterns: tuple[tuple[frozenset[str], re.Pattern[str]], ...] = ()

    def __init__(self, *, lemmas: Callable[[str], list[str]], find_values: Callable[[str], list[Value]],
                 item_kinds: Callable[[str], set[str]], number_words: Callable[[str], str],
                 question: Callable[[str], float], focus: ModuleType, why: dict[str, str]) -> None:
        self._encoder: Encoder | None = None
        self._number_words = number_words
        self._focus = focus
        self._why = why
        # call-center speech repeats itself and the engine reads each sentence several times: cache by text
        self._tokens = lru_cache(maxsize=100_000)(lambda t: tuple(lemmas(t)))
        self._values = lru_cache(maxsize=100_000)(lambda t: tuple(without_codes_in_amounts(find_values(t))))
        self._kinds = lru_cache(maxsize=20_000)(lambda t: frozenset(item_kinds(t)))
        self._question = lru_cache(maxsize=100_000)(question)

    def encoder(self) -> Encoder:
        if self._encoder is None:
            from audit.encoders.multilingual import NormalizingEncoder, multilingual_encoder

            self._encoder = NormalizingEncoder(multilingual_encoder(), self._number_words)
        return self._encoder

    def example_banks(self) -> tuple:
        from audit.encoders.multilingual import no_example_banks

        return no_example_banks(self.encoder().dim)

    def sentences(self, text: str) -> list[tuple[int, int]]:
        # a single letter and a stop is an initial or part of an abbreviation ("T.C. kimlik", "Иванов И. П."),
        # not the end of a sentence
        out: list[tuple[int, int]] = []
        for s, e in sentence_spans(text, self.sentence_pattern):
            if out and _INITIAL_END.search(text[out[-1][0]:out[-1][1]]):
                out[-1] = (out[-1][0], e)
            else:
                out.append((s, e))
        return out

    def tokens(self, text: str) -> list[str]:
        return list(self._tokens(text))

    def is_question(self, sentence: str) -> float:
        return self._question(sentence)

    def values(self, text: str) -> list[Value]:
        return list(self._values(text))

    def value_kinds_for(self, item_text: str) -> set[str]:
        return set(self._kinds(item_text))

    def asked_kind_spans(self, question: str) -> list[tuple[frozenset[str], int | None]]:
        folded = self.fold_case(question)
        return [(kinds, m.start()) for kinds, pat in self.asked_patterns if (m := pat.search(folded))]

    def focus_cues(self) -> list[FocusCue]:
        return list(self._focus.FOCUS_CUES)

    def focus_patterns(self) -> dict[str, list[str]]:
        return {k: list(v) for k, v in self._focus.FOCUS_PATTERNS.items()}

    def why(self, key: str, **fields: str) -> str:
        return self._why[key].format(**fields)
