"""The audit report: what the engine concluded about one call, with the evidence for each verdict.

`questions[].utterance`, `.item` and `.status` are read exactly by the bench scorer; everything else is
for people (QA leads, managers) and for the service, which stores one row per question.
"""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

QuestionStatus = Literal["needed", "redundant", "irrelevant"]
ItemState = Literal["asked", "covered", "not_applicable", "missing"]
FocusKind = Literal["blame_shift", "redirect", "half_hearted", "ownership"]
WASTE: frozenset[str] = frozenset({"redundant", "irrelevant"})


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ChecklistRef(_Frozen):
    id: str
    version: int


class Evidence(_Frozen):
    """An utterance a verdict rests on, quoted."""

    utterance: int
    text: str
    translation: str | None = None


class ReasonScore(_Frozen):
    id: str
    confidence: float = Field(ge=0, le=1)
    evidence: list[Evidence] = Field(default_factory=list)


class QuestionVerdict(_Frozen):
    """One agent ask of one checklist item."""

    utterance: int = Field(description="0-based index of the agent utterance that asks the item.")
    item: str
    status: QuestionStatus
    confidence: float = Field(ge=0, le=1)
    why: str = Field(description="One plain sentence a QA lead would accept.")
    text: str = Field(default="", description="The sentence of the utterance that asks the item.")
    evidence: list[Evidence] = Field(default_factory=list)
    seconds: float | None = Field(default=None, description="Agent time spent on the ask, from timestamps.")


class ItemStatus(_Frozen):
    item: str
    status: ItemState
    evidence: list[Evidence] = Field(default_factory=list)


class FocusFinding(_Frozen):
    """An agent utterance that shifts responsibility or takes ownership."""

    utterance: int
    kind: FocusKind
    text: str
    confidence: float = Field(default=1.0, ge=0, le=1)


class Summary(_Frozen):
    questions_asked: int
    needed: int
    redundant: int
    irrelevant: int
    waste_count: int
    waste_seconds: float
    customer_repeats: int = Field(description="Asks that made the customer repeat what they had already said.")
    items_missing: int


class Report(_Frozen):
    call_id: str
    language: str
    report_language: str = "en"
    checklist: ChecklistRef | None = None
    reasons: list[str] = Field(default_factory=list, description="Ids of the reasons detected for this call.")
    reason_scores: list[ReasonScore] = Field(default_factory=list, description="Each reason with its confidence.")
    questions: list[QuestionVerdict] = Field(default_factory=list)
    items: list[ItemStatus] = Field(default_factory=list)
    customer_focus: list[FocusFinding] = Field(default_factory=list)
    summary: Summary
    engine: dict[str, str] = Field(default_factory=dict, description="Engine version and models used.")

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.model_dump(mode="json"), indent=indent, ensure_ascii=False)


def summarize(questions: list[QuestionVerdict], items: list[ItemStatus]) -> Summary:
    """Counts shown at the top of a report and stored beside it."""
    counts = {s: sum(1 for q in questions if q.status == s) for s in ("needed", "redundant", "irrelevant")}
    waste = [q for q in questions if q.status in WASTE]
    return Summary(
        questions_asked=len(questions),
        needed=counts["needed"],
        redundant=counts["redundant"],
        irrelevant=counts["irrelevant"],
        waste_count=len(waste),
        waste_seconds=round(sum(q.seconds or 0.0 for q in waste), 2),
        customer_repeats=counts["redundant"],
        items_missing=sum(1 for i in items if i.status == "missing"),
    )


def report_json_schema() -> dict:
    """The published JSON Schema of a report."""
    schema = Report.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "callaudit report"
    return schema
