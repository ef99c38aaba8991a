"""Checklist YAML errors located at their line, so the upload form can point at the line to fix."""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from pydantic import ValidationError

from audit.checklist import Checklist


@dataclass(frozen=True)
class YamlProblem:
    line: int | None  # 1-based
    message: str


def _node_at(root: yaml.Node, loc: tuple) -> yaml.Node:
    node = root
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            nxt = next((v for k, v in node.value if getattr(k, "value", None) == part), None)
            if nxt is None:
                return node
            node = nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            return node
    return node


def check(text: str) -> tuple[Checklist | None, list[YamlProblem]]:
    """The checklist, or the problems with the line each is on."""
    try:
        root = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        problem = getattr(e, "problem", None) or str(e)
        return None, [YamlProblem(mark.line + 1 if mark else None, f"not valid YAML: {problem}")]
    if not isinstance(data, dict) or root is None:
        return None, [YamlProblem(1, "a checklist is a mapping with id, name, reasons and items")]
    try:
        return Checklist.model_validate(data), []
    except ValidationError as e:
        out = []
        for err in e.errors():
            loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
            node = _node_at(root, loc)
            where = ".".join(str(p) for p in loc) or "(top level)"
            out.append(YamlProblem(node.start_mark.line + 1, f"{where}: {err['msg']}"))
        return None, out
