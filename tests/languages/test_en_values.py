"""English typed values: the kinds a customer's answer holds, as the value rules read them."""

from __future__ import annotations

import pytest

from audit.languages import get_language

EN = get_language("en")


def _kinds(text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for v in EN.values(text):
        out.setdefault(v.kind, set()).add(v.text)
    return out


@pytest.mark.parametrize("text", [
    "No, there are four in my party.", "We are three.", "There's just 1.", "It's for 2 people.",
    "A table for six, please.", "Just me.",
])
def test_when_customer_says_how_many_then_a_count(text):
    assert "count" in _kinds(text)


def test_when_a_month_follows_a_preposition_then_it_is_a_date_not_a_place():
    kinds = _kinds("I'll be waiting at Union Square on March 8th.")
    assert kinds["location"] == {"Union Square"}
    assert "date" in kinds


def test_when_flying_out_of_a_city_then_that_city_is_a_place():
    assert _kinds("Find me flights leaving out of Atlanta.")["location"] == {"Atlanta."}


@pytest.mark.parametrize(("text", "yes"), [
    ("Yes, that's correct.", True), ("That works for me.", True), ("Sounds good.", True),
    ("No, change it to Friday.", False), ("Can you check Friday instead?", False),
])
def test_when_customer_agrees_then_affirmative(text, yes):
    assert EN.is_affirmative(text) is yes


@pytest.mark.parametrize(("text", "has_time"), [
    ("Good morning.", False),
    ("Good evening, I need some help.", False),
    ("Can you come this afternoon?", True),
    ("Tomorrow morning is good.", True),
])
def test_when_a_greeting_names_a_time_of_day_then_it_holds_no_time(text, has_time):
    assert any(v.kind == "time" for v in EN.values(text)) is has_time


@pytest.mark.parametrize(("text", "kind", "present"), [
    ("This is the first time I'm calling.", "date", False),
    ("The one-bedroom on the fourth floor.", "date", False),
    ("Can you do the third?", "date", True),
    ("The 12th of this month.", "date", True),
    ("A table for two, please.", "count", True),
    ("I got a bill for two hundred and forty dollars.", "count", False),
    ("The one for two-forty.", "count", False),
    ("A one way flight, preferably on Delta Airlines.", "location", False),  # a carrier, not a place
    ("A one way flight out of Denver.", "location", True),
    ("Can you book a table for 2 at Bourbon Steak?", "location", False),  # a venue booked, not where
    ("I need a table at Sino in San Jose.", "location", True),
])
def test_when_a_number_or_name_is_part_of_something_else_then_it_is_not_that_kind(text, kind, present):
    assert any(v.kind == kind for v in EN.values(text)) is present


@pytest.mark.parametrize("question, description, typed", [
    ("Which account?", "The user's account type", set()),  # checking or savings, not an account number
    ("What were you told when the claim was rejected?", "The reason the caller was given", set()),
    ("When are you leaving?", "Date of bus leaving for journey", {"date"}),
    ("What time would you like to leave?", "Time of bus leaving for journey", {"time"}),
    ("Can I have the claim number?", "The number of the existing claim", {"code"}),
    ("When did it start?", "When the problem began", {"date", "time"}),
])
def test_when_an_item_is_read_then_it_takes_the_kinds_its_texts_ask(question, description, typed):
    from audit.checklist import Checklist
    from audit.matching.view import build_checklist_view

    checklist = Checklist.model_validate({
        "id": "t", "name": "t", "version": 1, "language": "en",
        "items": [{"id": "i", "question": question, "description": description}]})
    assert build_checklist_view(checklist, EN).item_typed[0] == typed


@pytest.mark.parametrize("text, kind, value", [
    ("Help me find a 3 bed room apartment please", "count", "3 bed room"),
    ("Anything Music, can be at any day.", "date", "any day"),  # no preference answers the date
    ("Anywhere in the city is fine.", "location", "Anywhere"),
])
def test_when_a_customer_gives_a_value_in_passing_then_it_is_read(text, kind, value):
    assert value in _kinds(text).get(kind, set())


@pytest.mark.parametrize(("text", "kind"), [
    ("It says C-L, six one, six one five oh two.", "code"),  # letters spelled first: an identifier
    ("My number is five five five, oh one two, three four five six.", "phone"),
])
def test_when_digits_are_read_one_by_one_then_letters_before_them_make_an_identifier(text, kind):
    kinds = _kinds(text)
    assert kind in kinds and not ({"phone", "code"} - {kind}) & set(kinds)


@pytest.mark.parametrize("text", ["Any date in particular?", "Any city you have in mind?", "Any city to look into?",
                                  "What's the first date you'll need it from?"])
def test_when_the_agent_asks_for_any_value_then_no_value_is_read(text):
    """"Any date in particular?" asks for a date; it is no "any day is fine", and "the first date" no 1st."""
    assert not {"date", "location"} & set(_kinds(text))


@pytest.mark.parametrize(("question", "asked"), [
    ("How long is your stay?", [{"duration"}]),
    ("How long is she, overall?", []),  # a boat's length, not a stay's
    ("And when the part comes in, do you want a call or a text?", []),  # the clause says when; nothing asked
    ("When would you like to go, and where?", [{"date", "time"}, {"location", "address"}]),
    ("What will be the city and date of departure?", [{"date"}, {"location", "address"}]),
    ("Which store, Kestrel Street or the one on Route 6?", [{"location", "address"}]),
    ("So roughly what are you making a year now?", [{"money"}]),
    ("What did you pay for it?", [{"money"}]),
    ("How would you like to pay?", []),  # a way to pay, not an amount
    ("Any specific time and date?", [{"date"}, {"time"}]),
    ("Have a good time!", []),
    # an address named after two words is still asked; the zip is part of it
    ("What's the new residential address, with the zip?", [{"location", "address"}, {"code"}]),
    ("What about this place?", []),  # a proposal, no place asked
    ("What metropolis would you like to leave from?", [{"location", "address"}]),  # a city by another name
])
def test_when_a_question_is_read_then_its_words_say_what_it_asks(question: str, asked: list[set[str]]) -> None:
    assert [set(k) for k in get_language("en").asked_kinds(question)] == asked


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("My bill went up twelve dollars this month.", "money", "twelve dollars"),
    ("They charged me a deposit of a hundred and fifty dollars.", "money", "a hundred and fifty dollars"),
    ("It was about forty quid.", "money", "forty quid"),
    ("It costs £25.", "money", "£25"),
    ("I was charged twice in November.", "date", "in November"),
    ("I'm moving out at the end of the month.", "date", "the end of the month"),
    ("It's twenty-two fourteen Larkspur Lane.", "address", "twenty-two fourteen Larkspur Lane"),
    ("The water is coming up on Alder Lane, by number twenty-two.", "address", "Alder Lane"),
    ("My lease ends January thirty-first.", "date", "January thirty-first"),
    ("It started like three days ago.", "date", "three days ago"),
    ("It went off about an hour ago.", "time", "an hour ago"),
    ("I bought it in August of twenty twenty-four.", "date", "August of twenty twenty-four"),
    ("The ride started at like eight-fifteen.", "time", "eight-fifteen"),
    ("Ten to nine, I think.", "time", "Ten to nine"),
    ("I'd like to set another alarm for five pm.", "time", "five pm"),
    ("Make it seven thirty p.m.", "time", "seven thirty p.m"),
    ("It's jo at mail dot co dot uk.", "email", "jo at mail dot co dot uk"),
])
def test_when_an_amount_or_a_date_is_said_in_words_then_it_is_read(text, kind, value):
    assert value in _kinds(text).get(kind, set())


@pytest.mark.parametrize("text", ["May I have your name?", "The end of the line is near."])
def test_when_words_only_look_like_a_month_or_a_period_then_no_date(text):
    assert "date" not in _kinds(text)


def test_when_a_number_word_precedes_a_lower_case_way_then_no_address():
    assert "address" not in _kinds("There is one other way to do it.")


@pytest.mark.parametrize("question", [
    "Is the number you're calling from good for that?",
    "And the number you called from, is that the best one for us?",
    "Is the number you're on the best one for Friday?",
])
def test_when_the_agent_offers_the_line_called_from_then_a_phone_number_is_asked(question: str) -> None:
    assert "phone" in EN.value_kinds_for(question)
    assert any("phone" in kinds for kinds, _ in EN.asked_kind_spans(question))


@pytest.mark.parametrize(("text", "names"), [
    ("My name is April Jones.", {"April Jones"}),  # the cue capitalised at the start of a sentence
    ("This is Dana Whitfield.", {"Dana Whitfield"}),
    ("It's a lunch for my boss, it's Friday the twentieth.", set()),  # a day, not who is speaking
    ("It's March already and nothing came.", set()),
])
def test_when_a_name_cue_is_followed_by_capitalised_words_then_a_person_unless_a_day(text: str, names: set) -> None:
    assert {v.text for v in EN.values(text) if v.kind == "name"} == names


@pytest.mark.parametrize(("question", "phone"), [
    ("What number should he call?", True),
    ("What number can the driver reach you at?", True),
    ("Is there a number we can text when it's ready?", True),
    ("What is the policy number you were calling about?", False),
    ("Which number is on the invoice?", False),
])
def test_when_the_agent_asks_what_number_someone_should_call_then_a_phone_number_is_asked(question: str,
                                                                                         phone: bool) -> None:
    assert any("phone" in kinds for kinds, _ in EN.asked_kind_spans(question)) is phone


@pytest.mark.parametrize("text", ["Set an alarm for five pm.", "Book it for ten o'clock."])
def test_when_an_hour_in_words_follows_for_then_it_is_a_time_not_a_count(text):
    assert "count" not in _kinds(text)
