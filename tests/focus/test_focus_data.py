"""Every supported language's focus data: cues for each kind and for neutral speech, patterns that compile
under the group names the detectors read."""

from __future__ import annotations

import re

import pytest

from audit.focus.cues import NEUTRAL, PATTERN_GROUPS
from audit.languages import get_language, supported_languages
from audit.report import FocusKind


@pytest.mark.parametrize("code", supported_languages())
def test_when_language_cues_are_read_then_every_kind_and_neutral_has_examples(code):
    from typing import get_args

    cues = get_language(code).focus_cues()
    kinds = {cue.kind for cue in cues if len(cue.examples) >= 5}
    assert kinds >= {*get_args(FocusKind), NEUTRAL}


@pytest.mark.parametrize("code", supported_languages())
def test_when_a_cue_example_is_said_then_the_prefilter_lets_it_be_scored(code):
    """The prefilter only saves encoder time: a sentence phrased like a language's own focus examples must
    pass it, or that kind is never found however well the classifier would read it."""
    from audit.focus import analyzer_for

    lang = get_language(code)
    bank = analyzer_for(lang).bank
    dropped = [text for cue in lang.focus_cues() if cue.kind != NEUTRAL for text in cue.examples
               if not bank.passes_prefilter(text)]
    assert dropped == []


@pytest.mark.parametrize("code", supported_languages())
def test_when_language_patterns_are_read_then_groups_are_known_and_compile(code):
    patterns = get_language(code).focus_patterns()
    assert set(patterns) <= set(PATTERN_GROUPS)
    for group in patterns.values():
        for expression in group:
            re.compile(expression)


@pytest.mark.parametrize("code", supported_languages())
def test_when_classifier_is_stored_then_it_was_fitted_on_the_current_cues_and_reads_the_same(code, tmp_path):
    import json

    import numpy as np

    from audit.focus.cues import MODELS_DIR, build_bank, fingerprint

    lang = get_language(code)
    stored = json.loads((MODELS_DIR / f"focus-{code}.json").read_text(encoding="utf-8"))
    assert stored["fingerprint"] == fingerprint(lang), "cues changed: run python -m audit.training.focus"
    vectors = lang.fast_encoder().encode(["It's not our fault, call the bank.", "I'll call them myself today."])
    from_file, fitted = build_bank(lang), build_bank(lang, models_dir=tmp_path)  # tmp_path holds no file
    assert from_file.kinds == fitted.kinds
    for a, b in zip(from_file.meaning(vectors), fitted.meaning(vectors), strict=True):
        assert np.allclose([a[k] for k in a], [b[k] for k in a], atol=1e-5)


def test_when_cues_change_then_the_stored_classifier_is_not_used(tmp_path):
    from audit.focus.cues import _load_classifier, save_classifier
    from audit.languages.base import FocusCue

    lang = get_language("en")
    path = save_classifier(lang, models_dir=tmp_path)

    class Edited(type(lang)):
        def focus_cues(self):
            return [*super().focus_cues(), FocusCue("neutral", ("Your order ships on Monday.",))]

    from audit.focus.cues import fingerprint

    assert _load_classifier(path, fingerprint(lang)) is not None
    assert _load_classifier(path, fingerprint(Edited())) is None


def test_when_a_call_is_audited_then_scikit_learn_is_not_imported():
    import subprocess
    import sys

    code = ("import sys; from audit import AuditEngine, Transcript; "
            "t = Transcript.model_validate({'call_id': 'x', 'utterances': [{'speaker': 'agent', "
            "'text': 'Not my department, call billing.'}]}); AuditEngine().audit(t); "
            "print('sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False", "the stored focus classifiers keep scikit-learn off the audit path"
