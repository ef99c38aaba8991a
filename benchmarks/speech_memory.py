"""Peak memory while decoding a one-hour stereo recording: it must stay bounded by the window, not the call.

    python benchmarks/speech_memory.py [--minutes 60] [--window 600] [--transcribe MODEL]

Builds the long call by repeating the 5-minute benchmark call (benchmarks/speech_rtf.py makes it) with sox,
then decodes it window by window in this process and prints peak RSS. With `--transcribe`, runs the
whole pipeline too (slow: the full hour is recognised).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _rss_mb() -> float:
    return int(Path("/proc/self/status").read_text().split("VmRSS:")[1].split()[0]) / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=int, default=60)
    ap.add_argument("--window", type=float, default=600.0, help="seconds decoded at once")
    ap.add_argument("--transcribe", metavar="MODEL", help="also transcribe it with this model")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/callaudit-speech-bench"))
    args = ap.parse_args()

    five = args.workdir / "call_5min.wav"
    if not five.exists():
        raise SystemExit(f"{five} missing: run benchmarks/speech_rtf.py first")
    long = args.workdir / f"call_{args.minutes}min.wav"
    if not long.exists():
        subprocess.run(["sox", *[str(five)] * max(1, args.minutes // 5), str(long)], check=True)

    from audit.speech.audio import probe, windows

    base = _rss_mb()
    info = probe(long)
    t0 = time.perf_counter()
    total = 0
    for w in windows(info, window_seconds=args.window):
        total += w.samples.shape[1]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"decoded {info.duration / 60:.1f} min ({total} samples/channel) "
        f"in {time.perf_counter() - t0:.1f} s; "
        f"RSS before {base:.0f} MB, peak {peak:.0f} MB (window {args.window:.0f} s)"
    )
    if args.transcribe:
        from audit.speech import DecodeOptions, PipelineOptions, load_recognizer, transcribe_with

        rec = load_recognizer(
            "faster-whisper", args.transcribe, options=DecodeOptions(), cpu_threads=1, num_workers=2
        )
        t0 = time.perf_counter()
        transcript = transcribe_with(rec, long, PipelineOptions(language="en", window_seconds=args.window))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"transcribed: {len(transcript.utterances)} utterances in {time.perf_counter() - t0:.0f} s; "
            f"peak RSS {peak:.0f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
