"""The audit engine: a transcript and a checklist in, a report with per-question verdicts out.

`AuditEngine` is built once and audits any number of calls. Its stages are named modules: `matching.view`
(split and embed), `matching.features` + `matching.model` (learned scorers: which sentence asks which item,
which customer utterance gives which item's information, which reason the call is about), `asks` (the ask
scores read with the sentence's own words), `verdicts` (the product's rules), `focus` (customer-focus
findings). `audit_many` embeds all calls' texts in one batch.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

import numpy as np

from audit import __version__
from audit.asks import paraphrase_asks, pick_asks
from audit.checklist import Checklist
from audit.languages import Language, get_language
from audit.matching.features import ask_features, info_features, reason_features
from audit.matching.model import Scorers
from audit.matching.view import (
    CallView,
    ChecklistView,
    build_call_view,
    build_checklist_view,
    call_texts,
    item_texts,
)
from audit.report import ChecklistRef, Report, summarize
from audit.transcript import Transcript
from audit.verdicts import (
    Ask,
    closing_offers,
    directed_asks,
    info_thresholds,
    information,
    item_statuses,
    opening_sentences,
    question_verdicts,
    reason_scores,
)

# metadata: a key matches an item when their texts are this similar (or a distinct typed value fits and nearly so)
META_COS = 0.7
META_COS_TYPED = 0.35
# ... or, where no item's texts name the key's words, the key's words alone read this close to one item and this
# far ahead of the next (chosen on our hand-written calls: 0.3 or a margin of 0.02 cost ru-g, en-i and tr-c)
META_KEY_COS = 0.35
META_KEY_MARGIN = 0.05
# words of a metadata key that say where its value came from, not what it is ("menu_account_number",
# "booking_number_ivr"): the rest names the item
SOURCE_WORDS = frozenset({"menu", "ivr", "crm", "keyed", "entered", "typed", "system", "selected"})
# field names shorten "number" ("order_no", "policy_nr", "account_num"); read in full, they name the item
_NUMBER_SHORT = re.compile(r"\b(?:no|nr|nbr|num)\b")
DISTINCT_KINDS = frozenset({"phone", "email", "date", "address", "money", "plate"})


@dataclass(frozen=True)
class Signals:
    """What the learned scorers say about one call, before the verdict rules."""

    cv: CallView
    kv: ChecklistView
    asks: list[Ask]
    p_sentences: np.ndarray  # (customer sentences, items): information given
    p_info: np.ndarray  # (utterances, items)
    p_reason: np.ndarray  # (utterances, reasons): rows of agent utterances are zero
    customer_rows: list[int]  # the customer's utterances, in order
    metadata: dict[int, tuple[str, float]]  # items the call's metadata holds

    @property
    def asked(self) -> list[tuple[int, int]]:
        """(agent utterance, item) of every ask."""
        return [(a.sentence.utterance, a.item) for a in self.asks]

    @property
    def customer_reason(self) -> np.ndarray:
        """(customer utterances, reasons)."""
        return self.p_reason[self.customer_rows]


class AuditEngine:
    """Audits calls. Safe to share between threads once built."""

    def __init__(self, *, report_language: str = "en", scorers: Scorers | None = None) -> None:
        self.why_language = get_language(report_language)
        self.report_language = self.why_language.code
        self._scorers = scorers
        self._views: dict[tuple[str, str], ChecklistView] = {}
        self._by_encoder: dict[str, Scorers] = {}
        self._lock = threading.Lock()

    def scorers_for(self, lang: Language) -> Scorers:
        """Scorers fitted on this language's encoder (their cosine scales differ between encoders)."""
        if self._scorers is not None:
            return self._scorers
        name = lang.encoder().name
        with self._lock:
            if name not in self._by_encoder:
                self._by_encoder[name] = Scorers.for_encoder(name)
            return self._by_encoder[name]

    def warm_up(self, languages: tuple[str, ...] = ("en",)) -> None:
        """Load models now rather than on the first call (the service does this at start)."""
        for code in languages:
            lang = get_language(code)
            lang.encoder().encode(["warm up"])
            lang.fast_encoder().encode(["warm up"])
            paraphrase = lang.paraphrase_encoder()
            if paraphrase is not None:
                paraphrase.encode(["warm up"])
            lang.example_banks()
            self.scorers_for(lang)
            from audit.focus import analyzer_for

            analyzer_for(lang).bank  # noqa: B018 - builds the language's focus cue bank now

    def audit(self, transcript: Transcript, checklist: Checklist | None = None) -> Report:
        """Audit one call; without a checklist only customer focus is reported."""
        return self.audit_many([(transcript, checklist)])[0]

    def audit_many(self, calls: list[tuple[Transcript, Checklist | None]]) -> list[Report]:
        """Audit several calls, embedding their texts in shared batches."""
        langs, views = self._embed(calls)
        return [self._audit_one(t, c, lang, cv) for (t, c), lang, cv in zip(calls, langs, views, strict=True)]

    def signals_many(self, calls: list[tuple[Transcript, Checklist]]) -> list[Signals]:
        """The learned scorers' outputs for each call, before any verdict: what the reason model is fitted on
        (`audit.training.reasons`)."""
        langs, views = self._embed(calls)
        return [self._signals(cv, self._checklist_view(c, lang), self.scorers_for(lang))
                for (_, c), lang, cv in zip(calls, langs, views, strict=True)]

    def _embed(self, calls: list[tuple[Transcript, Checklist | None]]) -> tuple[list[Language], list[CallView]]:
        langs = [self._language_for(t, c) for t, c in calls]
        by_lang: dict[str, tuple[list[str], list[str]]] = {}
        for (t, c), lang in zip(calls, langs, strict=True):
            texts, shapes = by_lang.setdefault(lang.code, ([], []))
            more, more_shapes = call_texts(t, lang)
            texts += more
            shapes += more_shapes
            if c is not None and not self._has_view(c, lang):  # a known checklist's vectors are in its view
                more, more_shapes = item_texts(c)
                texts += more
                shapes += more_shapes
        for code, (texts, shapes) in by_lang.items():
            get_language(code).encoder().encode(texts)
            get_language(code).fast_encoder().encode(shapes)
        views = [build_call_view(t, lang) for (t, _), lang in zip(calls, langs, strict=True)]
        for code in by_lang:
            audited = [v for (_, c), v in zip(calls, views, strict=True) if c is not None]
            _search_banks([v for v in audited if v.language.code == code])
            reader = get_language(code).paraphrase_encoder()
            if reader is not None:  # one batch for all openings: each call's `opening_reason` then reads the cache
                reader.encode([s.text for (_, c), v in zip(calls, views, strict=True)
                               if c is not None and len(c.reasons) > 1 and v.language.code == code
                               for s in opening_sentences(v)])
        return langs, views

    # -- stages ------------------------------------------------------------------------------------

    def _language_for(self, t: Transcript, c: Checklist | None) -> Language:
        return get_language(t.language or (c.language if c else "en"))

    def forget_checklists(self) -> None:
        """Drop the prepared checklists, so the next calls embed theirs again (benchmarks time both cases)."""
        with self._lock:
            self._views.clear()

    def _has_view(self, c: Checklist, lang: Language) -> bool:
        with self._lock:
            return (lang.code, c.model_dump_json()) in self._views

    def _checklist_view(self, c: Checklist, lang: Language) -> ChecklistView:
        key = (lang.code, c.model_dump_json())
        with self._lock:
            view = self._views.get(key)
        if view is None:
            view = build_checklist_view(c, lang)
            with self._lock:
                if len(self._views) > 256:
                    self._views.clear()
                self._views[key] = view
        return view

    def _audit_one(self, t: Transcript, c: Checklist | None, lang: Language, cv: CallView) -> Report:
        from audit.focus import detect_focus

        focus = detect_focus(t, lang)
        engine_info = {"version": __version__, "encoder": lang.encoder().name}
        if c is None:
            return Report(call_id=t.call_id, language=t.language, report_language=self.report_language,
                          customer_focus=focus, summary=summarize([], []), engine=engine_info)
        kv = self._checklist_view(c, lang)
        sc = self.scorers_for(lang)
        sig = self._signals(cv, kv, sc)
        rscores = reason_scores(cv, kv, sig.p_reason, sig.customer_rows, sc.reason.threshold, sig.p_sentences,
                                sc.call_reason, sig.asked, sc.meta.get("call_reason_mode", "decide"))
        reasons = {r.id for r in rscores}
        descriptions = {r.id: r.description for r in c.reasons}
        reason_text = " and ".join(_lower_first(descriptions[r.id]) for r in rscores) or "something else"
        given_at = info_thresholds(kv, cv.language, sc.info.threshold, sc.info.threshold_untyped)
        questions = question_verdicts(cv, kv, sig.asks, reasons, sig.p_info, given_at, sig.metadata,
                                      self.why_language, reason_text)
        items = item_statuses(cv, kv, {a.item for a in sig.asks}, reasons, sig.p_info, given_at, sig.metadata)
        return Report(
            call_id=t.call_id, language=t.language, report_language=self.report_language,
            checklist=ChecklistRef(id=c.id, version=c.version), reasons=[r.id for r in rscores],
            reason_scores=rscores, questions=questions, items=items, customer_focus=focus,
            summary=summarize(questions, items), engine=engine_info)

    def _signals(self, cv: CallView, kv: ChecklistView, sc: Scorers) -> Signals:
        n_utt = len(cv.transcript.utterances)
        # which sentence asks which item
        p_ask = sc.ask.predict(ask_features(cv, kv))
        p_ask = directed_asks(cv, kv, closing_offers(cv, kv, paraphrase_asks(cv, kv, p_ask, sc.ask.threshold)))
        asks = pick_asks(cv, kv, p_ask, sc.ask.threshold)
        utt_ask = np.zeros((n_utt, len(kv.item_ids)), dtype=np.float32)
        for s, sent in enumerate(cv.agent_sentences):
            utt_ask[sent.utterance] = np.maximum(utt_ask[sent.utterance], p_ask[s])
        # which customer utterance gives which item's information
        cust = [i for i, u in enumerate(cv.transcript.utterances) if u.speaker == "customer"]
        p_sentences, p_info = information(cv, kv, sc.info.predict(info_features(cv, kv, utt_ask)), utt_ask,
                                          sc.ask.threshold)
        # what each customer utterance says the call is about
        p_reason = sc.reason.predict(reason_features(cv, kv))
        return Signals(cv, kv, asks, p_sentences, p_info, p_reason, cust, self._metadata_matches(cv, kv))

    @staticmethod
    def _metadata_matches(cv: CallView, kv: ChecklistView) -> dict[int, tuple[str, float]]:
        """Items whose information the call's metadata already holds (caller ID, account from the IVR).

        A key holds an item when the item's texts name the key's words together ("account number"), when the
        value has a type that only that kind of item asks for (a phone number for a callback-number item),
        when key and item mean nearly the same, or when the key's own words read clearly closest to the item
        and its value fits it (`_key_reads_as`: English field names on Russian and Turkish checklists). Sharing
        one word is not enough: an account number from the phone menu does not answer the account's passcode.
        """
        out: dict[int, tuple[str, float]] = {}
        if not cv.metadata_texts or not kv.item_ids:
            return out
        lang = cv.language
        sims = cv.metadata_vecs @ kv.combined_vecs.T
        # the key's own words alone ("tc kimlik no", "club card"): what the field is, read across languages
        keys = [_field_words(key) for key, _ in cv.metadata_texts]
        key_phrases = [" ".join(w for w in key.split() if w not in SOURCE_WORDS) for key in keys]
        key_sims = lang.encoder().encode(key_phrases) @ kv.combined_vecs.T
        ids = [_field_words(item_id) for item_id in kv.item_ids]
        id_words = [set(lang.tokens(item_id)) for item_id in ids]
        texts = [[lang.tokens(t) for t in (it.question, it.description, *it.variants, item_id)]
                 for it, item_id in zip(kv.checklist.items, ids, strict=True)]
        for m, (key, text) in enumerate(cv.metadata_texts):
            if key == "reason":
                continue
            key_list = [w for w in lang.tokens(keys[m]) if w not in SOURCE_WORDS]
            key_words = set(key_list)
            kinds = {v.kind for v in lang.values(text)} | lang.value_kinds_for(key.replace("_", " "))
            named = [i for i in range(len(kv.item_ids)) if key_list and any(_has_run(t, key_list) for t in texts[i])]
            if named:  # the key names an item ("account_number"): that one, however close others read
                i = max(named, key=lambda i: (id_words[i] == key_words, float(sims[m, i])))
                candidates = [(i, float(sims[m, i]))]
            else:
                best = float(sims[m].max())
                # an item taking the value's distinct kind needs less likeness, and the only such item only to be
                # the closest: a caller ID holds the callback number on any encoder's cosine scale
                owners = [i for i in range(len(kv.item_ids)) if kinds & kv.item_kinds[i] & DISTINCT_KINDS]
                candidates = [(i, float(sims[m, i])) for i in range(len(kv.item_ids))
                              if sims[m, i] >= best - 0.05 and (sims[m, i] >= META_COS or i in owners and (
                                  sims[m, i] >= META_COS_TYPED or owners == [i] and sims[m, i] >= best))]
            if not named and key_list and len(kv.item_ids) > 1:
                candidates += _key_reads_as(key_sims[m], kinds, kv)
            for i, s in candidates:
                if i not in out or out[i][1] < s:
                    out[i] = (key, s)
        return out


def _field_words(name: str) -> str:
    """A field name or item id as words: "order_no" reads "order number", as the item "order_number" does."""
    return _NUMBER_SHORT.sub("number", name.lower().replace("_", " "))


def _key_reads_as(sims: np.ndarray, kinds: set[str], kv: ChecklistView) -> list[tuple[int, float]]:
    """The item a metadata key's own words read clearly closest to, where its value is of a kind the item
    takes: "tc_kimlik_no" holds "T.C. kimlik numaranız?", "account_number_ivr" "Продиктуйте номер лицевого
    счёта" (keys are English field names whatever the call's language), but an account number never holds
    "the name on the account"."""
    order = np.argsort(-sims)
    i, j = int(order[0]), int(order[1])
    fits = not kv.item_typed[i] or bool(kinds & kv.item_kinds[i])
    if fits and sims[i] >= META_KEY_COS and sims[i] - sims[j] >= META_KEY_MARGIN:
        return [(i, float(sims[i]))]
    return []


def _has_run(words: list[str], run: list[str]) -> bool:
    """Whether `run` occurs in `words` as consecutive words: "account number" names an item asking for one, not
    one that mentions "the account" and "numbers" apart."""
    n = len(run)
    return any(words[k : k + n] == run for k in range(len(words) - n + 1))


def _search_banks(views: list[CallView]) -> None:
    """Find every call's nearest bank entries in one search per bank (agent sentences, customer turns)."""
    if not views:
        return
    ask_bank, info_bank = views[0].language.example_banks()
    queries = [v.agent_masked_vecs for v in views]
    answers = [v.customer_masked_vecs for v in views]
    for which, bank, parts in ((0, ask_bank, queries), (1, info_bank, answers)):
        if not parts or len(bank.vecs) == 0:
            continue
        top, sims = bank.neighbours(np.vstack(parts))
        at = 0
        for v, part in zip(views, parts, strict=True):
            v.neighbours[which] = (top[at : at + len(part)], sims[at : at + len(part)])
            at += len(part)


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:] if s and not s[:2].isupper() else s
