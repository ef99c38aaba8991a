"""Who speaks: speaker labels as transcripts write them, resolved to the two roles the engine knows.

Labels are matched case-insensitively against a fixed list of usual synonyms. Anything else is an error
unless the caller maps it, so a transcript with a third party or a named speaker is never split between
agent and customer by guesswork.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from audit.errors import TranscriptError
from audit.transcript import Speaker

ROLES: tuple[Speaker, ...] = ("agent", "customer")

# English, then the Russian and Turkish words call centers use for the same two roles
AGENT_LABELS: frozenset[str] = frozenset(
    {"agent", "csr", "rep", "representative", "operator", "advisor", "associate", "dispatcher"}
    | {"оператор", "агент", "специалист", "консультант"}
    | {"temsilci", "müşteri temsilcisi", "operatör"}
)
CUSTOMER_LABELS: frozenset[str] = frozenset(
    {"customer", "caller", "client", "member", "user", "subscriber"}
    | {"клиент", "абонент", "звонящий"}
    | {"müşteri", "arayan"}
)

# "Agent 2", "Agent (Dana)", "Agent - Dana": a known label with a number or a name beside it
_DECORATED = re.compile(r"^(?P<base>[^\d(\-]+?)\s*(?:\d+|\(.*\)|-\s*.+)$")


def normalize_label(label: str) -> str:
    """The form labels are compared in: lower case, single spaces, no surrounding punctuation."""
    return " ".join(label.strip().strip("[]<>*_").split()).casefold()


def parse_speaker_map(spec: str | None) -> dict[str, str]:
    """Read `agent=Rep,customer=Jane` (role=label; label=role is accepted too) into {label: role}."""
    mapping: dict[str, str] = {}
    for part in (spec or "").split(","):
        if not part.strip():
            continue
        left, sep, right = part.partition("=")
        left, right = left.strip(), right.strip()
        if not sep or not left or not right:
            raise TranscriptError(f"--speaker-map: {part.strip()!r} is not ROLE=LABEL (e.g. agent=Rep)")
        if normalize_label(left) in ROLES:
            mapping[right] = normalize_label(left)
        elif normalize_label(right) in ROLES:
            mapping[left] = normalize_label(right)
        else:
            raise TranscriptError(
                f"--speaker-map: {part.strip()!r} names no role; roles are agent and customer"
            )
    return mapping


class SpeakerResolver:
    """Maps the labels of one transcript to roles; the caller's map wins over the built-in synonyms."""

    def __init__(self, speaker_map: dict[str, str] | None = None) -> None:
        self._map: dict[str, Speaker] = {}
        for label, role in (speaker_map or {}).items():
            norm_role = normalize_label(role)
            if norm_role not in ROLES:
                raise TranscriptError(
                    f"speaker map: {label!r} maps to {role!r}; the roles are agent and customer"
                )
            self._map[normalize_label(label)] = norm_role  # type: ignore[assignment]

    def role(self, label: str) -> Speaker | None:
        """The role of a label, or None when the label is unknown and unmapped."""
        norm = normalize_label(label)
        for candidate in (norm, self._undecorated(norm)):
            if candidate is None:
                continue
            if candidate in self._map:
                return self._map[candidate]
            if candidate in AGENT_LABELS:
                return "agent"
            if candidate in CUSTOMER_LABELS:
                return "customer"
        return None

    def require(self, label: str, *, where: str) -> Speaker:
        """The role of a label; an unknown one is an error naming `where` (file and line or field)."""
        role = self.role(label)
        if role is None:
            raise TranscriptError(
                f"{where}: unknown speaker {label!r}; known labels are {', '.join(self.known())}. "
                f"Map it with a speaker map such as agent={label.strip()} or customer={label.strip()}"
            )
        return role

    def is_known(self, label: str) -> bool:
        return self.role(label) is not None

    def known(self) -> list[str]:
        """Every label this resolver accepts, for error messages."""
        return sorted(AGENT_LABELS | CUSTOMER_LABELS | set(self._map))

    @staticmethod
    def _undecorated(norm: str) -> str | None:
        m = _DECORATED.match(norm)
        return m["base"].strip() if m else None


# optional timestamp, then `Label:`; a label starts with a letter, and `10:30` or `http://` is not one
_PREFIX = re.compile(
    r"^(?:\[?(?P<ts>\d{1,3}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)\]?\s+)?"
    r"\[?(?P<label>[^\W\d_][^:\]]{0,39}?)\]?\s*:(?![/\d])\s*(?P<text>.*)$"
)
_LABEL_DECORATION = re.compile(r"^\(.*\)$|^\d+$|^-$")


class Prefix(NamedTuple):
    """A line split at its speaker prefix."""

    label: str
    text: str
    timecode: str | None


def _looks_like_label(label: str) -> bool:
    """Capitalised words (at most four): what a speaker label looks like, unlike `so I said: no`."""
    words = label.split()
    return 0 < len(words) <= 4 and all(w[0].isupper() or _LABEL_DECORATION.match(w) for w in words)


def split_prefix(line: str, resolver: SpeakerResolver) -> Prefix | None:
    """The speaker prefix of a line, when it has one: a known or mapped label, or any capitalised label
    (which the caller then rejects as unknown rather than reading it as text)."""
    m = _PREFIX.match(line.strip())
    if m is None:
        return None
    label = m["label"].strip()
    if not (resolver.is_known(label) or _looks_like_label(label)):
        return None
    return Prefix(label=label, text=m["text"].strip(), timecode=m["ts"])
