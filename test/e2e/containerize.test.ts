import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module of the repository's scripts.
import { BASE_IMAGE, ensureBaseImage, pushBaseImage, removeTestImages, startDockerd } from '../../scripts/container-test-env.mjs';
import { runStep } from '../harness/runner.js';
import { startRegistry } from '../support/registry.js';
import { makeTempDir } from '../support/tmp.js';
import { PYTHON } from '../unit/stats-reference.js';

/**
 * End-to-end: the committed bundle actions/containerize/dist/index.js run by the runner emulator
 * against a real Docker daemon and a real Distribution registry on loopback, building a serving
 * image of a scikit-learn model with both builders; the pushed image is read back with skopeo.
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
const action = path.join(repoRoot, 'actions/containerize');
const packageAction = path.join(repoRoot, 'actions/package-model');

interface Daemon {
  env: Record<string, string>;
  stop(): Promise<void>;
}
let daemon: Daemon;
let registry: Awaited<ReturnType<typeof startRegistry>>;
let baseRef: string;
const tmp = makeTempDir('mlops-e2e-container-');

beforeAll(async () => {
  daemon = (await startDockerd()) as Daemon;
  ensureBaseImage(daemon.env);
  registry = await startRegistry();
  // The base image, in the registry for the daemonless builder (no image comes from Docker Hub here).
  baseRef = `${registry.host}/base/python-sklearn:bookworm`;
  pushBaseImage(daemon.env, baseRef);
}, 900_000);

afterAll(async () => {
  await registry?.stop();
  // The daemon's image store is a cache kept between runs: leave only the base image in it.
  if (daemon) removeTestImages(daemon.env);
  await daemon?.stop();
  tmp.remove();
});

let count = 0;
/** A workspace holding a model package built by package-model from a trained pipeline. */
async function packagedModel(): Promise<{ ws: string; packageDir: string; packagePath: string }> {
  const ws = path.join(tmp.root, `ws-${++count}`);
  mkdirSync(ws, { recursive: true });
  execFileSync(PYTHON, [path.join(repoRoot, 'test/fixtures/serving/make_model.py'), path.join(ws, 'trained')]);
  const step = await runStep(
    {
      action: packageAction,
      id: 'p',
      with: {
        name: 'churn',
        version: '1.2.0',
        model: 'trained/model/model.pkl',
        'input-example': 'trained/metadata/input_example.json',
        'output-example': 'trained/metadata/expected_output.json',
        'upload-artifact': 'false',
        comment: 'false',
      },
    },
    { workspace: ws },
  );
  expect(step.exitCode, step.log).toBe(0);
  return { ws, packageDir: step.outputs['package-dir']!, packagePath: step.outputs['package-path']! };
}

function skopeo(ref: string, ...args: string[]): Record<string, unknown> {
  return JSON.parse(execFileSync('skopeo', ['inspect', '--tls-verify=false', ...args, `docker://${ref}`], { encoding: 'utf8' })) as Record<string, unknown>;
}

const stepEnv = () => ({ DOCKER_HOST: daemon.env.DOCKER_HOST! });

describe('containerize bundle through the runner', () => {
  it('docker builder: builds, smoke-tests against the expected output, pushes; labels and layers read back with skopeo', async () => {
    const { ws, packagePath } = await packagedModel();
    const step = await runStep(
      {
        action,
        id: 'c',
        with: { package: packagePath, image: `${registry.host}/acme/churn`, builder: 'docker', 'base-image': BASE_IMAGE, 'smoke-requests': '100', 'max-latency-ms': '2000', comment: 'false' },
        env: stepEnv(),
        timeoutMs: 600_000,
      },
      { workspace: ws, env: { GITHUB_SHA: 'abcdef0123456789abcdef0123456789abcdef01', GITHUB_REF: 'refs/heads/main' } },
    );
    expect(step.exitCode, `${step.log}\n${step.summary}`).toBe(0);
    expect(step.outputs.builder).toBe('docker');
    expect(step.outputs.pushed).toBe('true');
    expect(JSON.parse(step.outputs.tags!)).toEqual([`${registry.host}/acme/churn:1.2.0`, `${registry.host}/acme/churn:1.2`, `${registry.host}/acme/churn:sha-abcdef0`, `${registry.host}/acme/churn:latest`]);
    expect(Number(step.outputs['latency-p99-ms'])).toBeGreaterThan(0);
    expect(step.summary).toContain('smoke test');
    const inspected = skopeo(`${registry.host}/acme/churn:1.2.0`);
    expect(inspected.Digest).toBe(step.outputs.digest);
    expect(inspected.Labels).toMatchObject({ 'io.mlops-actions.model.name': 'churn', 'io.mlops-actions.model.version': '1.2.0', 'org.opencontainers.image.revision': 'abcdef0123456789abcdef0123456789abcdef01' });
    expect(String((inspected.Labels as Record<string, string>)['io.mlops-actions.model.package-digest'])).toMatch(/^sha256:/);
  });

  it('daemonless builder: the same digest twice, the second push sends no layer again, and the pulled image serves', async () => {
    const { ws, packageDir } = await packagedModel();
    const build = (id: string, image: string) =>
      runStep(
        { action, id, with: { package: packageDir, image: `${registry.host}/${image}`, builder: 'daemonless', 'base-image': baseRef, tags: '{{version}}', comment: 'false' }, env: stepEnv(), timeoutMs: 600_000 },
        { workspace: ws },
      );
    const first = await build('a', 'acme/churn-dl');
    expect(first.exitCode, `${first.log}\n${first.summary}`).toBe(0);
    expect(first.outputs.builder).toBe('daemonless');
    const again = await build('b', 'acme/churn-dl');
    expect(again.outputs.digest).toBe(first.outputs.digest);
    expect(again.log).toMatch(/the model package: already in the registry, not sent/);
    const inspected = skopeo(`${registry.host}/acme/churn-dl:1.2.0`);
    expect(inspected.Digest).toBe(first.outputs.digest);
    const config = skopeo(`${registry.host}/acme/churn-dl:1.2.0`, '--config');
    expect((config.config as { User: string }).User).toBe('65532:65532');
    // The smoke test ran the pulled image (a daemon is here), so the image serves.
    expect(first.summary).toContain('smoke test');
    expect(first.summary).toContain('passed');
  });

  it('refuses a package that fails verify, naming the file', async () => {
    const { ws, packageDir } = await packagedModel();
    appendFileSync(path.join(ws, packageDir, 'model/model.pkl'), 'x');
    const step = await runStep({ action, id: 'c', with: { package: packageDir, image: `${registry.host}/acme/bad`, 'base-image': BASE_IMAGE, comment: 'false' }, env: stepEnv() }, { workspace: ws });
    expect(step.exitCode).toBe(1);
    expect(step.outputs.verdict).toBe('error');
    expect(step.annotations.find((a) => a.level === 'error')?.message).toMatch(/the package fails verify: model\/model\.pkl is changed/);
  });

  it('an image whose server never answers /health: fails with the container log, and pushes nothing', async () => {
    const { ws, packageDir } = await packagedModel();
    writeFileSync(path.join(ws, 'Dockerfile.broken'), `FROM ${BASE_IMAGE}\nCOPY model/ /opt/mlops/model/\nENTRYPOINT ["python3", "-c", "print('no server here'); raise SystemExit(3)"]\n`);
    const step = await runStep(
      { action, id: 'c', with: { package: packageDir, image: `${registry.host}/acme/broken`, builder: 'docker', dockerfile: 'Dockerfile.broken', 'base-image': BASE_IMAGE, 'smoke-timeout-seconds': '20', comment: 'false' }, env: stepEnv(), timeoutMs: 300_000 },
      { workspace: ws },
    );
    expect(step.exitCode).toBe(1);
    expect(step.outputs.verdict).toBe('fail');
    expect(step.outputs.pushed).toBe('false');
    expect(step.annotations.find((a) => a.level === 'error')?.message).toMatch(/failed its smoke test: the container exited before \/health answered/);
    expect(step.summary).toContain('no server here');
    expect(spawnSync('skopeo', ['inspect', '--tls-verify=false', `docker://${registry.host}/acme/broken:1.2.0`]).status).not.toBe(0);
  });

  it('a base image that does not exist: a clear error', async () => {
    const { ws, packageDir } = await packagedModel();
    const step = await runStep(
      { action, id: 'c', with: { package: packageDir, image: `${registry.host}/acme/nobase`, builder: 'daemonless', 'base-image': `${registry.host}/no/such-image:1`, comment: 'false' }, env: stepEnv() },
      { workspace: ws },
    );
    expect(step.exitCode).toBe(1);
    expect(step.annotations.find((a) => a.level === 'error')?.message).toMatch(/image not found/);
  });
});
