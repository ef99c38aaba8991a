"""Rows of a finished call as the service stores them, for benchmarks that bulk-load synthetic calls.

Both scale benchmarks load 100,000 calls by inserting rows directly (the API would take hours); they share
this so that the call row stays what the service writes when an audit finishes.
"""

from __future__ import annotations

from datetime import datetime

from audit.checklist import Checklist


def done_call_row(cid: str, tenant_id: str, agent: str, queue: str, at: datetime, checklist: Checklist,
                  questions: list[dict]) -> dict:
    """The `calls` row of an audited call whose verdict rows are `questions` (each with status, seconds)."""
    waste = [q for q in questions if q["status"] != "needed"]
    return {
        "id": cid,
        "tenant_id": tenant_id,
        "agent_id": agent,
        "queue": queue,
        "call_at": at,
        "started_at": at,
        "labels": {},
        "checklist_id": checklist.id,
        "checklist_version": checklist.version,
        "status": "done",
        "source": "transcript",
        "redacted": True,
        "questions_asked": len(questions),
        "waste_count": len(waste),
        "has_waste": bool(waste),
        "waste_seconds": sum(q["seconds"] for q in waste),
        "created_at": at,
        "updated_at": at,
        "completed_at": at,
    }
