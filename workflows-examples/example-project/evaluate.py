"""Scores the validation rows of the example churn data with a trained model, for the metric gate.

Usage: python evaluate.py --model train-output/model.pkl --out eval/candidate.csv [--seed 0]

The validation rows are the ones train.py held out with the same seed (MLOPS_SEED, 0 by default),
so a candidate and the baseline scored with one seed are scored on the same examples, row for row:
evaluate-metrics-gate then compares them paired. Writes one row per example: customer_id, y_true,
y_score (the probability of churn) and country (a slice column). Needs numpy, pandas, scikit-learn.
"""

import argparse
import csv
import os
import pickle

import numpy as np

from train import DATA, load, read_rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", required=True, help="model.pkl written by train.py")
    parser.add_argument("--out", required=True, help="the predictions CSV to write")
    parser.add_argument("--seed", type=int, default=int(os.environ.get("MLOPS_SEED", "0")))
    args = parser.parse_args()

    x, y = load(DATA)
    ids = read_rows(DATA)["customer_id"].to_numpy()
    order = np.random.default_rng(args.seed).permutation(len(y))
    valid = np.sort(order[int(len(y) * 0.8):])
    with open(args.model, "rb") as f:
        model = pickle.load(f)
    scores = model.predict_proba(x.iloc[valid])[:, 1]

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["customer_id", "y_true", "y_score", "country"])
        for i, score in zip(valid, scores):
            writer.writerow([ids[i], int(y[i]), "%.6f" % score, x.iloc[i]["country"]])
    print("wrote %d predictions to %s" % (len(valid), args.out))


if __name__ == "__main__":
    main()
