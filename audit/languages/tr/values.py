"""Typed values in Turkish call speech: what a customer says that can answer a checklist item.

Speech recognition writes Turkish numbers as digits or words, dates with cardinal days ("on iki mart bin
dokuz yüz seksen altı"), phone numbers in chunks ("sıfır beş yüz otuz iki, yüz yirmi üç, kırk beş, altmış
yedi"), and case suffixes glued to numbers and months ("üçte", "ayın on ikisinde", "Mart'ta"). Detectors
favour recall: the engine weighs them against meaning.
"""

from __future__ import annotations

import re
from functools import lru_cache

from audit.languages.base import Value
from audit.languages.en.values import item_kinds as english_item_kinds
from audit.languages.numwords import NumRun, NumWord, digit_pattern_values, number_runs, with_digits
from audit.languages.tr.morph import lower, words

_CARD = {
    "sıfır": NumWord(0, "unit"),
    "bir": NumWord(1, "unit"),
    "iki": NumWord(2, "unit"),
    "üç": NumWord(3, "unit"),
    "dört": NumWord(4, "unit"),
    "beş": NumWord(5, "unit"),
    "altı": NumWord(6, "unit"),
    "yedi": NumWord(7, "unit"),
    "sekiz": NumWord(8, "unit"),
    "dokuz": NumWord(9, "unit"),
    "on": NumWord(10, "teen"),
    "yirmi": NumWord(20, "ten"),
    "otuz": NumWord(30, "ten"),
    "kırk": NumWord(40, "ten"),
    "elli": NumWord(50, "ten"),
    "altmış": NumWord(60, "ten"),
    "yetmiş": NumWord(70, "ten"),
    "seksen": NumWord(80, "ten"),
    "doksan": NumWord(90, "ten"),
    "yüz": NumWord(100, "mul"),
    "bin": NumWord(1000, "mul"),
    "milyon": NumWord(10**6, "mul"),
}
_ROOTS = {**_CARD, "dörd": _CARD["dört"]}
_ORDINAL = re.compile(r"^(?:ı|i|u|ü)?nc(?:ı|i|u|ü)")
_CASE = re.compile(
    r"^(?:y?[ıiuü]|s[ıiuü]|n[ıiuü]n|s[ıiuü]n[ae]|s[ıiuü]nd[ae]|[ıiuü]nd[ae]|nd[ae]|[dt][ae]|"
    r"y?[ae]|[dt][ae]n|y?l[ae]|l[ae]r|[dt][ıiuü]r|s[ıiuü]nd[ae]n)?$"
)
# Word forms that look like suffixed numbers but are ordinary words.
_NOT_NUMBERS = frozenset(
    "ona onu onun ondan onda onlar onları onlara onla biri birini birine birisi bine bini bina "
    "yüze yüzü "
    "yüzden yüzünden altına altında altından altını alt ikimiz ikiniz ikisi".split()
)
_MONTHS = ("ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık").split()


def num_word(word: str) -> NumWord | None:
    """The number a Turkish word form stands for ("üçte" -> 3, "onuncu" -> 10th), if any."""
    w = lower(word)
    if w in _CARD:
        return _CARD[w]
    if w in _NOT_NUMBERS or not re.fullmatch(r"[a-zçğıöşü]+", w):
        return None
    for root in sorted(_ROOTS, key=len, reverse=True):
        if not w.startswith(root) or len(w) == len(root):
            continue
        rest = w[len(root) :]
        m = _ORDINAL.match(rest)
        if m and _CASE.match(rest[m.end() :]):
            base = _ROOTS[root]
            return NumWord(base.value, base.kind, ordinal=True)
        if _CASE.match(rest):
            return _ROOTS[root]
    return None


def spoken_runs(text: str) -> list[NumRun]:
    """Runs of spoken numbers in a Turkish text."""
    return number_runs(words(text), num_word, text)


@lru_cache(maxsize=100_000)
def digits_for_number_words(text: str) -> str:
    """The text with each run of spoken numbers written as its digits ("beş bir üç" -> "513")."""
    return with_digits(text, spoken_runs(text))


def _month(word: str) -> int | None:
    w = lower(word)
    for i, m in enumerate(_MONTHS):
        if w == m or (w.startswith(m) and len(w) - len(m) <= 4):
            return i + 1
    return None


def _year(n: int, ndigits: int) -> int:
    if ndigits <= 2 or n < 100:
        return 1900 + n if n >= 30 else 2000 + n
    return n


_EMAIL = re.compile(
    r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|\b[\w.-]+,? (?:et|at) (?:[\w-]+ nokta )+(?:com|net|org|edu|gov|tr|info)\b",
    re.I,
)
_PHONE = re.compile(
    r"(?<![\d])(?:\+90|0090|90|0)?[\s\-(]*5\d{2}[\s\-)]*\d{3}[\s\-]*\d{2}[\s\-]*\d{2}(?![\d])"
    r"|(?<![\d])(?:\+90|0)?[\s\-(]*[2-4]\d{2}[\s\-)]*\d{3}[\s\-]*\d{2}[\s\-]*\d{2}(?![\d])"
)
# a plate, written or read aloud: matched on the text with its spoken numbers as digits (`_spoken_values`),
# and its letters may stand apart ("F R")
_PLATE = re.compile(r"\b(?:0[1-9]|[1-7]\d|8[01])[\s,]*[A-PR-VYZ](?:[\s,]*[A-PR-VYZ]){0,2}[\s,]*\d{2,4}\b")
_CODE = re.compile(
    r"\b(?=[A-Za-z0-9-]*\d)(?=[A-Za-z0-9-]*[A-Z])[A-Z0-9]{2,}(?:-[A-Z0-9]+)*\b|\b\d{5,}\b"
    r"|\b\d+(?:[-/]\d+){2,}\b"
)
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")
_DATE_DIGITS = re.compile(r"\b\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b")
_MONTH_RE = r"(?:ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık)"
_DAY_MONTH = re.compile(r"\b(\d{1,2})\s+(" + _MONTH_RE + r")[a-zçğıöşü'’]*(?:\s+(\d{4})\b)?", re.I)
_DATE_WORDS = re.compile(
    r"\b(?:bugün|yarın|öbür gün|dün|evvelsi gün|pazartesi|salı|çarşamba|perşembe|cuma|cumartesi|pazar)"
    r"[a-zçğıöşü'’]*|\b(?:bu|gelecek|önümüzdeki|geçen) (?:hafta|ay)\b|\bayın \w+|"
    # a month placed in time ("Mayısta", "Ocak başında", "haziran sonunda")
    r"\b" + _MONTH_RE + r"(?:['’]?(?:da|de|ta|te|nda|nde)\b|\s+(?:başında|sonunda|ortasında|ayında|ayı içinde)\b)",
    re.I,
)
# a day of the month said with a possessive and a case ending ("onunda", "dördünde", "ikisinden", "altısına")
_DAY_CASE = re.compile(r"(?:s?[ıiuü]n(?:d|t)[ae]n?|s?[ıiuü]n[ae])$")
_TIME = re.compile(
    r"\b\d{1,2}[:.]\d{2}\b|\bsaat \w+|(?<!\biyi )\b(?:sabah|öğle|öğlen|öğleden sonra|akşam|ikindi)\w*\b|"
    r"(?<!\biyi )(?<!\bbir )(?<!\biki )(?<!\büç )(?<!\bdört )(?<!\bbeş )(?<!\baltı )(?<!\byedi )(?<!\bsekiz )"
    r"(?<!\bdokuz )(?<!\bon )(?<!\bkaç )\bgece\w*\b|"
    r"\b\w+ buçuk\b",
    re.I,
)
_UNIT_AFTER = {
    "duration": r"(?:(?:dakika|gün|gece|hafta|ay|yıl|sene)[a-zçğıöşü]*|saat(?:lik|tir|tır)|"
    r"saat(?=\s+(?:sonra|önce|boyunca|içinde|kadar|sür)))\b",
    "money": r"(?:lira|tl|₺|kuruş|dolar|euro|avro)[a-zçğıöşü]*",
    "count": r"(?:kişi|yolcu|bavul|valiz|parça|adet|çocuk|yetişkin|bilet|oda|tane)[a-zçğıöşü]*\b",
}
# a street is "<name> Sokak": the name comes first, and a street word in the locative ("sokakta bekliyorum",
# "caddede trafik var") says where someone is, not an address
_ADDRESS = re.compile(
    r"\b\w+\s+(?:mahalle\w*|mah\.|cadde\w*|cad\.|sokak\w*|sokağ\w*|sok\.|sk\.|"
    r"bulvar\w*|apartman\w*|apt\.|site\w*)(?<!da)(?<!de)(?<!ta)(?<!te)(?:\b|(?<=\.))"
    r"(?:\s+(?:numara|no\.?|daire|kat)?\s*[\w\d/-]+)?",
    re.I,
)
_LOCATION = re.compile(
    r"\b([A-ZÇĞİÖŞÜ][a-zçğıöşü]+(?:\s+[A-ZÇĞİÖŞÜ][a-zçğıöşü]+){0,2})['’]"
    r"(?:d[ae]|t[ae]|d[ae]n|t[ae]n|y?[ae]|n[ıiuü]n|[ıiuü]n)[a-zçğıöşü]*\b"
)
_YES_NO = re.compile(
    r"^\s*(?:evet|hayır|yok|var|tabii|tabi|olur|peki|aynen|doğru|elbette|tamam|he|hı hı|"
    r"değil|yanlış|kesinlikle)\b",
    re.I,
)
_DONT_KNOW = re.compile(
    r"\b(?:bilmiyorum|bilemiyorum|bilmem|emin değilim|hatırlamıyorum|hiç fikrim yok|fikrim yok|fark etmez|"
    r"farketmez|hangisi olursa|ne zaman olursa|herhangi biri|hiç önemli değil|önemli değil|siz bilirsiniz|"
    r"en kısa sürede|en yakın zamanda|en erken|size kalmış)\b",
    re.I,
)
_NAME_CUE = re.compile(
    r"\b(?i:adım|ismim|benim adım|ben|adı|ismi|soyadım|ad soyadım|adıma)\s+"
    r"((?:[A-ZÇĞİÖŞÜ][a-zçğıöşü]+)(?:\s+[A-ZÇĞİÖŞÜ][a-zçğıöşü]+){0,2})"
)
_BARE_NAME = re.compile(r"^\s*((?:[A-ZÇĞİÖŞÜ][a-zçğıöşü]+)(?:\s+[A-ZÇĞİÖŞÜ][a-zçğıöşü]+){1,2})[.!]?\s*$")
# Common Turkish given names: a capitalised word from this list starts a name wherever it stands.
GIVEN_NAMES = frozenset(
    """ahmet mehmet mustafa ali hüseyin hasan ibrahim ismail murat ömer osman yusuf emre burak can cem deniz
    emir eren erkan fatih gökhan hakan kemal kerem levent mert onur orhan selim serkan tolga tuncay volkan
    yasin yiğit barış berk oğuz uğur sinan kaan arda serdar cengiz halil ayşe fatma emine hatice zeynep elif
    merve esra özlem sevgi derya gül gülay aslı ebru ceren büşra tuğba seda selin melike dilek nur nurcan
    şule yasemin sibel songül pınar hülya filiz canan gizem irem ece damla buse ayten nermin""".split()
)
_NOT_NAMES = frozenset(
    "evet hayır merhaba tamam peki teşekkürler teşekkür iyi günler efendim ben biz siz "
    "bu şu o lütfen tabii adım ismim benim soyadım".split()
)


# "Hakan Bey", "Burcu Hanım": the person addressed (the agent), never the caller's own name
_HONORIFIC = re.compile(r"^\s*(?:bey|hanım)\b", re.I)


# "Ben Lavanta Ev Tekstili mağazasından arıyorum", "Ankara'dan arıyorum": what follows in the ablative ("from")
# makes the capitalised words a shop, a firm or a place the caller is calling from, not who they are
_CALLING_FROM = re.compile(r"^(?:['’]|\s+[a-zçğıöşü]+)\w*(?:dan|den|tan|ten)\b")


def find_names(text: str) -> list[Value]:
    """Personal names: after "adım"/"ismim", a whole reply of two or three capitalised words, or a known
    given name followed by a capitalised surname; not a name said with "Bey" or "Hanım" (the agent's), nor
    the name of a place called from."""
    return [v for v in _names(text) if not (
        _HONORIFIC.match(text[v.end :]) or lower(v.text.split()[-1]) in ("bey", "hanım")
        or _CALLING_FROM.match(text[v.end :]))]


def _names(text: str) -> list[Value]:
    out: list[Value] = []
    for m in _NAME_CUE.finditer(text):
        if lower(m.group(1).split()[0]) not in _NOT_NAMES:
            out.append(Value("name", m.group(1), m.start(1), m.end(1), lower(m.group(1))))
    m = _BARE_NAME.match(text)
    if m and lower(m.group(1).split()[0]) not in _NOT_NAMES and not any(v.start == m.start(1) for v in out):
        out.append(Value("name", m.group(1), m.start(1), m.end(1), lower(m.group(1))))
    toks = words(text)
    for i, (w, s, e) in enumerate(toks):
        if w[:1].isupper() and lower(w) in GIVEN_NAMES and not any(v.start <= s < v.end for v in out):
            end = e
            if i + 1 < len(toks) and toks[i + 1][0][:1].isupper() and text[e : toks[i + 1][1]].strip() == "":
                end = toks[i + 1][2]
            out.append(Value("name", text[s:end], s, end, lower(text[s:end])))
    return out


def _days_of_month(text: str, run: NumRun) -> list[Value]:
    """"onunda", "yirmi dördünde", "on ikisinden on altısına": days of the month, each with its case ending;
    not a clock time ("saat beşinde") nor "ikisinde de" (in both) with no month or "ayın" before it."""
    said = [(g, lower(text[g.start : g.end])) for g in run.groups]
    if not all(1 <= g.value <= 31 and _DAY_CASE.search(w) for g, w in said):
        return []
    before = lower(text[: run.start])
    if re.search(r"\bsaat\s*$", before):
        return []
    if len(said) == 1 and said[0][1].startswith("iki") and not re.search(
            r"(?:\bayın|" + _MONTH_RE + r"[a-zçğıöşü'’]*)\s*$", before):
        return []
    return [Value("date", text[g.start : g.end], g.start, g.end, f"---{g.value:02d}") for g, _ in said]


def _spoken_values(text: str) -> list[Value]:
    out: list[Value] = []
    toks = words(text)
    runs = spoken_runs(text)
    for k, run in enumerate(runs):
        digits = run.digits
        g0 = run.groups[0]
        surface = text[run.start : run.end]
        if len(run.groups) >= 2 or g0.words >= 4:
            kind = (
                "phone"
                if (len(digits) == 11 and digits.startswith("0"))
                or (len(digits) == 10 and digits[0] in "2345")
                else "number"
            )
            out.append(Value(kind, surface, run.start, run.end, digits))
            if run.reads_as_code:
                out.append(Value("code", surface, run.start, run.end, digits))
        else:
            out.append(Value("number", surface, run.start, run.end, str(g0.value)))
        after = [t for t in toks if t[1] >= run.end]
        last = run.groups[-1]
        if after and 1 <= last.value <= 31:
            month = _month(after[0][0])
            if month:
                end = after[0][2]
                year = "-"
                nxt = runs[k + 1] if k + 1 < len(runs) else None
                if nxt is not None and text[end : nxt.start].strip(" ,'’") == "":
                    year = (
                        f"{_year(int(nxt.digits), len(nxt.digits) if nxt.groups[0].value < 100 else 4):04d}"
                    )
                    end = nxt.end
                out.append(
                    Value(
                        "date",
                        text[last.start : end],
                        last.start,
                        end,
                        f"{year}-{month:02d}-{last.value:02d}",
                    )
                )
        out.extend(_days_of_month(text, run))
        for kind, unit in _UNIT_AFTER.items():
            m = re.match(r"\s*" + unit, lower(text[run.end :]))
            if m:
                out.append(
                    Value(kind, text[run.start : run.end + m.end()], run.start, run.end + m.end(), digits)
                )
    out.extend(digit_pattern_values("plate", text, runs, _PLATE))
    return out


def find_values(text: str) -> list[Value]:
    """Every typed value in one Turkish utterance (overlaps allowed: a phone number is also a number)."""
    out: list[Value] = []
    for kind, pat in (
        ("email", _EMAIL),
        ("phone", _PHONE),
        ("code", _CODE),
        ("number", _NUMBER),
        ("date", _DATE_DIGITS),
        ("date", _DATE_WORDS),
        ("time", _TIME),
        ("address", _ADDRESS),
    ):
        for m in pat.finditer(text):
            norm = re.sub(r"\D", "", m.group(0)) if kind in ("phone", "number", "code") else lower(m.group(0))
            out.append(Value(kind, m.group(0), m.start(), m.end(), norm))
    for m in _DAY_MONTH.finditer(text):
        month = _month(m.group(2))
        if month:
            year = f"{int(m.group(3)):04d}" if m.group(3) else "-"
            out.append(
                Value("date", m.group(0), m.start(), m.end(), f"{year}-{month:02d}-{int(m.group(1)):02d}")
            )
    for m in _NUMBER.finditer(text):
        for kind, unit in _UNIT_AFTER.items():
            u = re.match(r"\s*" + unit, lower(text[m.end() :]))
            if u:
                out.append(
                    Value(kind, text[m.start() : m.end() + u.end()], m.start(), m.end() + u.end(), m.group(0))
                )
    out.extend(_spoken_values(text))
    out.extend(find_names(text))
    for m in _LOCATION.finditer(text):
        if lower(m.group(1).split()[0]) not in GIVEN_NAMES | _NOT_NAMES:
            out.append(Value("location", m.group(1), m.start(1), m.end(1), lower(m.group(1))))
    m = _YES_NO.match(lower(text))
    if m:
        out.append(Value("yes_no", text[m.start() : m.end()].strip(), m.start(), m.end(), m.group(0).strip()))
    for m in _DONT_KNOW.finditer(lower(text)):
        out.append(Value("dont_know", text[m.start() : m.end()], m.start(), m.end(), m.group(0)))
    return out


# What an item asks for, read from its question and description (Turkish lower case).
_ITEM_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("email", re.compile(r"e-?posta|e-?mail|mail adres")),
    ("phone", re.compile(r"telefon|cep numara|iletişim numara|size ulaş|geri ara|ulaşabileceğimiz|ulaşabiliriz|"
                         r"hangi numaradan")),
    ("money", re.compile(r"tutar|ücret|fiyat|lira|borç|bakiye|fatura tutar|bedel|tazminat miktar|ne kadarlık ödeme")),
    ("time", re.compile(r"\bsaat|hangi saatte|ne zaman gel")),
    ("date", re.compile(r"tarih|ne zaman|doğum|hangi gün|gün[üe]? |günü")),
    # "kaç ay vadeyle", "kaç gece": a length, as the question words read it (`asked_patterns`), not a count
    ("duration", re.compile(r"ne kadar süre|\bkaç (?:gün|gece|saat|ay|yıl|hafta)\b|süre")),
    ("count", re.compile(r"\bkaç\b(?! (?:gün|gece|saat|ay|yıl|hafta)\b)|kaç tane|sayısı|adet")),
    ("name", re.compile(r"\badı|\badın|\bisim|\bismin|soyad|ad soyad|kiminle görüşüyorum")),
    ("plate", re.compile(r"plaka")),
    (
        "code",
        re.compile(
            r"numara|poliçe|abone|sözleşme|kart(?!l[ıi])|kod|bilet|pnr|referans|kimlik|tc|t\.c\.|sipariş|"
            r"dosya|hesap|sicil|seri"
        ),
    ),
    ("address", re.compile(r"adres|sokak|cadde|mahalle|nerede oturuyor")),
    ("location", re.compile(r"\bnere|konum|şehir|ilçe|havalimanı|hangi (?:il|şehir|havaliman)")),
    (
        "yes_no",
        re.compile(
            r"\bm[ıiuü](?:s[ıiuü]n[ıiuü]z|y[ıiuü]m|d[ıiuü]r|s[ıiuü]n|y[ıiuü]z)?\b|\bvar m[ıi]|"
            r"\byok m[ıu]|olup olmadığı"
        ),
    ),
]
# Polite requests ("alabilir miyim", "söyler misiniz") and question words make a "mı" question an ask for
# information, not a yes/no question.
_REQUEST_VERB = re.compile(
    r"(?:abilir|ebilir|er|ar|ır|ir|ur|ür) m[ıiuü](?:s[ıiuü]n[ıiuü]z|y[ıiuü]m)\b|"
    r"\b(?:ne|nedir|nerede|nereye|nereden|hangi|kaç|kim|nasıl)\b"
)


# A noun in the locative case says where something is, not what is asked: "havalimanında açılmış bir dosya"
# (a file opened at the airport) asks a file number, "hangi saatlerde adreste olursunuz" (at which hours
# will you be at the address) asks a time. After a question word it is what is asked ("hangi adreste").
_PLACE_MODIFIER = re.compile(r"(?<!hangi )(?<!\bne )\b(?!nere)\w+(?:da|de|ta|te)\b")
# "X için" says what for, not what is asked: "güvence bedeli iadesi için IBAN numaranız" (your IBAN, for the
# deposit refund) asks the IBAN, not an amount; "hangi tarih için" (for which date) asks the date. Read for
# amounts only: "sizi geri arayabilmemiz için numaranız" (your number, so we can call back) asks a phone.
_PURPOSE = re.compile(r"((?:\w+\s+){0,3})\w+\s+için\b")
_QUESTION_WORD = re.compile(r"\b(?:hangi|ne|kaç|kim)\b")


def _without_purpose(t: str) -> str:
    return _PURPOSE.sub(lambda m: m.group(0) if _QUESTION_WORD.search(m.group(0)) else " ", t)


def item_kinds(text: str) -> set[str]:
    """Value kinds an item's question and description ask for.

    English words are read too: an English checklist can be used on a Turkish call, and metadata keys
    ("caller_phone", "account_number") are English whatever the call's language.
    """
    t = lower(text)
    read_as = {"money": _without_purpose(t), "address": _PLACE_MODIFIER.sub(" ", t)}
    read_as["location"] = read_as["address"]
    kinds = {kind for kind, pat in _ITEM_KINDS if pat.search(read_as.get(kind, t))}
    kinds |= english_item_kinds(text)
    if "yes_no" in kinds and _REQUEST_VERB.search(t.split(".")[0]):
        kinds.discard("yes_no")
    return kinds
