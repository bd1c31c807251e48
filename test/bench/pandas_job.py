"""The benchmark's data job in pandas + scipy, written the way a data engineer would write it.

    python3 test/bench/pandas_job.py --data data.csv --schema schema.yaml --reference reference.csv

(--schema also takes the schema as JSON, which needs no PyYAML; the benchmark passes that.)

Reads both CSV files, checks the data against the schema (validate-data format, version 1),
profiles every column, tests every column for drift against the reference, and prints a small
JSON summary to stdout: row counts, nulls and violations per column, drifted columns, and how long
each phase took. `--profile-out FILE` also writes the full profile and drift tables.

Semantics follow validate-data: an empty field is null (and nothing else is: no "NA" guessing);
a value that does not parse as the column's type is a `type` violation and takes no part in the
other checks, the profile or the drift tests; `unique` counts every repeat after the first.
Drift: numeric columns (integer, number, timestamp without `allowed`) by the two-sample KS test,
the Wasserstein distance over the reference's standard deviation and the PSI on the reference's
deciles; categorical columns (category, boolean, integer with `allowed`) by the chi-square test
of the 2 x k contingency table, the Jensen-Shannon distance and the PSI over the categories;
p-values adjusted across columns by Benjamini-Hochberg at 0.05. `string` columns and `unique`
columns are not tested for drift.
"""

import argparse
import json
import sys
import time

import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial.distance import jensenshannon

QUANTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99]
DECILES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
HISTOGRAM_BINS = 20
TOP = 10
PSI_EPSILON = 1e-6
FDR = 0.05
DATE_FORMAT = "%Y-%m-%d"
DATETIME_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
TRUE_WORDS = ["true", "1", "yes"]
FALSE_WORDS = ["false", "0", "no"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--schema", required=True)
    parser.add_argument("--reference")
    parser.add_argument("--profile-out")
    args = parser.parse_args()

    timings = {}
    clock = time.perf_counter()

    def lap(name):
        nonlocal clock
        now = time.perf_counter()
        timings[name] = round(now - clock, 3)
        clock = now

    with open(args.schema, encoding="utf-8") as f:
        # The schema is YAML or JSON (the same format either way); JSON needs no PyYAML.
        schema = json.load(f) if args.schema.endswith(".json") else __import__("yaml").safe_load(f)
    columns = schema["columns"]

    data = read(args.data, columns)
    lap("read data")
    # The reference only feeds the drift tests: read just the columns they use.
    drift_columns = {name: rule for name, rule in columns.items() if drift_kind(rule)}
    reference = read(args.reference, drift_columns, usecols=list(drift_columns)) if args.reference else None
    lap("read reference")

    parsed, nulls, violations = check(data, columns, schema)
    lap("checks")
    profile = {name: profile_column(parsed[name], nulls[name], columns[name]) for name in columns}
    lap("profile")

    drift = {}
    drifted = []
    if reference is not None:
        reference_parsed = {name: parse_column(reference[name], rule) for name, rule in drift_columns.items()}
        lap("parse reference")
        for name, rule in columns.items():
            kind = drift_kind(rule)
            if kind == "numeric":
                drift[name] = numeric_drift(parsed[name], reference_parsed[name])
            elif kind == "categorical":
                drift[name] = categorical_drift(parsed[name], reference_parsed[name])
        drifted = benjamini_hochberg(drift)
        lap("drift")

    summary = {
        "tool": "pandas+scipy",
        "versions": {"pandas": pd.__version__, "numpy": np.__version__, "scipy": __import__("scipy").__version__},
        "rows": {"data": len(data), "reference": None if reference is None else len(reference)},
        "nulls": {name: int(n) for name, n in nulls.items()},
        "violations": violations,
        "profile": {name: compact(p) for name, p in profile.items()},
        "drifted": drifted,
        "drift": drift,
        "timings": timings,
    }
    if args.profile_out:
        with open(args.profile_out, "w", encoding="utf-8") as f:
            json.dump({"profile": profile, "drift": drift}, f, default=float)
    json.dump(summary, sys.stdout, default=float)
    sys.stdout.write("\n")


def read(path, columns, usecols=None):
    """One C-parser pass with the schema's dtypes.

    Category, boolean and small integer columns load as pandas categoricals (codes plus a small
    table of values, parsed once), free strings and timestamps as Python strings. Numeric columns
    are left to the parser's own inference, which yields float64/int64 on clean columns: a declared
    float64 dtype would abort the whole read on the first value that does not parse, and counting
    those is the point.
    """
    dtype = {}
    for name, rule in columns.items():
        kind = rule["type"]
        if kind in ("category", "boolean") or (kind == "integer" and "allowed" in rule):
            dtype[name] = "category"
        elif kind in ("string", "timestamp"):
            dtype[name] = "object"
    return pd.read_csv(path, dtype=dtype, usecols=usecols, keep_default_na=False, na_values=[""], low_memory=False)


def parse_column(raw, rule):
    """The column's values as its type: float64 for numbers, timestamps (ms) and booleans (0/1)."""
    kind = rule["type"]
    if kind in ("string", "category"):
        return raw
    if isinstance(raw.dtype, pd.CategoricalDtype):
        # Parse the (few) distinct values once, then broadcast through the codes.
        values = parse_values(pd.Series(raw.cat.categories.astype(str)), kind).to_numpy()
        codes = raw.cat.codes.to_numpy()
        return pd.Series(np.where(codes >= 0, values[codes], np.nan), index=raw.index)
    return parse_values(raw, kind)


def check(frame, columns, schema):
    """Parses every column to its type and counts violations of each rule, vectorised."""
    parsed = {}
    nulls = {}
    violations = {}
    unknown = [c for c in frame.columns if c not in columns]
    for name, rule in columns.items():
        raw = frame[name]
        kind = rule["type"]
        is_null = raw.isna()
        nulls[name] = int(is_null.sum())
        found = {}
        value = parse_column(raw, rule)
        bad = value.isna() & ~is_null
        found["type"] = int(bad.sum())
        if not rule.get("nullable", True):
            found["nullable"] = nulls[name]
        present = value[value.notna()]
        if "min" in rule:
            found["min"] = int((present < bound(rule["min"], kind)).sum())
        if "max" in rule:
            found["max"] = int((present > bound(rule["max"], kind)).sum())
        if "allowed" in rule:
            allowed = [str(v).lower() if isinstance(v, bool) else str(v) for v in rule["allowed"]]
            if isinstance(raw.dtype, pd.CategoricalDtype):
                ok = raw.cat.categories.astype(str).isin(allowed)
                codes = raw.cat.codes.to_numpy()
                outside = (codes >= 0) & ~np.append(ok, True)[codes] & ~bad.to_numpy()
                found["allowed"] = int(outside.sum())
            else:
                found["allowed"] = int((~present.astype(str).isin(allowed)).sum())
        if rule.get("unique"):
            found["unique"] = int(present.duplicated().sum())
        if "max_null_fraction" in rule:
            found["max_null_fraction"] = int(len(raw) > 0 and nulls[name] / len(raw) > rule["max_null_fraction"])
        violations[name] = found
        parsed[name] = value
    dataset = {}
    if schema.get("unknown_columns", "error") != "ignore":
        dataset["unknown_columns"] = len(unknown)
    rows = schema.get("rows") or {}
    if "min" in rows:
        dataset["rows.min"] = int(len(frame) < rows["min"])
    if "max" in rows:
        dataset["rows.max"] = int(len(frame) > rows["max"])
    violations["(dataset)"] = dataset
    return parsed, nulls, violations


def parse_values(raw, kind):
    """Values of one column as numbers (timestamps: ms since the epoch, UTC) or booleans; NaN where not."""
    if kind in ("integer", "number"):
        value = pd.to_numeric(raw, errors="coerce")
        if kind == "integer" and value.dtype.kind == "f":
            value = value.where(np.floor(value) == value)
        return value.astype("float64")
    if kind == "timestamp":
        # A date or a date-time: the column's shape (from its first value) through pandas' fast
        # fixed-format path, then the other shape for whatever failed; what parses under neither
        # is a type violation.
        present = raw.dropna()
        formats = [DATE_FORMAT, DATETIME_FORMAT]
        if len(present) > 0 and len(str(present.iloc[0])) > 10:
            formats.reverse()
        stamp = pd.to_datetime(raw, format=formats[0], errors="coerce", utc=True)
        failed = stamp.isna() & raw.notna()
        if failed.any():
            stamp[failed] = pd.to_datetime(raw[failed], format=formats[1], errors="coerce", utc=True)
        ms = (stamp.dt.tz_localize(None).to_numpy(dtype="datetime64[ms]").astype("int64")).astype("float64")
        ms[stamp.isna().to_numpy()] = np.nan
        return pd.Series(ms, index=raw.index)
    if kind == "boolean":
        text = raw.astype(str).str.strip().str.lower()
        value = pd.Series(np.nan, index=raw.index)
        value[text.isin(TRUE_WORDS).to_numpy()] = 1.0
        value[text.isin(FALSE_WORDS).to_numpy()] = 0.0
        return value
    raise ValueError(kind)


def bound(value, kind):
    if kind == "timestamp":
        stamp = pd.Timestamp(value)
        if stamp.tzinfo is not None:
            stamp = stamp.tz_convert("UTC").tz_localize(None)
        return float(stamp.value // 1_000_000)
    return float(value)


def profile_column(value, nulls, rule):
    present = value[value.notna()]
    counts = present.value_counts()
    counts = counts[counts > 0]  # a categorical lists its unused categories too
    result = {"count": int(len(present)), "nulls": int(nulls), "distinct": int(len(counts))}
    top = counts.head(TOP)
    result["top"] = [[str(k), int(v)] for k, v in top.items()]
    if rule["type"] in ("integer", "number", "timestamp") and len(present) > 0:
        x = present.to_numpy(dtype="float64")
        result.update(
            min=float(x.min()),
            max=float(x.max()),
            mean=float(x.mean()),
            std=float(x.std(ddof=1)) if len(x) > 1 else None,
            quantiles=dict(zip([str(q) for q in QUANTILES], np.quantile(x, QUANTILES).tolist())),
        )
        hist, edges = np.histogram(x, bins=HISTOGRAM_BINS)
        result["histogram"] = {"edges": edges.tolist(), "counts": hist.tolist()}
    return result


def compact(p):
    """The profile numbers the benchmark compares across programs."""
    return {
        "count": p["count"],
        "distinct": p["distinct"],
        "mean": p.get("mean"),
        "std": p.get("std"),
        "p50": p.get("quantiles", {}).get("0.5"),
    }


def drift_kind(rule):
    if rule.get("unique") or rule["type"] == "string":
        return None
    if rule["type"] in ("category", "boolean") or "allowed" in rule:
        return "categorical"
    return "numeric"


def numeric_drift(value, reference):
    x = value.dropna().to_numpy(dtype="float64")
    y = reference.dropna().to_numpy(dtype="float64")
    ks = stats.ks_2samp(x, y)
    scale = y.std(ddof=1)
    wasserstein = stats.wasserstein_distance(x, y) / scale if scale > 0 else 0.0
    edges = np.unique(np.quantile(y, DECILES))
    # Bins (-inf, e1], (e1, e2], ..., (e9, inf): the same as the DuckDB job's histogram over boundaries.
    p = np.bincount(np.searchsorted(edges, x, side="left"), minlength=len(edges) + 1) / len(x)
    q = np.bincount(np.searchsorted(edges, y, side="left"), minlength=len(edges) + 1) / len(y)
    return {
        "test": "ks",
        "statistic": float(ks.statistic),
        "p": float(ks.pvalue),
        "wasserstein_over_std": float(wasserstein),
        "psi": psi(p, q),
    }


def categorical_drift(value, reference):
    a = counts_by_value(value)
    b = counts_by_value(reference)
    table = pd.concat([a, b], axis=1, keys=["data", "reference"]).fillna(0)
    observed = table.to_numpy(dtype="float64").T
    chi2, p_value, dof, _ = stats.chi2_contingency(observed)
    p = observed[0] / observed[0].sum()
    q = observed[1] / observed[1].sum()
    return {
        "test": "chi2",
        "statistic": float(chi2),
        "dof": int(dof),
        "p": float(p_value),
        "js_distance": float(jensenshannon(p, q)),
        "psi": psi(p, q),
    }


def counts_by_value(value):
    counts = value.value_counts()
    counts = counts[counts > 0]
    counts.index = counts.index.astype(object)  # so two categoricals' values line up
    return counts


def psi(p, q):
    return float(np.sum((p - q) * np.log((p + PSI_EPSILON) / (q + PSI_EPSILON))))


def benjamini_hochberg(drift):
    names = list(drift)
    if not names:
        return []
    p = np.array([drift[n]["p"] for n in names])
    order = np.argsort(p, kind="stable")
    m = len(p)
    adjusted = np.minimum.accumulate((p[order] * m / np.arange(1, m + 1))[::-1])[::-1]
    adjusted = np.minimum(adjusted, 1.0)
    result = np.empty(m)
    result[order] = adjusted
    for name, q in zip(names, result):
        drift[name]["p_adjusted"] = float(q)
    return sorted(n for n, q in zip(names, result) if q <= FDR)


if __name__ == "__main__":
    main()
