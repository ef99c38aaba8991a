"""The engine's error vocabulary.

Every error a user can cause derives from :class:`AuditError`, so the CLI prints one line and the
service maps it to a 4xx in one exception handler. Messages name the file, line or field at fault.
"""

from __future__ import annotations


class AuditError(Exception):
    """Base of every error the engine raises on bad input or configuration."""


class TranscriptError(AuditError):
    """A transcript file or body could not be read; the message names the file and line or field."""


class ChecklistError(AuditError):
    """A checklist is invalid or cannot be found."""


class UnsupportedLanguageError(AuditError):
    """A call or checklist is in a language the engine has no support for."""


class SpeechError(AuditError):
    """A recording could not be decoded or transcribed."""


class ModelNotFoundError(AuditError):
    """A model could not be resolved offline or from the hub; the message says what was tried."""
