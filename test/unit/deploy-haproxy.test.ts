import { execFileSync, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTrafficSplit, HaproxyRuntimeClient, parseRuntimeApiAddress, readTrafficSplit, trafficWeights } from '../../src/deploy/haproxy.js';
import { haproxyProviderSchema } from '../../src/deploy/plan.js';
import { HaproxyProvider } from '../../src/deploy/providers/haproxy.js';
import { ConfigurationError } from '../../src/platform/errors.js';
import { haproxyBinary, getFresh as get, startHaproxy, type RunningHaproxy } from '../support/haproxy.js';
import { alive } from '../support/processes.js';
import { freePort } from '../support/registry.js';

/*
 * The runtime API client and the haproxy provider against a real HAProxy on loopback, in front of
 * three small HTTP servers (child processes) that each answer their own name: the share of
 * requests each one gets through HAProxy's frontend is the reference for every weight set.
 */

interface NameServer {
  name: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/** A node HTTP server answering its name (500 on /fail), as a child process stopped by its PID. */
async function startNameServer(name: string): Promise<NameServer> {
  const port = await freePort();
  const script = `
    const http = require('node:http');
    const server = http.createServer((req, res) => {
      res.writeHead(req.url === '/fail' ? 500 : 200, { 'content-type': 'text/plain' });
      res.end(process.env.NAME);
    });
    server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
    process.on('SIGTERM', () => process.exit(0));`;
  const child = spawn(process.execPath, ['-e', script], { env: { NAME: name, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
  const pid = child.pid!;
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve());
    child.on('exit', (code) => reject(new Error(`the ${name} server exited with ${code}`)));
  });
  const stop = async (): Promise<void> => {
    if (!alive(pid)) return;
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + 3000;
    while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  };
  return { name, port, pid, stop };
}


/** Who answered `n` sequential requests; 503s (no server available) count as `503`. */
async function tally(url: string, n: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const r = await get(url);
    const key = r.status === 200 ? r.body : String(r.status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

const N = 200;
/*
 * Within a scheduling window, HAProxy's weighted round robin interleaves the servers in exact
 * proportion (at 25 %, one request in four). Requests stray only at a change of weights, when the
 * server that gained weight waits for the rest of the old window or catches up with it: measured on
 * HAProxy 2.6 with applyTrafficSplit's order (the gaining server first), 2 requests at most for the
 * changes tested here, up to 15 for a jump from 1 % to 75 %. 5 requests of 200 (2.5 points) covers
 * the changes tested, and fails on any real error of the split (the nearest, 25 % read as 30 %, is
 * 10 requests off).
 */
const TOLERANCE = 5;

let alpha: NameServer;
let beta: NameServer;
let gamma: NameServer;
let haproxy: RunningHaproxy;
let client: HaproxyRuntimeClient;
const target = { backend: 'web', stableServer: 'stable', candidateServer: 'candidate' };

beforeAll(async () => {
  [alpha, beta, gamma] = await Promise.all([startNameServer('alpha'), startNameServer('beta'), startNameServer('gamma')]);
  haproxy = await startHaproxy({
    backends: {
      web: { servers: { stable: `127.0.0.1:${alpha.port}`, candidate: `127.0.0.1:${beta.port}` } },
      empty: { servers: { stable: `127.0.0.1:${alpha.port}`, candidate: null } },
    },
    unixSocket: true,
  });
  client = new HaproxyRuntimeClient(haproxy.runtimeApi);
});

afterAll(async () => {
  await haproxy?.stop();
  await Promise.all([alpha?.stop(), beta?.stop(), gamma?.stop()]);
});

describe('HAProxy runtime API client', () => {
  it('check: reachable at level admin, and reports the version `haproxy -v` prints', async () => {
    const printed = /HAProxy version (\S+)/.exec(execFileSync(haproxyBinary(), ['-v'], { encoding: 'utf8' }))?.[1];
    expect(await client.check()).toEqual({ version: printed, level: 'admin' });
    // The same through the unix socket.
    expect((await new HaproxyRuntimeClient(haproxy.runtimeApiSocket!).check()).version).toBe(printed);
  });

  it('get and set weight round-trip; the configured weight stays the initial one', async () => {
    expect(await client.getWeight('web', 'stable')).toEqual({ current: 100, initial: 100 });
    await client.setWeight('web', 'candidate', 37);
    expect(await client.getWeight('web', 'candidate')).toEqual({ current: 37, initial: 0 });
    await client.setWeight('web', 'candidate', 256);
    expect((await client.getWeight('web', 'candidate')).current).toBe(256);
    await client.setWeight('web', 'candidate', 0);
    expect((await client.getWeight('web', 'candidate')).current).toBe(0);
    await expect(client.setWeight('web', 'candidate', 257)).rejects.toThrow(RangeError);
  });

  it('showServers: names, addresses, ports, states and weights as configured', async () => {
    expect(await client.showServers('web')).toEqual([
      { name: 'stable', address: '127.0.0.1', port: alpha.port, state: 'ready', status: 'up', weight: 100, initialWeight: 100 },
      { name: 'candidate', address: '127.0.0.1', port: beta.port, state: 'ready', status: 'up', weight: 0, initialWeight: 0 },
    ]);
    // A server declared `disabled` (no address yet) is in maintenance.
    expect((await client.server('empty', 'candidate')).state).toBe('maint');
  });

  it('applyTrafficSplit at 0, 25, 50 and 100 % gives the candidate that share of the requests through the frontend', async () => {
    for (const percent of [0, 25, 50, 100]) {
      expect(await applyTrafficSplit(client, target, percent)).toEqual({ stable: 100 - percent, candidate: percent });
      expect(await readTrafficSplit(client, target)).toBe(percent);
      const counts = await tally(haproxy.frontendUrl, N);
      expect(Object.keys(counts).filter((k) => k !== 'alpha' && k !== 'beta'), JSON.stringify(counts)).toEqual([]);
      expect(Math.abs((counts.beta ?? 0) - (N * percent) / 100), `${percent} %: ${JSON.stringify(counts)}`).toBeLessThanOrEqual(percent === 0 || percent === 100 ? 0 : TOLERANCE);
    }
    await applyTrafficSplit(client, target, 0);
  });

  it('applyTrafficSplit sets the server gaining weight first: no moment with both weights at 0', async () => {
    // Sample both weights while the split swings between 0 and 100 % several times.
    let bothZero = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const servers = await client.showServers('web');
        if (servers.every((s) => s.weight === 0)) bothZero++;
      }
    })();
    for (let i = 0; i < 10; i++) {
      await applyTrafficSplit(client, target, 100);
      await applyTrafficSplit(client, target, 0);
    }
    sampling = false;
    await sampler;
    expect(bothZero).toBe(0);
  });

  it('setServerAddress moves the candidate to another server, and back', async () => {
    await client.setServerAddress('web', 'candidate', '127.0.0.1', gamma.port);
    await applyTrafficSplit(client, target, 100);
    expect(await tally(haproxy.frontendUrl, 20)).toEqual({ gamma: 20 });
    const moved = await client.server('web', 'candidate');
    expect([moved.address, moved.port]).toEqual(['127.0.0.1', gamma.port]);
    await client.setServerAddress('web', 'candidate', '127.0.0.1', beta.port);
    expect(await tally(haproxy.frontendUrl, 20)).toEqual({ beta: 20 });
    await applyTrafficSplit(client, target, 0);
  });

  it('setServerState: a candidate in drain or maint gets no new requests and reads as 0 %', async () => {
    await applyTrafficSplit(client, target, 50);
    for (const state of ['drain', 'maint'] as const) {
      await client.setServerState('web', 'candidate', state);
      expect((await client.server('web', 'candidate')).state).toBe(state);
      expect(await readTrafficSplit(client, target)).toBe(0);
      expect(await tally(haproxy.frontendUrl, 20)).toEqual({ alpha: 20 });
    }
    await client.setServerState('web', 'candidate', 'ready');
    expect(await readTrafficSplit(client, target)).toBe(50);
    await applyTrafficSplit(client, target, 0);
  });

  it('stats: per-server sessions and responses by class match the requests sent', async () => {
    const before = await client.stats('web');
    await applyTrafficSplit(client, target, 50);
    const counts = await tally(haproxy.frontendUrl, 40);
    for (let i = 0; i < 6; i++) await get(`${haproxy.frontendUrl}/fail`);
    await applyTrafficSplit(client, target, 0);
    const after = await client.stats('web');
    const delta = (name: string, pick: (s: (typeof after)[number]) => number) => pick(after.find((s) => s.name === name)!) - pick(before.find((s) => s.name === name)!);
    expect(after.map((s) => s.name)).toEqual(['stable', 'candidate']);
    expect(delta('stable', (s) => s.responses['2xx'])).toBe(counts.alpha);
    expect(delta('candidate', (s) => s.responses['2xx'])).toBe(counts.beta);
    expect(delta('stable', (s) => s.responses['5xx']) + delta('candidate', (s) => s.responses['5xx'])).toBe(6);
    expect(delta('stable', (s) => s.sessions.total) + delta('candidate', (s) => s.sessions.total)).toBe(46);
    expect(after[0]).toMatchObject({ address: `127.0.0.1:${alpha.port}`, status: 'no check', weight: 100 });
  });

  it('an unknown backend or server is a ConfigurationError naming it, with a hint', async () => {
    const unknownBackend = await client.getWeight('nope', 'stable').catch((e: unknown) => e);
    expect(unknownBackend).toBeInstanceOf(ConfigurationError);
    expect((unknownBackend as ConfigurationError).message).toBe(`HAProxy at ${haproxy.runtimeApi} has no backend nope`);
    expect((unknownBackend as ConfigurationError).hint).toMatch(/Check `backend` in the rollout plan/);
    for (const call of [() => client.showServers('nope'), () => client.stats('nope'), () => client.setWeight('nope', 'x', 1)]) {
      await expect(call()).rejects.toThrow(/has no backend nope/);
    }

    const unknownServer = await client.setWeight('web', 'canary', 10).catch((e: unknown) => e);
    expect(unknownServer).toBeInstanceOf(ConfigurationError);
    expect((unknownServer as ConfigurationError).message).toBe(`backend web of HAProxy at ${haproxy.runtimeApi} has no server canary`);
    expect((unknownServer as ConfigurationError).hint).toMatch(/stable_server and candidate_server/);
    await expect(readTrafficSplit(client, { ...target, candidateServer: 'canary' })).rejects.toThrow(/has no server canary \(it has stable, candidate\)/);
    await expect(client.setServerState('web', 'canary', 'ready')).rejects.toThrow(ConfigurationError);
    await expect(client.setServerAddress('web', 'canary', '127.0.0.1', 80)).rejects.toThrow(ConfigurationError);
    // A name that would change the command is refused before anything is sent.
    await expect(client.getWeight('web', 'stable; shutdown')).rejects.toThrow(/is not an HAProxy name/);
  });

  it('an unreachable runtime API is a ConfigurationError naming the address and `level admin`', async () => {
    const port = await freePort();
    const error = await new HaproxyRuntimeClient(`127.0.0.1:${port}`).check().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).message).toBe(`cannot reach the HAProxy runtime API at 127.0.0.1:${port}: ECONNREFUSED`);
    expect((error as ConfigurationError).hint).toMatch(/level admin/);
    await expect(new HaproxyRuntimeClient('/nonexistent/haproxy.sock').check()).rejects.toThrow(/cannot reach the HAProxy runtime API at \/nonexistent\/haproxy.sock: ENOENT/);
  });

  it('a runtime API below level admin: check and set weight are ConfigurationErrors asking for level admin', async () => {
    const weak = await startHaproxy({ backends: { web: { servers: { stable: `127.0.0.1:${alpha.port}`, candidate: null } } }, runtimeApiLevel: 'operator' });
    try {
      const weakClient = new HaproxyRuntimeClient(weak.runtimeApi);
      await expect(weakClient.check()).rejects.toThrow(/is at level operator, and changing weights needs level admin/);
      const refused = await weakClient.setWeight('web', 'stable', 50).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ConfigurationError);
      expect((refused as ConfigurationError).message).toBe(`the HAProxy runtime API at ${weak.runtimeApi} refused "set weight web/stable 50": it needs level admin`);
      expect(await weakClient.getWeight('web', 'stable')).toEqual({ current: 100, initial: 100 });
    } finally {
      await weak.stop();
    }
  });

  it('parses runtime API addresses as HAProxy writes them', () => {
    expect(parseRuntimeApiAddress('127.0.0.1:9999')).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 9999 });
    expect(parseRuntimeApiAddress('ipv4@127.0.0.1:9999')).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 9999 });
    expect(parseRuntimeApiAddress('[::1]:9999')).toEqual({ kind: 'tcp', host: '::1', port: 9999 });
    expect(parseRuntimeApiAddress('lb.internal:9999')).toEqual({ kind: 'tcp', host: 'lb.internal', port: 9999 });
    expect(parseRuntimeApiAddress('/run/haproxy/admin.sock')).toEqual({ kind: 'unix', path: '/run/haproxy/admin.sock' });
    expect(parseRuntimeApiAddress('unix@admin.sock')).toEqual({ kind: 'unix', path: 'admin.sock' });
    expect(() => parseRuntimeApiAddress('127.0.0.1:70000')).toThrow(ConfigurationError);
  });

  it('trafficWeights: candidate = percent, stable = the rest; a share strictly between 0 and 100 never rounds to either', () => {
    expect(trafficWeights(0)).toEqual({ stable: 100, candidate: 0 });
    expect(trafficWeights(10)).toEqual({ stable: 90, candidate: 10 });
    expect(trafficWeights(12.4)).toEqual({ stable: 88, candidate: 12 });
    expect(trafficWeights(0.2)).toEqual({ stable: 99, candidate: 1 });
    expect(trafficWeights(99.9)).toEqual({ stable: 1, candidate: 99 });
    expect(trafficWeights(100)).toEqual({ stable: 0, candidate: 100 });
    expect(() => trafficWeights(101)).toThrow(RangeError);
    expect(() => trafficWeights(Number.NaN)).toThrow(RangeError);
  });

  it('the test HAProxy refuses a configuration `haproxy -c` rejects, with its message', async () => {
    await expect(startHaproxy({ backends: { web: { servers: { stable: 'not-an-address:x', candidate: null } } } })).rejects.toThrow(/haproxy -c rejects the generated configuration:\n[\s\S]*\[ALERT\].*'server web\/stable' : invalid character 'x' in port number/);
  });
});

describe('haproxy provider', () => {
  const config = haproxyProviderSchema.parse({
    kind: 'haproxy',
    runtime_api: '127.0.0.1:1',
    backend: 'web',
    candidate_url: 'http://127.0.0.1:1/',
    public_url: 'https://churn.example.com/',
  });
  const stage = { name: 'production', image: 'v2' };
  const provider = (overrides: Partial<typeof config> = {}) => new HaproxyProvider({ ...config, runtime_api: haproxy.runtimeApi, candidate_url: `http://127.0.0.1:${beta.port}/`, ...overrides });

  it('preflight: passes on a good target; names the backend or server that is missing', async () => {
    await provider().preflight(stage);
    await expect(provider({ backend: 'api' }).preflight(stage)).rejects.toThrow(/has no backend api/);
    await expect(provider({ candidate_server: 'canary' }).preflight(stage)).rejects.toThrow(/backend web of HAProxy at .* has no server canary/);
    await expect(provider({ backend: 'empty' }).preflight(stage)).resolves.toBeUndefined();
  });

  it('deploy, setWeight, status, promote, rollback move the traffic as they say', async () => {
    const p = provider();
    await client.setServerState('web', 'candidate', 'maint');
    expect(await p.status(stage)).toEqual({ candidateWeight: 0, candidatePresent: false });

    expect(await p.deploy(stage)).toEqual({ candidateUrl: `http://127.0.0.1:${beta.port}/`, stableUrl: undefined, publicUrl: 'https://churn.example.com/' });
    expect(await p.status(stage)).toEqual({ candidateWeight: 0, candidatePresent: true });
    expect(await tally(haproxy.frontendUrl, 20)).toEqual({ alpha: 20 });

    await p.setWeight(stage, 30);
    expect(await p.status(stage)).toEqual({ candidateWeight: 30, candidatePresent: true });
    const counts = await tally(haproxy.frontendUrl, N);
    expect(Math.abs((counts.beta ?? 0) - N * 0.3), JSON.stringify(counts)).toBeLessThanOrEqual(TOLERANCE);

    await p.promote(stage);
    expect(await p.status(stage)).toEqual({ candidateWeight: 100, candidatePresent: true });
    expect(await tally(haproxy.frontendUrl, 20)).toEqual({ beta: 20 });
    // The next rollout with the same names would send everything back to the old server.
    const refused = await p.deploy(stage).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConfigurationError);
    expect((refused as ConfigurationError).message).toMatch(/web\/candidate carries all the traffic .* would send everything back to stable/);
    expect((refused as ConfigurationError).hint).toMatch(/Swap stable_server and candidate_server/);
    expect(await tally(haproxy.frontendUrl, 10)).toEqual({ beta: 10 });

    await p.rollback(stage);
    expect(await p.status(stage)).toEqual({ candidateWeight: 0, candidatePresent: false });
    expect(await tally(haproxy.frontendUrl, 20)).toEqual({ alpha: 20 });
    await p.rollback(stage);
    expect(await client.getWeight('web', 'stable')).toEqual({ current: 100, initial: 100 });
    await client.setServerState('web', 'candidate', 'ready');
  });
});
