"""Fit the engine's scorers for the multilingual encoder (Russian, Turkish, cross-language calls).

    python -m audit.training.multilingual ../shared/bench/sgd-train --limit 1500

The scorers read cosines, and each encoder has its own cosine scale, so scorers fitted on MiniLM features
do not carry over to the multilingual encoder. No annotated Russian or Turkish calls exist to train on, but
the multilingual encoder maps languages into one space: scorers fitted on English sgd-train calls embedded
with it transfer to Russian and Turkish calls embedded with it. English words, values and patterns are
used for the English training text, exactly as the English language reads it. Writes
`audit/models/matching-multilingual.json`.
"""

from __future__ import annotations

import sys

from audit.encoders.multilingual import multilingual_encoder
from audit.languages.en import English
from audit.matching.model import WEIGHTS
from audit.training import train

OUT = WEIGHTS.with_name("matching-multilingual.json")


class EnglishOnMultilingualEncoder(English):
    """English text handling with the multilingual encoder, for training only."""

    def encoder(self):
        return multilingual_encoder()


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if "--out" not in args:
        args += ["--out", str(OUT)]
    lang = EnglishOnMultilingualEncoder()
    train.get_language = lambda code: lang  # the trainer asks for "en"; give it English on this encoder
    return train.main(args)


if __name__ == "__main__":
    sys.exit(main())
