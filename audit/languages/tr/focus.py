"""Turkish cues for customer-focus detection: prototype sentences per kind and the patterns behind them.

Same groups and meaning as the English module (`audit.languages.en.focus`). Patterns run on Turkish
lower-cased text (I -> ı, İ -> i); Turkish marks person on the verb ("ararım" = I will call), so first-person
commitments are read from verb endings rather than from a pronoun.
"""

from __future__ import annotations

from audit.languages.base import FocusCue

BLAME_SHIFT = FocusCue(
    kind="blame_shift",
    examples=(
        "Bu bizim sorumluluğumuzda değil, servis firmasının hatası.",
        "Kargo firması karıştırmış, bizim bir suçumuz yok.",
        "Sorun bankanın tarafında, bizim sistemimiz sorunsuz çalışıyor.",
        "Kart numarasını yanlış girmişsiniz, o yüzden ödeme geçmedi.",
        "Sözleşmeyi okumadığınız için böyle oldu.",
        "Gecikme tamamen üreticinin hatası.",
        "Bizim sistem çalışıyor, sorun sizin operatörünüzde.",
        "Depo siparişinizi karıştırmış, biz değil.",
        "Taşıyıcı firma yükü kaybetti, gecikme onların yüzünden.",
        "Son tarihten önce aramanız gerekirdi, bu sizin hatanız.",
        "Önceki vardiya hata yapmış, ben değil.",
        "Ev sahibiniz boruyu zamanında tamir ettirmemiş, sızıntı ondan.",
        "Benden önce gelen teknisyen yanlış yapmış.",
        "Doğru adresi verseydiniz bu olmazdı.",
    ),
)

REDIRECT = FocusCue(
    kind="redirect",
    examples=(
        "Bu konuda bir şey yapamam, havalimanındaki kayıp eşya bürosunu arayın.",
        "Bu bizim departmanımız değil, muhasebeyi arayın.",
        "Bunun için kendi bankanızı aramanız gerekiyor.",
        "Size yardımcı olamam, üreticiye başvurun.",
        "Bununla başka bir ofis ilgileniyor, onları aramanız lazım.",
        "Ürünü aldığınız mağazaya geri gidin.",
        "Bunu taşıyıcı firmayla görüşmeniz gerekiyor.",
        "Biz bununla ilgilenmiyoruz, genel müdürlüğü arayın.",
        "Numaraları internet sitesinde var, onları arayın.",
        "Şikayet birimine yazın, onlar bakıyor, ben değil.",
        "Bu sigorta şirketinizin konusu.",
        "Bunu ev sahibinizle konuşsanız iyi olur.",
        "Eczaneyi doğrudan arayın, biz burada bir şey yapamayız.",
        "Bu benim ilgilendiğim bir konu değil, başka bir yere başvurmanız lazım.",
    ),
)

HALF_HEARTED = FocusCue(
    kind="half_hearted",
    examples=(
        "Bunu hesabınızdaki ayarlardan değiştirebilirsiniz.",
        "Bunu internetten kendiniz yapabilirsiniz.",
        "Uygulamadan sıfırlamayı deneyebilirsiniz.",
        "Her şey web sitemizde yazıyor, bakabilirsiniz.",
        "Portalda bir form var, doldurabilirsiniz.",
        "Takip sayfasından durumu kontrol edebilirsiniz.",
        "İsterseniz bize e-posta atabilirsiniz.",
        "Sıkça sorulan sorulara bir göz atın.",
        "Vaktiniz olunca uygulamadan güncelleyin.",
        "Formu indirip bize postayla gönderebilirsiniz.",
        "Daha sonra tekrar girmeyi deneyin, belki düzelir.",
        "Talimatlar kılavuzda var, onları takip edebilirsiniz.",
        "Aboneliği istediğiniz zaman abonelikler sayfasından iptal edebilirsiniz.",
        "E-postanızı takip edin, belki gelir.",
    ),
)

OWNERSHIP = FocusCue(
    kind="ownership",
    examples=(
        "Talebi ben kendim oluşturup perşembe günü sizi arayacağım.",
        "Hemen şimdi sizin için ben hallediyorum.",
        "Ödemeyi muhasebeyle bizzat kontrol edip bir saat içinde sizi ararım.",
        "Kargo firmasıyla ben bizzat görüşüp yarına kadar size e-posta atacağım.",
        "Bugün yöneticime ileteceğim ve beşe kadar sizi arayacağım.",
        "Sizin adınıza bankayla ben görüşeceğim ve öğleden sonra döneceğim.",
        "Siz merak etmeyin, ben hallederim ve yarın sabah sizi ararım.",
        "İadenin yapılmasını ben takip edip akşam size onay göndereceğim.",
        "Eczaneyi şimdi ben arayacağım ve çözülene kadar takipte olacağım.",
        "Teknisyen randevusunu ben değiştirip yeni saati size mesajla bildireceğim.",
        "Şikayeti ben kaydettim, pazartesi durumunu ben takip edeceğim.",
        "Bu konuyu bizzat takip edip gün sonuna kadar size bilgi vereceğim.",
        "Formla siz uğraşmayın, ben doldurup bugün göndereceğim.",
        "Depoyla ben konuşup öğleden önce sizi geri arayacağım.",
    ),
)

NEUTRAL = FocusCue(
    kind="neutral",
    examples=(
        "Teknisyen yarın saat dokuza ayarlandı.",
        "İlacınız öğlene kadar eczanede hazır olur.",
        "Kargonuzun teslimatı perşembe günü planlandı.",
        "Ödemeniz alındı.",
        "Başvuru numaranız dört beş bir iki.",
        "En yakın boş randevu pazartesi saat onda.",
        "Sistemde siparişin dün kargoya verildiği görünüyor.",
        "Yeni kartınız beş ila yedi iş günü içinde ulaşır.",
        "Gaz kokusu alıyorsanız binayı terk edin ve önce acil hattı arayın.",
        "Ağrınız artarsa lütfen acil servise gidin.",
        "Güvenliğiniz için dörtlüleri yakıp araçta bekleyin.",
        "Yaralı varsa hemen ambulans çağırın.",
        "Sizi şimdi otomatik ödeme hattına aktarıyorum.",
        "Sizi fatura birimine bağlıyorum, bilgileriniz onlarda olacak.",
        "Hatta kalın, sizi bir uzmana bağlıyorum.",
        "Sözleşme numaranızı alabilir miyim lütfen?",
        "Size ulaşabileceğimiz en iyi numara nedir?",
        "Aradığınız için teşekkürler, iyi günler.",
        "Hesabınızı açıyorum.",
        "Bir dakika, kontrol ediyorum.",
        "Başka yardımcı olabileceğim bir konu var mı?",
        "Tamam, not aldım.",
        "Bunu duyduğuma üzüldüm, gerçekten can sıkıcı.",
        "Yani on iki mart, doğru mu?",
        "Kısa süre içinde size onay e-postası gelecek.",
        "Her şey tamam, kaydınız oluşturuldu.",
    ),
)

FOCUS_CUES: list[FocusCue] = [BLAME_SHIFT, REDIRECT, HALF_HEARTED, OWNERSHIP, NEUTRAL]

# First-person future/aorist verbs: "arayacağım", "ararım", "hallederim", "göndereceğim".
_FIRST_VERB = (
    r"\w+(?:[ae]c[ae][ğk](?:ım|im|um|üm)|(?:[ıiuüae]r|r)(?:ım|im|um|üm)|(?:ıyor|iyor|uyor|üyor)(?:um))\b"
)
_OTHER_PARTY = (
    r"(?:\w+\s+){0,2}(?:banka\w*|departman\w*|birim\w*|ofis\w*|şirket\w*|firma\w*|servis\w*|mağaza\w*|"
    r"eczane\w*|hastane\w*|klinik\w*|sigorta\w*|taşıyıcı\w*|havalimanı\w*|havaliman\w*|büro\w*|kayıp eşya\w*|"
    r"üretici\w*|bayi\w*|muhasebe\w*|genel müdürlü\w*|çağrı merkez\w*|belediye\w*|emniyet\w*|polis\w*|"
    r"dağıtım şirket\w*|ev sahib\w*|yönetim\w*)"
)
_WHEN = (
    r"(?:bugün|yarın|öbür gün|bu akşam|bu sabah|öğleden (?:önce|sonra)|akşam\w*|sabah\w*|"
    r"\w+ (?:saat|gün|dakika) içinde|(?:pazartesi|salı|çarşamba|perşembe|cuma|cumartesi|pazar)\w*|"
    r"gün sonuna kadar|\w+(?:[ae]|y[ae]) kadar|hemen|şimdi|birazdan|\d{1,2}[:.]\d{2})"
)

# Regular expressions (Turkish lower case) by group, read by the detectors (see the English module).
# the agent disowning the cause outright: blame however routine the explanation around it reads
_DISCLAIMS = [
    r"\b(?:bizim|benim) (?:suçumuz|suçum|hatamız|hatam|kusurumuz) (?:yok|değil)\b",
    r"\bbizim taraf(?:ımız)?ta (?:bir )?(?:gecikme|sorun|hata|problem|aksaklık)? ?(?:yok|değil)\b",
    r"\bbizim (?:kural\w*|politika\w*) değil\b|\b\w+(?:nin|nın|nun|nün) değil,? \w+ (?:politikası|kuralı)\b",
    r"\b(?:o |bu )?sizin sorumluluğunuz\w*\b|\bonlardan kaynaklan\w*\b",
]

FOCUS_PATTERNS: dict[str, list[str]] = {
    "prefilter": [
        r"\b(?:ben|bizzat|kendim|sizin için|sizin adınıza|merak etmeyin|takipte)\b",
        _FIRST_VERB,
        r"\b\w+(?:man[ıi]z|men[ıi]z) (?:gerek\w*|lazım)\b",
        r"\b(?:kendiniz|deneyin|deneyebilirsiniz|arayın|başvurun|yazın|gidin|bakın|bakabilirsiniz|"
        r"görüşün|indirin|doldurun)\b",
        r"\b(?:internet\w*|web\w*|site\w*|uygulama\w*|portal\w*|form\w*|ayar\w*|sayfa\w*|kılavuz\w*|online)\b",
        r"\b(?:hata\w*|suç\w*|sorumlu\w*|karıştırmış|tarafında|kusur\w*|sorun\w*|yüzünden)\b",
        r"\b\w+(?:d[ıiuü]ğ[ıiuü]n[ıiuü]z|t[ıiuü]ğ[ıiuü]n[ıiuü]z) için\b",
        r"\b(?:bizim|benim) (?:\w+ )?(?:değil|konumuz|işimiz)\b",
        r"\b(?:onlar|onları|onlara|onların)\b",
        r"\b\w+(?:abilir|ebilir)siniz\b",
        _OTHER_PARTY,
    ],
    "disclaims": _DISCLAIMS,
    "blame_shift": [
        *_DISCLAIMS,
        r"\b(?:bizim )?sorumluluğumuzda değil\b|\bsorumlu değiliz\b",
        r"\b(?:onların|sizin|firmanın|bankanın|kargonun|\w+nın|\w+nin) (?:hatası|suçu|kusuru|sorumluluğu)\b",
        r"\b(?:sizin|onların|bankanın|operatörün\w*) tarafında\b",
        r"\b\w+(?:mış|miş|muş|müş)(?:sınız|siniz|sunuz|sünüz)\b",
        r"\b\w+(?:saydınız|seydiniz)\b",
        r"\b(?:karıştırmış|hata yapmış|yanlış yapmış)\b",
    ],
    "redirect": [
        r"\bbizim (?:departmanımız|birimimiz|konumuz|işimiz|alanımız) değil\b|\bbenim ilgilendiğim\b",
        r"\bbizimle ilgili değil\b|\b(?:bizi|birimimizi|bizim birimimizi) ilgilendirmiyor\b",
        r"\b(?:biz|ben) (?:bununla |bu konuyla )?(?:ilgilenmiyoruz|ilgilenmiyorum|bakmıyoruz)\b",
        r"\b(?:yardımcı olamam|yardımcı olamıyoruz|bir şey yapamam|bir şey yapamayız|"
        r"elimizden bir şey gelmez)\b",
        r"\b\w+(?:man[ıi]z|men[ıi]z) (?:gerek\w*|lazım)\b",
        _OTHER_PARTY + r"\w* (?:arayın|başvurun|gidin|yazın|görüşün|iletişime geçin)\b",
        r"\b(?:onları|onlara) (?:arayın|başvurun|yazın|sorun)\b",
        # "Size en yakın şubeye gidin, orada anlatırlar": sent to a place to be helped there
        r"\b\w+(?:ye|ya|e|a) (?:gidin|başvurun)\b",
        r"\b\w+ (?:konusu|meselesi)\b$",
    ],
    "half_hearted": [
        r"\b(?:kendiniz|kendi başınıza)\b",
        # "talebi oradan siz açarsanız", "fotoğrafları oradan siz yükleyin", "siz arayıp sorarsınız"
        r"\b(?:oradan|buradan) siz\b|\bsiz (?:\w+ ){0,2}\w+(?:arsanız|erseniz|arsınız|ersiniz|ırsınız|irsiniz|"
        r"ursunuz|ürsünüz|yin|yın|yun|yün)\b",
        r"\b\w+(?:abilir|ebilir)siniz\b",
        r"\b(?:internetten|web sitemiz\w*|sitemizde|uygulamadan|uygulamada|portaldan|portalda|"
        r"online|ayarlardan|hesabınızdan)\b",
        r"\b(?:tekrar )?deneyin\b|\bgöz atın\b|\btakip edin\b",
        r"\b(?:her şey|hepsi) (?:\w+ )?(?:yazıyor|var)\b",
    ],
    "ownership": [
        r"\b(?:ben kendim|bizzat|sizin için|sizin adınıza|ben hallederim|ben hallediyorum|merak etmeyin|"
        r"takipte olacağım|takip edeceğim)\b",
        r"\b(?:sizi|size) (?:geri )?(?:arayacağım|ararım|döneceğim|dönerim|bildireceğim|bilgi vereceğim|"
        r"yazacağım|göndereceğim)\b",
        # "I ... will call/let you know": a first-person future verb with the customer as its object
        r"\b(?:sizi|size)\b.{0,60}\b\w+(?:[ae]c[ae]ğım|ar[ıi]m|er[ıi]m)\b",
        r"\bben\b.{0,40}\b\w+(?:[ıiuü]yorum|[ae]c[ae]ğım)\b.{0,60}\b(?:sizi|size)\b",
        # a step the agent takes right now: "Çekiciyi şimdi ben çağırıyorum", "şimdi cüzdanınıza iade ediyorum"
        r"\b(?:şimdi|hemen|şu an)\b.{0,40}\b(?!(?:anlıyor|görüyor|bakıyor|biliyor|düşünüyor|istiyor|rica ediyor))"
        r"\w+(?:[ıiuü]yorum)\b",
    ],
    # the agent doing it in person: "bizzat ben", "kendim hallederim", "sizin adınıza", "bana bırakın"
    "in_person": [r"\b(?:bizzat|kendim|sizin adınıza|bana bırakın)\b|\bben (?:şimdi|hemen)\b|\b(?:şimdi|hemen) ben\b"],
    "first_person": [r"\b(?:ben|bizzat|kendim)\b", _FIRST_VERB],
    "concrete": [
        _WHEN,
        r"\b(?:arayacağım|ararım|döneceğim|dönerim|bildireceğim|göndereceğim|yazacağım)\b",
        r"\b(?:oluştur|ilet|gönder|kaydet|değiştir|iptal|iade|kontrol|takip|görüş|hallet|ayarla|düzelt|"
        r"yönlendir|aç|kapat|doldur)\w*\b",
    ],
    # the agent says it will make the contact or the change itself, so it is not sending the customer anywhere
    "agent_acts": [
        r"\b(?:ben |şimdi |hemen )?(?:\w+ )?(?:arayacağım|ararım|arıyorum|görüşeceğim|görüşürüm|ileteceğim|"
        r"iletiyorum|göndereceğim|gönderiyorum|hallederim|hallediyorum|halledeceğim|değiştireceğim|"
        r"değiştiriyorum|iptal ediyorum|iptal edeceğim|oluşturuyorum|oluşturacağım|yönlendiriyorum|"
        r"yönlendireceğim|kaydediyorum|kaydedeceğim|düzelteceğim|ayarlıyorum|ayarlayacağım|bloke ediyorum)\b",
    ],
    "safety": [
        r"\b(?:112|110|155|186|187|acil\w*|ambulans\w*|itfaiye\w*|polis\w*|zehir danışma)\b",
        r"\b(?:gaz kokusu|gaz kaçağı|karbonmonoksit|kanama|göğüs ağrısı|tehlike\w*|güvenliğiniz için|"
        r"binayı terk)\b",
    ],
    "handover": [
        r"\bsizi (?:\w+ )?(?:aktarıyorum|aktaracağım|bağlıyorum|bağlayacağım|yönlendiriyorum)\b",
        r"\botomatik (?:\w+ )?(?:hat\w*|sistem\w*|servis\w*)\b",
        r"\bhatta kalın\b",
    ],
}
