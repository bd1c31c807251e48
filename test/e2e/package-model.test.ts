import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startResultsService, type ResultsService } from '../harness/results-service.js';
import { runJob, runStep } from '../harness/runner.js';
import { makeTempDir } from '../support/tmp.js';

/**
 * End-to-end: the committed bundle actions/package-model/dist/index.js run by the runner emulator;
 * the archive goes up through the real @actions/artifact client to the results-service emulator,
 * and comes back from it byte for byte.
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
const action = path.join(repoRoot, 'actions/package-model');

let results: ResultsService;
const tmp = makeTempDir('mlops-e2e-package-');

beforeAll(async () => {
  results = await startResultsService();
});
afterAll(async () => {
  await results?.stop();
  tmp.remove();
});

let count = 0;
function workspace(): string {
  const root = path.join(tmp.root, `ws-${++count}`);
  mkdirSync(path.join(root, 'train-output'), { recursive: true });
  writeFileSync(path.join(root, 'train-output/model.onnx'), Buffer.concat([Buffer.from([0x08, 0x07, 0x12, 0x04]), Buffer.from('onnx-model-bytes')]));
  writeFileSync(path.join(root, 'train-output/metrics.json'), '{"accuracy": 0.91}');
  return root;
}

describe('package-model bundle through the runner', () => {
  it('packages, uploads the archive as an artifact, verifies it, and a second package compares itself with the first by artifact name', async () => {
    const ws = workspace();
    const job = await runJob({
      workspace: ws,
      env: { ...results.env, GITHUB_REPOSITORY: 'acme/churn' },
      steps: [
        { action, id: 'v1', with: { name: 'churn', version: '1.0.0', model: 'train-output/model.onnx', metrics: 'train-output/metrics.json', 'artifact-name': 'churn-1.0.0', comment: 'false' } },
        { action, id: 'verify', with: { mode: 'verify', bundle: '${{ steps.v1.outputs.package-path }}', comment: 'false' } },
        { action, id: 'v2', with: { name: 'churn', version: '1.1.0', model: 'train-output/model.onnx', metrics: 'train-output/metrics.json', 'compare-to': 'churn-1.0.0', 'upload-artifact': 'false', comment: 'false' } },
      ],
    });
    const v1 = job.step('v1');
    expect(v1.exitCode, v1.log).toBe(0);
    expect(v1.outputs.version).toBe('1.0.0');
    expect(v1.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(v1.outputs['artifact-id']).toMatch(/^\d+$/);
    expect(v1.summary).toContain('package-model: churn 1.0.0: pass');
    // Without id-token: write there is no attestation, and the summary says why.
    expect(v1.summary).toContain('No build-provenance attestation');
    expect(job.step('verify').outputs.verdict).toBe('pass');
    expect(job.step('verify').outputs.digest).toBe(v1.outputs.digest);
    const v2 = job.step('v2');
    expect(v2.exitCode, v2.log).toBe(0);
    expect(v2.summary).toContain('Changes since artifact churn-1.0.0');
    expect(v2.summary).toContain('1.0.0 → 1.1.0');

    // The artifact holds the archive, byte for byte.
    const client = new DefaultArtifactClient();
    const saved = { ...process.env };
    Object.assign(process.env, results.env);
    try {
      const download = path.join(tmp.root, 'download');
      await client.downloadArtifact(Number(v1.outputs['artifact-id']), { path: download });
      const sha = execFileSync('sha256sum', [path.join(download, 'churn-1.0.0.tar.gz')], { encoding: 'utf8' }).split(' ')[0];
      expect(`sha256:${sha}`).toBe(v1.outputs.digest);
    } finally {
      process.env = saved;
    }
  });

  it('a tampered archive fails verify with an error naming the file', async () => {
    const ws = workspace();
    const built = await runStep({ action, id: 'p', with: { name: 'churn', version: '1.0.0', model: 'train-output', 'upload-artifact': 'false', comment: 'false' } }, { workspace: ws, env: results.env });
    expect(built.exitCode, built.log).toBe(0);
    const dir = path.join(ws, built.outputs['package-dir']!);
    writeFileSync(path.join(dir, 'model/train-output/metrics.json'), '{"accuracy": 0.99}');
    const checked = await runStep({ action, id: 'v', with: { mode: 'verify', bundle: built.outputs['package-dir']!, comment: 'false' } }, { workspace: ws, env: results.env });
    expect(checked.exitCode).toBe(1);
    expect(checked.outputs.verdict).toBe('fail');
    expect(checked.annotations.find((a) => a.level === 'error')?.message).toContain('model/train-output/metrics.json differs from the manifest');
  });
});
