"""Hand-made audit reports and checklists for the trim tests."""

from __future__ import annotations

from audit.checklist import parse_checklist
from audit.report import ChecklistRef, Evidence, ItemStatus, QuestionVerdict, Report, summarize

CHECKLIST_YAML = """
id: tow
name: Towing intake
version: 3
reasons:
  - id: no_start
    description: The vehicle will not start
  - id: flat_tire
    description: A tire is flat
items:
  - id: member
    question: May I have your membership number?
  - id: legal_notice
    question: May I record this call?
    required: true
  - id: tow_destination
    question: Where should we tow it?
    applies_to: [no_start]
  - id: spare
    question: Do you have a spare tire?
    applies_to: [flat_tire]
  - id: location
    question: Where is the vehicle?
"""


def checklist(text: str = CHECKLIST_YAML):
    return parse_checklist(text)


def report(
    call_id: str,
    reasons: list[str],
    asks: list[tuple],
    states: dict[str, str] | None = None,
    checklist_ref: tuple[str, int] = ("tow", 3),
) -> Report:
    """`asks`: (utterance, item, status) or (utterance, item, status, seconds)."""
    questions = []
    for a in asks:
        utt, item, status = a[:3]
        seconds = a[3] if len(a) > 3 else None
        questions.append(
            QuestionVerdict(
                utterance=utt,
                item=item,
                status=status,
                confidence=0.9,
                why=f"{item} was {status}",
                text=f"agent asks {item}",
                evidence=[Evidence(utterance=max(utt - 1, 0), text="customer said it")],
                seconds=seconds,
            )
        )
    items = [ItemStatus(item=i, status=s) for i, s in (states or {}).items()]
    asked = {q.item for q in questions}
    items += [ItemStatus(item=i, status="asked") for i in sorted(asked)]
    return Report(
        call_id=call_id,
        language="en",
        checklist=ChecklistRef(id=checklist_ref[0], version=checklist_ref[1]),
        reasons=reasons,
        questions=questions,
        items=items,
        summary=summarize(questions, items),
    )


def many(n: int, reasons: list[str], asks: list[tuple], prefix: str = "c", **kw) -> list[Report]:
    """n identical calls."""
    return [report(f"{prefix}{i:04d}", reasons, asks, **kw) for i in range(n)]
