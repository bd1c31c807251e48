import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { dataSchemaSchema } from '../../src/data/schema.js';
import { parseConfigText } from '../../src/platform/config-file.js';
import { reportSchema } from '../../src/platform/report.js';
import { makeTempDir } from '../support/tmp.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const tmp = makeTempDir('mlops-cli-');
afterAll(() => tmp.remove());

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t), cwd: tmp.root, env: {} });
  return { code, out, err };
}

describe('mlops-actions CLI', () => {
  tmp.write('data.csv', 'id,age\na,30\nb,40\nc,200\n');
  tmp.write('schema.yaml', 'version: 1\ncolumns:\n  id: {type: string, unique: true}\n  age: {type: integer, max: 120}\n');

  it('runs an action with its inputs as flags and exits 1 when the checks fail', async () => {
    const { code, out } = await cli(['validate-data', '--data', 'data.csv', '--schema=schema.yaml', '--report-path', 'out/report.json']);
    expect(code).toBe(1);
    expect(out).toContain('Data validation: FAIL');
    expect(out).toContain('data.csv:4  age: 200 is above the maximum 120');
    const report = reportSchema.parse(JSON.parse(readFileSync(path.join(tmp.root, 'out/report.json'), 'utf8')));
    expect(report.findingCounts.error).toBe(1);
  });

  it('names every action when the action is unknown, also for a name every object has', async () => {
    for (const name of ['nope', 'toString', 'constructor']) {
      const { code, err } = await cli([name]);
      expect(code).toBe(2);
      expect(err).toContain(`unknown action "${name}"`);
      for (const action of ['validate-data', 'train-check', 'evaluate-metrics-gate', 'package-model', 'containerize', 'staged-deploy']) expect(err).toContain(`  ${action}\n`);
    }
  });

  it('honours fail-on never', async () => {
    expect((await cli(['validate-data', '--data', 'data.csv', '--schema', 'schema.yaml', '--fail-on', 'never'])).code).toBe(0);
  });

  it('exits 2 with a located message for configuration errors and unknown options', async () => {
    const missing = await cli(['validate-data', '--data', 'nope.csv', '--schema', 'schema.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/error: data: file not found: nope\.csv/);
    const unknown = await cli(['validate-data', '--data', 'data.csv', '--schemaa', 'schema.yaml']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown option --schemaa/);
    const noValue = await cli(['validate-data', '--data']);
    expect(noValue.err).toMatch(/option --data needs a value/);
    expect((await cli(['train-everything'])).code).toBe(2);
  });

  it('runs train-check: the command output streams to stderr, the report to stdout', async () => {
    const { code, out, err } = await cli(['train-check', '--command', `/usr/bin/python3 ${path.join(repoRoot, 'test/fixtures/training/seeded.py')}`, '--expect-metrics', 'accuracy >= 0.99']);
    expect(code).toBe(1);
    expect(err).toContain('── train-check: /usr/bin/python3');
    expect(out).toContain('train-check: FAIL');
    expect(out).toMatch(/accuracy is 0\.8\d*, expected >= 0\.99/);
  });

  it('the committed CLI bundle stops a training run on Ctrl-C and still prints the report', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [path.join(repoRoot, 'cli/dist/index.js'), 'train-check', '--command', `/usr/bin/python3 ${path.join(repoRoot, 'test/fixtures/training/sleeper.py')}`], { cwd: tmp.root });
    let out = '';
    let err = '';
    let interrupted = false;
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (!interrupted && err.includes('loading a very large dataset')) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, err).toBe(1);
    expect(out).toContain('train-check: ERROR');
    expect(out).toContain('Cancelled');
  });

  it('packages a model and verifies it with `package-model verify <bundle>`, failing after tampering', async () => {
    tmp.write('model/weights.bin', Buffer.alloc(4096, 7));
    const built = await cli(['package-model', '--name', 'tiny', '--version', '0.1.0', '--model', 'model/weights.bin']);
    expect(built.code, built.err).toBe(0);
    expect(built.out).toContain('package-model: tiny 0.1.0: PASS');
    const ok = await cli(['package-model', 'verify', 'mlops-packages/tiny-0.1.0.tar.gz']);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/All \d+ files of mlops-packages\/tiny-0\.1\.0\.tar\.gz match their manifest/);
    tmp.write('mlops-packages/tiny-0.1.0/model/weights.bin', Buffer.alloc(4096, 8));
    const bad = await cli(['package-model', 'verify', 'mlops-packages/tiny-0.1.0']);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('model/weights.bin differs from the manifest');
    expect((await cli(['package-model', 'verify'])).code).toBe(2);
  });

  it('prints help with the inputs and their defaults', async () => {
    const { code, out } = await cli(['validate-data', '--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/--schema\s+.*\(required\)/);
    expect(out).toMatch(/--fail-on\s+.*\(default: error\)/);
  });

  it('infers a schema that parses and that the data passes', async () => {
    const { code } = await cli(['validate-data', '--infer-schema', 'data.csv', '--output', 'inferred.yaml']);
    expect(code).toBe(0);
    const text = readFileSync(path.join(tmp.root, 'inferred.yaml'), 'utf8');
    expect(text.startsWith('# Data schema inferred from data.csv')).toBe(true);
    expect(parseConfigText(text, 'inferred.yaml', dataSchemaSchema, 'data schema').value.columns.age?.type).toBe('integer');
    expect((await cli(['validate-data', '--data', 'data.csv', '--schema', 'inferred.yaml'])).code).toBe(0);
  });

  it('the published JSON Schemas are the ones the zod schemas generate', () => {
    const out = path.join(tmp.root, 'schemas');
    execFileSync(process.execPath, [path.join(repoRoot, 'cli/dist/index.js'), 'schemas', out]);
    for (const file of ['data-schema.schema.json', 'gates.schema.json', 'rollout-plan.schema.json', 'report.schema.json']) {
      expect(readFileSync(path.join(out, file), 'utf8'), `${file} is stale: run npm run build`).toBe(readFileSync(path.join(repoRoot, 'schemas', file), 'utf8'));
    }
  });
});
