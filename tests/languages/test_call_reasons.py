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


RU_OPEN, RU_ASK, RU_ANSWER = "Автопомощь, здравствуйте, чем могу помочь?", "Назовите номер вашей карты участника.", \
    "Семь семь два один."
TR_OPEN, TR_ASK, TR_ANSWER = "Yol yardım hattı, merhaba, nasıl yardımcı olabilirim?", \
    "Üyelik numaranızı alabilir miyim?", "Yedi yedi iki bir."


@pytest.mark.parametrize(("language", "opening", "reason"), [
    ("ru", "Здравствуйте, я наехал на что-то на трассе, и теперь переднее левое совсем спущено.", "flat_tire"),
    ("ru", "Здравствуйте, я захлопнул машину, а ключи остались внутри, лежат на сиденье.", "lockout"),
    ("ru", "Здравствуйте, у меня машина заглохла на трассе, похоже, бензин кончился.", "out_of_fuel"),
    ("ru", "В меня сзади въехали на светофоре, бампер висит, машина не едет.", "accident"),
    ("tr", "Merhaba, araba otoyolda stop etti, sanırım benzin bitti.", "out_of_fuel"),
    ("tr", "Merhaba, anahtarı arabanın içinde unuttum, kapılar kilitli.", "lockout"),
    ("tr", "Merhaba, işe giderken lastik patladı, emniyet şeridindeyim.", "flat_tire"),
    ("tr", "Merhaba, anahtarı çeviriyorum ama araba çalışmıyor, sadece tık tık ses geliyor.", "no_start"),
])
def test_when_the_caller_says_what_happened_in_their_own_words_then_that_is_the_reason(engine, language, opening,
                                                                                       reason) -> None:
    """Roadside reasons differ in how many items of their own they have ("will not start" has none); the
    call-level scorer must not take the one without as a default."""
    ask, answer = (RU_ASK, RU_ANSWER) if language == "ru" else (TR_ASK, TR_ANSWER)
    call = _call(language, [("A", RU_OPEN if language == "ru" else TR_OPEN), ("C", opening), ("A", ask), ("C", answer)])
    assert engine.audit(call, ChecklistLibrary().get(f"roadside_{language}")).reasons == [reason]
