"""Trains the example churn model, honouring train-check's smoke-mode contract.

Environment (all optional, so `python train.py` alone does a full run):
  TRAIN_DATA             the training data: a CSV file or a folder of them (data/train.csv)
  MLOPS_SMOKE            1 on a pull request: a quick run on a sample
  MLOPS_SAMPLE_FRACTION  share of the training rows to use (1 in a full run)
  MLOPS_MAX_STEPS        at most this many epochs (unset in a full run)
  MLOPS_SEED             seeds every source of randomness
  MLOPS_OUTPUT_DIR       where model.pkl, metrics.json and steps.jsonl go

Writes steps.jsonl (one line per epoch: step, loss, val_loss), metrics.json (validation accuracy,
roc_auc, log_loss) and model.pkl: a scikit-learn Pipeline that takes raw rows (age, tenure_months,
monthly_spend, is_premium, country) as a pandas DataFrame, so the reference server can serve it.
Needs numpy, pandas and scikit-learn.
"""

import glob
import json
import os
import pickle
import sys

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import accuracy_score, log_loss, roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get("TRAIN_DATA", os.path.join(HERE, "data", "train.csv"))
EPOCHS = int(os.environ.get("EPOCHS", "30"))
NUMERIC = ["age", "tenure_months", "monthly_spend", "is_premium"]
CATEGORICAL = ["country"]


def read_rows(path):
    if os.path.isdir(path):
        files = sorted(glob.glob(os.path.join(path, "*.csv")))
        if not files:
            sys.exit("TRAIN_DATA=%s: no .csv files in that folder" % path)
        return pd.concat([pd.read_csv(f) for f in files], ignore_index=True)
    return pd.read_csv(path)


def load(path):
    """The rows of a CSV file, or of every *.csv in a folder (in name order), as features and labels."""
    frame = read_rows(path)
    frame["is_premium"] = frame["is_premium"].astype(str).str.lower().eq("true").astype(float)
    return frame[NUMERIC + CATEGORICAL], frame["churned"].to_numpy()


def main():
    seed = int(os.environ.get("MLOPS_SEED", "0"))
    fraction = float(os.environ.get("MLOPS_SAMPLE_FRACTION", "1"))
    max_steps = os.environ.get("MLOPS_MAX_STEPS")
    epochs = min(EPOCHS, int(max_steps)) if max_steps else EPOCHS
    out = os.environ.get("MLOPS_OUTPUT_DIR", os.path.join(HERE, "train-output"))
    os.makedirs(out, exist_ok=True)

    rng = np.random.default_rng(seed)
    x, y = load(DATA)
    order = rng.permutation(len(y))
    cut = int(len(y) * 0.8)
    train, valid = order[:cut], order[cut:]
    if fraction < 1:
        train = train[: max(50, int(len(train) * fraction))]
    xt, yt = x.iloc[train], y[train]
    xv, yv = x.iloc[valid], y[valid]

    prepare = ColumnTransformer([
        ("numeric", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), NUMERIC),
        ("country", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
    ])
    features = prepare.fit(xt)
    ft, fv = features.transform(xt), features.transform(xv)
    model = SGDClassifier(loss="log_loss", alpha=1e-3, learning_rate="constant", eta0=0.0005, random_state=seed)
    with open(os.path.join(out, "steps.jsonl"), "w") as log:
        for epoch in range(1, epochs + 1):
            model.partial_fit(ft, yt, classes=np.array([0, 1]))
            loss = log_loss(yt, model.predict_proba(ft)[:, 1], labels=[0, 1])
            val_loss = log_loss(yv, model.predict_proba(fv)[:, 1], labels=[0, 1])
            log.write(json.dumps({"step": epoch, "loss": loss, "val_loss": val_loss}) + "\n")
            print(f"epoch {epoch}/{epochs} loss={loss:.4f} val_loss={val_loss:.4f}", flush=True)

    pipeline = Pipeline([("prepare", features), ("model", model)])
    scores = pipeline.predict_proba(xv)[:, 1]
    metrics = {
        "accuracy": accuracy_score(yv, scores >= 0.5),
        "roc_auc": roc_auc_score(yv, scores),
        "log_loss": log_loss(yv, scores, labels=[0, 1]),
        "train_rows": int(len(yt)),
        "epochs": epochs,
    }
    with open(os.path.join(out, "metrics.json"), "w") as f:
        json.dump(metrics, f, indent=2, sort_keys=True)
    with open(os.path.join(out, "model.pkl"), "wb") as f:
        pickle.dump(pipeline, f, protocol=4)
    print(f"validation accuracy={metrics['accuracy']:.4f} roc_auc={metrics['roc_auc']:.4f}", file=sys.stderr)


if __name__ == "__main__":
    main()
