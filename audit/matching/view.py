"""A call prepared for matching: sentences split, texts embedded, values found, once per call.

Every scorer (asks, information given, reasons) reads this view, so the encoder runs once per text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from audit.checklist import Checklist
from audit.errors import UnsupportedLanguageError
from audit.languages.base import WHEN_KINDS, Encoder, Language, Value, narrowest_kinds
from audit.languages.registry import get_language
from audit.matching.slots import value_contexts
from audit.transcript import Transcript


@dataclass(frozen=True)
class Sentence:
    utterance: int  # index in the transcript
    start: int  # character span in the utterance text
    end: int
    text: str


@dataclass(frozen=True)
class TextGroups:
    """Several texts per entry (an item's phrasings and description, a reason's description and examples),
    embedded once and stacked in entry order: an entry reads as close to a sentence as its closest text."""

    vecs: np.ndarray  # (texts, d)
    starts: np.ndarray  # (entries,): each entry's first row; every entry holds at least one text

    @classmethod
    def embed(cls, encoder: Encoder, groups: list[list[str]]) -> TextGroups:
        starts = np.cumsum([0, *(len(g) for g in groups[:-1])]) if groups else np.zeros(0, dtype=int)
        return cls(encoder.encode([t for g in groups for t in g]), starts.astype(int))

    def closeness(self, sentence_vecs: np.ndarray) -> np.ndarray:
        """(sentences, entries): each entry's best cosine over its texts."""
        if len(self.starts) == 0 or len(sentence_vecs) == 0:
            return np.zeros((len(sentence_vecs), len(self.starts)), dtype=np.float32)
        return np.maximum.reduceat(sentence_vecs @ self.vecs.T, self.starts, axis=1)


def clearly_closest(closeness: np.ndarray, floor: float, margin: float) -> int | None:
    """The entry at `floor` or closer and `margin` ahead of every other (one entry needs only the floor)."""
    if closeness.size == 0:
        return None
    best = int(closeness.argmax())
    runner_up = float(np.delete(closeness, best).max()) if closeness.size > 1 else -np.inf
    return best if closeness[best] >= floor and closeness[best] - runner_up >= margin else None


@dataclass
class ChecklistView:
    """Checklist texts and their vectors; built once per (checklist, version) and reused across calls."""

    checklist: Checklist
    item_ids: list[str]
    question_vecs: np.ndarray  # (items, d): the mandated question
    phrasing_vecs: list[np.ndarray]  # per item: (phrasings, d), question and variants
    description_vecs: np.ndarray  # (items, d)
    combined_vecs: np.ndarray  # (items, d): question and description together
    shape_description_vecs: np.ndarray  # (items, d'): descriptions through the fast (shape) encoder
    shape_combined_vecs: np.ndarray  # (items, d')
    reason_ids: list[str]
    reason_vecs: np.ndarray  # (reasons, d)
    reason_search: list[bool]  # a search ("Find events in a given city"): `Language.search_reason_pattern`
    item_kinds: list[set[str]]
    item_typed: list[set[str]]  # the kinds of value each item asks for, yes/no and "I don't know" left out
    item_tokens: list[set[str]]
    question_tokens: list[set[str]]
    reason_tokens: list[set[str]]
    reason_words: set[str]  # every reason's tokens together
    item_closing: list[bool]  # closing offers ("anything else I can help with?"): see `Language.is_closing_offer`
    item_direction: list[int]  # -1 a start (origin, departure, pick-up), 1 an end, 0 neither: `Language.direction`
    item_birth: list[bool]  # asks for a date of birth: `Language.asks_birth_date`
    item_future: list[bool]  # asks about something still to be arranged: `Language.asks_future`
    # what a question's words may ask of each item (`Language.asked_kinds`): its typed kinds, and "category"
    # where its texts name a kind of thing to choose
    item_asked: list[set[str]]
    item_holds_name_of: list[str | None]  # the thing whose name the item holds ("Name of event": "event"), stemmed
    item_when_worded: list[bool]  # the item's question asks with "when" ("When are you leaving?")
    item_text: list[str]  # question, description and variants, `fold_case`d and without spaces ("bedrooms")
    item_offer: list[bool]  # the item's own question is an offer ("Do you want us to text you?"): `Language.is_offer`
    item_agreement: list[bool]  # the item asks the listener to agree (recording consent): `Language.agreement_pattern`
    item_siblings: list[list[int]]  # each item's sibling in the other direction: `direction_siblings`
    # items' phrasings and descriptions, and reasons' descriptions and examples, through the language's
    # paraphrase reader (`Language.paraphrase_encoder`); None where the language has none
    paraphrase_items: TextGroups | None = None
    paraphrase_reasons: TextGroups | None = None
    bank_match: dict[str, np.ndarray] = field(default_factory=dict)  # bank name -> (entries, items)


@dataclass
class CallView:
    transcript: Transcript
    language: Language
    agent_sentences: list[Sentence]
    agent_vecs: np.ndarray  # (agent sentences, d)
    customer_sentences: list[Sentence]
    customer_vecs: np.ndarray  # (customer sentences, d)
    utterance_vecs: np.ndarray  # (utterances, d): whole utterances (`turn_vectors`)
    agent_masked_vecs: np.ndarray  # (agent sentences, d'): values replaced by their kinds, fast encoder
    customer_masked_vecs: np.ndarray  # (customer sentences, d')
    values: list[list[Value]]  # per utterance
    tokens: list[set[str]]  # per utterance
    prev_agent: list[int]  # per utterance: the nearest earlier agent utterance (-1: none), whose question it answers
    metadata_texts: list[tuple[str, str]]  # (key, "key: value")
    metadata_vecs: np.ndarray
    # nearest bank entries, when searched for many calls at once: bank index -> (indices, similarities)
    neighbours: dict[int, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)


def item_texts(checklist: Checklist) -> tuple[list[str], list[str]]:
    """Every checklist text the encoders need: (for the meaning encoder, for the shape encoder)."""
    out: list[str] = []
    for it in checklist.items:
        out += it.phrasings()
        out += [it.description or it.question, f"{it.question} {it.description}".strip()]
    for r in checklist.reasons:
        out += [r.description, *r.examples]
    shapes = [t for it in checklist.items for t in (it.description or it.question,
                                                     f"{it.question} {it.description}".strip())]
    return out, shapes


def _item_kinds(lang: Language, question: str, description: str) -> set[str]:
    """The kinds of value an item asks for: those its question names, else those its description names.

    A description explains more than the question asks ("whether maintenance may enter when the tenant is
    out" names a time; the question "Do we have permission to enter?" asks none), so it decides only when the
    question names no kind. Whether the item is a yes/no one is read from both.
    """
    both = narrowest_kinds(lang.value_kinds_for(f"{question} {description}"))
    asked = narrowest_kinds(lang.value_kinds_for(question)) - {"yes_no", "dont_know"}
    described = lang.value_kinds_for(description)
    if not asked and "yes_no" in described:
        # "Would you like a shared ride?" described as "Whether the ride is shared with other passengers": a
        # yes/no item, however many values the description's explanation mentions
        return both & {"yes_no", "dont_know"}
    # "When are you leaving?" may ask a date or a time; a description that names one of them ("Date of bus
    # leaving") says which
    told = asked & described & WHEN_KINDS
    if WHEN_KINDS <= asked and len(told) == 1:
        asked = asked - (WHEN_KINDS - told)
    return asked | (both & {"yes_no", "dont_know"}) if asked else both


def _name_of(lang: Language, description: str) -> str | None:
    m = lang.name_of_pattern.search(lang.fold_case(description)) if lang.name_of_pattern else None
    stems = lang.tokens(m.group(1)) if m else ()
    return stems[0] if stems else None


def _reading_language(checklist: Checklist, lang: Language) -> Language:
    """The language an item's own words are read in (their kinds, directions, offers, closing offers): the
    checklist's, where it is supported, since an English checklist audited on a Russian call still words "Is
    there anything else I can help you with?" in English. Vectors stay the call language's encoder, which reads
    both."""
    try:
        return get_language(checklist.language) if checklist.language else lang
    except UnsupportedLanguageError:
        return lang


def build_checklist_view(checklist: Checklist, call_lang: Language) -> ChecklistView:
    enc, fast = call_lang.encoder(), call_lang.fast_encoder()
    lang = _reading_language(checklist, call_lang)
    items = checklist.items
    dim = enc.encode(["x"]).shape[1]
    descriptions = [it.description or it.question for it in items]
    combined = [f"{it.question} {it.description}".strip() for it in items]
    if items:
        q = enc.encode([it.question for it in items])
        d = enc.encode(descriptions)
        c = enc.encode(combined)
        ph = [enc.encode(it.phrasings()) for it in items]
    else:
        q = d = c = np.zeros((0, dim), dtype=np.float32)
        ph = []
    reasons = checklist.reasons
    if reasons:
        rv = []
        for r in reasons:
            v = enc.encode([r.description, *r.examples])
            rv.append(v.max(axis=0) if len(v) > 1 else v[0])
        r_vecs = np.stack(rv)
    else:
        r_vecs = np.zeros((0, dim), dtype=np.float32)
    kinds = [_item_kinds(lang, it.question, it.description) for it in items]
    typed = [k - {"yes_no", "dont_know"} for k in kinds]
    paraphrase = call_lang.paraphrase_encoder()
    direction = [lang.direction(f"{it.question} {it.description}") for it in items]
    reason_tokens = [set(call_lang.tokens(f"{r.description} {' '.join(r.examples)}")) for r in reasons]
    return ChecklistView(
        checklist=checklist,
        item_ids=[it.id for it in items],
        question_vecs=q,
        phrasing_vecs=ph,
        description_vecs=d,
        combined_vecs=c,
        shape_description_vecs=fast.encode(descriptions),
        shape_combined_vecs=fast.encode(combined),
        reason_ids=[r.id for r in reasons],
        reason_vecs=r_vecs,
        reason_search=[bool(lang.search_reason_pattern and lang.search_reason_pattern.search(
            lang.fold_case(r.description))) for r in reasons],
        item_kinds=kinds,
        item_typed=typed,
        item_tokens=[set(call_lang.tokens(f"{it.question} {it.description} {' '.join(it.variants)}"))
                     for it in items],
        question_tokens=[set(call_lang.tokens(" ".join(it.phrasings()))) for it in items],
        reason_tokens=reason_tokens,
        reason_words=set().union(*reason_tokens),
        item_closing=[any(_closing_item(lang, p) for p in it.phrasings()) for it in items],
        item_direction=direction,
        item_birth=[lang.asks_birth_date(f"{it.question} {it.description}") for it in items],
        item_future=[lang.asks_future(it.question) for it in items],
        item_holds_name_of=[_name_of(lang, it.description) for it in items],
        item_when_worded=[WHEN_KINDS in lang.asked_kinds(it.question) for it in items],
        item_text=[lang.fold_case(" ".join((it.question, it.description, *it.variants))).replace(" ", "")
                   for it in items],
        item_offer=[lang.is_offer(it.question) for it in items],
        item_agreement=[bool(lang.agreement_pattern and lang.agreement_pattern.search(lang.fold_case(it.question)))
                        for it in items],
        item_asked=[t | ({"category"} if lang.category_pattern and lang.category_pattern.search(
            lang.fold_case(f"{it.question} {it.description}")) else set()) for t, it in zip(typed, items, strict=True)],
        item_siblings=direction_siblings(direction, typed, c),
        paraphrase_items=None if paraphrase is None else TextGroups.embed(
            paraphrase, [[*it.phrasings(), it.description or it.question] for it in items]),
        paraphrase_reasons=None if paraphrase is None else TextGroups.embed(
            paraphrase, [[r.description, *r.examples] for r in reasons]),
    )


# siblings are among each other's this many closest items
NEAREST = 2


def direction_siblings(direction: list[int], typed: list[set[str]], combined_vecs: np.ndarray) -> list[list[int]]:
    """For each item, its sibling in the other direction (the origin's destination, the departure date's
    return date): an item asking for the same kind of value, the two among each other's closest items in
    meaning. A phone number "to call back" and a prescription number "from the label" point opposite ways
    but are not a pair."""
    n = len(direction)
    if n < 2:
        return [[] for _ in range(n)]
    sims = combined_vecs @ combined_vecs.T
    np.fill_diagonal(sims, -np.inf)
    near = [set(np.argsort(-sims[i])[:NEAREST].tolist()) for i in range(n)]
    return [[j for j in near[i] if direction[i] and direction[j] == -direction[i] and i in near[j]
             and typed[i] & typed[j]] for i in range(n)]


def call_texts(transcript: Transcript, lang: Language) -> tuple[list[str], list[str]]:
    """Every call text the encoders need, for batching across calls: (meaning texts, masked shape texts)."""
    out, shapes = [], []
    for u in transcript.utterances:
        spans = lang.sentences(u.text)
        if not spans:
            out.append(u.text)  # a turn with no sentence is encoded whole (`turn_vectors`)
        for s, e in spans:
            out.append(u.text[s:e])
            if u.speaker == "customer" or lang.is_question(u.text[s:e]):  # what `verdicts._fill` reads
                out += value_contexts(lang, u.text[s:e])
            shapes.append(lang.masked(u.text[s:e]))
    out += [_meta_text(k, v) for k, v in transcript.metadata.items() if _meta_usable(v)]
    return out, shapes


def _meta_usable(v: object) -> bool:
    return isinstance(v, str | int | float) and not isinstance(v, bool) and str(v).strip() != ""


def _meta_text(key: str, value: object) -> str:
    return f"{key.replace('_', ' ')}: {value}"


def turn_vectors(transcript: Transcript, enc: Encoder, sentences: list[Sentence],
                 sentence_vecs: np.ndarray) -> np.ndarray:
    """One vector per turn: the normalised mean of its sentences' vectors (a turn with none is encoded whole).

    Encoding a long turn whole costs the encoder as much as its sentences again (38% of the Russian and
    Turkish encoder's tokens), and the mean served the scorers as well: on the same scorers, sgd-dev macro-F1
    0.635 either way, realistic-dev 0.665 to 0.675, multilingual-dev 0.603 either way.
    """
    n = len(transcript.utterances)
    dim = sentence_vecs.shape[1] if len(sentence_vecs) else enc.encode([""]).shape[1]
    out = np.zeros((n, dim), dtype=np.float32)
    for sent, v in zip(sentences, sentence_vecs, strict=True):
        out[sent.utterance] += v
    empty = [j for j in range(n) if not out[j].any()]
    if empty:
        out[empty] = enc.encode([transcript.utterances[j].text for j in empty])
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def build_call_view(transcript: Transcript, lang: Language) -> CallView:
    enc, fast = lang.encoder(), lang.fast_encoder()
    agent: list[Sentence] = []
    cust: list[Sentence] = []
    for i, u in enumerate(transcript.utterances):
        for s, e in lang.sentences(u.text):
            (agent if u.speaker == "agent" else cust).append(Sentence(i, s, e, u.text[s:e]))
    meta = [(k, _meta_text(k, v)) for k, v in transcript.metadata.items() if _meta_usable(v)]
    prev_agent, last = [], -1
    for i, u in enumerate(transcript.utterances):
        prev_agent.append(last)
        if u.speaker == "agent":
            last = i
    agent_vecs = enc.encode([s.text for s in agent])
    customer_vecs = enc.encode([s.text for s in cust])
    return CallView(
        transcript=transcript,
        language=lang,
        agent_sentences=agent,
        agent_vecs=agent_vecs,
        customer_sentences=cust,
        customer_vecs=customer_vecs,
        utterance_vecs=turn_vectors(transcript, enc, agent + cust, np.vstack([agent_vecs, customer_vecs])),
        agent_masked_vecs=fast.encode([lang.masked(s.text) for s in agent]),
        customer_masked_vecs=fast.encode([lang.masked(s.text) for s in cust]),
        values=[lang.values(u.text) for u in transcript.utterances],
        tokens=[set(lang.tokens(u.text)) for u in transcript.utterances],
        prev_agent=prev_agent,
        metadata_texts=meta,
        metadata_vecs=enc.encode([t for _, t in meta]),
    )


# content words (`Language.tokens`) of an item's question short enough to be only an offer of more help
CLOSING_ITEM_WORDS = 6


def _closing_item(lang: Language, question: str) -> bool:
    """Whether an item is the checklist's closing offer ("Is there anything else I can help you with?"), not a
    question about the matter at hand that offers "anything else" as a choice ("Are any warning lights on, or
    is there anything else you want us to check?", "Would you like us to fuel her up or do anything else
    before launch?")."""
    choice = lang.choice_pattern is not None and lang.choice_pattern.search(lang.fold_case(question))
    return lang.is_closing_offer(question) and not choice and len(lang.tokens(question)) <= CLOSING_ITEM_WORDS
