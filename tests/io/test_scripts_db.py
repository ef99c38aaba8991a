"""Every checklist in scripts_db/ loads and is a realistic mandated script."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.checklist import load_checklist
from audit.library import DEFAULT_LIBRARY, ChecklistLibrary

FILES = sorted(p for p in DEFAULT_LIBRARY.iterdir() if p.suffix in (".yaml", ".yml"))
GOLDEN = Path(__file__).resolve().parents[3] / "shared" / "golden" / "roadside" / "checklist.yaml"


def test_library_has_checklists():
    assert len(FILES) >= 4


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_when_library_file_loaded_then_realistic_checklist(path):
    c = load_checklist(path)
    assert path.stem == c.id
    assert 12 <= len(c.items) <= 25
    assert len(c.reasons) >= 2
    assert all(it.description for it in c.items)
    assert any(it.applies_to for it in c.items)


@pytest.mark.parametrize("name", ["roadside", "ecommerce", "telecom_support", "bank_cards"])
def test_when_english_library_checklist_then_compliance_marked_and_every_reason_served(name):
    c = load_checklist(DEFAULT_LIBRARY / f"{name}.yaml")
    assert c.language == "en"
    assert c.source, "say where the script comes from"
    assert any(it.required for it in c.items)
    assert any(it.variants for it in c.items)
    used = {r for it in c.items for r in it.applies_to or []}
    assert used == {r.id for r in c.reasons}, "every reason is served by some item"


def test_when_library_loaded_then_ids_unique():
    assert len(ChecklistLibrary().ids()) == len(FILES)


def test_when_ecommerce_then_abcd_identity_items_are_required():
    c = load_checklist(DEFAULT_LIBRARY / "ecommerce.yaml")
    assert "ABCD" in c.source and "MIT" in c.source
    required = {it.id for it in c.items if it.required}
    assert {"full_name", "account_id", "username", "email", "order_id"} <= required


@pytest.mark.skipif(not GOLDEN.is_file(), reason="needs ../shared")
def test_when_roadside_then_golden_items_kept_with_their_reasons():
    golden, ours = load_checklist(GOLDEN), load_checklist(DEFAULT_LIBRARY / "roadside.yaml")
    assert {r.id for r in golden.reasons} <= {r.id for r in ours.reasons}
    for item in golden.items:
        assert ours.item(item.id).applies_to == item.applies_to
        assert ours.item(item.id).question == item.question
