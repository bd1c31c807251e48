import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnServer, type SpawnedServer } from './processes.js';
import { freePort } from './registry.js';

/*
 * A real HAProxy on 127.0.0.1, in the foreground (-db) as a child of the test, with its runtime API
 * on a loopback TCP port: one frontend, and per backend the two servers a rollout moves traffic
 * between, `stable` and `candidate`. Tests stop it by its PID.
 */

export interface HaproxyBackendSpec {
  /** `host:port` of each server, or null for one whose address is set later through the runtime API. */
  servers: { stable: string | null; candidate: string | null };
  /** Initial weights; by default stable 100 and candidate 0. */
  weights?: { stable?: number; candidate?: number };
  /** Health checks every second on the servers that have an address. */
  check?: boolean;
}

export interface HaproxyOptions {
  /**
   * The backends, in order. The first one is the frontend's default; a request with the header
   * `X-Backend: <name>` goes to that backend instead.
   */
  backends: Record<string, HaproxyBackendSpec>;
  frontendPort?: number;
  /** The level of the runtime API socket; `admin` unless a test needs a weaker one. */
  runtimeApiLevel?: 'admin' | 'operator' | 'user';
  /** Also a unix socket for the runtime API, in the temporary folder (same level). */
  unixSocket?: boolean;
}

export interface RunningHaproxy {
  pid: number;
  /** `http://127.0.0.1:<port>` */
  frontendUrl: string;
  /** `127.0.0.1:<port>` of the runtime API. */
  runtimeApi: string;
  /** The unix socket path of the runtime API, when asked for. */
  runtimeApiSocket?: string;
  configPath: string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 10_000;
const STOP_GRACE_MS = 3_000;

/** Debian installs HAProxy in /usr/sbin, which is not on every user's PATH. */
export function haproxyBinary(): string {
  try {
    const found = execFileSync('which', ['haproxy'], { encoding: 'utf8' }).trim();
    if (found) return found;
  } catch {
    // `which` exits 1 when it finds nothing.
  }
  return '/usr/sbin/haproxy';
}

/** HAProxy's configuration for these options; ports are given, so it can be checked on its own. */
export function haproxyConfig(options: HaproxyOptions, ports: { frontend: number; runtimeApi: number }, unixSocket?: string): string {
  const names = Object.keys(options.backends);
  if (names.length === 0) throw new Error('startHaproxy needs at least one backend');
  const lines = [
    'global',
    `  stats socket ipv4@127.0.0.1:${ports.runtimeApi} level ${options.runtimeApiLevel ?? 'admin'}`,
    ...(unixSocket ? [`  stats socket ${unixSocket} mode 600 level ${options.runtimeApiLevel ?? 'admin'}`] : []),
    // One thread: the round-robin order then depends on the weights alone.
    '  nbthread 1',
    'defaults',
    '  mode http',
    '  timeout connect 1s',
    '  timeout client 10s',
    '  timeout server 10s',
    '  timeout check 1s',
    'frontend fe',
    `  bind 127.0.0.1:${ports.frontend}`,
    ...names.slice(1).map((name) => `  use_backend ${name} if { req.hdr(x-backend) -m str ${name} }`),
    `  default_backend ${names[0]}`,
  ];
  for (const [name, spec] of Object.entries(options.backends)) {
    lines.push(`backend ${name}`, '  balance roundrobin');
    for (const role of ['stable', 'candidate'] as const) {
      const address = spec.servers[role];
      const weight = spec.weights?.[role] ?? (role === 'stable' ? 100 : 0);
      // A server without an address yet waits in maintenance on a port nothing listens on; the
      // runtime API gives it its real address and takes it out of maintenance.
      lines.push(address ? `  server ${role} ${address} weight ${weight}${spec.check ? ' check inter 1s' : ''}` : `  server ${role} 127.0.0.1:1 weight ${weight} disabled`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export async function startHaproxy(options: HaproxyOptions): Promise<RunningHaproxy> {
  const binary = haproxyBinary();
  if (!existsSync(binary)) throw new Error(`HAProxy is not installed: no ${binary}. Install Debian's haproxy package (apt-get install -y haproxy).`);
  // A port found free can be taken before HAProxy binds it; try again on others.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      return await startOnce(binary, options);
    } catch (error) {
      lastError = error;
      if (!/cannot bind|Address already in use/i.test(String((error as Error).message))) throw error;
    }
  }
  throw lastError;
}

async function startOnce(binary: string, options: HaproxyOptions): Promise<RunningHaproxy> {
  const root = mkdtempSync(path.join(tmpdir(), 'haproxy-'));
  const cleanup = (): void => rmSync(root, { recursive: true, force: true });
  const ports = { frontend: options.frontendPort ?? (await freePort()), runtimeApi: await freePort() };
  const configPath = path.join(root, 'haproxy.cfg');
  const runtimeApiSocket = options.unixSocket ? path.join(root, 'admin.sock') : undefined;
  writeFileSync(configPath, haproxyConfig(options, ports, runtimeApiSocket));
  try {
    execFileSync(binary, ['-c', '-f', configPath], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    const config = readFileSync(configPath, 'utf8');
    cleanup();
    throw new Error(`haproxy -c rejects the generated configuration:\n${`${e.stdout ?? ''}${e.stderr ?? ''}`.trim()}\n--- configuration ---\n${config}`);
  }

  const logFile = path.join(root, 'haproxy.log');
  let server: SpawnedServer;
  try {
    server = spawnServer(binary, ['-db', '-f', configPath], logFile, STOP_GRACE_MS);
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
      throw new Error(`HAProxy exited while starting:\n${output}`);
    }
    if ((await accepts(ports.frontend)) && (await runtimeApiAnswers(ports.runtimeApi))) break;
    if (Date.now() > deadline) {
      const output = readLog(logFile);
      await stop();
      throw new Error(`HAProxy did not accept connections within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
    }
    await sleep(25);
  }
  return { pid, frontendUrl: `http://127.0.0.1:${ports.frontend}`, runtimeApi: `127.0.0.1:${ports.runtimeApi}`, runtimeApiSocket, configPath, stop };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(500);
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(false));
  });
}

/** `show info` answers: the runtime API is up (a bare accept could come before it serves). */
function runtimeApiAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let reply = '';
    socket.setTimeout(1000);
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.end('show info\n'));
    socket.on('data', (chunk: string) => (reply += chunk));
    socket.on('close', () => resolve(reply.startsWith('Name: HAProxy')));
    socket.on('timeout', () => socket.destroy());
    socket.on('error', () => resolve(false));
  });
}

function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '(no output)';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** One GET through a fresh connection, so that HAProxy balances every request on its own. */
export function getFresh(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false, timeout: 5000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${url} timed out`)));
    request.on('error', reject);
  });
}
