"""Questions worded unlike any checklist phrasing are still found by what they mean (`asks.paraphrase_asks`)."""

from __future__ import annotations

import pytest

from audit import AuditEngine, Transcript, parse_checklist
from audit import asks as asks_module

SERVICE_DESK = parse_checklist("""
id: dealer_test
name: Service desk (test)
version: 1
language: en
reasons:
  - {id: maintenance, description: "Book routine maintenance such as an oil change or tire rotation"}
  - {id: recall, description: "Have a safety recall repaired"}
items:
  - {id: full_name, question: "May I have your full name?", description: "Name of the caller"}
  - {id: phone, question: "What is the best phone number to reach you?", description: "Callback phone number"}
  - {id: vehicle, question: "What is the year, make and model of your vehicle?", description: "Year, make and model"}
  - {id: mileage, question: "What is the current mileage on the vehicle?", description: "Odometer reading in miles"}
  - {id: appointment_date, question: "What day would you like to bring it in?",
     description: "Date of the service appointment"}
  - {id: recall_notice, question: "Did you receive a recall notice in the mail?",
     description: "Whether a recall letter arrived", applies_to: [recall]}
""", where="dealer_test")

CALL = Transcript.model_validate({"call_id": "odometer", "language": "en", "utterances": [
    {"speaker": s, "text": t} for s, t in [
        ("agent", "Ridgeview Auto service, this is Sam. How can I help?"),
        ("customer", "I need to book an oil change for my twenty nineteen Forester."),
        ("agent", "Sure. Who am I speaking with?"),
        ("customer", "Roberto Quintanilla."),
        ("agent", "Thanks Roberto. And roughly what's it got on the odometer?"),
        ("customer", "Thirty-one two, something like that."),
        ("agent", "Got it. Any particular day that suits you?"),
        ("customer", "Thursday morning."),
        ("agent", "How about Thursday at nine?"),
        ("customer", "Perfect."),
    ]]})


def _asks(engine: AuditEngine) -> list[tuple[int, str, str]]:
    engine.forget_checklists()
    return [(q.utterance, q.item, q.status) for q in engine.audit(CALL, SERVICE_DESK).questions]


def test_when_a_question_shares_no_words_with_its_item_then_its_meaning_asks_it(engine: AuditEngine) -> None:
    found = _asks(engine)
    assert (4, "mileage", "needed") in found
    assert (6, "appointment_date", "needed") in found


def test_when_the_agent_suggests_a_value_then_the_suggestion_asks_nothing(engine: AuditEngine) -> None:
    assert not [a for a in _asks(engine) if a[0] == 8]


def test_without_the_paraphrase_reader_the_word_scorers_miss_them(engine: AuditEngine,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(asks_module, "PARAPHRASE_COS", 2.0)
    assert {a[1] for a in _asks(engine)}.isdisjoint({"mileage", "appointment_date"})


CHECKED = Transcript.model_validate({"call_id": "check", "language": "en", "utterances": [
    {"speaker": s, "text": t} for s, t in [
        ("agent", "Ridgeview Auto service, this is Sam. How can I help?"),
        ("customer", "Hi, my Subaru Forester is due for an oil change, you did the last one in March."),
        ("agent", "Sure. And the vehicle is the Subaru Forester you had in on March 3rd?"),
        ("customer", "Yes, that one."),
        ("agent", "So a Forester on Thursday at nine?"),
        ("customer", "Yes."),
    ]]})


def test_when_a_question_checks_one_value_then_its_meaning_asks_the_item(engine: AuditEngine) -> None:
    """"And the vehicle is the Subaru Forester you had in on March 3rd?" checks one fact (which car) and asks
    its item, as our annotators read such questions, though it holds a date; a question reading back several
    values ("a Forester on Thursday at nine?") confirms a summary and asks nothing."""
    engine.forget_checklists()
    found = [(q.utterance, q.item) for q in engine.audit(CHECKED, SERVICE_DESK).questions]
    assert (2, "vehicle") in found
    assert not [a for a in found if a[0] == 4]


@pytest.mark.parametrize("proposal", [
    "How about Lanna Thai?",
    "There's a tourist attraction called the Toronto Sign, what do you think about that?",
    "The Nationals game is on Tuesday, how does that sound?",
])
def test_when_the_agent_proposes_something_then_the_sentence_reads_as_a_suggestion(proposal: str) -> None:
    from audit.languages import get_language

    en = get_language("en")
    assert en.suggestion_pattern is not None and en.suggestion_pattern.search(en.fold_case(proposal))
