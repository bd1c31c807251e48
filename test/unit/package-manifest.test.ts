import { Ajv2020 } from 'ajv/dist/2020.js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toProfileFile } from '../../src/data/profile-file.js';
import { dataSchemaSchema } from '../../src/data/schema.js';
import { validateDataset } from '../../src/data/validate.js';
import { evaluateMetricsGate } from '../../src/eval/compare.js';
import { gatesSchema } from '../../src/eval/gates.js';
import { compareManifests } from '../../src/packaging/compare.js';
import { detectFormat, FORMAT_HEAD_BYTES, readZipEntryNames, type DetectedFormat } from '../../src/packaging/formats.js';
import {
  deriveVersion,
  isSemver,
  modelManifestJsonSchema,
  parseManifest,
  parseRequirements,
  readDataFingerprint,
  readEvaluationReport,
  serializeManifest,
  type ModelManifest,
} from '../../src/packaging/manifest.js';
import { PLACEHOLDERS, renderModelCard } from '../../src/packaging/model-card.js';
import { inferSignature, parseSignatureFile } from '../../src/packaging/signature.js';
import { parseConfigText } from '../../src/platform/config-file.js';
import { ConfigurationError } from '../../src/platform/errors.js';
import { makeTempDir } from '../support/tmp.js';
import { python } from './stats-reference.js';

const tmp = makeTempDir('mlops-package-');
afterAll(() => tmp.remove());

const hex = (seed: string) => createHash('sha256').update(seed).digest('hex');

/** What a thrown ConfigurationError says, for assertions; fails the test when nothing is thrown. */
function configError(fn: () => unknown): ConfigurationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

async function configErrorAsync(promise: Promise<unknown>): Promise<ConfigurationError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

function manifestFixture(): ModelManifest {
  const files = {
    model: hex('model'),
    metrics: hex('metrics'),
    profile: hex('profile'),
    report: hex('report'),
    requirements: hex('requirements'),
    card: hex('card'),
  };
  return {
    schemaVersion: 1,
    kind: 'mlops-actions/model-package',
    name: 'churn-model',
    version: '1.4.0',
    description: 'Predicts churn | monthly.',
    createdFrom: { repository: 'acme/churn', commit: 'a'.repeat(40), ref: 'refs/tags/v1.4.0', runUrl: 'https://github.com/acme/churn/actions/runs/1' },
    files: [
      { path: 'model/models/model.pkl', size: 2048, sha256: files.model, role: 'model' },
      { path: 'metadata/metrics.json', size: 40, sha256: files.metrics, role: 'metadata' },
      { path: 'metadata/data/train.profile.json', size: 5000, sha256: files.profile, role: 'metadata' },
      { path: 'metadata/evaluation/report.json', size: 900, sha256: files.report, role: 'metadata' },
      { path: 'requirements/requirements.txt', size: 60, sha256: files.requirements, role: 'requirements' },
      { path: 'MODEL_CARD.md', size: 3000, sha256: files.card, role: 'card' },
    ],
    formats: [{ path: 'model/models/model.pkl', format: 'pickle', runsCodeOnLoad: true, note: 'pickle protocol 5; loading runs code: only load packages you trust' }],
    signature: {
      inputs: [
        { name: 'age', type: 'integer', nullable: true },
        { name: 'plan', type: 'string' },
      ],
      outputs: [{ name: 'churn', type: 'number' }],
      source: 'given',
    },
    metrics: { roc_auc: 0.912345678, accuracy: 0.87 },
    params: { C: 1, penalty: 'l2', grid: { z: 1, a: [3, 2] } },
    data: [{ source: 'metadata/data/train.profile.json', kind: 'profile', sha256: files.profile, rows: 120000, columns: ['age', 'plan'], files: ['data/train.csv'] }],
    evaluation: { verdict: 'pass', headline: 'The candidate may replace the baseline.', reportPath: 'metadata/evaluation/report.json', reportSha256: files.report },
    environment: { python: '3.11', requirements: [{ path: 'requirements/requirements.txt', sha256: files.requirements, packages: ['scikit-learn==1.2.1', 'numpy==1.24.2'] }] },
  };
}

/** The same manifest, every object built with its keys in reverse order, the lists the manifest sorts reversed. */
function reversedKeys(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => reversedKeys(v));
    return ['files', 'formats', 'data', 'requirements', 'packages'].includes(key) ? items.reverse() : items;
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v, k)]),
    );
  }
  return value;
}

describe('model manifest', () => {
  it('round-trips through serializeManifest and parseManifest, and the JSON Schema agrees', () => {
    const manifest = manifestFixture();
    const text = serializeManifest(manifest);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "schemaVersion": 1,\n');
    const parsed = parseManifest(text, 'model-manifest.json');
    expect(serializeManifest(parsed)).toBe(text);
    expect(parsed.files.map((f) => f.path)).toEqual([...manifest.files.map((f) => f.path)].sort());
    expect(Object.keys(JSON.parse(text) as object).slice(0, 5)).toEqual(['schemaVersion', 'kind', 'name', 'version', 'description']);

    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(modelManifestJsonSchema());
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...manifest, extra: 1 })).toBe(false);
    expect(validate({ ...manifest, name: '-bad' })).toBe(false);
    expect(validate({ ...manifest, version: '1.4' })).toBe(false);
    expect(validate({ ...manifest, files: [{ ...manifest.files[0]!, path: '../escape' }] })).toBe(false);
    expect(validate({ ...manifest, files: [{ ...manifest.files[0]!, path: 'model/./x' }] })).toBe(false);
    expect(validate({ ...manifest, files: [{ ...manifest.files[0]!, path: '/model/x' }] })).toBe(false);
  });

  it('serializes deterministically whatever order keys and lists were built in', () => {
    const manifest = manifestFixture();
    const reversed = reversedKeys(manifest) as ModelManifest;
    expect(Object.keys(reversed)[0]).toBe('environment');
    expect(serializeManifest(reversed)).toBe(serializeManifest(manifest));
    const json = JSON.parse(serializeManifest(reversed)) as ModelManifest;
    expect(Object.keys(json.metrics)).toEqual(['accuracy', 'roc_auc']);
    expect(Object.keys(json.params)).toEqual(['C', 'grid', 'penalty']);
    expect(Object.keys(json.params.grid as object)).toEqual(['a', 'z']);
    // Lists inside params and the signature keep their order: only keys are sorted.
    expect((json.params.grid as { a: number[] }).a).toEqual([3, 2]);
    expect(json.signature!.inputs.map((f) => f.name)).toEqual(['age', 'plan']);
    expect(json.environment.requirements[0]!.packages).toEqual(['numpy==1.24.2', 'scikit-learn==1.2.1']);
    expect(Object.keys(json.files[0]!)).toEqual(['path', 'size', 'sha256', 'role']);
  });

  it('is strict: unknown keys, broken paths, roles and cross-references are refused with the path of the issue', () => {
    const good = manifestFixture();
    const attempt = (change: (m: Record<string, unknown>) => void) => {
      const m = structuredClone(good) as unknown as Record<string, unknown>;
      change(m);
      return configError(() => parseManifest(JSON.stringify(m, null, 2), 'pkg/model-manifest.json'));
    };
    const extraKey = attempt((m) => (m.license = 'MIT'));
    expect(extraKey.file).toBe('pkg/model-manifest.json');
    expect(extraKey.message).toContain('license');
    expect(extraKey.hint).toContain('package-model');

    const badHash = attempt((m) => ((m.files as Array<{ sha256: string }>)[1]!.sha256 = 'abc'));
    expect(badHash.message).toContain('files.1.sha256');
    expect(badHash.line).toBeGreaterThan(1);

    expect(attempt((m) => ((m.files as Array<{ role: string }>)[0]!.role = 'extra')).message).toContain('files.0.role');
    expect(attempt((m) => (m.files as unknown[]).push({ path: 'model-manifest.json', size: 1, sha256: hex('x'), role: 'metadata' })).message).toContain('does not list itself');
    expect(attempt((m) => (m.files as unknown[]).push(good.files[0])).message).toContain('listed twice');
    expect(attempt((m) => ((m.data as Array<{ source: string }>)[0]!.source = 'metadata/other.json')).message).toContain('data.0.source');
    expect(attempt((m) => ((m.evaluation as { reportSha256: string }).reportSha256 = hex('other'))).message).toContain('differs from its entry');
    expect(attempt((m) => ((m.metrics as Record<string, unknown>).auc = 'high')).message).toContain('metrics.auc');
    expect(attempt((m) => (m.kind = 'something')).message).toBe('not a model manifest');
    expect(attempt((m) => (m.schemaVersion = 2)).message).toContain('schemaVersion 2 is not supported');

    const broken = configError(() => parseManifest('{\n  "schemaVersion": 1,\n  "kind": oops\n}', 'm.json'));
    expect(broken.message).toContain('not valid JSON');
    expect(broken.line).toBe(3);
    expect(() => serializeManifest({ ...good, version: 'one' })).toThrow(/version/);
  });

  it('derives the version from the input, the tag, or the commit', () => {
    const sha = '0123456789abcdef0123456789abcdef01234567';
    expect(deriveVersion({ given: 'v1.2.3', ref: 'refs/tags/v9.9.9', sha })).toBe('1.2.3');
    expect(deriveVersion({ given: '2.0.0-rc.1+build.7' })).toBe('2.0.0-rc.1+build.7');
    expect(deriveVersion({ ref: 'refs/tags/v1.2.3', sha })).toBe('1.2.3');
    expect(deriveVersion({ ref: 'refs/tags/1.2.3-beta.2', sha })).toBe('1.2.3-beta.2');
    expect(deriveVersion({ ref: 'refs/tags/release-2024', sha })).toBe('0.0.0+0123456');
    expect(deriveVersion({ ref: 'refs/tags/v1.2', sha })).toBe('0.0.0+0123456');
    expect(deriveVersion({ ref: 'refs/heads/main', sha })).toBe('0.0.0+0123456');
    expect(deriveVersion({ given: '  ', ref: 'refs/heads/main' })).toBe('0.0.0+local');
    expect(deriveVersion({})).toBe('0.0.0+local');
    const bad = configError(() => deriveVersion({ given: '1.2' }));
    expect(bad.message).toBe('input version: "1.2" is not semver');
    expect(bad.hint).toContain('1.4.0');
    expect(() => deriveVersion({ given: 'v01.2.3' })).toThrow(ConfigurationError);
    for (const v of ['0.0.4', '1.2.3', '10.20.30', '1.1.2-prerelease+meta', '1.0.0-alpha.beta.1', '1.0.0-0A.is.legal', '99999999999.0.0', '0.0.0+local']) expect(isSemver(v), v).toBe(true);
    for (const v of ['1', '1.2', '1.2.3-0123', '01.1.1', '1.2.3.4', '1.2.3-', '+invalid', 'v1.2.3', '1.2.3+']) expect(isSemver(v), v).toBe(false);
  });

  it('reads the packages of a realistic requirements file', () => {
    const text = [
      '# Production requirements',
      '-r base.txt',
      '-c constraints.txt',
      '--index-url https://pypi.org/simple',
      '--extra-index-url https://download.pytorch.org/whl/cpu',
      '-e git+https://github.com/acme/feature-lib.git#egg=feature-lib',
      'Scikit_Learn==1.2.1 \\',
      '    --hash=sha256:aaaa \\',
      '    --hash=sha256:bbbb',
      'numpy==1.24.2  # pinned for the ABI',
      'pandas>=1.5,<2.0',
      'uvicorn[standard, Http_Tools]==0.23.2',
      'tomli==2.0.1; python_version < "3.11"',
      'requests',
      'torch @ https://download.pytorch.org/whl/cpu/torch-2.1.0-cp311-linux_x86_64.whl',
      'xgboost===2.0.3',
      './local/package',
      'https://example.com/pkg.tar.gz#egg=pkg',
      '',
      '   # indented comment',
    ].join('\n');
    expect(parseRequirements(text)).toEqual([
      'numpy==1.24.2',
      'pandas>=1.5,<2.0',
      'requests',
      'scikit-learn==1.2.1',
      'tomli==2.0.1',
      'torch @ https://download.pytorch.org/whl/cpu/torch-2.1.0-cp311-linux_x86_64.whl',
      'uvicorn[http-tools,standard]==0.23.2',
      'xgboost==2.0.3',
    ]);
    // A lock file of another format has no requirement lines.
    expect(parseRequirements('[[package]]\nname = "numpy"\nversion = "1.24.2"\npython-versions = ">=3.8"\n')).toEqual([]);
  });

  it('fingerprints a real validate-data profile and report, and reads a real evaluate-metrics-gate report', async () => {
    const data = tmp.write('fp/train.csv', 'id,age,plan\na,31,pro\nb,45,free\nc,,pro\n');
    const schema = parseConfigText('version: 1\ncolumns:\n  id: {type: string}\n  age: {type: integer, nullable: true}\n  plan: {type: string}\n', 's.yaml', dataSchemaSchema, 'data schema');
    const result = await validateDataset({ files: [{ path: data, displayName: 'data/train.csv' }], schema: schema.value, schemaFile: 's.yaml' });
    const profileText = JSON.stringify(toProfileFile(result.scan, 's.yaml'));
    const profileFile = tmp.write('fp/train.profile.json', profileText);
    const reportFile = tmp.write('fp/validate-data.json', JSON.stringify(result.report, null, 2));

    const profile = await readDataFingerprint(profileFile, 'train.profile.json');
    expect(profile).toEqual({ kind: 'profile', sha256: hex(profileText), rows: 3, columns: ['id', 'age', 'plan'], files: ['data/train.csv'] });
    const report = await readDataFingerprint(reportFile, 'validate-data.json');
    expect(report).toMatchObject({ kind: 'report', rows: 3, columns: ['id', 'age', 'plan'], files: ['data/train.csv'] });
    expect(report.sha256).toBe(hex(readFileSync(reportFile, 'utf8')));

    const gate = await evaluateMetricsGate({
      gates: gatesSchema.parse({ version: 1, metrics: { accuracy: { min: 0.75 } } }),
      gatesFile: 'gates.yaml',
      candidate: { kind: 'metrics', name: 'metrics.json', values: { accuracy: 0.8 } },
      task: 'binary',
      threshold: 0.5,
      resamples: 100,
      seed: 0,
      allowDifferentData: false,
      startedAt: new Date(),
    });
    const gateFile = tmp.write('fp/gate.json', JSON.stringify(gate.report));
    expect(await readEvaluationReport(gateFile, 'gate.json')).toEqual({ verdict: 'pass', headline: gate.report.headline });

    const wrong = await configErrorAsync(readEvaluationReport(reportFile, 'validate-data.json'));
    expect(wrong.message).toContain('it is a validate-data report');
    expect(wrong.file).toBe('validate-data.json');
    const other = await configErrorAsync(readDataFingerprint(gateFile, 'gate.json'));
    expect(other.message).toContain('neither a validate-data profile nor a validate-data report');
    expect(other.file).toBe('gate.json');
    expect((await configErrorAsync(readDataFingerprint(tmp.write('fp/bad.json', '{\n"a":\n'), 'bad.json'))).message).toContain('not valid JSON');
    expect((await configErrorAsync(readDataFingerprint(path.join(tmp.root, 'fp/none.json'), 'none.json'))).message).toBe('data profile not found');
  });
});

describe('model formats, on files written by Python', () => {
  const dir = path.join(tmp.root, 'formats');
  let zipNames: { pt: string[]; many: { count: number; first: string; last: string } };
  beforeAll(() => {
    zipNames = python(
      `
import os, pickle, struct, zipfile
import joblib
from sklearn.linear_model import LogisticRegression
d = data['dir']
os.makedirs(d, exist_ok=True)
X = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0], [0.5, 0.2], [0.1, 0.9]])
y = np.array([0, 1, 1, 0, 1, 0])
model = LogisticRegression().fit(X, y)
open(d + '/model-p4.pkl', 'wb').write(pickle.dumps(model, protocol=4))
open(d + '/model-p5.pkl', 'wb').write(pickle.dumps(model, protocol=5))
open(d + '/model-p0.pkl', 'wb').write(pickle.dumps({'w': [1, 2]}, protocol=0))
open(d + '/renamed.onnx', 'wb').write(pickle.dumps(model, protocol=4))
joblib.dump(model, d + '/model.joblib')
joblib.dump(model, d + '/model.pkl.z', compress=3)
with zipfile.ZipFile(d + '/model.pt', 'w') as z:
    z.writestr('archive/data.pkl', pickle.dumps({'weight': 'storage0'}, protocol=2))
    z.writestr('archive/byteorder', 'little')
    z.writestr('archive/data/0', struct.pack('<4f', 1, 2, 3, 4))
    z.writestr('archive/version', '3\\n')
with zipfile.ZipFile(d + '/model.keras', 'w') as z:
    z.writestr('metadata.json', '{"keras_version": "3.0.0"}')
    z.writestr('config.json', '{"class_name": "Sequential"}')
    z.writestr('model.weights.h5', b'\\x89HDF\\r\\n\\x1a\\n')
with zipfile.ZipFile(d + '/many.zip', 'w') as z:
    for i in range(65600):
        z.writestr('e/%d' % i, b'')
header = json.dumps({'weight': {'dtype': 'F32', 'shape': [2, 2], 'data_offsets': [0, 16]}, 'bias': {'dtype': 'F32', 'shape': [2], 'data_offsets': [16, 24]}, '__metadata__': {'format': 'pt'}}).encode()
open(d + '/model.safetensors', 'wb').write(struct.pack('<Q', len(header)) + header + struct.pack('<6f', 1, 2, 3, 4, 5, 6))
open(d + '/lgbm.txt', 'w').write('tree\\nversion=v4\\nnum_class=1\\nnum_tree_per_iteration=1\\nlabel_index=0\\nmax_feature_idx=1\\n')
open(d + '/dump.txt', 'w').write('booster[0]:\\n0:[f0<0.5] yes=1,no=2,missing=1\\n\\t1:leaf=-0.1\\n\\t2:leaf=0.1\\n')
open(d + '/xgb.json', 'w').write(json.dumps({'learner': {'attributes': {}, 'gradient_booster': {}}, 'version': [2, 0, 3]}))
open(d + '/model.onnx', 'wb').write(bytes([0x08, 0x07, 0x12, 0x07]) + b'pytorch' + bytes([0x1a, 0x03]) + b'2.1')
open(d + '/weights.bin', 'wb').write(os.urandom(64).replace(b'\\x80', b'\\x00').replace(b'PK', b'pk'))
many = zipfile.ZipFile(d + '/many.zip').namelist()
emit({'pt': zipfile.ZipFile(d + '/model.pt').namelist(), 'many': {'count': len(many), 'first': many[0], 'last': many[-1]}})
`,
      { dir },
    );
  }, 60_000);

  const detect = (name: string): DetectedFormat => {
    const bytes = readFileSync(path.join(dir, name));
    return detectFormat(`model/${name}`, bytes.subarray(0, FORMAT_HEAD_BYTES), false);
  };

  it('flags pickle, joblib and PyTorch as running code on load, by their bytes first', () => {
    for (const [file, protocol] of [
      ['model-p4.pkl', 4],
      ['model-p5.pkl', 5],
    ] as const) {
      const found = detect(file);
      expect(found.format).toBe('pickle');
      expect(found.runsCodeOnLoad).toBe(true);
      expect(found.note).toContain(`protocol ${protocol}`);
      expect(found.note).toContain('loading runs code: only load packages you trust');
      expect(readFileSync(path.join(dir, file))[1]).toBe(protocol);
    }
    expect(detect('model-p0.pkl')).toMatchObject({ format: 'pickle', runsCodeOnLoad: true });
    // A pickle named .onnx is still a pickle.
    expect(detect('renamed.onnx')).toMatchObject({ format: 'pickle', runsCodeOnLoad: true });
    expect(detect('model.joblib')).toMatchObject({ format: 'joblib', runsCodeOnLoad: true });
    const compressed = detect('model.pkl.z');
    expect(compressed).toMatchObject({ format: 'joblib', runsCodeOnLoad: true });
    expect(compressed.note).toContain('zlib');
    const torch = detect('model.pt');
    expect(torch).toMatchObject({ format: 'pytorch', runsCodeOnLoad: true });
    expect(torch.note).toContain('weights_only');
    expect(torch.note).toContain('only load packages you trust');
  });

  it('recognizes the formats that only hold data', () => {
    expect(detect('model.safetensors')).toEqual({ format: 'safetensors', runsCodeOnLoad: false, note: '2 tensors' });
    expect(detect('lgbm.txt')).toMatchObject({ format: 'lightgbm', runsCodeOnLoad: false });
    expect(detect('dump.txt')).toMatchObject({ format: 'xgboost', runsCodeOnLoad: false });
    expect(detect('xgb.json')).toMatchObject({ format: 'xgboost', runsCodeOnLoad: false });
    expect(detect('model.onnx')).toMatchObject({ format: 'onnx', runsCodeOnLoad: false });
    const keras = detect('model.keras');
    expect(keras).toMatchObject({ format: 'keras', runsCodeOnLoad: false });
    expect(keras.note).toContain('Lambda');
    expect(detect('weights.bin')).toMatchObject({ format: 'unknown', runsCodeOnLoad: false });
    const savedModel = detectFormat('model/export', Buffer.alloc(0), true, ['saved_model.pb', 'variables/variables.index', 'variables/variables.data-00000-of-00001']);
    expect(savedModel).toMatchObject({ format: 'savedmodel', runsCodeOnLoad: false });
    expect(savedModel.note).toContain('custom ops');
    expect(detectFormat('model/export/variables', Buffer.alloc(0), true, ['variables.index'])).toEqual({ format: 'unknown', runsCodeOnLoad: false });
  });

  it('lists zip entries from the central directory as Python does, zip64 included', async () => {
    expect(await readZipEntryNames(path.join(dir, 'model.pt'))).toEqual(zipNames.pt);
    const many = await readZipEntryNames(path.join(dir, 'many.zip'));
    expect(many.length).toBe(zipNames.many.count);
    expect([many[0], many.at(-1)]).toEqual([zipNames.many.first, zipNames.many.last]);
    // With the full listing a torch archive is recognized whatever its first entry.
    expect(detectFormat('model/x.ckpt', Buffer.from('PK\u0003\u0004'), false, ['x/version', 'x/data.pkl'])).toMatchObject({ format: 'pytorch', runsCodeOnLoad: true });
  });
});

describe('model signature', () => {
  it('infers column types from a CSV example, nullable where a value is missing', () => {
    const csv = 'age,income,city,member,score\n31,52000.5,Lyon,true,1\n,48000,"Nice, FR",false,2.5e-1\n45,NA,"Paris ""centre""",TRUE,3\n';
    expect(inferSignature(csv, 'example.csv')).toEqual({
      inputs: [
        { name: 'age', type: 'integer', nullable: true },
        { name: 'income', type: 'number', nullable: true },
        { name: 'city', type: 'string' },
        { name: 'member', type: 'boolean' },
        { name: 'score', type: 'number' },
      ],
      source: 'inferred',
    });
    const ragged = configError(() => inferSignature('a,b\n1,2\n3\n4,5\n', 'example.csv'));
    expect(ragged.line).toBe(3);
    expect(ragged.file).toBe('example.csv');
    expect(ragged.message).toContain('1 field');
    const multiline = configError(() => inferSignature('a,b\n"x\ny",1\n2,"open\n', 'example.csv'));
    expect(multiline.message).toContain('unclosed quote');
    expect(multiline.line).toBe(4);
    expect(configError(() => inferSignature('a,b\n', 'example.csv')).message).toContain('no rows');
    expect(configError(() => inferSignature('a,a\n1,2\n', 'example.csv')).message).toContain('twice');
    expect(configError(() => inferSignature(' \n', 'example.csv')).message).toBe('the input example is empty');
  });

  it('infers from JSON rows, wrapped rows, columns, split frames and tensors', () => {
    const rows = [
      { a: 1, b: 'x', t: [1, 2] },
      { a: 2.5, c: null, t: [3, 4] },
    ];
    const expected = [
      { name: 'a', type: 'number' },
      { name: 'b', type: 'string', nullable: true },
      { name: 't', type: 'tensor', shape: [-1, 2], dtype: 'int64' },
      { name: 'c', type: 'string', nullable: true },
    ];
    expect(inferSignature(JSON.stringify(rows), 'example.json').inputs).toEqual(expected);
    expect(inferSignature(JSON.stringify({ instances: rows }), 'example.json').inputs).toEqual(expected);
    expect(inferSignature(JSON.stringify({ rows }), 'example.json').inputs).toEqual(expected);
    expect(inferSignature(JSON.stringify({ inputs: rows }), 'example').inputs).toEqual(expected);
    expect(inferSignature(rows.map((r) => JSON.stringify(r)).join('\n'), 'example.jsonl').inputs).toEqual(expected);
    expect(inferSignature(JSON.stringify({ inputs: { a: [1, 2], flag: [true, null] } }), 'example.json').inputs).toEqual([
      { name: 'a', type: 'integer' },
      { name: 'flag', type: 'boolean', nullable: true },
    ]);
    expect(inferSignature(JSON.stringify({ dataframe_split: { columns: ['x', 'y'], data: [[1, 'u'], [2, 'v']] } }), 'example.json').inputs).toEqual([
      { name: 'x', type: 'integer' },
      { name: 'y', type: 'string' },
    ]);
    expect(inferSignature('{"age": 31, "plan": "pro"}', 'example.json').inputs).toEqual([
      { name: 'age', type: 'integer' },
      { name: 'plan', type: 'string' },
    ]);
    expect(inferSignature(JSON.stringify({ instances: [[0.5, 1, 2], [3, 4, 5]] }), 'example.json').inputs).toEqual([{ name: 'input', type: 'tensor', shape: [-1, 3], dtype: 'float64' }]);

    const jsonl = configError(() => inferSignature('{"a": 1}\n{"a": 2}\n{"a": }\n', 'example.jsonl'));
    expect(jsonl.line).toBe(3);
    const json = configError(() => inferSignature('[\n  {"a": 1},\n  {"a": 2,}\n]', 'example.json'));
    expect(json.line).toBe(3);
    expect(configError(() => inferSignature('[]', 'example.json')).message).toContain('no rows');
    expect(configError(() => inferSignature('[{"a": {"b": 1}}]', 'example.json')).message).toContain('holds an object');
  });

  it('reads a signature file with lines on its mistakes', () => {
    const given = parseSignatureFile('version: 1\ninputs:\n  - {name: age, type: integer}\n  - {name: image, type: tensor, shape: [-1, 28, 28], dtype: float32}\noutputs:\n  - {name: score, type: number}\n', 'signature.yaml');
    expect(given).toEqual({
      inputs: [
        { name: 'age', type: 'integer' },
        { name: 'image', type: 'tensor', shape: [-1, 28, 28], dtype: 'float32' },
      ],
      outputs: [{ name: 'score', type: 'number' }],
      source: 'given',
    });
    const badType = configError(() => parseSignatureFile('inputs:\n  - name: age\n    type: int\n', 'signature.yaml'));
    expect(badType.file).toBe('signature.yaml');
    expect(badType.line).toBe(3);
    expect(badType.hint).toContain('"integer"');
    const twice = configError(() => parseSignatureFile('{"inputs": [{"name": "a", "type": "number"},\n {"name": "a", "type": "string"}]}', 'signature.json'));
    expect(twice.message).toContain('appears twice');
    expect(twice.line).toBe(2);
  });
});

describe('model card', () => {
  it('renders every section, deterministically, with a warning for formats that run code', () => {
    const manifest = manifestFixture();
    const card = renderModelCard(manifest);
    expect(renderModelCard(reversedKeys(manifest) as ModelManifest)).toBe(card);
    expect(card.startsWith('# churn-model 1.4.0\n\nPredicts churn | monthly.\n')).toBe(true);
    expect(card).toContain('⚠️ **Loading this model runs code.**');
    expect(card).toContain('| `model/models/model.pkl` | pickle | ⚠️ yes |');
    expect(card).toContain('## Intended use\n\nNot stated: set intended-use.');
    expect(card).toContain('## Limitations\n\nNot stated: set limitations.');
    expect(card).toContain('| Commit | `' + 'a'.repeat(40) + '` |');
    expect(card).toContain('✅ **pass**: The candidate may replace the baseline.');
    expect(card).toContain('| metric | value |\n|---|---|\n| accuracy | 0.87 |\n| roc_auc | 0.912346 |');
    expect(card).toContain('| grid | `{"a":[3,2],"z":1}` |');
    expect(card).toContain(`| \`metadata/data/train.profile.json\` | profile | 120,000 | 2 | data/train.csv | \`${hex('profile').slice(0, 12)}\` |`);
    expect(card).toContain('| input | `age` | integer | — | — | yes |');
    expect(card).toContain('| output | `churn` | number | — | — | no |');
    expect(card).toContain(`| \`model/models/model.pkl\` | model | 2.0 KiB | \`${hex('model').slice(0, 12)}\` |`);
    expect(card).toContain('Python 3.11');
    expect(card).toContain('- `scikit-learn==1.2.1`');
    const sectionOrder = ['Intended use', 'Limitations', 'Provenance', 'Evaluation', 'Metrics', 'Parameters', 'Data', 'Signature', 'Formats', 'Files', 'Environment'].map((s) => card.indexOf(`## ${s}\n`));
    expect(sectionOrder.every((at, i) => at > 0 && (i === 0 || at > sectionOrder[i - 1]!))).toBe(true);

    const quiet = renderModelCard({ ...manifest, formats: [], signature: undefined, evaluation: undefined, intendedUse: 'Scoring | ranking\nmonthly', metrics: {}, params: { note: 'a|b\nc' } });
    expect(quiet).not.toContain('runs code');
    expect(quiet).toContain('No signature');
    expect(quiet).toContain('No metrics recorded');
    expect(quiet).toContain('| note | a\\|b<br>c |');
    expect(quiet).toContain('## Intended use\n\nScoring | ranking\nmonthly');
  });

  it('fills a template and names the line of an unknown placeholder', () => {
    const manifest = manifestFixture();
    const template = '# {{name}} v{{ version }}\n\n{{description}}\n\n## Use\n{{intended_use}}\n\n{{metrics_table}}\n\n{{files_table}}\n';
    const card = renderModelCard({ ...manifest, description: 'Mentions {{limitations}} literally.' }, { template, templateName: 'docs/card.md' });
    expect(card.startsWith('# churn-model v1.4.0\n\nMentions {{limitations}} literally.\n\n## Use\nNot stated: set intended-use.\n\n| metric | value |')).toBe(true);
    expect(card).toContain('| `MODEL_CARD.md` | card |');
    for (const placeholder of PLACEHOLDERS) expect(renderModelCard(manifest, { template: `{{${placeholder}}}` })).not.toContain('{{');

    const unknown = configError(() => renderModelCard(manifest, { template: '# {{name}}\n\nOwner: {{owner}}\n', templateName: 'docs/card.md' }));
    expect(unknown.file).toBe('docs/card.md');
    expect(unknown.line).toBe(3);
    expect(unknown.message).toContain('{{owner}}');
    expect(unknown.hint).toContain('{{metrics_table}}');
    expect(unknown.hint).toContain('{{intended_use}}');
  });
});

describe('comparing packages', () => {
  it('lists what changed in files, signature, requirements, metrics, params and data', () => {
    const before = manifestFixture();
    const after = structuredClone(before);
    after.version = '1.5.0';
    after.files[0]!.sha256 = hex('model v2');
    after.files.push({ path: 'extra/README.md', size: 10, sha256: hex('readme'), role: 'extra' });
    after.files = after.files.filter((f) => f.path !== 'metadata/metrics.json');
    after.files.find((f) => f.role === 'card')!.sha256 = hex('card v2');
    after.signature = {
      inputs: [
        { name: 'plan', type: 'string' },
        { name: 'age', type: 'number' },
        { name: 'region', type: 'string', nullable: true },
      ],
      outputs: [{ name: 'churn', type: 'number' }],
      source: 'inferred',
    };
    after.environment.requirements[0]!.packages = ['numpy==1.26.4', 'pandas>=2', 'scikit-learn==1.2.1'];
    after.metrics = { roc_auc: 0.93, f1: 0.7 };
    after.params = { C: 1, penalty: 'l1', grid: { a: [3, 2], z: 1 } };
    after.data[0]!.sha256 = hex('profile v2');
    after.data[0]!.rows = 130000;

    const diff = compareManifests(before, after);
    expect(diff.versionBefore).toBe('1.4.0');
    expect(diff.versionAfter).toBe('1.5.0');
    expect(diff.files).toEqual({
      added: ['extra/README.md'],
      removed: ['metadata/metrics.json'],
      changed: [{ path: 'model/models/model.pkl', before: hex('model'), after: hex('model v2') }],
    });
    expect(diff.signatureChanged).toBe(true);
    expect(diff.signatureDifferences).toEqual(['input age: type integer → number', 'input age: no longer nullable', 'input region added (string, nullable)', 'input order: age, plan → plan, age']);
    expect(diff.requirements).toEqual({ added: ['pandas>=2'], removed: [], changed: ['numpy: 1.24.2 → 1.26.4'] });
    expect(diff.metrics).toEqual([
      { name: 'accuracy', before: 0.87 },
      { name: 'f1', after: 0.7 },
      { name: 'roc_auc', before: 0.912345678, after: 0.93, delta: 0.93 - 0.912345678 },
    ]);
    expect(diff.params).toEqual([{ name: 'penalty', before: 'l2', after: 'l1' }]);
    expect(diff.data).toEqual([{ source: 'metadata/data/train.profile.json', before: hex('profile'), after: hex('profile v2'), rowsBefore: 120000, rowsAfter: 130000 }]);
    expect(diff.identical).toBe(false);

    // A rebuild under a new version, whose card differs only by that version, is the same model.
    const rebuilt = structuredClone(before);
    rebuilt.version = '1.4.1';
    rebuilt.files.find((f) => f.role === 'card')!.sha256 = hex('card 1.4.1');
    const same = compareManifests(before, rebuilt);
    expect(same.identical).toBe(true);
    expect(same.signatureChanged).toBe(false);
    expect(same.metrics.every((m) => m.delta === 0)).toBe(true);
  });
});
