"""Russian and Turkish calls audited end to end: each verdict kind, customer focus, cross-language, why.

The calls are the hand-made ones of `data/handmade.yaml`; one engine audits them all once per module.
"""

from __future__ import annotations

import re

import pytest

from audit.engine import AuditEngine
from audit.library import ChecklistLibrary
from audit.transcript import Transcript, Utterance

from .handmade import load_calls

CALLS = {c.transcript.call_id: c for c in load_calls()}


@pytest.fixture(scope="module")
def engine() -> AuditEngine:
    return AuditEngine()


@pytest.fixture(scope="module")
def reports(engine):
    calls = list(CALLS.values())
    return {r.call_id: r for r in engine.audit_many([(c.transcript, c.checklist) for c in calls])}


def _status(report, utterance: int, item: str) -> str | None:
    return next((q.status for q in report.questions if q.utterance == utterance and q.item == item), None)


@pytest.mark.parametrize(("call", "utterance", "item", "status"), [
    # needed: asked before the customer said it, and it applies
    ("roadside_ru-founding", 0, "vehicle", "needed"),
    ("roadside_tr-fuel", 2, "member_number", "needed"),
    ("bank_cards_ru-lost", 4, "date_of_birth", "needed"),
    # redundant: the customer answered "I don't know" to the same question
    ("roadside_ru-founding", 8, "service_type", "redundant"),
    # redundant: the customer volunteered it earlier
    ("bank_cards_ru-lost", 10, "last_used", "redundant"),
    ("telecom_support_tr-down", 8, "equipment_lights", "redundant"),
    # redundant: already in the call's metadata (caller ID; card digits from the phone menu)
    ("roadside_ru-flat", 14, "callback_phone", "redundant"),
    ("bank_cards_ru-lost", 6, "card_last_four", "redundant"),
    # irrelevant: no reason of the call uses the item
    ("roadside_ru-founding", 12, "move_to_street", "irrelevant"),
    ("roadside_ru-flat", 10, "service_type", "irrelevant"),
    ("roadside_tr-fuel", 12, "tow_destination", "irrelevant"),
    ("telecom_support_tr-down", 16, "speed_test", "irrelevant"),
])
def test_when_call_audited_then_verdict_as_a_qa_lead_would_give(reports, call, utterance, item, status):
    assert _status(reports[call], utterance, item) == status


@pytest.mark.parametrize("call", sorted(CALLS))
def test_when_call_audited_then_main_reason_found(reports, call):
    assert CALLS[call].reasons[0] in reports[call].reasons


def test_when_turkish_call_changes_reason_midway_then_both_reasons(reports):
    assert set(reports["telecom_support_tr-down"].reasons) == {"internet_down", "billing_question"}


@pytest.mark.parametrize(("code", "text", "kind"), [
    ("ru", "Это не к нам, звоните в ГИБДД.", "redirect"),
    ("ru", "Колесо вы пробили из-за ямы, это дорожная служба не следит за трассой, мы тут ни при чём.",
     "blame_shift"),
    ("ru", "Заблокировать карту вы можете и сами в приложении, в разделе карт.", "half_hearted"),
    ("ru", "Я сам оформлю заявку и перезвоню вам в четверг.", "ownership"),
    ("tr", "Sorun bizim tarafımızda değil, modeminiz çok eski, ondan oluyor.", "blame_shift"),
    ("tr", "Bu konuda bir şey yapamam, bankanızı aramanız gerekiyor.", "redirect"),
    ("tr", "Faturanızı uygulamadan kendiniz inceleyebilirsiniz.", "half_hearted"),
    ("tr", "Talebi ben kendim oluşturup perşembe günü sizi arayacağım.", "ownership"),
])
def test_when_agent_shifts_or_takes_responsibility_then_focus_kind(engine, code, text, kind):
    hello = "Здравствуйте, у меня проблема." if code == "ru" else "Merhaba, bir sorunum var."
    call = Transcript(call_id="f", language=code, utterances=[
        Utterance(speaker="customer", text=hello), Utterance(speaker="agent", text=text),
    ])
    assert [(f.utterance, f.kind) for f in engine.audit(call).customer_focus] == [(1, kind)]


@pytest.mark.parametrize(("code", "text"), [
    ("ru", "Назовите, пожалуйста, номер вашей клубной карты."),
    ("ru", "Мастер приедет завтра к девяти утра."),
    ("tr", "Üyelik numaranızı alabilir miyim?"),
    ("tr", "Teknisyen yarın saat dokuzda gelecek."),
])
def test_when_agent_asks_or_states_routine_then_no_focus(engine, code, text):
    call = Transcript(call_id="n", language=code, utterances=[Utterance(speaker="agent", text=text)])
    assert engine.audit(call).customer_focus == []


def test_when_english_checklist_on_russian_call_then_items_matched_through_meaning(engine):
    russian = CALLS["roadside_ru-flat"].transcript
    english = ChecklistLibrary().get("roadside")
    report = engine.audit(russian, english)
    assert report.checklist.id == "roadside"
    asked = {(q.utterance, q.item) for q in report.questions}
    assert {(6, "vehicle"), (12, "spare_tire"), (14, "callback_phone")} <= asked
    assert _status(report, 14, "callback_phone") == "redundant"  # the call's caller ID
    for q in report.questions:  # reports quote the call's own words, never a translation
        assert q.text in russian.utterances[q.utterance].text
        assert all(e.text[:20] in russian.utterances[e.utterance].text for e in q.evidence)


@pytest.mark.xfail(strict=True, reason="known gap (issue 9): across languages the reason scorer lacks the word "
                   "overlap it leans on, and this Russian flat-tyre call reads most like a lockout")
def test_when_english_checklist_on_russian_call_then_reason_found_through_meaning(engine):
    report = engine.audit(CALLS["roadside_ru-flat"].transcript, ChecklistLibrary().get("roadside"))
    assert "flat_tire" in report.reasons


@pytest.mark.parametrize(("language", "script"), [("ru", "[А-Яа-я]"), ("tr", "[çğışöü]"), ("en", "[A-Za-z]")])
def test_when_report_language_set_then_why_sentences_in_it(language, script):
    c = CALLS["roadside_ru-founding"]
    report = AuditEngine(report_language=language).audit(c.transcript, c.checklist)
    assert report.questions and all(re.search(script, q.why) for q in report.questions)
