"""Typed values in Russian call speech: what a customer says that can answer a checklist item.

Speech recognition writes Russian numbers as digits or as inflected words ("двенадцатое марта восемьдесят
шестого", "пять-один-три-восемь"), names with patronymics in any case ("Полякова Наталья Андреевна"),
phone numbers as 8 or +7 with a three-digit code. Detectors favour recall: the engine weighs them against
meaning.
"""

from __future__ import annotations

import re
from functools import lru_cache

from audit.languages.base import Value
from audit.languages.en.values import item_kinds as english_item_kinds
from audit.languages.numwords import NumRun, NumWord, digit_pattern_values, number_runs, with_digits
from audit.languages.ru.morph import lemma, parses, words, yo

_UNITS = "ноль один два три четыре пять шесть семь восемь девять".split()
_TEENS = (
    "десять одиннадцать двенадцать тринадцать четырнадцать пятнадцать шестнадцать семнадцать "
    "восемнадцать девятнадцать"
).split()
_TENS = "двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто".split()
_HUNDREDS = "сто двести триста четыреста пятьсот шестьсот семьсот восемьсот девятьсот".split()
_ORD_UNITS = "нулевой первый второй третий четвертый пятый шестой седьмой восьмой девятый".split()
_ORD_TEENS = (
    "десятый одиннадцатый двенадцатый тринадцатый четырнадцатый пятнадцатый шестнадцатый "
    "семнадцатый восемнадцатый девятнадцатый"
).split()
_ORD_TENS = (
    "двадцатый тридцатый сороковой пятидесятый шестидесятый семидесятый восьмидесятый девяностый".split()
)
_ORD_HUNDREDS = (
    "сотый двухсотый трехсотый четырехсотый пятисотый шестисотый семисотый восьмисотый девятисотый"
).split()

LEXICON: dict[str, NumWord] = {}
for _i, _w in enumerate(_UNITS):
    LEXICON[_w] = NumWord(_i, "unit")
for _i, _w in enumerate(_ORD_UNITS):
    LEXICON[_w] = NumWord(_i, "unit", ordinal=True)
for _i, _w in enumerate(_TEENS):
    LEXICON[_w] = NumWord(10 + _i, "teen")
for _i, _w in enumerate(_ORD_TEENS):
    LEXICON[_w] = NumWord(10 + _i, "teen", ordinal=True)
for _i, _w in enumerate(_TENS):
    LEXICON[_w] = NumWord(20 + 10 * _i, "ten")
for _i, _w in enumerate(_ORD_TENS):
    LEXICON[_w] = NumWord(20 + 10 * _i, "ten", ordinal=True)
for _i, _w in enumerate(_HUNDREDS):
    LEXICON[_w] = NumWord(100 * (_i + 1), "hundred")
for _i, _w in enumerate(_ORD_HUNDREDS):
    LEXICON[_w] = NumWord(100 * (_i + 1), "hundred", ordinal=True)
LEXICON.update(
    {
        "нуль": NumWord(0, "unit"),
        "двое": NumWord(2, "unit"),
        "трое": NumWord(3, "unit"),
        "четверо": NumWord(4, "unit"),
        "пятеро": NumWord(5, "unit"),
        "шестеро": NumWord(6, "unit"),
        "тысяча": NumWord(1000, "mul"),
        "тысячный": NumWord(1000, "mul", True),
        "миллион": NumWord(10**6, "mul"),
        "одна": NumWord(1, "unit"),
    }
)

MONTHS = ("январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь").split()


def num_word(word: str) -> NumWord | None:
    """The number a Russian word form stands for ("шестого" -> 6th, "сорока" -> 40), if any."""
    w = yo(word.lower())
    if w in LEXICON:
        return LEXICON[w]
    if not re.fullmatch(r"[а-я]+", w):
        return None
    for lem, tags, _ in parses(w):
        if lem in LEXICON and (
            "NUMR" in tags or "Anum" in tags or lem in ("тысяча", "миллион", "ноль", "нуль")
        ):
            return LEXICON[lem]
    return None


def spoken_runs(text: str) -> list[NumRun]:
    """Runs of spoken numbers; hyphens inside "пять-один-три-восемь" split words."""
    toks = []
    for w, s, _e in words(text):
        pos = s
        for part in w.split("-"):
            toks.append((part, pos, pos + len(part)))
            pos += len(part) + 1
    return number_runs(toks, num_word, text)


@lru_cache(maxsize=100_000)
def digits_for_number_words(text: str) -> str:
    """The text with each run of spoken numbers written as its digits ("пять-один-три" -> "513")."""
    return with_digits(text, spoken_runs(text))


def _month(word: str) -> int | None:
    lem = lemma(word)
    return MONTHS.index(lem) + 1 if lem in MONTHS else None


def _year(n: int, ndigits: int) -> int:
    if ndigits <= 2 or n < 100:
        return 1900 + n if n >= 30 else 2000 + n
    return n


_EMAIL = re.compile(
    r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|\b[a-z0-9._-]+ (?:собака|эт) [a-z0-9-]+ (?:точка|дот) "
    r"(?:ru|ру|com|ком|net|org|рф)\b",
    re.I,
)
_PHONE = re.compile(r"(?<![\d])(?:\+7|8|7)?[\s\-(]*\d{3}[\s\-)]*\d{3}[\s\-]*\d{2}[\s\-]*\d{2}(?![\d])")
# a plate, written or read aloud: matched on the text with its spoken numbers as digits (`_spoken_values`),
# and its letters may stand apart ("к м")
_PLATE = re.compile(
    r"\b[авекмнорстух][\s,]*\d{3}[\s,]*[авекмнорстух](?:[\s,]*[авекмнорстух])?[\s,]*\d{2,3}\b", re.I
)
_CODE = re.compile(
    r"\b(?=[A-Za-zА-Яа-я0-9-]*\d)(?=[A-Za-zА-Яа-я0-9-]*[A-ZА-Я])[A-ZА-Я0-9]{2,}(?:-[A-ZА-Я0-9]+)*\b"
    r"|\b\d{5,}\b|\b\d+(?:[-/]\d+){2,}\b"
)
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")
_DATE_DIGITS = re.compile(r"\b\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b")
_MONTH_RE = r"(?:январ|феврал|март|апрел|ма[йяюе]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*"
_DATE_WORDS = re.compile(
    r"\b(?:сегодня|завтра|послезавтра|вчера|позавчера|понедельник\w*|вторник\w*|сред[уаы]|четверг\w*|"
    r"пятниц\w*|суббот\w*|воскресень\w*|на (?:этой|следующей|прошлой) неделе|в (?:прошлом|этом|следующем) "
    r"месяце)\b|"
    # a month placed in time ("в июле", "в конце августа")
    r"\b(?:в|с|до|к|по|после|от|начале|конце|середине|начала|конца|середины)\s+" + _MONTH_RE + r"\b",
    re.I,
)
# a day of the month said as an ordinal alone ("двадцать первого", "с пятого по восьмое"), not a floor or a row
_DAY_ORDINAL_END = re.compile(r"(?:ое|ого|ье|ьего)$", re.I)

_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:-?го|-?е)?\s+(" + _MONTH_RE + r")(?:\s+(\d{4}|\d{2})\b)?", re.I)
_TIME = re.compile(
    r"\b\d{1,2}[:.]\d{2}\b|\b(?:утр(?:а|ом)|днем|днём|вечер(?:а|ом)|ночью|в обед|после обеда|в полдень|"
    r"в полночь|до обеда)\b|\bв половин[еу] \w+|\b(?:в|к|до|после|с|на) \w+ час\w*|\b\d{1,2} час\w*|"
    r"\bчас(?:ов|а)? (?:в|к) \w+|\bпол(?:первого|второго|третьего|четвертого|четвёртого|пятого|шестого|седьмого|"
    r"восьмого|девятого|десятого|одиннадцатого|двенадцатого)\b",
    re.I,
)
_UNIT_AFTER = {
    "duration": r"(?:минут\w*|час\w*|дн\w*|день|сут\w*|недел\w*|месяц\w*|год\w*|лет)",
    "money": r"(?:рубл\w*|руб\b\.?|₽|доллар\w*|евро|лир\w*|копе\w*)",
    "count": r"(?:человек\w*|пассажир\w*|взросл\w*|дет\w*|ребен\w*|ребён\w*|штук\w*|мест\w*|билет\w*|"
    r"комнат\w*|колес\w*|машин\w*)",
}
# a street is named by a word; a house, building or flat only by a number ("дом 22", "дом двадцать два"):
# "врача на дом", "домофон" and "мы весь день дома" hold no address
_NUMBER_WORD = "|".join(_UNITS + _TEENS + _TENS + _HUNDREDS + _ORD_UNITS + _ORD_TEENS)
_ADDRESS = re.compile(
    r"\b(?:улиц[аеуы]|ул\.|проспект\w*|пр-т|переул\w*|шоссе|бульвар\w*|набережн\w*|площад\w*|проезд\w*|"
    r"микрорайон\w*)\s*[\w\d-]+|"
    r"\b(?:дом[аеу]?|д\.|корпус\w*|корп\.|квартир\w*|кв\.|строени\w*|стр\.)\s*(?:№\s*)?(?:\d[\w/-]*|(?:"
    + _NUMBER_WORD + r")\b)",
    re.I,
)
_LOCATION = re.compile(
    r"\b(?:в|во|на|из|около|возле|у|под|рядом с|недалеко от)\s+((?:[А-ЯЁ][\w-]+)(?:\s+[А-ЯЁ][\w-]+){0,2})"
)
_YES_NO = re.compile(
    r"^\s*(?:да|нет|неа|ага|угу|конечно|естественно|разумеется|верно|правильно|именно|"
    r"точно|не совсем|ну да|да-да)\b",
    re.I,
)
_DONT_KNOW = re.compile(
    r"\b(?:не знаю|без понятия|понятия не имею|не помню|не уверен[а]?|сложно сказать|трудно сказать|"
    r"без разницы|все равно|всё равно|неважно|не важно|любой|любая|любое|любую|какой угодно|когда угодно|"
    r"как можно (?:скорее|быстрее|раньше)|чем раньше,? тем лучше|как получится|на ваше усмотрение)\b",
    re.I,
)
_NAME_CUE = re.compile(
    r"\b(?i:меня зовут|зовут меня|моя фамилия|фамилия|это|я|с вами говорит|на имя)\s+"
    r"((?:[А-ЯЁ][а-яё-]+)(?:\s+[А-ЯЁ][а-яё-]+){0,2})"
)
_NAME_TAGS = ("Name", "Surn", "Patr")


def _name_score(word: str) -> tuple[bool, bool]:
    """(is a first name, surname or patronymic; is a patronymic) by the dictionary's best reading. A hyphenated
    word is a name only when each part is one ("Петрова-Водкина"): the dictionary guesses "нет-нет" a surname."""
    parts = [p for p in word.split("-") if p]
    if len(parts) > 1:
        scores = [_name_score(p) for p in parts]
        return all(n for n, _ in scores), any(p for _, p in scores)
    ps = parses(yo(word.lower()))
    best = [p for p in ps if p[2] >= 0.1 * (ps[0][2] if ps else 1)]
    name = any(t in tags for _, tags, _ in best for t in _NAME_TAGS)
    patr = any("Patr" in tags for _, tags, _ in best)
    return name, patr


# a lone first name right after a greeting or thanks is the agent's, addressed ("Спасибо, Денис."); a caller
# who greets and then gives their own name gives more of it ("Добрый день, Иванова Мария")
_ADDRESSING = re.compile(
    r"(?:здравствуйте|добрый (?:день|вечер)|доброе утро|спасибо|благодарю|привет|до свидания|алло)[\s,!.]*$", re.I
)


def find_names(text: str) -> list[Value]:
    """Personal names: a run of capitalised dictionary names (surname, first name, patronymic in any case),
    less a lone first name the caller addresses the agent by, and a grunt ("Эм...") read as one."""
    return [v for v in _names(text) if " " in v.text.strip() or (
        len(v.text.strip()) > 2 and not _ADDRESSING.search(text[: v.start]))]


def _names(text: str) -> list[Value]:
    out: list[Value] = []
    toks = [(w, s, e) for w, s, e in words(text)]
    i = 0
    while i < len(toks):
        w, s, e = toks[i]
        if w[:1].isupper() and _name_score(w)[0]:
            j = i
            while (
                j + 1 < len(toks)
                and toks[j + 1][0][:1].isupper()
                and _name_score(toks[j + 1][0])[0]
                and text[toks[j][2] : toks[j + 1][1]].strip(" ,") == ""
                and j - i < 2
            ):
                j += 1
            span = text[s : toks[j][2]]
            norm = " ".join(lemma(t[0]) for t in toks[i : j + 1])
            if j > i or _NAME_CUE.search(text[max(0, s - 25) : toks[j][2]]) or len(toks) <= 3:
                out.append(Value("name", span, s, toks[j][2], norm))
            i = j + 1
        else:
            i += 1
    for m in _NAME_CUE.finditer(text):
        if not any(v.start <= m.start(1) < v.end for v in out) and m.group(1).split()[0].lower() not in (
            "я",
        ):
            first = m.group(1).split()[0]
            if _name_score(first)[0] or m.group(0).lower().startswith(
                ("меня зовут", "моя фамилия", "фамилия")
            ):
                out.append(Value("name", m.group(1), m.start(1), m.end(1), lemma(first)))
    return out


def _is_day_ordinal(run: NumRun, surface: str, after: list[tuple[str, int, int]]) -> bool:
    """"двадцать первого", "с пятого по восьмое": a neuter ordinal of 1-31 standing alone names a day of the
    month; one before a noun ("третье обращение", "на пятом этаже") counts that noun."""
    g = run.groups[-1]
    if len(run.groups) != 1 or not g.ordinal or not 1 <= g.value <= 31 or not _DAY_ORDINAL_END.search(surface):
        return False
    if not after:
        return True
    nxt = after[0][0].lower()
    return not (_month(nxt) or nxt in ("числа", "число") or any("NOUN" in gr for _, gr, _ in parses(nxt)[:1]))


def _spoken_values(text: str) -> list[Value]:
    out: list[Value] = []
    toks = words(text)
    runs = spoken_runs(text)
    for run in runs:
        digits = run.digits
        g0 = run.groups[0]
        surface = text[run.start : run.end]
        if len(run.groups) >= 2 or g0.words >= 4:
            kind = "phone" if len(digits) in (10, 11) and digits[0] in "789" else "number"
            out.append(Value(kind, surface, run.start, run.end, digits))
            if run.reads_as_code:
                out.append(Value("code", surface, run.start, run.end, digits))
        else:
            out.append(Value("number", surface, run.start, run.end, str(g0.value)))
        # dates: a day (1-31) followed by a month word, then maybe a year run
        after = [t for t in toks if t[1] >= run.end]
        if after and 1 <= run.groups[-1].value <= 31:
            month = _month(after[0][0])
            if month:
                day = run.groups[-1].value
                end = after[0][2]
                year = ""
                nxt = [r for r in spoken_runs(text[end:]) if text[end : end + r.start].strip() == ""]
                if nxt:
                    y = nxt[0]
                    year = f"{_year(int(y.digits), len(y.digits) if y.groups[0].value < 100 else 4):04d}"
                    end = end + y.end
                out.append(
                    Value(
                        "date",
                        text[run.groups[-1].start : end],
                        run.groups[-1].start,
                        end,
                        f"{year or '-'}-{month:02d}-{day:02d}",
                    )
                )
            elif after[0][0].lower() in ("числа", "число"):
                out.append(
                    Value(
                        "date",
                        text[run.start : after[0][2]],
                        run.start,
                        after[0][2],
                        f"---{run.groups[-1].value:02d}",
                    )
                )
        if _is_day_ordinal(run, surface, after):
            out.append(Value("date", surface, run.start, run.end, f"---{run.groups[-1].value:02d}"))
        year = re.match(r"\s*(?:год[а-я]*|г\.)", text[run.end :], re.I)
        if year and (run.groups[-1].ordinal or len(digits) == 4):
            y = _year(int(digits), len(digits))
            out.append(
                Value(
                    "date",
                    text[run.start : run.end + year.end()],
                    run.start,
                    run.end + year.end(),
                    f"{y:04d}",
                )
            )
            continue
        for kind, unit in _UNIT_AFTER.items():
            m = re.match(r"\s*" + unit, text[run.end :], re.I)
            if m:
                out.append(
                    Value(kind, text[run.start : run.end + m.end()], run.start, run.end + m.end(), digits)
                )
    out.extend(digit_pattern_values("plate", text, runs, _PLATE))
    return out


def find_values(text: str) -> list[Value]:
    """Every typed value in one Russian utterance (overlaps allowed: a phone number is also a number)."""
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
            norm = (
                re.sub(r"\D", "", m.group(0)) if kind in ("phone", "number", "code") else m.group(0).lower()
            )
            if kind == "phone" and len(norm) < 10:
                continue
            out.append(Value(kind, m.group(0), m.start(), m.end(), norm))
    for m in _DAY_MONTH.finditer(text):
        year = f"{_year(int(m.group(3)), len(m.group(3))):04d}" if m.group(3) else "-"
        month = _month(m.group(2))
        if month:
            out.append(
                Value("date", m.group(0), m.start(), m.end(), f"{year}-{month:02d}-{int(m.group(1)):02d}")
            )
    for m in _NUMBER.finditer(text):
        if re.match(r"\s*(?:год[а-я]*|г\.)", text[m.end() :]) and len(m.group(0)) == 4:
            continue
        for kind, unit in _UNIT_AFTER.items():
            u = re.match(r"\s*" + unit, text[m.end() :], re.I)
            if u:
                out.append(
                    Value(kind, text[m.start() : m.end() + u.end()], m.start(), m.end() + u.end(), m.group(0))
                )
    out.extend(_spoken_values(text))
    out.extend(find_names(text))
    for m in _LOCATION.finditer(text):
        out.append(Value("location", m.group(1), m.start(1), m.end(1), lemma(m.group(1).split()[0])))
    m = _YES_NO.match(text)
    if m:
        out.append(Value("yes_no", m.group(0).strip(), m.start(), m.end(), m.group(0).strip().lower()))
    for m in _DONT_KNOW.finditer(text):
        out.append(Value("dont_know", m.group(0), m.start(), m.end(), m.group(0).lower()))
    return out


# What an item asks for, read from its question and description (lower-cased, ё as е).
_ITEM_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("email", re.compile(r"e-?mail|электронн\w* почт|имейл|мейл", re.I)),
    ("phone", re.compile(r"телефон|номер для связи|перезвон|связаться|контактн\w* номер|"
                        r"номер\w*(?:\s+\S+){0,3}\s+(?:по|пере)?звон", re.I)),
    ("money", re.compile(r"сумм|стоимост|цен[аыу]|рубл|оплат|платеж|плате|долг|баланс|тариф", re.I)),
    ("time", re.compile(r"\bвремя|во сколько|в какое время|час[аы]? |когда", re.I)),
    ("date", re.compile(r"\bдат[аыуе]|когда|числ[оа]|рожден|срок|день|дня", re.I)),
    # "Сколько ночей планируете проживать?": a length, as the question words read "Сколько ночей?", not a count
    ("duration", re.compile(r"как долго|сколько (?:времени|дней|ночей|лет|месяцев)|длительн|продолжительн", re.I)),
    ("count", re.compile(r"сколько(?! (?:времени|дней|ночей|лет|месяцев)\b)|количеств|число (?:людей|пассажиров|мест)",
                         re.I)),
    ("name", re.compile(r"\bфио\b|фамили|\bимя\b|имени|зовут|отчеств|представ(?:ьтесь|иться|ились)", re.I)),
    ("plate", re.compile(r"госномер|гос\.? ?номер|государственн\w* номер|номерн\w* знак|регистрационн\w* номер",
                         re.I)),
    (
        "code",
        re.compile(
            r"номер|полис|договор|карт[аыу]|счет|код|заявк|лицев|паспорт|vin|вин|серийн|заказ|"
            r"удостоверени|снилс|инн",
            re.I,
        ),
    ),
    ("address", re.compile(r"адрес|улиц|проживаете|живете", re.I)),
    ("location", re.compile(r"\bгде\b|куда|откуда|мест[оа]|находит|город|район|населенн", re.I)),
    ("yes_no", re.compile(r"\bли\b|^(?:вы|у вас|есть|можете|нужн|был|была|были|будет)|могли бы", re.I)),
]


def item_kinds(text: str) -> set[str]:
    """Value kinds an item's question and description ask for.

    English words are read too: an English checklist can be used on a Russian call, and metadata keys
    ("caller_phone", "policy_number") are English whatever the call's language.
    """
    t = yo(text.lower())
    kinds = {kind for kind, pat in _ITEM_KINDS if pat.search(t)}
    if re.search(r"[a-z]{3}", t):
        kinds |= english_item_kinds(text)
    return kinds
