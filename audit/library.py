"""The checklist library (`scripts_db/`) and how a command names a checklist: by path or by library id.

Batch audits instead give a folder, in which each call's own `checklist` field names `<id>.yaml`;
checklists are parsed once per folder and id, since a bench set reuses a handful across hundreds of calls.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from audit.checklist import Checklist, load_checklist
from audit.errors import ChecklistError
from audit.transcript import Transcript

DEFAULT_LIBRARY: Path = Path(__file__).resolve().parents[1] / "scripts_db"
_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class LibraryEntry:
    """One checklist of the library, as listed by `callaudit checklists` and the service."""

    id: str  # the checklist's `id` field, which `--checklist ID` names
    name: str
    version: int
    language: str
    items: int  # number of mandated questions
    reasons: int
    path: Path


class ChecklistLibrary:
    """The checklists in one folder, indexed by their `id` field (not their file name)."""

    def __init__(self, root: str | Path | None = None) -> None:
        self.root = Path(root) if root is not None else DEFAULT_LIBRARY

    @cached_property
    def _index(self) -> dict[str, tuple[Path, Checklist]]:
        if not self.root.is_dir():
            raise ChecklistError(f"{self.root}: checklist library folder not found")
        index: dict[str, tuple[Path, Checklist]] = {}
        for path in sorted(p for p in self.root.iterdir() if p.suffix in _SUFFIXES):
            checklist = load_checklist(path)
            if checklist.id in index:
                raise ChecklistError(
                    f"{path}: checklist id {checklist.id!r} is already used by {index[checklist.id][0].name}"
                )
            index[checklist.id] = (path, checklist)
        return index

    def ids(self) -> list[str]:
        """Every checklist id in the library, sorted."""
        return sorted(self._index)

    def entries(self) -> list[LibraryEntry]:
        """A summary line per checklist, sorted by id."""
        return [
            LibraryEntry(
                id=c.id,
                name=c.name,
                version=c.version,
                language=c.language,
                items=len(c.items),
                reasons=len(c.reasons),
                path=p,
            )
            for cid, (p, c) in sorted(self._index.items())
        ]

    def get(self, checklist_id: str) -> Checklist:
        """The checklist with this id; an unknown id is an error listing the ids there are."""
        if checklist_id not in self._index:
            raise ChecklistError(
                f"no checklist {checklist_id!r} in the library {self.root}; "
                f"available: {', '.join(self.ids()) or '(none)'}"
            )
        return self._index[checklist_id][1]


def _looks_like_path(spec: str) -> bool:
    return "/" in spec or "\\" in spec or spec.endswith(_SUFFIXES) or spec.endswith(".json")


def resolve_checklist(spec: str, *, library: str | Path | ChecklistLibrary | None = None) -> Checklist:
    """A checklist named on the command line: an existing file, else a library id."""
    path = Path(spec).expanduser()
    if path.is_file():
        return load_checklist(path)
    if _looks_like_path(spec):
        raise ChecklistError(f"{spec}: checklist file not found")
    lib = library if isinstance(library, ChecklistLibrary) else ChecklistLibrary(library)
    return lib.get(spec)


class ChecklistFolder:
    """Resolves each call's own `checklist` id to `<folder>/<id>.yaml` (batch `--checklists DIR`)."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        if not self.folder.is_dir():
            raise ChecklistError(f"{self.folder}: checklist folder not found")
        self._cache: dict[str, Checklist] = {}

    def available(self) -> list[str]:
        return sorted(p.stem for p in self.folder.iterdir() if p.suffix in _SUFFIXES)

    def get(self, checklist_id: str) -> Checklist:
        """The checklist `<id>.yaml` (or `.yml`) in the folder, parsed once."""
        if checklist_id not in self._cache:
            for suffix in _SUFFIXES:
                path = self.folder / f"{checklist_id}{suffix}"
                if path.is_file():
                    checklist = load_checklist(path)
                    if checklist.id != checklist_id:
                        raise ChecklistError(f"{path}: its id is {checklist.id!r}, not {checklist_id!r}")
                    self._cache[checklist_id] = checklist
                    break
            else:
                raise ChecklistError(
                    f"no checklist {checklist_id!r} in {self.folder}; "
                    f"available: {', '.join(self.available()) or '(none)'}"
                )
        return self._cache[checklist_id]

    def for_call(self, transcript: Transcript) -> Checklist:
        """The checklist the call names in its `checklist` field."""
        if not transcript.checklist:
            raise ChecklistError(f"call {transcript.call_id!r} names no checklist; give one with --checklist")
        return self.get(transcript.checklist)
