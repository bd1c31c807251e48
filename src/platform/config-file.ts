import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import type { z } from 'zod';
import { ConfigurationError } from './errors.js';

/**
 * Loads a user-written config file (YAML or JSON; JSON is YAML) and validates it with a zod
 * schema. Every mistake becomes a ConfigurationError that names the file and the line of the
 * offending key, so an editor can jump to it.
 */
export interface LoadedConfig<T> {
  value: T;
  /** Line (1-based) of the node at a path such as ['columns', 'age'], when the file has it. */
  lineOf(path: ReadonlyArray<string | number>): number | undefined;
}

export async function loadConfigFile<S extends z.ZodType>(file: string, displayName: string, schema: S, what: string): Promise<LoadedConfig<z.output<S>>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigurationError(code === 'ENOENT' ? `${what} not found` : `cannot read ${what} (${code ?? 'error'})`, {
      file: displayName,
      hint: code === 'ENOENT' ? 'Check the path: it is relative to the workspace (the repository root).' : undefined,
    });
  }
  return parseConfigText(text, displayName, schema, what);
}

export function parseConfigText<S extends z.ZodType>(text: string, displayName: string, schema: S, what: string): LoadedConfig<z.output<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const firstError = doc.errors[0];
  if (firstError) {
    const line = lineCounter.linePos(firstError.pos[0]).line;
    throw new ConfigurationError(`${what} is not valid YAML: ${firstError.message.split('\n')[0]}`, {
      file: displayName,
      line,
      hint: 'Fix the syntax at this line (indentation, a missing colon, an unclosed quote or bracket).',
    });
  }
  const lineOf = (path: ReadonlyArray<string | number>): number | undefined => {
    let node: unknown = doc.contents;
    let lastWithRange: unknown = node;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => {
          const k = item.key as { value?: unknown } | null;
          return k !== null && typeof k === 'object' && String(k.value) === String(key);
        });
        if (!pair) break;
        lastWithRange = pair.key;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
        if (node) lastWithRange = node;
      } else {
        break;
      }
    }
    const range = (lastWithRange as Node | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  const raw: unknown = doc.toJS();
  if (raw === null || raw === undefined) {
    throw new ConfigurationError(`${what} is empty`, { file: displayName, line: 1, hint: 'Start it with `version: 1`.' });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const at = path.length > 0 ? path.join('.') : '(top level)';
    throw new ConfigurationError(`${what}: ${at}: ${issue.message}`, {
      file: displayName,
      line: lineOf(path) ?? 1,
      hint: describeIssueFix(issue),
    });
  }
  return { value: parsed.data, lineOf };
}

function describeIssueFix(issue: z.core.$ZodIssue): string | undefined {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `Remove or correct ${issue.keys.map((k) => `"${k}"`).join(', ')}; see the JSON Schema for the keys allowed here.`;
    case 'invalid_value':
      return `Use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'invalid_type':
      return `Expected ${issue.expected} here.`;
    default:
      return undefined;
  }
}
