"""Reader for CTranslate2's `model.bin` layout (binary version 6).

The layout is documented by CTranslate2's own writer (`ModelSpec._serialize`): a header, then each
variable as name, rank, dims, dtype id, byte count and raw bytes, then aliases. Reading it ourselves lets
us check a joined file is whole before CTranslate2 sees it, and rename tensors into an openai-whisper
checkpoint without the `transformers` stack.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np

# dtype ids in the order CTranslate2 assigns them (`_dtype_to_type_id`)
_DTYPES: tuple[str, ...] = ("float32", "int8", "int16", "int32", "float16", "bfloat16")


class Ct2FormatError(ValueError):
    """The file is not a complete CTranslate2 model.bin."""


@dataclass(frozen=True)
class Ct2Variable:
    name: str  # e.g. "encoder/layer_0/self_attention/linear_0/weight"
    shape: tuple[int, ...]  # dimensions; () for scalars
    dtype: str  # one of _DTYPES
    offset: int  # byte offset of the data in the file
    nbytes: int  # size of the data


@dataclass(frozen=True)
class Ct2Index:
    spec: str  # model spec name, "WhisperSpec" for Whisper
    revision: int  # spec revision
    variables: dict[str, Ct2Variable]  # by name
    aliases: dict[str, str]  # alias name -> variable name
    size: int  # bytes the layout accounts for (equals the file size when whole)


def _read(f: BinaryIO, fmt: str) -> int:
    size = struct.calcsize(fmt)
    raw = f.read(size)
    if len(raw) != size:
        raise Ct2FormatError("file ends inside a header")
    return struct.unpack(fmt, raw)[0]


def _string(f: BinaryIO) -> str:
    n = _read(f, "H")
    raw = f.read(n)
    if len(raw) != n or not raw.endswith(b"\0"):
        raise Ct2FormatError("file ends inside a name")
    return raw[:-1].decode("utf-8")


def read_index(path: Path) -> Ct2Index:
    """Walk the headers (seeking over data); check that the layout ends exactly at the end of the file."""
    file_size = path.stat().st_size
    with path.open("rb") as f:
        version = _read(f, "I")
        if version != 6:
            raise Ct2FormatError(f"unsupported model.bin binary version {version} (expected 6)")
        spec = _string(f)
        revision = _read(f, "I")
        variables: dict[str, Ct2Variable] = {}
        for _ in range(_read(f, "I")):
            name = _string(f)
            shape = tuple(_read(f, "I") for _ in range(_read(f, "B")))
            dtype_id = _read(f, "B")
            if dtype_id >= len(_DTYPES):
                raise Ct2FormatError(f"variable {name}: unknown dtype id {dtype_id}")
            nbytes = _read(f, "I")
            offset = f.tell()
            if offset + nbytes > file_size:
                raise Ct2FormatError(f"file ends inside variable {name} ({file_size} bytes)")
            f.seek(nbytes, 1)
            variables[name] = Ct2Variable(name, shape, _DTYPES[dtype_id], offset, nbytes)
        aliases = {}
        for _ in range(_read(f, "I")):
            alias = _string(f)
            aliases[alias] = _string(f)
        end = f.tell()
    if end != file_size:
        raise Ct2FormatError(f"{file_size - end} unexpected bytes after the model's last entry")
    return Ct2Index(spec, revision, variables, aliases, end)


def load_array(path: Path, var: Ct2Variable) -> np.ndarray:
    """One variable's values as a numpy array (bfloat16 is widened to float32)."""
    with path.open("rb") as f:
        f.seek(var.offset)
        raw = f.read(var.nbytes)
    if var.dtype == "bfloat16":
        wide = np.frombuffer(raw, dtype=np.uint16).astype(np.uint32) << 16
        return wide.view(np.float32).reshape(var.shape)
    return np.frombuffer(raw, dtype=np.dtype(var.dtype)).reshape(var.shape).copy()
