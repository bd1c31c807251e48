import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageModelAction, packageModelInputs } from '../../src/actions/package-model.js';
import { modelManifestSchema, type ModelManifest } from '../../src/packaging/manifest.js';
import { WorkspacePaths, type ActionContext } from '../../src/platform/action.js';
import { readRunEnvironment } from '../../src/platform/environment.js';
import { ConfigurationError } from '../../src/platform/errors.js';
import { parseInputs } from '../../src/platform/inputs.js';
import { RecordingLogger } from '../../src/platform/logger.js';
import type { Report } from '../../src/platform/report.js';
import { makeTempDir } from '../support/tmp.js';
import { PYTHON } from './stats-reference.js';

/**
 * package-model's action definition run in-process on a real scikit-learn model: the archive is
 * reproducible byte for byte, the manifest's hashes equal sha256sum's, GNU tar reads the archive,
 * verify catches tampering, and bad input gets a clear error.
 */
const tmp = makeTempDir('mlops-package-');
afterAll(() => tmp.remove());

const TRAIN = `
import json, pickle, sys, os
from sklearn.linear_model import LogisticRegression
import numpy as np
rng = np.random.default_rng(0)
x = rng.standard_normal((200, 3)); y = (x[:, 0] + 0.5 * x[:, 1] > 0).astype(int)
out = sys.argv[1]
os.makedirs(os.path.join(out, "model"), exist_ok=True)
with open(os.path.join(out, "model", "model.pkl"), "wb") as f:
    pickle.dump(LogisticRegression().fit(x, y), f, protocol=4)
with open(os.path.join(out, "model", "weights.bin"), "wb") as f:
    f.write(rng.standard_normal(300_000).astype("float32").tobytes())
`;

let count = 0;
/** A workspace with a trained model and everything that describes it. */
function makeWorkspace(): string {
  const root = path.join(tmp.root, `ws-${++count}`);
  mkdirSync(root, { recursive: true });
  execFileSync(PYTHON, ['-c', TRAIN, path.join(root, 'train-output')]);
  writeFileSync(path.join(root, 'train-output/metrics.json'), JSON.stringify({ accuracy: 0.95, test: { roc_auc: 0.98 } }));
  writeFileSync(path.join(root, 'params.yaml'), 'C: 1.0\nsolver: lbfgs\n');
  writeFileSync(path.join(root, 'requirements.txt'), '# runtime\nscikit-learn==1.2.1\nnumpy>=1.24  # arrays\n');
  writeFileSync(path.join(root, 'example.csv'), 'age,spend,country\n31,12.5,US\n45,,DE\n');
  writeFileSync(path.join(root, '.python-version'), '3.11.7\n');
  return root;
}

async function run(root: string, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<{ report: Report; outputs: Record<string, string> }> {
  const context: ActionContext = {
    run: readRunEnvironment({ GITHUB_REPOSITORY: 'acme/churn', GITHUB_SHA: 'abcdef0123456789abcdef0123456789abcdef01', GITHUB_REF: 'refs/heads/main', ...env }, root),
    logger: new RecordingLogger(),
    workspace: new WorkspacePaths(root),
    scratch: tmp.root,
  };
  const outcome = await packageModelAction.run(parseInputs(packageModelInputs, inputs, 'package-model'), context);
  return { report: outcome.report, outputs: outcome.outputs ?? {} };
}

const FULL = {
  name: 'churn',
  model: 'train-output/model',
  metrics: 'train-output/metrics.json',
  params: 'params.yaml',
  requirements: 'requirements.txt',
  'input-example': 'example.csv',
  'intended-use': 'Rank customers by churn risk for retention offers.',
};

const sha256sum = (file: string) => execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0]!;

describe('package-model', () => {
  it('builds the same archive byte for byte in two folders at two times, with hashes equal to sha256sum', async () => {
    const first = makeWorkspace();
    const a = await run(first, FULL);
    await new Promise((r) => setTimeout(r, 1100));
    const second = makeWorkspace();
    // Other mtimes and modes on disk must not matter.
    utimesSync(path.join(second, 'train-output/model/model.pkl'), new Date(2001, 1, 1), new Date(2001, 1, 1));
    const b = await run(second, FULL);
    expect(a.report.verdict, JSON.stringify(a.report.findings)).toBe('pass');
    expect(a.outputs.version).toBe('0.0.0+abcdef0');
    expect(a.outputs.digest).toBe(b.outputs.digest);
    expect(a.outputs['tar-digest']).toBe(b.outputs['tar-digest']);
    const archive = path.join(first, a.outputs['package-path']!);
    expect(a.outputs.digest).toBe(`sha256:${sha256sum(archive)}`);
    expect(a.outputs['tar-digest']).toBe(`sha256:${execFileSync('sh', ['-c', `gzip -dc '${archive}' | sha256sum`], { encoding: 'utf8' }).split(' ')[0]}`);

    const manifest = modelManifestSchema.parse(JSON.parse(readFileSync(path.join(first, a.outputs['manifest-path']!), 'utf8'))) as ModelManifest;
    expect(manifest.name).toBe('churn');
    expect(manifest.createdFrom).toMatchObject({ repository: 'acme/churn', commit: 'abcdef0123456789abcdef0123456789abcdef01', ref: 'refs/heads/main' });
    expect(manifest.metrics).toEqual({ accuracy: 0.95, 'test.roc_auc': 0.98 });
    expect(manifest.params).toEqual({ C: 1, solver: 'lbfgs' });
    expect(manifest.environment.python).toBe('3.11.7');
    expect(manifest.signature?.inputs.map((i) => `${i.name}:${i.type}`)).toEqual(['age:integer', 'spend:number', 'country:string']);
    expect(manifest.formats.find((f) => f.path === 'model/model/model.pkl')).toMatchObject({ format: 'pickle', runsCodeOnLoad: true });
    // Every file's hash equals sha256sum of the file in the folder, and GNU tar extracts the same bytes.
    const dir = path.join(first, a.outputs['package-dir']!);
    const extracted = path.join(tmp.root, `extract-${count}`);
    mkdirSync(extracted);
    execFileSync('tar', ['-xzf', archive, '-C', extracted]);
    for (const f of manifest.files) {
      expect(sha256sum(path.join(dir, f.path)), f.path).toBe(f.sha256);
      expect(sha256sum(path.join(extracted, f.path)), f.path).toBe(f.sha256);
    }
    expect(readFileSync(path.join(dir, 'MODEL_CARD.md'), 'utf8')).toContain('Rank customers by churn risk');
    expect(a.report.findings.map((f) => f.rule)).toContain('runs-code-on-load');
  });

  it('verify passes an untouched bundle and names a changed, a missing and an extra file', async () => {
    const root = makeWorkspace();
    const { outputs } = await run(root, FULL);
    const ok = await run(root, { mode: 'verify', bundle: outputs['package-path']! });
    expect(ok.report.verdict).toBe('pass');
    const dir = path.join(root, outputs['package-dir']!);
    appendFileSync(path.join(dir, 'model/model/weights.bin'), 'x');
    rmSync(path.join(dir, 'metadata/params.yaml'));
    writeFileSync(path.join(dir, 'model/backdoor.py'), 'import os');
    const bad = await run(root, { mode: 'verify', bundle: outputs['package-dir']! });
    expect(bad.report.verdict).toBe('fail');
    expect(bad.report.findings.map((f) => `${f.rule} ${f.file}`).sort()).toEqual([
      `verify-extra ${outputs['package-dir']}/model/backdoor.py`,
      `verify-mismatch ${outputs['package-dir']}/model/model/weights.bin`,
      `verify-missing ${outputs['package-dir']}/metadata/params.yaml`,
    ]);
  });

  it('compare-to lists what changed since a previous package', async () => {
    const root = makeWorkspace();
    const before = await run(root, { ...FULL, version: '1.0.0' });
    writeFileSync(path.join(root, 'train-output/metrics.json'), JSON.stringify({ accuracy: 0.96, test: { roc_auc: 0.98 } }));
    writeFileSync(path.join(root, 'requirements.txt'), 'scikit-learn==1.3.0\nnumpy>=1.24\npandas==2.0.0\n');
    appendFileSync(path.join(root, 'train-output/model/weights.bin'), Buffer.alloc(8));
    const after = await run(root, { ...FULL, version: 'v1.1.0', 'compare-to': before.outputs['package-path']! });
    expect(after.outputs.version).toBe('1.1.0');
    const changes = after.report.tables.find((t) => t.title.startsWith('Changes since'))!;
    const text = changes.rows.map((r) => r.join(' ')).join('\n');
    expect(text).toContain('1.0.0 → 1.1.0');
    expect(text).toContain('file changed model/model/weights.bin');
    expect(text).toContain('accuracy');
    expect(text).toMatch(/pandas/);
    expect(text).toMatch(/scikit-learn/);
  });

  it('takes the version from a semver tag', async () => {
    const root = makeWorkspace();
    const { outputs } = await run(root, { name: 'churn', model: 'train-output/model/model.pkl', 'upload-artifact': 'false' }, { GITHUB_REF: 'refs/tags/v2.3.4' });
    expect(outputs.version).toBe('2.3.4');
    expect(outputs['package-path']).toBe('mlops-packages/churn-2.3.4.tar.gz');
  });

  describe('bad input: a clear error naming the file, and nothing half-written', () => {
    const expectError = async (inputs: Record<string, string>, pattern: RegExp, prepare?: (root: string) => void) => {
      const root = makeWorkspace();
      prepare?.(root);
      const error = await run(root, inputs).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).describe()).toMatch(pattern);
      const leftovers = spawnSync('sh', ['-c', `ls -A '${path.join(root, 'mlops-packages')}' 2>/dev/null`], { encoding: 'utf8' }).stdout.trim();
      expect(leftovers).toBe('');
    };

    it('a missing model file', () => expectError({ name: 'm', model: 'train-output/nope.pkl' }, /model: file not found: train-output\/nope\.pkl/));
    it('an empty folder', () => expectError({ name: 'm', model: 'empty' }, /model: the folder empty is empty/, (root) => mkdirSync(path.join(root, 'empty'))));
    it('a version that is not semver', () => expectError({ name: 'm', model: 'train-output/model', version: '1.2' }, /version.*not.*semver/i));
    it('a malformed metrics file', () =>
      expectError({ name: 'm', model: 'train-output/model', metrics: 'bad.json' }, /bad\.json:\d+: the metrics file is not valid JSON or YAML/, (root) => writeFileSync(path.join(root, 'bad.json'), '{"accuracy": 0.9,,}')));
    it('a path above the workspace', () => expectError({ name: 'm', model: '../outside.pkl' }, /outside the workspace/));
    it('a symbolic link pointing out of the workspace', () =>
      expectError({ name: 'm', model: 'train-output/model' }, /symbolic link to .*outside the workspace/, (root) => symlinkSync('/etc/hostname', path.join(root, 'train-output/model/link.txt'))));
  });
});
