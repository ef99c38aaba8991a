"""`why` sentences in Russian, under the keys shared by every language (see `audit.languages.en.why`)."""

WHY: dict[str, str] = {
    "needed": "Клиент ещё не сообщал этого, и пункт относится к причине звонка.",
    "needed_no_reasons": "Клиент ещё не сообщал этого; пункт относится к любому звонку.",
    "irrelevant": "Причина звонка: {reason}; этот вопрос к ней не относится.",
    "redundant_volunteered": "Клиент уже сказал это в реплике {turn}: «{quote}».",
    "redundant_answered": "Клиент уже ответил на этот же вопрос в реплике {turn}: «{quote}».",
    "redundant_asked_again": "Оператор спрашивает это повторно; клиент сообщил это в реплике {turn}: «{quote}».",
    "redundant_metadata": "Это уже есть в данных звонка ({field}).",
    "covered": "Клиент сообщил это сам, без вопроса, в реплике {turn}.",
    "covered_metadata": "Это есть в данных звонка ({field}).",
    "missing": "Вопрос не задан, и клиент этого не сообщил.",
    "not_applicable": "Пункт не относится к причинам этого звонка.",
}
