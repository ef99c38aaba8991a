"""callaudit's audit engine: transcripts and checklists in, per-question verdicts with evidence out.

No web or database code lives here; the service in `app/` builds on these names.
"""

__version__ = "0.1.0"

from audit.checklist import Checklist, Item, Reason, load_checklist, parse_checklist  # noqa: E402
from audit.engine import AuditEngine  # noqa: E402
from audit.report import Report  # noqa: E402
from audit.transcript import Transcript, Utterance  # noqa: E402

__all__ = [
    "AuditEngine", "Checklist", "Item", "Reason", "Report", "Transcript", "Utterance", "load_checklist",
    "parse_checklist", "__version__",
]
