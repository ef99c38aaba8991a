"""Which agent sentence asks which checklist item: the learned ask scores read with what the sentence's own
words say (its question words, an offer, a value read back), one ask per (utterance, item)."""

from __future__ import annotations

import numpy as np

from audit.languages.base import WHEN_KINDS, Language, narrowest_kinds
from audit.matching.slots import slot_values
from audit.matching.view import CallView, ChecklistView, Sentence, clearly_closest
from audit.verdicts import Ask

# a sentence asks items other than its best one only above this probability
SECOND_ASK = 0.6
# kinds of value a question names so plainly ("your name", "a number to reach you", "your email") that, when one
# item of the checklist takes that kind, the question asks it whatever the learned score
NAMED_KINDS = frozenset({"name", "phone", "email"})
# a question whose words name the kind of value it asks ("which date", "where", "how many") asks its best item
# of that kind at this share of the threshold
WH_FLOOR = 0.2
# kinds a sentence names outright ("name", "number", "email") keep their items asked beside its question words
KEPT_KINDS = frozenset({"name", "phone", "email", "code"})
# kinds naming a place, whose end "where are you going?" asks (a day asked so is the day one sets off)
PLACE_KINDS = frozenset({"location", "address"})
# a length asked where no item takes one: the date at the end
UNTIL = frozenset({"date"})
# a date item and a time item whose descriptions read this alike are the day and the hour of one thing
WHEN_TWIN = 0.8
# a question the scorers leave asking nothing asks the item its paraphrase reader puts at least this close and
# this far ahead of the next item (chosen on our hand-written English calls en-i..n and sgd-train outside the fits)
PARAPHRASE_COS = 0.45
PARAPHRASE_MARGIN = 0.1


def paraphrase_asks(cv: CallView, kv: ChecklistView, p_ask: np.ndarray, threshold: float) -> np.ndarray:
    """A question the learned scorers leave asking nothing asks the item that the language's paraphrase reader
    (`Language.paraphrase_encoder`) puts clearly closest to it.

    The scorers read the static encoder, which matches words: "Current miles?" and "And that came when, what
    day?" ask "What is the current mileage?" and "On what date was the item delivered?" in none of their words.
    Only questions are read again, and not those whose own words say they ask nothing of the kind: an offer, a
    value read back, a suggestion ("How about Lanna Thai?", "what do you think?"), a sentence holding several
    values or one beside results found, a closing item, or an item taking no kind of value the question's words
    name ("How long do you want it?" asks no pick-up date). A question holding one value checks one fact ("And
    it's the Calder dining table, the sixty inch one?"): our annotated calls count it as asking its item.
    """
    groups = kv.paraphrase_items
    if groups is None or p_ask.size == 0 or not kv.item_ids:
        return p_ask
    lang = cv.language
    rows = [s for s, sent in enumerate(cv.agent_sentences)
            if p_ask[s].max() < threshold and _reads_as_open_question(lang, sent.text)]
    if not rows:
        return p_ask
    encoder = lang.paraphrase_encoder()
    assert encoder is not None  # the view holds paraphrase vectors only where the language has the reader
    closeness = groups.closeness(encoder.encode([cv.agent_sentences[s].text for s in rows]))
    out = p_ask.copy()
    for r, s in enumerate(rows):
        best = clearly_closest(closeness[r], PARAPHRASE_COS, PARAPHRASE_MARGIN)
        if best is None or kv.item_closing[best]:
            continue
        named = set().union(*(kinds for kinds, _ in lang.asked_kind_spans(cv.agent_sentences[s].text))) - {"category"}
        if named and not named & kv.item_kinds[best]:
            continue
        out[s, best] = max(out[s, best], threshold)
    return out


def _reads_as_open_question(lang: Language, text: str) -> bool:
    """A question put to the customer that proposes, reads back and holds nothing: it can only ask."""
    if not text.rstrip().endswith("?") or lang.is_offer(text):
        return False
    values = slot_values(lang, text)  # a yes, an "I don't know" or a bare number shows no item
    folded = lang.fold_case(text)
    if len(values) > 1 or values and lang.results_pattern is not None and lang.results_pattern.search(folded):
        return False
    return not any(p is not None and p.search(folded) for p in (lang.readback_pattern, lang.suggestion_pattern))


def _only_tells(lang: Language, text: str) -> bool:
    """A sentence that reads as no question and holds no word asking for anything (`Language.asking_pattern`):
    it tells, it does not ask."""
    return (lang.asking_pattern is not None and not lang.is_question(text)
            and not lang.asking_pattern.search(lang.fold_case(text)))


def _whole_sentence(cv: CallView, sent: Sentence) -> bool:
    """Whether a sentence ends as a sentence does, not as the first clause of a question split at its joiner
    ("You want a shared ride | and where?")."""
    rest = cv.transcript.utterances[sent.utterance].text[sent.end :].strip()
    return not rest or sent.text.rstrip().endswith((".", "!"))


class _Asks(dict[tuple[int, int], Ask]):
    """The asks chosen so far, one per (utterance, item). A later sentence of the turn that reads closer to
    an item takes its ask over; if that sentence's own words then rule the item out ("When are you going?"
    reads like "Where are you going?" but asks no place), the ask goes back to the sentence it was taken
    from ("What's the destination?")."""

    def __init__(self) -> None:
        super().__init__()
        self._displaced: dict[tuple[int, int], Ask] = {}

    def put(self, key: tuple[int, int], ask: Ask) -> None:
        held = self.get(key)
        if held is not None and held.sentence is not ask.sentence:
            self._displaced[key] = held
        self[key] = ask

    def drop(self, key: tuple[int, int]) -> None:
        del self[key]
        if key in self._displaced:
            self[key] = self._displaced.pop(key)


def pick_asks(cv: CallView, kv: ChecklistView, p_ask: np.ndarray, threshold: float) -> list[Ask]:
    """Asks above threshold, one per (utterance, item): the best sentence.

    A sentence asks its best item; it asks another only with high confidence ("your name and the
    best number to reach you?"), because items of one checklist often resemble each other. Its question
    words then have their say (`Language.asked_kinds`, `_plain_kind_asks`): "where will you be leaving
    from?" asks a place item however faintly the encoder reads it. A choice between things named ("Music or
    Sports?") asks the category item it reads closest to, a name, phone number or email asked outright
    asks the one item taking it (`_named_ask`), and a question picking a thing ("Which event ...?") the item
    holding that thing's name (`_picked_thing_ask`). A sentence reading values back for a yes ("So 3 tickets
    for Friday, right?") asks nothing.
    """
    best = _Asks()
    lang = cv.language
    told = np.array(kv.item_agreement, dtype=bool) | np.array(kv.item_closing, dtype=bool)  # asked even by telling
    for s in range(p_ask.shape[0]):
        row = p_ask[s]
        if row.size == 0:
            continue
        sent = cv.agent_sentences[s]
        if _only_tells(lang, sent.text) and _whole_sentence(cv, sent):
            # "Your new alarm is added.", "You have a car waiting on that date." ask nothing, however close they
            # read to an item; a consent notice ("Calls are recorded, hope that's okay.") and a short closing
            # offer still ask theirs
            row = np.where(told, row, 0.0)
        top = int(row.argmax())
        spans = lang.asked_kind_spans(sent.text)
        named_by_words = [kinds for kinds, _ in spans]
        # "Do you want me to look in a specific area?" asks where, as "which area?" would
        offer = lang.is_offer(sent.text) and not named_by_words
        # an offer that names no value ("would you like to transfer money?") asks no typed item's value;
        # one that proposes a value ("do you want it to start on the 3rd?") may, and so may an offer that
        # asks an item the checklist itself words as an offer ("Do you want us to text you when ready?")
        values = slot_values(lang, sent.text)
        values_said = {v.kind for v in values}
        said = values_said - lang.ungated_kinds
        readback = lang.readback_pattern is not None and lang.readback_pattern.search(lang.fold_case(sent.text))
        if readback and (said or readback.group(0).endswith(":")):
            continue  # "Please confirm: a cab for 2 people, a shared ride." reads values back for a yes
        bare_offer = offer and not said
        choice = lang.choice_pattern is None or bool(lang.choice_pattern.search(lang.fold_case(sent.text)))
        question = lang.is_question(sent.text) and not offer
        kinds = narrowest_kinds(lang.value_kinds_for(sent.text)) - {"yes_no", "dont_know"}
        asked_here = False
        for i in np.where(row >= threshold)[0]:
            if i != top and row[i] < SECOND_ASK:
                continue
            if bare_offer and kv.item_typed[i] - lang.ungated_kinds and not kv.item_offer[i]:
                continue
            if kv.item_typed[i] and kv.item_typed[i] <= said and "yes_no" not in kv.item_kinds[i] and not (
                    kv.item_typed[i] & {v.kind for v in slot_values(lang, kv.checklist.items[i].question)}):
                continue  # "So you'd like 3 tickets for the game next Friday?" reads the count back
            if offer and not choice and not kv.item_offer[i] and "yes_no" not in kv.item_kinds[i]:
                continue  # "Should I rent the movie for you?" asks no genre; "checking or savings?" may
            asked_here = True
            key = (sent.utterance, int(i))
            if key not in best or row[i] > best[key].prob:
                best.put(key, Ask(sent, int(i), float(row[i])))
        wh = named_by_words if question or (offer and choice) else []
        if wh:
            # a value said in an earlier clause is context ("Confirming 1 ticket at 6:40 am, how many do you
            # need?"), one in the clause of the question's words is read back
            said_by_wh = [{v.kind for v in values if v.end > lang.clause_start(sent.text, at)} for _, at in spans]
            ways = [lang.direction_at(sent.text, at, of_place=bool(k & PLACE_KINDS)) for k, at in spans]
            asked_here = _plain_kind_asks(best, sent, row, kv, lang, wh, kinds & KEPT_KINDS, said_by_wh, ways,
                                          threshold, asked_here)
        if ((question or offer) and "category" in kv.item_asked[top] and (sent.utterance, top) not in best
                and row[top] >= threshold * WH_FLOOR and _names_a_choice(lang, sent.text)):
            # "Would you prefer a psychologist or a psychiatrist?" asks the kind of therapist it reads closest to
            best[(sent.utterance, top)] = Ask(sent, top, float(row[top]))
            asked_here = True
        if question:
            _picked_thing_ask(best, sent, row, kv, lang, frozenset().union(*named_by_words) if named_by_words
                              else frozenset())
        # a name, number or email the words ask outright is asked beside whatever else the sentence asks
        said_outright = frozenset().union(*wh) if wh else frozenset()
        if question and (not asked_here or kinds & NAMED_KINDS & said_outright):
            _named_ask(best, sent, row, kv, lang, kinds & NAMED_KINDS)
    _agreement_asks(best, cv, kv, p_ask, threshold)
    _past_asks(best, cv, kv)
    _both_dates_asks(best, cv, kv)
    return list(best.values())


# a question asking only to agree ("Onaylıyor musunuz?", "Вы согласны?", "Is that okay?") has at most this many words
AGREEMENT_WORDS = 6


def _agreement_asks(best: _Asks, cv: CallView, kv: ChecklistView, p_ask: np.ndarray, threshold: float) -> None:
    """A short question asking to agree ("... dört ay için bin iki yüz lira cayma bedeli yansıyacak. Onaylıyor
    musunuz?") asks the agreement item that it and the statement before it in the turn read closest to
    together, at `WH_FLOOR` of the threshold: alone, its words match no item's, and the statement is no
    question."""
    lang = cv.language
    agreement = np.where(kv.item_agreement)[0]
    if lang.agreement_pattern is None or not len(agreement):
        return
    for s, sent in enumerate(cv.agent_sentences):
        text = sent.text.strip()
        if not (text.endswith("?") and len(text.split()) <= AGREEMENT_WORDS
                and lang.agreement_pattern.search(lang.fold_case(text))):
            continue
        if any((sent.utterance, int(i)) in best for i in agreement):
            continue
        score = p_ask[s, agreement].copy()
        if s > 0 and cv.agent_sentences[s - 1].utterance == sent.utterance:
            score += p_ask[s - 1, agreement]
        k = int(score.argmax())
        if score[k] >= threshold * WH_FLOOR:
            best[(sent.utterance, int(agreement[k]))] = Ask(sent, int(agreement[k]), float(p_ask[s, agreement[k]]))


def _both_dates_asks(best: _Asks, cv: CallView, kv: ChecklistView) -> None:
    """A question for dates in the plural ("What dates do you need the rental car?") asks both ends of the span:
    the pick-up date it reads closest to, and the drop-off date, its sibling of the other direction."""
    lang = cv.language
    if lang.both_dates_pattern is None or not any(kv.item_siblings):
        return
    for key, ask in list(best.items()):
        if "date" not in kv.item_asked[key[1]] or not lang.is_question(ask.sentence.text) or not (
                lang.both_dates_pattern.search(lang.fold_case(ask.sentence.text))):
            continue
        for j in kv.item_siblings[key[1]]:
            if "date" in kv.item_asked[j] and (key[0], j) not in best:
                best[(key[0], j)] = Ask(ask.sentence, j, ask.prob)


def _past_asks(best: _Asks, cv: CallView, kv: ChecklistView) -> None:
    """A question about what was ("And the address it was going to?") asks the item about what is, not the one
    about what is still to be arranged ("Which address would you like it sent to instead?"), however close the
    two read: the ask moves to the one item of the same kind not worded for the future."""
    lang = cv.language
    if lang.past_question_pattern is None or not any(kv.item_future):
        return
    for key, ask in list(best.items()):
        i = key[1]
        if not kv.item_future[i] or not kv.item_typed[i] or not lang.past_question_pattern.search(
                lang.fold_case(ask.sentence.text)):
            continue
        now = [j for j in range(len(kv.item_ids)) if j != i and not kv.item_future[j]
               and (kv.item_typed[j] & kv.item_typed[i]) - lang.ungated_kinds and (key[0], j) not in best]
        if len(now) == 1:
            best.drop(key)
            best[(key[0], now[0])] = Ask(ask.sentence, now[0], ask.prob)


def _picked_thing_ask(best: _Asks, sent: Sentence, row: np.ndarray, kv: ChecklistView,
                      lang: Language, named: frozenset[str]) -> None:
    """"Which event do you need tickets for?" asks the one item holding an event's name ("Name of event"),
    however closely it reads to the ticket count; the count is not what it asks unless its words name a
    count too."""
    pattern = lang.picked_thing_pattern
    if pattern is None or not any(kv.item_holds_name_of):
        return
    for m in pattern.finditer(lang.fold_case(sent.text)):
        stems = lang.tokens(m.group(1))
        holders = [i for i, t in enumerate(kv.item_holds_name_of) if stems and t == stems[0]]
        if len(holders) != 1:
            continue
        i = holders[0]
        for key in [k for k, a in best.items() if a.sentence is sent and k[1] != i]:
            if kv.item_typed[key[1]] - lang.ungated_kinds and not kv.item_asked[key[1]] & named:
                best.drop(key)
        if (sent.utterance, i) not in best:
            best[(sent.utterance, i)] = Ask(sent, i, float(row[i]))


def _named_ask(best: _Asks, sent: Sentence, row: np.ndarray, kv: ChecklistView,
               lang: Language, named: set[str]) -> None:
    """"Who am I speaking with?" asks a name, and one item takes a name: that one, however faintly the
    encoder reads the two alike. Of several, a question for the listener's own name asks the item whose
    question asks the same (the caller's, not the sender's or the beneficiary's)."""
    owners = [i for i in range(len(row)) if named & kv.item_typed[i]] if named else []
    if len(owners) > 1 and "name" in named and _own_name(lang, sent.text):
        # the listener's name: an item whose question asks the same, else the one item not holding a thing's
        # name ("And your name, sir?" asks the owner's, not the boat's)
        own = [i for i in owners if _own_name(lang, kv.checklist.items[i].question)]
        if not own and any((sent.utterance, i) in best for i in owners):
            return
        # of several people's names left ("the applicant's full name", "who sent the document"), a checklist asks
        # the caller's first: identity comes before the matter's other people
        owners = own or [i for i in owners if not kv.item_holds_name_of[i]][:1]
    if len(owners) == 1 and (sent.utterance, owners[0]) not in best:
        best[(sent.utterance, owners[0])] = Ask(sent, owners[0], float(row[owners[0]]))


def _plain_kind_asks(best: _Asks, sent: Sentence, row: np.ndarray, kv: ChecklistView,
                     lang: Language, wh: list[frozenset[str]], kept: set[str], said_by_wh: list[set[str]],
                     part_ways: list[int], threshold: float,
                     asked_here: bool) -> bool:
    """Apply what a question's words say it asks ("Which date did you have in mind?": a date) to the asks of
    one sentence: an item taking another kind of value is not what it asks (unless the sentence names its kind
    outright, `kept`: "your full name and date of birth?"), and each value it asks for
    ("where from, where to and on what date?": two places and a date) goes to the best item of its kind not
    yet asked here, at `WH_FLOOR` of the threshold: static embeddings read such questions loosely
    ("Which date ...?" closest to "What category?", the third part of a long question faintly). Where the
    direction of the question's part asking it (`part_ways`) leaves one item of the kind ("where will you be
    leaving from?": the origin, not the destination), or a kind named twice has one item left ("from where and
    to where?"), the words alone decide. A kind named once in a sentence joining nothing
    (`Language.joined_pattern`) is asked of one item: "What time do you plan to leave?" asks the outbound time,
    not also the return leg's, however alike the two read. A kind whose values the clause of its question
    words holds (`said_by_wh`, one set per entry of `wh`) is read back, not asked."""
    if not any("duration" in t for t in kv.item_asked) and any(
            "date" in t and d == 1 for t, d in zip(kv.item_asked, kv.item_direction, strict=True)):
        # "How long do you need the car?" asks, where no item takes a length, when the thing comes back
        wh = [UNTIL if k == {"duration"} else k for k in wh]
    named = frozenset().union(*wh)
    if not any(named & t for t in kv.item_asked):
        return asked_here
    yes_no_question = "yes_no" in lang.value_kinds_for(sent.text)  # "Did you check the spam folder on the email?"
    for key in [k for k, a in best.items() if a.sentence is sent]:
        # "Where do you want to ride?" asks a place, not whether the ride is shared
        wrong = kv.item_asked[key[1]] or (not yes_no_question and "yes_no" in kv.item_kinds[key[1]])
        if wrong and not (named | kept) & kv.item_asked[key[1]]:
            best.drop(key)
    here = {i for (u, i), a in best.items() if a.sentence is sent}
    # "Where from, and when?" joins asks; "And what time?" or a lone "What time?" asks one of its kind
    joined = lang.joined_pattern is None or bool(lang.joined_pattern.search(lang.fold_case(sent.text)))
    taken: set[int] = set()
    # "what time" before "when", which may be a date
    for kinds, said, part_way in sorted(zip(wh, said_by_wh, part_ways, strict=True), key=lambda p: len(p[0])):
        way = 1 if kinds is UNTIL else part_way
        mine = [i for i in here - taken if kinds & kv.item_asked[i]]
        if joined and way:  # "From when and to what date?": this part asks no item of the other end
            mine = [i for i in mine if kv.item_direction[i] != -way]
        if mine:
            i = _better_item(max(mine, key=lambda i: row[i]), kinds, sent, row, kv, lang, best, taken)
            taken.add(i)
            if wh.count(kinds) == 1 and not joined:
                for j in mine:
                    if j != i and (sent.utterance, j) in best:
                        best.drop((sent.utterance, j))
            continue
        owners = [i for i in range(len(row)) if kinds & kv.item_asked[i]]
        if way and any(kv.item_direction[i] == way for i in owners):
            owners = [i for i in owners if kv.item_direction[i] != -way]
        free = [i for i in owners if i not in taken and (sent.utterance, i) not in best]
        if free and not kinds & said:  # "So the departure date is March 3rd?" reads a date back
            i = max(free, key=lambda i: row[i])
            ways = [j for j in owners if way and kv.item_direction[j] == way]
            # the one item of its kind left once the others are asked here ("from where and to where?")
            last = len(free) == 1 and len(owners) > 1 and wh.count(kinds) > 1 and "name" not in kinds
            if kinds == {"category"} and not said:
                # "What type are you looking for?" names no thing, but one item only takes a kind of thing
                pure = [j for j in owners if kv.item_asked[j] == {"category"}]
                if len(pure) == 1 and pure[0] in free:
                    i, last = pure[0], True
            floor = 0.0 if ways == [i] or last else WH_FLOOR if len(owners) > 1 else lang.lone_kind_floor
            if row[i] >= threshold * floor:
                best[(sent.utterance, i)] = Ask(sent, i, float(row[i]))
                taken.add(i)
    return any(a.sentence is sent for a in best.values())


def _better_item(i: int, kinds: frozenset[str], sent: Sentence, row: np.ndarray, kv: ChecklistView,
                 lang: Language, best: _Asks, taken: set[int]) -> int:
    """The item a question's words ask where the learned best one (`i`) reads right but is not it: "What kind
    of event?" asks the item taking only a kind ("Type of event"), not one whose mandated wording reads that
    way but which takes another value ("Name of event"); a bare "When would you like to leave?" asks, of a
    day item and an hour item of one thing, the one the checklist words with "when" ("When are you
    leaving?"), though it reads closer to "What time would you like to leave?". The ask moves to it."""
    def free(j: int) -> bool:  # not asked elsewhere in the turn; a rival read from this same sentence is free
        held = best.get((sent.utterance, j))
        return j not in taken and (held is None or held.sentence is sent)

    others: list[int] = []
    if kinds == {"category"} and not kv.item_asked[i] <= kinds:
        others = [j for j in range(len(row)) if kv.item_asked[j] and kv.item_asked[j] <= kinds and free(j)]
    elif kinds == WHEN_KINDS and not kv.item_when_worded[i]:
        others = [j for j in range(len(row)) if kv.item_when_worded[j] and free(j)
                  and kv.item_direction[j] == kv.item_direction[i]
                  and float(kv.description_vecs[j] @ kv.description_vecs[i]) >= WHEN_TWIN]
    if len(others) != 1:
        return i
    best.drop((sent.utterance, i))
    best[(sent.utterance, others[0])] = Ask(sent, others[0], max(float(row[others[0]]), float(row[i])))
    return others[0]


def _own_name(lang: Language, text: str) -> bool:
    return bool(lang.own_name_pattern and lang.own_name_pattern.search(lang.fold_case(text)))


def _names_a_choice(lang: Language, text: str) -> bool:
    folded = lang.fold_case(text)
    return bool(lang.choice_pattern and lang.choice_pattern.search(folded) and lang.is_question(text) >= 1.0)
