import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigurationError } from '../../src/platform/errors.js';
import { booleanInput, choiceInput, describeInputs, parseInputs, splitList } from '../../src/platform/inputs.js';
import { planAnnotations } from '../../src/platform/render/annotations.js';
import { byteLength, charLength, escapeText, renderReportMarkdown } from '../../src/platform/render/markdown.js';
import { renderReportText } from '../../src/platform/render/terminal.js';
import { buildReport, FindingCollector, reportSchema, shouldFailStep, type Finding, type Report } from '../../src/platform/report.js';

function reportWith(findings: Finding[], rows = 3, verdict: Report['verdict'] = 'fail'): Report {
  const collector = new FindingCollector(1000);
  for (const f of findings) collector.add(f);
  return buildReport(
    {
      action: 'validate-data',
      title: 'Data validation',
      verdict,
      headline: 'headline',
      startedAt: new Date('2026-01-01T00:00:00Z'),
      findings: collector,
      tables: [{ title: 'Failed checks', columns: ['column', 'violations'], rows: Array.from({ length: rows }, (_, i) => [`col${i}`, i]) }],
      charts: [{ title: 'chart', mermaid: 'xychart-beta\n  bar [1, 2]' }],
    },
    new Date('2026-01-01T00:00:01Z'),
  );
}

const error = (i: number): Finding => ({ severity: 'error', rule: 'max', message: `value ${i} too big`, file: 'data.csv', line: i + 2, subject: 'age' });

describe('report model', () => {
  it('builds a report that its own schema accepts, and decides the step per fail-on', () => {
    const report = reportWith([error(1), { severity: 'warning', rule: 'unknown_columns', message: 'extra' }]);
    expect(reportSchema.parse(report)).toEqual(report);
    expect(report.durationMs).toBe(1000);
    expect(shouldFailStep(report, 'error')).toBe(true);
    expect(shouldFailStep(report, 'never')).toBe(false);
    const warnOnly = reportWith([{ severity: 'warning', rule: 'x', message: 'w' }], 1, 'pass');
    expect(shouldFailStep(warnOnly, 'error')).toBe(false);
    expect(shouldFailStep(warnOnly, 'warning')).toBe(true);
    expect(shouldFailStep(reportWith([], 1, 'error'), 'never')).toBe(true);
  });
});

describe('markdown renderer', () => {
  it('renders the verdict, tables, a Mermaid chart and findings, escaping user text', () => {
    const report = reportWith([{ ...error(1), message: '<script>alert(1)</script> | @team' }]);
    const { markdown, truncated } = renderReportMarkdown(report, { budget: 1e6, measure: byteLength });
    expect(truncated).toBe(false);
    expect(markdown).toContain('## ❌ Data validation: fail');
    expect(markdown).toContain('| column | violations |');
    expect(markdown).toContain('```mermaid\nxychart-beta');
    expect(markdown).toContain('&lt;script&gt;');
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('@\u200bteam');
    expect(markdown).toContain('`data.csv:3`');
  });

  it('shows an excerpt of command output in a fence it cannot close, and keeps excerpts in the report schema', () => {
    const text = 'Traceback (most recent call last):\n```\n````` <b>not html</b>\nRuntimeError: boom';
    const report = { ...reportWith([]), excerpts: [{ title: 'Last 4 lines of output', text }] };
    expect(reportSchema.parse(report).excerpts).toEqual(report.excerpts);
    const { markdown } = renderReportMarkdown(report, { budget: 1e6, measure: byteLength });
    expect(markdown).toContain(`<summary><b>Last 4 lines of output</b></summary>\n\n\`\`\`\`\`\`text\n${text}\n\`\`\`\`\`\`\n`);
  });

  it('cuts whole sections to stay under a byte budget and says where the full report is', () => {
    const report = reportWith([], 40_000);
    const budget = 100_000;
    const { markdown, truncated } = renderReportMarkdown(report, { budget, measure: byteLength, fullReportHint: 'see artifact x' });
    expect(truncated).toBe(true);
    expect(byteLength(markdown)).toBeLessThanOrEqual(budget);
    expect(markdown).toContain('see artifact x');
    expect(markdown).toContain('## ❌ Data validation: fail');
  });

  it('fits a comment budget in characters even with multi-byte text', () => {
    const report = reportWith(Array.from({ length: 5000 }, (_, i) => ({ ...error(i), message: 'é'.repeat(50) })), 5000);
    const { markdown } = renderReportMarkdown(report, { budget: 64_000, measure: charLength, prefix: '<!-- marker -->\n', maxFindings: 5000 });
    expect(markdown.length).toBeLessThanOrEqual(64_000);
    expect(markdown.startsWith('<!-- marker -->\n')).toBe(true);
  });

  it('escapes markup in text', () => {
    expect(escapeText('a<b>&c @x')).toBe('a&lt;b&gt;&amp;c @\u200bx');
  });
});

describe('annotation planning', () => {
  it('annotates at most ten of each kind and rolls the rest into one notice', () => {
    const findings = [...Array.from({ length: 25 }, (_, i) => error(i)), ...Array.from({ length: 3 }, (_, i): Finding => ({ severity: 'warning', rule: 'w', message: `w${i}` }))];
    const planned = planAnnotations(reportWith(findings));
    expect(planned.filter((a) => a.severity === 'error')).toHaveLength(10);
    expect(planned.filter((a) => a.severity === 'warning')).toHaveLength(3);
    const notices = planned.filter((a) => a.severity === 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toMatch(/^15 errors more not annotated/);
    expect(planned[0]).toMatchObject({ file: 'data.csv', line: 2, title: 'Data validation: max' });
  });

  it('adds no roll-up when everything fits', () => {
    expect(planAnnotations(reportWith([error(1)])).map((a) => a.severity)).toEqual(['error']);
  });
});

describe('inputs', () => {
  const schema = z.object({
    data: z.string(),
    'fail-on': choiceInput('fail-on', ['error', 'warning', 'never'] as const).prefault('error'),
    comment: booleanInput('comment').prefault('true'),
    token: z.string().optional(),
  });

  it('applies action.yml-style string defaults and treats empty strings as not given', () => {
    expect(parseInputs(schema, { data: 'x.csv', 'fail-on': '', comment: 'False' }, 'a')).toEqual({ data: 'x.csv', 'fail-on': 'error', comment: false });
  });

  it('rejects a missing required input, a bad choice and a non-boolean with a configuration error', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{}, /input data is required/],
      [{ data: 'x', 'fail-on': 'sometimes' }, /input fail-on: "sometimes" is not one of error, warning, never/],
      [{ data: 'x', comment: 'yes' }, /input comment: "yes" is not a boolean/],
    ];
    for (const [raw, message] of cases) {
      expect(() => parseInputs(schema, raw, 'a')).toThrowError(ConfigurationError);
      expect(() => parseInputs(schema, raw, 'a')).toThrowError(message);
    }
  });

  it('describes names, defaults and required flags', () => {
    expect(describeInputs(schema).map(({ name, default: d, required }) => [name, d, required])).toEqual([
      ['data', undefined, true],
      ['fail-on', 'error', false],
      ['comment', 'true', false],
      ['token', undefined, false],
    ]);
  });

  it('splits lists on newlines and commas', () => {
    expect(splitList('a, b\n\nc,')).toEqual(['a', 'b', 'c']);
  });
});

describe('terminal renderer', () => {
  it('prints the verdict, aligned tables and the first findings', () => {
    const text = renderReportText(reportWith(Array.from({ length: 30 }, (_, i) => error(i))), 5);
    expect(text.split('\n')[0]).toBe('Data validation: FAIL');
    expect(text).toContain('  error   data.csv:2  value 0 too big');
    expect(text).toContain('…and 25 more in the JSON report');
  });
});

describe('command environment', () => {
  it('passes the job environment to a command, without the action inputs, saved state and runtime tokens', async () => {
    const { commandEnvironment } = await import('../../src/platform/environment.js');
    const env = commandEnvironment({
      PATH: '/usr/bin',
      GITHUB_SHA: 'abc',
      'INPUT_GITHUB-TOKEN': 'ghs_secret',
      INPUT_COMMAND: 'python train.py',
      STATE_x: '1',
      ACTIONS_RUNTIME_TOKEN: 'jwt',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
      ACTIONS_RESULTS_URL: 'http://results',
      ACTIONS_STEP_DEBUG: 'true',
      UNSET: undefined,
    });
    expect(env).toEqual({ PATH: '/usr/bin', GITHUB_SHA: 'abc', ACTIONS_STEP_DEBUG: 'true' });
  });
});
