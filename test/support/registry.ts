import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnServer, type SpawnedServer } from './processes.js';

/*
 * A real Distribution registry (`docker-registry serve`) on 127.0.0.1, with filesystem storage in
 * a temporary folder, optionally behind htpasswd basic auth. Tests stop it by its PID.
 */

export interface RunningRegistry {
  /** `127.0.0.1:<port>`, as in an image reference. */
  host: string;
  /** `http://127.0.0.1:<port>` */
  url: string;
  dataDir: string;
  pid: number;
  stop(): Promise<void>;
}

export interface RegistryOptions {
  htpasswd?: { username: string; password: string };
}

const START_TIMEOUT_MS = 15_000;
const STOP_GRACE_MS = 3_000;

export function registryBinary(): string {
  try {
    const found = execFileSync('which', ['docker-registry'], { encoding: 'utf8' }).trim();
    if (found) return found;
  } catch {
    // `which` exits 1 when it finds nothing; the Debian path below is the usual place.
  }
  return '/usr/bin/docker-registry';
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * A free port that the system never hands out by itself: below the ephemeral range that `listen(0)`
 * and outgoing connections draw from. For a port a test picks now and binds much later (a candidate
 * slot of a rollout): a port from freePort() may meanwhile go to another test's server on port 0.
 */
export async function portOutsideEphemeralRange(taken: readonly number[] = []): Promise<number> {
  const low = ephemeralRangeStart();
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = 10_000 + Math.floor(Math.random() * (low - 10_000));
    if (!taken.includes(port) && (await bindable(port))) return port;
  }
  throw new Error(`no free port between 10000 and ${low} after 100 tries`);
}

function ephemeralRangeStart(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    if (Number.isInteger(low) && low > 11_000) return low;
  } catch {
    // not Linux: the IANA range starts at 49152, Linux's default at 32768; stay below both
  }
  return 32_768;
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function startRegistry(options: RegistryOptions = {}): Promise<RunningRegistry> {
  const binary = registryBinary();
  if (!existsSync(binary)) {
    throw new Error(`the container registry is not installed: no ${binary}. Install Debian's docker-registry package (apt-get install -y docker-registry).`);
  }
  // A port found free can be taken before the registry binds it; try again on another.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      return await startOnce(binary, options);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function startOnce(binary: string, options: RegistryOptions): Promise<RunningRegistry> {
  const root = mkdtempSync(path.join(tmpdir(), 'registry-'));
  const dataDir = path.join(root, 'data');
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const lines = [
    'version: 0.1',
    'log:',
    '  level: warn',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${dataDir}`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: ${host}`,
    `  secret: ${randomBytes(16).toString('hex')}`,
  ];
  if (options.htpasswd) {
    const file = path.join(root, 'htpasswd');
    // The password goes through stdin (-i), not the command line, where any process could read it.
    execFileSync('htpasswd', ['-B', '-i', '-c', file, options.htpasswd.username], { input: options.htpasswd.password, stdio: ['pipe', 'ignore', 'pipe'] });
    lines.push('auth:', '  htpasswd:', '    realm: test-registry', `    path: ${file}`);
  }
  const config = path.join(root, 'config.yml');
  writeFileSync(config, `${lines.join('\n')}\n`);

  const logFile = path.join(root, 'registry.log');
  const cleanup = (): void => rmSync(root, { recursive: true, force: true });
  let server: SpawnedServer;
  try {
    server = spawnServer(binary, ['serve', config], logFile, STOP_GRACE_MS);
  } catch (error) {
    cleanup();
    throw error;
  }
  const { pid } = server;
  const exited = server.exited;
  const stop = async (): Promise<void> => {
    await server.stop();
    cleanup();
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (exited()) {
      const output = readLog(logFile);
      cleanup();
      throw new Error(`the registry exited while starting on ${host}:\n${output}`);
    }
    const status = await probe(`http://${host}/v2/`);
    if (status === 200 || status === 401) break;
    if (Date.now() > deadline) {
      const output = readLog(logFile);
      await stop();
      throw new Error(`the registry did not answer on ${host} within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
    }
    await sleep(50);
  }
  return { host, url: `http://${host}`, dataDir, pid, stop };
}

function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '(no output)';
  }
}

function probe(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, timeout: 1000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
      res.on('error', () => resolve(undefined));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(undefined));
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
