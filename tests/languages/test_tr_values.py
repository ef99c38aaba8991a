"""Turkish typed values: spoken numbers and dates, suffixed numbers, phones, names, plates."""

from __future__ import annotations

import pytest

from audit.languages import get_language

TR = get_language("tr")


def _norm(text: str, kind: str) -> set[str]:
    return {v.normalized for v in TR.values(text) if v.kind == kind}


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Doğum tarihim on iki mart bin dokuz yüz seksen altı.", "1986-03-12"),
        ("Yirmi üç şubat iki bin yirmi.", "2020-02-23"),
        ("12 Mart 1986", "1986-03-12"),
        ("15 Mayıs'ta geldi.", "--05-15"),
    ],
)
def test_when_date_spoken_or_written_then_iso_date(text, iso):
    assert iso in _norm(text, "date")


def test_when_digits_read_one_by_one_then_one_number():
    assert "513820" in _norm("Üye numaram beş bir üç sekiz iki sıfır.", "code")


def test_when_phone_read_in_chunks_then_phone_digits():
    text = "Numaram sıfır beş yüz otuz iki, yüz yirmi üç, kırk beş, altmış yedi."
    assert "05321234567" in _norm(text, "phone")


@pytest.mark.parametrize("text", ["0532 123 45 67", "+90 532 123 45 67", "0 (532) 123-45-67"])
def test_when_phone_in_local_format_then_phone(text):
    assert any(n.endswith("5321234567") for n in _norm(text, "phone"))


@pytest.mark.parametrize(("text", "value"), [("Saat üçte gelin.", "3"), ("Ayın on ikisinde.", "12"),
                                             ("Onuncu kattayım.", "10")])
def test_when_number_carries_a_case_suffix_then_value(text, value):
    assert value in _norm(text, "number")


def test_when_pronoun_looks_like_number_then_no_number():
    assert not _norm("Ona söyledim, onu bekliyorum.", "number")


@pytest.mark.parametrize(("text", "name"), [
    ("Adım Ayşe Yılmaz.", "ayşe yılmaz"), ("Mehmet Demir.", "mehmet demir"),
    ("Ben Zeynep Kaya, dosya için arıyorum.", "zeynep kaya"),
])
def test_when_name_given_then_name(text, name):
    assert name in _norm(text, "name")


def test_when_plate_then_plate():
    assert _norm("Plakam 34 ABC 123.", "plate")


@pytest.mark.parametrize(("text", "plate"), [
    ("Plakası otuz dört F R dört yüz seksen bir.", "34fr481"),
    ("Otuz dört, K L, yedi yüz on iki.", "34kl712"),
    ("Sıfır altı, A B C, on iki.", "06abc12"),
])
def test_when_plate_read_aloud_then_plate(text, plate):
    assert plate in _norm(text, "plate")


def test_when_no_plate_shape_then_spoken_numbers_are_no_plate():
    assert not _norm("On iki, A blok yirmi iki numara.", "plate")


@pytest.mark.parametrize("text", ["Bilmiyorum.", "Fark etmez.", "Hiç fikrim yok.", "En kısa sürede olsun."])
def test_when_customer_does_not_know_or_does_not_mind_then_dont_know(text):
    assert _norm(text, "dont_know")


@pytest.mark.parametrize(
    ("item", "kind", "present"),
    [
        ("Size ulaşabileceğimiz telefon numarası nedir?", "phone", True),
        ("Adınızı ve soyadınızı alabilir miyim?", "name", True),
        ("Adınızı ve soyadınızı alabilir miyim?", "yes_no", False),
        ("Doğum tarihinizi söyler misiniz?", "date", True),
        ("Aracın plakası nedir?", "plate", True),
        ("Yaralı var mı?", "yes_no", True),
        # a place in the locative case says where, not what is asked; after a question word it is asked
        ("Havalimanında açılmış bir dosya numaranız var mı?", "location", False),
        ("Havalimanında açılmış bir dosya numaranız var mı?", "code", True),
        ("Teslimat için hangi saatlerde adreste olursunuz?", "address", False),
        ("Teslimat için hangi saatlerde adreste olursunuz?", "time", True),
        ("Hangi adreste oturuyorsunuz?", "address", True),
        ("Aracınız şu anda nerede?", "location", True),
        # "kartlı sayaç" is a card-type meter, not a card number
        ("Kartlı sayacın ekranında bir uyarı yazıyor mu?", "code", False),
        ("Kart numaranızın son dört hanesi nedir?", "code", True),
        # "X için" says what for: the amount is the purpose, the IBAN is asked; a purpose still names a phone
        ("Güvence bedeli iadesi için IBAN numaranızı alabilir miyim?", "money", False),
        ("Güvence bedeli iadesi için IBAN numaranızı alabilir miyim?", "code", True),
        ("Tazminat için talep ettiğiniz tutar nedir?", "money", True),
        ("Sizi geri arayabilmemiz için numaranız nedir?", "phone", True),
    ],
)
def test_when_item_asks_for_a_kind_then_kind_read(item, kind, present):
    assert (kind in TR.value_kinds_for(item)) is present


def test_when_an_amount_is_spoken_then_it_is_money_and_not_a_code():
    """Four spoken digits read alone are a code ("beş bir üç sekiz"); inside "... lira" they are a price."""
    kinds = {v.kind for v in TR.values("Bavulu iki ay önce aldım, dört bin iki yüz lira verdim.")}
    assert "money" in kinds and "code" not in kinds


@pytest.mark.parametrize(("text", "address"), [
    ("Esentepe Mahallesi, Gülistan Sokak, 14 numara, daire 9.", True),
    ("Atatürk Caddesi no 12.", True),
    ("Kızılay Mah. 3. Sok. no 5", True),
    # a street word in the locative, or with no name before it, says where someone is
    ("Sokakta bekliyorum.", False),
    ("Caddede trafik var.", False),
    ("Bu sokakta oturuyorum.", False),
])
def test_when_a_street_is_mentioned_then_only_a_named_one_is_an_address(text, address):
    assert bool(_norm(text, "address")) is address


@pytest.mark.parametrize(("text", "has_time"), [("İyi akşamlar.", False), ("Yarın sabah gelebilir misiniz?", True)])
def test_when_a_greeting_names_a_time_of_day_then_it_holds_no_time(text, has_time):
    assert any(v.kind == "time" for v in TR.values(text)) is has_time


@pytest.mark.parametrize(("text", "names"), [
    ("Merhaba Burcu Hanım.", set()),  # the agent, addressed
    ("Teşekkürler Hakan Bey.", set()),
    ("Merhaba Büşra Hanım, ben Selim Demirtaş.", {"selim demirtaş"}),
    ("Ayşe Kurt, ben.", {"ayşe kurt"}),
])
def test_when_a_name_is_said_with_bey_or_hanim_then_it_is_the_agents(text, names):
    assert _norm(text, "name") == names


def test_when_a_number_is_read_with_thousands_then_it_is_no_code():
    """"iki bin on dokuz" is a year (or an amount); a code is read in chunks of digits."""
    assert not _norm("Fiat Egea, iki bin on dokuz.", "code")
    assert _norm("beş beş bir dokuz, yedi sıfır üç iki.", "code") == {"55197032"}


@pytest.mark.parametrize(("text", "kind", "present"), [
    ("Dört gece.", "duration", True),  # four nights: a length of stay, not a time of day
    ("Dört gece.", "time", False),
    ("Dün gece karakola gittim.", "time", True),
])
def test_when_nights_are_counted_then_they_are_a_duration(text, kind, present):
    assert bool(_norm(text, kind)) is present


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Onunda çıkıyorum, yirmi dördünde dönüş.", {"---10", "---24"}),
        ("Temmuzun on ikisinden on altısına kadar.", {"---12", "---16"}),
        ("Mayısın ikisinde olur.", {"---02"}),
    ],
)
def test_when_a_day_is_said_with_its_case_ending_then_a_date(text, days):
    assert days <= {v.normalized for v in TR.values(text) if v.kind == "date"}


@pytest.mark.parametrize("text", ["Saat beşinde gelirim.", "İkisinde de sorun var."])
def test_when_a_number_with_a_case_ending_is_no_day_then_no_date(text):
    assert not any(v.kind == "date" and v.normalized.startswith("---") for v in TR.values(text))


@pytest.mark.parametrize("text", ["Mayısta bir hafta kalacağız.", "Ocak başında başlasın."])
def test_when_a_month_is_placed_in_time_then_a_date(text):
    assert any(v.kind == "date" for v in TR.values(text))


@pytest.mark.parametrize("text", ["Selim yurt altmış bir, bitişik, at gmail nokta com",
                                  "elif şen yirmi üç at ogr nokta ekuni nokta edu nokta tr"])
def test_when_an_email_is_spelled_out_then_an_email(text):
    assert any(v.kind == "email" for v in TR.values(text))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Ben Lavanta Ev Tekstili mağazasından arıyorum.", set()),  # the shop called from, not who calls
        ("Ben Ankara'dan arıyorum.", set()),
        ("Ben Ayşe Demir, Defne Kırtasiye'den arıyorum.", {"ayşe demir"}),
        ("Adım Sevgi Karaca.", {"sevgi karaca"}),
    ],
)
def test_when_capitalised_words_name_the_place_called_from_then_no_personal_name(text, names):
    assert _norm(text, "name") == names


@pytest.mark.parametrize(
    ("question", "kind", "not_kind"),
    [
        ("Krediyi kaç ay vadeyle kullanmak istersiniz?", "duration", "count"),  # as "Kaç ay?" asks it
        ("Kaç gece konaklayacaksınız?", "duration", "count"),
        ("Kaç kişi konaklayacaksınız?", "count", "duration"),
    ],
)
def test_when_an_item_asks_how_many_months_then_a_length_not_a_count(question, kind, not_kind):
    kinds = TR.value_kinds_for(question)
    assert kind in kinds and not_kind not in kinds


def test_when_an_item_asks_how_much_to_pay_then_it_takes_an_amount():
    assert "money" in TR.value_kinds_for("Bugün ne kadarlık ödeme yapmak istiyorsunuz?")
