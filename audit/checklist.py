"""Mandated checklists: the questions a call center makes its agents ask, and the call reasons they serve.

Checklists arrive as YAML written by people, so validation errors name the file and the field at fault
rather than failing later inside the engine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from audit.errors import ChecklistError

_ID = r"^[A-Za-z0-9_.\-]+$"


class Reason(BaseModel):
    """Something a call can be about."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1, max_length=100, pattern=_ID)
    description: str = Field(min_length=1)
    examples: list[str] = Field(default_factory=list, description="Things callers say for this reason.")


class Item(BaseModel):
    """One mandated question."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1, max_length=100, pattern=_ID)
    question: str
    description: str = ""
    applies_to: list[str] | None = Field(
        default=None, description="Reason ids this item serves; absent means every call."
    )
    variants: list[str] = Field(default_factory=list, description="Other phrasings of the question.")
    required: bool = Field(default=False, description="Legal or compliance question: never dropped by a trim.")
    mode: Literal["ask", "confirm"] = Field(
        default="ask", description="`confirm`: the agent confirms what the customer already said."
    )
    conditional: bool = Field(
        default=False,
        description="The script asks the item only on calls whose reasons are in `applies_to`; otherwise a "
        "mandated script asks it on every call and `applies_to` only tells the audit which calls it serves.",
    )

    @field_validator("question")
    @classmethod
    def _question_not_empty(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("question must not be empty")
        return v.strip()

    @field_validator("variants")
    @classmethod
    def _variants_not_empty(cls, v: list[str]) -> list[str]:
        if any(not s.strip() for s in v):
            raise ValueError("variants must not contain empty phrasings")
        return [s.strip() for s in v]

    @model_validator(mode="after")
    def _conditional_has_reasons(self) -> Item:
        if self.conditional and not self.applies_to:
            raise ValueError("a conditional item needs applies_to reasons")
        return self

    def phrasings(self) -> list[str]:
        """The question and every variant."""
        return [self.question, *self.variants]


class Change(BaseModel):
    """One line of a checklist's changelog."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    item: str | None = None
    action: str
    detail: str = ""


class Checklist(BaseModel):
    """A versioned mandated script."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1, max_length=100, pattern=_ID)
    name: str = Field(min_length=1)
    version: int = Field(default=1, ge=1)
    language: str = Field(default="en", min_length=2, max_length=12)
    description: str = ""
    source: str = Field(default="", description="Where the script comes from, with its licence.")
    reasons: list[Reason] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
    changelog: list[Change] = Field(default_factory=list)

    @field_validator("items", "reasons", mode="before")
    @classmethod
    def _none_is_empty(cls, v: object) -> object:
        return [] if v is None else v

    @model_validator(mode="after")
    def _ids_consistent(self) -> Checklist:
        seen: set[str] = set()
        for r in self.reasons:
            if r.id in seen:
                raise ValueError(f"duplicate reason id {r.id!r}")
            seen.add(r.id)
        items: set[str] = set()
        for it in self.items:
            if it.id in items:
                raise ValueError(f"duplicate item id {it.id!r}")
            items.add(it.id)
            for rid in it.applies_to or []:
                if rid not in seen:
                    raise ValueError(f"item {it.id!r}: applies_to names unknown reason {rid!r}")
        return self

    def item(self, item_id: str) -> Item:
        """The item with this id."""
        for it in self.items:
            if it.id == item_id:
                return it
        raise KeyError(item_id)

    def to_yaml(self) -> str:
        """YAML the loader reads back unchanged."""
        data = self.model_dump(mode="json", exclude_defaults=True)
        data.setdefault("version", self.version)
        data.setdefault("language", self.language)
        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)


def _format_validation(err: ValidationError, where: str) -> str:
    parts = []
    for e in err.errors():
        loc = ".".join(str(p) for p in e["loc"]) or "(top level)"
        parts.append(f"{loc}: {e['msg']}")
    return f"{where}: invalid checklist: " + "; ".join(parts)


def parse_checklist(text: str, *, where: str = "<checklist>") -> Checklist:
    """Parse and validate checklist YAML (JSON is YAML too)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        at = f" line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = getattr(e, "problem", None) or str(e)
        raise ChecklistError(f"{where}:{at}: not valid YAML: {problem}") from e
    if not isinstance(data, dict):
        raise ChecklistError(f"{where}: a checklist must be a mapping with id, name, reasons and items")
    try:
        return Checklist.model_validate(data)
    except ValidationError as e:
        raise ChecklistError(_format_validation(e, where)) from e


def load_checklist(path: str | Path) -> Checklist:
    """Read a checklist file."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ChecklistError(f"{p}: cannot read checklist: {e}") from e
    return parse_checklist(text, where=str(p))
