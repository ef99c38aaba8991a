"""Turkish words: casing, tokenisation and lemmas (simplemma's Turkish dictionary).

Turkish is agglutinative: one word carries what English says in a phrase ("numaranızı" = "your number
(object)", "okuyabilir misiniz" = "could you read"), so word-level rules read lemmas. Casing needs the
Turkish dotted and dotless i (I -> ı, İ -> i), which `str.lower` gets wrong.
"""

from __future__ import annotations

import re
from functools import lru_cache

WORD = re.compile(r"[a-zçğıöşüâîû0-9]+", re.I)

STOP = frozenset(
    """acaba ama ancak bana bazı belki ben beni benim bir biraz birkaç biz bize bizi bizim bu buna bunu bunun
    çok da daha de diye efendim eğer en evet gibi hayır hem hemen hep her için ile ise işte kadar ki kim mı mi
    mu mü ne neden o ona onu onun öyle peki sadece sana sen seni siz size sizi sizin şey şimdi şu tabii tamam
    ve veya ya yani yok var lütfen merhaba teşekkür teşekkürler hanım bey hanımefendi beyefendi olur oldu
    olarak olan ol et yap""".split()
)


def lower(text: str) -> str:
    """Turkish lower case: I -> ı and İ -> i before the usual lower-casing."""
    return text.replace("I", "ı").replace("İ", "i").lower()


def words(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) for each word; an apostrophe ends a word ("Kadıköy'deyim" -> "Kadıköy")."""
    return [(m.group(0), m.start(), m.end()) for m in WORD.finditer(text)]


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The lemma of a lower-cased Turkish word form (the form itself when the dictionary does not know it)."""
    import simplemma

    w = lower(word)
    if not re.search(r"[a-zçğıöşü]", w):
        return w
    try:
        return lower(simplemma.lemmatize(w, lang="tr"))
    except (ValueError, KeyError):  # pragma: no cover - simplemma without its Turkish data
        return w


def content_lemmas(text: str) -> list[str]:
    """Lemmas of the content words of a text, without stop words."""
    out = []
    for w, s, _ in words(text):
        if s > 0 and text[s - 1] in "'’":
            continue  # a case suffix after an apostrophe: "Ankara'ya"
        lw = lower(w)
        if lw in STOP:
            continue
        lem = lemma(lw)
        if lem not in STOP and len(lem) > 1:
            out.append(lem)
    return out
