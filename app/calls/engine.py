"""One audit engine per process, built on first use (model loading is the slow part) and shared by threads."""

from __future__ import annotations

import threading

from audit.engine import AuditEngine

_engine: AuditEngine | None = None
_lock = threading.Lock()


def get_engine(report_language: str = "en") -> AuditEngine:
    global _engine
    with _lock:
        if _engine is None:
            _engine = AuditEngine(report_language=report_language)
        return _engine
