"""Text handling per language: sentences, lemmas, question-likeness, closing offers, why sentences,
focus patterns."""

from __future__ import annotations

import re

import pytest

from audit.languages import get_language
from audit.languages.en.focus import FOCUS_PATTERNS as EN_PATTERNS
from audit.languages.en.why import WHY as EN_WHY

RU, TR, EN = get_language("ru"), get_language("tr"), get_language("en")


@pytest.mark.parametrize(("lang", "text", "n"), [
    (RU, "Спасибо. Назовите номер полиса? И дату рождения…", 3),
    (TR, "Teşekkürler. Poliçe numaranız nedir? Doğum tarihiniz?", 3),
    # an initial or an abbreviation's letters end no sentence; the Russian "я." (I) does
    (TR, "Anlıyorum. Adınızı ve T.C. kimlik numaranızın son dört hanesini alabilir miyim?", 2),
    (RU, "Записала: Иванов И. П., верно?", 1),
    (RU, "А езжу в основном я. Я Игорь.", 2),
])
def test_when_utterance_has_several_sentences_then_each_is_a_span(lang, text, n):
    spans = lang.sentences(text)
    assert len(spans) == n
    assert all(text[s:e].strip() == text[s:e] for s, e in spans)


def test_when_russian_word_inflected_then_same_lemma():
    assert RU.tokens("номера полиса") == RU.tokens("номер полиса")
    assert "наталья" in RU.tokens("Натальи")
    assert not set(RU.tokens("а вы мне это")), "function words carry no item meaning"


def test_when_turkish_word_agglutinated_then_stem():
    assert "numara" in TR.tokens("numaranızı okuyabilir misiniz")
    assert "bagaj" in TR.tokens("bagajım")
    assert TR.tokens("İSTANBUL") == TR.tokens("istanbul"), "Turkish dotted capital I"


@pytest.mark.parametrize(("lang", "sentence", "low"), [
    (RU, "Назовите, пожалуйста, номер полиса", 0.8),
    (RU, "Где сейчас машина", 0.6),
    (RU, "У вас есть запаска?", 1.0),
    (TR, "Poliçe numaranızı alabilir miyim", 0.8),
    (TR, "Araç nerede", 0.6),
    (TR, "Yaralı var mı", 0.6),
    (RU, "И ФИО страхователя, пожалуйста.", 0.8),
    (TR, "Doğum tarihiniz, lütfen.", 0.8),
    (EN, "Your destination and date please.", 0.8),  # a thing named, then "please", with no comma
    (RU, "И дату рождения для проверки.", 0.8),  # "and" and a thing checklists ask for, with no verb
    (RU, "Диктуйте трек-номер.", 0.8),
    (TR, "Doğum tarihinizi de teyit edelim.", 0.8),
    (EN, "On which date would you like to travel", 0.6),  # a preposition before the question word
])
def test_when_sentence_asks_then_question_like(lang, sentence, low):
    assert lang.is_question(sentence) >= low


@pytest.mark.parametrize(("lang", "sentence"), [
    (EN, "Please hold please."),
    (EN, "When you get close, hail us on channel nine."),  # a clause saying when, then an instruction
    (RU, "А телефон у вас указан верно."),
    (RU, "Мастер записан на завтра на девять утра."),
    (TR, "Teknisyen yarın saat dokuza ayarlandı."),
    (RU, "Подождите, пожалуйста."),
    (TR, "Bir dakika bekleyin lütfen."),
])
def test_when_sentence_states_then_not_question_like(lang, sentence):
    assert lang.is_question(sentence) == 0.0


@pytest.mark.parametrize("lang", [RU, TR])
def test_when_why_asked_then_every_english_key_has_a_sentence_in_the_language(lang):
    fields = {"item": "x", "reason": "y", "quote": "z", "turn": "3", "field": "caller_phone"}
    for key in EN_WHY:
        sentence = lang.why(key, **fields)
        assert sentence and sentence != EN_WHY[key].format(**fields)


@pytest.mark.parametrize("lang", [RU, TR])
def test_when_focus_patterns_read_then_same_groups_as_english_and_all_compile(lang):
    assert set(lang.focus_patterns()) == set(EN_PATTERNS)
    for patterns in lang.focus_patterns().values():
        for p in patterns:
            re.compile(p)


@pytest.mark.parametrize("lang", [RU, TR])
def test_when_focus_cues_read_then_every_kind_and_neutral_has_examples(lang):
    kinds = {c.kind: c.examples for c in lang.focus_cues()}
    assert set(kinds) == {c.kind for c in EN.focus_cues()}
    assert all(len(v) >= 10 for v in kinds.values())


@pytest.mark.parametrize(("lang", "sentence", "closing"), [
    (EN, "Is there anything else I can help you with today?", True),
    (EN, "Any other questions for me?", True),
    (EN, "How can I help you?", False),
    (EN, "Anything further I can do for you?", True),
    (RU, "Чем ещё могу помочь?", True),
    (RU, "Могу ли я ещё чем-то помочь?", True),
    (RU, "Остались ли у вас вопросы?", True),
    (RU, "Ещё могу чем-то помочь?", True),
    (RU, "Ещё раз: чем могу помочь?", False),
    (RU, "Чем могу помочь?", False),
    (TR, "Size yardımcı olabileceğim başka bir konu var mı?", True),
    (TR, "Size nasıl yardımcı olabilirim?", False),
    (TR, "Başka bir talebiniz var mı?", True),
    (TR, "Başka?", True),
    (TR, "Başka bir adres var mı?", False),
    (TR, "Size ulaşabileceğimiz başka bir numara var mı?", False),
])
def test_when_agent_offers_more_help_then_closing_offer_but_not_the_greeting(lang, sentence, closing):
    assert lang.is_closing_offer(sentence) is closing



@pytest.mark.parametrize(("lang", "sentence", "direction"), [
    (EN, "Where will you depart from?", -1),
    (EN, "What city are you traveling to?", 1),
    (EN, "When will you return the car?", 1),
    (EN, "Where are you leaving from and where are you going?", 0),
    (EN, "When would you like to go?", 0),  # "go" points at the end of a trip only with "where" or "to"
    (EN, "Where are you going?", 1),
    (EN, "I'm heading to Fresno.", 1),
    (EN, "From which city are you going to be leaving?", -1),  # "going to be" is a future, not a way
    (EN, "On which date would you like to travel, and to where?", 1),
    (EN, "Where are you headed?", 1),
    (EN, "Where are you going from?", -1),  # "from" closing the question: the start
    (EN, "Where are you coming and going from?", 0),  # both ends
    (EN, "How can I help you?", 0),
    (EN, "I'm looking for one way flights out of Mexico City.", -1),  # a trip "out of" a place starts there
    (EN, "I'll be out of town next week.", 0),
    (RU, "Откуда вы вылетаете?", -1),
    (RU, "Куда едем?", 1),
    (RU, "Когда обратный рейс?", 1),
    (RU, "Назовите номер полиса.", 0),
    (TR, "Nereden kalkış yapacaksınız?", -1),
    (TR, "Dönüş tarihiniz nedir?", 1),
    (TR, "Nereye gitmek istiyorsunuz?", 1),
    (TR, "Poliçe numaranız nedir?", 0),
])
def test_when_sentence_points_at_a_start_or_an_end_then_direction_says_which(lang, sentence, direction):
    assert lang.direction(sentence) == direction


@pytest.mark.parametrize(("lang", "sentence", "offer"), [
    (EN, "Would you like to transfer money?", True),
    (EN, "Okay, shall I book the table?", True),
    (EN, "Do you want us to text you when it's ready?", True),
    (EN, "Can I have your phone number?", False),
    (EN, "Would you like to give me your name?", False),
    (EN, "What time would you like?", False),
    (RU, "Хотите, оформим доставку?", True),
    (RU, "Записать вас на вторник?", True),
    (RU, "Назовите номер полиса.", False),
    (RU, "Когда вам удобно?", False),
    (TR, "SMS ile bilgilendirme almak ister misiniz?", True),
    (TR, "Randevu ayarlayayım mı?", True),
    (TR, "Adınızı alabilir miyim?", False),
])
def test_when_agent_offers_an_action_then_offer_but_not_a_request_for_a_fact(lang, sentence, offer):
    assert lang.is_offer(sentence) is offer


@pytest.mark.parametrize(("text", "sentences"), [
    # a question run on after a statement with no stop (transcribers drop them) is a sentence of its own
    ("It has 2 bed rooms for $3,200 What day do you want to go?",
     ["It has 2 bed rooms for $3,200", "What day do you want to go?"]),
    ("On which date and what time?", ["On which date", "what time?"]),
    # a capitalised name inside a statement is not a question run on
    ("I'd like to watch When Harry Met Sally tonight.", ["I'd like to watch When Harry Met Sally tonight."]),
    # a title's period or one inside "a.m." ends no sentence; a reply's "No." does
    ("Transfer money to Mr. Justin.", ["Transfer money to Mr. Justin."]),
    ("I'll be there at 7 a.m. tomorrow. Okay?", ["I'll be there at 7 a.m. tomorrow.", "Okay?"]),
    ("Call Dr. Anand at 5 p.m. Thanks!", ["Call Dr. Anand at 5 p.m.", "Thanks!"]),
    ("No. It was the other one.", ["No.", "It was the other one."]),
])
def test_when_english_questions_run_together_then_each_is_a_sentence(text, sentences):
    assert [text[s:e] for s, e in EN.sentences(text)] == sentences


@pytest.mark.parametrize(("text", "sentences"), [
    # "That okay?" alone asks nothing an item's words match: it asks about the statement before it
    ("Heads up, this line's recorded. That okay?", ["Heads up, this line's recorded. That okay?"]),
    ("There's a 75 dollar lockout fee. Do you agree to it?", ["There's a 75 dollar lockout fee. Do you agree to it?"]),
    ("Calls are recorded. Okay with you?", ["Calls are recorded. Okay with you?"]),
    ("I'm required to tell you this call is recorded. Do you consent?",
     ["I'm required to tell you this call is recorded. Do you consent?"]),
    ("This call is recorded. Do you mind?", ["This call is recorded. Do you mind?"]),
    ("Your ride is booked. Do you mind sharing a ride?", ["Your ride is booked.", "Do you mind sharing a ride?"]),
    # a question of its own stays apart
    ("We found the car. And is there a police report on it?",
     ["We found the car.", "And is there a police report on it?"]),
    ("Where are you? Is that okay?", ["Where are you?", "Is that okay?"]),
])
def test_when_a_short_question_asks_about_the_statement_before_it_then_they_are_one_sentence(text, sentences):
    assert [text[s:e] for s, e in EN.sentences(text)] == sentences


@pytest.mark.parametrize(("lang", "reply", "again"), [
    (EN, "No. Like I said, I got laid off.", True),
    (EN, "I told you, I've got photos.", True),
    (EN, "I told him to come by on Friday.", False),
    (EN, "I said, knee surgery.", True),
    (EN, "It's 4C, again.", True),
    (EN, "I put it in on the keypad already.", True),
    (EN, "And I said hey, careful.", False),
    (EN, "Try again later.", False),
    (RU, "Я же сказала, в четверг.", True),
    (RU, "Как я уже говорил, карта «Мир».", True),
    (RU, "Я сказал ему перезвонить.", False),
    (RU, "Есть, говорю же, справка из поликлиники.", True),
    (RU, "Так я сказала: беременность, врач запретил.", True),
    (RU, "Так сократили же меня, я сказала.", True),
    (TR, "Altunizade dedim.", True),
    (TR, "Az önce söyledim, perşembe.", True),
    (TR, "Ona dedim ki yarın gelsin.", False),
    (TR, "Anlattım ya, motor ışığı yandı.", True),
    (TR, "Çekmiyor diyorum üç gündür!", True),
    (TR, "Dediğim gibi, on iki temmuz giriş.", True),
    (TR, "Hamamböceği! Kaç kere anlatacağım?", True),
    (TR, "Yarın gelirim, anlaşıldı.", False),
])
def test_when_a_reply_says_it_was_said_before_then_the_repeat_pattern_reads_it(lang, reply, again):
    assert bool(lang.repeat_pattern.search(lang.fold_case(reply))) is again


@pytest.mark.parametrize(("sentence", "asks"), [
    ("Let me know the date of your trip.", True),
    ("Let's start with your name.", True),
    ("Please specify: the number of bedrooms", True),
    ("Your new alarm is added.", False),  # "your" opening a statement asks nothing
    ("Enjoy your day.", False),
    ("You have a car waiting on that date.", False),
])
def test_when_a_sentence_holds_an_asking_word_then_the_asking_pattern_reads_it(sentence, asks):
    assert bool(EN.asking_pattern.search(EN.fold_case(sentence))) is asks
