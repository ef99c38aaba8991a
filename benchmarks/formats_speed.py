"""How fast transcripts are read, per format: every call of a bench set, rendered in each format, parsed back.

usage: python benchmarks/formats_speed.py [CALLS_DIR] [--repeat N]

Prints calls/s per format (median of N runs), so that reading never becomes the bottleneck of a batch audit.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from audit.formats import load_transcript, parse_transcript, render_transcript
from audit.transcript import Transcript, Utterance

DEFAULT_CALLS = Path(__file__).resolve().parents[2] / "shared" / "bench" / "sgd-dev" / "calls"


def timed(t: Transcript) -> Transcript:
    """The call with made-up two-second turns, since subtitles need timestamps."""
    return t.model_copy(
        update={
            "utterances": [
                Utterance(speaker=u.speaker, text=u.text, start=2.0 * i, end=2.0 * i + 1.8)
                for i, u in enumerate(t.utterances)
            ]
        }
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("calls", nargs="?", type=Path, default=DEFAULT_CALLS)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    calls = [timed(load_transcript(p)) for p in sorted(args.calls.glob("*.json"))]
    print(f"{len(calls)} calls from {args.calls}")
    for fmt, ext in (("json", "json"), ("txt", "txt"), ("vtt", "vtt"), ("srt", "srt")):
        bodies = [(render_transcript(t, fmt), f"{t.call_id}.{ext}") for t in calls]
        rates = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            for body, where in bodies:
                parse_transcript(body, where=where)
            rates.append(len(bodies) / (time.perf_counter() - started))
        print(f"{fmt:>5}: {statistics.median(rates):8.0f} calls/s (median of {args.repeat})")


if __name__ == "__main__":
    main()
