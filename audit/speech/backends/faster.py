"""faster-whisper (CTranslate2) recognizer: the default backend.

int8 on CPU, float16 on CUDA. With `batch_size` > 0 it uses faster-whisper's batched pipeline, which cuts
the speech found by Silero VAD into chunks of up to 30 s and decodes several at once; that, greedy decoding
and skipped silence are where the CPU speed comes from (figures in the README, Speech).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from audit.speech.asr import DecodeOptions, Segment, Word
from audit.speech.audio import SAMPLE_RATE

_TRANSLATE_PIECE = 28.0  # seconds; Whisper sees at most 30 s at a time


def _device() -> str:
    try:
        import ctranslate2

        return "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
    except (ImportError, RuntimeError):
        return "cpu"


class FasterWhisperRecognizer:
    """A CTranslate2 Whisper model folder, loaded once, safe to call from several threads."""

    def __init__(
        self,
        model_dir: Path,
        *,
        name: str,
        options: DecodeOptions,
        device: str | None = None,
        compute_type: str | None = None,
        cpu_threads: int = 0,
        num_workers: int = 1,
    ) -> None:
        from faster_whisper import WhisperModel

        self.device = device or _device()
        self.compute_type = compute_type or ("float16" if self.device == "cuda" else "int8")
        self.model = WhisperModel(
            str(model_dir),
            device=self.device,
            compute_type=self.compute_type,
            cpu_threads=cpu_threads,
            num_workers=num_workers,
            local_files_only=True,
        )
        self.backend = "faster-whisper"
        self.name = name
        self.options = options
        self.multilingual = bool(self.model.model.is_multilingual)

    def detect_language(self, audio: np.ndarray) -> tuple[str, float]:
        language, probability, _ = self.model.detect_language(audio, vad_filter=self.options.vad)
        return language, float(probability)

    def _common(self, language: str, task: str) -> dict:
        return {
            "language": language,
            "task": task,
            "beam_size": self.options.beam_size,
            "condition_on_previous_text": False,
            "temperature": 0.0,
        }

    def transcribe(self, audio: np.ndarray, *, language: str, prompt: str | None = None) -> list[Segment]:
        kwargs = self._common(language, "transcribe") | {"word_timestamps": True, "initial_prompt": prompt}
        if self.options.batch_size > 0 and self.options.vad:  # the batched pipeline cuts at VAD spans
            from faster_whisper import BatchedInferencePipeline

            # one pipeline per call: it keeps per-call state, and the two channels are decoded at once
            segments, _ = BatchedInferencePipeline(self.model).transcribe(
                audio,
                batch_size=self.options.batch_size,
                vad_filter=self.options.vad,
                vad_parameters={"min_silence_duration_ms": 160, "speech_pad_ms": self.options.vad_pad_ms},
                without_timestamps=True,
                **kwargs,
            )
        else:
            segments, _ = self.model.transcribe(
                audio,
                vad_filter=self.options.vad,
                vad_parameters={"speech_pad_ms": self.options.vad_pad_ms},
                **kwargs,
            )
        out = []
        for s in segments:
            words = tuple(Word(w.start, w.end, w.word, w.probability) for w in s.words or ())
            if s.text.strip():
                out.append(Segment(s.start, s.end, s.text.strip(), words))
        return out

    def translate(self, clips: list[np.ndarray], *, language: str) -> list[str]:
        texts = []
        for clip in clips:
            parts = []
            step = int(_TRANSLATE_PIECE * SAMPLE_RATE)
            for lo in range(0, max(len(clip), 1), step):
                segments, _ = self.model.transcribe(
                    clip[lo : lo + step],
                    vad_filter=False,
                    without_timestamps=True,
                    **self._common(language, "translate"),
                )
                parts.extend(s.text.strip() for s in segments)
            texts.append(" ".join(p for p in parts if p))
        return texts
