"""The per-language interface: everything the engine needs that depends on the call's language.

The engine itself holds no word lists, number words or models: it asks the call's `Language` for them,
so adding a language means adding one module under `audit/languages/` and one registry line.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np


class Encoder(Protocol):
    """A sentence encoder: texts in, L2-normalised vectors out."""

    name: str

    def encode(self, texts: list[str]) -> np.ndarray:
        """Return an (n, d) float32 array of unit vectors."""
        ...


@dataclass(frozen=True)
class Value:
    """A typed value found in an utterance (a date, a phone number, a name, ...)."""

    kind: str  # one of VALUE_KINDS
    text: str  # the surface text it was read from
    start: int  # character offsets in the utterance
    end: int
    normalized: str = ""  # canonical form, e.g. digits only, ISO date


VALUE_KINDS = (
    "number", "count", "date", "time", "duration", "money", "phone", "email", "name", "code",
    "plate", "address", "location", "yes_no", "dont_know",
)

# the kinds "when" may ask: a date or a time
WHEN_KINDS = frozenset({"date", "time"})

# An item that asks for one of these kinds asks for nothing broader: the words that name an email or a phone
# number ("e-posta adresiniz", "the best number to reach you") also name an address or a code, and an address
# given in the call must not answer the email item.
NARROWER_KINDS: dict[str, frozenset[str]] = {
    "email": frozenset({"address", "code"}),
    "phone": frozenset({"code"}),
    "plate": frozenset({"code"}),
}


def narrowest_kinds(kinds: set[str]) -> set[str]:
    """The kinds an item asks for once kinds that a more specific one among them names are dropped."""
    broader = set().union(*(NARROWER_KINDS[k] for k in kinds if k in NARROWER_KINDS))
    return kinds - broader


def without_codes_in_amounts(values: list[Value]) -> list[Value]:
    """The values less any code read inside an amount of money: "dört bin iki yüz lira" is a price, and its
    four spoken digits are no IBAN, PIN or reference number."""
    amounts = [(v.start, v.end) for v in values if v.kind == "money"]
    return [v for v in values if not (v.kind == "code" and any(a <= v.start and v.end <= b for a, b in amounts))]


@dataclass(frozen=True)
class FocusCue:
    """A prototype sentence or pattern for one customer-focus kind, in this language."""

    kind: str
    examples: tuple[str, ...] = field(default_factory=tuple)


def sentence_spans(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Character spans of the sentences `pattern` finds, trimmed, skipping ones with no word in them."""
    spans = []
    for m in pattern.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s and any(ch.isalnum() for ch in text[s:e]):
            spans.append((s, e))
    return spans or [(0, len(text))]


class Language(ABC):
    """One supported language. Subclasses are registered in `audit.languages.registry`."""

    code: str = ""
    name: str = ""
    # offers of further help before closing, matched on `fold_case` text; None: the language recognises none,
    # so its closing items are treated like any other.
    closing_pattern: re.Pattern[str] | None = None
    # words that point at the start of a journey or period ("from", "departing", "pick up") and at its end
    # ("to", "returning", "drop off"), matched on `fold_case` text; None: the language reads no direction
    start_pattern: re.Pattern[str] | None = None
    end_pattern: re.Pattern[str] | None = None
    # words pointing at the end of a place only ("where are you going?"): "When and where do you want to go?"
    # asks the day one sets off; None: `end_pattern` holds them all
    place_end_pattern: re.Pattern[str] | None = None
    # a reply that agrees ("yes, that's right"), matched at the start of `fold_case` text
    affirmative_pattern: re.Pattern[str] | None = None
    # an offer to do something ("would you like to book it?", "shall I add an alarm?"), matched at the start of
    # `fold_case` text; None: the language recognises none
    offer_pattern: re.Pattern[str] | None = None
    # an item asking for a date of birth, and a text that holds a year ("1985", "nineteen eighty-five", "3/3/85"),
    # searched in `fold_case` text; None: the language tells birth dates from other dates by neither
    birth_pattern: re.Pattern[str] | None = None
    year_pattern: re.Pattern[str] | None = None
    # a question offering a choice ("checking or savings?"), searched in `fold_case` text: only such an offer asks
    # an item that is neither a yes/no question nor an offer itself; None: any offer may
    choice_pattern: re.Pattern[str] | None = None
    # a sentence joining several asks ("when do you leave and return?", "check-in and check-out dates",
    # "from where, to where"), searched in `fold_case` text: a question that names a kind of value once and
    # joins nothing asks one item of that kind, however many read alike ("What time do you plan to leave?"
    # asks the outbound time, not also the return one); None: a question may ask several items of one kind
    joined_pattern: re.Pattern[str] | None = None
    # where a clause ends ("Confirming 1 ticket at 6:40 am, how many do you need?"), searched in `fold_case`
    # text: a value said in an earlier clause than a question's words is context, not the asked value read back
    clause_break_pattern: re.Pattern[str] = re.compile(r"[,;:.!?](?:\s|$)")
    # a word joining two parts of one question ("from where and to where"), searched in `fold_case` text: each
    # part's own direction words say which end of a trip it asks (`direction_at`); None: the whole question's do
    part_joiner_pattern: re.Pattern[str] | None = None
    # an item's texts naming a kind of thing to choose ("What kind of movie?", "Type of the therapist"), searched
    # in `fold_case` text: such an item is what a question asking "what kind" asks (`asked_kinds`)
    category_pattern: re.Pattern[str] | None = None
    # a question asking the listener's own name ("And your name?", "Who am I speaking with?"), searched in
    # `fold_case` text: of several items taking a name, it asks the one whose question asks the same (the
    # caller's, not the sender's or the beneficiary's); None: the language does not tell them apart
    own_name_pattern: re.Pattern[str] | None = None
    # a customer raising another matter ("Oh, and while I have you, ...", "И ещё вопрос", "Bu arada"), searched
    # in `fold_case` text: the reason that turn reads closest to is one of the call's; None: none is read
    new_matter_pattern: re.Pattern[str] | None = None
    # a reason that is a search ("Find events in a given city", "Search for a hotel"), searched in a reason's
    # `fold_case` description, and an agent reporting what a search found ("I found 7 events", "There are 3
    # buses"), searched in `fold_case` agent text: a call where the agent reports results pursued the search,
    # even when the customer opened with what it led to ("I'd like to see an event"); None: not read
    search_reason_pattern: re.Pattern[str] | None = None
    results_pattern: re.Pattern[str] | None = None
    # the agent confirming a booking or purchase ("Please confirm: 2 tickets for ...", "Your table is
    # booked"), searched in `fold_case` agent text: beside search reasons, the call pursued the one that is not
    booking_pattern: re.Pattern[str] | None = None
    # the agent reading values back for a yes ("Please confirm: a cab for 2 to 140 Main Street.", "So 1 shared
    # ride, right?", "Confirming 3 people leaving at 7 am."), searched in `fold_case` text: with a value in it
    # such a sentence asks no item, and a "yes" to it confirms the values, question mark or not
    readback_pattern: re.Pattern[str] | None = None
    # the agent proposing something found ("How about Lanna Thai in San Jose?"): a question that reads like the
    # item holding that thing's name but asks for nothing, in `fold_case` text
    suggestion_pattern: re.Pattern[str] | None = None
    # the agent offering to book ("Would you like to buy tickets?") and the customer declining ("Not right
    # now, thanks"): with no booking confirmed, the call did not pursue the reason that is not a search
    booking_offer_pattern: re.Pattern[str] | None = None
    declined_pattern: re.Pattern[str] | None = None
    # a word by which a sentence that reads as no question still asks ("Let me know the date of your trip.",
    # "Please specify: the number of bedrooms", "Let's start with your name."), searched in `fold_case` agent
    # text: a sentence with none only tells ("Your new alarm is added.") and asks no item but a consent or a
    # closing offer; None: any sentence may ask
    asking_pattern: re.Pattern[str] | None = None
    # the customer asking to book what was found ("Book a table please.", "I want to buy 2 tickets for it"),
    # searched in `fold_case` customer text: after the agent named what it found, the customer chose that
    # thing, so the item holding its name was given; None: not read
    booking_request_pattern: re.Pattern[str] | None = None
    # the thing a count counts when it is not people or their seats ("2 baths", "3 rooms"; group 1), searched
    # at the end of a count's `fold_case` text: such a count gives only an item whose texts name that thing (a
    # bedroom count is not given by "an apartment with 2 baths"); None: any count gives any count item
    counted_thing_pattern: re.Pattern[str] | None = None
    # "which event ...?", "any particular restaurant?": the thing a question asks to pick (group 1), searched in
    # `fold_case` agent text, and an item's description naming what it holds ("Name of event", group 1): a
    # question picking a thing asks the one item holding that thing's name; None: not read
    picked_thing_pattern: re.Pattern[str] | None = None
    name_of_pattern: re.Pattern[str] | None = None
    # a customer saying they said it before ("like I said", "I told you", "я же говорил", "söyledim ya"),
    # searched in `fold_case` text: a reply with it repeats what an earlier turn gave; None: not read
    repeat_pattern: re.Pattern[str] | None = None
    # the agent saying they ask again ("And the booking number again?", "Номер заказа ещё раз?", "Tekrar eder
    # misiniz?"), searched in `fold_case` agent text: the customer gave it before, however its score read that
    # turn; None: not read
    asked_again_pattern: re.Pattern[str] | None = None
    # an item asking the listener to agree ("This call is recorded. Is that okay with you?", "Вы согласны
    # доплатить?", "onaylıyor musunuz?"), searched in its `fold_case` question: only a reply to its ask agrees,
    # never what a customer says before being asked; None: not read
    agreement_pattern: re.Pattern[str] | None = None
    # a value said as past ("five minutes ago", "yesterday"), searched in a value's `fold_case` text, and an item
    # asking about the future ("When would you like the technician to come?"), searched in its `fold_case`
    # question: such a value never fills such an item; None: tense is not read
    past_value_pattern: re.Pattern[str] | None = None
    future_item_pattern: re.Pattern[str] | None = None
    # a question about what was ("And what address was it supposed to come to?"), searched in `fold_case` agent
    # text: it asks the item about what is, not its sibling about what is still to be arranged ("Which address
    # would you like it sent to instead?"); None: not read
    past_question_pattern: re.Pattern[str] | None = None
    # a question for both ends of a span at once ("What dates do you need the car?", "the check-in and check-out
    # dates"), searched in `fold_case` agent text: a date item it asks brings its sibling of the other end
    # (`ChecklistView.item_siblings`); None: not read
    both_dates_pattern: re.Pattern[str] | None = None
    # a question naming a kind of value only one item takes ("Departure time?", "Any date in particular?") asks
    # that item above this share of the ask threshold: how faintly the language's encoder may read such short
    # questions and still be right
    lone_kind_floor: float = 0.1
    # kinds of value this language's readers find too few of to require one: an item asking for such a kind
    # may be given by a sentence holding no value of it. Names: the name reader finds people's names ("my
    # name is Ann Lee"), not a restaurant's or a film's.
    ungated_kinds: frozenset[str] = frozenset({"name"})

    @abstractmethod
    def encoder(self) -> Encoder:
        """The sentence encoder for this language (loaded once, cached by the implementation)."""

    def fast_encoder(self) -> Encoder:
        """The encoder for sentence shapes (masked texts, example banks) and customer-focus cues.

        These compare a sentence with thousands of stored examples, where speed and a small load matter more
        than fine meaning; a language whose main encoder is slow may offer a faster one. Its vectors are only
        ever compared with vectors from the same encoder.
        """
        return self.encoder()

    def paraphrase_encoder(self) -> Encoder | None:
        """A slower encoder that reads a question by its meaning rather than its words, consulted only on the
        agent's questions that the scorers leave asking nothing (`asks.paraphrase_asks`): "Current miles?" asks
        "What is the current mileage on the vehicle?" in no shared word. None where the main encoder already
        reads meaning, or where no such encoder is packaged for the language.
        """
        return None

    @abstractmethod
    def sentences(self, text: str) -> list[tuple[int, int]]:
        """Character spans of the sentences (or clauses that stand alone as asks) of one utterance."""

    @abstractmethod
    def tokens(self, text: str) -> list[str]:
        """Lower-cased, normalised content words (lemmas where the language inflects)."""

    @abstractmethod
    def is_question(self, sentence: str) -> float:
        """How much a sentence reads as a request for information, 0..1 ("What is...?", "Can I have...")."""

    @abstractmethod
    def values(self, text: str) -> list[Value]:
        """Typed values in an utterance, spoken numbers and dates included."""

    def masked(self, text: str) -> str:
        """The text with its typed values replaced by words for their kinds ("leaving on date").

        Sentences are compared by shape as well as by meaning, so that names and numbers do not dominate.
        The default leaves the text as it is.
        """
        return text

    @abstractmethod
    def value_kinds_for(self, item_text: str) -> set[str]:
        """Value kinds an item (its question and description) asks for."""

    @abstractmethod
    def focus_cues(self) -> list[FocusCue]:
        """Prototype sentences for each customer-focus kind."""

    def focus_patterns(self) -> dict[str, list[str]]:
        """Regular expressions by group name that back the focus cues (groups: see `audit.focus`).

        Optional: without patterns, customer focus is recognised from the cue sentences alone.
        """
        return {}

    def is_closing_offer(self, sentence: str) -> bool:
        """Whether a sentence offers further help before closing ("Is there anything else I can do?").

        A checklist's closing item is asked only by such a sentence (the opening "How can I help?" is not
        one) and is never answered before it is asked: what the customer came for does not answer it.
        """
        return bool(self.closing_pattern and self.closing_pattern.search(self.fold_case(sentence)))

    def direction(self, text: str, *, of_place: bool = True) -> int:
        """-1 when the text points only at a start ("where are you leaving from?"), 1 only at an end
        ("when do you want to come back?"), 0 when at neither or both; read for a time (`of_place` False),
        words pointing at a place's end only (`place_end_pattern`) point nowhere.

        Checklists hold pairs that read alike but for their direction (origin and destination, departure and
        return, pick-up and drop-off); the sentence encoders blur them, these words do not.
        """
        if self.start_pattern is None or self.end_pattern is None:
            return 0
        folded = self.fold_case(text)
        start = bool(self.start_pattern.search(folded))
        end = bool(self.end_pattern.search(folded)) or bool(
            of_place and self.place_end_pattern and self.place_end_pattern.search(folded))
        return -1 if start and not end else 1 if end and not start else 0

    def is_affirmative(self, text: str) -> bool:
        """Whether a reply agrees with what the agent just read back or offered ("Yes, that's correct")."""
        return bool(self.affirmative_pattern and self.affirmative_pattern.match(self.fold_case(text).strip()))

    def is_offer(self, sentence: str) -> bool:
        """Whether a question offers an action ("Do you want to buy tickets?") rather than asking for a fact.

        An offer asks a yes/no item ("Would you like a rental car?") but never the value a typed item asks for:
        "Would you like to transfer money?" does not ask how much.
        """
        return bool(self.offer_pattern and self.offer_pattern.match(self.fold_case(sentence).strip()))

    def asked_kinds(self, question: str) -> list[frozenset[str]]:
        """The values a question asks by its question words, one entry each with the kinds it may be
        ("Which date did you have in mind?": a date; "Where from, and when?": a place, and a date or a time),
        read only where the words say so plainly (`asked_kind_spans` without the places)."""
        return [kinds for kinds, _ in self.asked_kind_spans(question)]

    def asked_kind_spans(self, question: str) -> list[tuple[frozenset[str], int | None]]:
        """`asked_kinds` with where in the question each is asked (the start of its words; None where no one
        spot asks it), so a value the question holds can be told apart as read back (said in the same clause)
        or as context before it, and each part's direction read (`direction_at`).

        Optional: a language without them leaves the choice of item to the learned scorer alone.
        """
        return []

    def direction_at(self, text: str, at: int | None, *, of_place: bool = True) -> int:
        """The direction of the part of `text` around position `at`, between joiners and clause breaks
        ("Where are you leaving from and where are you going?": the start, then the end), or of the whole text
        where that part points at neither ("When and where are you leaving from?": "when" is the start's);
        0 where no one spot asks (`at` None)."""
        if at is None:
            return 0
        folded = self.fold_case(text)
        cuts = [0, len(folded)]
        for pattern in (self.clause_break_pattern, self.part_joiner_pattern):
            for m in pattern.finditer(folded) if pattern is not None else ():
                cuts += m.span()
        lo = max(c for c in cuts if c <= at)
        hi = min((c for c in cuts if c > at), default=len(folded))
        return self.direction(text[lo:hi], of_place=of_place) or self.direction(text, of_place=of_place)

    def clause_start(self, text: str, at: int | None) -> int:
        """Where the clause holding position `at` of `text` begins (the text's start where `at` is None)."""
        start = 0
        if at is None:
            return start
        for m in self.clause_break_pattern.finditer(self.fold_case(text), 0, at):
            start = m.end()
        return start

    def asks_birth_date(self, item_text: str) -> bool:
        """Whether an item asks for a date of birth, which only a date with a year gives."""
        return bool(self.birth_pattern and self.birth_pattern.search(self.fold_case(item_text)))

    def is_past_value(self, value_text: str) -> bool:
        """Whether a value is said as past ("three days ago", "last week"): no arrangement still to be made."""
        return bool(self.past_value_pattern and self.past_value_pattern.search(self.fold_case(value_text)))

    def asks_future(self, question: str) -> bool:
        """Whether an item's question asks about something still to be arranged ("When would you like ...?")."""
        return bool(self.future_item_pattern and self.future_item_pattern.search(self.fold_case(question)))

    def has_year(self, text: str) -> bool:
        """Whether a text names a year: "I have a cleaning on Thursday" gives no date of birth."""
        return self.year_pattern is None or bool(self.year_pattern.search(self.fold_case(text)))

    def fold_case(self, text: str) -> str:
        """The text in the one case patterns are written in (a language may fold more: Russian ё as е)."""
        return text.lower()

    @abstractmethod
    def why(self, key: str, **fields: str) -> str:
        """A `why` sentence in this language, from a template key shared by all languages."""

    def example_banks(self) -> tuple[Any, Any]:
        """The (ask, information) example banks, encoded with this language's encoder and cached.

        The shipped banks are English sentences; through a multilingual encoder they serve as cross-lingual
        neighbours, so a language without banks of its own still gets their evidence.
        """
        cached = getattr(self, "_example_banks", None)
        if cached is None:
            from audit.matching.bank import BANK_DIR, Bank

            enc = self.fast_encoder()
            cached = (Bank.load(BANK_DIR / "ask_bank.jsonl.gz", enc), Bank.load(BANK_DIR / "info_bank.jsonl.gz", enc))
            self._example_banks = cached
        return cached
