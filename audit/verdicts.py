"""From scores to verdicts: which asks were needed, redundant or irrelevant, and every item's status.

The rules are the product's definitions: irrelevant when none of the item's reasons is a reason of the call
(it wins over redundant); redundant when the customer (or the call's metadata) had already given the
information before the ask; needed otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from audit.languages.base import WHEN_KINDS, Language, Value
from audit.matching.features import OPENING_TURNS, by_utterance, call_reason_features
from audit.matching.model import Scorer
from audit.matching.slots import slot_values, value_context
from audit.matching.view import CallView, ChecklistView, Sentence, clearly_closest
from audit.report import Evidence, ItemStatus, QuestionVerdict, ReasonScore


@dataclass(frozen=True)
class Ask:
    """One agent sentence asking one item."""

    sentence: Sentence
    item: int  # index in the checklist view
    prob: float


@dataclass(frozen=True)
class Given:
    """Where an item's information was first given before a point in the call."""

    utterance: int | None  # customer utterance, or None for metadata
    prob: float
    field: str = ""  # metadata key
    by_answer: bool = False  # given in reply to an earlier ask of the same item
    again: bool = False  # the agent's words say they ask it again


def _quote(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _seconds(cv: CallView, s: Sentence) -> float | None:
    u = cv.transcript.utterances[s.utterance]
    if u.seconds is None:
        return None
    share = (s.end - s.start) / max(len(u.text), 1)
    return round(u.seconds * share, 2)


# a second reason must be at least this share as evident as the call's main one
SECOND_REASON = 0.5


def call_reasons(p_reason: np.ndarray, threshold: float,
                 opening: int = OPENING_TURNS) -> tuple[list[int], np.ndarray, np.ndarray]:
    """Reason indices of a call from (customer utterances, reasons) probabilities.

    The strongest reason is always the call's, and so is the one the customer's opening turns (the first
    `opening` rows) read closest to, however faintly: callers say first why they call ("I need a refill on
    my lisinopril"), and a later turn about pickup or prices may read more like another reason. Another
    reason counts only where it wins an utterance outright with enough probability: a lockout call mentions
    the door and the hallway, which resemble other reasons, but never makes a leak its main point.
    """
    n_r = p_reason.shape[1]
    if n_r == 0:
        return [], np.zeros(0), np.zeros(0, dtype=int)
    if len(p_reason) == 0:
        return [0], np.zeros(n_r), np.zeros(n_r, dtype=int)
    best = p_reason.max(axis=0)
    where = p_reason.argmax(axis=0)
    winner = p_reason.argmax(axis=1)
    won = np.array([p_reason[winner == r, r].max() if (winner == r).any() else 0.0 for r in range(n_r)])
    chosen = [int(np.argmax(best))]
    floor = max(threshold, SECOND_REASON * float(best.max()))
    chosen += [r for r in range(n_r) if r != chosen[0] and won[r] >= floor]
    if opening > 0:
        first = int(np.argmax(p_reason[:opening].max(axis=0)))
        if first not in chosen:
            chosen.append(first)
    return chosen, best, where


# a customer utterance that gives an item's information this clearly shows the item's reason is pursued
INFO_REVEALS_REASON = 0.6


def reasons_from_information(cv: CallView, kv: ChecklistView, p_sentences: np.ndarray,
                             chosen: list[int],
                             asked: set[tuple[int, int]] = frozenset()) -> list[tuple[int, int, float]]:
    """Reasons the customer pursues by giving what only they need: (reason, utterance, probability).

    "Ok, now transfer 550 bucks to Philip" may read only faintly like "send money to someone", but it gives
    the amount and the recipient, which only a transfer needs. A bare "yes", "no" or "I don't know" shows
    nothing: it may answer a question that did not apply. Nor does an identifier where several items take one
    ("V-N, six six two, oh four one nine" may be a VIN or a repair order), unless it replies to its item's ask
    (`asked`: agent utterance, item).
    """
    if len(kv.reason_ids) < 2:
        return []
    index = {r: k for k, r in enumerate(kv.reason_ids)}
    shared_codes = sum("code" in t for t in kv.item_typed) > 1
    found: list[tuple[int, int, float]] = []
    have = set(chosen)
    for s, sent in enumerate(cv.customer_sentences):
        j = sent.utterance
        kinds = {v.kind for v in cv.language.values(sent.text)}
        if "dont_know" in kinds or ("yes_no" in kinds and len(cv.tokens[j]) <= 3):
            continue
        for i in np.where(p_sentences[s] >= INFO_REVEALS_REASON)[0]:
            shown = kinds & kv.item_typed[i]
            if not shown:
                continue  # only a value of the kind the item asks for shows it
            if shown == {"code"} and shared_codes and (cv.prev_agent[j], int(i)) not in asked:
                continue  # "B-H 6620419" may be a booking number, a VIN or a claim number: unasked, it says none
            applies = [index[r] for r in kv.checklist.items[i].applies_to or [] if r in index]
            if len(applies) != 1 or applies[0] in have:
                continue  # only an item that serves one reason alone points at it
            r = applies[0]
            have.add(r)
            found.append((r, j, float(p_sentences[s, i])))
    return found


def utterance_reasons(cv: CallView, kv: ChecklistView, p_reason: np.ndarray, rows: list[int], threshold: float,
                      p_sentences: np.ndarray | None,
                      asked: list[tuple[int, int]] = ()) -> tuple[list[int], np.ndarray, np.ndarray]:
    """The reasons the utterance rule finds (`call_reasons`, `reasons_from_information`): chosen indices,
    each reason's best probability and the customer utterance (index in `rows`) where it is best.

    The opening is the customer's first turns before the agent's first ask (`asked`: agent utterance, item):
    when the agent opens with the checklist ("What is the year, make and model?"), the customer's first
    words answer it and say nothing of why they call."""
    first_ask = min((u for u, _ in asked), default=len(cv.transcript.utterances))
    opening = sum(1 for j in rows[:OPENING_TURNS] if j < first_ask)
    chosen, best, where = call_reasons(p_reason[rows], threshold, opening)
    if len(kv.reason_ids) == 1:
        chosen = [0]
    elif p_sentences is not None and rows:
        for r, j, p in reasons_from_information(cv, kv, p_sentences, chosen, set(asked)):
            chosen.append(r)
            where[r] = rows.index(j)
            best[r] = max(best[r], p)
    return chosen, best, where


# a call's second reason must pass the call-level scorer's threshold by this much more than its first (chosen on
# sgd-train outside the fits and our hand-written English calls: 0.05 helped or left every set, 0.1 cost en-j 0.043)
SECOND_CALL_REASON = 0.05


def reason_scores(cv: CallView, kv: ChecklistView, p_reason: np.ndarray, rows: list[int],
                  threshold: float, p_sentences: np.ndarray | None = None,
                  call_scorer: Scorer | None = None, asked: list[tuple[int, int]] = (),
                  call_mode: str = "decide") -> list[ReasonScore]:
    """The call's reasons with confidence and the customer utterance that shows each; the call's metadata
    may name one too.

    The utterance rule (`utterance_reasons`) finds reasons first. A call-level scorer, where the scorers
    have one (`call_reason_features`, which reads the rule's choice too), then has its say
    (`audit.training.reasons`): in `decide` mode its strongest reason is the call's and any other passing its
    threshold joins it; in `filter` mode the rule's reasons stay where the scorer passes them, and where it
    passes none, the one it rates highest. A turn that raises another matter then adds its reason
    (`new_matters`), and the agent's reports of a search and a booking show or rule out reasons (`searched`).
    """
    if not kv.reason_ids:
        return []
    chosen, best, where = utterance_reasons(cv, kv, p_reason, rows, threshold, p_sentences, asked)
    if call_scorer is not None and len(kv.reason_ids) > 1:
        rule = np.zeros(len(kv.reason_ids))
        rule[chosen] = 1.0
        p = call_scorer.predict(call_reason_features(cv, kv, p_reason[rows], _or_empty(p_sentences, kv),
                                                     list(asked), rule))
        if call_mode == "filter":
            top = max(chosen, key=lambda r: p[r])
            second = call_scorer.threshold + SECOND_CALL_REASON
            chosen = [r for r in chosen if p[r] >= (call_scorer.threshold if r == top else second)] or [top]
        else:
            top = int(np.argmax(p))
            chosen = [top] + [r for r in range(len(p)) if r != top and p[r] >= call_scorer.threshold]
            best = p
    for r, j in new_matters(cv, kv, p_reason, rows, threshold):
        if r not in chosen:
            chosen.append(r)
            where[r], best[r] = rows.index(j), max(best[r], float(p_reason[j, r]))
    for r, j, closeness in matter_reasons(cv, kv, rows):
        if r not in chosen:
            chosen.append(r)
            where[r], best[r] = rows.index(j), max(best[r], closeness)
    opening = opening_reason(cv, kv, rows)
    if opening is not None and opening[0] not in chosen:
        r, j, closeness = opening
        chosen.append(r)
        where[r], best[r] = rows.index(j), max(best[r], closeness)
    shown, ruled_out = searched(cv, kv)
    reported = {r: j for r, j in shown if r not in chosen}  # the agent's words show these
    chosen += list(reported)
    chosen = [r for r in chosen if r not in ruled_out] or chosen
    meta_reason = str(cv.transcript.metadata.get("reason", "")).strip()
    if meta_reason in kv.reason_ids and kv.reason_ids.index(meta_reason) not in chosen:
        chosen.append(kv.reason_ids.index(meta_reason))
    out = []
    for r in sorted(chosen, key=lambda r: -best[r]):
        ev = []
        if r in reported or rows:
            u = reported[r] if r in reported else rows[int(where[r])]
            ev = [Evidence(utterance=u, text=cv.transcript.utterances[u].text)]
        out.append(ReasonScore(id=kv.reason_ids[r], confidence=round(float(min(max(best[r], 0), 1)), 3),
                               evidence=ev))
    return out


# a turn raising another matter shows its reason with this share of the reason threshold
NEW_MATTER = 0.6
# ... or with this share, where it reads at least `CLEAR_MARGIN` times closer to that reason than to any other (the
# static encoder reads "the engine was making a grinding noise, can someone look at it?" faintly, but clearly so)
NEW_MATTER_CLEAR = 0.2
CLEAR_MARGIN = 2.0


def new_matters(cv: CallView, kv: ChecklistView, p_reason: np.ndarray, rows: list[int],
                threshold: float) -> list[tuple[int, int]]:
    """(reason, customer utterance) for each turn that raises another matter ("Oh, and while I have you, my
    dad uses a wheelchair"): the reason it reads closest to is the call's too, however the whole call reads.
    The call-level scorer has had its say before: it weighs what most of the call is about, and a matter
    raised at the end is a small part of it."""
    if len(kv.reason_ids) < 2:
        return []
    out = []
    for j in matter_turns(cv, rows):
        r = int(np.argmax(p_reason[j]))
        second = float(np.partition(p_reason[j], -2)[-2])
        if p_reason[j, r] >= NEW_MATTER * threshold or (
                p_reason[j, r] >= NEW_MATTER_CLEAR * threshold and p_reason[j, r] >= CLEAR_MARGIN * second):
            out.append((r, j))
    return out


def matter_turns(cv: CallView, rows: list[int]) -> list[int]:
    """The customer turns (of `rows`) that raise another matter (`Language.new_matter_pattern`)."""
    pattern = cv.language.new_matter_pattern
    if pattern is None:
        return []
    return [j for j in rows if pattern.search(cv.language.fold_case(cv.transcript.utterances[j].text))]


# the customer's first turns, read by meaning, show the reason they put at least this close and this far ahead of
# the next (chosen on our hand-written English calls and sgd-train outside the fits)
OPENING_TURNS = 3
OPENING_COS = 0.3
OPENING_MARGIN = 0.1


def opening_reason(cv: CallView, kv: ChecklistView, rows: list[int]) -> tuple[int, int, float] | None:
    """(reason, customer utterance, closeness) for the reason the caller's opening turns state plainly, read by
    the language's paraphrase reader (`Language.paraphrase_encoder`); None where none stands out or the language
    has no such reader.

    The scorers read the static encoder, which matches words: "I need a refill on my lisinopril" reads as close
    to an insurance rejection as to a refill. The transformer reads it as a refill. It adds a reason the others
    missed and never removes one: the call-level scorer weighs the whole call, the opening states the matter.
    """
    if not rows:
        return None
    return _read_reason(cv, kv, opening_sentences(cv))


def matter_reasons(cv: CallView, kv: ChecklistView, rows: list[int]) -> list[tuple[int, int, float]]:
    """(reason, customer turn, closeness) for each turn raising another matter ("Um, and while I have you, I
    kind of wanted to ask about deferring?") whose words the paraphrase reader puts clearly closest to one
    reason, as it reads the opening (`opening_reason`)."""
    found = (_read_reason(cv, kv, [s for s in cv.customer_sentences if s.utterance == j])
             for j in matter_turns(cv, rows))
    return [f for f in found if f is not None]


def _read_reason(cv: CallView, kv: ChecklistView, sentences: list[Sentence]) -> tuple[int, int, float] | None:
    """(reason, utterance, closeness) for the reason the paraphrase reader puts clearly closest to any of these
    customer sentences (`OPENING_COS`, `OPENING_MARGIN`), with the utterance of the sentence reading closest."""
    groups = kv.paraphrase_reasons
    if groups is None or len(kv.reason_ids) < 2 or not sentences:
        return None
    encoder = cv.language.paraphrase_encoder()
    assert encoder is not None  # the view holds paraphrase vectors only where the language has the reader
    closeness = groups.closeness(encoder.encode([s.text for s in sentences]))  # (sentences, reasons)
    best = clearly_closest(closeness.max(axis=0), OPENING_COS, OPENING_MARGIN)
    if best is None:
        return None
    return best, sentences[int(closeness[:, best].argmax())].utterance, float(closeness[:, best].max())


def opening_sentences(cv: CallView) -> list[Sentence]:
    """The customer's sentences in their first `OPENING_TURNS` turns, where a caller states the matter."""
    turns = [i for i, u in enumerate(cv.transcript.utterances) if u.speaker == "customer"][:OPENING_TURNS]
    return [s for s in cv.customer_sentences if s.utterance in turns]


def searched(cv: CallView, kv: ChecklistView) -> tuple[list[tuple[int, int]], list[int]]:
    """Reasons the agent's words show or rule out, on a checklist that holds search reasons ("Find events in
    a given city") beside what they lead to ("Buy tickets for an event"): ((reason, agent utterance) shown,
    reasons ruled out).

    Reporting what a search found ("I found 7 events in Stanford") shows its one search reason, though the
    opening ("I'd like to see an event") may read closer to buying. Confirming a booking ("Please confirm: 4
    tickets ...") shows the one reason that is not a search, though the customer may have opened by asking
    what there is; an offer to book that the customer declines ("Would you like to buy tickets?" "Not right
    now.") with nothing booked rules it out, though the items it needs were read out along the way, and shows
    the search: what the agent offered to book, it had found.
    """
    lang = cv.language
    is_search = kv.reason_search
    if len(kv.reason_ids) < 2 or not any(is_search):
        return [], []
    utts = cv.transcript.utterances
    said = [lang.fold_case(u.text) if u.speaker == "agent" else "" for u in utts]

    def first(pattern: re.Pattern[str] | None) -> int | None:
        return next((j for j, t in enumerate(said) if pattern is not None and t and pattern.search(t)), None)

    searches = [k for k, s in enumerate(is_search) if s]
    others = [k for k, s in enumerate(is_search) if not s]
    shown: list[tuple[int, int]] = []
    if len(searches) == 1 and (j := first(lang.results_pattern)) is not None:
        shown.append((searches[0], j))
    if len(others) != 1:
        return shown, []
    if (j := first(lang.booking_pattern)) is not None:
        return [*shown, (others[0], j)], []
    offer, no = lang.booking_offer_pattern, lang.declined_pattern
    declined = next((j for j in range(len(utts) - 1) if offer is not None and no is not None and said[j]
                     and offer.search(said[j]) and utts[j + 1].speaker == "customer"
                     and no.search(lang.fold_case(utts[j + 1].text))), None)
    if declined is None:
        return shown, []
    if len(searches) == 1 and not shown:  # what the agent offered to book, it had found
        shown.append((searches[0], declined))
    return shown, others


def _or_empty(p_sentences: np.ndarray | None, kv: ChecklistView) -> np.ndarray:
    return p_sentences if p_sentences is not None else np.zeros((0, len(kv.item_ids)), dtype=np.float32)


# a sentence holding a value of a kind that only one item asks for gives that item at least this clearly
TYPED_VALUE = 0.5
TYPED_VALUE_COS = 0.3
UNIQUE_KINDS = ("location", "address", "phone", "email", "money", "name", "count", "duration", "date", "time")


def takes_value(kv: ChecklistView, item: int, kind: str, text_has_year: bool, lang: Language,
                value_text: str) -> bool:
    """Whether an item takes a value of this kind from a text: "on Thursday" is an appointment, never a date
    of birth (`Language.has_year`), "five minutes ago" never a visit still to be booked (`Language.asks_future`),
    and "2 baths" is no count of bedrooms (`Language.counted_thing_pattern`)."""
    kinds = kv.item_kinds[item]
    fits = kind in kinds or (kind == "address" and "location" in kinds)  # "a ride to 1900 University Ave" is a place
    if fits and kind == "count" and lang.counted_thing_pattern is not None:
        m = lang.counted_thing_pattern.search(lang.fold_case(value_text))
        if m:
            fits = m.group(1).replace(" ", "") in kv.item_text[item]
    if fits and kind in WHEN_KINDS and kv.item_future[item] and lang.is_past_value(value_text):
        return False  # "It went off five minutes ago" sets no date for the technician's visit
    return fits and not (kind == "date" and kv.item_birth[item] and not text_has_year)


def typed_values(cv: CallView, kv: ChecklistView, p_sentences: np.ndarray) -> np.ndarray:
    """Raise the information scores of sentences that hold a value only one item can take.

    "I'm parked at the Shell station on Route 9" holds a place; when the checklist has one item that asks
    for a place, the sentence gives it, however loosely its words resemble the item's description.
    """
    out = p_sentences.copy()
    owners = {k: [i for i, kinds in enumerate(kv.item_kinds) if k in kinds] for k in UNIQUE_KINDS}
    lang = cv.language
    for s, sent in enumerate(cv.customer_sentences):
        found = lang.values(sent.text)
        year = lang.has_year(sent.text)
        for k in {v.kind for v in found} & set(UNIQUE_KINDS):
            if len(owners[k]) == 1:
                i = owners[k][0]
                if not any(takes_value(kv, i, k, year, lang, sent.text[v.start : v.end]) for v in found if v.kind == k):
                    continue
                if float(cv.customer_vecs[s] @ kv.combined_vecs[i]) >= TYPED_VALUE_COS:
                    out[s, i] = max(out[s, i], TYPED_VALUE)
    return out


# how much a value's direction ("from Seattle") weighs in choosing the item it fills, against its words' cosine
# and the item's information probability (each 0-1)
DIRECTION_FIT = 0.5
# a customer's "yes" to the agent's reading back of a value gives its item this clearly
CONFIRMED = 0.5

def _fill(cv: CallView, kv: ChecklistView, text: str, values: list[Value], wanting: list[int],
          p_row: np.ndarray, ctx: np.ndarray | None = None) -> set[int]:
    """The items these values of one text fill, each value one item and each item one value: a value goes
    to the item of its kind that the text gives most clearly (`p_row`), that the words around the value read
    closest to and whose direction the words before it share ("from Seattle")."""
    if not values or not wanting:
        return set()
    lang = cv.language
    if ctx is None:
        ctx = lang.encoder().encode([value_context(text, v) for v in values])
    pairs = []
    year = lang.has_year(text)
    for n, v in enumerate(values):
        d = lang.direction(" ".join(text[: v.start].split()[-3:]))
        for i in wanting:
            if takes_value(kv, i, v.kind, year, lang, text[v.start : v.end]):
                fit = float(ctx[n] @ kv.combined_vecs[i]) + float(p_row[i])
                pairs.append((fit + DIRECTION_FIT * d * kv.item_direction[i], n, i))
    taken: set[int] = set()
    filled: set[int] = set()
    for _, n, i in sorted(pairs, reverse=True):
        if n not in taken and i not in filled:
            taken.add(n)
            filled.add(i)
    return filled


def _stated(lang: Language, text: str) -> list[str]:
    """An agent turn's sentences that state or propose something rather than ask ("Baja Cactus is one of the
    good ones in Milpitas.", "How about Bar Cesar in Oakland?")."""
    suggestion = lang.suggestion_pattern
    return [text[a:b] for a, b in lang.sentences(text)
            if lang.is_question(text[a:b]) < 1.0 or (suggestion and suggestion.search(lang.fold_case(text[a:b])))]


def _names_something(sentences: list[str]) -> bool:
    """Whether stated sentences name something: a capitalised word past a sentence's first that is no pronoun."""
    return any(w[:1].isupper() and w not in ("I", "I'm", "I'll", "I've", "I'd")
               for sentence in sentences for w in sentence.split()[1:])


# how clearly choosing a thing gives its items: below `REPLY_NAMES`, as the booking request names none of them
CHOSEN = 0.3
# kinds of value that describe a thing found ("The bus leaves at 7:10 am", "on March 14th at 7 pm")
CHOSEN_KINDS = ("date", "time")


def chosen_things(cv: CallView, kv: ChecklistView, p_sentences: np.ndarray) -> np.ndarray:
    """On a checklist that holds a search beside what it leads to ("Find restaurants", "Reserve a table"), the
    customer asking to book ("Make a reservation.") or saying yes to the agent's offer to, after the agent
    named or described what it found, chose that thing: the item holding the name of what is booked ("Name of
    the restaurant", applying only where something is booked) was given, so was the kind of thing the search
    asked for ("What kind of therapist?": the one booked is of some kind), and so were the dates and times the
    agent last stated for it ("The bus leaves at 7:10 am") to the items of the matter taking them. A yes to
    what the agent just found ("Sounds good.") gives its dates and times only to items the search itself asks
    ("On what day?" of an event search): the customer liked it, and may still not book. Asking them afterwards
    is redundant."""
    lang = cv.language
    request, offer = lang.booking_request_pattern, lang.booking_offer_pattern
    if request is None or p_sentences.size == 0 or not any(kv.reason_search):
        return p_sentences
    search = {r for r, s in zip(kv.reason_ids, kv.reason_search, strict=True) if s}
    items = kv.checklist.items
    holders = [i for i, thing in enumerate(kv.item_holds_name_of) if thing and "name" in kv.item_typed[i]
               and items[i].applies_to and not set(items[i].applies_to) & search]
    timed = [i for i in range(len(items)) if items[i].applies_to and kv.item_typed[i] & set(CHOSEN_KINDS)]
    # what kind of thing the search looked for ("What kind of therapist?"): the chosen one is of some kind
    kinds = [i for i in range(len(items)) if "category" in kv.item_asked[i]
             and not kv.item_typed[i] - lang.ungated_kinds and set(items[i].applies_to) & search]
    utts = cv.transcript.utterances
    # (customer sentence, booked): asking to book or agreeing to the agent's offer to books; a bare yes may like
    replies = []
    for s, sent in enumerate(cv.customer_sentences):
        prev = cv.prev_agent[sent.utterance]
        yes = lang.is_affirmative(sent.text)
        if request.search(lang.fold_case(sent.text)) or yes and prev >= 0 and offer is not None and bool(
                offer.search(lang.fold_case(utts[prev].text))):
            replies.append((s, True))
        elif yes and prev >= 0:
            replies.append((s, False))
    if not replies:
        return p_sentences
    stated = [_stated(lang, u.text) if u.speaker == "agent" else [] for u in utts]
    values = [[(text, [v for v in slot_values(lang, text) if v.kind in CHOSEN_KINDS]) for text in sentences]
              for sentences in stated]
    found = [_names_something(st) or any(v for _, v in vals) for st, vals in zip(stated, values, strict=True)]
    out = p_sentences.copy()
    for s, booked in replies:
        j = cv.customer_sentences[s].utterance
        if not any(found[:j]):
            continue
        scope = timed
        if booked:
            out[s, holders + kinds] = np.maximum(out[s, holders + kinds], CHOSEN)
        elif found[cv.prev_agent[j]]:
            scope = [i for i in timed if set(items[i].applies_to) & search]  # liked, not booked: the search's own
        else:
            continue
        for kind in CHOSEN_KINDS:  # each kind as the agent last stated it ("next Monday", then "at 7:30 pm")
            last = next((k for k in range(j - 1, -1, -1) if any(v.kind == kind for _, vs in values[k] for v in vs)),
                        None)
            for text, vals in values[last] if last is not None else []:
                said = [v for v in vals if v.kind == kind]
                for i in _fill(cv, kv, text, said, scope, np.zeros(len(kv.item_ids))):
                    out[s, i] = max(out[s, i], CHOSEN)
    return out


def gated_items(kv: ChecklistView, lang: Language) -> np.ndarray:
    """Which items ask for a typed value that `value_slots` requires a sentence to hold."""
    return np.array([bool(t - lang.ungated_kinds) for t in kv.item_typed], dtype=bool)


def info_thresholds(kv: ChecklistView, lang: Language, threshold: float, untyped: float | None) -> np.ndarray:
    """Each item's information threshold: typed items' scores pass through the value rules, so they are
    calibrated apart from the others (`audit.training.train`)."""
    out = np.full(len(kv.item_ids), threshold, dtype=np.float32)
    if untyped is not None:
        out[~gated_items(kv, lang)] = untyped
    return out


# kinds whose values our detectors cannot all recognise ("Seattle." answers where): a bare reply to their ask
# may give them; a count, a date or an amount is said in words the detectors know
OPEN_KINDS = frozenset({"location", "address", "name", "category", "code"})


def value_slots(cv: CallView, kv: ChecklistView, p_sentences: np.ndarray, utt_ask: np.ndarray,
                ask_threshold: float) -> np.ndarray:
    """An item that asks for a typed value is given only by a sentence holding a value of that kind, and
    each value gives one item (`_fill`).

    "I need a one-way flight with Alaska Airlines" reads like a flight search, so like every flight item,
    but it holds no date: it cannot give the departure date. "I'm leaving from Seattle on the 6th" holds
    one place and one date, which fill the origin and the departure date. A bare reply to the agent's
    question about the item is exempt (our detectors do not recognise every bare place), unless it is only
    a yes or no, and so is "I don't know" (which answers only the question it replies to). "Yes, that's
    right" to the agent's "a table for 2 at 7 pm on Friday?" gives what the agent's values fill
    (`CONFIRMED`).
    """
    out = p_sentences.copy()
    if p_sentences.size == 0:
        return out
    typed = [t - cv.language.ungated_kinds for t in kv.item_typed]
    utts = cv.transcript.utterances
    lang = cv.language
    found = [slot_values(lang, sent.text) for sent in cv.customer_sentences]
    # every value's context in one encoder call (they were embedded with the call's texts: `view.call_texts`)
    contexts = lang.encoder().encode([value_context(sent.text, v)
                                      for sent, vals in zip(cv.customer_sentences, found, strict=True)
                                      for v in vals])
    at = 0
    for s, sent in enumerate(cv.customer_sentences):
        kinds = {v.kind for v in lang.values(sent.text)}
        vals = found[s]
        ctx, at = contexts[at : at + len(vals)], at + len(vals)
        prev = cv.prev_agent[sent.utterance]
        # "Seattle." answers where, and "I don't know" answers what was asked; "Yes, please." holds no place
        bare = (not vals and "yes_no" not in kinds) or "dont_know" in kinds
        asked = utt_ask[prev] >= ask_threshold if prev >= 0 and bare else np.zeros(len(typed), dtype=bool)
        wanting = [i for i, t in enumerate(typed) if t and not (asked[i] and (t & OPEN_KINDS or "dont_know" in kinds))]
        filled = _fill(cv, kv, sent.text, vals, wanting, p_sentences[s], ctx)
        for i in wanting:
            if i not in filled:
                out[s, i] = 0.0
        if not vals and prev >= 0 and lang.is_affirmative(sent.text):
            for i in _read_back(cv, kv, utts[prev].text, wanting):
                out[s, i] = max(out[s, i], CONFIRMED)
    return out


def _read_back(cv: CallView, kv: ChecklistView, agent_text: str, wanting: list[int]) -> set[int]:
    """Items whose values the agent reads back or proposes in a question ("So a table for 2 at 7 pm?") or asks
    to confirm ("Confirming 3 people leaving at 7 am on March 13th.").
    Names are left out: the agent's own ("this is Dana") would read as one."""
    lang = cv.language
    filled: set[int] = set()
    for a, b in lang.sentences(agent_text):
        text = agent_text[a:b]
        confirming = lang.readback_pattern is not None and lang.readback_pattern.search(lang.fold_case(text))
        if lang.is_question(text) or confirming:
            values = [v for v in slot_values(lang, text) if v.kind != "name"]
            filled |= _fill(cv, kv, text, values, wanting, np.zeros(len(kv.item_ids)))
    return filled


def directed_asks(cv: CallView, kv: ChecklistView, p_ask: np.ndarray) -> np.ndarray:
    """A question that points one way asks the item of that direction, not its sibling.

    "Where will you depart from?" reads almost as close to "Where are you going?" as to "Departure city?";
    its words say it asks where the trip starts, so the ask moves to the origin item.
    """
    siblings = kv.item_siblings
    if not any(siblings) or p_ask.size == 0:
        return p_ask
    lang = cv.language
    out = p_ask.copy()
    for s, sent in enumerate(cv.agent_sentences):
        # a day or an hour reads the words of time only: "Your destination and date please" asks no return date
        ways = {False: lang.direction(sent.text), True: lang.direction(sent.text, of_place=False)}
        if not any(ways.values()) and _asks_one_start(lang, sent.text):
            ways[True] = -1  # moves the days and hours only
        if not any(ways.values()):
            continue
        for i, sib in enumerate(siblings):
            d = ways[bool(kv.item_typed[i] & WHEN_KINDS)]
            if sib and d and kv.item_direction[i] == -d:
                j = max(sib, key=lambda j: float(p_ask[s, j]))
                out[s, j] = max(out[s, j], p_ask[s, i])
                out[s, i] = 0.0
    return out


def _asks_one_start(lang: Language, text: str) -> bool:
    """A question for one date or time that names neither end ("When would you like to go?", "What is your
    date of travel?") asks when the trip or stay starts: the end is asked with its own words ("return",
    "until", "check out")."""
    if lang.end_pattern is None or lang.end_pattern.search(lang.fold_case(text)):
        return False
    return len([k for k in lang.asked_kinds(text) if k & WHEN_KINDS]) == 1


# content words (`Language.tokens`) of a closing offer short enough to be nothing else
SHORT_CLOSING = 4
# and of one short enough to ask no other item (sgd-dev and sgd-train: 6 and 8 alike, 4 kept half the gain, 12
# read "Besides the headaches, anything else with your eyes, like flashes, sudden blurry spots, pain?" as offering
# help only)
OFFER_ONLY = 6


def closing_offers(cv: CallView, kv: ChecklistView, p_ask: np.ndarray) -> np.ndarray:
    """Only a sentence that offers further help asks a closing item ("anything else I can help with?"), and
    every such sentence asks the checklist's one closing item. A short one asks nothing else ("I couldn't
    reserve the tickets, can I help you with anything else?" asks no ticket count), unless its words name what
    it asks or offer a choice ("a psychiatrist, a psychologist, or perhaps something else?").

    The opening "How can I help you?" reads much like it, but it is the greeting, not the checklist's
    closing question.
    """
    if p_ask.size == 0:
        return p_ask
    lang = cv.language
    closing = np.array(kv.item_closing, dtype=bool)
    offers = np.array([lang.is_closing_offer(s.text) for s in cv.agent_sentences], dtype=bool)
    # content words of each offer (none counted for other sentences)
    words = np.array([len(lang.tokens(s.text)) if o else 0 for o, s in zip(offers, cv.agent_sentences, strict=True)])
    out = p_ask.copy()
    for s, sent in enumerate(cv.agent_sentences):
        if offers[s] and words[s] <= OFFER_ONLY and not lang.asked_kind_spans(sent.text) and not (
                lang.choice_pattern is not None and lang.choice_pattern.search(lang.fold_case(sent.text))):
            out[s, ~closing] = 0.0
    if not closing.any():
        return out
    out[np.ix_(~offers, closing)] = 0.0
    if closing.sum() == 1:
        # a short offer says it ("Başka bir şey var mı?", "Что-нибудь ещё?", "Anything else, Wendy?") however
        # faintly the encoder reads it like the checklist's long one; a longer one may ask about the matter
        # at hand ("Anything else going on at the site we should know about?")
        out[np.ix_(offers & (words <= SHORT_CLOSING), closing)] = 1.0
    return out


# content words (`Language.tokens`) of a reply to "anything else?" short enough to close the call ("No, that's
# all, thanks."); a longer one raises something new
CLOSING_REPLY = 6


def _unasked(cv: CallView, items: np.ndarray, utt_ask: np.ndarray, ask_threshold: float) -> np.ndarray:
    """(customer sentences, items): whether the agent turn a sentence replies to did not ask the item. Items
    answered only in reply to their own ask (closing offers, agreements) take nothing from such sentences."""
    prev = np.array([cv.prev_agent[sent.utterance] for sent in cv.customer_sentences], dtype=np.int64)
    asked = utt_ask[np.maximum(prev, 0)][:, items] >= ask_threshold
    return ~asked | (prev < 0)[:, None]


def closing_answers(cv: CallView, kv: ChecklistView, p_sentences: np.ndarray, utt_ask: np.ndarray,
                    ask_threshold: float) -> np.ndarray:
    """A closing item is answered only in reply to it: what the customer came for does not answer
    "anything else?", however much it says. Nor does a reply that raises something new ("Actually, yes, my
    grandson's booking ...", "Where do I upload the form?"): once that is dealt with, "anything else?" is
    asked afresh, not again."""
    closing = np.where(kv.item_closing)[0]
    if not len(closing) or p_sentences.size == 0:
        return p_sentences
    out = p_sentences.copy()
    unasked = _unasked(cv, closing, utt_ask, ask_threshold)
    raises_more: dict[int, bool] = {}  # per customer turn, read only where it replies to a closing offer
    for k, sent in enumerate(cv.customer_sentences):
        j = sent.utterance
        if not unasked[k].all() and j not in raises_more:
            raises_more[j] = _raises_more(cv.language, cv.transcript.utterances[j].text)
        out[k, closing] = np.where(unasked[k] | raises_more.get(j, False), 0.0, out[k, closing])
    return out


def agreement_answers(cv: CallView, kv: ChecklistView, p_sentences: np.ndarray, p_info: np.ndarray,
                      utt_ask: np.ndarray, ask_threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """An item asking the customer to agree (the call's recording, a fee) is answered only in reply to it: a
    story told before it was asked agrees to nothing, however close it reads ("I'd like to pay off part of my
    loan" read as consenting to the recording). Of the 318 agreement questions in our annotated calls and the
    dev sets (273 of them about the recording), 1 is redundant in gold (a repair fee agreed to before). Applied
    after a turn's few items are chosen (`constrain_info`), so it frees no place among them for another item."""
    agreement = np.where(kv.item_agreement)[0]
    if not len(agreement) or p_sentences.size == 0:
        return p_sentences, p_info
    unasked = _unasked(cv, agreement, utt_ask, ask_threshold)
    sentences, utterances = p_sentences.copy(), p_info.copy()
    sentences[:, agreement] = np.where(unasked, 0.0, sentences[:, agreement])
    for k, sent in enumerate(cv.customer_sentences):
        utterances[sent.utterance, agreement] = np.where(unasked[k], 0.0, utterances[sent.utterance, agreement])
    return sentences, utterances


def _raises_more(lang: Language, reply: str) -> bool:
    """Whether a reply to "anything else?" brings up something: a question, or more than "no, that's all"."""
    return len(lang.tokens(reply)) > CLOSING_REPLY or any(
        lang.is_question(reply[a:b]) >= 1.0 for a, b in lang.sentences(reply))


# an utterance that answers the agent's question about one item gives another item only this clearly
OTHER_ITEM = 0.85
# and any utterance gives at most this many items unless clearly
MAX_ITEMS_PER_TURN = 3


# a reply of more than this many sentences is a customer telling their story, not answering one question
SHORT_REPLY = 2


def constrain_info(p_info: np.ndarray, utt_ask: np.ndarray, ask_threshold: float,
                   customer_rows: list[int], sentences: dict[int, int] | None = None) -> np.ndarray:
    """Apply how people answer to the information scores.

    A customer answering the agent's question about one item seldom gives another in the same breath, and
    one turn rarely gives more than a few items; scores that break these patterns must be strong. The first
    holds for short replies only (`sentences`: customer turn -> its sentences): asked whether the recording
    is all right, a caller may say yes and then the whole story ("about forty people, Friday the 20th").
    """
    out = np.zeros_like(p_info)
    customers = set(customer_rows)
    for j in customer_rows:
        p = p_info[j].copy()
        prev = j - 1
        while prev in customers:
            prev -= 1
        short = sentences is None or sentences.get(j, 1) <= SHORT_REPLY
        if short and prev >= 0 and (utt_ask[prev] >= ask_threshold).any():
            asked = utt_ask[prev] >= ask_threshold
            p = np.where(asked | (p >= OTHER_ITEM), p, p * 0.5)
        if p.size > MAX_ITEMS_PER_TURN:
            kth = np.sort(p)[-MAX_ITEMS_PER_TURN]
            p = np.where((p >= kth) | (p >= OTHER_ITEM), p, p * 0.5)
        out[j] = p
    return out


def first_given(cv: CallView, p_info: np.ndarray, threshold: np.ndarray, item: int, before: int,
                meta: dict[int, tuple[str, float]], ask_utts: set[int]) -> Given | None:
    """The earliest evidence, before utterance `before`, that the customer gave the item's information."""
    if item in meta:
        key, p = meta[item]
        return Given(None, p, field=key)
    for j in range(min(before, len(p_info))):
        if p_info[j, item] >= threshold[item]:
            return Given(j, float(p_info[j, item]), by_answer=cv.prev_agent[j] in ask_utts)
    return None


# the reply to the ask plainly gives the item ("I'd like a documentary movie")
REPLY_NAMES = 0.5


def _reply_to(cv: CallView, utt: int) -> int | None:
    """The customer turn answering the agent's turn `utt`, if the next customer turn is that."""
    reply = next((j for j in range(utt + 1, len(cv.transcript.utterances))
                  if cv.transcript.utterances[j].speaker == "customer"), None)
    return reply if reply is not None and cv.prev_agent[reply] == utt else None


def _own_words(cv: CallView, kv: ChecklistView, item: int, utterance: int) -> set[str]:
    """An utterance's content words less the item's and the reasons' own: what it says beyond the subject."""
    return cv.tokens[utterance] - kv.item_tokens[item] - kv.reason_words


def _reply_names_another(cv: CallView, kv: ChecklistView, p_info: np.ndarray, threshold: np.ndarray, item: int,
                         utt: int, g: Given, others: set[int]) -> bool:
    """What the customer's earlier words only gestured at ("I want to find a movie", "check my account balance",
    "the alarm went off") and the reply to the ask names in words the earlier turn never used ("Something like
    a comedy", "The living room motion sensor"): the earlier turn gave the subject, not the item's
    information, and the ask was needed. Items taking a typed value are left to their values; a yes/no item
    needs two such words in the reply ("Yes, here it is, I'm holding it" after a story about the card), and a
    reply giving another item asked in the same turn (`others`) is that item's answer, not this one's."""
    if g.utterance is None or g.by_answer or kv.item_typed[item]:
        return False
    yes_no = "yes_no" in kv.item_kinds[item]
    reply = _reply_to(cv, utt)
    if reply is None or p_info[reply, item] < REPLY_NAMES:
        return False
    if yes_no and any(p_info[reply, o] >= threshold[o] for o in others):
        return False  # "There's 2 of us." answers the count asked beside "Do you prefer a shared ride?"
    if not yes_no and cv.language.is_affirmative(cv.transcript.utterances[reply].text):
        return False
    named = _own_words(cv, kv, item, reply)
    return len(named) >= (2 if yes_no else 1) and not _own_words(cv, kv, item, g.utterance) & named


def _said_again(cv: CallView, kv: ChecklistView, p_info: np.ndarray, item: int, utt: int) -> Given | None:
    """The customer's reply to the ask says it was said before ("No. Like I said, I got laid off.",
    `Language.repeat_pattern`): the earlier customer turn sharing most of the reply's own words gave it, or,
    sharing none ("I told you, it's an emergency"), the longest turn before it, the story (two sentences or
    more); its information score missed it, and the ask was redundant. Without such words in the reply,
    sharing words with an earlier turn proves nothing: replies repeat the story's names and places."""
    reply = _reply_to(cv, utt)
    lang = cv.language
    if reply is None or lang.repeat_pattern is None or not lang.repeat_pattern.search(
            lang.fold_case(cv.transcript.utterances[reply].text)):
        return None
    words = _own_words(cv, kv, item, reply)
    shared, j = max(((len(words & cv.tokens[j]), j) for j in range(utt)
                     if cv.transcript.utterances[j].speaker == "customer"), default=(0, -1))
    if not shared:
        lengths = [(sum(1 for x in cv.customer_sentences if x.utterance == k), k) for k in range(utt)
                   if cv.transcript.utterances[k].speaker == "customer"]
        n, j = max(lengths, default=(0, -1))
        if n < 2:
            return None
    return Given(j, float(p_info[reply, item]))


# how sure an ask is redundant when the agent says they ask again, whatever the earlier turn's score
ASKED_AGAIN = 0.8


def _asked_again(cv: CallView, p_info: np.ndarray, item: int, sent: Sentence) -> Given | None:
    """The agent says they ask again ("Which charge was it again?", `Language.asked_again_pattern`): the
    customer gave it before, in the earlier customer turn that reads most like giving it, however faintly its
    score read it; the ask was redundant."""
    lang = cv.language
    if lang.asked_again_pattern is None or not lang.asked_again_pattern.search(lang.fold_case(sent.text)):
        return None
    earlier = [j for j in range(min(sent.utterance, len(p_info)))
               if cv.transcript.utterances[j].speaker == "customer"]
    if not earlier:
        return None
    j = max(earlier, key=lambda j: float(p_info[j, item]))
    return Given(j, max(float(p_info[j, item]), ASKED_AGAIN), again=True)


def question_verdicts(cv: CallView, kv: ChecklistView, asks: list[Ask], reasons: set[str], p_info: np.ndarray,
                      info_threshold: np.ndarray, meta: dict[int, tuple[str, float]], why_lang: Language,
                      reason_text: str) -> list[QuestionVerdict]:
    out = []
    items = kv.checklist.items
    asked_at: dict[int, set[int]] = {}
    asked_in: dict[int, set[int]] = {}  # utterance -> the items it asks
    for a in asks:
        asked_in.setdefault(a.sentence.utterance, set()).add(a.item)
    for a in sorted(asks, key=lambda a: (a.sentence.utterance, a.sentence.start)):
        it = items[a.item]
        utt = a.sentence.utterance
        prior = {u for u in asked_at.get(a.item, set()) if u < utt}
        evidence: list[Evidence] = []
        if it.applies_to and not set(it.applies_to) & reasons:
            status, conf = "irrelevant", a.prob
            why = why_lang.why("irrelevant", reason=reason_text)
        else:
            g = first_given(cv, p_info, info_threshold, a.item, utt, meta, prior)
            others = asked_in.get(utt, set()) - {a.item}
            if g is not None and _reply_names_another(cv, kv, p_info, info_threshold, a.item, utt, g, others):
                g = None
            if g is None:
                g = _said_again(cv, kv, p_info, a.item, utt)
            if g is None:
                g = _asked_again(cv, p_info, a.item, a.sentence)
            if g is None:
                status, conf = "needed", a.prob
                why = why_lang.why("needed" if it.applies_to else "needed_no_reasons")
            elif g.utterance is None:
                status, conf = "redundant", a.prob * g.prob
                why = why_lang.why("redundant_metadata", field=g.field)
            else:
                status, conf = "redundant", a.prob * g.prob
                quote = _quote(cv.transcript.utterances[g.utterance].text)
                key = ("redundant_asked_again" if g.again else "redundant_answered" if g.by_answer
                       else "redundant_volunteered")
                why = why_lang.why(key, turn=str(g.utterance + 1), quote=quote)
                u = cv.transcript.utterances[g.utterance]
                evidence.append(Evidence(utterance=g.utterance, text=u.text, translation=u.translation))
        asked_at.setdefault(a.item, set()).add(utt)
        out.append(QuestionVerdict(
            utterance=utt, item=it.id, status=status, confidence=round(float(min(max(conf, 0), 1)), 3), why=why,
            text=a.sentence.text, evidence=evidence, seconds=_seconds(cv, a.sentence)))
    return out


def item_statuses(cv: CallView, kv: ChecklistView, asked: set[int], reasons: set[str], p_info: np.ndarray,
                  info_threshold: np.ndarray, meta: dict[int, tuple[str, float]]) -> list[ItemStatus]:
    out = []
    n = len(cv.transcript.utterances)
    for i, it in enumerate(kv.checklist.items):
        if i in asked:
            out.append(ItemStatus(item=it.id, status="asked"))
        elif it.applies_to and not set(it.applies_to) & reasons:
            out.append(ItemStatus(item=it.id, status="not_applicable"))
        else:
            g = first_given(cv, p_info, info_threshold, i, n, meta, set())
            if g is None:
                out.append(ItemStatus(item=it.id, status="missing"))
            elif g.utterance is None:
                out.append(ItemStatus(item=it.id, status="covered"))
            else:
                u = cv.transcript.utterances[g.utterance]
                out.append(ItemStatus(item=it.id, status="covered",
                                      evidence=[Evidence(utterance=g.utterance, text=u.text,
                                                         translation=u.translation)]))
    return out


def information(cv: CallView, kv: ChecklistView, p_raw: np.ndarray, utt_ask: np.ndarray,
                ask_threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """The learned information scores of customer sentences, with the product's rules applied, by sentence
    and by utterance. Training calibrates its threshold on exactly these, so the rules and the threshold
    agree."""
    p_sentences = typed_values(cv, kv, p_raw)
    p_sentences = value_slots(cv, kv, p_sentences, utt_ask, ask_threshold)
    p_sentences = chosen_things(cv, kv, p_sentences)
    p_sentences = closing_answers(cv, kv, p_sentences, utt_ask, ask_threshold)
    cust = [i for i, u in enumerate(cv.transcript.utterances) if u.speaker == "customer"]
    counts: dict[int, int] = {}
    for sent in cv.customer_sentences:
        counts[sent.utterance] = counts.get(sent.utterance, 0) + 1
    p_info = constrain_info(by_utterance(cv, p_sentences), utt_ask, ask_threshold, cust, counts)
    return agreement_answers(cv, kv, p_sentences, p_info, utt_ask, ask_threshold)
