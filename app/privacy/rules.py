"""Rules Presidio's recognizers lack: context-tied digit strings (spoken card, SSN and account numbers),
spelled-out email addresses, dates of birth and street addresses.

Each rule is a compiled pattern plus the placeholder it produces; they run on text whose spoken digits
have already been rewritten as digits (see `app.privacy.spoken`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    label: str  # placeholder name, e.g. "CARD" -> [CARD]
    pattern: re.Pattern[str]
    group: int = 0  # the group that is personal data (the rest is context)


_I = re.IGNORECASE
_DIGITS = r"(\d[\d\s\-]{%d,%d}\d)"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY_WORD = (
    r"(?:\d{1,2}(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
    r"twentieth|twenty[\s-]\w+|thirtieth|thirty[\s-]first)"
)
_YEAR = r"(?:\d{4}|nineteen[\s-]\w+(?:[\s-]\w+)?|two thousand(?:[\s-]and)?(?:[\s-]\w+)?)"
_DATE = (
    rf"(?:{_MONTH}\s+{_DAY_WORD}(?:,)?(?:\s+{_YEAR})?|(?:the\s+)?{_DAY_WORD}\s+(?:of\s+)?{_MONTH}"
    rf"(?:,)?(?:\s+{_YEAR})?|\d{{1,2}}[/.\-]\d{{1,2}}[/.\-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}})"
)
_STREET = (
    r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|"
    r"circle|parkway|pkwy|highway|hwy)"
)

RULES: tuple[Rule, ...] = (
    Rule(
        "CARD",
        re.compile(r"\b(?:card|visa|mastercard|amex|credit|debit)\b[^.?!\d]{0,40}" + _DIGITS % (11, 21), _I),
        1,
    ),
    Rule(
        "SSN",
        re.compile(r"\b(?:social security|ssn|social)\b[^.?!\d]{0,40}(\d{3}[\s\-]?\d{2}[\s\-]?\d{4})\b", _I),
        1,
    ),
    Rule(
        "ACCOUNT",
        re.compile(
            r"\b(?:account|acct|policy|member(?:ship)?|routing|customer id|customer number)\b[^.?!\d]{0,30}"
            + _DIGITS % (4, 30),
            _I,
        ),
        1,
    ),
    Rule(
        "PHONE",
        re.compile(
            r"\b(?:phone|cell|mobile|call(?:back| back| me)?|reach me|contact number|telephone)\b"
            r"[^.?!\d]{0,30}"
            r"(\+?\d[\d\s\-()]{8,16}\d)",
            _I,
        ),
        1,
    ),
    Rule(
        "EMAIL",
        re.compile(
            r"\b[a-z0-9][a-z0-9._\-]*(?:\s+(?:dot|underscore|dash)\s+[a-z0-9]+)*\s+at\s+[a-z0-9\-]+"
            r"(?:\s+dot\s+[a-z]{2,10})+\b",
            _I,
        ),
    ),
    Rule(
        "DOB", re.compile(r"\b(?:born|birth|birthday|dob|d\.o\.b\.?)\b[^.?!]{0,30}?(" + _DATE + r")", _I), 1
    ),
    Rule("ADDRESS", re.compile(r"\b\d{1,6}\s+(?:[A-Za-z][a-z]+\s+){1,3}" + _STREET + r"\b\.?", _I)),
    Rule("NUMBER", re.compile(r"(?<![\d\-])\d{8,}(?![\d\-])")),
)
