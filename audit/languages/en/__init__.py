"""English.

Sentences are read with a static distillation of all-MiniLM-L6-v2 (model2vec), fast enough to audit about
a hundred calls a second on two cores and to compare each sentence with thousands of stored examples. The
MiniLM transformer itself was measured too (README, Accuracy): better on SGD, worse on hand-written calls,
and six times slower, so it is not used.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

from audit.encoders import CachedEncoder
from audit.languages.base import Encoder, FocusCue, Language, Value, sentence_spans, without_codes_in_amounts
from audit.languages.en.values import asked_kind_spans, find_values, item_kinds, mask_values
from audit.languages.en.why import WHY

# a period inside a sentence: after a title ("Mr. Justin", "Dr. Anand") or inside "a.m." and "p.m." before the
# sentence goes on ("at 7 a.m. tomorrow")
_INNER_PERIOD = (r"(?:(?<=\bmr)|(?<=\bmrs)|(?<=\bms)|(?<=\bdr)|(?<=\bjr)|(?<=\bsr)|(?<=\bst)|(?<=\bmt)|"
                 r"(?<=\bvs))\.(?=\s)|"
                 r"(?<=\b[ap])\.(?=m\.)|(?<=\b[ap]\.m)\.(?=\s+(?-i:[a-z0-9]))")
_SENT = re.compile(r"(?:[^.?!]|" + _INNER_PERIOD + r")+(?:[.?!]+[\"')\]]*|$)", re.I)
# "Where are you going and where will you be leaving from?": two asks in one sentence, split at the join
_CLAUSE_JOIN = re.compile(
    r",?\s+(?:and|or|also)\s+(?=(?:what|which|when|where|who|whose|how|do you|did you|can you|could you|would you|"
    r"will you|are you|is there|is it|have you)\b)", re.I)
# "... has 2 bed rooms for $3,200 What day do you want to go?": a question run on after a statement with no
# stop between, told by its capitalised question word
_RUN_ON = re.compile(
    r"(?<=[a-z0-9%$)])\s+(?=(?:What|Which|When|Where|Who|How|Would you|Do you|Did you|Can you|Could you|Will you|"
    r"Are you|Is there|Is it|Shall I|Should I|May I|Can I)\b)")
# the listener's own name: "your name", "who am I speaking with?", "and you are?"
_OWN_NAME = re.compile(
    r"\byour (?:full |first |last )?name\b|\bwho (?:am i|i'm) (?:speaking|talking) (?:with|to)\b|"
    r"\bwho(?:'s| is) (?:calling|this)\b|\bwho do i have\b|\band you are\b")
_NEW_MATTER = re.compile(
    r"\b(?:while i have you|since i have you|one more thing|another thing|one other thing|also,|and also|oh,? and|"
    r"actually,? (?:yes|yeah)|while we're at it|something else)\b")
_SEARCH_REASON = re.compile(r"^(?:find|search|look(?:ing)? for|discover|browse|see available)\b")
_RESULTS = re.compile(
    r"\b(?:i(?:'ve| have)? found|found \d+|there (?:are|is) \d+|i (?:have|got|see) (?:\d+|one|two|three|four|five|"
    r"six|seven|eight|nine|ten)|recommendations?|(?:some|few|several) options)\b")
_READBACK = re.compile(
    r"\b(?:please confirm|to confirm|confirming|do you confirm|is (?:that|this|it) (?:right|correct)|are you sure|"
    r"just to make sure)\b(?:(?: the following| this| these details)?:)?|\b(?:right|yes|correct)\?\s*$")
_BOOKING = re.compile(r"\b(?:please confirm|to confirm|confirm the (?:following|details)|has been (?:booked|reserved|"
                      r"purchased|confirmed)|is (?:booked|reserved|confirmed))\b")
# the agent proposing something: "How about Lanna Thai?", "There's Rachelle Coate, what do you think?"
_SUGGESTION = re.compile(r"\b(?:how|what) about\b|\bwhat do you think\b|\bhow does (?:that|this|it) sound\b")
_BOOKING_OFFER = re.compile(
    r"\b(?:(?:would|do) you (?:like|want|wish) (?:me )?to (?:buy|book|reserve|purchase|rent|make a reservation|"
    r"schedule|get tickets)|interested in (?:purchasing|buying|booking|reserving)|(?:shall|should) i (?:book|"
    r"reserve|buy)|want me to (?:book|reserve|buy))\b")
_BOOKING_REQUEST = re.compile(
    r"\b(?:book|reserve|buy|purchase|make (?:a|the|my) (?:reservation|booking)|get (?:me |us )?(?:\w+ )?tickets?)\b")
_ASKING = re.compile(
    r"\b(?:let me know|let'?s (?:start|begin) with|specify|indicate|provide|tell me|give me|what|which|where|when|who|"
    r"whom|how|whether|please|need)\b|.\b(?<!enjoy )your\b")
_DECLINED = re.compile(
    r"^\W*(?:no\b|nope\b|not (?:right )?now|not at (?:this|the moment)|not yet|i don'?t (?:want|need)|maybe later|"
    r"not today)|\b(?:don'?t want to|not (?:right )?now|not at this time|maybe later|not yet)\b")
# "Anything else I can help you with?", "Is there something else?", "Any other questions?"
_CLOSING = re.compile(
    r"\b(?:any|some)(?:thing| other thing)s? (?:else|further)\b|\bany other (?:questions?|concerns?|issues?|way|"
    r"thing)\b|\b(?:is that|will that be|would that be) (?:all|everything)\b(?! right)|\banything more\b|"
    r"\bany (?:more|further) questions\b", re.I)
_START = re.compile(
    r"\b(?:from|depart\w*|leav(?:e|es|ing)|origin\w*|start(?:s|ing)?|begin\w*|outbound|fly(?:ing)? out|"
    r"(?:flights?|bus(?:es)?|trains?|rides?|cabs?|trips?) out of|"
    r"pick(?:ing)?[ -]?(?:it |the car |you )?up|pickup|check(?:ing)?[ -]?in)\b")
_END = re.compile(
    r"\b(?:arriv\w*|return\w*|back|ends?|ending|until|till|inbound|"
    r"drop(?:ping)?[ -]?(?:it |the car )?off|dropoff|check(?:ing)?[ -]?out)\b|"
    # "from when and to what date?"
    r"^\W*to (?:when|what|which)\b")
# words that point at the end only of a place: "When and where do you want to go?" asks the day one goes
_END_PLACE = re.compile(
    # "Where are you going from?" asks the start; "coming and going from" both ends
    r"\bwhere\b.*\b(?:going|go|heading|headed)\b(?!\s+from\b)|\bcom(?:e|ing) and go(?:ing)?\b|"
    r"\bto where\b|\bwhere to\b|\bdestination\b|"
    # "going to" a place, not "going to be leaving" (the future of another verb)
    r"\b(?:going|go|heading) to\b(?! (?:be|have|need|want|leave|depart|fly|travel|take|get|make|do|stay|use|"
    r"pick|rent|book|start|begin|check)\b)|\bto\s*[?.!]*$|"
    # "which city would you like to visit?" (the date of a visit is its start)
    r"\b(?:where|city|town|place|location)\b[^.?!]*\b(?:to|for an?) visit\b")
_WORD = re.compile(r"[a-z0-9']+")
_WH = re.compile(
    r"^(?:and |so |okay,? |alright,? |now,? |also,? |well,? |great,? |sure,? |perfect,? )*"
    r"(?:(?:on|at|for|from|to|till|until|by|in|with|since)\s+(?=what|which|whom|when|where|how)\b)?"
    r"(?:what|which|when|where|who|whose|how|why|is|are|do|does|did|have|has|can|could|may|might|would|will|"
    r"should|shall|was|were|any)\b", re.I)
# "When you get close, hail us on channel nine.": a clause before the comma says when, and nothing is asked
_SUBORDINATE = re.compile(r"^(?:when|where|once|if|as soon as)\s+(?:you|we|i|they|he|she|it)\b[^,?]*,", re.I)
_REQUEST = re.compile(
    r"\b(?:please (?:tell|give|provide|spell|state|share|let me know)|i(?:'ll| will)? need (?:your|the|to "
    r"(?:get|know|have))|let me (?:get|have|take)|(?:tell|give) me|i(?:'d| would) like (?:your|to (?:get|know))|"
    r"can i (?:get|have)|may i (?:get|have))\b", re.I)
# "And your date of birth, please.", "Your destination and date please": a thing named, then "please", asks for it
_PLEASE = re.compile(
    r"^(?!.*\b(?:hold|wait|moment|second|bear with|stay on)\b)\w[\w\s',-]*(?:,\s*|\s+)please\s*[.!]*$", re.I)
_STOP = frozenset(
    "a an the and or but if of to in on at for with from by is are was were be been am do does did have has had "
    "i you he she it we they me my your our their this that these those there here what which who whom how when "
    "where why can could may might will would shall should please just so okay ok alright um uh well also any "
    "some get got let like would want need know tell give".split()
)


def _stem(w: str) -> str:
    for suf in ("ing", "ed", "es", "s"):
        if len(w) > len(suf) + 2 and w.endswith(suf):
            return w[: -len(suf)]
    return w

_AFFIRMATIVE = re.compile(
    r"(?:yes|yeah|yep|yup|sure|correct|right|exactly|absolutely|definitely|perfect|ok(?:ay)?|"
    r"that(?:'s| is| would be| will be| sounds| works)|sounds (?:good|great|perfect|fine)|works for me)\b")


_OFFER = re.compile(
    r"(?:(?:ok(?:ay)?|sure|great|alright|all right|perfect|so|and|then|now|also|well)\W+)*"
    r"(?:(?:would|do|did|will)\s+you\s+(?:also\s+)?(?:like|want|wish|need|care|prefer)\b(?!\s+to\s+(?:give|tell|share|"
    r"provide|confirm|spell))|"
    r"(?:shall|should|can|may)\s+(?:i|we)\s+(?!(?:have|get|grab|ask|take|know|confirm|verify|see)\b)|"
    r"are\s+you\s+(?:looking|interested|planning|ready)\s+(?:to|in)\b|any\s+plans?\s+to\b|want\s+me\s+to\b|"
    # "Want to schedule the rental?", "Would you be interested in initiating a transfer?"
    r"(?:do\s+)?(?:you\s+)?want\s+to\s+(?:schedule|buy|book|reserve|purchase|rent|make|add|set|go ahead)\b|"
    r"you(?:'d|\s+would)\s+like\s+to\s+(?:schedule|buy|book|reserve|purchase|rent)\b|"
    r"would\s+you\s+be\s+interested\b)")


_BIRTH = re.compile(r"\b(?:birth|born|dob)\b")
# a customer saying they said it before ("Like I said, ...", "I told you, ...", "I already gave you that")
_REPEAT = re.compile(r"\b(?:like|as) i (?:said|told you|mentioned|explained)\b|"
                     r"\bi (?:already |just )?told you\b(?! to\b)|"
                     r"\bi (?:already|just) (?:said|gave|mentioned|explained)\b|"
                     r"\bi said (?:that |it |so )?(?:already|before|earlier)\b|"
                     # "I said.", "I said, knee surgery", "Again.", "I put it in on the keypad already"
                     r"\bi said(?: that| it| so)?(?=\s*(?:[,.!?:;]|$))|(?:^|[,.!?]\s*)again\s*(?:[.!?]|$)|"
                     r"\bi (?:put|entered|typed|keyed) (?:it|that|them) in\b[^.!?]*\balready\b")
# an item asking to agree: "This call is recorded. Is that okay with you?", "Do you agree to pay it?"
_AGREEMENT = re.compile(r"\b(?:is (?:that|this|it) )?(?:okay|ok|alright|all right|fine)(?: with you)?\s*\?|"
                        r"\bdo you (?:consent|agree)\b|\bare you (?:happy|okay|ok|all right|alright) to "
                        r"(?:continue|proceed|go on)\b|\bdo you mind\b|\bany objections?\b")
# "Which date was it again?", "And the repair order number one more time?", "remind me, when ...?"
_ASKED_AGAIN = re.compile(r"\bagain\s*(?:[?,.!—-]|$)|\bone more time\b|\bonce more\b|\bremind me\b|"
                          r"\bdid you (?:say|mention)\b|\byou (?:said|mentioned)\b")
# "What dates do you need the rental car?", "Destination and dates of travel?" (not "the dates we have open")
_BOTH_DATES = re.compile(r"\b(?:what|which|your|the|and|of)\s+(?:\w+\s+)?dates\b(?!\s+(?:we|i|they)\b)")
# "What address was it supposed to come to?"; "did you want" and "were you hoping" ask a wish still to be met
_PAST_QUESTION = re.compile(r"\b(?:was|were|did|had)\b(?! you (?:want|wanting|hope|hoping|think|thinking|look|looking|"
                            r"plan|planning|need|wish|like)\b)|\bsupposed to\b")
_PAST_VALUE = re.compile(r"\bago\b|\byesterday\b|\blast (?:week|month|year|night|\w+day)\b|\bearlier\b")
_FUTURE_ITEM = re.compile(r"\b(?:would you like|do you want|would you prefer|do you prefer|will you|are you planning|"
                          r"should we|shall we|can we|when can|works? (?:best|for you)|is (?:a )?good (?:time|day))\b")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\bnineteen\b|\btwo thousand\b|"
                   r"\btwenty (?:oh|zero|o)\b")

_CHOICE = re.compile(r"\bor\b")
# a joiner after any opening discourse words ("And what time?", "Okay, where to?" join nothing)
_JOINED = re.compile(r"^(?>(?:(?:and|so|okay|ok|alright|all right|now|also|well|great|sure|perfect|thanks|"
                     r"thank you|right)\b\W*)*).*?(?:\b(?:and|or|as well as|plus|also)\b|[,&/])")
_PICKED_THING = re.compile(r"\b(?:which|what|any (?:particular|specific|certain)|a (?:particular|specific|certain))\s+"
                           r"([a-z]+)\b")
_COUNTED_THING = re.compile(r"\b(bed ?room|bed|bath|bathroom|room)s?\s*$")
# "Name of the restaurant", "The name of the pet the request concerns": the thing named is the phrase's head
# ("Name of the account holder" names a person, not an account)
_NAME_OF = re.compile(r"\bname of (?:the |a |an )?([a-z]+)(?=\s*$|\s*[,.;:(]|\s+(?:to|that|for|where|which|who|in|at|"
                      r"on|the|you|user|being|or|and)\b)")
_CATEGORY = re.compile(r"\b(?:kind|type|sort|genre|category|categories|cuisine|style)s?\b")


class English(Language):
    code = "en"
    name = "English"
    closing_pattern = _CLOSING
    start_pattern = _START
    end_pattern = _END
    place_end_pattern = _END_PLACE
    affirmative_pattern = _AFFIRMATIVE
    offer_pattern = _OFFER
    birth_pattern = _BIRTH
    past_value_pattern = _PAST_VALUE
    repeat_pattern = _REPEAT
    asked_again_pattern = _ASKED_AGAIN
    agreement_pattern = _AGREEMENT
    past_question_pattern = _PAST_QUESTION
    both_dates_pattern = _BOTH_DATES
    future_item_pattern = _FUTURE_ITEM
    year_pattern = _YEAR
    category_pattern = _CATEGORY
    picked_thing_pattern = _PICKED_THING
    lone_kind_floor = 0.02  # the static encoder reads "Any date in particular?" at 0.015 against "On what day?"
    counted_thing_pattern = _COUNTED_THING
    name_of_pattern = _NAME_OF
    own_name_pattern = _OWN_NAME
    new_matter_pattern = _NEW_MATTER
    search_reason_pattern = _SEARCH_REASON
    results_pattern = _RESULTS
    booking_pattern = _BOOKING
    readback_pattern = _READBACK
    suggestion_pattern = _SUGGESTION
    booking_offer_pattern = _BOOKING_OFFER
    declined_pattern = _DECLINED
    booking_request_pattern = _BOOKING_REQUEST
    asking_pattern = _ASKING
    choice_pattern = _CHOICE
    joined_pattern = _JOINED
    part_joiner_pattern = re.compile(r"\b(?:and|or|&)\b")
    # "... with 0 transfers. Now please tell me how many tickets": a discourse word opens a clause too
    clause_break_pattern = re.compile(r"[,;:.!?](?:\s|$)|\b(?:now|okay|ok)\b")

    def __init__(self) -> None:
        self._encoder: Encoder | None = None
        self._paraphrase: Encoder | None = None
        self._lock = threading.Lock()

    def encoder(self) -> Encoder:
        with self._lock:
            if self._encoder is None:
                from audit.encoders.minilm import StaticMiniLMEncoder

                self._encoder = CachedEncoder(StaticMiniLMEncoder())
            return self._encoder

    def paraphrase_encoder(self) -> Encoder:
        with self._lock:
            if self._paraphrase is None:
                from audit.encoders.minilm_onnx import OnnxMiniLMEncoder

                self._paraphrase = CachedEncoder(OnnxMiniLMEncoder())
            return self._paraphrase

    def sentences(self, text: str) -> list[tuple[int, int]]:
        return list(_sentences(text))

    def tokens(self, text: str) -> list[str]:
        return list(_tokens(text))

    def is_question(self, sentence: str) -> float:
        return _is_question(sentence)

    def values(self, text: str) -> list[Value]:
        return list(_values(text))

    def value_kinds_for(self, item_text: str) -> set[str]:
        return set(_kinds(item_text))

    def asked_kind_spans(self, question: str) -> list[tuple[frozenset[str], int | None]]:
        return list(_asked(question))

    def masked(self, text: str) -> str:
        return _masked(text)

    def focus_cues(self) -> list[FocusCue]:
        from audit.languages.en.focus import FOCUS_CUES

        return list(FOCUS_CUES)

    def focus_patterns(self) -> dict[str, list[str]]:
        from audit.languages.en.focus import FOCUS_PATTERNS

        return FOCUS_PATTERNS

    def why(self, key: str, **fields: str) -> str:
        return WHY[key].format(**fields)


# "This line is recorded. Is that okay?", "... this call is recorded. Do you consent?": a short question about
# what the sentence before it said
_TAG_QUESTION = re.compile(
    r"^(?:(?:and|so|okay|ok)\W+)?(?:(?:is|would|will|does|do you|are you)\s+(?:that|this|it)\b"
    r".*\b(?:ok(?:ay)?|alright|all right|fine|agree|work|good|accept)\b|do you (?:agree|accept|consent)\b|"
    r"do you mind(?= *\?)|any objections?\b|"
    r"(?:that|this)(?:'s| is)?\s+(?:ok(?:ay)?|alright|all right|fine)\b|(?:ok(?:ay)?|alright|all right|fine) "
    r"(?:with|by) you\b)[^?]*\?$", re.I)


TAG_WORDS = 7


def _with_tag_questions(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans with a short question about the statement before it joined to that statement: alone, "Is that
    okay?" asks nothing an item's words could be matched with."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if (out and text[s:e].endswith("?") and len(text[s:e].split()) <= TAG_WORDS and _TAG_QUESTION.match(text[s:e])
                and not text[out[-1][0]:out[-1][1]].rstrip().endswith("?")):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _clauses(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """A sentence split where a second question is joined to the first."""
    out, start = [], s
    joins = list(_CLAUSE_JOIN.finditer(text, s, e))
    if text[s:e].rstrip().endswith("?"):
        joins = sorted(joins + list(_RUN_ON.finditer(text, s, e)), key=lambda m: m.start())
    for m in joins:
        if m.start() - start >= 8:
            out.append((start, m.start()))
            start = m.end()
    out.append((start, e))
    return out


# Call-center speech repeats itself; these run on every sentence, so they are cached by text.
@lru_cache(maxsize=100_000)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(_with_tag_questions(text, [c for s, e in sentence_spans(text, _SENT) for c in _clauses(text, s, e)]))


@lru_cache(maxsize=100_000)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP)


@lru_cache(maxsize=100_000)
def _values(text: str) -> tuple[Value, ...]:
    return tuple(without_codes_in_amounts(find_values(text)))


@lru_cache(maxsize=100_000)
def _masked(text: str) -> str:
    return mask_values(text, list(_values(text)))


@lru_cache(maxsize=100_000)
def _asked(text: str) -> tuple[tuple[frozenset[str], int | None], ...]:
    return tuple(asked_kind_spans(text))


@lru_cache(maxsize=20_000)
def _kinds(text: str) -> frozenset[str]:
    return frozenset(item_kinds(text))


@lru_cache(maxsize=100_000)
def _is_question(sentence: str) -> float:
    s = sentence.strip()
    if s.endswith("?"):
        return 1.0
    if _REQUEST.search(s) or _PLEASE.search(s):
        return 0.8
    if _WH.match(s) and not _SUBORDINATE.match(s):
        return 0.6
    return 0.0
