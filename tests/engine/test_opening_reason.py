"""The reason a caller's opening states plainly is the call's, read by meaning (`verdicts.opening_reason`)."""

from __future__ import annotations

import pytest

from audit import AuditEngine, Transcript, parse_checklist
from audit import verdicts as verdicts_module

PET_PLAN = parse_checklist("""
id: pet_plan_test
name: Pet insurance (test)
version: 1
language: en
reasons:
  - {id: vet_claim, description: "The customer wants to file or follow up on a claim for a vet visit or treatment."}
  - {id: add_pet, description: "The customer wants to add a new pet to their policy."}
  - {id: coverage_change, description: "The customer wants to change a pet's plan, deductible or coverage level."}
  - {id: cancel_policy, description: "The customer wants to cancel the policy or remove a pet from it."}
items:
  - {id: policy_number, question: "What is your policy number?", description: "The pet insurance policy number"}
  - {id: pet_name, question: "What is your pet's name?", description: "Name of the insured pet"}
  - {id: visit_date, question: "What was the date of the vet visit?", description: "Date of the veterinary visit",
     applies_to: [vet_claim]}
  - {id: new_deductible, question: "Which deductible would you like?", description: "The new deductible amount",
     applies_to: [coverage_change]}
""", where="pet_plan_test")

CALL = Transcript.model_validate({"call_id": "dental", "language": "en", "utterances": [
    {"speaker": s, "text": t} for s, t in [
        ("agent", "Thanks for calling Paws Cover, this is Dana. How can I help?"),
        ("customer", "Hi. I want to upgrade my dog's plan to the one that covers dental. The vet says he'll need a "
                     "couple of teeth pulled next year."),
        ("agent", "Sure. What is your policy number?"),
        ("customer", "PC-4471902."),
        ("agent", "And which deductible would you like on the new plan?"),
        ("customer", "The lowest one, please."),
    ]]})


def _audit(engine: AuditEngine):
    engine.forget_checklists()
    return engine.audit(CALL, PET_PLAN)


def test_when_the_opening_states_a_change_of_plan_then_that_is_a_reason_and_its_items_are_needed(
        engine: AuditEngine) -> None:
    report = _audit(engine)
    assert "coverage_change" in report.reasons
    shown = next(r for r in report.reason_scores if r.id == "coverage_change")
    assert [e.utterance for e in shown.evidence] == [1]
    assert [(q.item, q.status) for q in report.questions if q.utterance == 4] == [("new_deductible", "needed")]


def test_without_the_paraphrase_reader_the_vet_words_take_the_call(engine: AuditEngine,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(verdicts_module, "OPENING_COS", 2.0)
    report = _audit(engine)
    assert report.reasons == ["vet_claim"]
    assert [(q.item, q.status) for q in report.questions if q.utterance == 4] == [("new_deductible", "irrelevant")]


WASTE = parse_checklist("""
id: waste_test
name: Waste collection (test)
version: 1
language: en
reasons:
  - {id: missed_collection, description: "The resident's trash, recycling or yard waste was not picked up on their
     collection day."}
  - {id: bulk_pickup, description: "The resident wants to schedule a pickup of large items such as furniture,
     appliances or bundled debris."}
  - {id: cart_problem, description: "The resident's cart is damaged, stolen or the wrong size and needs repair,
     replacement or an exchange."}
  - {id: billing_question, description: "The resident has a question about or disputes a solid waste charge."}
items:
  - {id: address, question: "What is the service address?", description: "Address where collection happens"}
  - {id: cart_damage, question: "What is wrong with the cart?", description: "How the cart is damaged",
     applies_to: [cart_problem]}
""", where="waste_test")

MATTER = Transcript.model_validate({"call_id": "lid", "language": "en", "utterances": [
    {"speaker": s, "text": t} for s, t in [
        ("agent", "City waste services, how can I help?"),
        ("customer", "Hi, my recycling wasn't picked up on Tuesday."),
        ("agent", "Sorry about that. Where do you leave the cart?"),
        ("customer", "At the curb, by the mailbox. Oh, and while I have you, the lid on my trash cart snapped off "
                     "last week, it's just hanging by one hinge."),
        ("agent", "Okay, and what exactly is wrong with the cart?"),
        ("customer", "The lid, like I said."),
    ]]})


def test_when_a_turn_raises_another_matter_then_the_reason_its_words_mean_joins_the_call(
        engine: AuditEngine) -> None:
    """"Oh, and while I have you, the lid on my trash cart snapped off" reads faintly to the static scorers;
    read by meaning it is a cart problem, and the question about the cart applies."""
    engine.forget_checklists()
    report = engine.audit(MATTER, WASTE)
    assert "cart_problem" in report.reasons
    shown = next(r for r in report.reason_scores if r.id == "cart_problem")
    assert [e.utterance for e in shown.evidence] == [3]
    assert [q.status for q in report.questions if q.item == "cart_damage"] != ["irrelevant"]
