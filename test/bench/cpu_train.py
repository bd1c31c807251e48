"""A CPU-bound, single-process stand-in for a training script: the workload of the train-overhead
section of scripts/bench.mjs, run both bare and under train-check.

    /usr/bin/python3 test/bench/cpu_train.py [--steps 350] [--threads 1]

Full-batch gradient descent of a one-hidden-layer network (tanh, logistic output) on a fixed,
seeded synthetic dataset whose labels come from a random teacher network. The work is a fixed
number of steps, not a fixed time, so a slower run is a slower run. The BLAS runs on --threads
threads (set before numpy loads): one by default, so the run's speed does not depend on what
else holds the other cores.

Follows train-check's contract: writes $MLOPS_OUTPUT_DIR/steps.jsonl ({"step", "loss"} about 200
times in the run) and $MLOPS_OUTPUT_DIR/metrics.json, into a fresh temporary folder when the
variable is unset. Its last line on stdout is `cpu_seconds=<x> maxrss_mb=<y>`, its own
getrusage, so a bare run's CPU time and peak memory can be read without GNU time.
"""
import argparse
import json
import os
import resource
import tempfile
import time

ROWS = 16384
FEATURES = 64
HIDDEN = 256
LEARNING_RATE = 0.5


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=350)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    if args.steps < 2 or args.threads < 1:
        parser.error("--steps needs at least 2 and --threads at least 1")
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = str(args.threads)
    import numpy as np  # after the thread count is set: the BLAS reads it once, when it loads

    output_dir = os.environ.get("MLOPS_OUTPUT_DIR") or tempfile.mkdtemp(prefix="cpu-train-")
    os.makedirs(output_dir, exist_ok=True)
    seed = int(os.environ.get("MLOPS_SEED", "0"))

    rng = np.random.default_rng(seed)
    x = rng.standard_normal((ROWS, FEATURES))
    teacher = rng.standard_normal((FEATURES, 16)) / np.sqrt(FEATURES)
    y = (np.tanh(x @ teacher).sum(axis=1) > 0).astype(np.float64)[:, None]

    w1 = rng.standard_normal((FEATURES, HIDDEN)) / np.sqrt(FEATURES)
    b1 = np.zeros(HIDDEN)
    w2 = rng.standard_normal((HIDDEN, 1)) / np.sqrt(HIDDEN)
    b2 = np.zeros(1)

    every = max(1, args.steps // 200)
    started = time.perf_counter()
    loss = float("nan")
    with open(os.path.join(output_dir, "steps.jsonl"), "w") as log:
        for step in range(1, args.steps + 1):
            hidden = np.tanh(x @ w1 + b1)
            p = 1 / (1 + np.exp(-(hidden @ w2 + b2)))
            p = np.clip(p, 1e-12, 1 - 1e-12)
            loss = float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
            grad_out = (p - y) / ROWS
            grad_hidden = (grad_out @ w2.T) * (1 - hidden * hidden)
            w2 -= LEARNING_RATE * (hidden.T @ grad_out)
            b2 -= LEARNING_RATE * grad_out.sum(axis=0)
            w1 -= LEARNING_RATE * (x.T @ grad_hidden)
            b1 -= LEARNING_RATE * grad_hidden.sum(axis=0)
            if step % every == 0 or step == 1 or step == args.steps:
                log.write(json.dumps({"step": step, "loss": loss}) + "\n")
                log.flush()

    hidden = np.tanh(x @ w1 + b1)
    accuracy = float(np.mean(((hidden @ w2 + b2) > 0) == (y > 0.5)))
    seconds = time.perf_counter() - started
    with open(os.path.join(output_dir, "metrics.json"), "w") as f:
        json.dump({"loss": loss, "accuracy": accuracy, "steps": args.steps, "train_seconds": round(seconds, 3)}, f)
        f.write("\n")

    usage = resource.getrusage(resource.RUSAGE_SELF)
    # ru_maxrss is in KiB on Linux.
    print(f"trained {args.steps} steps in {seconds:.2f} s: loss {loss:.4f}, accuracy {accuracy:.4f}")
    print(f"cpu_seconds={usage.ru_utime + usage.ru_stime:.3f} maxrss_mb={usage.ru_maxrss / 1024:.1f}")


if __name__ == "__main__":
    main()
