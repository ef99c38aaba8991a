"""Measure the multilingual sentence encoders on the hand-made Russian/Turkish trial in data/.

    python benchmarks/languages_encoders.py [--encoders use,e5,blend]

For each encoder: top-1 accuracy and median margin (right item's cosine minus the best wrong one) for agent
asks -> checklist items, customer answers -> items, caller sentences -> call reasons, each within Russian
and Turkish and across languages (Russian/Turkish text against the English checklist); then load time and
sentences per second. This is what chose the default encoder in `audit/encoders/multilingual.py`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from audit.encoders.multilingual import ENCODERS  # noqa: E402

TRIAL = Path(__file__).resolve().parent / "data" / "languages_trial.yaml"


def _score(enc, queries: list[list[str]], keys: dict[str, str]) -> tuple[int, int, float]:
    ids = list(keys)
    q = enc.encode([text for _, text in queries])
    k = enc.encode(list(keys.values()))
    sims = q @ k.T
    right, margins = 0, []
    for row, (label, _) in zip(sims, queries, strict=True):
        j = ids.index(label)
        right += int(np.argmax(row) == j)
        margins.append(float(row[j] - np.max(np.delete(row, j))))
    return right, len(queries), statistics.median(margins)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--encoders", default="use,e5,blend")
    args = ap.parse_args()
    trial = yaml.safe_load(TRIAL.read_text(encoding="utf-8"))
    texts = [t for lang in ("ru", "tr") for _, t in trial[lang]["asks"] + trial[lang]["answers"]]
    print(
        "| encoder | lang | asks->items | answers->items | reasons | asks->English items | reasons->English |"
    )
    print("|---|---|---|---|---|---|---|")
    speed = {}
    for name in args.encoders.split(","):
        t0 = time.perf_counter()
        enc = ENCODERS[name]()
        enc.encode(["warm up"])
        load = time.perf_counter() - t0
        for lang in ("ru", "tr"):
            d = trial[lang]
            cells = [
                _score(enc, d["asks"], d["items"]),
                _score(enc, d["answers"], d["items"]),
                _score(enc, d["reason_says"], d["reasons"]),
                _score(enc, d["asks"], trial["en_items"]),
                _score(enc, d["reason_says"], trial["en_reasons"]),
            ]
            row = " | ".join(f"{r}/{n} (margin {m:+.3f})" for r, n, m in cells)
            print(f"| {name} | {lang} | {row} |")
        t0 = time.perf_counter()
        enc.encode(texts * 4)
        speed[name] = (load, len(texts) * 4 / (time.perf_counter() - t0))
    print()
    for name, (load, sps) in speed.items():
        print(f"{name}: load {load:.2f} s, {sps:.0f} sentences/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
