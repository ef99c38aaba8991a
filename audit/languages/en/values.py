"""Typed values in English call speech: what a customer says that can answer a checklist item.

Speech recognition writes numbers both as digits and as words ("four one one one"), so spoken digit runs
are read as numbers too. Detectors favour recall: the engine weighs them against meaning.
"""

from __future__ import annotations

import re

from audit.languages.base import Value

_DIGIT_WORDS = {
    "zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9",
}
_SMALL = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
    "a couple|couple|a few|single|both|half"
)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# the words that end a street's name, and their written short forms
_STREET_WORDS = ("street", "avenue", "road", "drive", "lane", "boulevard", "parkway", "court", "place", "way", "circle",
                 "row", "terrace", "close", "crescent")
_STREET_END = "|".join(_STREET_WORDS) + "|st|ave|rd|dr|ln|blvd|ct|pl"
# the words an amount's currency is said in, singular or plural
_CURRENCY = r"dollars?|bucks|usd|euros?|pounds?|quid|cents?"
_HOURS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight|yesterday|weekend"
_ORD = r"\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|" \
    r"eleventh|twelfth|thirteenth|fourteenth|fifteenth|twentieth|thirtieth|\w+teenth|twenty[- ]\w+|thirty[- ]first"

# after "any day", "any city": words that make it a question for one, not a lack of preference
_ASKING_ANY = r"(?!\s*\?|\s+(?:in particular|in mind|specific|you|that|which|where|when|to look|to search|for the)\b)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("email", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|"
                         r"\b[\w.-]+,? at (?:[\w-]+ dot )+(?:com|net|org|edu|gov|io|us|uk|ca)\b", re.I)),
    ("phone", re.compile(r"(?:\+?\d{1,2}[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b")),
    ("money", re.compile(r"[$£€]\s?\d[\d,]*(?:\.\d+)?|\b\d[\d,]*(?:\.\d+)?\s?(?:" + _CURRENCY + r")\b", re.I)),
    ("time", re.compile(
        r"\b\d{1,2}(?::\d{2})?\s?(?:a\.?m\.?|p\.?m\.?)|\b\d{1,2}:\d{2}\b|(?<!\bgood )\b(?:noon|midnight|morning|"
        r"afternoon|evening|night|o'clock)\b|\bhalf past \w+|\bquarter (?:past|to) \w+|"
        r"\bat (?:" + _SMALL + r")\b", re.I)),
    ("date", re.compile(
        r"\b(?:" + _MONTHS + r")\.?\s+(?:" + _ORD + r"|\d{1,2})\b|\b(?:the )?(?:" + _ORD + r")(?: of)? (?:"
        + _MONTHS + r")\b|\b(?:next|this|last|on) (?:" + _DAYS + r"|week|month)\b|\b(?:" + _DAYS + r")\b|"
        r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b|\bthe (?:" + _ORD + r")\b"
        r"(?!\s+(?:time|times|day|date|dates|one|ones|thing|person|step|call|place|week|month|year|floor|row|grade|quarter|"
        r"item|option|payment|installment|letter|digit|page)\b)",
        re.I)),
    ("duration", re.compile(
        r"\b(?:\d+|" + _SMALL + r"|an?|few|couple(?: of)?)\s+(?:minutes?|hours?|days?|nights?|weeks?|months?|"
        r"years?)\b", re.I)),
    ("count", re.compile(
        r"\b(?:\d+|" + _SMALL + r")\s+(?:people|persons?|adults?|kids|children|guests|tickets?|seats?|rooms?|"
        r"passengers?|of us|bed ?rooms?|beds?|baths?|bathrooms?)\b|\bjust (?:me|myself|us)\b|\bfor (?:\d+|" + _SMALL
        + r")\b(?![\s-]+(?:hundred|thousand|dollars|bucks|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
        r"o'clock|[ap]\.?m\b))"
        r"(?!-)|\b(?:we(?:'re| are| will be)|there(?:'s| is| are| will be)|party of|group of)\s+(?:just |only )?(?:\d+|"
        + _SMALL + r")\b|\b(?:\d+|" + _SMALL + r")\s+(?:in (?:my|our|the) (?:party|group)|in total|total)\b|"
        r"\bjust (?:\d+|one)\b", re.I)),
    ("code", re.compile(r"\b(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9]{2,}(?:-[A-Z0-9]+)*\b|\b\d{5,}\b")),
    ("number", re.compile(r"\b\d+(?:[.,]\d+)?\b")),
    ("address", re.compile(
        r"\b\d+\s+(?:[A-Z][\w.]*\s+){1,4}(?:" + _STREET_END + r")\b", re.I)),
    ("yes_no", re.compile(r"^\s*(?:yes|yeah|yep|yup|no|nope|nah|sure|correct|right|of course|not really|"
                          r"absolutely|definitely|okay|ok)\b", re.I)),
    # "any day is fine", "anywhere": no preference, which answers the item as its value would
    # ("Any date in particular?", "any city you have in mind?" ask for one)
    ("date", re.compile(r"\bany (?:day|date)s?\b" + _ASKING_ANY + r"|\bwhichever (?:day|date)\b", re.I)),
    ("time", re.compile(r"\bany ?time\b" + _ASKING_ANY + r"|\bwhenever\b", re.I)),
    ("location", re.compile(r"\banywhere\b|\bany (?:city|area|place|location)\b" + _ASKING_ANY, re.I)),
    ("dont_know", re.compile(
        r"\b(?:i (?:do not|don't|dont) (?:know|care|mind)|no (?:idea|clue|preference)|not sure|doesn't matter|"
        r"does not matter|any(?:thing|one|where|time)? (?:is|are|will be|would be)? ?(?:fine|good|ok|okay)|"
        r"either (?:one|is fine|way)|whatever|no particular|i have no (?:idea|clue)|not really)\b", re.I)),
]
_FULL_MONTHS = ("january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
                "december")
# Values said in words that rarely occur: each pattern runs only on a text holding one of its key words (lower
# case), which most call speech lacks; running them all on every text doubled the time spent reading values.
_GUARDED: list[tuple[str, re.Pattern[str], tuple[str, ...]]] = [
    # amounts said in words ("twelve dollars", "a hundred and fifty bucks", "forty quid")
    ("money", re.compile(r"\b(?:(?:a|" + _SMALL + r")[\s-]+(?:and[\s-]+)?)*(?:" + _SMALL + r")[\s-]+"
                         r"(?:" + _CURRENCY + r")\b", re.I),
     ("dollar", "buck", "euro", "pound", "quid", "cent")),
    # "twenty-two fourteen Larkspur Lane", "Forty-four Linden Avenue": a house number said in words before a
    # street whose name is capitalised
    ("address", re.compile(
        r"\b(?i:(?:(?:" + _SMALL + r"|oh|zero)[\s-]+){1,4})(?:[A-Z][\w.'’]*\s+){1,3}(?i:" + _STREET_END + r")\b"),
     _STREET_WORDS),
    # a month alone after a word placing it in time ("in November", "my October bill"), or of a year
    ("date", re.compile(r"\b(?:in|since|from|until|till|by|during|last|next|this|my|the|early|late|mid)[\s-]+"
                        r"(?:" + "|".join(_FULL_MONTHS) + r")\b", re.I),
     _FULL_MONTHS),
    ("date", re.compile(r"\b(?:" + _MONTHS + r")\s+(?:of\s+)?(?:(?:19|20)\d{2}|(?:nineteen|twenty)[\s-]+\w+"
                        r"(?:-\w+)?)\b", re.I), _FULL_MONTHS),
    # a period's end ("at the end of the month")
    ("date", re.compile(r"\b(?:the )?(?:end|beginning|start|middle) of (?:the |this |next |last )?(?:week|month|"
                        r"year)\b", re.I), (" of ",)),
    # when, said as how long before now ("three days ago", "about an hour ago")
    ("date", re.compile(r"\b(?:\d+|" + _SMALL + r"|an?|few|couple(?: of)?)\s+(?:days?|weeks?|months?|years?)\s+ago\b",
                        re.I), (" ago",)),
    ("time", re.compile(r"\b(?:\d+|" + _SMALL + r"|an?|few|couple(?: of)?)\s+(?:minutes?|hours?)\s+ago\b", re.I),
     (" ago",)),
    # a clock time said in words: "three-thirty", "eight-fifteen", "ten to nine"
    ("time", re.compile(r"\b(?:" + _HOURS + r")(?:[\s-](?:fifteen|thirty|forty-five))?\s?[ap]\.?m\b|"
                        r"\b(?:" + _HOURS + r")[\s-](?:fifteen|thirty|forty-five|o'clock)\b|"
                        r"\b(?:five|ten|twenty|twenty-five) (?:to|past) (?:" + _HOURS + r")\b", re.I),
     ("fifteen", "thirty", "forty-five", "o'clock", " to ", " past ", "am", "pm", "a.m", "p.m")),
]
_STREET = re.compile(r"\b(?:" + "|".join(_STREET_WORDS) + r")\W*$", re.I)
_SPOKEN_DIGITS = re.compile(r"\b(?:(?:" + "|".join(_DIGIT_WORDS) + r")[\s,-]+){3,}(?:" + "|".join(_DIGIT_WORDS)
                            + r")\b", re.I)
_NAME_CUE = re.compile(
    r"\b(?i:my name is|name's|this is|it's|i am|i'm|under|for|mr\.?|mrs\.?|ms\.?|dr\.?)\s+"
    r"((?:[A-Z][a-z'’-]+)(?:\s+[A-Z][a-z'’-]+){0,2})")
_BARE_NAME = re.compile(r"^\s*((?:[A-Z][a-z'’-]+)(?:\s+[A-Z][a-z'’-]+){1,2})[.!]?\s*$")
_LOCATION = re.compile(r"\b(?:in|at|to|from|near|around|on|out of)\s+((?:[A-Z][\w'’.-]+)"
                       r"(?:\s+[A-Z][\w'’.-]+){0,3})")
_CALENDAR = re.compile(r"(?:" + _MONTHS + "|" + _DAYS + r")\b", re.I)
_DAY_WORD = re.compile(_DAYS, re.I)
# "on Delta Airlines", "with United Airways": a carrier, not a place
_CARRIER = re.compile(r"\b(?:airlines?|airways|air lines)\W*$", re.I)
# "a table at Royal Rangoon", "a reservation at Andes Cafe": a venue booked, not where
_BOOKED_AT = re.compile(
    r"\b(?:book(?:ing)?|reserv\w*|table|seats?|eat|dine|dinner|lunch|breakfast|brunch)\s+(?:\w+\s+){0,3}$", re.I)
_NOT_NAMES = {"I", "I'm", "It", "The", "A", "Yes", "No", "Okay", "Hi", "Hello", "Thanks", "Thank", "Please",
              "Sure", "Well", "So", "And", "But", "Um", "Uh", "Yeah", "Oh", "My", "We", "You", "That", "This"}


# letters spelled before spoken digits ("C-L, six one, six one five oh two"): the digits end an identifier
_SPELLED_PREFIX = re.compile(r"\b[A-Z](?:[-.\s]?[A-Z]){1,3}[,.]?\s*$")


def spoken_digits(text: str) -> list[Value]:
    """Runs of four or more spoken digits, as ASR writes card and phone numbers."""
    out = []
    for m in _SPOKEN_DIGITS.finditer(text):
        digits = "".join(_DIGIT_WORDS[w.lower()] for w in re.findall(r"[A-Za-z]+", m.group(0)))
        kind = "phone" if len(digits) in (7, 10, 11) else "number"
        if letters := _SPELLED_PREFIX.search(text[: m.start()]):
            # "B-H, six six two, oh four one nine": a booking number spelled out, not a phone number
            out.append(Value("code", text[letters.start() : m.end()], letters.start(), m.end(), digits))
            continue
        out.append(Value(kind, m.group(0), m.start(), m.end(), digits))
    return out


# kinds whose patterns cannot match without a digit, or (email) without "@" or " dot ": skipped on text that
# lacks them, which most call speech does (the same values are found, faster)
_NEEDS_DIGIT = frozenset({"phone", "money", "code", "number", "address"})
_DIGIT = re.compile(r"\d")


def find_values(text: str) -> list[Value]:
    """Every typed value in one utterance (overlaps allowed: a phone number is also a number)."""
    out: list[Value] = []
    has_digit = _DIGIT.search(text) is not None
    has_email = "@" in text or " dot " in text.lower()
    for kind, pat in _PATTERNS:
        if (kind in _NEEDS_DIGIT and not has_digit) or (kind == "email" and not has_email):
            continue
        for m in pat.finditer(text):
            out.append(Value(kind, m.group(0), m.start(), m.end(), re.sub(r"\D", "", m.group(0))))
    out.extend(spoken_digits(text))
    lower = text.lower()
    for kind, pat, keys in _GUARDED:
        if any(k in lower for k in keys):
            out.extend(Value(kind, m.group(0), m.start(), m.end()) for m in pat.finditer(text))
    for m in _NAME_CUE.finditer(text):
        # "it's Friday", "this is March": a day or a month, not who is speaking ("April Jones" is a name)
        words = m.group(1).split()
        if words[0] not in _NOT_NAMES and not (_CALENDAR.fullmatch(words[0]) and (
                len(words) == 1 or _DAY_WORD.fullmatch(words[0]))):
            out.append(Value("name", m.group(1), m.start(1), m.end(1)))
    m = _BARE_NAME.match(text)
    if m and m.group(1).split()[0] not in _NOT_NAMES:
        out.append(Value("name", m.group(1), m.start(1), m.end(1)))
    for m in _LOCATION.finditer(text):
        if m.group(1).split()[0] not in _NOT_NAMES and not _CALENDAR.match(m.group(1)) and not _CARRIER.search(
                m.group(1)) and not (m.group(0).startswith("at") and _BOOKED_AT.search(text[: m.start()])):
            out.append(Value("location", m.group(1), m.start(1), m.end(1)))
            if _STREET.search(m.group(1)):  # "on Alder Lane": the street of an address
                out.append(Value("address", m.group(1), m.start(1), m.end(1)))
    return out


# "when" asks a time or date as a question word ("When did it start?", "Date when the trip starts" names the
# date itself), not as a conjunction ("What were you told when the claim was rejected?")
_WHEN = r"^\W*when\b|\bwhen(?= (?:do|did|does|will|would|is|are|was|were|can|could|should|shall)\b)|\bsince when\b"

# "Is the number you're calling from good?", "the number you're on": the caller's own line offered as the one to call
_CALLING_FROM = (r"\bnumbers? (?:(?:that )?you(?:'re| are)? (?:calling (?:from|on)|called (?:from|on|in on)|on)|"
                 r"you called)\b")
# "What number should he call?", "What number can the driver reach you at?", "a number we can text": the number to
# call the customer on, asked with the caller of it named
_ASKED_NUMBER_TO_CALL = (r"\bnumbers?\s+(?:(?:should|can|could|would|will|do|may)\s+(?:we|i|he|she|they|someone|you|"
                         r"the \w+)\s+|(?:we|i|he|she|they|someone)\s+(?:can|could|should|will|may)\s+)(?:use to\s+)?"
                         r"(?:call|reach|text)\b")

# What an item asks for, read from its question and description.
_ITEM_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("email", re.compile(r"\be-?mail\b", re.I)),
    ("phone", re.compile(
        r"\bphone\b|\bnumber to (?:reach|call)|\bcall(?:back| you back)\b|\bcontact number|" + _CALLING_FROM, re.I)),
    # "money" or "pay" alone ask no amount: "Who are you sending money to?", "How would you like to pay?"
    ("money", re.compile(r"\b(?:price|cost|amount|budget|fee|balance|dollars?|fare|rent|worth|value|"
                         r"income|salary|earn(?:ing)?s?|how much(?! (?:time|longer|pain|of)\b))\b", re.I)),
    # "at the time of the theft" and "up to date" name no time or date to give ("Time of the appointment" does)
    ("time", re.compile(r"\b(?:(?<!at the )time|hour|o'clock)\b|" + _WHEN, re.I)),
    # "Departure city?" asks a place: a trip's ends name a date only when no place noun follows them
    ("date", re.compile(r"\b(?:(?<!up to )date|day|birth|dob|schedule|(?:arrival|departure|check[- ]?in|"
                        r"check[- ]?out|start|end|leave|return)(?! (?:city|cities|town|location|airport|station|"
                        r"point|address)\b))\b|" + _WHEN, re.I)),
    ("duration", re.compile(r"\b(?:how long|duration|nights|length of|how many (?:minutes|hours|days|weeks|months|"
                            r"years))\b", re.I)),
    ("count", re.compile(r"\b(?:how many(?! (?:minutes|hours|days|nights|weeks|months|years)\b)|"
                         r"number of (?:people|persons|guests|tickets|seats|passengers|rooms|adults|bedrooms|baths)|"
                         r"people|party size|group size|guests|tickets|seats|passengers)\b", re.I)),
    ("name", re.compile(r"\bname\b|^\W*who\b|\bwho (?:am i|i'm) (?:speaking|talking) (?:with|to)\b|"
                        r"\bwho(?: is|'s) calling\b", re.I)),
    # "account", "claim" or "order" alone name no code: "Which account?" asks checking or savings
    ("code", re.compile(r"\b(?:id|number(?! of)|code|passcode|pin|zip|postal|vin|serial|iban|last (?:four|4)|"
                        r"(?:four|4)[- ]digit)\b", re.I)),
    ("address", re.compile(r"\b(?:address|street|where (?:do you|are you) live)\b", re.I)),
    ("location", re.compile(r"\b(?:city|location|where|destination|origin|area|town|place|pick ?up|drop ?off|"
                            r"located|leaving from|going to|travel(?:l?ing)? (?:from|to)|heading)\b", re.I)),
    ("yes_no", re.compile(r"^(?:is|are|do|does|did|have|has|can|could|will|would|should|was|were)\b|\bwhether\b",
                          re.I)),
]


# "Where are you flying from and to?", "your departure and arrival cities": both ends of a trip
_BOTH_ENDS = re.compile(
    r"\b(?:from|departure|departing|origin|start)\W+(?!when\b|what (?:date|day|time)\b)(?:\w+\W+){0,3}?(?:and|&)\W+"
    r"(?:\w+\W+){0,2}?(?:to|arrival|arriving|destination|end)\b|\bto and from\b", re.I)

# What a question asks for by its question words; only plain ones ("what date", "where", "how many people").
# Each match asks one value, of one of its kinds: "when" a date or a time.
_ASKED_KINDS: list[tuple[frozenset[str], re.Pattern[str]]] = [
    (frozenset({"date"}), re.compile(r"\bdates?\b|\b(?:what|which|any|a|the) days?\b|\bbirthday\b|\bdob\b", re.I)),
    (frozenset({"time"}), re.compile(
        r"\b(?:what|which|any|a|the|your|preferred|pick ?up|departure|arrival|return|and|specific|particular|"
        r"certain|exact) times?\b|\bwhat hour\b",
        re.I)),
    (frozenset({"date", "time"}), re.compile(r"\bwhen\b", re.I)),
    (frozenset({"location", "address"}), re.compile(
        r"\bwhere\b(?! (?:i|we)\b)|"  # "an email where I can send the quote" asks no place
        r"\b(?:what|which|any)(?:'s| is)? (?:(?!e-?mail)\w+ )?(?:city|metropolis|town|area|location|place|address|"
        r"airport)\b|"
        # "What's the new residential address, with the zip?"
        r"\bwhat(?:'s| is) (?:the|your) (?:(?!e-?mail\b)\w+ ){1,2}(?:city|town|area|location|address)\b|"
        # "Which store, Kestrel Street or the one on Route 6?"
        r"\bwhich (?:store|branch|office|clinic)\b|"
        r"\b(?:what|which) (?:will|would|is|was) (?:be )?(?:the|your) (?:\w+ )?(?:city|town|location|airport)\b|"
        r"\b(?:a|any) (?:particular|specific|certain|preferred) (?:city|metropolis|town|area|location|place|"
        r"neighbou?rhood)\b|"
        r"\b(?:destination|origin)\b|\b(?:departure|arrival|pick ?up|drop ?off|preferred) (?:city|cities|location|"
        r"area|address)\b", re.I)),
    # "Where are you flying from and to?", "your departure and arrival cities": both ends of a trip
    (frozenset({"location", "address"}), _BOTH_ENDS),
    (frozenset({"name"}), re.compile(r"^\W*(?:and |so |okay,? )?who\b|\bto whom\b|\bwho (?:do|did|should|would|will|"
                                     r"is|are|am)\b", re.I)),
    # things named outright ("Can I grab your name?", "a good number for you?", "Email for the estimate?")
    (frozenset({"name"}), re.compile(r"\bname\b", re.I)),
    (frozenset({"phone"}), re.compile(
        r"\bphone\b|\b(?:good|best|contact|callback|call ?back) number\b|"
        r"\bnumber (?:to|where|at which) (?:we|i|they|someone) (?:can|could) (?:reach|call)|"
        + _ASKED_NUMBER_TO_CALL + "|" + _CALLING_FROM, re.I)),
    (frozenset({"email"}), re.compile(r"\be-?mail\b", re.I)),
    (frozenset({"count"}), re.compile(r"\bhead ?count\b", re.I)),
    (frozenset({"count"}), re.compile(r"\bhow many\b(?! (?:minutes|hours|days|nights|weeks|months|years|times)\b)",
                                      re.I)),
    (frozenset({"duration"}),
     # "How long is she?" asks a boat's length, not a stay's
     re.compile(r"\bhow long\b(?! (?:is|are|was|were) (?:she|he|it|they)\b)|"
                r"\bhow many (?:minutes|hours|days|nights|weeks|months|years)\b", re.I)),
    (frozenset({"category"}), re.compile(
        r"\b(?:what|which|any|a|certain|particular|specific|preferred|favou?rite)\s+(?:\w+\s+)?(?:kind|type|sort|genre|"
        r"category|cuisine|style)s?\b|\bgenre\b|\bcuisine\b|\bor (?:something|anything) else\b", re.I)),
    (frozenset({"money"}), re.compile(r"\bhow much\b(?! (?:time|longer)\b)|\b(?:what|which) (?:price|budget|amount)\b|"
                                      r"\bworth\b|"
                                      # "So roughly what are you making a year now?", "What did you pay for it?"
                                      r"\bwhat (?:are|do|does|is) (?:you|he|she|they|your \w+) (?:mak|earn)\w*\b|"
                                      r"\bwhat (?:did|do|does|will|would) (?:you|he|she|they|we) (?:pay|spend|owe)\b",
                                      re.I)),
    # identifiers named outright ("your policy number", "the last four of your social", "and your unit?")
    (frozenset({"code"}), re.compile(
        r"\b(?!(?:phone|contact|callback|back|good|best|cell|mobile|home|work|this|that|the|a|an|your|my|our|same|"
        r"other|right|different|which|what|any|whole|total|round|lucky|big|small|large|high|low)\b)[a-z]+\s+"
        r"(?:number|no\.?|#|id|code)\b(?! of)|\b(?:vin|pin|zip(?: code)?|post(?:al)? ?code)\b|\blast (?:four|4)\b|"
        r"\byour (?:\w+ (?:and|or) )?(?:unit|apartment|suite)\b", re.I)),
]


# "And when the part comes in, do you want a call or a text?": the clause before the comma says when, the
# question comes after it
_LEADING_CLAUSE = re.compile(r"^\W*(?:(?:and|so|but|okay|ok)\W+)?(?:when|once|if|as soon as)\s+(?:you|we|i|they|he|she|"
                             r"it|(?:the|your|my|our|this|that)\s+\w+)\b[^,?]*,", re.I)


def asked_kind_spans(question: str) -> list[tuple[frozenset[str], int | None]]:
    """The values a question asks by its question words, one entry per value (its possible kinds), each with
    where its words start; both ends of a trip named at once ("flying from
    and to?") ask one more place at no one spot (None): whichever end the others leave."""
    lead = _LEADING_CLAUSE.match(question)
    skip = lead.end() if lead else 0
    rest = question[skip:]
    return [(kinds, None if pat is _BOTH_ENDS else skip + m.start())
            for kinds, pat in _ASKED_KINDS for m in pat.finditer(rest)]


def item_kinds(text: str) -> set[str]:
    """Value kinds an item's question and description ask for."""
    return {kind for kind, pat in _ITEM_KINDS if pat.search(text)}


# Words that stand in for a value when a sentence is compared by its shape ("leaving on DATE").
MASK_WORDS = {
    "email": "email", "phone": "phone number", "money": "amount", "time": "time", "date": "date",
    "duration": "days", "count": "number of people", "code": "number", "address": "address",
    "location": "city", "name": "name", "number": "number",
}
_MASK_ORDER = ("email", "phone", "money", "time", "date", "duration", "count", "code", "address", "location",
               "name", "number")


def mask_values(text: str, values: list[Value]) -> str:
    """The text with each typed value replaced by a word for its kind, longest and most specific first."""
    rank = {k: i for i, k in enumerate(_MASK_ORDER)}
    chosen: list[Value] = []
    for v in sorted((v for v in values if v.kind in rank), key=lambda v: (rank[v.kind], v.start - v.end)):
        if all(v.end <= c.start or v.start >= c.end for c in chosen):
            chosen.append(v)
    out = text
    for v in sorted(chosen, key=lambda v: -v.start):
        out = out[: v.start] + MASK_WORDS[v.kind] + out[v.end :]
    return out
