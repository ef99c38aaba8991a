"""Recordings in, 16 kHz float32 channels out, a bounded window at a time.

Decoding goes through PyAV (FFmpeg's libraries, shipped with faster-whisper), so WAV (PCM, mu-law, A-law),
MP3, FLAC, OGG/Opus and M4A/AAC at any sample rate all take the same path. A long recording is yielded in
windows cut at the quietest moment near each window's end, so a one-hour call never sits in memory whole
and no word is cut in half. Every way a file can be bad surfaces as :class:`SpeechError`.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from audit.errors import SpeechError
from audit.formats.audio import sniff_audio

SAMPLE_RATE = 16_000  # Hz; what Whisper and the VAD expect
_FRAME = 800  # samples (50 ms) per energy frame when choosing where to cut a window


def is_audio(data: str | Path | bytes) -> bool:
    """Whether a file (or its first bytes) is a recording, judged by content, never by name."""
    if isinstance(data, (str, Path)):
        try:
            with open(data, "rb") as f:
                head = f.read(16)
        except OSError:
            return False
    else:
        head = bytes(data[:16])
    return sniff_audio(head) is not None


def _wav_truncation(path: Path) -> str | None:
    """RIFF/WAVE: the data chunk's declared size against the bytes present (FFmpeg trusts the file size)."""
    size = path.stat().st_size
    with path.open("rb") as f:
        head = f.read(12)
        if head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            return None
        while True:
            chunk = f.read(8)
            if len(chunk) < 8:
                return None
            cid, length = chunk[:4], struct.unpack("<I", chunk[4:])[0]
            if cid == b"data":
                if length in (0, 0xFFFFFFFF):  # streaming writers leave the size open
                    return None
                missing = f.tell() + length - size
                return f"{missing} bytes of audio data missing" if missing > 0 else None
            f.seek(length + (length & 1), 1)


@dataclass(frozen=True)
class AudioInfo:
    """What the container says about a recording, before decoding it."""

    path: Path
    container: str  # FFmpeg demuxer name, e.g. "wav", "mp3", "mov,mp4,m4a,3gp,3g2,mj2"
    codec: str  # e.g. "pcm_s16le", "pcm_mulaw", "opus", "aac"
    channels: int  # as stored; more than two are mixed down to two
    sample_rate: int  # as stored, Hz
    duration: float | None  # seconds declared by the header, None when unknown


def _av():
    import av

    return av


def probe(path: Path, *, max_seconds: float | None = None) -> AudioInfo:
    """Open a recording and check it can be decoded, without decoding it."""
    av = _av()
    if not path.is_file():
        raise SpeechError(f"{path}: no such file")
    if path.stat().st_size == 0:
        raise SpeechError(f"{path}: empty file")
    if not is_audio(path):
        raise SpeechError(f"{path}: not an audio recording (unrecognised content)")
    try:
        with av.open(str(path)) as container:
            if not container.streams.audio:
                raise SpeechError(f"{path}: the file has no audio stream")
            stream = container.streams.audio[0]
            codec = stream.codec_context
            if codec is None or not codec.name:
                raise SpeechError(f"{path}: unsupported audio codec")
            duration = None
            if stream.duration is not None and stream.time_base is not None:
                duration = float(stream.duration * stream.time_base)
            elif container.duration is not None:
                duration = container.duration / 1_000_000
            info = AudioInfo(
                path, container.format.name, codec.name, codec.channels or 0, codec.sample_rate or 0, duration
            )
    except SpeechError:
        raise
    except av.error.DecoderNotFoundError as e:
        raise SpeechError(f"{path}: unsupported audio codec ({e})") from e
    except (av.error.FFmpegError, UnicodeDecodeError, ValueError) as e:
        raise SpeechError(f"{path}: cannot read the recording ({e})") from e
    if (missing := _wav_truncation(path)) is not None:
        raise SpeechError(f"{path}: truncated recording ({missing})")
    if info.channels < 1 or info.sample_rate < 1:
        raise SpeechError(f"{path}: the audio stream declares no channels or sample rate")
    if max_seconds is not None and info.duration is not None and info.duration > max_seconds:
        raise SpeechError(f"{path}: {info.duration:.0f} s long, over the {max_seconds:.0f} s limit")
    return info


@dataclass(frozen=True)
class Window:
    """A slice of the recording: `samples[c]` is channel c at 16 kHz, starting `offset` seconds in."""

    offset: float
    samples: np.ndarray  # float32, shape (channels, n)

    @property
    def seconds(self) -> float:
        return self.samples.shape[1] / SAMPLE_RATE


def _decoded(info: AudioInfo, layout: str) -> Iterator[np.ndarray]:
    """Resampled planar float32 blocks, shape (channels, n)."""
    av = _av()
    resampler = av.AudioResampler(format="fltp", layout=layout, rate=SAMPLE_RATE)
    with av.open(str(info.path)) as container:
        for frame in container.decode(audio=0):
            frame.pts = None
            for out in resampler.resample(frame):
                yield out.to_ndarray()
        for out in resampler.resample(None):
            yield out.to_ndarray()


def _quiet_cut(buf: np.ndarray, lo: int, hi: int) -> int:
    """Sample index in [lo, hi) at the centre of the quietest 50 ms frame (summed over channels)."""
    region = buf[:, lo:hi]
    n = region.shape[1] // _FRAME
    if n == 0:
        return hi
    energy = np.square(region[:, : n * _FRAME]).reshape(region.shape[0], n, _FRAME).sum(axis=(0, 2))
    return lo + int(np.argmin(energy)) * _FRAME + _FRAME // 2


def windows(
    info: AudioInfo,
    *,
    window_seconds: float = 600.0,
    search_seconds: float = 20.0,
    max_seconds: float | None = None,
    stereo: bool = True,
) -> Iterator[Window]:
    """Decode the recording into windows of at most `window_seconds`, cut where it is quietest.

    Raises SpeechError for decoding failures, for a recording longer than `max_seconds`, for one with no
    samples, and for one that ends well before its header says it should (a truncated file).
    """
    av = _av()
    layout = "stereo" if stereo and info.channels >= 2 else "mono"
    limit = int(window_seconds * SAMPLE_RATE)
    search = min(int(search_seconds * SAMPLE_RATE), limit // 2)
    blocks: list[np.ndarray] = []
    buffered = 0
    offset = 0  # samples already yielded
    try:
        for block in _decoded(info, layout):
            blocks.append(block)
            buffered += block.shape[1]
            if max_seconds is not None and (offset + buffered) / SAMPLE_RATE > max_seconds:
                raise SpeechError(f"{info.path}: longer than the {max_seconds:.0f} s limit")
            while buffered >= limit:
                buf = np.concatenate(blocks, axis=1)
                cut = _quiet_cut(buf, limit - search, limit)
                yield Window(offset / SAMPLE_RATE, np.ascontiguousarray(buf[:, :cut]))
                offset += cut
                blocks, buffered = [buf[:, cut:]], buf.shape[1] - cut
    except av.error.FFmpegError as e:
        raise SpeechError(f"{info.path}: the recording is corrupt or truncated ({e})") from e
    total = offset + buffered
    if total == 0:
        raise SpeechError(f"{info.path}: the recording has no audio samples")
    if info.duration is not None and total / SAMPLE_RATE < 0.95 * info.duration - 0.5:
        raise SpeechError(
            f"{info.path}: truncated: {total / SAMPLE_RATE:.1f} s of audio where the header declares "
            f"{info.duration:.1f} s"
        )
    if buffered:
        yield Window(offset / SAMPLE_RATE, np.ascontiguousarray(np.concatenate(blocks, axis=1)))
