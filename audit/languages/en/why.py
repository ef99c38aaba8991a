"""`why` sentences in English. Keys are shared by every language; fields are filled by the engine.

Fields: item (the item's question), reason (a reason's description), quote (a customer's words, shortened),
turn (1-based turn number), field (a metadata key).
"""

WHY: dict[str, str] = {
    "needed": "The customer had not given this yet, and it applies to this call.",
    "needed_no_reasons": "The customer had not given this yet; the item applies to every call.",
    "irrelevant": "The call is about {reason}; this question does not apply to it.",
    "redundant_volunteered": "The customer had already said it in turn {turn}: \"{quote}\".",
    "redundant_answered": "The customer already answered the same question in turn {turn}: \"{quote}\".",
    "redundant_asked_again": "The agent asks it again; the customer gave it in turn {turn}: \"{quote}\".",
    "redundant_metadata": "The call's metadata already holds it ({field}).",
    "covered": "The customer gave it without being asked, in turn {turn}.",
    "covered_metadata": "The call's metadata holds it ({field}).",
    "missing": "Never asked, and the customer did not give it.",
    "not_applicable": "Does not apply to this call's reasons.",
}
