"""The values of a text that say which checklist item they answer, and the words around each.

Shared by the audit (`verdicts.value_slots`) and by `view.call_texts`, which embeds every value's context
with the call's other texts in one batch.
"""

from __future__ import annotations

import re

from audit.languages.base import Language, Value

# kinds that do not show which item a value fills: a bare number, yes or no, "I don't know"
UNTYPED_VALUES = ("yes_no", "dont_know", "number")


def slot_values(lang: Language, text: str) -> list[Value]:
    """The values of a text that show which item they fill, parts of one value merged."""
    return [v for v in merged_values(lang.values(text), text) if v.kind not in UNTYPED_VALUES]


def merged_values(values: list[Value], text: str) -> list[Value]:
    """One value per stretch of text: "the 7th" and "this month" in "the 7th of this month" are one date,
    and a phone number found inside a longer one is the same number."""
    out: list[Value] = []
    for v in sorted(values, key=lambda v: (v.start, -v.end)):
        last = next((o for o in reversed(out) if o.kind == v.kind), None)
        if last is not None and _GLUE.fullmatch(text[last.end : v.start] if v.start > last.end else ""):
            out[out.index(last)] = Value(v.kind, text[last.start : max(last.end, v.end)], last.start,
                                         max(last.end, v.end))
        else:
            out.append(v)
    return out


# what may stand between two parts of one value: punctuation, or "of" ("the 7th of this month")
_GLUE = re.compile(r"[\s,.:/-]*(?:of[\s,.:/-]*)?")


def value_context(text: str, v: Value) -> str:
    """The value with up to four words either side: what the customer said about it."""
    before = text[: v.start].split()[-4:]
    after = text[v.end :].split()[:4]
    return " ".join([*before, text[v.start : v.end], *after])


def value_contexts(lang: Language, text: str) -> list[str]:
    """The context of every typed value of a text, in `slot_values` order."""
    return [value_context(text, v) for v in slot_values(lang, text)]
