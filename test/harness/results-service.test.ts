import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ResultsService, startResultsService } from './results-service.js';

const CLIENT = fileURLToPath(new URL('./fixtures/results-service/client.mjs', import.meta.url));

interface ClientRun {
  code: number;
  result: Record<string, unknown>;
  stdout: string;
  stderr: string;
}

/** Runs one operation of the real clients in a child node process with the service's env. */
function runClient(
  env: Record<string, string>,
  workspace: string,
  op: string,
  args: Record<string, unknown>,
): Promise<ClientRun> {
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? os.tmpdir(),
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: path.join(workspace, '.runner-temp'),
    ...env,
  };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLIENT, op, JSON.stringify(args)],
      { cwd: workspace, env: childEnv, timeout: 50_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const line = stdout.split('\n').find((l) => l.startsWith('@@result '));
        const result = line ? (JSON.parse(line.slice('@@result '.length)) as Record<string, unknown>) : {};
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, result, stdout, stderr });
      },
    );
  });
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function twirp(
  service: ResultsService,
  svc: 'ArtifactService' | 'CacheService',
  method: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(new URL(`/twirp/github.actions.results.api.v1.${svc}/${method}`, service.url), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${service.env.ACTIONS_RUNTIME_TOKEN}`,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('results-service emulator with the real @actions/artifact and @actions/cache clients', () => {
  let service: ResultsService;
  let work: string;

  beforeAll(async () => {
    service = await startResultsService();
    work = await mkdtemp(path.join(os.tmpdir(), 'results-service-test-'));
  });

  afterAll(async () => {
    await service?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('hands out an env both clients accept', () => {
    const { env } = service;
    expect(env.ACTIONS_RESULTS_URL).toBe(service.url);
    expect(env.ACTIONS_CACHE_SERVICE_V2).toBe('true');
    expect(new URL(env.GITHUB_SERVER_URL ?? '').hostname.endsWith('.localhost')).toBe(true);
    const payload = JSON.parse(
      Buffer.from((env.ACTIONS_RUNTIME_TOKEN ?? '').split('.')[1] ?? '', 'base64url').toString(),
    ) as { scp: string };
    expect(payload.scp.split(' ')).toContain(`Actions.Results:${service.runId}:${service.jobId}`);
  });

  it('round-trips an artifact byte-identical (upload, list, download)', async () => {
    const src = path.join(work, 'art-src');
    await mkdir(path.join(src, 'sub'), { recursive: true });
    const files: Record<string, Buffer> = {
      'metrics.json': Buffer.from(JSON.stringify({ accuracy: 0.93, loss: 0.21 })),
      'sub/notes.txt': Buffer.from('trained on fold 3\n'.repeat(100)),
      'model.bin': randomBytes(5 * 1024 * 1024),
    };
    for (const [rel, data] of Object.entries(files)) await writeFile(path.join(src, rel), data);

    const up = await runClient(service.env, work, 'upload', {
      name: 'model',
      root: src,
      files: Object.keys(files).map((rel) => path.join(src, rel)),
    });
    expect(up.code, up.stdout + up.stderr).toBe(0);
    const zip = await service.downloadArtifactZip('model');
    expect(up.result.digest).toBe(sha256(zip));
    expect(up.result.size).toBe(zip.length);

    const stored = service.artifacts();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: up.result.id, name: 'model', size: zip.length, digest: `sha256:${sha256(zip)}` });

    const create = service.requests.find((r) => r.method === 'CreateArtifact');
    expect(create?.body).toMatchObject({
      workflow_run_backend_id: service.runId,
      workflow_job_run_backend_id: service.jobId,
      name: 'model',
      version: 7,
    });
    const finalize = service.requests.find((r) => r.method === 'FinalizeArtifact');
    expect(finalize?.body).toMatchObject({ size: String(zip.length), hash: `sha256:${sha256(zip)}` });

    const list = await runClient(service.env, work, 'list', {});
    expect(list.code, list.stdout + list.stderr).toBe(0);
    expect(list.result.artifacts).toEqual([
      expect.objectContaining({ id: up.result.id, name: 'model', size: zip.length, digest: `sha256:${sha256(zip)}` }),
    ]);

    const dest = path.join(work, 'art-dest');
    const down = await runClient(service.env, work, 'download', { name: 'model', path: dest });
    expect(down.code, down.stdout + down.stderr).toBe(0);
    expect(down.result).toMatchObject({ digestMismatch: false, downloadPath: dest });
    for (const [rel, data] of Object.entries(files)) {
      const got = await readFile(path.join(dest, rel));
      expect(sha256(got), rel).toBe(sha256(data));
      expect(got.equals(data), rel).toBe(true);
    }
  });

  it('serves a skipArchive upload back as the raw file under its own name', async () => {
    const src = path.join(work, 'raw-src');
    await mkdir(src, { recursive: true });
    const html = Buffer.from('<html><body>report ü</body></html>');
    await writeFile(path.join(src, 'summary.html'), html);
    const up = await runClient(service.env, work, 'upload', {
      name: 'ignored-for-raw-files',
      root: src,
      files: [path.join(src, 'summary.html')],
      options: { skipArchive: true },
    });
    expect(up.code, up.stdout + up.stderr).toBe(0);
    const create = service.requests.filter((r) => r.method === 'CreateArtifact').at(-1);
    expect(create?.body).toMatchObject({ name: 'summary.html', mime_type: 'text/html' });

    const dest = path.join(work, 'raw-dest');
    const down = await runClient(service.env, work, 'download', { name: 'summary.html', path: dest });
    expect(down.code, down.stdout + down.stderr).toBe(0);
    expect(down.result.digestMismatch).toBe(false);
    expect((await readFile(path.join(dest, 'summary.html'))).equals(html)).toBe(true);
  });

  it("fails the client's digest check when the stored blob was altered after finalize", async () => {
    const src = path.join(work, 'digest-src');
    await mkdir(src, { recursive: true });
    await writeFile(path.join(src, 'report.json'), '{"ok":true}');
    await writeFile(path.join(src, 'other.json'), '{"ok":false,"tampered":true}');
    const a = await runClient(service.env, work, 'upload', { name: 'report', root: src, files: [path.join(src, 'report.json')] });
    expect(a.code, a.stdout + a.stderr).toBe(0);
    const b = await runClient(service.env, work, 'upload', { name: 'decoy', root: src, files: [path.join(src, 'other.json')] });
    expect(b.code, b.stdout + b.stderr).toBe(0);

    // A valid zip with other content: extraction succeeds, only the sha256 comparison can notice.
    await service.overwriteArtifactBlob('report', await service.downloadArtifactZip('decoy'));

    const dest = path.join(work, 'digest-dest');
    const down = await runClient(service.env, work, 'download', { name: 'report', path: dest });
    expect(down.code).toBe(2);
    expect(down.result).toMatchObject({ digestMismatch: true, digest: `sha256:${a.result.digest as string}` });
    expect(await readFile(path.join(dest, 'other.json'), 'utf8')).toContain('tampered');
  });

  it('answers twirp errors for bad calls', async () => {
    const ids = { workflow_run_backend_id: service.runId, workflow_job_run_backend_id: service.jobId };

    const noAuth = await twirp(service, 'ArtifactService', 'ListArtifacts', ids, { Authorization: '' });
    expect(noAuth).toEqual({ status: 401, json: { code: 'unauthenticated', msg: expect.any(String) } });

    const forged = `${(service.env.ACTIONS_RUNTIME_TOKEN ?? '').slice(0, -4)}AAAA`;
    expect((await twirp(service, 'ArtifactService', 'ListArtifacts', ids, { Authorization: `Bearer ${forged}` })).status).toBe(401);

    const otherRun = await twirp(service, 'ArtifactService', 'ListArtifacts', { ...ids, workflow_run_backend_id: 'x' });
    expect(otherRun).toMatchObject({ status: 403, json: { code: 'permission_denied' } });

    const otherJob = await twirp(service, 'ArtifactService', 'CreateArtifact', { ...ids, workflow_job_run_backend_id: 'y', name: 'n', version: 7 });
    expect(otherJob).toMatchObject({ status: 403, json: { code: 'permission_denied' } });

    expect(await twirp(service, 'ArtifactService', 'Nope', ids)).toMatchObject({ status: 404, json: { code: 'bad_route' } });
    expect(await twirp(service, 'ArtifactService', 'ListArtifacts', '{not json')).toMatchObject({ status: 400, json: { code: 'malformed' } });
    expect(await twirp(service, 'ArtifactService', 'CreateArtifact', { ...ids, version: 7 })).toMatchObject({
      status: 400,
      json: { code: 'invalid_argument' },
    });
    expect(await twirp(service, 'ArtifactService', 'GetSignedArtifactURL', { ...ids, name: 'missing' })).toMatchObject({
      status: 404,
      json: { code: 'not_found' },
    });
    expect(await twirp(service, 'ArtifactService', 'FinalizeArtifact', { ...ids, name: 'never-created', size: '1' })).toMatchObject({
      status: 404,
      json: { code: 'not_found' },
    });
    // names are unique per workflow run, as on GitHub
    expect(await twirp(service, 'ArtifactService', 'CreateArtifact', { ...ids, name: 'report', version: 7 })).toMatchObject({
      status: 409,
      json: { code: 'already_exists' },
    });
    expect(await twirp(service, 'CacheService', 'CreateCacheEntry', { key: 'a,b', version: 'v' })).toMatchObject({
      status: 400,
      json: { code: 'invalid_argument' },
    });
    expect(await twirp(service, 'CacheService', 'GetCacheEntryDownloadURL', { key: 'k', version: 'v' })).toEqual({
      status: 200,
      json: { ok: false },
    });
  });

  it('lets another job of the run download and delete the artifact', async () => {
    const env = service.envForJob('second-job');
    const dest = path.join(work, 'job2-dest');
    const down = await runClient(env, work, 'download', { name: 'model', path: dest });
    expect(down.code, down.stdout + down.stderr).toBe(0);
    expect(down.result.digestMismatch).toBe(false);

    const del = await runClient(env, work, 'delete', { name: 'decoy' });
    expect(del.code, del.stdout + del.stderr).toBe(0);
    expect(service.artifacts().map((a) => a.name)).not.toContain('decoy');
  });

  describe('cache', () => {
    let ws: string;
    const save = (key: string, content: string, dir = 'deps') =>
      (async () => {
        await rm(path.join(ws, dir), { recursive: true, force: true });
        await mkdir(path.join(ws, dir), { recursive: true });
        await writeFile(path.join(ws, dir, 'lock.txt'), content);
        return runClient(service.env, ws, 'save', { paths: [dir], key });
      })();
    const restore = async (key: string, restoreKeys: string[] = [], dir = 'deps') => {
      await rm(path.join(ws, dir), { recursive: true, force: true });
      const run = await runClient(service.env, ws, 'restore', { paths: [dir], key, restoreKeys });
      let content: string | undefined;
      try {
        content = await readFile(path.join(ws, dir, 'lock.txt'), 'utf8');
      } catch {
        content = undefined;
      }
      return { run, matchedKey: run.result.matchedKey, content };
    };

    beforeAll(async () => {
      ws = path.join(work, 'cache-ws');
      await mkdir(path.join(ws, '.runner-temp'), { recursive: true });
    });

    it('saves and restores with the exact key', async () => {
      const s = await save('deps-linux-aaa', 'v1');
      expect(s.code, s.stdout + s.stderr).toBe(0);
      expect(s.result.cacheId).toBeGreaterThan(0);
      const r = await restore('deps-linux-aaa');
      expect(r.run.code, r.run.stdout + r.run.stderr).toBe(0);
      expect(r).toMatchObject({ matchedKey: 'deps-linux-aaa', content: 'v1' });
      expect(service.caches()).toEqual([expect.objectContaining({ key: 'deps-linux-aaa' })]);
    });

    it('picks the newest entry matching a restore-key prefix', async () => {
      await new Promise((r) => setTimeout(r, 20));
      const s = await save('deps-linux-bbb', 'v2');
      expect(s.code, s.stdout + s.stderr).toBe(0);
      const r = await restore('deps-linux-zzz', ['deps-windows-', 'deps-linux-']);
      expect(r).toMatchObject({ matchedKey: 'deps-linux-bbb', content: 'v2' });
      const call = service.requests.filter((q) => q.method === 'GetCacheEntryDownloadURL').at(-1);
      expect(call?.body).toMatchObject({ key: 'deps-linux-zzz', restore_keys: ['deps-windows-', 'deps-linux-'] });
      // an exact key beats a newer prefix match
      expect(await restore('deps-linux-aaa', ['deps-linux-'])).toMatchObject({ matchedKey: 'deps-linux-aaa', content: 'v1' });
    });

    it('reports a miss as undefined', async () => {
      const r = await restore('nothing-here', ['nothing-']);
      expect(r.run.code).toBe(0);
      expect(r).toMatchObject({ matchedKey: null, content: undefined });
    });

    it('does not overwrite an existing key and does not fail the save', async () => {
      const s = await save('deps-linux-aaa', 'v3');
      expect(s.code, s.stdout + s.stderr).toBe(0);
      expect(s.result.cacheId).toBe(-1);
      expect(s.stdout).not.toContain('::error');
      expect(service.caches().filter((c) => c.key === 'deps-linux-aaa')).toHaveLength(1);
      expect(await restore('deps-linux-aaa')).toMatchObject({ matchedKey: 'deps-linux-aaa', content: 'v1' });
    });

    it('misses when the paths (hence the version) differ', async () => {
      const r = await restore('deps-linux-aaa', ['deps-linux-'], 'other-deps');
      expect(r).toMatchObject({ matchedKey: null, content: undefined });
    });
  });
});

describe('results-service lifecycle', () => {
  it('stop() kills azurite by its PID and closes the port', async () => {
    const t0 = Date.now();
    const service = await startResultsService({ runId: 'run-1', jobId: 'job-1' });
    const startupMs = Date.now() - t0;
    expect(startupMs).toBeLessThan(15_000);
    const { pid } = service.azurite;
    expect(() => process.kill(pid, 0)).not.toThrow();
    expect((await fetch(new URL('/twirp/x/y', service.url), { method: 'POST' })).status).toBe(404);

    await service.stop();
    expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }) as Error);
    await expect(fetch(service.url)).rejects.toThrow();
    await service.stop(); // idempotent
  });
});
