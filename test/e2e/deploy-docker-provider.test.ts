import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
// @ts-expect-error: a plain JavaScript module of the repository's scripts.
import { BASE_IMAGE, dockerdAvailable, ensureBaseImage, startDockerd } from '../../scripts/container-test-env.mjs';
import { DockerCli, type DockerResult } from '../../src/container/docker.js';
import { applyTrafficSplit, HaproxyRuntimeClient } from '../../src/deploy/haproxy.js';
import { dockerProviderSchema } from '../../src/deploy/plan.js';
import { DockerProvider } from '../../src/deploy/providers/docker.js';
import { ConfigurationError } from '../../src/platform/errors.js';
import { RecordingLogger } from '../../src/platform/logger.js';
import { getFresh as get, startHaproxy, type RunningHaproxy } from '../support/haproxy.js';
import { portOutsideEphemeralRange } from '../support/registry.js';
import { makeTempDir } from '../support/tmp.js';

/**
 * End-to-end: the docker provider against a real Docker daemon and a real HAProxy on loopback.
 * The "model server" images are two tiny images FROM the cached test base image, each answering
 * its version (and one variable of the provider's env) on $PORT; every check of the traffic is made
 * through HAProxy's frontend, the way users reach the service.
 */

interface Daemon {
  env: Record<string, string>;
  stop(): Promise<void>;
}

const NAME = 'mlops-deploy-e2e';
const IMAGE = 'mlops-test/deploy-echo';
const V1 = `${IMAGE}:v1`;
const V2 = `${IMAGE}:v2`;
const MISSING = `${IMAGE}:missing`;
const GREETING = 'not-on-any-command-line-5f0c';
const stage = (image: string) => ({ name: 'production', image });

/** Every docker command the provider runs, to check what reaches a command line. */
class RecordingDockerCli extends DockerCli {
  readonly calls: string[][] = [];
  override run(args: string[], options: { input?: string; onOutput?: (text: string) => void } = {}): Promise<DockerResult> {
    this.calls.push(args);
    return super.run(args, options);
  }
}

const SERVER_PY = `import json, os, signal, sys
from http.server import BaseHTTPRequestHandler, HTTPServer

class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = json.dumps({"version": os.environ["APP_VERSION"], "greeting": os.environ.get("GREETING", "")}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
HTTPServer((os.environ["HOST"], int(os.environ["PORT"])), Handler).serve_forever()
`;

let daemon: Daemon | undefined;
let skipReason = '';
let haproxy: RunningHaproxy;
let client: HaproxyRuntimeClient;
let docker: RecordingDockerCli;
let ports: [number, number];
let logger: RecordingLogger;
let provider: DockerProvider;
const tmp = makeTempDir('mlops-e2e-deploy-');

beforeAll(async () => {
  if (!dockerdAvailable()) {
    skipReason = 'dockerd is not installed (Debian package docker.io)';
    return;
  }
  try {
    daemon = (await startDockerd()) as Daemon;
  } catch (error) {
    skipReason = `dockerd cannot start here: ${(error as Error).message.slice(0, 300)}`;
    return;
  }
  ensureBaseImage(daemon.env);
  tmp.write('server.py', SERVER_PY);
  tmp.write('Dockerfile', `FROM ${BASE_IMAGE}\nCOPY server.py /srv/server.py\nARG VERSION\nENV APP_VERSION=$VERSION\nCMD ["python3", "/srv/server.py"]\n`);
  for (const version of ['v1', 'v2']) {
    execFileSync('docker', ['build', '--quiet', '--build-arg', `VERSION=${version}`, '--tag', `${IMAGE}:${version}`, tmp.root], { env: { ...daemon.env, DOCKER_BUILDKIT: '0' }, stdio: ['ignore', 'ignore', 'pipe'] });
  }
  removeContainers();
  // Picked now, bound rollouts later: outside the range other tests' servers on port 0 draw from.
  const first = await portOutsideEphemeralRange();
  ports = [first, await portOutsideEphemeralRange([first])];
  haproxy = await startHaproxy({ backends: { svc: { servers: { stable: null, candidate: null } } } });
  client = new HaproxyRuntimeClient(haproxy.runtimeApi);
  docker = new RecordingDockerCli(daemon.env);
  logger = new RecordingLogger();
  const config = dockerProviderSchema.parse({ kind: 'docker', runtime_api: haproxy.runtimeApi, backend: 'svc', name: NAME, ports, env: { GREETING }, public_url: haproxy.frontendUrl });
  provider = new DockerProvider(config, { docker, logger, startTimeoutMs: 30_000 });
}, 900_000);

afterAll(async () => {
  if (daemon) {
    removeContainers();
    // The daemon's image store is a cache kept between runs: leave only the base image in it.
    spawnSync('docker', ['rmi', '--force', V1, V2], { env: daemon.env, stdio: 'ignore' });
  }
  await haproxy?.stop();
  await daemon?.stop();
  tmp.remove();
});

function removeContainers(): void {
  spawnSync('docker', ['rm', '--force', `${NAME}-stable`, `${NAME}-candidate`], { env: daemon!.env, stdio: 'ignore' });
}

function skipWithoutDocker(ctx: TestContext): void {
  ctx.skip(daemon === undefined, skipReason);
}

/** Names of the containers of this test that exist, running or not. */
function containers(): string[] {
  const out = execFileSync('docker', ['ps', '--all', '--filter', `label=io.mlops-actions.deploy.name=${NAME}`, '--format', '{{.Names}} {{.Label "io.mlops-actions.deploy.image"}}'], { env: daemon!.env, encoding: 'utf8' });
  return out.trim().split('\n').filter(Boolean).sort();
}


/** Which version answered each of `n` requests through HAProxy; other statuses count by code. */
async function versions(n: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const r = await get(haproxy.frontendUrl);
    const key = r.status === 200 ? (JSON.parse(r.body) as { version: string }).version : String(r.status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('docker provider against a real daemon and HAProxy', () => {
  it('a missing image is a ConfigurationError naming it, before anything changes', async (ctx) => {
    skipWithoutDocker(ctx);
    const before = await client.showServers('svc');
    for (const call of [() => provider.preflight(stage(MISSING)), () => provider.deploy(stage(MISSING))]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).message).toBe(`the image ${MISSING} is not on the Docker host and cannot be pulled`);
      expect((error as ConfigurationError).hint).toMatch(/Check the image reference and the registry login\. docker pull said: .+/);
    }
    expect(await client.showServers('svc')).toEqual(before);
    expect(containers()).toEqual([]);
    expect(docker.calls.filter((args) => args[0] === 'run')).toEqual([]);
  });

  it('first rollout: the candidate serves nothing until promotion, which makes it the stable', async (ctx) => {
    skipWithoutDocker(ctx);
    expect(await provider.status(stage(V1))).toEqual({ candidateWeight: 0, candidatePresent: false, stablePresent: false, stableImage: undefined, candidateImage: undefined });

    const endpoints = await provider.deploy(stage(V1));
    expect(endpoints).toEqual({ candidateUrl: `http://127.0.0.1:${ports[0]}`, stableUrl: undefined, publicUrl: haproxy.frontendUrl });
    expect(JSON.parse((await get(endpoints.candidateUrl)).body)).toEqual({ version: 'v1', greeting: GREETING });
    expect(await provider.status(stage(V1))).toEqual({ candidateWeight: 0, candidatePresent: true, stablePresent: false, stableImage: undefined, candidateImage: V1 });
    // No stable yet, and the candidate at weight 0: HAProxy has no server to give a request to.
    expect(await versions(5)).toEqual({ '503': 5 });

    // The env went through a file that is gone, never onto a command line.
    const run = docker.calls.find((args) => args[0] === 'run')!;
    expect(run.join(' ')).not.toContain(GREETING);
    const envFile = run[run.indexOf('--env-file') + 1]!;
    expect(path.isAbsolute(envFile)).toBe(true);
    expect(existsSync(envFile)).toBe(false);
    expect(run).toEqual(expect.arrayContaining(['--name', `${NAME}-candidate`, '--network', 'host', `PORT=${ports[0]}`, 'HOST=127.0.0.1', `io.mlops-actions.deploy.image=${V1}`, 'io.mlops-actions.deploy.role=candidate']));

    await provider.promote(stage(V1));
    expect(await versions(20)).toEqual({ v1: 20 });
    expect(containers()).toEqual([`${NAME}-stable ${V1}`]);
    expect(await provider.status(stage(V1))).toEqual({ candidateWeight: 0, candidatePresent: false, stablePresent: true, stableImage: V1, candidateImage: undefined });
    expect(await client.server('svc', 'stable')).toMatchObject({ address: '127.0.0.1', port: ports[0], state: 'ready', weight: 100 });
    expect(await client.server('svc', 'candidate')).toMatchObject({ state: 'maint', weight: 0 });

    // Promoting again changes nothing.
    await provider.promote(stage(V1));
    expect(containers()).toEqual([`${NAME}-stable ${V1}`]);
    expect(await versions(10)).toEqual({ v1: 10 });
  });

  it('second rollout: the candidate takes the other port, gets its share of the traffic, and is promoted', async (ctx) => {
    skipWithoutDocker(ctx);
    const endpoints = await provider.deploy(stage(V2));
    expect(endpoints).toEqual({ candidateUrl: `http://127.0.0.1:${ports[1]}`, stableUrl: `http://127.0.0.1:${ports[0]}`, publicUrl: haproxy.frontendUrl });
    expect(await versions(20)).toEqual({ v1: 20 });

    // Weighted round robin through one HAProxy thread: exact within a window, a few requests off
    // at a change of weights (see test/unit/deploy-haproxy.test.ts).
    for (const percent of [25, 50]) {
      await provider.setWeight(stage(V2), percent);
      expect(await provider.status(stage(V2))).toEqual({ candidateWeight: percent, candidatePresent: true, stablePresent: true, stableImage: V1, candidateImage: V2 });
      const counts = await versions(100);
      expect(Math.abs((counts.v2 ?? 0) - percent), JSON.stringify(counts)).toBeLessThanOrEqual(3);
      expect((counts.v1 ?? 0) + (counts.v2 ?? 0)).toBe(100);
    }

    await provider.promote(stage(V2));
    expect(await versions(20)).toEqual({ v2: 20 });
    expect(containers()).toEqual([`${NAME}-stable ${V2}`]);
    expect(await provider.status(stage(V2))).toEqual({ candidateWeight: 0, candidatePresent: false, stablePresent: true, stableImage: V2, candidateImage: undefined });
    expect(await client.server('svc', 'stable')).toMatchObject({ port: ports[1], state: 'ready', weight: 100 });
  });

  it('third rollout rolled back: all traffic back on stable, the candidate removed; rolling back again is fine', async (ctx) => {
    skipWithoutDocker(ctx);
    const endpoints = await provider.deploy(stage(V1));
    expect(endpoints.candidateUrl).toBe(`http://127.0.0.1:${ports[0]}`);
    await provider.setWeight(stage(V1), 50);
    const counts = await versions(20);
    expect(Math.abs((counts.v1 ?? 0) - 10), JSON.stringify(counts)).toBeLessThanOrEqual(3);
    expect((counts.v1 ?? 0) + (counts.v2 ?? 0)).toBe(20);

    await provider.rollback(stage(V1));
    expect(await versions(20)).toEqual({ v2: 20 });
    expect(containers()).toEqual([`${NAME}-stable ${V2}`]);
    expect(await provider.status(stage(V1))).toEqual({ candidateWeight: 0, candidatePresent: false, stablePresent: true, stableImage: V2, candidateImage: undefined });
    expect(await client.server('svc', 'candidate')).toMatchObject({ state: 'maint', weight: 0 });

    await provider.rollback(stage(V1));
    expect(await versions(10)).toEqual({ v2: 10 });
    expect(containers()).toEqual([`${NAME}-stable ${V2}`]);
  });

  it('a promotion interrupted before the old stable was removed: rollback points the stable slot back at it', async (ctx) => {
    skipWithoutDocker(ctx);
    await provider.deploy(stage(V1));
    // The first steps of promote, then the job dies: both slots lead to the candidate.
    await applyTrafficSplit(client, { backend: 'svc', stableServer: 'stable', candidateServer: 'candidate' }, 100);
    await client.setServerAddress('svc', 'stable', '127.0.0.1', ports[0]);
    await applyTrafficSplit(client, { backend: 'svc', stableServer: 'stable', candidateServer: 'candidate' }, 0);
    expect(await versions(10)).toEqual({ v1: 10 });

    await provider.rollback(stage(V1));
    expect(await versions(20)).toEqual({ v2: 20 });
    expect(containers()).toEqual([`${NAME}-stable ${V2}`]);
    expect(await client.server('svc', 'stable')).toMatchObject({ port: ports[1], state: 'ready', weight: 100 });
  });

  it('a promotion interrupted after the old stable was removed: any later call completes it instead of leaving nothing to serve', async (ctx) => {
    skipWithoutDocker(ctx);
    await provider.deploy(stage(V1));
    await applyTrafficSplit(client, { backend: 'svc', stableServer: 'stable', candidateServer: 'candidate' }, 100);
    await client.setServerAddress('svc', 'stable', '127.0.0.1', ports[0]);
    await applyTrafficSplit(client, { backend: 'svc', stableServer: 'stable', candidateServer: 'candidate' }, 0);
    execFileSync('docker', ['rm', '--force', `${NAME}-stable`], { env: daemon!.env, stdio: 'ignore' });

    await provider.rollback(stage(V1));
    expect(await versions(20)).toEqual({ v1: 20 });
    expect(containers()).toEqual([`${NAME}-stable ${V1}`]);
    expect(logger.lines.some((l) => l.level === 'warning' && /interrupted promotion had already removed the old stable/.test(l.message))).toBe(true);
    expect(await provider.status(stage(V1))).toEqual({ candidateWeight: 0, candidatePresent: false, stablePresent: true, stableImage: V1, candidateImage: undefined });
  });

  it('leaves no container behind but <name>-stable, whatever happened', async (ctx) => {
    skipWithoutDocker(ctx);
    await provider.rollback(stage(V2));
    expect(containers()).toEqual([`${NAME}-stable ${V1}`]);
    removeContainers();
    expect(containers()).toEqual([]);
  });
});
