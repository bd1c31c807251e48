import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { ConfigurationError } from '../platform/errors.js';

/**
 * Metrics written by a training or evaluation script: JSON or YAML (nested objects flattened to
 * dotted keys, so a DVC `metrics.json` such as {"test": {"auc": 0.9}} gives `test.auc`), or CSV,
 * either as `metric,value` rows or as a header of metric names over one row of values. Only
 * numbers are kept; other values are ignored.
 */
export async function readMetricsFile(file: string, displayName: string): Promise<Record<string, number>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigurationError(code === 'ENOENT' ? 'metrics file not found' : `cannot read the metrics file (${code ?? 'error'})`, {
      file: displayName,
      hint: 'Check the path: it is relative to the workspace, and the step that writes the file must run before this one.',
    });
  }
  if (text.trim() === '') throw new ConfigurationError('the metrics file is empty', { file: displayName, line: 1, hint: 'Write the metrics as JSON, YAML or CSV.' });
  const metrics = /\.csv$/i.test(file) ? parseCsvMetrics(text, displayName) : parseStructured(text, displayName);
  if (Object.keys(metrics).length === 0) {
    throw new ConfigurationError('the metrics file has no numeric metric', { file: displayName, line: 1, hint: 'Write numbers, e.g. {"roc_auc": 0.91} or a CSV with metric,value rows.' });
  }
  return metrics;
}

function parseStructured(text: string, displayName: string): Record<string, number> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  const error = doc.errors[0];
  if (error) {
    throw new ConfigurationError(`the metrics file is not valid JSON or YAML: ${error.message.split('\n')[0]}`, {
      file: displayName,
      line: lineCounter.linePos(error.pos[0]).line,
      hint: 'Fix the syntax at this line.',
    });
  }
  const out: Record<string, number> = {};
  flatten(doc.toJS(), '', out);
  return out;
}

/** Numbers (and numeric strings) of nested objects, under dotted keys. */
export function flatten(value: unknown, prefix: string, out: Record<string, number>): void {
  if (typeof value === 'number') {
    if (prefix !== '') out[prefix] = value;
    return;
  }
  if (typeof value === 'string' && prefix !== '' && value.trim() !== '' && Number.isFinite(Number(value))) {
    out[prefix] = Number(value);
    return;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix === '' ? key : `${prefix}.${key}`, out);
  }
}

function parseCsvMetrics(text: string, displayName: string): Record<string, number> {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const cells = lines.map((l) => l.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1')));
  const header = cells[0]!;
  const out: Record<string, number> = {};
  const isLong = header.length === 2 && /^(metric|name)$/i.test(header[0]!) && /^value$/i.test(header[1]!);
  if (isLong) {
    cells.slice(1).forEach((row, i) => {
      const value = Number(row[1]);
      if (row.length !== 2 || row[1] === '' || !Number.isFinite(value)) {
        throw new ConfigurationError(`metric ${JSON.stringify(row[0] ?? '')}: ${JSON.stringify(row[1] ?? '')} is not a number`, {
          file: displayName,
          line: i + 2,
          hint: 'Each row is a metric name and its value, e.g. roc_auc,0.91.',
        });
      }
      out[row[0]!] = value;
    });
    return out;
  }
  if (cells.length !== 2) {
    throw new ConfigurationError(`a CSV metrics file has either a metric,value header or one row of values under the metric names; this one has ${cells.length - 1} rows`, {
      file: displayName,
      line: 1,
      hint: 'Write `metric,value` then one metric per row, or the names on the first line and the values on the second.',
    });
  }
  header.forEach((name, i) => {
    const raw = cells[1]![i] ?? '';
    const value = Number(raw);
    if (raw === '' || !Number.isFinite(value)) {
      throw new ConfigurationError(`metric ${JSON.stringify(name)}: ${JSON.stringify(raw)} is not a number`, { file: displayName, line: 2, hint: 'Every value on the second line must be a number.' });
    }
    out[name] = value;
  });
  return out;
}
