import { z } from 'zod';
import { ConfigurationError } from './errors.js';

/**
 * Inputs are declared once in action.yml; each action has one zod object keyed by the same literal
 * names. A test checks that the two agree on names and defaults. Every input arrives as a string
 * (the runner's way); these helpers turn strings into typed values with clear errors.
 */

/** `true`/`false` exactly as @actions/core's getBooleanInput accepts them. */
export const booleanInput = (name: string) =>
  z.string().transform((value, ctx) => {
    if (['true', 'True', 'TRUE'].includes(value)) return true;
    if (['false', 'False', 'FALSE'].includes(value)) return false;
    ctx.addIssue({ code: 'custom', message: `input ${name}: ${JSON.stringify(value)} is not a boolean; use true or false` });
    return z.NEVER;
  });

export const choiceInput = <const T extends readonly [string, ...string[]]>(name: string, choices: T) =>
  z.string().transform((value, ctx) => {
    if ((choices as readonly string[]).includes(value)) return value as T[number];
    ctx.addIssue({ code: 'custom', message: `input ${name}: ${JSON.stringify(value)} is not one of ${choices.join(', ')}` });
    return z.NEVER;
  });

/**
 * A number within [min, max] (a whole one when `integer`); `what` names the allowed values in the
 * error, e.g. "a positive whole number".
 */
export const numberInput = (name: string, options: { min: number; max: number; integer: boolean; what: string }) =>
  z.string().transform((value, ctx) => {
    const n = Number(value);
    if (value.trim() !== '' && n >= options.min && n <= options.max && (!options.integer || Number.isInteger(n))) return n;
    ctx.addIssue({ code: 'custom', message: `input ${name}: ${JSON.stringify(value)} is not ${options.what}` });
    return z.NEVER;
  });

/** A list given one per line or comma separated, blank entries dropped. */
export function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** A list given one per line (paths, globs, keys): lines trimmed, blank ones dropped. */
export function splitLines(value: string | undefined): string[] {
  return (value ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export type RawInputs = Record<string, string>;

/**
 * Parses raw string inputs. Declare defaults with `.prefault('<the action.yml default>')`. An empty string counts as "not given", as on the runner, so the zod
 * default applies.
 */
export function parseInputs<S extends z.ZodObject>(schema: S, raw: RawInputs, actionName: string): z.output<S> {
  const given: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) if (value !== '') given[key] = value;
  const result = schema.safeParse(given);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name = String(issue.path[0] ?? '');
  const message = issue.code === 'invalid_type' && issue.input === undefined ? `input ${name} is required` : issue.message;
  throw new ConfigurationError(message.startsWith('input ') ? message : `input ${name}: ${message}`, {
    hint: `Set it in the step's \`with:\` block (see the inputs table in docs/actions/${actionName}.md).`,
  });
}

/** Names and defaults of an input schema, for `--help` and the action.yml agreement test. */
export function describeInputs(schema: z.ZodObject): Array<{ name: string; default?: string; required: boolean; description?: string }> {
  return Object.entries(schema.shape).map(([name, field]) => {
    const f = field as z.ZodType;
    // Defaults are declared with .prefault(): the raw string runs through the same parsing as a
    // given value, and it is the string action.yml shows.
    const def = f instanceof z.ZodPrefault ? String(f.def.defaultValue) : undefined;
    const required = !(f instanceof z.ZodPrefault) && !(f instanceof z.ZodOptional);
    return { name, default: def, required, description: f.description };
  });
}
