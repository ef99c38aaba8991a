"""Russian typed values: spoken numbers and dates as speech recognition writes them, phones, names, plates."""

from __future__ import annotations

import pytest

from audit.languages import get_language

RU = get_language("ru")


def _norm(text: str, kind: str) -> set[str]:
    return {v.normalized for v in RU.values(text) if v.kind == kind}


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Я родилась двенадцатое марта восемьдесят шестого года.", "1986-03-12"),
        ("Дата рождения: первое января тысяча девятьсот девяносто девятого.", "1999-01-01"),
        ("Двадцать третьего февраля две тысячи двадцатого года.", "2020-02-23"),
        ("12 марта 1986 года", "1986-03-12"),
    ],
)
def test_when_date_spoken_or_written_then_iso_date(text, iso):
    assert iso in _norm(text, "date")


def test_when_digits_read_one_by_one_with_hyphens_then_one_number():
    assert "513820" in _norm("Номер карты пять-один-три-восемь-два-ноль.", "code")


def test_when_phone_read_in_chunks_then_phone_digits():
    text = "Звоните на восемь девятьсот шестнадцать сто двадцать три сорок пять шестьдесят семь."
    assert "89161234567" in _norm(text, "phone")


@pytest.mark.parametrize("text", ["+7 (916) 123-45-67", "8 916 123 45 67", "8-916-123-45-67"])
def test_when_phone_in_local_format_then_phone(text):
    assert any(n.endswith("9161234567") for n in _norm(text, "phone"))


def test_when_inflected_number_words_then_value():
    assert "2015" in _norm("Машина две тысячи пятнадцатого года выпуска.", "date")
    assert "42" in _norm("Дом сорок два.", "number")


@pytest.mark.parametrize(
    ("text", "lemmas"),
    [
        ("Полякова Наталья Андреевна.", "поляков наталья андреевич"),
        ("Заявка на имя Сергея Петровича Иванова.", "сергей петрович иванов"),
        ("Меня зовут Иван.", "иван"),
    ],
)
def test_when_full_name_with_patronymic_in_any_case_then_one_name(text, lemmas):
    assert lemmas in _norm(text, "name")


def test_when_no_name_then_no_name_value():
    assert not _norm("Машина не заводится, стартер щёлкает.", "name")


def test_when_plate_then_plate():
    assert _norm("Номер машины А123ВС77.", "plate")


@pytest.mark.parametrize(("text", "plate"), [
    ("Госномер е семьсот сорок один км семьдесят шесть.", "е741км76"),
    ("Номер а сто двадцать три, вс, семьдесят седьмой регион.", "а123вс77"),
    ("Номер у семь четыре один к м сто девяносто девять.", "у741км199"),
])
def test_when_plate_read_aloud_then_plate(text, plate):
    assert plate in _norm(text, "plate")


def test_when_no_plate_shape_then_spoken_numbers_are_no_plate():
    assert not _norm("С семи до восьми вечера, а в субботу с десяти.", "plate")


@pytest.mark.parametrize("text", ["Не знаю.", "Понятия не имею.", "Всё равно, любое время.",
                                  "Как можно скорее."])
def test_when_customer_does_not_know_or_does_not_mind_then_dont_know(text):
    assert _norm(text, "dont_know")


@pytest.mark.parametrize(
    ("item", "kind"),
    [
        ("По какому номеру с вами связаться? Телефон для обратного звонка", "phone"),
        ("Ваши фамилия, имя, отчество?", "name"),
        ("Подтвердите дату рождения.", "date"),
        ("Назовите номер полиса.", "code"),
        ("Какой госномер у машины?", "plate"),
        ("Назовите государственный номер автомобиля.", "plate"),
        ("Сколько человек поедет?", "count"),
    ],
)
def test_when_item_asks_for_a_kind_then_kind_read(item, kind):
    assert kind in RU.value_kinds_for(item)


def test_when_an_item_names_a_representative_then_it_asks_no_name():
    """"Представьтесь" asks a name; "представителя" (a representative) in a consent item does not."""
    assert "name" in RU.value_kinds_for("Представьтесь, пожалуйста.")
    assert "name" not in RU.value_kinds_for("Согласие пациента или его представителя на обработку данных")


@pytest.mark.parametrize(("text", "address"), [
    ("Улица Гончарова, дом двадцать два, квартира сорок семь.", True),
    ("Живу в доме 5 на Лесной.", True),
    ("ул. Ленина, д. 5, кв. 12", True),
    # a house, building or flat is an address only with its number
    ("А врача на дом можно вызвать?", False),
    ("Мы весь день дома.", False),
    ("Третий подъезд, домофон не работает.", False),
])
def test_when_a_home_is_mentioned_then_only_a_numbered_one_is_an_address(text, address):
    assert bool(_norm(text, "address")) is address


@pytest.mark.parametrize(("text", "kind", "present"), [
    ("Нет-нет, не надо.", "name", False),
    ("Петрова-Водкина Анна.", "name", True),
    ("Давайте завтра, часов в десять.", "time", True),
    ("Где-то в полвосьмого, на Заводской.", "time", True),
])
def test_when_spoken_times_and_hyphenated_words_are_read_then_kinds_are_right(text, kind, present):
    assert bool(_norm(text, kind)) is present


@pytest.mark.parametrize(("text", "has_name"), [
    ("Спасибо, Денис.", False),  # the agent, addressed
    ("Здравствуйте, Ирина.", False),
    ("Добрый день, Иванова Мария.", True),  # a caller giving their own name after the greeting
    ("Дмитрий.", True),
    ("Эм...", False),
])
def test_when_a_name_is_said_then_only_the_callers_own_is_a_name(text, has_name):
    assert bool(_norm(text, "name")) is has_name


def test_when_a_phone_is_dictated_in_chunks_then_each_chunk_keeps_its_digits():
    """"сто, двадцать" are two chunks of a phone number (100, 20), not one hundred and twenty."""
    assert _norm("Восемь девятьсот пятьдесят, сто, двадцать, тридцать девять.", "phone") == {"89501002039"}


def test_when_a_number_is_read_with_thousands_then_it_is_no_code():
    """Codes are read digit by digit or in chunks, never with "тысяча": a year or an amount is no code."""
    assert not _norm("Две тысячи второй, третий.", "code")
    assert _norm("Пять-ноль-два-два, восемь-один-шесть-четыре.", "code") == {"50228164"}


def test_when_a_booking_is_for_seven_oclock_then_that_is_a_time():
    assert _norm("На двадцать восьмое декабря, на семь часов.", "time")


@pytest.mark.parametrize(("question", "kinds"), [
    ("На кого оформляем?", [{"name"}]),  # "in whose name" asks a name
    ("Дальше данные: ваши фамилия, имя, отчество и паспорт.", [{"name"}, {"code"}]),
    ("Серия и номер паспорта?", [{"code"}]),  # one document number, not two
    ("Паспорт с собой?", []),  # whether it is at hand, not its number
])
def test_when_a_question_names_what_it_asks_then_asked_kinds_say_so(question, kinds):
    assert [set(k) for k in RU.asked_kinds(question)] == kinds


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Давайте на двадцать пятое.", {"---25"}),
        ("С пятого по восьмое.", {"---05", "---08"}),
        ("Обещали до двадцать первого", {"---21"}),
    ],
)
def test_when_a_day_is_said_as_an_ordinal_alone_then_a_date(text, days):
    assert days <= _norm(text, "date")


@pytest.mark.parametrize("text", ["Это уже третье обращение.", "Живу на пятом этаже."])
def test_when_an_ordinal_counts_a_noun_then_no_date(text):
    assert _norm(text, "date") == set()


@pytest.mark.parametrize("text", ["Купили в июле.", "Заселиться хотим в конце августа."])
def test_when_a_month_is_placed_in_time_then_a_date(text):
    assert any(v.kind == "date" for v in RU.values(text))


@pytest.mark.parametrize(
    ("question", "kind", "not_kind"),
    [
        ("Сколько ночей планируете проживать?", "duration", "count"),  # as "Сколько ночей?" asks it
        ("Сколько человек будет проживать?", "count", "duration"),
    ],
)
def test_when_an_item_asks_how_many_nights_then_a_length_not_a_count(question, kind, not_kind):
    kinds = get_language("ru").value_kinds_for(question)
    assert kind in kinds and not_kind not in kinds


def test_when_the_plate_is_asked_by_its_full_name_then_no_code_or_phone_is_asked():
    assert [set(k) for k in RU.asked_kinds("Назовите государственный номер автомобиля.")] == [{"plate"}]
