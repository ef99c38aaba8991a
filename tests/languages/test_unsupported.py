"""A language with no support is refused with an error naming the supported ones, never audited badly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from audit.engine import AuditEngine
from audit.errors import UnsupportedLanguageError
from audit.languages import get_language, supported_languages
from audit.transcript import Transcript, Utterance

GERMAN = Transcript(call_id="de-1", language="de", utterances=[
    Utterance(speaker="agent", text="Wie ist Ihre Mitgliedsnummer?"),
    Utterance(speaker="customer", text="Fünf eins drei acht."),
])


def test_when_russian_and_turkish_then_supported_with_regional_codes():
    assert {"en", "ru", "tr"} <= set(supported_languages())
    assert get_language("ru-RU").code == "ru" and get_language("TR").code == "tr"


def test_when_engine_gets_german_call_then_error_names_supported_languages():
    with pytest.raises(UnsupportedLanguageError, match=r"'de'.*en, ru, tr"):
        AuditEngine().audit(GERMAN)


def test_when_report_language_unsupported_then_error():
    with pytest.raises(UnsupportedLanguageError, match="ru"):
        AuditEngine(report_language="de")


def test_when_cli_gets_german_call_then_exit_2_and_supported_languages_named(tmp_path: Path):
    call = tmp_path / "de.json"
    call.write_text(json.dumps(GERMAN.model_dump(mode="json", exclude_none=True)), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "app.cli", "audit", str(call), "--checklist", "roadside"],
                       capture_output=True, text=True, timeout=120, check=False)
    assert r.returncode == 2, r.stderr
    assert "'de' is not supported" in r.stderr and "en, ru, tr" in r.stderr
