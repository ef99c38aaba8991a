"""The audit engine: a transcript and a checklist in, a report with per-question verdicts out.

`AuditEngine` is built once (it loads the sentence encoders lazily, per language) and then audits any
number of calls; `audit_many` batches the encoder work across calls, which is what makes bulk audits fast.
"""

from __future__ import annotations

from audit.checklist import Checklist
from audit.report import Report
from audit.transcript import Transcript


class AuditEngine:
    """Audits calls. Thread-safe for concurrent `audit` calls once built."""

    def __init__(self, *, report_language: str = "en") -> None:
        self.report_language = report_language

    def audit(self, transcript: Transcript, checklist: Checklist | None = None) -> Report:
        """Audit one call; without a checklist only reasons-free parts (customer focus) are reported."""
        return self.audit_many([(transcript, checklist)])[0]

    def audit_many(self, calls: list[tuple[Transcript, Checklist | None]]) -> list[Report]:
        """Audit several calls, sharing encoder batches between them."""
        raise NotImplementedError  # being written now; see audit/matching/
