"""Redaction of personal data, including numbers spoken as words, with near-miss negatives."""

from __future__ import annotations

import pytest

from app.privacy.redactor import get_redactor


@pytest.fixture(scope="module")
def redactor():  # noqa: ANN201
    return get_redactor()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My card is 4111 1111 1111 1111.", "My card is [CARD]."),
        ("it's four one one one one one one one one one one one one one one one", "it's [CARD]"),
        ("card number 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 thanks", "card number [CARD] thanks"),
        (
            "my visa is five five five five, double five five five, four four four four, four four four four",
            "my visa is [CARD]",
        ),
        ("SSN 536-22-4187", "SSN [SSN]"),
        ("my social is five three six, two two, four one eight seven", "my social is [SSN]"),
        ("call me back at (415) 555-0132", "call me back at [PHONE]"),
        (
            "my phone number is four one five, five five five, zero one three two",
            "my phone number is [PHONE]",
        ),
        ("it's jane.doe@example.com", "it's [EMAIL]"),
        ("email is john dot smith at gmail dot com", "email is [EMAIL]"),
        ("I was born on March 14th, 1985", "I was born on [DOB]"),
        ("date of birth is the fourteenth of march nineteen eighty five", "date of birth is [DOB]"),
        ("my account number is 88123456", "my account number is [ACCOUNT]"),
        ("policy number double seven three four five nine", "policy number [ACCOUNT]"),
        ("I'm at 42 Elm Street in Springfield", "I'm at [ADDRESS] in Springfield"),
    ],
)
def test_when_personal_data_then_typed_placeholder(redactor, text: str, expected: str) -> None:  # noqa: ANN001
    assert redactor.redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I need a tow at 5pm, I have two kids and one car.",
        "Can I get your phone number and card number please?",
        "The appointment is on 03/14/2027.",
        "That one is fine, the other one too.",
        "It took twenty five minutes, maybe three or four.",
    ],
)
def test_when_no_personal_data_then_unchanged(redactor, text: str) -> None:  # noqa: ANN001
    assert redactor.redact(text) == text


def test_when_report_tree_then_only_text_fields_redacted(redactor) -> None:  # noqa: ANN001
    report = {
        "call_id": "c-4111111111111111",
        "questions": [
            {
                "item": "card",
                "why": "The customer gave 4111 1111 1111 1111 at utterance 3.",
                "evidence": [{"utterance": 3, "text": "It's 4111 1111 1111 1111."}],
            }
        ],
    }
    out = redactor.redact_tree(report)
    assert out["call_id"] == report["call_id"]  # ids are not text
    assert out["questions"][0]["evidence"][0]["text"] == "It's [CARD]."
    assert "[CARD]" in out["questions"][0]["why"]


def test_when_bare_number_answers_a_question_then_labelled_by_it(redactor) -> None:  # noqa: ANN001
    turns = [
        {"speaker": "agent", "text": "What is the card number on file?"},
        {"speaker": "customer", "text": "It is 41111111111111111111."},
        {"speaker": "agent", "text": "And your member ID?"},
        {"speaker": "customer", "text": "nine eight seven six five four three two"},
    ]
    out = redactor.redact_tree({"utterances": turns})["utterances"]
    assert [u["text"] for u in out] == [turns[0]["text"], "It is [CARD].", turns[2]["text"], "[ACCOUNT]"]


def test_when_words_are_personal_data_then_silenced_in_wav(redactor, tmp_path) -> None:  # noqa: ANN001
    import wave

    import numpy as np

    from app.privacy.audio import redacted_times, silence_wav

    transcript = {
        "utterances": [
            {
                "speaker": "customer",
                "text": "my card is 4111 1111 1111 1111 thanks",
                "words": [
                    {"word": " my", "start": 0.0, "end": 0.2},
                    {"word": " card", "start": 0.2, "end": 0.5},
                    {"word": " is", "start": 0.5, "end": 0.6},
                    {"word": " 4111", "start": 1.0, "end": 1.4},
                    {"word": " 1111", "start": 1.4, "end": 1.8},
                    {"word": " 1111", "start": 1.8, "end": 2.2},
                    {"word": " 1111", "start": 2.2, "end": 2.6},
                    {"word": " thanks", "start": 3.5, "end": 3.9},
                ],
            }
        ]
    }
    times = redacted_times(transcript, redactor)
    assert min(s for s, _ in times) == pytest.approx(0.85) and max(e for _, e in times) == pytest.approx(2.75)
    rate = 8000
    tone = (np.sin(np.arange(4 * rate) * 0.3) * 10000).astype(np.int16)
    src, dst = tmp_path / "in.wav", tmp_path / "out.wav"
    with wave.open(str(src), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(tone.tobytes())
    assert silence_wav(src, dst, times)
    with wave.open(str(dst)) as w:
        out = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)
    assert len(out) == len(tone)
    assert not out[int(0.9 * rate) : int(2.7 * rate)].any()  # the card number is silent
    assert out[int(0.1 * rate) : int(0.7 * rate)].any() and out[int(3.0 * rate) :].any()  # the rest is not
