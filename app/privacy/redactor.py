"""Redaction of personal data to typed placeholders: [CARD], [SSN], [PHONE], [EMAIL], [DOB], [ACCOUNT], ...

Presidio's pattern recognizers (Luhn-checked cards, US SSNs, IBANs, e-mail) and its phonenumbers-based phone
recognizer do the detection they are good at, with no NLP model; `app.privacy.rules` adds what they lack.
Both run on text whose spoken digits were rewritten as digits, and spans are mapped back to the original.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from app.privacy.rules import RULES
from app.privacy.spoken import normalize

# label -> precedence when spans overlap (lower wins); KEEP blocks a span without redacting it
PRIORITY = ("CARD", "SSN", "IBAN", "EMAIL", "DOB", "ACCOUNT", "PHONE", "ADDRESS", "KEEP", "NUMBER")
_PRESIDIO_LABELS = {
    "CREDIT_CARD": "CARD",
    "US_SSN": "SSN",
    "IBAN_CODE": "IBAN",
    "EMAIL_ADDRESS": "EMAIL",
    "PHONE_NUMBER": "PHONE",
    "DATE_TIME": "KEEP",
}
MIN_SCORE = 0.3
TEXT_KEYS = frozenset({"text", "why", "translation"})


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str


def _email_recognizer():  # noqa: ANN202
    """Presidio's e-mail pattern without its domain check, which would download the public-suffix list."""
    from presidio_analyzer import Pattern, PatternRecognizer
    from presidio_analyzer.predefined_recognizers import EmailRecognizer

    patterns = [Pattern(p.name, p.regex, 0.6) for p in EmailRecognizer.PATTERNS]
    return PatternRecognizer(supported_entity="EMAIL_ADDRESS", patterns=patterns, name="EmailPattern")


class Redactor:
    """Finds and replaces personal data; one instance is shared (recognizers are built once)."""

    def __init__(self) -> None:
        from presidio_analyzer.predefined_recognizers import (
            CreditCardRecognizer,
            DateRecognizer,
            IbanRecognizer,
            PhoneRecognizer,
            UsSsnRecognizer,
        )

        self._recognizers = [
            CreditCardRecognizer(),
            UsSsnRecognizer(),
            IbanRecognizer(),
            PhoneRecognizer(),
            DateRecognizer(),
            _email_recognizer(),
        ]
        self._lock = threading.Lock()

    def find(self, text: str) -> list[Span]:
        """Non-overlapping personal-data spans of `text`, in order."""
        norm = normalize(text)
        found: list[Span] = []
        with self._lock:  # presidio recognizers keep per-call state in places
            for rec in self._recognizers:
                for r in rec.analyze(norm.text, rec.supported_entities, None):
                    label = _PRESIDIO_LABELS.get(r.entity_type)
                    if label and r.score >= MIN_SCORE:
                        found.append(Span(*norm.original_span(r.start, r.end), label))
        for rule in RULES:
            for m in rule.pattern.finditer(norm.text):
                s, e = m.span(rule.group)
                if e > s:
                    found.append(Span(*norm.original_span(s, e), rule.label))
        found.sort(key=lambda sp: (PRIORITY.index(sp.label), -(sp.end - sp.start), sp.start))
        chosen: list[Span] = []
        for sp in found:
            if all(sp.end <= c.start or sp.start >= c.end for c in chosen):
                chosen.append(sp)
        return sorted((c for c in chosen if c.label != "KEEP"), key=lambda sp: sp.start)

    def redact(self, text: str, context: str = "") -> str:
        """`text` with each personal-data span replaced by its placeholder.

        `context` is what was said just before (the agent's question): a bare long number in the answer to
        "what is your card number?" is a [CARD], not just a [NUMBER].
        """
        if (
            not text
            or not any(ch.isdigit() for ch in text)
            and "@" not in text
            and " at " not in text
            and not _has_digit_word(text)
        ):
            return text
        out = []
        pos = 0
        for sp in self.find(text):
            if sp.label == "NUMBER" and context:
                sp = Span(sp.start, sp.end, _label_from_context(context))
            out.append(text[pos : sp.start])
            out.append(f"[{sp.label}]")
            pos = sp.end
        out.append(text[pos:])
        return "".join(out)

    def redact_tree(self, data: Any) -> Any:
        """A copy of JSON-like data with every `text`, `why` and `translation` string redacted."""
        if isinstance(data, dict):
            return {
                k: (self.redact(v) if k in TEXT_KEYS and isinstance(v, str) else self.redact_tree(v))
                for k, v in data.items()
            }
        if isinstance(data, list):
            if data and all(isinstance(v, dict) and "speaker" in v and "text" in v for v in data):
                return self._redact_turns(data)
            return [self.redact_tree(v) for v in data]
        return data

    def _redact_turns(self, turns: list[dict]) -> list[dict]:
        """Utterances in order: each is redacted with the one before it as context."""
        out = []
        previous = ""
        for turn in turns:
            red = self.redact_tree({k: v for k, v in turn.items() if k != "text"})
            text = turn["text"]
            red["text"] = self.redact(text, context=previous) if isinstance(text, str) else text
            out.append({k: red[k] for k in turn})
            previous = text if isinstance(text, str) else ""
        return out


_CONTEXT_LABELS = (
    (re.compile(r"\b(card|visa|mastercard|amex|credit|debit)\b", re.IGNORECASE), "CARD"),
    (re.compile(r"\b(social security|ssn|social)\b", re.IGNORECASE), "SSN"),
    (re.compile(r"\b(account|acct|policy|member(ship)?|routing)\b", re.IGNORECASE), "ACCOUNT"),
    (re.compile(r"\b(phone|callback|call back|cell|mobile|reach you)\b", re.IGNORECASE), "PHONE"),
)


def _label_from_context(context: str) -> str:
    """The placeholder a bare number gets from the question it answers."""
    for pattern, label in _CONTEXT_LABELS:
        if pattern.search(context):
            return label
    return "NUMBER"


_WORDS = (
    "zero",
    "oh",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "double",
    "born",
    "birth",
    "street",
    "avenue",
    "road",
)


def _has_digit_word(text: str) -> bool:
    low = text.lower()
    return any(w in low for w in _WORDS)


@lru_cache(maxsize=1)
def get_redactor() -> Redactor:
    """The shared redactor (built on first use: building the recognizers takes a moment)."""
    return Redactor()
