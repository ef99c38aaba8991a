"""Features for the learned decisions, computed from a call view and a checklist view.

Every feature is defined against the item's or reason's own texts (question, variants, description), never
against an item id, so the models trained on one set of services carry over to unseen checklists.
"""

from __future__ import annotations

import numpy as np

from audit.matching.view import CallView, ChecklistView

# Value kinds with their own match feature; others count in the generic one.
KEY_KINDS = ("date", "time", "count", "location", "name", "phone", "code", "money", "email", "address", "duration")

ASK_FEATURES = (
    "cos_question", "cos_phrasing", "cos_description", "cos_combined", "is_top", "margin", "is_question",
    "lex_item", "lex_question", "kind_match", "n_values", "n_sentences_same_item_higher",
    "knn_match", "knn_vote", "knn_is_ask", "cos_masked_desc", "cos_masked_combined",
)
INFO_FEATURES = (
    "cos_desc", "cos_combined", "cos_utt", "is_top", "margin", "prev_ask", "prev_ask_other", "prev_ask_any",
    "kind_any", *(f"kind_{k}" for k in KEY_KINDS), "n_kinds", "dont_know", "yes_no", "lex", "is_question",
    "short_answer", "prev_agent_cos", "knn_match", "knn_vote", "knn_gives",
    "cos_masked_desc", "cos_masked_combined", "item_yes_no", "item_untyped",
)
REASON_FEATURES = ("cos", "is_top", "margin", "lex", "cos_utt", "is_question")
# per (call, reason): the utterance scorer's view, the reason's own words, and the items only that reason needs
CALL_REASON_FEATURES = (
    "p_best", "p_best_margin", "p_won", "p_opening", "p_opening_margin", "cos", "cos_margin", "cos_opening",
    "cos_opening_margin", "cos_items", "cos_items_margin", "info_own_items", "has_own_items", "share", "rule",
)
# the customer's first turns, where callers say why they call
OPENING_TURNS = 2


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(b) if b else 0.0


def _top_margin(sim: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For a (rows, cols) similarity matrix: is-top indicator and margin over the best other column."""
    if sim.shape[1] == 0:
        return np.zeros_like(sim), np.zeros_like(sim)
    best = sim.max(axis=1, keepdims=True)
    if sim.shape[1] == 1:
        return np.ones_like(sim), sim.copy()
    part = np.sort(sim, axis=1)
    second = part[:, -2:-1]
    other_best = np.where(sim >= best, second, best)
    return (sim >= best).astype(np.float32), sim - other_best


def _bank_features(cv: CallView, kv: ChecklistView, which: int, queries: np.ndarray,
                   exclude_service: str | None) -> np.ndarray:
    bank = cv.language.example_banks()[which]
    key = f"{which}"
    if key not in kv.bank_match:
        kv.bank_match[key] = bank.entry_item_match(kv.shape_description_vecs)
    found = cv.neighbours.get(which) if exclude_service is None else None
    return bank.features(queries, kv.bank_match[key], exclude_service, found)


def ask_features(cv: CallView, kv: ChecklistView, exclude_service: str | None = None) -> np.ndarray:
    """(agent sentences, items, features). `exclude_service` hides a service's own bank examples (training)."""
    n_s, n_i = len(cv.agent_sentences), len(kv.item_ids)
    if n_s == 0 or n_i == 0:
        return np.zeros((n_s, n_i, len(ASK_FEATURES)), dtype=np.float32)
    a = cv.agent_vecs
    cq = a @ kv.question_vecs.T
    cp = np.stack([(a @ p.T).max(axis=1) for p in kv.phrasing_vecs], axis=1)
    cd = a @ kv.description_vecs.T
    cc = a @ kv.combined_vecs.T
    top, margin = _top_margin(np.maximum(cp, cc))
    lang = cv.language
    isq = np.array([lang.is_question(s.text) for s in cv.agent_sentences], dtype=np.float32)
    toks = [set(lang.tokens(s.text)) for s in cv.agent_sentences]
    kinds = [lang.value_kinds_for(s.text) for s in cv.agent_sentences]
    nval = np.array([len(lang.values(s.text)) for s in cv.agent_sentences], dtype=np.float32)
    f = np.zeros((n_s, n_i, len(ASK_FEATURES)), dtype=np.float32)
    f[:, :, 0], f[:, :, 1], f[:, :, 2], f[:, :, 3] = cq, cp, cd, cc
    f[:, :, 4], f[:, :, 5] = top, margin
    f[:, :, 6] = isq[:, None]
    for s in range(n_s):
        for i in range(n_i):
            f[s, i, 7] = _overlap(toks[s], kv.item_tokens[i])
            f[s, i, 8] = _overlap(toks[s], kv.question_tokens[i])
            ik = kv.item_kinds[i] - {"yes_no"}
            f[s, i, 9] = len(kinds[s] & ik) / len(ik) if ik else 0.0
    f[:, :, 10] = np.minimum(nval, 5)[:, None]
    # other sentences of the same utterance that match this item better (one ask per item per utterance)
    utt = np.array([s.utterance for s in cv.agent_sentences])
    score = np.maximum(cp, cc)
    for s in range(n_s):
        same = utt == utt[s]
        f[s, :, 11] = np.minimum((score[same] > score[s][None, :]).sum(axis=0), 2)
    f[:, :, 12:15] = _bank_features(cv, kv, 0, cv.agent_masked_vecs, exclude_service)
    f[:, :, 15] = cv.agent_masked_vecs @ kv.shape_description_vecs.T
    f[:, :, 16] = cv.agent_masked_vecs @ kv.shape_combined_vecs.T
    return f


def info_features(cv: CallView, kv: ChecklistView, ask_prob: np.ndarray,
                  exclude_service: str | None = None) -> np.ndarray:
    """(customer sentences, items, features).

    Read sentence by sentence, because a customer who volunteers several facts at once ("I have a flat.
    I'm at the Shell station on Route 9.") gives each in its own sentence. `ask_prob` is (utterances,
    items): how likely each agent utterance asks each item, so an answer to a question counts as giving
    that item's information.
    """
    sents = cv.customer_sentences
    n_s, n_i = len(sents), len(kv.item_ids)
    f = np.zeros((n_s, n_i, len(INFO_FEATURES)), dtype=np.float32)
    if n_i == 0 or n_s == 0:
        return f
    lang = cv.language
    sent_d = cv.customer_vecs @ kv.description_vecs.T
    sent_c = cv.customer_vecs @ kv.combined_vecs.T
    utt_c = cv.utterance_vecs @ kv.combined_vecs.T
    top, margin = _top_margin(sent_c)
    base = 8
    off = base + 1 + len(KEY_KINDS)
    typed = kv.item_typed
    sent_kinds = [{v.kind for v in lang.values(s.text)} for s in sents]
    # value kinds as indicator matrices, so kind agreement is one product rather than a loop per pair
    item_key = np.array([[kind in ik for kind in KEY_KINDS] for ik in kv.item_kinds], dtype=np.float32)
    sent_key = np.array([[kind in sk for kind in KEY_KINDS] for sk in sent_kinds], dtype=np.float32)
    f[:, :, base + 1 : base + 1 + len(KEY_KINDS)] = sent_key[:, None, :] * item_key[None, :, :]
    # what kind of item: a yes/no item ("do you agree to the fee?") is seldom answered before it is asked, and
    # one without a typed value is given only in words that resemble it
    f[:, :, off + 12] = np.array([float("yes_no" in ik and not u) for ik, u in zip(kv.item_kinds, typed,
                                                                                   strict=True)])[None, :]
    f[:, :, off + 13] = np.array([float(not u) for u in typed])[None, :]
    for k, sent in enumerate(sents):
        j = sent.utterance
        prev = cv.prev_agent[j]
        pa = ask_prob[prev] if prev >= 0 else np.zeros(n_i, dtype=np.float32)
        kinds = sent_kinds[k]
        toks = set(lang.tokens(sent.text))
        f[k, :, 0], f[k, :, 1], f[k, :, 2] = sent_d[k], sent_c[k], utt_c[j]
        f[k, :, 3], f[k, :, 4] = top[k], margin[k]
        f[k, :, 5] = pa
        if n_i > 1:
            top2 = np.sort(pa)[-2:]
            f[k, :, 6] = np.where(pa >= top2[-1], top2[0], top2[-1])  # best ask of another item
        f[k, :, 7] = pa.max()
        for i in range(n_i):
            f[k, i, base] = float(bool(kinds & typed[i]))
            f[k, i, off + 3] = _overlap(toks, kv.item_tokens[i])
        f[k, :, off] = min(len(kinds), 6)
        f[k, :, off + 1] = float("dont_know" in kinds)
        f[k, :, off + 2] = float("yes_no" in kinds)
        f[k, :, off + 4] = lang.is_question(sent.text)
        f[k, :, off + 5] = 1.0 / (1.0 + len(cv.tokens[j]))
        if prev >= 0:
            f[k, :, off + 6] = cv.utterance_vecs[prev] @ kv.combined_vecs.T
    mv = cv.customer_masked_vecs
    f[:, :, off + 7 : off + 10] = _bank_features(cv, kv, 1, mv, exclude_service)
    f[:, :, off + 10] = mv @ kv.shape_description_vecs.T
    f[:, :, off + 11] = mv @ kv.shape_combined_vecs.T
    return f


def by_utterance(cv: CallView, p_sentences: np.ndarray) -> np.ndarray:
    """(utterances, items) from (customer sentences, items): an utterance gives what any sentence gives."""
    out = np.zeros((len(cv.transcript.utterances), p_sentences.shape[1]), dtype=np.float32)
    for k, sent in enumerate(cv.customer_sentences):
        out[sent.utterance] = np.maximum(out[sent.utterance], p_sentences[k])
    return out


def reason_features(cv: CallView, kv: ChecklistView) -> np.ndarray:
    """(utterances, reasons, features); rows of agent utterances stay zero."""
    t = cv.transcript
    n_u, n_r = len(t.utterances), len(kv.reason_ids)
    f = np.zeros((n_u, n_r, len(REASON_FEATURES)), dtype=np.float32)
    if n_r == 0:
        return f
    sims = cv.customer_vecs @ kv.reason_vecs.T if len(cv.customer_sentences) else np.zeros((0, n_r))
    utt_of = np.array([s.utterance for s in cv.customer_sentences])
    utt_sim = cv.utterance_vecs @ kv.reason_vecs.T
    for j, u in enumerate(t.utterances):
        if u.speaker != "customer":
            continue
        rows = utt_of == j
        c = sims[rows].max(axis=0) if rows.any() else utt_sim[j]
        top, margin = _top_margin(c[None, :])
        f[j, :, 0], f[j, :, 1], f[j, :, 2] = c, top[0], margin[0]
        for r in range(n_r):
            f[j, r, 3] = _overlap(cv.tokens[j], kv.reason_tokens[r])
        f[j, :, 4] = utt_sim[j]
        f[j, :, 5] = max(cv.language.is_question(u.text[a:b]) for a, b in cv.language.sentences(u.text))
    return f


def _margin(v: np.ndarray) -> np.ndarray:
    """Each value minus the best of the others: positive only for the leader."""
    if len(v) < 2:
        return np.zeros_like(v)
    order = np.sort(v)[::-1]
    return v - np.where(v >= order[0], order[1], order[0])


def prompted(cv: CallView, n_items: int, asked: list[tuple[int, int]]) -> np.ndarray:
    """(customer sentences, items): the sentence is in the customer's reply to an ask of the item (the first
    customer turn after the ask)."""
    out = np.zeros((len(cv.customer_sentences), n_items), dtype=bool)
    by_turn: dict[int, list[int]] = {}
    for u, i in asked:
        by_turn.setdefault(u, []).append(i)
    pending: list[int] = []
    replies: dict[int, list[int]] = {}
    for j, turn in enumerate(cv.transcript.utterances):
        if turn.speaker == "customer":
            replies[j], pending = pending, []
        else:
            pending = pending + by_turn.get(j, [])
    for s, sent in enumerate(cv.customer_sentences):
        out[s, replies.get(sent.utterance, [])] = True
    return out


def call_reason_features(cv: CallView, kv: ChecklistView, p_reason: np.ndarray,
                         p_sentences: np.ndarray, asked: list[tuple[int, int]], rule: np.ndarray) -> np.ndarray:
    """(reasons, features) for deciding which reasons a whole call is about.

    `p_reason` holds the utterance scorer's probabilities for the customer's utterances, in order;
    `p_sentences` the information scores of the customer's sentences. A reason's own description is often
    worded unlike the caller ("water coming through my ceiling" against "a sink or drain is leaking"), but the
    items that serve it ("Where is the water coming from?") are worded like the call, so the items that apply
    to a reason speak for it too, and so does the customer giving what only that reason's items ask.
    A reply to an item's ask (`asked`: agent utterance, item) resembles the item whatever the call is about,
    so its likeness is not counted; the information it gives is: in fitting, answers to an item's ask
    showed the item's reason better than any other sign (held-out irrelevant F1 0.72 with them, 0.58 without).
    """
    n_r = len(kv.reason_ids)
    f = np.zeros((n_r, len(CALL_REASON_FEATURES)), dtype=np.float64)
    if n_r == 0:
        return f
    if len(p_reason):
        best = p_reason.max(axis=0)
        winner = p_reason.argmax(axis=1)
        won = np.array([p_reason[winner == r, r].max() if (winner == r).any() else 0.0 for r in range(n_r)])
        opening = p_reason[:OPENING_TURNS].max(axis=0)
    else:
        best = won = opening = np.zeros(n_r)
    turns = sorted({s.utterance for s in cv.customer_sentences})[:OPENING_TURNS]
    in_opening = np.array([s.utterance in turns for s in cv.customer_sentences], dtype=bool)
    if len(cv.customer_sentences):
        sims = cv.customer_vecs @ kv.reason_vecs.T
        cos = sims.max(axis=0)
        cos_opening = sims[in_opening].max(axis=0) if in_opening.any() else np.zeros(n_r)
        item_sims = cv.customer_vecs @ kv.combined_vecs.T if len(kv.item_ids) else None
        if item_sims is not None:
            item_sims = np.where(prompted(cv, len(kv.item_ids), asked), 0.0, item_sims)
    else:
        cos = cos_opening = np.zeros(n_r)
        item_sims = None
    cos_items, own_info, has_own = np.zeros(n_r), np.zeros(n_r), np.zeros(n_r)
    applies = [it.applies_to for it in kv.checklist.items]
    for r, rid in enumerate(kv.reason_ids):
        serving = [i for i, a in enumerate(applies) if a and rid in a and len(a) < n_r]
        own = [i for i, a in enumerate(applies) if a == [rid]]
        if item_sims is not None and serving:
            cos_items[r] = item_sims[:, serving].max()
        if own:
            has_own[r] = 1.0
            if len(p_sentences):
                own_info[r] = p_sentences[:, own].max()
    columns = (best, _margin(best), won, opening, _margin(opening), cos, _margin(cos), cos_opening,
               _margin(cos_opening), cos_items, _margin(cos_items), own_info, has_own, np.full(n_r, 1.0 / n_r), rule)
    for k, col in enumerate(columns):
        f[:, k] = col
    return f
