"""Naming a checklist: by path or library id, and per call from a bench-style folder."""

from __future__ import annotations

import pytest

from audit.errors import ChecklistError
from audit.library import DEFAULT_LIBRARY, ChecklistFolder, ChecklistLibrary, resolve_checklist
from audit.transcript import Transcript, Utterance

MINI = """id: {id}
name: Mini {id}
reasons:
  - id: r1
    description: Something
items:
  - id: q1
    question: "What is it?"
    description: The thing
    applies_to: [r1]
"""


@pytest.fixture
def library(tmp_path):
    root = tmp_path / "lib"
    root.mkdir()
    (root / "alpha.yaml").write_text(MINI.format(id="alpha"))
    (root / "file_name_differs.yml").write_text(MINI.format(id="beta"))
    (root / "notes.txt").write_text("not a checklist")
    return root


def call(checklist: str | None) -> Transcript:
    return Transcript(call_id="c", checklist=checklist, utterances=[Utterance(speaker="agent", text="Hi.")])


def test_when_library_listed_then_ids_come_from_the_files(library):
    lib = ChecklistLibrary(library)
    assert lib.ids() == ["alpha", "beta"]
    entries = lib.entries()
    assert [(e.id, e.items, e.reasons, e.path.name) for e in entries] == [
        ("alpha", 1, 1, "alpha.yaml"),
        ("beta", 1, 1, "file_name_differs.yml"),
    ]


def test_when_spec_is_an_id_then_library_checklist(library):
    assert resolve_checklist("beta", library=library).name == "Mini beta"


def test_when_spec_is_a_path_then_that_file(library):
    assert resolve_checklist(str(library / "alpha.yaml")).id == "alpha"


def test_when_id_unknown_then_error_lists_available(library):
    with pytest.raises(ChecklistError, match=r"no checklist 'gamma'.*available: alpha, beta"):
        resolve_checklist("gamma", library=library)


def test_when_path_missing_then_error_names_it(library):
    with pytest.raises(ChecklistError, match=r"missing\.yaml: checklist file not found"):
        resolve_checklist(str(library / "missing.yaml"))


def test_when_two_files_share_an_id_then_error(library):
    (library / "again.yaml").write_text(MINI.format(id="alpha"))
    with pytest.raises(ChecklistError, match=r"checklist id 'alpha' is already used by"):
        ChecklistLibrary(library).ids()


def test_when_library_file_invalid_then_error_names_it(library):
    (library / "broken.yaml").write_text("id: broken\nname: B\nitems:\n  - id: x\n    question: ''\n")
    with pytest.raises(ChecklistError, match=r"broken\.yaml: invalid checklist: items\.0\.question"):
        ChecklistLibrary(library).ids()


def test_when_default_library_then_product_checklists_found():
    assert DEFAULT_LIBRARY.name == "scripts_db"
    assert {"roadside", "ecommerce", "telecom_support", "bank_cards"} <= set(ChecklistLibrary().ids())


def test_when_call_names_checklist_then_folder_resolves_id_yaml(library):
    folder = ChecklistFolder(library)
    assert folder.for_call(call("alpha")).id == "alpha"
    assert folder.for_call(call("alpha")) is folder.for_call(call("alpha"))  # parsed once


def test_when_call_names_unknown_checklist_then_error_lists_folder(library):
    with pytest.raises(ChecklistError, match=r"no checklist 'zeta' in .*available: alpha, file_name_differs"):
        ChecklistFolder(library).for_call(call("zeta"))


def test_when_file_id_differs_from_file_name_then_error(library):
    with pytest.raises(ChecklistError, match=r"its id is 'beta', not 'file_name_differs'"):
        ChecklistFolder(library).get("file_name_differs")


def test_when_call_names_no_checklist_then_error(library):
    with pytest.raises(ChecklistError, match="names no checklist"):
        ChecklistFolder(library).for_call(call(None))


def test_when_folder_missing_then_error(tmp_path):
    with pytest.raises(ChecklistError, match="checklist folder not found"):
        ChecklistFolder(tmp_path / "nope")
