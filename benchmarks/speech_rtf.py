"""Speech benchmark: real-time factor, peak memory and WER for a spoken stereo call.

    python benchmarks/speech_rtf.py [--minutes 5] [--threads 2] [--models tiny.en base] [--out table.md]

Speaks a call of about `--minutes` with espeak-ng (two voices, agent left, customer right), then runs each
configuration (model x beam x batching x channels in parallel) in a fresh process so peak memory is its
own. RTF = seconds of processing per second of audio, model load excluded (reported apart). WER is
against the script that was spoken. Needs espeak-ng, sox and ffmpeg.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.speech import synth  # noqa: E402
from tests.speech.wer import wer  # noqa: E402

SCRIPT = [
    ("agent", "Thank you for calling roadside assistance, my name is Dana. How can I help you today?"),
    ("customer", "Hi, my car broke down on the highway and I need some help."),
    ("agent", "I am sorry to hear that. What is the year, make and model of your vehicle?"),
    ("customer", "It is a 2018 Honda Civic, dark blue."),
    ("agent", "Where is your vehicle right now?"),
    ("customer", "I am on the shoulder of the interstate, just past exit 42, going north."),
    ("agent", "Are you in a safe place, away from traffic?"),
    ("customer", "Yes, I am standing behind the guard rail with my kids."),
    ("agent", "What happened to the vehicle? Did it stop suddenly?"),
    ("customer", "The engine started making a loud noise and then it just died. It will not start again."),
    ("agent", "Does it need to be towed, or do you think a jump start would help?"),
    ("customer", "I really do not know. The lights still work, so maybe it is not the battery."),
    ("agent", "Can I have your membership number, please?"),
    ("customer", "Sure, it is 457 229 81."),
    ("agent", "And a phone number where the driver can reach you?"),
    ("customer", "You can call me on this number, the one I am calling from."),
    (
        "agent",
        "I will send a tow truck to take the car to the nearest dealer. It should arrive within an hour.",
    ),
    ("customer", "Thank you so much, that is a relief."),
]


def make_call(path: Path, minutes: float) -> tuple[list[tuple[str, str]], float]:
    turns: list[tuple[str, str]] = []
    spans: list[tuple[float, float]] = []
    while not spans or spans[-1][1] < minutes * 60:
        turns += SCRIPT
        left, right, spans = synth.render(turns)
    synth.write_wav(path, [left, right])
    return turns, len(left) / synth.RATE


def _cpu() -> float:
    """CPU seconds of this process, all threads: unlike wall time, not inflated by other load."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_one(
    audio: Path,
    reference: str,
    model: str,
    beam: int,
    batch: int,
    parallel: bool,
    threads: int,
    device: str | None,
    pad: str = "400",
) -> dict:
    from audit.speech import DecodeOptions, PipelineOptions, load_recognizer, transcribe_with

    t0 = time.perf_counter()
    workers = 2 if parallel else 1
    rec = load_recognizer(
        "faster-whisper",
        model,
        options=DecodeOptions(
            beam_size=beam, batch_size=batch, vad=pad != "off", vad_pad_ms=int(pad) if pad != "off" else 0
        ),
        device=device,
        cpu_threads=max(1, threads // workers),
        num_workers=workers,
    )
    load = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), _cpu()
    transcript = transcribe_with(rec, audio, PipelineOptions(language="en", parallel_channels=parallel))
    wall, cpu = time.perf_counter() - t0, _cpu() - c0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    hyp = " ".join(u.text for u in transcript.utterances)
    return {
        "load_s": round(load, 2),
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "peak_mb": round(peak_mb),
        "wer": round(wer(reference, hyp), 4),
        "utterances": len(transcript.utterances),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=5.0)
    ap.add_argument("--threads", type=int, default=2, help="CPU cores to use in all")
    ap.add_argument("--models", nargs="+", default=["tiny.en", "base"])
    ap.add_argument("--beams", nargs="+", type=int, default=[1, 5])
    ap.add_argument("--batches", nargs="+", type=int, default=[0, 8])
    ap.add_argument("--pads", nargs="+", default=["200"], help="VAD padding in ms, or off (no VAD)")
    ap.add_argument("--parallel", nargs="+", choices=("yes", "no"), default=["no"])
    ap.add_argument("--device", default=None, help="cpu or cuda (default: cuda when present)")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/callaudit-speech-bench"))
    ap.add_argument("--out", type=Path, help="also write the markdown table here")
    ap.add_argument("--one", help=argparse.SUPPRESS)  # child mode: JSON config
    args = ap.parse_args()

    args.workdir.mkdir(parents=True, exist_ok=True)
    audio = args.workdir / f"call_{args.minutes:g}min.wav"
    script = args.workdir / f"call_{args.minutes:g}min.json"
    if args.one:
        cfg = json.loads(args.one)
        reference = " ".join(t for _, t in json.loads(script.read_text()))
        print(json.dumps(run_one(audio, reference, **cfg)))
        return 0
    if not audio.exists():
        turns, _ = make_call(audio, args.minutes)
        script.write_text(json.dumps(turns))
    from audit.speech.audio import probe

    seconds = probe(audio).duration or 0.0
    rows = []
    for model, beam, batch, pad, par in itertools.product(
        args.models, args.beams, args.batches, args.pads, args.parallel
    ):
        cfg = {
            "model": model,
            "beam": beam,
            "batch": batch,
            "parallel": par == "yes",
            "pad": pad,
            "threads": args.threads,
            "device": args.device,
        }
        cmd = [
            sys.executable,
            __file__,
            "--minutes",
            str(args.minutes),
            "--workdir",
            str(args.workdir),
            "--one",
            json.dumps(cfg),
        ]
        done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        if done.returncode != 0:
            print(f"{cfg}: failed\n{done.stderr[-2000:]}", file=sys.stderr)
            continue
        res = json.loads(done.stdout.strip().splitlines()[-1])
        row = {
            **cfg,
            **res,
            "rtf": round(res["wall_s"] / seconds, 4),
            "cpu_rtf": round(res["cpu_s"] / seconds / args.threads, 4),
        }
        rows.append(row)
        print(json.dumps(row), file=sys.stderr, flush=True)
    table = _table(rows, seconds, args.threads)
    print(table)
    if args.out:
        args.out.write_text(table, encoding="utf-8")
    return 0


def _pad(row: dict) -> str:
    pad = str(row.get("pad", "400"))
    return "no VAD" if pad == "off" else f"{pad} ms"


def _table(rows: list[dict], seconds: float, threads: int) -> str:
    lines = [
        f"Stereo espeak call, {seconds:.0f} s, faster-whisper, {threads} threads, language given.",
        "",
        "RTF = wall seconds per audio second; CPU RTF = CPU seconds per audio second / threads (what the run",
        "costs on idle cores). Model load excluded.",
        "",
        "| model | beam | batch | VAD pad | channels | device | RTF | CPU RTF | wall s | CPU s | load s "
        "| peak MB | WER |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        channels = "parallel" if r["parallel"] else "serial"
        lines.append(
            f"| {r['model']} | {r['beam']} | {r['batch'] or 'off'} | {_pad(r)} | {channels} "
            f"| {r['device'] or 'auto'} | {r['rtf']:.3f} | {r['cpu_rtf']:.3f} | {r['wall_s']:.1f} "
            f"| {r['cpu_s']:.1f} | {r['load_s']:.1f} "
            f"| {r['peak_mb']} | {100 * r['wer']:.1f}% |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
