"""Fit the engine's scorers for the multilingual encoder (Russian, Turkish, cross-language calls).

    python -m audit.training.multilingual ../shared/bench/sgd-train --limit 1500 \
        --extra audit/training/handwritten/ru-a:WEIGHT ...

The scorers read cosines, and each encoder has its own cosine scale, so scorers fitted on MiniLM features
do not carry over to the multilingual encoder. The multilingual encoder maps languages into one space, so
scorers fitted on English sgd-train calls embedded with it transfer to Russian and Turkish calls; the
hand-written Russian and Turkish calls (`--extra`) add native examples. English words, values and patterns are
used for the English training text, exactly as the English language reads it; example banks are empty, as
they are for Russian and Turkish (`no_example_banks`). Writes `audit/models/matching-multilingual.json`.

Embedding the training calls takes most of the time (about 15 minutes on two cores), so embeddings are kept
in `--cache` (default `~/.cache/callaudit/multilingual-train.npz`) and reused by the next run.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from audit.encoders.multilingual import multilingual_encoder, no_example_banks
from audit.languages.en import English
from audit.matching.model import WEIGHTS
from audit.training import train

OUT = WEIGHTS.with_name("matching-multilingual.json")
CACHE = Path.home() / ".cache" / "callaudit" / "multilingual-train.npz"


class EnglishOnMultilingualEncoder(English):
    """English text handling with the multilingual encoder and no example banks, for training only."""

    def encoder(self):
        return multilingual_encoder()

    def fast_encoder(self):
        return multilingual_encoder()

    def example_banks(self) -> tuple:
        return no_example_banks(self.encoder().dim)


def _load_cache(path: Path) -> int:
    if not path.exists():
        return 0
    data = np.load(path, allow_pickle=False)
    cache = multilingual_encoder()._cache
    cache.update(zip(data["texts"].tolist(), data["vecs"], strict=True))
    return len(cache)


def _save_cache(path: Path) -> None:
    cache = multilingual_encoder()._cache
    path.parent.mkdir(parents=True, exist_ok=True)
    texts = list(cache)
    np.savez(path, texts=np.array(texts), vecs=np.stack([cache[t] for t in texts]).astype(np.float32))


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    cache = CACHE
    if "--cache" in args:
        k = args.index("--cache")
        cache = Path(args[k + 1])
        del args[k : k + 2]
    print(f"{_load_cache(cache)} cached embeddings from {cache}", file=sys.stderr)
    lang = EnglishOnMultilingualEncoder()
    real = train.get_language
    # English calls through the multilingual encoder; Russian and Turkish ones as their languages read them
    train.get_language = lambda code: lang if code == "en" else real(code)
    try:
        return train.main(args, prog="python -m audit.training.multilingual", description=__doc__.splitlines()[0],
                          default_out=OUT, default_languages="en,ru,tr")
    finally:
        _save_cache(cache)


if __name__ == "__main__":
    sys.exit(main())
