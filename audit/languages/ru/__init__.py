"""Russian: pymorphy3 lemmas, Russian number words and names, and the shared multilingual encoder."""

from __future__ import annotations

import re

from audit.languages.encoded import EncodedLanguage
from audit.languages.ru import focus
from audit.languages.ru.morph import content_lemmas, yo
from audit.languages.ru.values import digits_for_number_words, find_values, item_kinds
from audit.languages.ru.why import WHY

_LEAD = (
    r"^(?:(?:а|и|так|ну|хорошо|ладно|итак|теперь|еще|также|отлично|понятно|ясно|скажите|подскажите),?\s+)*"
)
_WH = re.compile(
    _LEAD + r"(?:что|какой|какая|какое|какие|какого|какую|каким|каков\w*|как|где|когда|куда|откуда|сколько|"
    r"кто|кого|кому|чей|чья|чье|чьи|почему|зачем|нужн[аоы]?|есть ли|можете ли|вы|у вас|был[аио]?)\b",
    re.I,
)
_LI = re.compile(r"\b\w+ ли\b", re.I)
# "И дату рождения для проверки.", "И ФИО ваше.": "and" and a thing the checklists ask for, with no verb, asks for it
_AND_THING = re.compile(
    r"^(?:и|а|еще|теперь|также|и еще)\s+(?:ваш\w*\s+)?(?:фио|фамили\w*|имя|дат\w* рождения|телефон\w*|номер\w*|"
    r"адрес\w*|почт\w*|паспорт\w*|госномер\w*|снилс|инн)\b(?!.*\b(?:есть|был\w*|будет|стоит|пришл\w*|указан\w*)\b)",
    re.I)
# "И ФИО страхователя, пожалуйста.": a thing named, then "please", asks for it
_PLEASE = re.compile(r"^(?!.*(?:подожд|минут|секунд|оставайтесь|не кладите))\w[\w\s,-]*,\s*пожалуйста\s*[.!]*$", re.I)
_REQUEST = re.compile(
    r"\b(?:назовите|скажите|подскажите|продиктуйте|диктуйте|подтвердите|уточните|сообщите|представьтесь|опишите|"
    r"расскажите|напомните|укажите|повторите|оставьте|дайте|можно (?:ваш|вашу|ваше|ваши|узнать|уточнить|записать)|"
    r"мне (?:нужн[оаы]|понадобится) (?:ваш|вашу|ваше|ваши|узнать|уточнить)|(?:хочу|хотела?) (?:уточнить|"
    r"узнать)|давайте (?:уточним|запишем|проверим)|будьте добры|не могли бы вы)\b",
    re.I,
)


# "Могу ли я ещё чем-то помочь?", "Что-нибудь ещё?", "Остались вопросы?" (ё read as е)
_CLOSING = re.compile(
    r"(?:ещ[её]\s+(?:чем|что|какие|какой|вопрос)|(?:чем|что)(?:-?(?:то|нибудь|либо))?\s+ещ[её]|"
    r"(?:друг(?:ие|их)|ещ[её])\s+(?:какие-?(?:то|нибудь)\s+)?вопрос|остал\w*\b.{0,24}вопрос|^\W*(?:\w+\W+)?(?:это\s+)?вс[её]\W*\?|"
    # "Ещё могу чем-то помочь?"
    r"\bещ[её]\s+(?:\w+\s+){0,2}(?:чем|что)(?:-?(?:то|нибудь|либо))?\s+(?:\w+\s+)?помо[чгж])")
_START = re.compile(r"\b(?:откуда|отправ\w*|вылет\w*|выезжа\w*|начал\w*|заезд\w*|заселен\w*|забрать)")
_END = re.compile(r"\b(?:куда|прибыт\w*|прибыва\w*|прил[её]т\w*|возвра\w*|обратн\w*|назад|выселен\w*|сдать|"
                  r"верн[её]\w*)")

_AFFIRMATIVE = re.compile(r"(?:да|ага|угу|верно|правильно|вс[её] верно|точно|хорошо|отлично|подходит|конечно)\b")


_OFFER = re.compile(
    r"(?:(?:хорошо|отлично|так|ну|а|и|тогда|понятно|поняла?|ясно|давайте)\W+)*"
    r"(?:(?:не\s+)?(?:хотите|хотели\s+бы|желаете)|вам\s+(?:нужн\w*|оформить|записать|отправить|забронировать)|"
    r"нужн[оа]\s+ли|(?:мне\s+)?(?:оформить|записать|отправить|забронировать|заказать|оформляем|записываем)\b|"
    r"(?:могу|можно)\s+(?:я\s+)?(?:вам\s+)?(?:оформить|записать|отправить|предложить|забронировать))")


_BIRTH = re.compile(r"рожден|родил")
# an item asking to agree: "Разговор записывается. Вы не возражаете?", "Вы согласны доплатить?"
_AGREEMENT = re.compile(r"\bсоглас(?:ны|на|ен)\b|\bвозражаете\b|\bне против\b")
# "Номер заказа ещё раз, помедленнее?", "А коту сколько лет, напомните?", "Повторите, пожалуйста, адрес"
_ASKED_AGAIN = re.compile(r"\bеще раз\b|\bнапомните\b|\bповторите\b|\bвы (?:сказали|говорили|называли)\b|"
                          r"\b(?:сказали|говорили|называли) вы\b")
# a customer saying they said it before ("я же сказала", "как я уже говорил", "я уже называл")
_REPEAT = re.compile(r"\bя же (?:сказал|говорил|говорю|называл|объяснял)\w*|\bкак я (?:уже )?(?:сказал|говорил|"
                     r"объяснял)\w*|\bя уже (?:сказал|говорил|называл|объяснял|вводил|диктовал)\w*|\bсказал[аи]? уже\b|"
                     # "Есть, говорю же, справка", "Так я сказала: беременность", "Так сократили же меня, я сказала."
                     r"\bговорю же\b|\bтак я (?:же )?(?:сказал|говорил)\w*|\bя (?:сказал|говорил)\w*(?=\s*(?:[.!]|$))")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|тысяч|девятьсот|двухтысячн")


# what a question asks by its words (`Language.asked_kinds`), on `fold_case` text (ё read as е)
_ASKED = (
    (frozenset({"name"}), re.compile(r"\bфио\b|фамили|\bимя\b|\bимени\b|отчеств|как (?:вас|к вам) (?:зовут|обращаться)|"
                                     r"представьтесь|на кого (?:оформ|брон|заказ|запис|выпис)")),
    (frozenset({"code"}), re.compile(r"(?<!номер )(?<!номера )\bпаспорт(?!\w* (?:на руках|с собой|при себе))")),
    (frozenset({"phone"}), re.compile(r"телефон|номер для связи|по какому номеру")),
    (frozenset({"email"}), re.compile(r"почт[аыуе]|e-?mail|имейл")),
    (frozenset({"plate"}), re.compile(r"госномер|гос\.? ?номер|государственн\w* номер|номерн\w* знак")),
    (frozenset({"date"}), re.compile(r"\bдат[аыуе]\b|какого (?:числа|дня)|какой день|в какой день|\bдавно\b")),
    (frozenset({"time"}), re.compile(r"\bвремя\b|во сколько|в какое время")),
    (frozenset({"date", "time"}), re.compile(r"\bкогда\b")),
    (frozenset({"address"}), re.compile(r"\bадрес(?! (?:электронн|почт|e-?mail))")),  # an email address is an email
    (frozenset({"location"}), re.compile(r"\bгде\b|\bкуда\b|\bоткуда\b|как(?:ой|ом) город|как(?:ой|ом) район")),
    (frozenset({"count"}), re.compile(r"\bсколько\b(?! (?:времени|стоит|будет стоить|дней|ночей|лет|месяцев))")),
    (frozenset({"duration"}), re.compile(r"как долго|сколько (?:времени|дней|ночей|лет|месяцев)")),
    (frozenset({"money"}), re.compile(r"как(?:ая|ую) сумм|сколько стоит|стоимост")),
    # "номер карты" is a code; a bare "номер" ("На какой номер присылать?") may be a phone number too
    (frozenset({"code"}), re.compile(r"\bномер\w* (?:карт|заказ|договор|полис|сч[её]т|брон|подтвержден|паспорт|заявк|"
                                     r"лицев|документ|билет|рейс|квартир|дом|снилс|инн|кабинет|обращени)|\bкод\b")),
    (frozenset({"code", "phone"}), re.compile(
        # "государственный номер" is a plate (above), not a code or a phone number
        r"(?<!какому )(?<!государственный )(?<!государственного )\bномер\w*"
        r"(?! (?:телефон|для связи|карт|заказ|договор|полис|сч[её]т|брон|подтвержден|паспорт|"
        r"заявк|лицев|документ|билет|рейс|квартир|дом|снилс|инн|кабинет|обращени))")),
)


class Russian(EncodedLanguage):
    code = "ru"
    name = "Russian"
    closing_pattern = _CLOSING
    own_name_pattern = re.compile(r"как (?:вас|к вам) (?:зовут|обращаться)|ваш[еиа]? (?:имя|фио|фамили)|представьтесь|"
                                  r"с кем (?:я )?(?:говорю|разговариваю)")
    start_pattern = _START
    end_pattern = _END
    affirmative_pattern = _AFFIRMATIVE
    offer_pattern = _OFFER
    birth_pattern = _BIRTH
    year_pattern = _YEAR
    repeat_pattern = _REPEAT
    asked_again_pattern = _ASKED_AGAIN
    agreement_pattern = _AGREEMENT
    asked_patterns = _ASKED

    def __init__(self) -> None:
        super().__init__(lemmas=content_lemmas, find_values=find_values, item_kinds=item_kinds,
                         number_words=digits_for_number_words, question=_is_question, focus=focus, why=WHY)

    def fold_case(self, text: str) -> str:
        return yo(text.lower())


def _is_question(sentence: str) -> float:
    s = yo(sentence.strip())
    if s.endswith("?"):
        return 1.0
    if _REQUEST.search(s) or _PLEASE.search(s) or _AND_THING.search(s):
        return 0.8
    if _WH.match(s) or _LI.search(s):
        return 0.6
    return 0.0
