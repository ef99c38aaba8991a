"""Recordings stored under the data directory by content hash, never at a path built from user input.

Uploads stream into a temp file while being hashed and measured; the size limit is enforced as bytes
arrive, and a refused or failed upload leaves no file behind.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from app.core.config import Settings
from app.core.errors import PayloadTooLarge

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class TempUpload:
    """An upload spooled to disk: its path, SHA-256, size and first bytes (for sniffing)."""

    path: Path
    sha256: str
    size: int
    head: bytes

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


def too_large(settings: Settings) -> PayloadTooLarge:
    return PayloadTooLarge(
        f"upload exceeds the limit of {settings.max_upload_mb:g} MB (CALLAUDIT_MAX_UPLOAD_MB)"
    )


async def spool(upload, settings: Settings) -> TempUpload:  # noqa: ANN001 - starlette UploadFile
    """Copy an upload into the data dir's temp folder, hashing it; refuses it past the size limit."""
    settings.tmp_dir.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=settings.tmp_dir, prefix="upload-")
    path = Path(name)
    digest = hashlib.sha256()
    size = 0
    head = b""
    try:
        with os.fdopen(fd, "wb") as out:
            while chunk := await upload.read(CHUNK):
                size += len(chunk)
                if size > settings.max_upload_bytes:
                    raise too_large(settings)
                if len(head) < 64:
                    head += chunk[: 64 - len(head)]
                digest.update(chunk)
                out.write(chunk)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return TempUpload(path=path, sha256=digest.hexdigest(), size=size, head=head)


def blob_path(settings: Settings, sha256: str) -> Path:
    """Where a recording with this hash lives: blobs/ab/cd/abcd... (the hash is validated hex)."""
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
    return settings.blob_dir / sha256[:2] / sha256[2:4] / sha256


def keep(upload: TempUpload, settings: Settings) -> Path:
    """Move a spooled upload to its content-addressed place (a duplicate upload is dropped)."""
    target = blob_path(settings, upload.sha256)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        upload.discard()
    else:
        os.replace(upload.path, target)
    return target


def delete(settings: Settings, sha256: str) -> None:
    """Remove a recording (the caller checks no other call references it)."""
    blob_path(settings, sha256).unlink(missing_ok=True)


def store_file(path: Path, settings: Settings) -> TempUpload:
    """Hash a file written in the temp dir and move it to its content-addressed place."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        head = f.read(64)
        digest.update(head)
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    upload = TempUpload(path=path, sha256=digest.hexdigest(), size=path.stat().st_size, head=head)
    keep(upload, settings)
    return upload
