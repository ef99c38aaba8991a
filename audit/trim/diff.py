"""A readable diff between two versions of a checklist: what a manager reads before adopting a version.

Item by item rather than line by line: "dropped", "added", "now asked only on calls about X", "now
confirmed instead of asked", with the changelog lines of the newer version underneath.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from audit.checklist import Checklist, Item

_FIELDS = ("question", "description", "applies_to", "conditional", "mode", "required", "variants")


class ItemChange(BaseModel):
    model_config = ConfigDict(frozen=True)

    item: str
    kind: str  # added | removed | changed
    changes: list[str]  # one readable line per changed field


def _show(value: object) -> str:
    if value is None:
        return "every call"
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return repr(value) if isinstance(value, str) else str(value)


def _field_line(name: str, old: Item, new: Item) -> str | None:
    a, b = getattr(old, name), getattr(new, name)
    if a == b:
        return None
    if name == "conditional":
        return ("asked only on calls about " + _show(new.applies_to)) if b else "asked on every call again"
    if name == "mode":
        return "confirmed instead of asked" if b == "confirm" else "asked instead of confirmed"
    if name == "applies_to":
        return f"serves {_show(a)} -> {_show(b)}"
    return f"{name}: {_show(a)} -> {_show(b)}"


def diff_checklists(old: Checklist, new: Checklist) -> list[ItemChange]:
    """Item-level changes from `old` to `new`, in the order of `old` then the items `new` adds."""
    new_items = {i.id: i for i in new.items}
    old_ids = {i.id for i in old.items}
    out: list[ItemChange] = []
    for it in old.items:
        other = new_items.get(it.id)
        if other is None:
            out.append(ItemChange(item=it.id, kind="removed", changes=[f"dropped: {it.question!r}"]))
            continue
        lines = [ln for f in _FIELDS if (ln := _field_line(f, it, other))]
        if lines:
            out.append(ItemChange(item=it.id, kind="changed", changes=lines))
    for it in new.items:
        if it.id not in old_ids:
            out.append(ItemChange(item=it.id, kind="added", changes=[f"added: {it.question!r}"]))
    return out


def render_diff(old: Checklist, new: Checklist) -> str:
    """The diff as text, one block per changed item, then the newer version's changelog lines."""
    head = f"{old.id}: version {old.version} -> {new.version}"
    lines = [head, "=" * len(head)]
    sign = {"removed": "-", "added": "+", "changed": "~"}
    changes = diff_checklists(old, new)
    for ch in changes:
        lines.append(f"{sign[ch.kind]} {ch.item}")
        lines.extend(f"    {c}" for c in ch.changes)
    if not changes:
        lines.append("(no item changes)")
    kept = len(new.items)
    lines.append(f"items: {len(old.items)} -> {kept}")
    log = [c for c in new.changelog if c.version > old.version]
    if log:
        lines.append("changelog:")
        lines.extend(f"  v{c.version} {c.action} {c.item or ''}: {c.detail}".replace(" :", ":") for c in log)
    return "\n".join(lines) + "\n"
