"""Fit the engine's three scorers on a bench set with annotations and write `audit/models/matching.json`.

    python -m audit.training.train ../shared/bench/sgd-train --limit 900 \
        --extra audit/training/handwritten/en-a:WEIGHT ...

Thresholds are chosen on checklists held out from fitting (grouped by service), so they reflect how the
scorers behave on services they have never seen, which is the case that matters in production.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import PolynomialFeatures

from audit.languages import get_language
from audit.matching.features import (
    ASK_FEATURES,
    INFO_FEATURES,
    REASON_FEATURES,
    ask_features,
    info_features,
    reason_features,
)
from audit.matching.model import WEIGHTS, Scorer, Scorers
from audit.matching.view import build_call_view, build_checklist_view, call_texts, item_texts
from audit.training.data import Example, load_set
from audit.verdicts import call_reasons, gated_items, information


def _fit(x: np.ndarray, y: np.ndarray, names: tuple[str, ...], c: float = 1.0,
         w: np.ndarray | None = None, degree: int = 2) -> Scorer:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    poly = PolynomialFeatures(degree=degree, include_bias=False)
    z = poly.fit_transform((x - mean) / scale)
    lr = LogisticRegression(C=c, max_iter=3000)
    lr.fit(z, y, sample_weight=w)
    return Scorer(names, mean, scale, poly.powers_.astype(np.int64), lr.coef_[0].astype(np.float64),
                  float(lr.intercept_[0]), 0.5)


def _f1(pred: np.ndarray, truth: np.ndarray, w: np.ndarray) -> float:
    tp = float(w[pred & truth].sum())
    prec, rec = tp / max(float(w[pred].sum()), 1e-9), tp / max(float(w[truth].sum()), 1e-9)
    return 2 * prec * rec / max(prec + rec, 1e-9)


GRID = np.round(np.arange(0.05, 0.96, 0.01), 2)
# On a few hundred held-out rows the score curve is flat near its best: the information thresholds of one
# refit scored within 0.005 of each other from 0.05 to 0.15, and picking the single best point made each
# refit jump across that range. Thresholds scoring within this much of the best form the plateau.
PLATEAU = 0.005


def _plateau_best(scores: np.ndarray) -> int:
    """Index of the middle of the plateau around the best score: the run of grid points next to the best
    one that all score within `PLATEAU` of it."""
    best = int(np.argmax(scores))
    near = scores >= scores[best] - PLATEAU
    lo = hi = best
    while lo > 0 and near[lo - 1]:
        lo -= 1
    while hi < len(scores) - 1 and near[hi + 1]:
        hi += 1
    return (lo + hi) // 2


def _best_threshold(p: np.ndarray, y: np.ndarray, w: np.ndarray | None = None) -> tuple[float, float]:
    """The threshold with the best (weighted) F1 of the positive class: the middle of its plateau."""
    w = np.ones(len(y)) if w is None else w
    scores = np.array([_f1(p >= t, y == 1, w) for t in GRID])
    k = _plateau_best(scores)
    return float(GRID[k]), float(scores[k])


def _gold(set_dir: Path) -> dict[str, dict[tuple[int, str], str]]:
    out: dict[str, dict[tuple[int, str], str]] = {}
    with open(set_dir / "gold.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            out.setdefault(r["call_id"], {})[(r["utterance"], r["item"])] = r["label"]
    return out


def _best_balanced(p: np.ndarray, y: np.ndarray, w: np.ndarray | None = None) -> float:
    """Threshold maximising the mean F1 of both classes: the middle of its plateau."""
    w = np.ones(len(y)) if w is None else w
    scores = np.array([(_f1(p >= t, y == 1, w) + _f1(p < t, y == 0, w)) / 2 for t in GRID])
    return float(GRID[_plateau_best(scores)])


def _ask_rows(ex: Example, cv, kv) -> tuple[np.ndarray, np.ndarray]:
    f = ask_features(cv, kv, ex.checklist.id)
    y = np.zeros(f.shape[:2], dtype=np.int64)
    score = f[:, :, 1] + f[:, :, 3]
    utt = np.array([s.utterance for s in cv.agent_sentences])
    for u, items in ex.requests.items():
        rows = np.where(utt == u)[0]
        for it in items:
            i = kv.item_ids.index(it)
            if len(rows):
                y[rows[np.argmax(score[rows, i])], i] = 1
    return f.reshape(-1, f.shape[-1]), y.reshape(-1)


def info_labels(ex: Example, sentences: list, score: np.ndarray, item_ids: list[str]) -> np.ndarray:
    """(customer sentences, items) labels: the sentence that holds the words giving each item.

    Annotations name the words ("the Shell station on Route 9"); the sentence containing them gives the item.
    Where the words are not found (an SGD value normalised away from its wording), the sentence of that
    utterance that reads most like the item does (`score`: sentence-item similarities).
    """
    y = np.zeros((len(sentences), len(item_ids)), dtype=np.int64)
    for u, items in ex.informs.items():
        rows = [k for k, s in enumerate(sentences) if s.utterance == u]
        if not rows:
            continue
        for it in items:
            i = item_ids.index(it)
            hits = [rows[k] for k in ex.sentences_giving(u, it, [sentences[k].text for k in rows])]
            for k in hits or [max(rows, key=lambda k: score[k, i])]:
                y[k, i] = 1
    return y


def _utterance_ask_prob(scorer: Scorer, cv, kv, n_utt: int, exclude: str | None = None) -> np.ndarray:
    f = ask_features(cv, kv, exclude)
    p = scorer.predict(f) if f.size else np.zeros(f.shape[:2])
    out = np.zeros((n_utt, len(kv.item_ids)), dtype=np.float32)
    for s, sent in enumerate(cv.agent_sentences):
        out[sent.utterance] = np.maximum(out[sent.utterance], p[s])
    return out


def _set_arg(text: str) -> tuple[Path, float]:
    path, _, weight = text.partition(":")
    return Path(path), float(weight or 1.0)


def main(argv: list[str] | None = None, *, prog: str | None = None, description: str | None = None,
         default_out: Path = WEIGHTS, default_languages: str = "en") -> int:
    """The command; `audit.training.multilingual` runs it with its own name, output file and languages."""
    ap = argparse.ArgumentParser(prog=prog, description=description or __doc__.splitlines()[0])
    ap.add_argument("set_dir", type=Path, help="an annotated bench set (sgd-train)")
    ap.add_argument("--limit", type=int, default=None, help="use only N calls of SET_DIR, spread over services")
    ap.add_argument("--extra", type=_set_arg, action="append", default=[], metavar="DIR[:WEIGHT]",
                    help="another annotated set (hand-written calls) and how much each call counts (default 1)")
    ap.add_argument("--languages", default=default_languages,
                    help=f"comma-separated call languages to train on (default {default_languages})")
    ap.add_argument("--out", type=Path, default=default_out, help=f"scorers file to write (default {default_out})")
    args = ap.parse_args(argv)
    t0 = time.time()
    wanted = set(args.languages.split(","))
    sets = [(args.set_dir, 1.0, args.limit), *((d, w, None) for d, w in args.extra)]
    examples = [ex for d, w, lim in sets for ex in load_set(d, lim, w) if ex.language in wanted]
    langs = {code: get_language(code) for code in {ex.language for ex in examples}}
    encoders = {lang.encoder().name for lang in langs.values()}
    if len(encoders) != 1:
        raise SystemExit(f"scorers are fitted for one encoder; these languages use {sorted(encoders)}")
    enc = next(iter(langs.values())).encoder()
    texts, shapes = [], []
    for ex in examples:
        more, more_shapes = call_texts(ex.transcript, langs[ex.language])
        texts += more
        shapes += more_shapes
    checklists = {ex.checklist.id: ex.checklist for ex in examples}
    for c in checklists.values():
        more, more_shapes = item_texts(c)
        texts += more
        shapes += more_shapes
    enc.encode(texts)
    next(iter(langs.values())).fast_encoder().encode(shapes)
    print(f"{len(examples)} calls, {len(texts)} texts embedded in {time.time() - t0:.1f}s", file=sys.stderr)
    kvs = {(ex.language, ex.checklist.id): None for ex in examples}
    for code, cid in kvs:
        kvs[(code, cid)] = build_checklist_view(checklists[cid], langs[code])
    views = [build_call_view(ex.transcript, langs[ex.language]) for ex in examples]

    def kv_of(k: int):
        return kvs[(examples[k].language, examples[k].checklist.id)]

    services = sorted(checklists)
    held = set(services[::4])  # every fourth checklist held out for thresholds
    fit_idx = [k for k, ex in enumerate(examples) if ex.checklist.id not in held]
    hold_idx = [k for k, ex in enumerate(examples) if ex.checklist.id in held]
    # thresholds are chosen on held-out calls of every set, each call counting with its weight
    calib_idx = hold_idx

    def rows(idx, fn):
        xs, ys, ws = [], [], []
        for k in idx:
            x, y = fn(examples[k], views[k], kv_of(k))
            xs.append(x)
            ys.append(y)
            ws.append(np.full(len(y), examples[k].weight))
        return np.concatenate(xs), np.concatenate(ys), np.concatenate(ws)

    # asks
    xa, ya, wa = rows(fit_idx, _ask_rows)
    ask = _fit(xa, ya, ASK_FEATURES, w=wa)
    xh, yh, wh = rows(hold_idx, _ask_rows)
    t, f1 = _best_threshold(ask.predict(xh), yh, wh)
    print(f"ask: {ya.sum()} positives of {len(ya)}; held-out F1 {f1:.3f} at {t:.2f}", file=sys.stderr)
    final_ask = _fit(np.concatenate([xa, xh]), np.concatenate([ya, yh]), ASK_FEATURES, w=np.concatenate([wa, wh]))
    final_ask = dataclasses.replace(final_ask, threshold=t)

    # information given
    def info_rows(ex, cv, kv):
        n = len(ex.transcript.utterances)
        f = info_features(cv, kv, _utterance_ask_prob(final_ask, cv, kv, n, ex.checklist.id), ex.checklist.id)
        y = info_labels(ex, cv.customer_sentences, f[:, :, 1], kv.item_ids)
        return f.reshape(-1, f.shape[-1]), y.reshape(-1)

    xi, yi, wi = rows(fit_idx, info_rows)
    info = _fit(xi, yi, INFO_FEATURES, c=0.3, w=wi)
    xh, yh, wh = rows(hold_idx, info_rows)
    xc, yc, wc = rows(calib_idx, info_rows)
    t, f1 = _best_threshold(info.predict(xc), yc, wc)
    print(f"info: {yi.sum()} positives of {len(yi)}; held-out F1 {f1:.3f} at {t:.2f}", file=sys.stderr)
    final_info = _fit(np.concatenate([xi, xh]), np.concatenate([yi, yh]), INFO_FEATURES, c=0.3,
                      w=np.concatenate([wi, wh]))
    # the threshold that matters: "given before this ask", on the sets' gold asks (held-out checklists)
    gold = {}
    for d, _, _ in sets:
        gold.update(_gold(d))
    prior, red, weights, typed = [], [], [], []
    for k in calib_idx:
        ex, cv, kv = examples[k], views[k], kv_of(k)
        n = len(ex.transcript.utterances)
        ua = _utterance_ask_prob(final_ask, cv, kv, n)
        # through the same rules the engine applies (typed values, value slots, closing items, turn limits)
        _, p = information(cv, kv, info.predict(info_features(cv, kv, ua)), ua, final_ask.threshold)
        gated = gated_items(kv, cv.language)
        for (u, it), label in gold.get(ex.transcript.call_id, {}).items():
            if label == "irrelevant":
                continue
            i = kv.item_ids.index(it)
            prior.append(float(p[:u, i].max()) if u > 0 else 0.0)
            red.append(int(label == "redundant"))
            weights.append(ex.weight)
            typed.append(bool(gated[i]))
    # items asking for a typed value pass the value rules, which zero most wrong scores and leave the rest
    # high; the others' scores are not sharpened: each group gets its own threshold
    prior_a, red_a, w_a, typed_a = np.array(prior), np.array(red), np.array(weights), np.array(typed)
    t = _best_balanced(prior_a[typed_a], red_a[typed_a], w_a[typed_a])
    t_untyped = _best_balanced(prior_a[~typed_a], red_a[~typed_a], w_a[~typed_a])
    print(f"info: redundant-vs-needed threshold {t:.2f} (typed items, {int(typed_a.sum())} held-out gold asks), "
          f"{t_untyped:.2f} (others, {int((~typed_a).sum())}); {len(calib_idx)} calls", file=sys.stderr)
    final_info = dataclasses.replace(final_info, threshold=t, threshold_untyped=t_untyped)

    # reasons: the utterance where an intent starts
    def reason_rows(ex, cv, kv):
        f = reason_features(cv, kv)
        y = np.zeros(f.shape[:2], dtype=np.int64)
        prev = "NONE"
        for u in sorted(ex.intents):
            cur = ex.intents[u]
            if cur != prev and cur in kv.reason_ids:
                y[u, kv.reason_ids.index(cur)] = 1
            prev = cur
        cust = np.array([x.speaker == "customer" for x in ex.transcript.utterances])
        return f[cust].reshape(-1, f.shape[-1]), y[cust].reshape(-1)

    xr, yr, wr = rows(fit_idx, reason_rows)
    reason = _fit(xr, yr, REASON_FEATURES, w=wr)
    # threshold at call level: a reason is the call's when its best utterance passes
    calls = []
    for k in calib_idx:
        ex, cv, kv = examples[k], views[k], kv_of(k)
        if len(kv.reason_ids) < 2:
            continue
        cust = np.array([x.speaker == "customer" for x in ex.transcript.utterances])
        calls.append((reason.predict(reason_features(cv, kv))[cust], kv.reason_ids, set(ex.intents.values()),
                      ex.weight))
    def call_f1(t: float) -> float:
        tp = fp = fn = 0.0
        for p, ids, truth, w in calls:
            got = {ids[r] for r in call_reasons(p, t)[0]}
            tp += w * len(got & truth)
            fp += w * len(got - truth)
            fn += w * len(set(ids) & truth - got)
        return 2 * tp / max(2 * tp + fp + fn, 1e-9)

    scores = np.array([call_f1(t) for t in GRID])
    k = _plateau_best(scores)
    t, f1 = float(GRID[k]), float(scores[k])
    print(f"reason: held-out call-level F1 {f1:.3f} at {t:.2f}", file=sys.stderr)
    xrh, yrh, wrh = rows(hold_idx, reason_rows)
    final_reason = _fit(np.concatenate([xr, xrh]), np.concatenate([yr, yrh]), REASON_FEATURES,
                        w=np.concatenate([wr, wrh]))
    final_reason = dataclasses.replace(final_reason, threshold=t)

    trained_on = " + ".join(f"{d.name}" + (f" x{w:g}" if w != 1 else "") for d, w, _ in sets)
    meta = {"trained_on": trained_on, "calls": str(len(examples)), "encoder": enc.name}
    Scorers(final_ask, final_info, final_reason, meta).save(args.out)
    print(f"wrote {args.out} in {time.time() - t0:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
