"""`why` sentences in Turkish, under the keys shared by every language (see `audit.languages.en.why`)."""

WHY: dict[str, str] = {
    "needed": "Müşteri bunu henüz söylememişti ve madde bu aramanın nedenine uygun.",
    "needed_no_reasons": "Müşteri bunu henüz söylememişti; madde her arama için geçerli.",
    "irrelevant": "Aramanın nedeni: {reason}; bu soru bu aramaya uygun değil.",
    "redundant_volunteered": 'Müşteri bunu {turn}. konuşmada zaten söylemişti: "{quote}".',
    "redundant_answered": 'Müşteri aynı soruyu {turn}. konuşmada zaten yanıtlamıştı: "{quote}".',
    "redundant_asked_again": 'Temsilci bunu yeniden soruyor; müşteri {turn}. konuşmada söylemişti: "{quote}".',
    "redundant_metadata": "Bu bilgi aramanın kayıtlarında zaten var ({field}).",
    "covered": "Müşteri bunu sorulmadan, {turn}. konuşmada söyledi.",
    "covered_metadata": "Bu bilgi aramanın kayıtlarında var ({field}).",
    "missing": "Hiç sorulmadı ve müşteri de söylemedi.",
    "not_applicable": "Bu aramanın nedenleriyle ilgili değil.",
}
