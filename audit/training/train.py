"""Fit the engine's three scorers on a bench set with annotations and write `audit/models/matching.json`.

    python -m audit.training.train ../shared/bench/sgd-train

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
from audit.verdicts import call_reasons, constrain_info


def _fit(x: np.ndarray, y: np.ndarray, names: tuple[str, ...], c: float = 1.0) -> Scorer:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    poly = PolynomialFeatures(degree=2, include_bias=False)
    z = poly.fit_transform((x - mean) / scale)
    lr = LogisticRegression(C=c, max_iter=3000)
    lr.fit(z, y)
    return Scorer(names, mean, scale, poly.powers_.astype(np.int64), lr.coef_[0].astype(np.float64),
                  float(lr.intercept_[0]), 0.5)


def _best_threshold(p: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    best = (0.5, -1.0)
    for t in np.arange(0.05, 0.96, 0.01):
        pred = p >= t
        tp = float((pred & (y == 1)).sum())
        prec = tp / max(pred.sum(), 1)
        rec = tp / max((y == 1).sum(), 1)
        f1 = 2 * prec * rec / max(prec + rec, 1e-9)
        if f1 > best[1]:
            best = (float(t), f1)
    return best


def _gold(set_dir: Path) -> dict[str, dict[tuple[int, str], str]]:
    out: dict[str, dict[tuple[int, str], str]] = {}
    with open(set_dir / "gold.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            out.setdefault(r["call_id"], {})[(r["utterance"], r["item"])] = r["label"]
    return out


def _best_balanced(p: np.ndarray, y: np.ndarray) -> float:
    """Threshold maximising the mean F1 of both classes."""
    best = (0.5, -1.0)
    for t in np.arange(0.05, 0.96, 0.01):
        pred = p >= t
        f = []
        for cls_pred, cls_true in ((pred, y == 1), (~pred, y == 0)):
            tp = float((cls_pred & cls_true).sum())
            pr, rc = tp / max(cls_pred.sum(), 1), tp / max(cls_true.sum(), 1)
            f.append(2 * pr * rc / max(pr + rc, 1e-9))
        if sum(f) / 2 > best[1]:
            best = (float(t), sum(f) / 2)
    return best[0]


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


def _utterance_ask_prob(scorer: Scorer, cv, kv, n_utt: int, exclude: str | None = None) -> np.ndarray:
    f = ask_features(cv, kv, exclude)
    p = scorer.predict(f) if f.size else np.zeros(f.shape[:2])
    out = np.zeros((n_utt, len(kv.item_ids)), dtype=np.float32)
    for s, sent in enumerate(cv.agent_sentences):
        out[sent.utterance] = np.maximum(out[sent.utterance], p[s])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set_dir", type=Path)
    ap.add_argument("--limit", type=int, default=None, help="use only the first N calls")
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    args = ap.parse_args(argv)
    t0 = time.time()
    examples = load_set(args.set_dir, args.limit)
    lang = get_language("en")
    enc = lang.encoder()
    texts = []
    for ex in examples:
        texts += call_texts(ex.transcript, lang)
    for c in {ex.checklist.id: ex.checklist for ex in examples}.values():
        texts += item_texts(c)
    enc.encode(texts)
    print(f"{len(examples)} calls, {len(texts)} texts embedded in {time.time() - t0:.1f}s", file=sys.stderr)
    kvs = {c.id: build_checklist_view(c, lang) for c in {ex.checklist.id: ex.checklist for ex in examples}.values()}
    views = [build_call_view(ex.transcript, lang) for ex in examples]
    services = sorted(kvs)
    held = set(services[::4])  # every fourth service held out for thresholds
    fit_idx = [k for k, ex in enumerate(examples) if ex.checklist.id not in held]
    hold_idx = [k for k, ex in enumerate(examples) if ex.checklist.id in held]

    def rows(idx, fn):
        xs, ys = [], []
        for k in idx:
            x, y = fn(examples[k], views[k], kvs[examples[k].checklist.id])
            xs.append(x)
            ys.append(y)
        return np.concatenate(xs), np.concatenate(ys)

    # asks
    xa, ya = rows(fit_idx, _ask_rows)
    ask = _fit(xa, ya, ASK_FEATURES)
    xh, yh = rows(hold_idx, _ask_rows)
    t, f1 = _best_threshold(ask.predict(xh), yh)
    ask = dataclasses.replace(ask, threshold=t)
    print(f"ask: {ya.sum()} positives of {len(ya)}; held-out F1 {f1:.3f} at {t:.2f}", file=sys.stderr)
    final_ask = _fit(np.concatenate([xa, xh]), np.concatenate([ya, yh]), ASK_FEATURES)
    final_ask = dataclasses.replace(final_ask, threshold=t)

    # information given
    def info_rows(ex, cv, kv):
        n = len(ex.transcript.utterances)
        f = info_features(cv, kv, _utterance_ask_prob(final_ask, cv, kv, n, ex.checklist.id), ex.checklist.id)
        y = np.zeros(f.shape[:2], dtype=np.int64)
        for u, items in ex.informs.items():
            for it in items:
                y[u, kv.item_ids.index(it)] = 1
        cust = np.array([x.speaker == "customer" for x in ex.transcript.utterances])
        return f[cust].reshape(-1, f.shape[-1]), y[cust].reshape(-1)

    xi, yi = rows(fit_idx, info_rows)
    info = _fit(xi, yi, INFO_FEATURES, c=0.3)
    xh, yh = rows(hold_idx, info_rows)
    t, f1 = _best_threshold(info.predict(xh), yh)
    print(f"info: {yi.sum()} positives of {len(yi)}; held-out F1 {f1:.3f} at {t:.2f}", file=sys.stderr)
    final_info = _fit(np.concatenate([xi, xh]), np.concatenate([yi, yh]), INFO_FEATURES, c=0.3)
    # the threshold that matters: "given before this ask", on the set's gold asks (held-out services)
    gold = _gold(args.set_dir)
    prior, red = [], []
    for k in hold_idx:
        ex, cv, kv = examples[k], views[k], kvs[examples[k].checklist.id]
        n = len(ex.transcript.utterances)
        ua = _utterance_ask_prob(final_ask, cv, kv, n)
        cust_rows = [j for j, x in enumerate(ex.transcript.utterances) if x.speaker == "customer"]
        p = constrain_info(info.predict(info_features(cv, kv, ua)), ua, final_ask.threshold, cust_rows)
        for (u, it), label in gold.get(ex.transcript.call_id, {}).items():
            if label == "irrelevant":
                continue
            i = kv.item_ids.index(it)
            prior.append(float(p[:u, i].max()) if u > 0 else 0.0)
            red.append(int(label == "redundant"))
    t = _best_balanced(np.array(prior), np.array(red))
    print(f"info: redundant-vs-needed threshold {t:.2f} on {len(red)} held-out gold asks", file=sys.stderr)
    final_info = dataclasses.replace(final_info, threshold=t)

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

    xr, yr = rows(fit_idx, reason_rows)
    reason = _fit(xr, yr, REASON_FEATURES)
    # threshold at call level: a reason is the call's when its best utterance passes
    calls = []
    for k in hold_idx:
        ex, cv, kv = examples[k], views[k], kvs[examples[k].checklist.id]
        if len(kv.reason_ids) < 2:
            continue
        cust = np.array([x.speaker == "customer" for x in ex.transcript.utterances])
        calls.append((reason.predict(reason_features(cv, kv))[cust], kv.reason_ids, set(ex.intents.values())))
    best = (0.5, -1.0)
    for t in np.arange(0.05, 0.96, 0.01):
        tp = fp = fn = 0
        for p, ids, gold in calls:
            got = {ids[r] for r in call_reasons(p, t)[0]}
            tp, fp, fn = tp + len(got & gold), fp + len(got - gold), fn + len(set(ids) & gold - got)
        f1 = 2 * tp / max(2 * tp + fp + fn, 1)
        if f1 > best[1]:
            best = (float(t), f1)
    t, f1 = best
    print(f"reason: held-out call-level F1 {f1:.3f} at {t:.2f}", file=sys.stderr)
    final_reason = _fit(np.concatenate([xr, rows(hold_idx, reason_rows)[0]]),
                        np.concatenate([yr, rows(hold_idx, reason_rows)[1]]), REASON_FEATURES)
    final_reason = dataclasses.replace(final_reason, threshold=t)

    meta = {"trained_on": args.set_dir.name, "calls": str(len(examples)), "encoder": enc.name}
    Scorers(final_ask, final_info, final_reason, meta).save(args.out)
    print(f"wrote {args.out} in {time.time() - t0:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
