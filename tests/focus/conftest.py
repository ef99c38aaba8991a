"""The real English language (static MiniLM encoder, English cues and patterns) and a one-utterance probe."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from audit.focus import FocusAnalyzer
from audit.languages import get_language
from audit.languages.base import Language
from audit.transcript import Transcript, Utterance

SHARED = Path(__file__).resolve().parents[3] / "shared"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def english() -> Language:
    return get_language("en")


@pytest.fixture(scope="session")
def analyzer(english: Language) -> FocusAnalyzer:
    return FocusAnalyzer(english)


def agent_call(*agent_texts: str) -> Transcript:
    """A call where the customer asks for help and the agent answers with each text in turn."""
    utterances = []
    for text in agent_texts:
        utterances.append(
            Utterance(speaker="customer", text="Hi, I have a problem with my order, can you help?")
        )
        utterances.append(Utterance(speaker="agent", text=text))
    return Transcript(call_id="focus-test", utterances=utterances)


@pytest.fixture(scope="session")
def kinds_of(analyzer: FocusAnalyzer) -> Callable[[str], set[str]]:
    """The focus kinds found in one agent utterance."""

    def run(text: str) -> set[str]:
        return {finding.kind for finding in analyzer.detect(agent_call(text))}

    return run
