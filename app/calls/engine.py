"""One audit engine per process, built on first use (model loading is the slow part) and shared by threads.

Audits in one process run one at a time: the encoders' tokenizers are not safe to call from several threads
at once, and a call's audit already uses every core through torch. Scale out with more processes (Celery
workers) instead.
"""

from __future__ import annotations

import threading

from audit.checklist import Checklist
from audit.engine import AuditEngine
from audit.report import Report
from audit.transcript import Transcript

_engine: AuditEngine | None = None
_build_lock = threading.Lock()
_audit_lock = threading.Lock()


def get_engine(report_language: str = "en") -> AuditEngine:
    global _engine
    with _build_lock:
        if _engine is None:
            _engine = AuditEngine(report_language=report_language)
        return _engine


def audit(transcript: Transcript, checklist: Checklist, *, report_language: str = "en") -> Report:
    """Audit one call with the process's engine, one audit at a time."""
    engine = get_engine(report_language)
    with _audit_lock:
        return engine.audit(transcript, checklist)


def warm_up(*, with_engine: bool = True) -> None:
    """Load what the first job or read would otherwise wait for (run in a background thread at start)."""
    from app.privacy.redactor import get_redactor

    get_redactor()
    if not with_engine:
        return
    engine = get_engine()
    if hasattr(engine, "warm_up"):
        with _audit_lock:
            engine.warm_up()
