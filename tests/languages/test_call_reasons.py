"""Which reasons a Russian or Turkish call is about: the call-level reason scorer through the engine."""

from __future__ import annotations

import pytest

from audit.engine import AuditEngine
from audit.library import ChecklistLibrary
from audit.transcript import Transcript, Utterance


@pytest.fixture(scope="module")
def engine() -> AuditEngine:
    return AuditEngine()


def _call(language: str, turns: list[tuple[str, str]]) -> Transcript:
    return Transcript(call_id="reasons", language=language, utterances=[
        Utterance(speaker="agent" if who == "A" else "customer", text=text) for who, text in turns])


def test_when_a_second_problem_is_raised_late_then_both_are_the_call_reasons(engine) -> None:
    call = _call("tr", [
        ("A", "Merhaba, size nasıl yardımcı olabilirim?"),
        ("C", "Merhaba, dünden beri evde internet yok, modemde hiçbir ışık yanmıyor."),
        ("A", "Abone numaranız nedir?"),
        ("C", "4471902."),
        ("A", "Cihazı fişten çekip tekrar takmayı denediniz mi?"),
        ("C", "Denedim, olmadı."),
        ("A", "Tamam, teknisyen yönlendiriyorum."),
        ("C", "Bir de bu ayki faturamda 150 liralık bir ücret var, ne olduğunu anlamadım."),
        ("A", "Hangi faturada, fatura tarihi nedir?"),
        ("C", "Kasım faturası."),
    ])
    report = engine.audit(call, ChecklistLibrary().get("telecom_support_tr"))
    assert report.reasons == ["internet_down", "billing_question"]
    assert all(0 < r.confidence <= 1 for r in report.reason_scores)
    # the speed-test question serves only a slow connection, which this call is not about
    assert report.items and {i.item: i.status for i in report.items}["speed_test"] == "not_applicable"


def test_when_one_problem_is_told_then_no_other_reason_is_added(engine) -> None:
    call = _call("ru", [
        ("A", "Автопомощь, здравствуйте."),
        ("C", "Здравствуйте, у меня машина не заводится, стою у дома."),
        ("A", "Назовите номер вашей карты участника."),
        ("C", "Семь семь два один."),
        ("A", "Какая у вас машина?"),
        ("C", "Киа Рио, белая."),
    ])
    assert engine.audit(call, ChecklistLibrary().get("roadside_ru")).reasons == ["no_start"]
