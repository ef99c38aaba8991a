"""The text form of a report shows what the JSON says: verdicts, why, evidence, items, focus, summary."""

from __future__ import annotations

from audit.checklist import parse_checklist
from audit.render import render_text
from audit.report import (
    ChecklistRef,
    Evidence,
    FocusFinding,
    ItemStatus,
    QuestionVerdict,
    ReasonScore,
    Report,
    summarize,
)

CHECKLIST = parse_checklist(
    """
id: roadside
name: Roadside
reasons: [{id: no_start, description: Will not start}, {id: flat_tire, description: Flat}]
items:
  - {id: service_type, question: "Tow or jump start?", applies_to: [no_start]}
  - {id: spare_tire, question: "Do you have a spare tire?", applies_to: [flat_tire]}
  - {id: member_number, question: "May I have your membership number?"}
  - {id: location, question: "Where is the vehicle?"}
"""
)


def make_report(*, focus: bool = True) -> Report:
    questions = [
        QuestionVerdict(
            utterance=6,
            item="service_type",
            status="needed",
            confidence=0.91,
            why="Nothing earlier in the call said whether a tow or a jump is needed.",
            text="Does it need to be towed or jumped?",
            seconds=2.3,
        ),
        QuestionVerdict(
            utterance=8,
            item="service_type",
            status="redundant",
            confidence=0.88,
            why="The caller already answered 'I don't know' to the same question two turns earlier.",
            text="Well, do you think it needs to be towed or jumped?",
            evidence=[Evidence(utterance=7, text="I don't know. I don't know what is wrong with it.")],
            seconds=2.6,
        ),
    ]
    items = [
        ItemStatus(item="service_type", status="asked"),
        ItemStatus(item="spare_tire", status="not_applicable"),
        ItemStatus(item="member_number", status="missing"),
        ItemStatus(
            item="location", status="covered", evidence=[Evidence(utterance=1, text="I'm in my garage.")]
        ),
    ]
    return Report(
        call_id="roadside-seed-003",
        language="en",
        checklist=ChecklistRef(id="roadside", version=1),
        reasons=["no_start"],
        reason_scores=[
            ReasonScore(id="no_start", confidence=0.97),
            ReasonScore(id="flat_tire", confidence=0.04),
        ],
        questions=questions,
        items=items,
        customer_focus=[
            FocusFinding(utterance=2, kind="blame_shift", text="There is no 2000 GMC Yukon Denali.")
        ]
        if focus
        else [],
        summary=summarize(questions, items),
    )


def test_when_rendered_then_header_and_detected_reasons_shown():
    text = render_text(make_report())
    assert text.startswith("Call roadside-seed-003\n")
    assert "checklist: roadside v1" in text
    assert "reasons: no_start (0.97)" in text
    assert "flat_tire" not in text.split("\n\n")[0]


def test_when_rendered_then_each_question_with_status_why_and_evidence():
    text = render_text(make_report())
    assert "Questions asked: 2 (1 needed, 1 redundant, 0 irrelevant)" in text
    assert "utt   8  service_type           REDUNDANT  (0.88)  2.6 s" in text
    assert "why: The caller already answered 'I don't know' to the same question two turns earlier." in text
    assert "evidence utt 7: \"I don't know. I don't know what is wrong with it.\"" in text


def test_when_rendered_with_checklist_then_unasked_items_show_their_question():
    text = render_text(make_report(), checklist=CHECKLIST)
    assert "Items not asked: 3 of 4" in text
    lines = text.splitlines()
    missing = next(line for line in lines if "member_number" in line)
    assert missing.split() == [
        "missing",
        "member_number",
        "May",
        "I",
        "have",
        "your",
        "membership",
        "number?",
    ]
    assert lines.index(missing) < next(i for i, line in enumerate(lines) if "spare_tire" in line)
    assert 'given at utt 1: "I\'m in my garage."' in text


def test_when_rendered_then_focus_and_summary_shown():
    text = render_text(make_report())
    assert 'utt   2  blame shift   "There is no 2000 GMC Yukon Denali."' in text
    assert (
        "2 questions asked, 1 wasted (2.6 s of agent time), 1 made the customer repeat, 1 items missing"
        in text
    )
    assert "Customer focus: nothing flagged" in render_text(make_report(focus=False))


def test_when_no_checklist_then_no_item_section():
    report = Report(call_id="c", language="en", summary=summarize([], []), customer_focus=[])
    text = render_text(report)
    assert "checklist: none" in text
    assert "no checklist question was asked" in text
    assert "Items not asked" not in text
