"""Turkish: simplemma lemmas, Turkish number words and suffixes, and the shared multilingual encoder."""

from __future__ import annotations

import re

from audit.languages.encoded import EncodedLanguage
from audit.languages.tr import focus
from audit.languages.tr.morph import content_lemmas, lower
from audit.languages.tr.values import digits_for_number_words, find_values, item_kinds
from audit.languages.tr.why import WHY

# The question particle, alone or with person endings: mı, misiniz, musun, müyüm, mıdır...
_PARTICLE = re.compile(r"\bm[ıiuü](?:s[ıiuü]n[ıiuü]z|s[ıiuü]n|y[ıiuü]m|y[ıiuü]z|d[ıiuü]r)?\b")
_WH = re.compile(
    r"\b(?:ne|neyi|neye|nedir|neler|nerede|nereye|nereden|neresi|ne zaman|hangi|hangisi|kaç|kim|"
    r"kimin|kiminle|nasıl|neden|niçin|niye)\b"
)
# "Doğum tarihiniz, lütfen.": a thing named, then "please", asks for it
_PLEASE = re.compile(r"^(?!.*(?:bekle|dakika|saniye|hatta kal))\w[\w\s,-]*,?\s*lütfen\s*[.!]*$")
_REQUEST = re.compile(
    r"\b(?:söyleyin|söyler misiniz|verin|verir misiniz|belirtin|iletin|alayım|alabilir miyim|"
    r"öğrenebilir miyim|"
    r"rica ediyorum|rica edeceğim|rica edebilir miyim|tekrar eder misiniz|okur musunuz|okuyabilir misiniz|"
    r"paylaşır mısınız|paylaşabilir misiniz|anlatır mısınız|anlatın|teyit eder misiniz|teyit edelim|alalım|"
    r"öğrenelim|doğrulayalım|"
    r"\w+(?:ınızı|inizi|unuzu|ünüzü|nızı|nizi|nuzu|nüzü) (?:alayım|alabilir|öğren|rica))\b"
)


# "Başka yardımcı olabileceğim bir konu var mı?", "Başka bir şey var mı?", "Başka sorunuz var mı?"
# "talebiniz", "isteğiniz": a final p or k softens before a vowel; "Başka?" alone offers more help too
_CLOSING = re.compile(r"\bbaşka\s+(?:bir\s+)?(?:şey|konu|soru|tale[pb]|iste[kğ]|yardım|sorun)|\bbaşka\s.*\byardımcı|"
                      r"^\W*başka\W*\?")
_START = re.compile(r"\b(?:nereden|kalkış\w*|hareket\w*|gidiş\w*|başla\w*|giriş\w*|teslim al\w*)")
_END = re.compile(r"\b(?:nereye|varış\w*|dönüş\w*|döne\w*|bitiş\w*|iade\w*|teslim et\w*)")

_AFFIRMATIVE = re.compile(r"(?:evet|doğru|tamam|olur|aynen|kesinlikle|uygun|tabii|tabi)\b")


# Turkish puts the offer at the end: "... ister misiniz?", "... istiyor musunuz?", "... ayarlayayım mı?"
_OFFER = re.compile(
    r".*\b(?:ister\s+mi(?:siniz|sin)|istiyor\s+mu(?:sunuz|sun)|\w+(?:[ae]y[ıi]m|[ae]l[ıi]m)\s+m[ıi])\b")


_BIRTH = re.compile(r"doğum")
# an item asking to agree: "Görüşmemiz kayıt altına alınmaktadır, onaylıyor musunuz?"
_AGREEMENT = re.compile(r"\b(?:onaylıyor|onay veriyor|kabul ediyor)\s*mu(?:sunuz|sun)\b|\bsakıncası? var m[ıi]\b")
# "Tekrar eder misiniz?", "Bir daha söyler misiniz?" ("neydi", "what was it", also asks of a past thing:
# "Kaldırılan ürünün barkodu neydi?")
_ASKED_AGAIN = re.compile(r"\btekrar(?:lar|\s+eder|\s+söyler)\s*m[iı]s[iı]n[iı]z\b|\bbir daha söyler misiniz\b|"
                          r"\bdediniz\b|\b(?:de|söyle)miştiniz\b")
# a customer saying they said it before ("Altunizade dedim", "az önce söyledim", "söylemiştim")
# "dedim", "anlattım ya", "Çekmiyor diyorum üç gündür!", "Dediğim gibi, on iki temmuz", "Kaç kere anlatacağım?"
_REPEAT = re.compile(r"\b(?:dedim|söyledim|söylemiştim|demiştim|anlattım|anlatmıştım)\b(?! ki\b)|\bdiyorum\b|"
                     r"\b(?:dediğim|söylediğim) gibi\b|\bkaç kere\b")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|bin dokuz yüz|iki bin")


# words before "numara" that leave open which number is meant
_DETERMINERS = r"hangi|bir|bu|şu|o|size|sizin|yeni|iletişim|arayan|aradığınız|\w+(?:ceğimiz|cağımız|eceğimiz|acağımız)"
# what a question asks by its words (`Language.asked_kinds`), on `fold_case` text
_ASKED = (
    (frozenset({"name"}), re.compile(r"\badın|\bsoyad|\bisminiz|\bisim\b|\badı\b|kiminle görüşüyorum")),
    (frozenset({"phone"}), re.compile(r"telefon")),
    (frozenset({"email"}), re.compile(r"e-?posta|\bmail|e-?mail")),
    (frozenset({"plate"}), re.compile(r"plaka")),
    (frozenset({"date"}), re.compile(r"tarih|hangi gün|ayın kaçı|ne zamandan beri|kaç gündür")),
    (frozenset({"time"}), re.compile(r"\bsaat|kaçta")),
    (frozenset({"date", "time"}), re.compile(r"ne zaman")),
    (frozenset({"address"}), re.compile(r"(?<!posta )(?<!mail )\badres")),  # "e-posta adresiniz" is an email
    (frozenset({"location"}), re.compile(r"\bnerede|\bnereye|\bnereden|hangi (?:şehir|il|ilçe|semt)")),
    (frozenset({"count"}), re.compile(r"\bkaç\b(?! (?:gün|gece|saat|ay|yıl|dakika|hafta|lira|tl)\b)")),
    (frozenset({"duration"}), re.compile(r"ne kadar süre|kaç (?:gün|gece|saat|ay|yıl|hafta)\b")),
    (frozenset({"money"}), re.compile(r"ne kadar(?! süre)|tutar")),
    # "kart numaranız" is a code; a number with no noun before it ("numaranızı alayım", "hangi numarayı
    # arayalım?") may be a phone number too
    (frozenset({"code"}), re.compile(r"\b(?!(?:" + _DETERMINERS + r"|telefon\w*)\b)\w+ numara|\bkod")),
    (frozenset({"code", "phone"}), re.compile(r"(?:^\W*|\b(?:" + _DETERMINERS + r")\s+)numara")),
)


class Turkish(EncodedLanguage):
    code = "tr"
    name = "Turkish"
    closing_pattern = _CLOSING
    own_name_pattern = re.compile(r"\badınız|\bisminiz|\bsoyadınız|kiminle görüşüyorum")
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
        return lower(text)


def _is_question(sentence: str) -> float:
    s = lower(sentence.strip())
    if s.endswith("?"):
        return 1.0
    if _REQUEST.search(s) or _PLEASE.search(s):
        return 0.8
    if _PARTICLE.search(s) or _WH.search(s):
        return 0.6
    return 0.0
