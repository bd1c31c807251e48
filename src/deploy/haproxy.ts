import net from 'node:net';
import { ConfigurationError } from '../platform/errors.js';

/**
 * A client of HAProxy's runtime API (the `stats socket` of the configuration), enough to split
 * traffic between two servers of a backend: weights, addresses, admin states, and the per-server
 * counters of `show stat` for reporting.
 *
 * One command per connection, in HAProxy's non-interactive mode: the command goes out, HAProxy
 * answers and closes. No session state to keep in sync, and a command can never be half-applied
 * by a connection lost between two of them.
 */

/** Where the runtime API listens: a unix socket, or the address of a `stats socket ipv4@…` line. */
export type RuntimeApiAddress = { kind: 'unix'; path: string } | { kind: 'tcp'; host: string; port: number };

/** `get weight`: the weight now, and the one of the configuration file. */
export interface ServerWeight {
  current: number;
  initial: number;
}

/** The admin state an operator (or the configuration) gives a server; maint wins over drain. */
export type ServerAdminState = 'ready' | 'drain' | 'maint';

export interface HaproxyServer {
  name: string;
  /** The IP address, absent while the server has none. */
  address?: string;
  /** Absent while the server has none. */
  port?: number;
  state: ServerAdminState;
  /** What the health checks say; `up` for a server without checks that is not in maint. */
  status: 'up' | 'down' | 'starting' | 'stopping';
  weight: number;
  initialWeight: number;
}

/** The counters `show stat` keeps per server, since HAProxy started (or the counters were cleared). */
export interface ServerStats {
  name: string;
  /** HAProxy's own status text: `UP`, `DOWN`, `MAINT`, `DRAIN`, `no check`, `UP 1/3`… */
  status: string;
  /** The effective weight. */
  weight: number;
  /** `host:port` as HAProxy sees it, absent while the server has none. */
  address?: string;
  sessions: { current: number; total: number };
  /** HTTP responses by status class; `other` counts those that were no valid HTTP. */
  responses: { '1xx': number; '2xx': number; '3xx': number; '4xx': number; '5xx': number; other: number };
  /** Connections to the server that failed. */
  connectionErrors: number;
  /** Responses aborted by the server or by a failed read. */
  responseErrors: number;
  bytesIn: number;
  bytesOut: number;
  /** Averages over the last 1024 requests, in milliseconds. */
  responseTimeMs: number;
  totalTimeMs: number;
}

/** The two servers of a backend a rollout moves traffic between. */
export interface TrafficTarget {
  backend: string;
  stableServer: string;
  candidateServer: string;
}

export interface HaproxyClientOptions {
  /** Per command, connection included. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5000;
/** HAProxy's own limit on a server weight. */
export const MAX_WEIGHT = 256;
/** The characters HAProxy allows in proxy and server names; anything else would split the command. */
const NAME = /^[A-Za-z0-9_.:-]+$/;
/** `srv_admin_state` bits (HAProxy's enum srv_admin): forced, inherited and resolution maintenance. */
const ADMIN_MAINT = 0x01 | 0x02 | 0x20;
/** Forced and inherited drain. */
const ADMIN_DRAIN = 0x08 | 0x10;
const OP_STATES = ['down', 'starting', 'up', 'stopping'] as const;

/** A unix socket path, or `host:port` (`ipv4@` / `ipv6@` / `unix@` prefixes of HAProxy's syntax accepted). */
export function parseRuntimeApiAddress(text: string): RuntimeApiAddress {
  const trimmed = text.trim();
  const unix = /^unix@(.+)$/.exec(trimmed);
  if (unix) return { kind: 'unix', path: unix[1]! };
  const bare = trimmed.replace(/^ipv[46]@/, '');
  const tcp = /^(?:\[([^\]]+)\]|([^/:[\]]+)):(\d+)$/.exec(bare);
  if (tcp) {
    const port = Number(tcp[3]);
    if (port < 1 || port > 65535) throw new ConfigurationError(`runtime_api ${text}: ${port} is not a port number`);
    return { kind: 'tcp', host: tcp[1] ?? tcp[2]!, port };
  }
  if (trimmed === '') throw new ConfigurationError('runtime_api is empty', { hint: 'Give a unix socket path, or host:port of a `stats socket ipv4@… level admin` line.' });
  return { kind: 'unix', path: trimmed };
}

export function formatRuntimeApiAddress(address: RuntimeApiAddress): string {
  if (address.kind === 'unix') return address.path;
  return address.host.includes(':') ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`;
}

export class HaproxyRuntimeClient {
  readonly address: RuntimeApiAddress;
  private readonly timeoutMs: number;

  constructor(address: string | RuntimeApiAddress, options: HaproxyClientOptions = {}) {
    this.address = typeof address === 'string' ? parseRuntimeApiAddress(address) : address;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** The address as the user wrote it, for messages. */
  get where(): string {
    return formatRuntimeApiAddress(this.address);
  }

  /**
   * Sends one command and returns HAProxy's whole answer. Failing to connect is the user's to fix
   * (wrong address, HAProxy down, no `stats socket` line); no answer after connecting is not.
   */
  async execute(command: string): Promise<string> {
    if (/[\r\n;]/.test(command)) throw new Error(`one runtime API command at a time, without ; or line breaks: ${JSON.stringify(command)}`);
    return new Promise((resolve, reject) => {
      const socket = this.address.kind === 'unix' ? net.connect(this.address.path) : net.connect(this.address.port, this.address.host);
      let connected = false;
      let settled = false;
      let reply = '';
      const finish = (error?: Error): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        if (error) reject(error);
        else resolve(reply);
      };
      const unreachable = (reason: string, cause?: unknown): ConfigurationError =>
        new ConfigurationError(`cannot reach the HAProxy runtime API at ${this.where}: ${reason}`, {
          hint: 'Check runtime_api and that HAProxy runs with a `stats socket` on that address at `level admin` (e.g. `stats socket ipv4@127.0.0.1:9999 level admin`, or a unix socket path the runner can open).',
          cause,
        });
      const timer = setTimeout(() => {
        finish(connected ? new Error(`the HAProxy runtime API at ${this.where} did not answer "${command}" within ${this.timeoutMs / 1000} s`) : unreachable(`no connection within ${this.timeoutMs / 1000} s`));
      }, this.timeoutMs);
      socket.setEncoding('utf8');
      socket.on('connect', () => {
        connected = true;
        socket.end(`${command}\n`);
      });
      socket.on('data', (chunk: string) => {
        reply += chunk;
      });
      socket.on('close', () => finish());
      socket.on('error', (error: NodeJS.ErrnoException) => {
        if (connected) finish(new Error(`the HAProxy runtime API at ${this.where} failed during "${command}": ${error.message}`));
        else finish(unreachable(error.code ?? error.message, error));
      });
    });
  }

  /** Proves the runtime API answers with admin rights; returns HAProxy's version. */
  async check(): Promise<{ version: string; level: string }> {
    const info = await this.execute('show info');
    const version = /^Version:\s*(\S+)/m.exec(info)?.[1];
    if (!/^Name:\s*HAProxy/m.test(info) || !version) {
      throw new ConfigurationError(`${this.where} does not answer like an HAProxy runtime API`, { hint: `It answered "show info" with: ${firstLine(info) || '(nothing)'}. Check runtime_api.` });
    }
    const level = (await this.execute('show cli level')).trim();
    if (level !== 'admin') {
      throw new ConfigurationError(`the HAProxy runtime API at ${this.where} is at level ${level || 'unknown'}, and changing weights needs level admin`, {
        hint: 'Declare the socket with `level admin`, e.g. `stats socket ipv4@127.0.0.1:9999 level admin`.',
      });
    }
    return { version, level };
  }

  async getWeight(backend: string, server: string): Promise<ServerWeight> {
    const command = `get weight ${serverRef(backend, server)}`;
    const reply = await this.execute(command);
    const m = /^(\d+) \(initial (\d+)\)/.exec(reply.trim());
    if (!m) throw this.failure(reply, command, backend, server);
    return { current: Number(m[1]), initial: Number(m[2]) };
  }

  /** An absolute weight, 0–256; 0 takes the server out of the rotation for new requests. */
  async setWeight(backend: string, server: string, weight: number): Promise<void> {
    if (!Number.isInteger(weight) || weight < 0 || weight > MAX_WEIGHT) throw new RangeError(`an HAProxy weight is an integer from 0 to ${MAX_WEIGHT}, not ${weight}`);
    const command = `set weight ${serverRef(backend, server)} ${weight}`;
    const reply = await this.execute(command);
    if (reply.trim() !== '') throw this.failure(reply, command, backend, server);
  }

  /** Points a server at another IP address and port (HAProxy takes IP addresses only, no names). */
  async setServerAddress(backend: string, server: string, host: string, port: number): Promise<void> {
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new RangeError(`${port} is not a port number`);
    if (!/^[0-9A-Fa-f.:]+$/.test(host)) {
      throw new ConfigurationError(`HAProxy cannot take "${host}" as the address of ${backend}/${server}: the runtime API sets IP addresses only`, { hint: 'Give the host as an IP address, e.g. 127.0.0.1.' });
    }
    const command = `set server ${serverRef(backend, server)} addr ${host} port ${port}`;
    const reply = await this.execute(command);
    if (!/changed from|no need to change/.test(reply) || ERROR_REPLY.test(reply)) throw this.failure(reply, command, backend, server);
  }

  async setServerState(backend: string, server: string, state: ServerAdminState): Promise<void> {
    const command = `set server ${serverRef(backend, server)} state ${state}`;
    const reply = await this.execute(command);
    if (reply.trim() !== '') throw this.failure(reply, command, backend, server);
  }

  /** The servers of a backend, from `show servers state`. */
  async showServers(backend: string): Promise<HaproxyServer[]> {
    const command = `show servers state ${checkName(backend, 'backend')}`;
    const reply = await this.execute(command);
    const lines = reply.split('\n');
    const header = lines.find((l) => l.startsWith('# be_id'));
    if (!header) throw this.failure(reply, command, backend);
    const columns = header.slice(2).split(' ');
    const servers: HaproxyServer[] = [];
    for (const line of lines.slice(lines.indexOf(header) + 1)) {
      if (line.trim() === '') continue;
      const values = line.split(' ');
      const field = (name: string): string => values[columns.indexOf(name)] ?? '';
      const admin = Number(field('srv_admin_state'));
      const address = field('srv_addr');
      const port = Number(field('srv_port'));
      servers.push({
        name: field('srv_name'),
        address: address === '' || address === '-' ? undefined : address,
        port: port > 0 ? port : undefined,
        state: admin & ADMIN_MAINT ? 'maint' : admin & ADMIN_DRAIN ? 'drain' : 'ready',
        status: OP_STATES[Number(field('srv_op_state'))] ?? 'down',
        weight: Number(field('srv_uweight')),
        initialWeight: Number(field('srv_iweight')),
      });
    }
    return servers;
  }

  /** One server of a backend; a ConfigurationError naming both when it is not there. */
  async server(backend: string, name: string): Promise<HaproxyServer> {
    return findServer(await this.showServers(backend), backend, name, this.where);
  }

  /** Per-server counters of a backend, from `show stat` (its servers only). */
  async stats(backend: string): Promise<ServerStats[]> {
    const command = `show stat ${checkName(backend, 'backend')} 4 -1`;
    const reply = await this.execute(command);
    if (!reply.startsWith('# pxname')) throw this.failure(reply, command, backend);
    const [header, ...rows] = reply.split('\n').filter((l) => l.trim() !== '');
    const columns = parseCsvLine(header!.slice(2));
    return rows.map((row) => {
      const values = parseCsvLine(row);
      const text = (name: string): string => values[columns.indexOf(name)] ?? '';
      const count = (name: string): number => Number(text(name)) || 0;
      return {
        name: text('svname'),
        status: text('status'),
        weight: count('weight'),
        address: text('addr') || undefined,
        sessions: { current: count('scur'), total: count('stot') },
        responses: { '1xx': count('hrsp_1xx'), '2xx': count('hrsp_2xx'), '3xx': count('hrsp_3xx'), '4xx': count('hrsp_4xx'), '5xx': count('hrsp_5xx'), other: count('hrsp_other') },
        connectionErrors: count('econ'),
        responseErrors: count('eresp'),
        bytesIn: count('bin'),
        bytesOut: count('bout'),
        responseTimeMs: count('rtime'),
        totalTimeMs: count('ttime'),
      };
    });
  }

  /** Turns a refusal into an error that says which backend or server, and what to do. */
  private failure(reply: string, command: string, backend?: string, server?: string): Error {
    const said = firstLine(reply);
    if (/^(No such backend|Can't find backend|No such proxy)/i.test(said)) {
      return new ConfigurationError(`HAProxy at ${this.where} has no backend ${backend}`, {
        hint: 'Check `backend` in the rollout plan against the HAProxy configuration (the runtime API command `show backend` lists them).',
      });
    }
    if (/^No such server/i.test(said)) {
      return new ConfigurationError(`backend ${backend} of HAProxy at ${this.where} has no server ${server}`, {
        hint: 'Check stable_server and candidate_server in the rollout plan, or declare the server in the backend (e.g. `server candidate 127.0.0.1:1 disabled`) and reload HAProxy.',
      });
    }
    if (/Permission denied/i.test(said)) {
      return new ConfigurationError(`the HAProxy runtime API at ${this.where} refused "${command}": it needs level admin`, {
        hint: 'Declare the socket with `level admin`, e.g. `stats socket ipv4@127.0.0.1:9999 level admin`.',
      });
    }
    if (/static LB algorithm/i.test(said)) {
      return new ConfigurationError(`backend ${backend} uses a static load-balancing algorithm, whose weights cannot change while HAProxy runs`, {
        hint: 'Use `balance roundrobin` (or leastconn, or random) in the backend.',
      });
    }
    if (/^Invalid addr/i.test(said)) {
      return new ConfigurationError(`HAProxy refused the address for ${backend}/${server}: ${said}`, { hint: 'Give the host as an IP address.' });
    }
    if (/^Unknown command/i.test(said)) {
      return new ConfigurationError(`HAProxy at ${this.where} does not know "${command}"`, { hint: 'Staged deploys need HAProxy 2.0 or newer.' });
    }
    return new Error(`HAProxy at ${this.where} refused "${command}": ${said || '(no answer)'}`);
  }
}

/** Texts HAProxy answers a `set server … addr` with when it changed nothing. */
const ERROR_REPLY = /can't|cannot|invalid|requires|expects|No such|Require/i;

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.trim() ?? '';
}

function checkName(name: string, what: 'backend' | 'server'): string {
  if (!NAME.test(name)) {
    throw new ConfigurationError(`${what} name ${JSON.stringify(name)} is not an HAProxy name`, { hint: 'HAProxy names hold letters, digits and - _ . : only.' });
  }
  return name;
}

function serverRef(backend: string, server: string): string {
  return `${checkName(backend, 'backend')}/${checkName(server, 'server')}`;
}

function findServer(servers: HaproxyServer[], backend: string, name: string, where: string): HaproxyServer {
  const found = servers.find((s) => s.name === name);
  if (!found) {
    throw new ConfigurationError(`backend ${backend} of HAProxy at ${where} has no server ${name} (it has ${servers.map((s) => s.name).join(', ') || 'none'})`, {
      hint: 'Check stable_server and candidate_server in the rollout plan, or declare the server in the backend (e.g. `server candidate 127.0.0.1:1 disabled`) and reload HAProxy.',
    });
  }
  return found;
}

/** HAProxy's CSV quotes a field holding a comma or a quote, doubling the quote. */
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/**
 * The weights that put `percent` of the traffic on the candidate: candidate = percent, stable =
 * 100 − percent. Weights are integers, so a percent is rounded, but never to 0 or 100 when it is
 * not exactly that: a 0.5 % step still sends the candidate something, and stable keeps a share
 * until the split is really 100 %.
 */
export function trafficWeights(percent: number): { stable: number; candidate: number } {
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) throw new RangeError(`a traffic share is 0–100 %, not ${percent}`);
  const candidate = percent > 0 && percent < 1 ? 1 : percent > 99 && percent < 100 ? 99 : Math.round(percent);
  return { stable: 100 - candidate, candidate };
}

/**
 * Puts `percent` of the traffic on the candidate. The server whose weight rises is set first: the
 * total weight never dips, so the backend never passes through a moment where both weights are 0
 * (HAProxy would answer 503). The order matters for the split too: HAProxy's weighted round robin
 * schedules in windows as long as the total weight, and a total that dips makes it park one server
 * for the rest of the window; measured on HAProxy 2.6, setting the losing server first gave the
 * other one bursts of 40 extra requests out of 100 after a change to 50 %, the gaining one first
 * at most 2 in most changes.
 */
export async function applyTrafficSplit(client: HaproxyRuntimeClient, target: TrafficTarget, percent: number): Promise<{ stable: number; candidate: number }> {
  const weights = trafficWeights(percent);
  const servers = await client.showServers(target.backend);
  const now = {
    stable: findServer(servers, target.backend, target.stableServer, client.where).weight,
    candidate: findServer(servers, target.backend, target.candidateServer, client.where).weight,
  };
  const stable = (): Promise<void> => client.setWeight(target.backend, target.stableServer, weights.stable);
  const candidate = (): Promise<void> => client.setWeight(target.backend, target.candidateServer, weights.candidate);
  if (weights.candidate - now.candidate > weights.stable - now.stable) {
    await candidate();
    await stable();
  } else {
    await stable();
    await candidate();
  }
  return weights;
}

/**
 * The candidate's share of the traffic, in percent, from the two weights: 0 when the candidate is
 * in maint or drain or has no address (it takes no new requests whatever its weight), and when
 * both weights are 0. Stable's state is not looked at: before the first promotion there is no
 * stable, and the share still reads as the split that was set.
 */
export async function readTrafficSplit(client: HaproxyRuntimeClient, target: TrafficTarget): Promise<number> {
  const servers = await client.showServers(target.backend);
  const stable = findServer(servers, target.backend, target.stableServer, client.where);
  const candidate = findServer(servers, target.backend, target.candidateServer, client.where);
  if (candidate.state !== 'ready' || candidate.address === undefined || candidate.port === undefined) return 0;
  const total = stable.weight + candidate.weight;
  if (total === 0) return 0;
  return Math.round((candidate.weight / total) * 10_000) / 100;
}
