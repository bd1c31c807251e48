"""The paired Poisson bootstrap of src/eval/bootstrap.ts written plainly in numpy: the reference that
scripts/bench-bootstrap.mjs times the TypeScript engine against.

    /usr/bin/python3 test/bench/bootstrap_numpy.py DIR [--resamples 1000] [--seed 0]
        [--confidence 0.95] [--threshold 0.5]

DIR holds little-endian float64 files: y_true.f64, candidate.f64, baseline.f64 and optionally
weight.f64. Prints one JSON object: per metric the estimate, the percentile interval
(np.percentile, method 'linear') and the standard error of the candidate, the baseline and their
paired difference, and the wall time of the setup and of the resamples.

Each resample draws rng.poisson(1, n) counts, multiplies them into the example weights and computes
every metric with vectorised numpy over orders sorted once: the weights are gathered into each
model's descending-score order, cumulative sums taken at the ends of the groups of equal scores
give ROC AUC (trapezoids) and average precision (sklearn's step sum), and dot products give the
confusion counts at the threshold, log loss and Brier score, with the per-row terms precomputed.
"""
import argparse
import json
import os
import resource
import time

import numpy as np

METRICS = ["accuracy", "precision", "recall", "f1", "roc_auc", "pr_auc", "log_loss", "brier"]


def prepare(y, score, threshold):
    """Everything about one model that does not depend on the weights."""
    order = np.argsort(-score, kind="stable")
    sorted_score = score[order]
    # Index of the last row of each group of equal scores, in the sorted order.
    ends = np.r_[np.flatnonzero(np.diff(sorted_score)), len(score) - 1]
    pred = (score >= threshold).astype(np.float64)
    eps = np.finfo(np.float64).eps
    p = np.clip(score, eps, 1 - eps)
    q = 1 - p
    s = q + p  # sklearn 1.2 renormalises by the rounded sum
    log_loss = -np.where(y == 1, np.log(p / s), np.log(q / s))
    return {
        "order": order,
        "ends": ends,
        "y_sorted": y[order],
        "neg_sorted": 1 - y[order],
        "pred": pred,
        "tp_row": y * pred,
        "log_loss": log_loss,
        "brier": (y - score) ** 2,
    }


def metrics(w, y, m):
    """The 8 metrics of one model under row weights w, in METRICS order."""
    total = w.sum()
    positives = w @ y
    negatives = total - positives
    tp = w @ m["tp_row"]
    predicted = w @ m["pred"]
    tn = negatives - (predicted - tp)
    precision = tp / predicted if predicted > 0 else 0.0
    recall = tp / positives if positives > 0 else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0

    ws = w[m["order"]]
    tps = np.cumsum(ws * m["y_sorted"])[m["ends"]]
    fps = np.cumsum(ws * m["neg_sorted"])[m["ends"]]
    p_all, n_all = tps[-1], fps[-1]
    previous_tps = np.r_[0.0, tps[:-1]]
    auc = np.dot(np.diff(fps, prepend=0.0), tps + previous_tps) / (2 * p_all * n_all) if p_all > 0 and n_all > 0 else np.nan
    seen = tps + fps
    precision_at = np.divide(tps, seen, out=np.zeros_like(tps), where=seen > 0)
    ap = np.dot(tps - previous_tps, precision_at) / p_all if p_all > 0 else 0.0
    return [
        (tp + tn) / total,
        precision,
        recall,
        f1,
        auc,
        ap,
        (w @ m["log_loss"]) / total,
        (w @ m["brier"]) / total,
    ]


def interval(values, estimate, confidence):
    values = values[~np.isnan(values)]
    low, high = np.percentile(values, [50 * (1 - confidence), 50 * (1 + confidence)])
    return {"estimate": float(estimate), "low": float(low), "high": float(high), "se": float(np.std(values, ddof=1))}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--resamples", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--confidence", type=float, default=0.95)
    parser.add_argument("--threshold", type=float, default=0.5)
    args = parser.parse_args()

    started = time.perf_counter()
    load = lambda name: np.fromfile(os.path.join(args.dir, name), dtype="<f8")
    y = load("y_true.f64")
    weight = load("weight.f64") if os.path.exists(os.path.join(args.dir, "weight.f64")) else np.ones_like(y)
    models = [prepare(y, load(name), args.threshold) for name in ("candidate.f64", "baseline.f64")]
    estimates = [metrics(weight, y, m) for m in models]
    setup = time.perf_counter() - started

    rng = np.random.default_rng(args.seed)
    values = np.empty((args.resamples, len(models), len(METRICS)))
    for r in range(args.resamples):
        w = rng.poisson(1.0, len(y)) * weight
        for k, m in enumerate(models):
            values[r, k] = metrics(w, y, m)
    resampling = time.perf_counter() - started - setup

    out = {}
    for i, name in enumerate(METRICS):
        c, b = estimates[0][i], estimates[1][i]
        out[name] = {
            "candidate": interval(values[:, 0, i], c, args.confidence),
            "baseline": interval(values[:, 1, i], b, args.confidence),
            "delta": interval(values[:, 0, i] - values[:, 1, i], c - b, args.confidence),
        }
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"metrics": out, "setupSeconds": setup, "resampleSeconds": resampling, "peakRssKiB": peak_kib}))


if __name__ == "__main__":
    main()
