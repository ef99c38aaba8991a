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
def test_when_language_patterns_are_read_then_groups_are_known_and_compile(code):
    patterns = get_language(code).focus_patterns()
    assert set(patterns) <= set(PATTERN_GROUPS)
    for group in patterns.values():
        for expression in group:
            re.compile(expression)
