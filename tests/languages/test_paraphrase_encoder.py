"""The English paraphrase reader: the packaged MiniLM exported to int8 ONNX, against the transformer itself."""

from __future__ import annotations

import numpy as np
import pytest

from audit.encoders.minilm import MiniLMEncoder
from audit.encoders.minilm_onnx import OnnxMiniLMEncoder, build, model_file
from audit.errors import ModelNotFoundError

TEXTS = [
    "And roughly what's it got on the odometer?",
    "What is the current mileage on the vehicle?",
    "Can I get the name on the order?",
    "Do you have a shop you'd like to use?",
    "",
]


@pytest.fixture(scope="module")
def onnx() -> OnnxMiniLMEncoder:
    return OnnxMiniLMEncoder()


def test_when_encoding_then_unit_vectors_in_input_order(onnx: OnnxMiniLMEncoder) -> None:
    v = onnx.encode(TEXTS)
    assert v.shape == (len(TEXTS), onnx.dim) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v[:-1], axis=1), 1.0, atol=1e-4)
    assert onnx.encode([]).shape == (0, onnx.dim)
    # a text's vector is the same whatever comes with it (int8 activations are scaled per input)
    assert np.array_equal(onnx.encode(TEXTS[::-1])[::-1], v)
    assert np.array_equal(onnx.encode(TEXTS[1:2])[0], v[1])


def test_when_compared_with_the_transformer_then_vectors_nearly_equal(onnx: OnnxMiniLMEncoder) -> None:
    reference = MiniLMEncoder().encode(TEXTS[:-1])
    agreement = (onnx.encode(TEXTS[:-1]) * reference).sum(axis=1)
    assert agreement.min() > 0.95


def test_when_a_question_is_paraphrased_then_it_reads_closest_to_its_item(onnx: OnnxMiniLMEncoder) -> None:
    v = onnx.encode(TEXTS[:4])
    sims = v[0] @ v[1:].T
    assert int(np.argmax(sims)) == 0 and sims[0] > 0.45


def test_when_built_again_then_the_file_is_whole_and_loads(tmp_path) -> None:
    target = build(tmp_path / "m.onnx")
    assert target.stat().st_size == model_file().stat().st_size
    assert not [p for p in tmp_path.iterdir() if p != target]  # no temporary files left behind
    assert np.allclose(OnnxMiniLMEncoder(target).encode(TEXTS[:2]), OnnxMiniLMEncoder().encode(TEXTS[:2]), atol=1e-4)


def test_when_the_cache_folder_cannot_be_written_then_the_error_says_how_to_fix_it(tmp_path, monkeypatch) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv("CALLAUDIT_MODEL_CACHE", str(blocked / "cache"))
    with pytest.raises(ModelNotFoundError, match="CALLAUDIT_MODEL_CACHE"):
        model_file()
