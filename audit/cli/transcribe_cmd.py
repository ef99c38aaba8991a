"""`callaudit transcribe FILE`: a call recording to a speaker-attributed transcript (JSON, WebVTT, SRT, text).

The model cache folder is decided here, at the edge: `--model-dir`, else `$CALLAUDIT_MODEL_DIR`, else
`~/.cache/callaudit/models`.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from audit.errors import AuditError

MODEL_DIR_ENV = "CALLAUDIT_MODEL_DIR"


def add_parser(sub: argparse._SubParsersAction) -> None:
    from audit.formats.writers import WRITE_FORMATS
    from audit.speech import BACKENDS, DEFAULT_MAX_SECONDS, DEFAULT_MODEL

    p = sub.add_parser(
        "transcribe",
        help="transcribe a call recording into a speaker-attributed transcript",
        description="Transcribe a call recording with local Whisper. A dual-channel (stereo) recording gives "
        "each channel one speaker; a mono recording's two voices are separated and their roles inferred "
        "(marked as such in the transcript's metadata).",
    )
    p.add_argument("file", metavar="FILE", help="recording: WAV, MP3, FLAC, OGG/Opus, M4A/AAC")
    p.add_argument("--format", choices=WRITE_FORMATS, default="json", help="output format (default json)")
    p.add_argument(
        "--model", default=DEFAULT_MODEL, help=f"Whisper model name or path (default {DEFAULT_MODEL})"
    )
    p.add_argument("--asr", choices=BACKENDS, default=BACKENDS[0], help="recognizer (default faster-whisper)")
    p.add_argument("--language", metavar="CODE", help="force the language (default: detect)")
    p.add_argument("--translate", action="store_true", help="add Whisper's English translation per utterance")
    p.add_argument(
        "--channels",
        choices=("agent,customer", "customer,agent"),
        default="agent,customer",
        help="roles of the left,right channels of a stereo call (default agent,customer)",
    )
    p.add_argument(
        "--first-speaker",
        choices=("agent", "customer"),
        help="mono calls: the role of the first voice heard (default: inferred)",
    )
    p.add_argument(
        "--checklist",
        metavar="PATH|ID",
        help="prime recognition with this checklist's questions (its vocabulary: 'towed', 'membership')",
    )
    p.add_argument("--beam-size", type=int, default=1, help="1 = greedy (default); 5 = Whisper's beam search")
    p.add_argument(
        "--max-seconds",
        type=float,
        default=DEFAULT_MAX_SECONDS,
        help="refuse longer recordings (default 4 h)",
    )
    p.add_argument(
        "--model-dir", metavar="DIR", help=f"model cache (default ${MODEL_DIR_ENV} or ~/.cache/...)"
    )
    p.add_argument("--download", action="store_true", help="allow a model missing offline to be downloaded")
    p.add_argument("--call-id", help="call id (default: the file name without extension)")
    p.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    p.set_defaults(func=run)


def _write_atomic(path: Path, text: str) -> None:
    """Write the whole file or nothing: a failed run leaves no partial transcript behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def run(args: argparse.Namespace) -> int:
    from audit.formats.writers import render_transcript
    from audit.speech import DecodeOptions, transcribe_file

    if args.beam_size < 1:
        raise AuditError(f"--beam-size must be at least 1, got {args.beam_size}")
    channels = tuple(args.channels.split(","))
    prompt = None
    if args.checklist:
        from audit.library import resolve_checklist
        from audit.speech import checklist_prompt

        prompt = checklist_prompt(resolve_checklist(args.checklist))
    roles = None
    if args.first_speaker:
        roles = (args.first_speaker, "customer" if args.first_speaker == "agent" else "agent")
    transcript = transcribe_file(
        args.file,
        model=args.model,
        asr=args.asr,
        language=args.language,
        translate=args.translate,
        channel_roles=channels,
        roles=roles,
        max_seconds=args.max_seconds,
        call_id=args.call_id,
        cache_dir=args.model_dir or os.environ.get(MODEL_DIR_ENV) or None,
        allow_download=args.download,
        decode=DecodeOptions(beam_size=args.beam_size),
        prompt=prompt,
    )
    text = render_transcript(transcript, args.format)
    if args.out:
        _write_atomic(Path(args.out), text)
    else:
        sys.stdout.write(text)
    return 0
