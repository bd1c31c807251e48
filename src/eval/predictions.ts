import { createHash } from 'node:crypto';
import type { BatchSink, RawColumn, ReadOptions, RowBatch } from '../data/batch.js';
import { FIELD_NULL, FIELD_QUOTED_ESCAPED } from '../data/batch.js';
import { readDataFile } from '../data/readers/index.js';
import { fieldText, parseNumberBytes } from '../data/typed.js';
import { ConfigurationError } from '../platform/errors.js';

/**
 * A predictions file (CSV, JSONL or Parquet; one row per example) read into typed columns: the
 * label, the model's score and/or predicted label, an optional weight, an optional example id and
 * optional slice columns. Labels are numbers (binary: 0/1 or true/false) or, for multiclass, any
 * values, coded 0..k-1 in sorted order as scikit-learn orders them.
 */
export interface PredictionColumnNames {
  label: string;
  score: string;
  prediction: string;
  weight: string;
  id?: string;
  slices?: string[];
}

export const DEFAULT_COLUMNS: PredictionColumnNames = { label: 'y_true', score: 'y_score', prediction: 'y_pred', weight: 'weight' };

export interface LoadedPredictions {
  file: string;
  rows: number;
  yTrue: Float64Array;
  yScore?: Float64Array;
  yPred?: Float64Array;
  weight?: Float64Array;
  /** The label of each code, when labels were not plain numbers used as they are. */
  labels: string[];
  /** Slice column values, coded per column: codes[i] indexes values. */
  slices: Record<string, { values: string[]; codes: Uint32Array }>;
  /**
   * sha256 of the eval set itself (labels, weights and ids, in row order), not of the model's
   * outputs: two models scored on the same examples have the same fingerprint.
   */
  fingerprint: string;
}

/** Grows a Float64Array as rows come. */
class Column {
  data = new Float64Array(1 << 16);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = x;
  }
  done(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

/** Codes strings in order of first sight; recoded to sorted order at the end. */
class Dictionary {
  readonly index = new Map<string, number>();
  readonly values: string[] = [];
  code(text: string): number {
    let c = this.index.get(text);
    if (c === undefined) {
      c = this.values.length;
      this.index.set(text, c);
      this.values.push(text);
    }
    return c;
  }
}

export async function loadPredictions(
  file: { path: string; displayName: string },
  names: PredictionColumnNames,
  read: ReadOptions,
  options: { labelsNumeric: boolean },
): Promise<LoadedPredictions> {
  const label = new Column();
  const score = new Column();
  const pred = new Column();
  const weight = new Column();
  const labelText = new Dictionary();
  const slices = (names.slices ?? []).map((name) => ({ name, dict: new Dictionary(), codes: new Column() }));
  const hash = createHash('sha256');
  let at: Record<string, number> = {};
  let has = { score: false, pred: false, weight: false, id: false };

  const text = (col: RawColumn, r: number): string | null => {
    if (col.kind === 'values') {
      const v = col.values[r];
      return v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v);
    }
    if (col.flags[r] === FIELD_NULL) return null;
    return fieldText(col.buf, col.start[r]!, col.end[r]!, col.flags[r] === FIELD_QUOTED_ESCAPED, col.quote);
  };
  const number = (col: RawColumn, r: number): number => {
    if (col.kind === 'values') {
      const v = col.values[r];
      if (typeof v === 'number') return v;
      if (typeof v === 'boolean') return v ? 1 : 0;
      if (typeof v === 'bigint') return Number(v);
      if (typeof v === 'string' && v.trim() !== '') return Number(v);
      return NaN;
    }
    if (col.flags[r] === FIELD_NULL) return NaN;
    return parseNumberBytes(col.buf, col.start[r]!, col.end[r]!);
  };
  const bad = (batch: RowBatch, r: number, column: string, value: string | null, expected: string): ConfigurationError =>
    new ConfigurationError(`${column}: ${value === null ? 'an empty value' : JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value)} is not ${expected}`, {
      file: file.displayName,
      line: batch.positionKind === 'line' ? batch.positions[r] : undefined,
      hint:
        batch.positionKind === 'row'
          ? `At row ${batch.positions[r]! + 1}. Every row needs ${expected} in ${column}; drop or fix the rows without one before the evaluation.`
          : `Every row needs ${expected} in ${column}; drop or fix the rows without one before the evaluation.`,
    });

  const sink: BatchSink = {
    beginFile(_f, header) {
      at = Object.fromEntries(header.map((n, i) => [n, i]));
      if (at[names.label] === undefined) {
        throw new ConfigurationError(`no label column "${names.label}" in the predictions (columns: ${header.slice(0, 20).join(', ')})`, {
          file: file.displayName,
          line: 1,
          hint: 'Name the column of true labels with `label-column`, or call it y_true.',
        });
      }
      has = { score: at[names.score] !== undefined, pred: at[names.prediction] !== undefined, weight: at[names.weight] !== undefined, id: names.id !== undefined && at[names.id] !== undefined };
      if (!has.score && !has.pred) {
        throw new ConfigurationError(`the predictions have neither a score column "${names.score}" nor a predicted-label column "${names.prediction}"`, {
          file: file.displayName,
          line: 1,
          hint: 'Write the model’s score (probability of the positive class) as y_score, or its predicted label (or value) as y_pred; or name them with score-column / prediction-column.',
        });
      }
      if (names.id !== undefined && !has.id) throw new ConfigurationError(`no id column "${names.id}" in the predictions`, { file: file.displayName, line: 1, hint: 'Remove id-column, or add the column.' });
      for (const s of slices) {
        if (at[s.name] === undefined) throw new ConfigurationError(`no slice column "${s.name}" in the predictions`, { file: file.displayName, line: 1, hint: 'Name columns the predictions file has in slices.columns of the gates file.' });
      }
    },
    batch(batch) {
      const cols = batch.columns;
      const labelCol = cols[at[names.label]!]!;
      const scoreCol = has.score ? cols[at[names.score]!] : undefined;
      const predCol = has.pred ? cols[at[names.prediction]!] : undefined;
      const weightCol = has.weight ? cols[at[names.weight]!] : undefined;
      const idCol = has.id ? cols[at[names.id!]!] : undefined;
      const rowHash = new Float64Array(batch.rowCount * 2);
      for (let r = 0; r < batch.rowCount; r++) {
        if (options.labelsNumeric) {
          const y = number(labelCol, r);
          if (!Number.isFinite(y)) throw bad(batch, r, names.label, text(labelCol, r), 'a number');
          label.push(y);
        } else {
          const t = text(labelCol, r);
          if (t === null) throw bad(batch, r, names.label, t, 'a label');
          label.push(labelText.code(t));
        }
        rowHash[2 * r] = label.data[label.length - 1]!;
        if (scoreCol) {
          const s = number(scoreCol, r);
          if (!Number.isFinite(s)) throw bad(batch, r, names.score, text(scoreCol, r), 'a finite number');
          score.push(s);
        }
        if (predCol) {
          if (options.labelsNumeric) {
            const p = number(predCol, r);
            if (!Number.isFinite(p)) throw bad(batch, r, names.prediction, text(predCol, r), 'a number');
            pred.push(p);
          } else {
            const t = text(predCol, r);
            if (t === null) throw bad(batch, r, names.prediction, t, 'a label');
            pred.push(labelText.code(t));
          }
        }
        if (weightCol) {
          const w = number(weightCol, r);
          if (!(w >= 0) || !Number.isFinite(w)) throw bad(batch, r, names.weight, text(weightCol, r), 'a non-negative number');
          weight.push(w);
        }
        rowHash[2 * r + 1] = weightCol ? weight.data[weight.length - 1]! : 1;
        for (const s of slices) {
          const t = text(cols[at[s.name]!]!, r) ?? '(empty)';
          s.codes.push(s.dict.code(t));
        }
        if (idCol) hash.update(`${text(idCol, r) ?? ''}\n`);
      }
      hash.update(new Uint8Array(rowHash.buffer));
    },
  };
  await readDataFile(file, read, sink);
  if (label.length === 0) throw new ConfigurationError('the predictions file has no rows', { file: file.displayName, hint: 'The evaluation step must write one row per example.' });

  let yTrue = label.done();
  let yPred = has.pred ? pred.done() : undefined;
  let labels: string[] = [];
  if (!options.labelsNumeric) {
    // Codes in sorted label order, as sklearn's unique_labels sorts them (numbers numerically).
    const order = labelText.values.map((v, i) => ({ v, i })).sort((a, b) => compareLabels(a.v, b.v));
    const recode = new Float64Array(order.length);
    order.forEach((o, rank) => (recode[o.i] = rank));
    yTrue = yTrue.map((c) => recode[c]!);
    yPred = yPred?.map((c) => recode[c]!);
    labels = order.map((o) => o.v);
  }
  return {
    file: file.displayName,
    rows: label.length,
    yTrue,
    yScore: has.score ? score.done() : undefined,
    yPred,
    weight: has.weight ? weight.done() : undefined,
    labels,
    slices: Object.fromEntries(slices.map((s) => [s.name, { values: s.dict.values, codes: Uint32Array.from(s.codes.done()) }])),
    fingerprint: `sha256:${hash.update(`labels:${labels.join('\u0000')}`).digest('hex')}`,
  };
}

/** scikit-learn's class order: numbers numerically, other labels as strings. */
export function compareLabels(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}
