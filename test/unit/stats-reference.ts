/**
 * Runs reference computations in Debian's Python with numpy and scipy, for the tests of src/stats.
 * Each call starts one interpreter: the script reads JSON from stdin as `data` and prints its answer
 * with `emit(value)` (JSON with NaN and infinities allowed). Large arrays go through a temporary
 * file of float64 values (`writeFloat64`) that the script opens with np.fromfile.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect } from 'vitest';

/** Debian's interpreter: the one that sees python3-numpy and python3-scipy. */
export const PYTHON = '/usr/bin/python3';

const PRELUDE = `
import json, sys
import numpy as np
import scipy
import scipy.stats
import scipy.special
import scipy.spatial.distance
data = json.loads(sys.stdin.read())
def emit(value):
    def plain(v):
        if isinstance(v, np.ndarray):
            return [plain(x) for x in v.tolist()]
        if isinstance(v, (list, tuple)):
            return [plain(x) for x in v]
        if isinstance(v, dict):
            return {k: plain(x) for k, x in v.items()}
        if isinstance(v, (np.floating, float)):
            return float(v)
        if isinstance(v, (np.integer, int)) and not isinstance(v, bool):
            return int(v)
        return v
    sys.stdout.write(json.dumps(plain(value)))
`;

export function python<T = unknown>(script: string, data: unknown = null): T {
  const result = spawnSync(PYTHON, ['-c', PRELUDE + script], {
    input: JSON.stringify(data),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`python reference failed (${result.status}):\n${result.stderr}`);
  // Python's json writes NaN/Infinity, which JSON.parse does not read.
  const text = result.stdout.replace(/\bNaN\b/g, '"NaN"').replace(/-Infinity\b/g, '"-Infinity"').replace(/\bInfinity\b/g, '"Infinity"');
  return JSON.parse(text, (_key, value: unknown) => {
    if (value === 'NaN') return NaN;
    if (value === 'Infinity') return Infinity;
    if (value === '-Infinity') return -Infinity;
    return value;
  }) as T;
}

export function writeFloat64(file: string, values: Float64Array): string {
  writeFileSync(file, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  return file;
}

/** |actual - expected| <= rtol·|expected| (or both NaN, or equal infinities). */
export function closeTo(actual: number, expected: number, rtol = 1e-9): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= rtol * Math.abs(expected);
}

/** Expects agreement to `rtol`, naming the case that disagrees. */
export function expectClose(actual: number, expected: number, what: string, rtol = 1e-9): void {
  if (!closeTo(actual, expected, rtol)) {
    expect.fail(`${what}: got ${actual}, scipy/numpy gives ${expected} (relative difference ${Math.abs(actual - expected) / Math.abs(expected)})`);
  }
}

/** A seeded generator (mulberry32) of uniform numbers in [0, 1). */
export function makeRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal variates by Box–Muller. */
export function makeNormal(seed: number): () => number {
  const uniform = makeRandom(seed);
  return () => {
    const u = 1 - uniform();
    const v = uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}
