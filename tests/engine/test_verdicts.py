"""Each verdict kind and item status on small hand-made calls, through the engine's public interface."""

from __future__ import annotations

import dataclasses

import pytest

from audit import AuditEngine, Transcript, parse_checklist
from audit import asks as asks_module
from audit.asks import WH_FLOOR
from audit.errors import UnsupportedLanguageError
from audit.matching.model import Scorers
from audit.report import report_json_schema


def _call(*turns: tuple[str, str], metadata: dict | None = None, language: str = "en") -> Transcript:
    return Transcript.model_validate({
        "call_id": "t", "language": language, "metadata": metadata or {},
        "utterances": [{"speaker": s, "text": t} for s, t in turns],
    })


FLAT_TIRE = _call(
    ("agent", "Roadside assistance, how can I help you today?"),
    ("customer", "Hi, I have a flat tire. I'm parked at the Shell station on Route 9 in Springfield."),
    ("agent", "Okay. Where is your vehicle located right now?"),
    ("customer", "Like I said, at the Shell station on Route 9."),
    ("agent", "What is the year, make and model of your vehicle?"),
    ("customer", "It's a 2015 Honda Civic. I do have a spare tire in the trunk, but no jack."),
    ("agent", "Does the vehicle need a tow or a jump start?"),
    ("customer", "No, it's just the flat tire."),
    ("agent", "What is the best phone number to reach you?"),
    ("customer", "This number is fine."),
    metadata={"caller_phone": "+1 216-555-0109"},
)


@pytest.fixture(scope="module")
def flat(engine: AuditEngine, checklist):
    return engine.audit(FLAT_TIRE, checklist)


def _status(report, utterance: int, item: str) -> str | None:
    return next((q.status for q in report.questions if q.utterance == utterance and q.item == item), None)


def test_when_call_is_about_a_flat_tire_then_that_is_its_reason(flat) -> None:
    assert flat.reasons == ["flat_tire"]


def test_when_item_not_yet_given_then_needed(flat) -> None:
    assert _status(flat, 4, "vehicle") == "needed"


def test_when_customer_volunteered_it_then_redundant_with_evidence(flat) -> None:
    q = next(q for q in flat.questions if q.utterance == 2 and q.item == "location")
    assert q.status == "redundant"
    assert [e.utterance for e in q.evidence] == [1]
    assert "turn 2" in q.why


def test_when_item_serves_another_reason_then_irrelevant(flat) -> None:
    assert _status(flat, 6, "service_type") == "irrelevant"


def test_when_metadata_holds_it_then_redundant(flat) -> None:
    q = next(q for q in flat.questions if q.item == "callback_phone")
    assert q.status == "redundant"
    assert "caller_phone" in q.why


def test_when_items_not_asked_then_covered_not_applicable_or_missing(flat) -> None:
    items = {i.item: i.status for i in flat.items}
    assert items["caller_name"] == "missing"
    assert items["spare_tire"] == "covered"  # never asked, but the caller said so
    assert items["vehicle"] == items["location"] == "asked"


def test_when_customer_answered_dont_know_then_asking_again_is_redundant(engine: AuditEngine, checklist) -> None:
    call = _call(
        ("customer", "My car won't start this morning."),
        ("agent", "Does the vehicle need a tow or a jump start?"),
        ("customer", "I don't know. I have no idea what is wrong with it."),
        ("agent", "Well, do you think it needs a tow or a jump start?"),
    )
    report = engine.audit(call, checklist)
    assert report.reasons == ["no_start"]
    assert _status(report, 1, "service_type") == "needed"
    assert _status(report, 3, "service_type") == "redundant"
    items = {i.item: i.status for i in report.items}
    assert items["spare_tire"] == "not_applicable"


def test_when_summary_then_it_counts_the_questions(flat) -> None:
    s = flat.summary
    assert s.questions_asked == len(flat.questions)
    assert s.waste_count == s.redundant + s.irrelevant >= 3


def test_when_no_checklist_then_only_customer_focus(engine: AuditEngine) -> None:
    report = engine.audit(_call(("agent", "That's not our fault, you'll have to call the tow company yourself.")))
    assert report.questions == [] and report.checklist is None
    assert {f.kind for f in report.customer_focus} & {"blame_shift", "redirect"}


def test_when_language_unsupported_then_error_names_supported(engine: AuditEngine, checklist) -> None:
    with pytest.raises(UnsupportedLanguageError, match="en, ru, tr"):
        engine.audit(_call(("agent", "Wie heißen Sie?"), language="de"), checklist)


def test_when_report_serialised_then_schema_names_scored_fields(flat) -> None:
    schema = report_json_schema()
    assert {"call_id", "questions", "items", "reasons", "customer_focus", "summary"} <= set(schema["properties"])
    data = flat.model_dump(mode="json")
    assert all(isinstance(q["utterance"], int) for q in data["questions"])


BANK = """
id: bank_test
name: Bank line (test)
version: 1
language: en
reasons:
  - {id: balance, description: "Check the balance of an account"}
  - {id: transfer, description: "Send money from an account to another person"}
items:
  - {id: account_type, question: "Which account, checking or savings?", description: "Type of the account"}
  - {id: amount, question: "How much would you like to send?", description: "Amount of money to transfer",
     applies_to: [transfer]}
  - {id: recipient, question: "Who should receive the money?", description: "Name of the person receiving it",
     applies_to: [transfer]}
  - {id: passcode, question: "What is the verbal passcode on the account?", description: "Passcode of the account"}
"""


@pytest.fixture(scope="module")
def bank_checklist():

    return parse_checklist(BANK, where="bank_test")


def test_when_customer_gives_what_only_a_second_reason_needs_then_that_reason_is_the_calls(
        engine: AuditEngine, bank_checklist) -> None:
    report = engine.audit(_call(
        ("customer", "Give me my bank balance please."),
        ("agent", "Which account, checking or savings?"),
        ("customer", "Checking."),
        ("agent", "Your checking account holds $2,310."),
        ("customer", "Ok, now send 550 dollars to Philip Moore."),
        ("agent", "How much would you like to send?"),
    ), bank_checklist)
    assert set(report.reasons) == {"balance", "transfer"}
    assert _status(report, 5, "amount") == "redundant"


def test_when_metadata_shares_only_a_word_with_an_item_then_it_does_not_answer_it(
        engine: AuditEngine, bank_checklist) -> None:
    report = engine.audit(_call(
        ("customer", "Hi, what's my balance?"),
        ("agent", "Sure. What is the verbal passcode on the account?"),
        metadata={"account_number": "8830441792"},
    ), bank_checklist)
    assert _status(report, 1, "passcode") == "needed"


def test_when_an_item_names_the_key_words_apart_then_metadata_does_not_answer_it(engine: AuditEngine,
                                                                                 alarm) -> None:
    """An account number from the phone menu does not say whether "the emergency contacts on the account" and
    their "numbers" are current: the key's words must stand together in the item."""
    report = engine.audit(_call(
        ("customer", "Hi, my alarm went off by mistake."),
        ("agent", "Are the emergency contacts on the account still up to date? And your account number?"),
        metadata={"account_number": "8830441792"},
    ), alarm)
    assert _status(report, 1, "contacts_current") == "needed"
    assert _status(report, 1, "account") == "redundant"


def test_when_a_metadata_key_reads_closest_to_an_item_of_another_kind_then_it_does_not_answer_it(
        engine: AuditEngine) -> None:
    """"account_number" reads closest to "What's the name on the account?" where the checklist has no account
    number item, but a number is no name."""
    alarm_desk = parse_checklist("""
id: alarm_desk_test
name: Alarm desk (test)
version: 1
language: en
reasons:
  - {id: false_alarm, description: "The alarm went off by mistake"}
items:
  - {id: account_holder, question: "What's the name on the account?", description: "Name of the account holder"}
  - {id: address, question: "What is the address of the monitored property?", description: "Monitored address"}
""", where="alarm_desk_test")
    report = engine.audit(_call(
        ("customer", "Hi, my alarm went off by mistake."),
        ("agent", "Okay. And the name on the account?"),
        metadata={"account_number": "HG-5512-0348"},
    ), alarm_desk)
    assert _status(report, 1, "account_holder") == "needed"


PHARMACY = """
id: pharmacy_test
name: Pharmacy line (test)
version: 1
language: en
reasons:
  - {id: refill, description: "The caller asks for a new fill of an existing prescription held at this pharmacy"}
  - {id: insurance, description: "The patient's insurance rejected a prescription claim"}
  - {id: side_effects, description: "The caller asks the pharmacist about side effects of a medication"}
items:
  - {id: rx_number, question: "What is the prescription number on the label?", description: "Prescription number",
     applies_to: [refill]}
  - {id: insurer, question: "Which insurance company are you with?", description: "The patient's insurer",
     applies_to: [insurance]}
  - {id: anything_else, question: "Is there anything else I can help you with today?",
     description: "Closing question"}
"""


@pytest.fixture(scope="module")
def pharmacy(engine: AuditEngine):

    return engine.audit(_call(
        ("agent", "Good afternoon, Copperleaf Pharmacy, this is Ezra. How can I help you?"),
        ("customer", "Yes, hello. I need a refill on my, uh, lisinopril. I've got maybe two left, and I'd like "
                     "to pick it up Thursday, my neighbour drives me."),
        ("agent", "Sure. What's the prescription number on the label?"),
        ("customer", "It says R X 6 0 4 4 1 9 8."),
        ("agent", "It'll be ready Thursday. Which insurance company are you with?"),
        ("customer", "Same as always."),
        ("agent", "Okay. Is there anything else I can help you with today?"),
        ("customer", "No, that's all, thank you."),
    ), parse_checklist(PHARMACY, where="pharmacy_test"))


def test_when_customer_words_differ_from_reason_description_then_meaning_still_finds_it(pharmacy) -> None:
    assert pharmacy.reasons == ["refill"], "'a refill on my lisinopril' is a new fill of a prescription"
    assert _status(pharmacy, 4, "insurer") == "irrelevant"


def test_when_greeting_offers_help_then_it_is_not_the_closing_item(pharmacy) -> None:
    assert _status(pharmacy, 0, "anything_else") is None


def test_when_customer_said_a_lot_first_then_closing_offer_is_still_needed(pharmacy) -> None:
    assert _status(pharmacy, 6, "anything_else") == "needed"


@pytest.mark.parametrize(("text", "closing"), [
    ("Anything else for you, Wendy?", True),
    ("This call is recorded. Is that all right with you?", False),  # "is that all right" is no "is that all?"
])
def test_when_a_short_sentence_offers_more_help_then_it_asks_the_closing_item(engine: AuditEngine, text: str,
                                                                               closing: bool) -> None:
    report = engine.audit(_call(
        ("customer", "Hi, I need a refill on my lisinopril."),
        ("agent", text),
    ), parse_checklist(PHARMACY, where="pharmacy_test"))
    assert (_status(report, 1, "anything_else") is not None) is closing


@pytest.mark.parametrize("question", ["And the phone number again?", "Remind me, what's the best number to reach you?",
                                      "And which number did you say I should call you back on?"])
def test_when_the_agent_says_they_ask_again_then_the_ask_is_redundant(engine: AuditEngine, checklist,
                                                                       question: str) -> None:
    """The customer's digits read like no phone number the value readers know, but the agent's "again" says
    it was given: the ask is redundant, with the earlier turn as evidence."""
    report = engine.audit(_call(
        ("customer", "My car won't start. You can call me back at five five five, oh one two, three four."),
        ("agent", "Got it, a jump start then."),
        ("customer", "Yes please."),
        ("agent", question),
    ), checklist)
    q = next(q for q in report.questions if q.utterance == 3 and q.item == "callback_phone")
    assert q.status == "redundant"
    assert q.evidence[0].utterance == 0 and "again" in q.why


DEALER = """
id: dealer_test
name: Dealer service (test)
version: 1
language: en
reasons:
  - {id: schedule_service, description: "Book routine maintenance such as an oil change"}
  - {id: recall_repair, description: "Get a safety recall repaired"}
  - {id: repair_status, description: "Ask about a vehicle already in the shop"}
items:
  - {id: vin, question: "Can you read me the VIN?",
     description: "The vehicle identification number, to look up recalls", applies_to: [recall_repair]}
  - {id: repair_order_number, question: "Do you have the repair order number?",
     description: "The repair order number of the vehicle in the shop", applies_to: [repair_status]}
  - {id: service_needed, question: "What service would you like done?", description: "The maintenance wanted",
     applies_to: [schedule_service]}
"""


def test_when_the_customer_volunteers_an_identifier_then_it_shows_no_reason_by_itself(engine: AuditEngine) -> None:
    """"V-N, six six two, oh four one nine" may be a repair order or a VIN; unasked, it shows neither's reason."""
    report = engine.audit(_call(
        ("customer", "Hi, I want to book an oil change. The number on my card is V-N, six six two, oh four one nine."),
        ("agent", "Sure. What service would you like done?"),
    ), parse_checklist(DEALER, where="dealer_test"))
    assert "schedule_service" in report.reasons
    assert not {"recall_repair", "repair_status"} & set(report.reasons)


CAR_RENTAL = """
id: car_rental_test
name: Car rental (test)
version: 1
language: en
reasons:
  - {id: rent, description: "Rent a car"}
items:
  - {id: pickup_city, question: "Where would you like to pick it up?", description: "City to pick up the car"}
  - {id: pickup_date, question: "When do you want it?", description: "Date to pick up the car"}
  - {id: dropoff_date, question: "When will you return it?", description: "Date to return the car"}
"""


@pytest.mark.parametrize("question", ["What dates do you need the rental car?", "Okay, and what dates do you need it?"])
def test_when_a_question_asks_for_dates_then_both_ends_are_asked(engine: AuditEngine, question: str) -> None:
    report = engine.audit(_call(
        ("customer", "Hi, I need a rental car in Seattle."),
        ("agent", question),
    ), parse_checklist(CAR_RENTAL, where="car_rental_test"))
    assert {q.item for q in report.questions if q.utterance == 1} == {"pickup_date", "dropoff_date"}


PARCEL_ADDRESSES = """
id: parcel_addresses_test
name: Parcel addresses (test)
version: 1
language: en
reasons:
  - {id: lost, description: "A parcel has not arrived"}
items:
  - {id: delivery_address, question: "What's the delivery address on the parcel?",
     description: "The address the parcel was sent to"}
  - {id: new_address, question: "Which address would you like it sent to instead?",
     description: "A new address to redirect the parcel to"}
"""


@pytest.mark.parametrize(("question", "item"), [
    ("And what address was it supposed to come to?", "delivery_address"),
    ("And the address it was going to?", "delivery_address"),
    ("Where would you like it sent instead?", "new_address"),
])
def test_when_a_question_asks_about_what_was_then_it_asks_the_item_about_what_is(engine: AuditEngine, question: str,
                                                                                   item: str) -> None:
    """"What address was it supposed to come to?" reads closest to the redirect item; its past tense says it
    asks the address the parcel was sent to."""
    report = engine.audit(_call(
        ("customer", "Hi, my parcel says delivered but it never arrived."),
        ("agent", question),
    ), parse_checklist(PARCEL_ADDRESSES, where="parcel_addresses_test"))
    assert {q.item for q in report.questions if q.utterance == 1} == {item}


MARINA = """
id: marina_test
name: Marina services (test)
version: 1
language: en
reasons:
  - {id: launch, description: "Launch a stored boat"}
items:
  - {id: owner_name, question: "Can I have the name on the account?", description: "The account holder's name"}
  - {id: boat_name, question: "What's the name of the boat?", description: "Name of the boat"}
  - {id: fuel_or_prep, question: "Would you like us to fuel her up or do anything else before launch?",
     description: "Fuel or other preparation wanted before the launch"}
  - {id: engine_check, question: "Any noises, or anything else to check?",
     description: "Problems to look at before the launch"}
  - {id: anything_else, question: "Is there anything else I can help you with?",
     description: "Whether the customer has another request"}
"""


def test_when_an_item_only_mentions_anything_else_then_a_short_offer_still_asks_the_closing_item(
        engine: AuditEngine) -> None:
    """"... or do anything else before launch?" and "Any noises, or anything else to check?" ask
    about the launch; the checklist's closing item is the short offer of more help, so "Anything else?" asks
    it."""
    report = engine.audit(_call(
        ("customer", "Hi, I'd like my boat launched Saturday morning."),
        ("agent", "Sure thing, Saturday at eight. Anything else?"),
    ), parse_checklist(MARINA, where="marina_test"))
    assert {q.item for q in report.questions if q.utterance == 1} == {"anything_else"}


def test_when_the_agent_asks_your_name_then_the_owners_item_is_asked_not_the_boats(engine: AuditEngine) -> None:
    report = engine.audit(_call(
        ("customer", "Hi, I'd like my boat launched Saturday morning."),
        ("agent", "Okay, let me see what we've got. And your name, sir?"),
    ), parse_checklist(MARINA, where="marina_test"))
    assert {q.item for q in report.questions if q.utterance == 1} == {"owner_name"}


LOANS = """
id: loans_test
name: Loan servicing (test)
version: 1
language: en
reasons:
  - {id: pause, description: "Pause payments for a time because of hardship"}
items:
  - {id: ssn_last4, question: "What are the last four digits of your Social Security number?",
     description: "Last four digits of the borrower's SSN, to verify identity"}
  - {id: account_number, question: "Do you have your loan account number?",
     description: "The borrower's loan account number, to find the account"}
"""


@pytest.mark.parametrize("key", ["account_number", "menu_account_number", "account_number_ivr"])
def test_when_metadata_key_names_an_item_then_it_answers_that_item_even_if_another_reads_closer(
        engine: AuditEngine, key: str) -> None:
    """The key names the item, whatever words say where the value came from ("menu", "ivr")."""
    report = engine.audit(_call(
        ("customer", "Hi, I lost my job and need to pause my loan payments."),
        ("agent", "Do you have your loan account number?"),
        ("customer", "I put it in on the phone menu already."),
        ("agent", "And the last four of your social?"),
        metadata={key: "8830 4417 92"},
    ), parse_checklist(LOANS, where="loans_test"))
    ask = next(q for q in report.questions if q.utterance == 1 and q.item == "account_number")
    assert ask.status == "redundant" and key in ask.why and not ask.evidence, ask.why
    assert _status(report, 3, "ssn_last4") == "needed"


def test_when_customer_gave_no_value_of_the_items_kind_then_asking_for_it_is_needed(
        permissive_engine: AuditEngine, dining) -> None:
    """A request that reads like the whole booking but names no time does not give the time."""
    report = permissive_engine.audit(_call(
        ("customer", "I want to reserve a table at Sino for dinner."),
        ("agent", "What time would you like the table?"),
    ), dining)
    assert _status(report, 1, "time") == "needed"


def test_when_reply_holds_no_recognised_value_then_it_still_answers_the_question(
        permissive_engine: AuditEngine, dining) -> None:
    """A bare "Oakland." answers "In which city?" although no value detector reads it as a place."""
    report = permissive_engine.audit(_call(
        ("customer", "I'd like to book a table for tonight."),
        ("agent", "In which city?"),
        ("customer", "oakland."),
        ("agent", "Sorry, which city was that?"),
    ), dining)
    assert _status(report, 3, "location") == "redundant"


def test_when_question_points_at_the_start_then_it_asks_the_origin_not_the_destination(
        engine: AuditEngine, trip) -> None:
    report = engine.audit(_call(
        ("customer", "I need a round trip flight for two."),
        ("agent", "Sure. Where will you depart from?"),
        ("customer", "Seattle."),
        ("agent", "And what city are you traveling to?"),
    ), trip)
    asked = {(q.utterance, q.item) for q in report.questions}
    assert (1, "origin_city") in asked and (1, "destination_city") not in asked
    assert (3, "destination_city") in asked and (3, "origin_city") not in asked


def test_when_customer_named_where_the_trip_starts_then_asking_where_it_ends_is_needed(
        engine: AuditEngine, trip) -> None:
    report = engine.audit(_call(
        ("customer", "I want a round trip. I'm flying from Seattle on the 6th of March."),
        ("agent", "Where are you going?"),
        ("customer", "Chicago."),
        ("agent", "Departure city?"),
    ), trip)
    assert _status(report, 1, "destination_city") == "needed"
    assert _status(report, 3, "origin_city") == "redundant"


def test_when_customer_said_when_they_come_back_then_that_date_is_the_return(
        permissive_engine: AuditEngine, trip) -> None:
    report = permissive_engine.audit(_call(
        ("customer", "I need a round trip to Chicago, coming back on the 9th of March."),
        ("agent", "What date do you want to travel?"),
    ), trip)
    assert _status(report, 1, "departure_date") == "needed"


def test_when_customer_confirmed_the_agents_read_back_then_asking_again_is_redundant(
        engine: AuditEngine, dining) -> None:
    report = engine.audit(_call(
        ("customer", "I'd like to book a table at Sino."),
        ("agent", "Sure. So a table at 7 pm tonight, is that right?"),
        ("customer", "Yes, that's right."),
        ("agent", "What time would you like the table?"),
    ), dining)
    assert _status(report, 3, "time") == "redundant"


def test_when_customer_declined_the_agents_proposal_then_asking_is_needed(engine: AuditEngine, dining) -> None:
    report = engine.audit(_call(
        ("customer", "I'd like to book a table at Sino."),
        ("agent", "Sure. How about 7 pm tonight?"),
        ("customer", "No, that doesn't suit me."),
        ("agent", "What time would you like the table?"),
    ), dining)
    assert _status(report, 3, "time") == "needed"


def test_when_customer_only_said_yes_then_a_number_asked_next_is_still_needed(
        permissive_engine: AuditEngine, trip) -> None:
    """A yes to "shall I book tickets?" holds no count, however close the question read to "how many"."""
    report = permissive_engine.audit(_call(
        ("customer", "I need a round trip from Seattle to Chicago, leaving on the 6th of March."),
        ("agent", "I found a flight for you. Would you like me to book tickets on it?"),
        ("customer", "Yes, please."),
        ("agent", "How many tickets?"),
    ), trip)
    assert _status(report, 3, "seats") == "needed"


def _with_ask_threshold(threshold: float) -> AuditEngine:
    scorers = Scorers.load()
    return AuditEngine(scorers=dataclasses.replace(scorers, ask=dataclasses.replace(scorers.ask, threshold=threshold)))


def test_when_a_question_asks_for_the_kind_of_value_its_best_item_takes_then_a_weaker_match_still_asks_it(
        engine: AuditEngine, trip, monkeypatch: pytest.MonkeyPatch) -> None:
    """"Which date did you have in mind?" asks for a date by its question words, as the departure date does:
    it counts as asking it at a fifth of the threshold (`WH_FLOOR`), not below. (Where a question's direction
    leaves one item of its kind, "Where will you be leaving from?", no floor applies: see
    `test_when_a_question_names_a_place_or_its_direction_then_the_items_of_that_end_are_asked`.) The paraphrase
    reader, which would find the ask below the floor by its meaning, is off here."""
    monkeypatch.setattr(asks_module, "PARAPHRASE_COS", 2.0)
    call = _call(("customer", "I need a round trip for two."), ("agent", "Which date did you have in mind?"))
    ask = next(q for q in engine.audit(call, trip).questions if q.utterance == 1)
    assert ask.item == "departure_date"
    near = _with_ask_threshold(ask.confidence / (WH_FLOOR + 0.02)).audit(call, trip)
    assert [(q.utterance, q.item) for q in near.questions] == [(1, "departure_date")]
    assert _with_ask_threshold(ask.confidence / (WH_FLOOR - 0.02)).audit(call, trip).questions == []


@pytest.mark.parametrize("offer", [
    "Would you like to buy tickets?", "Want to buy tickets for this flight?", "Are you ready to purchase tickets now?",
    "Would you be interested in booking it?", "So you'd like to buy tickets for it?",
])
def test_when_agent_offers_to_book_then_no_typed_item_is_asked(engine: AuditEngine, trip, offer: str) -> None:
    """"Would you like to buy the tickets?" offers an action; it does not ask how many tickets."""
    report = engine.audit(_call(
        ("customer", "I need a flight from Seattle to Chicago on the 6th of March."),
        ("agent", f"I found a direct flight at 9 am for 220 dollars. {offer}"),
    ), trip)
    assert not [q for q in report.questions if q.utterance == 1 and q.item == "seats"]


def test_when_customer_gave_an_address_then_asking_the_email_address_is_needed(
        permissive_engine: AuditEngine, contact) -> None:
    """The words "email address" name an address, but a street address does not answer the email item."""
    report = permissive_engine.audit(_call(
        ("customer", "Please deliver it to 88 Juniper Court, apartment 4B, in Lakewood."),
        ("agent", "What email address should we send updates to?"),
    ), contact)
    assert _status(report, 1, "email") == "needed"


def test_when_customer_named_only_a_weekday_then_asking_the_date_of_birth_is_needed(
        permissive_engine: AuditEngine, dental) -> None:
    """A date with no year ("on Thursday") is never a date of birth, whichever date item reads closer."""
    report = permissive_engine.audit(_call(
        ("customer", "Hi, it's Beatrix Solano. I have a cleaning on Thursday at two and I need to move it."),
        ("agent", "Sure, Beatrix. Can I get your date of birth?"),
        ("customer", "March 3rd, 1985."),
        ("agent", "And your date of birth again, sorry?"),
    ), dental)
    assert _status(report, 1, "date_of_birth") == "needed"
    assert _status(report, 3, "date_of_birth") == "redundant"


def test_when_the_first_turns_lean_to_a_reason_then_it_is_the_calls_however_faintly() -> None:
    """Callers say first why they call; a later turn may read far more like another reason."""
    import numpy as np

    from audit.verdicts import call_reasons

    # customer turns x reasons: the first two lean to reason 0, the last two read like reason 2
    p_reason = np.array([[0.03, 0.01, 0.02], [0.02, 0.0, 0.01], [0.0, 0.01, 0.9], [0.01, 0.0, 0.95]])
    chosen, _, _ = call_reasons(p_reason, threshold=0.5)
    assert chosen[0] == 2 and sorted(chosen) == [0, 2]
    assert call_reasons(p_reason[:, [1, 2]], threshold=0.5)[0] == [1]  # the opening's reason is already chosen
    assert call_reasons(p_reason, threshold=0.5, opening=0)[0] == [2]  # the agent asked first: no opening


def test_when_a_checklist_is_known_or_forgotten_then_the_same_report(checklist) -> None:
    """A known checklist's texts are not embedded again (its prepared view holds their vectors); forgetting
    it embeds them again. Neither changes a verdict."""
    engine = AuditEngine()
    first = engine.audit(FLAT_TIRE, checklist)
    again = engine.audit(FLAT_TIRE, checklist)
    engine.forget_checklists()
    fresh = engine.audit(FLAT_TIRE, checklist)
    assert first.model_dump() == again.model_dump() == fresh.model_dump()


@pytest.mark.parametrize("question", ["Who am I speaking with?", "And your name, sir?"])
def test_when_a_question_plainly_asks_a_name_then_the_one_name_item_is_asked(engine, checklist, question) -> None:
    """The encoder reads "Who am I speaking with?" as little like "Can I get your full name?", but it asks a
    name, and only one item of the checklist takes a name."""
    report = engine.audit(_call(
        ("agent", "Roadside assistance, how can I help you today?"),
        ("customer", "Hi, my car won't start, the battery is dead."),
        ("agent", f"Okay, I can help with that. {question}"),
        ("customer", "Dana Whitfield."),
    ), checklist)
    assert _status(report, 2, "caller_name") == "needed"


@pytest.mark.parametrize("question, item", [
    ("Which date did you have in mind?", "departure_date"),
    ("And how many people will be going?", "seats"),
    ("Where would you like to fly to?", "destination_city"),
    # one date named by neither end is when the trip starts; the end has its own words
    ("When would you like to go?", "departure_date"),
    ("And when are you coming back?", "return_date"),
])
def test_when_a_question_names_the_kind_it_asks_then_an_item_of_that_kind_is_asked(
        engine: AuditEngine, trip, question: str, item: str) -> None:
    """Static embeddings read short questions loosely ("Where would you like to fly to?" nearest a return
    date); their question words say which kind of value, so which item, they ask."""
    report = engine.audit(_call(
        ("customer", "I'd like to book a round trip flight, please."),
        ("agent", f"Sure. {question}"),
    ), trip)
    assert [q.item for q in report.questions if q.utterance == 1] == [item]


@pytest.mark.parametrize("question, asked", [
    ("Is there a genre you prefer?", ["genre"]),
    ("Would you like action, comedy or something else?", ["genre"]),  # an offer of a choice
    ("Should I rent the movie for you?", []),  # an offer, not a question about the genre
    ("Do you prefer comedies or dramas?", ["genre"]),  # a choice between things named
])
def test_when_a_question_asks_what_kind_then_the_category_item_is_asked_and_an_offer_is_not(
        engine: AuditEngine, movies, question: str, asked: list[str]) -> None:
    report = engine.audit(_call(
        ("customer", "I'm bored, I'd like to watch a movie tonight."),
        ("agent", question),
    ), movies)
    assert [q.item for q in report.questions if q.utterance == 1] == asked


def test_when_the_agent_reads_a_value_back_then_its_item_is_not_asked_again(engine: AuditEngine, trip) -> None:
    report = engine.audit(_call(
        ("customer", "I need a round trip from Seattle to Denver for three people."),
        ("agent", "So you'd like 3 tickets from Seattle to Denver?"),
    ), trip)
    assert "seats" not in [q.item for q in report.questions if q.utterance == 1]


def test_when_the_customer_gave_a_street_address_then_a_place_question_is_redundant(engine: AuditEngine,
                                                                                      taxi) -> None:
    """An address is a place: "a ride to 1900 University Ave" answers "Where are you going?"."""
    report = engine.audit(_call(
        ("customer", "I need a ride to 1900 University Ave."),
        ("agent", "Sure. Where are you going?"),
    ), taxi)
    assert _status(report, 1, "destination") == "redundant"


@pytest.mark.parametrize("question, asked", [
    ("Your destination, please.", {"destination_city"}),
    ("And the date you want to leave?", {"departure_date"}),
    ("What is your departure city and destination?", {"origin_city", "destination_city"}),
])
def test_when_a_request_names_the_values_it_wants_then_each_names_its_item(
        engine: AuditEngine, trip, question: str, asked: set[str]) -> None:
    report = engine.audit(_call(
        ("customer", "I'd like to book a round trip flight, please."),
        ("agent", question),
    ), trip)
    assert {q.item for q in report.questions if q.utterance == 1} == asked


@pytest.mark.parametrize("question, asked", [
    ("Where are you flying from and to?", {"origin_city", "destination_city"}),
    ("Can you give me your departure and arrival cities?", {"origin_city", "destination_city"}),
    ("And where will you be leaving from?", {"origin_city"}),
    ("Where are you going from?", {"origin_city"}),
    # the trip's end is a place: the date asked beside it is the day it starts
    ("On which date would you like to travel and to where?", {"departure_date", "destination_city"}),
    ("When and where do you want to go?", {"departure_date", "destination_city"}),
    ("It's a busy season, I see 40 flights What date do you want to leave?", {"departure_date"}),
    ("Do you want me to look for flights from a particular city?", {"origin_city"}),
    # each part of a joined question reads its own direction
    ("From when and to what date do you need the flights?", {"departure_date", "return_date"}),
    ("Where are you flying from and to?", {"origin_city", "destination_city"}),
    ("When and where are you leaving from, and which city would you like to visit?",
     {"departure_date", "origin_city", "destination_city"}),
    # a count said before the question's clause is context, not a count read back
    ("There are 8 flights with 0 stops. Now, how many tickets do you need?", {"seats"}),
])
def test_when_a_question_names_a_place_or_its_direction_then_the_items_of_that_end_are_asked(
        engine: AuditEngine, trip, question: str, asked: set[str]) -> None:
    """Static embeddings read "where will you be leaving from?" about as close to the destination as to the
    origin, and the second place of "from and to" faintly; the question's words say which ends it asks.
    An offer that names what it asks ("from a particular city?") is a question about it."""
    report = engine.audit(_call(
        ("customer", "I'd like to book a round trip flight, please."),
        ("agent", question),
    ), trip)
    assert {q.item for q in report.questions if q.utterance == 1} == asked


def test_when_the_agent_reads_back_two_dates_then_the_second_date_item_is_not_asked(engine: AuditEngine,
                                                                                     trip) -> None:
    report = engine.audit(_call(
        ("customer", "A round trip from Seattle to Denver, out on March 3rd and back on March 9th."),
        ("agent", "Please confirm: the departure date is March 3rd and the return date is March 9th?"),
    ), trip)
    assert not {"departure_date", "return_date"} & {q.item for q in report.questions if q.utterance == 1}


def test_when_a_reply_to_a_count_question_holds_no_number_then_the_count_is_not_given(engine: AuditEngine,
                                                                                        trip) -> None:
    """"I wish to book tickets for that one" replies to "How many tickets?" without saying how many: asking
    again is needed. A bare "Denver." to "Where are you going?" does give the place (our detectors do not know
    every place name, but every count is said in numbers or number words)."""
    report = engine.audit(_call(
        ("customer", "I'd like to book a round trip flight, please."),
        ("agent", "How many tickets?"),
        ("customer", "I wish to book tickets for the cheapest one."),
        ("agent", "Where are you going?"),
        ("customer", "Denver."),
        ("agent", "How many tickets do you need?"),
        ("customer", "Two."),
        ("agent", "So, where are you going?"),
    ), trip)
    assert _status(report, 5, "seats") == "needed"
    assert _status(report, 7, "destination_city") == "redundant"


@pytest.mark.parametrize("question, asked", [
    ("To verify, can I have your date of birth and the last four of your social?", {"date_of_birth", "ssn_last4"}),
    ("What's your name, and your building and unit?", {"full_name", "unit_number"}),
    ("And what are the bowls worth?", {"parcel_value"}),
    ("Okay, easy enough. Name and birthday?", {"full_name", "date_of_birth"}),
])
def test_when_a_question_names_identifiers_or_a_worth_then_those_items_are_asked(
        engine: AuditEngine, identity, question: str, asked: set[str]) -> None:
    """Identifiers named outright ("the last four of your social", "your unit") are what the question asks,
    beside a date or a name it asks too; "worth" asks an amount."""
    report = engine.audit(_call(
        ("customer", "Hi, my parcel arrived smashed and I want to file a claim."),
        ("agent", question),
    ), identity)
    assert {q.item for q in report.questions if q.utterance == 1} == asked


@pytest.mark.parametrize("question", ["No need, I can see the scan. Who am I speaking with?", "And what's your name?"])
def test_when_the_agent_asks_the_callers_own_name_then_the_callers_name_item_is_asked(
        engine: AuditEngine, parcel, question: str) -> None:
    """Two items take a name; "Who am I speaking with?" asks the caller's (the sender's may read closer)."""
    report = engine.audit(_call(
        ("customer", "Hi, the tracking says my parcel was delivered on Tuesday, but there's nothing here."),
        ("agent", question),
    ), parcel)
    assert "caller_name" in {q.item for q in report.questions if q.utterance == 1}


def test_when_a_short_question_names_a_kind_only_one_item_takes_then_it_asks_that_item(
        engine: AuditEngine, bus) -> None:
    """"Departure time?" reads barely like "What time would you like to leave?" to a static encoder, but it
    asks a time and only one item takes one."""
    report = engine.audit(_call(
        ("customer", "I need a bus to Fresno on the 3rd of March."),
        ("agent", "Departure time?"),
    ), bus)
    assert [q.item for q in report.questions if q.utterance == 1] == ["leaving_time"]



def test_when_a_caller_answers_a_yes_no_question_with_their_whole_story_then_the_facts_count() -> None:
    """Asked whether the recording is all right, a caller who says yes and then tells everything gives what
    the story holds; one who only answers the question seldom gives another item in the same breath."""
    import numpy as np

    from audit.verdicts import constrain_info

    p_info = np.array([[0.0, 0.0], [0.9, 0.12]], dtype=np.float32)  # (utterances, items): consent, headcount
    utt_ask = np.array([[0.9, 0.0], [0.0, 0.0]], dtype=np.float32)  # the agent asked for consent
    story = constrain_info(p_info, utt_ask, 0.5, [1], {1: 4})
    short = constrain_info(p_info, utt_ask, 0.5, [1], {1: 1})
    assert story[1, 1] == pytest.approx(0.12)
    assert short[1, 1] == pytest.approx(0.06)


def test_when_a_call_level_scorer_filters_then_it_only_drops_the_rules_second_reasons(
        engine: AuditEngine, checklist) -> None:
    """In `filter` mode the call-level scorer never brings a reason of its own: a scorer that backs none of
    the rule's reasons leaves one of them, one that backs everything leaves the rule's choice."""
    import numpy as np

    from audit.matching.features import CALL_REASON_FEATURES
    from audit.matching.model import Scorer
    from audit.verdicts import reason_scores

    n = len(CALL_REASON_FEATURES)

    def constant(value: float) -> Scorer:
        return Scorer(features=CALL_REASON_FEATURES, mean=np.zeros(n), scale=np.ones(n),
                      powers=np.eye(n, dtype=np.int64), coef=np.zeros(n), intercept=value, threshold=0.5)

    sig = engine.signals_many([(FLAT_TIRE, checklist)])[0]
    sc = engine.scorers_for(sig.cv.language)
    args = (sig.cv, sig.kv, sig.p_reason, sig.customer_rows, sc.reason.threshold, sig.p_sentences)
    rule = [r.id for r in reason_scores(*args, None, sig.asked)]
    backs_none = [r.id for r in reason_scores(*args, constant(-30.0), sig.asked, "filter")]
    backs_all = [r.id for r in reason_scores(*args, constant(30.0), sig.asked, "filter")]
    assert len(backs_none) == 1 and set(backs_none) <= set(rule) and backs_all == rule


def test_when_a_call_level_scorer_filters_then_a_second_reason_needs_a_clearer_score(
        engine: AuditEngine, checklist) -> None:
    """The rule's second reason stays only where the scorer passes it by `SECOND_CALL_REASON` more than the
    first: a search the caller never turns into a purchase is read as a purchase too when merely passed."""
    import math

    import numpy as np

    from audit.matching.features import CALL_REASON_FEATURES
    from audit.matching.model import Scorer
    from audit.verdicts import SECOND_CALL_REASON, reason_scores

    n = len(CALL_REASON_FEATURES)

    def constant(p: float) -> Scorer:
        return Scorer(features=CALL_REASON_FEATURES, mean=np.zeros(n), scale=np.ones(n),
                      powers=np.eye(n, dtype=np.int64), coef=np.zeros(n), intercept=math.log(p / (1 - p)),
                      threshold=0.5)

    two_matters = _call(
        ("agent", "Roadside assistance, how can I help?"),
        ("customer", "I locked my keys inside my car."),
        ("agent", "Okay, where are you?"),
        ("customer", "At the mall. And the battery is dead too, the car won't start at all."),
    )
    sig = engine.signals_many([(two_matters, checklist)])[0]
    sc = engine.scorers_for(sig.cv.language)
    args = (sig.cv, sig.kv, sig.p_reason, sig.customer_rows, sc.reason.threshold, sig.p_sentences)
    rule = [r.id for r in reason_scores(*args, None, sig.asked)]
    assert len(rule) == 2
    merely = [r.id for r in reason_scores(*args, constant(0.5 + SECOND_CALL_REASON / 2), sig.asked, "filter")]
    clearly = [r.id for r in reason_scores(*args, constant(0.5 + SECOND_CALL_REASON * 2), sig.asked, "filter")]
    assert len(merely) == 1 and sorted(clearly) == sorted(rule)


def test_when_the_caller_raises_another_matter_then_its_reason_joins_the_call(engine: AuditEngine, checklist) -> None:
    """A matter raised at the end ("Oh, and while I have you, ...") is a small part of the call, which the
    call-level scorer weighs as a whole; the turn's own words say it is another matter."""
    report = engine.audit(_call(
        ("agent", "Roadside assistance, how can I help you today?"),
        ("customer", "Hi, I locked my keys inside my car at the grocery store."),
        ("agent", "Okay. Where is your vehicle located right now?"),
        ("customer", "In the parking lot of the Shell station on Route 9."),
        ("agent", "A technician will be there in 40 minutes. Anything else?"),
        ("customer", "Oh, and while I have you, the car was hard to start this morning, the battery seems weak."),
    ), checklist)
    assert report.reasons == ["lockout", "no_start"]
    assert report.reason_scores[1].evidence[0].utterance == 5


BOATS = """
id: boats_test
name: Boat storage (test)
version: 1
language: en
reasons:
  - {id: launch_request, description: "The customer wants their boat taken out of dry storage and put in the water."}
  - {id: boat_service, description: "The customer wants a repair or other mechanical work done on their boat."}
  - {id: slip_rental, description: "The customer wants to rent a dock slip for some nights."}
  - {id: billing, description: "The customer asks about a charge on a marina bill."}
items:
  - {id: launch_time, question: "When would you like the boat in the water?", description: "Launch date and time",
     applies_to: [launch_request]}
"""


def test_when_another_matter_reads_faintly_but_clearly_like_one_reason_then_it_joins_the_call(
        engine: AuditEngine) -> None:
    """The static encoder reads "the engine makes a grinding noise in reverse" faintly like a repair, but far
    closer to it than to any other reason; raised as another matter, it is one of the call's."""
    report = engine.audit(_call(
        ("agent", "Marina office, this is Ray."),
        ("customer", "Hi, I've got a boat in the rack, can you put her in the water Saturday morning?"),
        ("agent", "Sure, Saturday at eight works."),
        ("customer", "Oh, and while I have you, the engine makes a grinding noise in reverse. Can someone look at it?"),
    ), parse_checklist(BOATS, where="boats_test"))
    assert report.reasons == ["launch_request", "boat_service"]


def test_when_the_agent_reports_what_a_search_found_then_the_search_is_a_reason(engine: AuditEngine, events) -> None:
    """"I'd like to see a game" may read closest to buying tickets; "I found 3 games" shows a search ran, so
    the type question applies, and the confirmed booking shows the purchase."""
    report = engine.audit(_call(
        ("customer", "I'd like to go out and see a game in Stanford."),
        ("agent", "I found 3 games. How about Cardinal Vs Ducks at Stanford Stadium next Friday?"),
        ("customer", "Sounds great, I'd like 4 tickets."),
        ("agent", "Please confirm: 4 tickets for Cardinal Vs Ducks next Friday."),
        ("customer", "Yes, that's right."),
    ), events)
    assert set(report.reasons) == {"find_events", "buy_tickets"}


def test_when_the_customer_declines_to_book_then_booking_is_not_a_reason(engine: AuditEngine, events) -> None:
    report = engine.audit(_call(
        ("customer", "Can you find me some concerts in Seattle? I'd like to buy tickets."),
        ("agent", "I found 5 concerts. There's Amber Run at the Showbox on March 14th."),
        ("customer", "That sounds nice."),
        ("agent", "Would you like to buy tickets for it?"),
        ("customer", "Not right now, thanks."),
        ("agent", "How many tickets do you need?"),
    ), events)
    assert report.reasons == ["find_events"]
    assert [(q.item, q.status) for q in report.questions if q.utterance == 5] == [("tickets", "irrelevant")]


def test_when_a_question_asks_what_kind_then_the_item_defined_as_a_type_is_asked(engine: AuditEngine,
                                                                                 events) -> None:
    """The name item's mandated wording reads "what kind of event?", but its description says it takes a name:
    "What kind of event?" asks the item described as the type."""
    report = engine.audit(_call(
        ("customer", "I'm looking for something to do this weekend."),
        ("agent", "What kind of event? Music, sports, something else?"),
    ), events)
    assert [q.item for q in report.questions if q.utterance == 1] == ["event_type"]


@pytest.mark.parametrize(("question", "description", "kinds"), [
    # a yes/no question described by "whether" asks a yes or no, whatever values its explanation names
    ("Would you like a shared ride?", "Boolean flag whether ride is shared with other passengers", {"yes_no"}),
    ("Do you still have the receipt?", "Whether the customer has the receipt, which allows a return within 30 days",
     {"yes_no"}),
    # a yes/no question described by the value it gets keeps that value's kind
    ("Can you give me the last four digits of the card?", "The last four digits of the card number",
     {"code", "yes_no"}),
    # "the last four digits" are a code to give
    ("What are the last four digits of the card you paid with?", "The card used", {"code"}),
    # "departure city" is a place, not a date
    ("Departure city?", "City in which the journey originates", {"location"}),
    ("What is your departure date?", "Date of the outbound flight", {"date"}),
])
def test_when_an_item_is_read_then_its_kinds_follow_its_question_and_description(
        question: str, description: str, kinds: set[str]) -> None:
    from audit.languages.registry import get_language
    from audit.matching.view import build_checklist_view

    checklist = parse_checklist(
        f"id: k\nname: k\nversion: 1\nlanguage: en\nitems:\n  - {{id: x, question: \"{question}\", "
        f"description: \"{description}\"}}\n", where="kinds_test")
    assert build_checklist_view(checklist, get_language("en")).item_kinds[0] == kinds


def test_when_a_length_is_asked_and_no_item_takes_one_then_the_end_date_is_asked(engine: AuditEngine, trip) -> None:
    report = engine.audit(_call(
        ("customer", "I need a round trip from Seattle to Denver leaving March 3rd."),
        ("agent", "How long will you be staying there?"),
    ), trip)
    assert [q.item for q in report.questions if q.utterance == 1] == ["return_date"]


@pytest.mark.parametrize(("question", "asked"), [
    ("Okay, which event do you need tickets for?", ["event_name"]),  # picks an event, though "tickets" reads as a count
    ("Any particular event you'd like?", ["event_name"]),
    ("Which event, and how many tickets?", ["event_name", "tickets"]),  # the count's own words keep it asked
])
def test_when_a_question_picks_a_thing_then_the_item_holding_its_name_is_asked(engine: AuditEngine, events,
                                                                            question: str, asked: list[str]) -> None:
    report = engine.audit(_call(
        ("customer", "I'd like tickets for a game in Stanford, please."),
        ("agent", question),
    ), events)
    assert sorted(q.item for q in report.questions if q.utterance == 1) == asked


def test_when_the_customer_counted_another_thing_then_the_count_item_is_still_needed(engine: AuditEngine) -> None:
    homes = parse_checklist("""
id: homes_test
name: Apartments (test)
version: 1
language: en
reasons:
  - {id: find_home, description: "Find an apartment to rent"}
items:
  - {id: bedrooms, question: "How many bedrooms do you need?", description: "Number of bedrooms"}
  - {id: area, question: "Which area?", description: "City or area of the apartment"}
""", where="homes_test")
    report = engine.audit(_call(
        ("customer", "I need an apartment in San Jose with 2 baths."),
        ("agent", "How many bedrooms do you need?"),
        ("customer", "3 bedrooms."),
        ("agent", "Sorry, how many bedrooms was it?"),
    ), homes)
    assert [(q.utterance, q.status) for q in report.questions if q.item == "bedrooms"] == [
        (1, "needed"), (3, "redundant")]


def test_when_the_customer_says_yes_to_a_confirmation_request_then_its_values_are_given(engine: AuditEngine,
                                                                                     bus) -> None:
    report = engine.audit(_call(
        ("customer", "I need a bus to Long Beach."),
        ("agent", "Confirming a bus to Long Beach leaving at 7 am on March 13th."),
        ("customer", "Yes, perfect."),
        ("agent", "What time would you like to leave?"),
    ), bus)
    assert [(q.item, q.status) for q in report.questions if q.utterance == 3] == [("leaving_time", "redundant")]


@pytest.mark.parametrize("question", ["When would you like to leave?", "When will you leave?"])
def test_when_a_bare_when_asks_a_day_or_an_hour_then_the_item_worded_with_when_is_asked(engine: AuditEngine,
                                                                                        bus, question: str) -> None:
    """The bus checklist words the day "When are you leaving?" and the hour "What time would you like to
    leave?": "When would you like to leave?" reads closer to the second but asks the first, also where both
    read as asked. In sgd-train, 584 of 618 such bare "when" questions beside a day and an hour item ask the
    day."""
    report = engine.audit(_call(
        ("customer", "I need a bus to Long Beach."),
        ("agent", question),
    ), bus)
    assert [q.item for q in report.questions if q.utterance == 1] == ["leaving_date"]


@pytest.mark.parametrize("readback", [
    "So that's 3 tickets from Seattle on March 6th, right?",
    "Please confirm: 3 tickets from Seattle to Denver on March 6th.",
    "Please confirm: a round trip with the return flight in the evening.",  # no value, but a colon reads back
])
def test_when_the_agent_reads_values_back_for_a_yes_then_nothing_is_asked(engine: AuditEngine, trip,
                                                                           readback: str) -> None:
    report = engine.audit(_call(
        ("customer", "I need 3 tickets from Seattle to Denver on March 6th."),
        ("agent", readback),
    ), trip)
    assert [q for q in report.questions if q.utterance == 1] == []


def test_when_a_question_picks_a_thing_a_persons_name_item_is_not_what_it_asks(engine: AuditEngine) -> None:
    """"The name of the account holder" holds a person's name, not an account's: "Which account?" does not ask
    it."""
    bank = parse_checklist("""
id: bank_test
name: Bank (test)
version: 1
language: en
items:
  - {id: holder_name, question: "May I have the account holder's name?", description: "The name of the account holder"}
  - {id: account_type, question: "Checking or savings?", description: "Which of the customer's accounts"}
""", where="bank_test")
    report = engine.audit(_call(
        ("customer", "I'd like to check my balance."),
        ("agent", "Sure. Which account is it?"),
    ), bank)
    assert "holder_name" not in [q.item for q in report.questions]


def test_when_a_question_asks_where_then_a_yes_no_item_is_not_what_it_asks(engine: AuditEngine) -> None:
    taxi = parse_checklist("""
id: cab_test
name: Cab (test)
version: 1
language: en
items:
  - {id: destination, question: "Where are you going?", description: "Destination for the taxi ride"}
  - {id: shared_ride, question: "Would you like a shared ride?", description: "Whether the ride is shared"}
""", where="cab_test")
    report = engine.audit(_call(
        ("customer", "I need a cab, please."),
        ("agent", "Where do you want to ride?"),
    ), taxi)
    assert [q.item for q in report.questions if q.utterance == 1] == ["destination"]


FLIGHT_TIMES = """
id: flight_times_test
name: Flight times (test)
version: 1
language: en
reasons:
  - {id: book_round_trip, description: "Reserve a round-trip flight"}
items:
  - {id: outbound_time, question: "What time are you leaving?", description: "Departure time for the outbound leg"}
  - {id: inbound_time, question: "What time of day?", description: "Departure time for the return leg flight"}
  - {id: airline, question: "Any preferred airlines?", description: "Name of airline"}
"""


@pytest.mark.parametrize(("question", "asked"), [
    ("What time do you plan to leave?", ["outbound_time"]),  # one time asked: not also the return leg's
    ("Okay, and what time do you plan to leave?", ["outbound_time"]),  # opening words join nothing
    ("What time do you leave, and what time does the return flight leave?", ["inbound_time", "outbound_time"]),
])
def test_when_a_question_names_a_kind_once_then_it_asks_one_item_of_that_kind(engine: AuditEngine, question: str,
                                                                            asked: list[str]) -> None:
    flights = parse_checklist(FLIGHT_TIMES, where="flight_times_test")
    report = engine.audit(_call(
        ("customer", "I need a round trip from Atlanta to Chicago on Friday, back on Sunday."),
        ("agent", question),
    ), flights)
    assert sorted(q.item for q in report.questions if q.utterance == 1) == asked


@pytest.mark.parametrize(("opening", "reply", "status"), [
    # the opening names the thing, not its kind; the reply names the kind: the ask was needed
    ("Hi, can you help me find a movie to watch tonight?", "Something funny, maybe a comedy.", "needed"),
    # the opening names the kind, and the reply repeats it: the ask was redundant
    ("I'm in the mood for a thriller movie.", "A thriller, like I said.", "redundant"),
])
def test_when_the_reply_names_a_kind_the_opening_never_named_then_the_ask_was_needed(
        engine: AuditEngine, movies, opening: str, reply: str, status: str) -> None:
    report = engine.audit(_call(
        ("customer", opening),
        ("agent", "What kind of movie would you like?"),
        ("customer", reply),
    ), movies)
    assert [(q.item, q.status) for q in report.questions] == [("genre", status)]


def test_when_a_question_asks_a_type_of_nothing_named_then_the_one_category_item_is_asked(engine: AuditEngine,
                                                                                          events) -> None:
    """"What type are you looking for?" names no thing the encoder could match, but one item only takes a
    kind of thing ("Type of event"); the one holding a name ("Name of event") is not it."""
    report = engine.audit(_call(
        ("customer", "I'd like to go to something fun this weekend."),
        ("agent", "What city should I find events in, and what type are you looking for?"),
    ), events)
    assert sorted(q.item for q in report.questions if q.utterance == 1) == ["city", "event_type"]


def test_when_a_value_is_said_as_past_then_it_sets_nothing_still_to_be_arranged(engine: AuditEngine) -> None:
    report = engine.audit(_call(
        ("customer", "My alarm went off about five minutes ago and I'm not even home."),
        ("agent", "When would you like the technician to come out?"),
    ), parse_checklist(ALARM_SERVICE, where="alarm_service_test"))
    assert [(q.item, q.status) for q in report.questions] == [("visit_time", "needed")]


def test_when_a_later_sentence_reads_like_an_item_its_words_rule_out_then_the_ask_stays_with_the_first(
        engine: AuditEngine, bus) -> None:
    """"When do you plan to go?" reads like "Where will you go?" to the encoder, but asks no place: the
    destination stays asked by "What's the destination?"."""
    report = engine.audit(_call(
        ("customer", "I need a bus, please."),
        ("agent", "What's the destination? When do you plan to go?"),
    ), bus)
    assert "to_location" in {q.item for q in report.questions if q.utterance == 1}


ALARM_SERVICE = """
id: alarm_service_test
name: Alarm monitoring (test)
version: 1
language: en
items:
  - {id: zone, question: "Which zone or sensor set off the alarm?",
     description: "The zone or sensor that triggered the alarm"}
  - {id: visit_time, question: "When would you like the technician to come out?",
     description: "When the technician should visit"}
  - {id: account, question: "What is your account number?", description: "The customer's account number"}
"""


LOANS_EMPLOYMENT = """
id: loans_employment_test
name: Student loans (test)
version: 1
language: en
items:
  - {id: employment_status, question: "Are you currently employed?",
     description: "Whether the borrower is employed, unemployed or in school"}
  - {id: account_number, question: "What is your account number?", description: "The loan account number"}
"""


@pytest.mark.parametrize(("reply", "status"), [
    ("No. Like I said, I got laid off. Two weeks ago.", "redundant"),  # the customer says it again
    ("No, not at the moment.", "needed"),
])
def test_when_the_reply_says_it_was_said_before_then_the_ask_was_redundant(engine: AuditEngine, reply: str,
                                                                           status: str) -> None:
    report = engine.audit(_call(
        ("customer", "Hi, I'm calling because I got laid off two weeks ago and I need to pause my payments."),
        ("agent", "Are you currently employed?"),
        ("customer", reply),
    ), parse_checklist(LOANS_EMPLOYMENT, where="loans_employment_test"))
    found = [(q.item, q.status) for q in report.questions]
    assert found == [("employment_status", status)]
    if status == "redundant":
        assert [e.utterance for e in report.questions[0].evidence] == [0]





CARD = """
id: card_test
name: Card services (test)
version: 1
language: en
items:
  - {id: card_in_hand, question: "Do you have the card with you right now?",
     description: "Whether the customer has the card in hand"}
  - {id: account, question: "What is your account number?", description: "The customer's account number"}
"""


@pytest.mark.parametrize(("checklist", "ask", "opening", "reply", "found"), [
    # the opening is about the alarm, not which sensor: the reply names it in new words
    (ALARM_SERVICE, "Which sensor set off the alarm?",
     "Hi, my alarm went off just now, it's a false alarm, the sensor must be acting up.",
     "It says zone six, the living room motion detector.", ("zone", "needed")),
    (ALARM_SERVICE, "Which sensor set off the alarm?",
     "Hi, my alarm went off, the living room motion sensor set it off.",
     "The living room motion sensor, like I said.", ("zone", "redundant")),
    # a story about the card says nothing of where it is; a yes/no reply does, in two new words
    (CARD, "Do you have the card with you right now?",
     "Hi, someone charged my card for a movie subscription I never ordered, and I want the card blocked.",
     "Yes, it's here in my wallet, I'm looking at it.", ("card_in_hand", "needed")),
    # the reply repeats the story's own words: the story had said it
    (CARD, "Do you have the card with you right now?",
     "Hi, I lost my card somewhere yesterday and I need it blocked.",
     "No, I lost it, it's gone.", ("card_in_hand", "redundant")),
    (CARD, "Do you have the card with you right now?",
     "Hi, my card got charged twice at the store, I have the card right here with me.",
     "Yes, I have the card right here.", ("card_in_hand", "redundant")),
])
def test_when_the_reply_names_what_the_opening_only_gestured_at_then_the_ask_was_needed(
        engine: AuditEngine, checklist: str, ask: str, opening: str, reply: str, found: tuple[str, str]) -> None:
    report = engine.audit(_call(("customer", opening), ("agent", ask), ("customer", reply)),
                          parse_checklist(checklist, where="reply_test"))
    assert [(q.item, q.status) for q in report.questions] == [found]


SHARED_CAB = """
id: shared_cab_test
name: Cab rides (test)
version: 1
language: en
items:
  - {id: riders, question: "How many people are riding?", description: "Number of riders"}
  - {id: shared_ride, question: "Would you like a shared ride?",
     description: "Boolean flag whether ride is shared with other passengers"}
"""


def test_when_the_reply_answers_another_ask_of_the_turn_then_the_yes_no_item_keeps_its_evidence(
        engine: AuditEngine) -> None:
    report = engine.audit(_call(
        ("customer", "Hey, could you book me a cab to One Ferry Building? I'm okay to share."),
        ("agent", "How many people are travelling? Do you prefer a shared ride?"),
        ("customer", "There's 2 of us."),
    ), parse_checklist(SHARED_CAB, where="shared_cab_test"))
    assert [q.status for q in report.questions if q.item == "shared_ride"] == ["redundant"]


def test_when_the_reply_says_it_was_said_before_in_other_words_then_the_story_is_the_evidence(
        engine: AuditEngine) -> None:
    report = engine.audit(_call(
        ("customer", "Hi. The warehouse closed two weeks ago. So I need to pause my payments for a while."),
        ("agent", "Are you currently employed?"),
        ("customer", "No! I told you already."),
    ), parse_checklist(LOANS_EMPLOYMENT, where="loans_employment_test"))
    assert [(q.item, q.status, [e.utterance for e in q.evidence]) for q in report.questions] == [
        ("employment_status", "redundant", [0])]


ADMISSIONS = """
id: admissions_test
name: University admissions (test)
version: 1
language: en
reasons:
  - {id: status, description: "Check the status of an application"}
items:
  - {id: caller_role, question: "Am I speaking with the applicant, or with a parent or someone else?",
     description: "Whether the caller is the applicant, a parent or someone else"}
  - {id: full_name, question: "What is the applicant's full name?", description: "The applicant's full name"}
  - {id: callback_number, question: "What's the best number to call you back on?",
     description: "Phone number to reach the caller"}
  - {id: document_sender, question: "Who sent the document, and how was it sent?",
     description: "The person who sent a missing document"}
"""


def test_when_the_listener_is_asked_who_they_are_then_the_first_name_item_is_asked() -> None:
    """Two items take a name and neither asks "your name": the checklist's first (the applicant's), not the one
    about who sent a document. The question reads closest to the caller's role, which its words rule out (it
    asks a name), and faintly like either name item."""
    report = AuditEngine().audit(_call(
        ("agent", "Calloway State admissions, this is Devon. Who am I speaking with?"),
        ("customer", "Hi, I'm calling about my application."),
    ), parse_checklist(ADMISSIONS, where="admissions_test"))
    assert {q.item for q in report.questions if q.utterance == 0} == {"full_name"}


@pytest.mark.parametrize("question", [
    "Is the number you're calling from good for that?",
    "And the number you called from, is that the best one for us?",
])
def test_when_the_agent_offers_the_line_called_from_then_the_callback_item_is_asked(question: str) -> None:
    report = AuditEngine().audit(_call(
        ("customer", "Hi, I'm calling about my application, it says a transcript is missing."),
        ("agent", f"I'll have someone call you about it. {question}"),
        ("customer", "Yes, that works."),
    ), parse_checklist(ADMISSIONS, where="admissions_test"))
    assert _status(report, 1, "callback_number") == "needed"


RESTAURANTS = """
id: restaurants_test
name: Restaurants (test)
version: 1
language: en
reasons:
  - {id: find, description: "Find restaurants in a given city"}
  - {id: reserve, description: "Reserve a table at a restaurant"}
items:
  - {id: city, question: "Which city?", description: "City to search in", applies_to: [find, reserve]}
  - {id: restaurant_name, question: "Any preferred restaurant?", description: "Name of the restaurant",
     applies_to: [reserve]}
  - {id: date, question: "For what day?", description: "Date of the reservation", applies_to: [reserve]}
  - {id: time, question: "At what time?", description: "Time of the reservation", applies_to: [reserve]}
"""


def _restaurant_call(request: str) -> Transcript:
    return _call(
        ("customer", "I'd like to reserve a table somewhere in Oakland. Can you find me a place to eat?"),
        ("agent", "I found 3 you might like. How about Bar Cesar in Oakland? They have a table at 7:15 pm."),
        ("customer", "What is their rating?"),
        ("agent", "They have a rating of 4.1."),
        ("customer", request),
        ("agent", "Which restaurant would you like to book? And at what time?"),
    )


@pytest.mark.parametrize("request_text", ["That works. Can you book me a table?", "Great, make a reservation."])
def test_when_the_customer_books_what_the_agent_found_then_its_name_and_time_were_given(
        engine: AuditEngine, request_text: str) -> None:
    """Asking to book after the agent named a restaurant chose it, at the time the agent stated for it."""
    report = engine.audit(_restaurant_call(request_text), parse_checklist(RESTAURANTS, where="restaurants_test"))
    assert _status(report, 5, "restaurant_name") == "redundant"
    assert _status(report, 5, "time") == "redundant"


def test_when_the_customer_only_asks_about_what_was_found_then_its_name_is_still_needed(
        engine: AuditEngine) -> None:
    """Asking about the restaurant the agent named is no choice of it."""
    report = engine.audit(_restaurant_call("And do they have outdoor seating?"),
                          parse_checklist(RESTAURANTS, where="restaurants_test"))
    assert _status(report, 5, "restaurant_name") == "needed"


EVENTS = """
id: events_test
name: Events (test)
version: 1
language: en
reasons:
  - {id: find, description: "Find events in a given city"}
  - {id: buy, description: "Buy tickets for an event"}
items:
  - {id: city, question: "In which city?", description: "City where the event is taking place",
     applies_to: [find, buy]}
  - {id: date, question: "On what day?", description: "Date of the event", applies_to: [find, buy]}
  - {id: event_name, question: "Which event?", description: "Name of event", applies_to: [buy]}
"""


@pytest.mark.parametrize(("reply", "status"), [("That sounds great, thanks.", "redundant"),
                                               ("What else is there?", "needed")])
def test_when_the_customer_likes_what_the_agent_found_then_its_date_was_given(
        engine: AuditEngine, reply: str, status: str) -> None:
    """"Sounds great" to an event on March 14th took that date; asking for something else took none."""
    report = engine.audit(_call(
        ("customer", "Can you find me a concert in Vancouver?"),
        ("agent", "There is a Smokey Robinson concert at PNE Amphitheatre on March 14th at 7 pm."),
        ("customer", reply),
        ("agent", "Was there a date you were interested in?"),
    ), parse_checklist(EVENTS, where="events_test"))
    assert _status(report, 3, "date") == status


TICKETS = """
id: tickets_test
name: Tickets (test)
version: 1
language: en
reasons:
  - {id: buy, description: "Buy tickets for an event"}
items:
  - {id: number_of_seats, question: "How many tickets do you need?", description: "Number of tickets to buy"}
  - {id: type, question: "What kind of event?", description: "Kind of event: music, sports or theatre"}
"""


@pytest.mark.parametrize(("question", "item"), [
    ("I couldn't reserve the tickets, can I help you with anything else?", None),
    ("Is there anything else?", None),
    ("Music, sports, or something else?", "type"),  # a choice still asks its item
])
def test_when_a_short_sentence_only_offers_more_help_then_it_asks_no_item(engine: AuditEngine, question: str,
                                                                         item: str | None) -> None:
    report = engine.audit(_call(
        ("customer", "I'd like two tickets for the game on Friday."),
        ("agent", question),
    ), parse_checklist(TICKETS, where="tickets_test"))
    assert {q.item for q in report.questions if q.utterance == 1} == ({item} if item else set())


@pytest.mark.parametrize(("said", "asked"), [
    ("You have a car waiting on that date.", set()),  # tells, asks nothing
    ("Your car is booked for the 3rd.", set()),
    ("Let me know the date you want to pick it up.", {"pickup_date"}),  # a request without a question mark
    ("You want it on the 3rd and where?", {"pickup_city"}),  # a clause of a question, not a statement
])
def test_when_a_sentence_only_tells_then_it_asks_no_item(engine: AuditEngine, said: str, asked: set[str]) -> None:
    report = engine.audit(_call(
        ("customer", "Hi, I need a rental car."),
        ("agent", said),
    ), parse_checklist(CAR_RENTAL, where="car_rental_test"))
    assert {q.item for q in report.questions if q.utterance == 1} >= asked
    if not asked:
        assert not [q for q in report.questions if q.utterance == 1]


THERAPISTS = """
id: therapists_test
name: Therapists (test)
version: 1
language: en
reasons:
  - {id: find, description: "Find a therapist in a given city"}
  - {id: book, description: "Book an appointment with a therapist"}
items:
  - {id: city, question: "In which city?", description: "City to search in", applies_to: [find]}
  - {id: type, question: "What kind of therapist?", description: "Type of the therapist", applies_to: [find]}
  - {id: therapist_name, question: "Which therapist?", description: "Name of the therapist", applies_to: [book]}
"""


def test_when_the_customer_books_a_therapist_the_agent_found_then_the_kind_was_given(engine: AuditEngine) -> None:
    """The therapist booked is of some kind: asking the kind afterwards is redundant."""
    report = engine.audit(_call(
        ("customer", "Can you find me someone to talk to in Oakland?"),
        ("agent", "There is Brown Timothy A., a psychologist located in Oakland."),
        ("customer", "Perfect. Please make the booking for the 6th."),
        ("agent", "What type of therapist do you need?"),
    ), parse_checklist(THERAPISTS, where="therapists_test"))
    assert _status(report, 3, "type") == "redundant"
