import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * An HTTP proxy on 127.0.0.1 in front of a registry, for tests of what a client does when the
 * network or the registry misbehaves. It forwards requests, records each one, and on the Nth
 * request matching a rule it:
 *   - answers an error status instead of forwarding (the registry never sees the request);
 *   - forwards, then answers an error status instead of the registry's answer (the registry did
 *     the work, the client cannot know);
 *   - breaks the connection after K bytes of the request body, either without forwarding any of
 *     it (as a front proxy that buffers request bodies, nginx's default, would) or after
 *     forwarding those K bytes (as a streaming one would).
 * It can also stand in for a registry's token service: it then asks for Bearer tokens, issues them
 * at /token against basic credentials, checks their scopes, and strips them before forwarding.
 */

export type FaultAction =
  | { respond: number; headers?: Record<string, string>; body?: string; afterForward?: boolean }
  | { destroyAfterBytes: number; forwardPartial?: boolean };

export interface FaultRule {
  method?: string;
  /** Matched against the path without the query string. */
  path?: RegExp;
  /** 1-based: only the Nth matching request. Without it, every match. */
  nth?: number;
  action: FaultAction;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  headers: http.IncomingHttpHeaders;
  /** 0 when the connection was broken instead of answered; undefined while in flight. */
  status?: number;
  bytesIn: number;
  fault?: 'status' | 'status-after-forward' | 'destroyed';
}

export interface BearerOptions {
  username: string;
  password: string;
  /** Which JSON field carries the token. Default `token`. */
  tokenField?: 'token' | 'access_token';
  expiresIn?: number;
}

export interface FaultProxy {
  /** `127.0.0.1:<port>` */
  host: string;
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Every token issued at /token. */
  issuedTokens: string[];
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  stop(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);
const SERVICE = 'fault-proxy';

export async function startFaultProxy(options: { target: string; bearer?: BearerOptions }): Promise<FaultProxy> {
  const target = new URL(options.target);
  const agent = new http.Agent({ keepAlive: true });
  const rules: Array<{ rule: FaultRule; seen: number }> = [];
  const requests: RecordedRequest[] = [];
  const issuedTokens: string[] = [];
  /** token → granted `name:action` pairs */
  const grants = new Map<string, Set<string>>();
  let origin = '';

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const record: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.search, headers: req.headers, bytesIn: 0 };
    requests.push(record);
    req.on('data', (chunk: Buffer) => {
      record.bytesIn += chunk.length;
    });
    res.on('finish', () => {
      if (record.status === undefined) record.status = res.statusCode;
    });

    if (options.bearer && url.pathname === '/token') return serveToken(options.bearer, req, res, url);
    if (options.bearer) {
      const denied = checkBearer(req, url);
      if (denied) return drainThen(req, () => challenge(res, denied));
    }

    const action = matchFault(record.method, url.pathname);
    if (action && 'respond' in action && !action.afterForward) {
      record.fault = 'status';
      return drainThen(req, () => {
        res.writeHead(action.respond, { 'Content-Type': 'application/json', ...action.headers });
        res.end(action.body ?? JSON.stringify({ errors: [{ code: 'UNKNOWN', message: 'injected fault' }] }));
      });
    }
    if (action && 'destroyAfterBytes' in action && !action.forwardPartial) {
      record.fault = 'destroyed';
      let received = 0;
      const breakNow = (): void => {
        record.status = 0;
        req.socket.destroy();
      };
      req.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received >= action.destroyAfterBytes) breakNow();
      });
      req.on('end', breakNow);
      return;
    }
    forward(req, res, url, record, action);
  });

  /** Every rule counts its matches; the first rule whose turn it is acts. */
  function matchFault(method: string, path: string): FaultAction | undefined {
    let action: FaultAction | undefined;
    for (const entry of rules) {
      const { rule } = entry;
      if (rule.method !== undefined && rule.method !== method) continue;
      if (rule.path !== undefined && !rule.path.test(path)) continue;
      entry.seen += 1;
      if (action === undefined && (rule.nth === undefined || rule.nth === entry.seen)) action = rule.action;
    }
    return action;
  }

  function forward(req: http.IncomingMessage, res: http.ServerResponse, url: URL, record: RecordedRequest, action: FaultAction | undefined): void {
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (HOP_BY_HOP.has(name)) continue;
      if (name === 'authorization' && options.bearer) continue;
      headers[name] = value;
    }
    headers.host = target.host;
    const upstream = http.request({ protocol: target.protocol, hostname: target.hostname, port: target.port, method: req.method, path: `${url.pathname}${url.search}`, headers, agent }, (up) => {
      if (action && 'respond' in action) {
        record.fault = 'status-after-forward';
        up.resume();
        up.on('end', () => {
          res.writeHead(action.respond, { 'Content-Type': 'application/json', ...action.headers });
          res.end(action.body ?? JSON.stringify({ errors: [{ code: 'UNKNOWN', message: 'injected fault' }] }));
        });
        return;
      }
      const outHeaders: http.OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(up.headers)) {
        if (HOP_BY_HOP.has(name)) continue;
        outHeaders[name] = value;
      }
      const location = up.headers.location;
      if (typeof location === 'string' && location.startsWith(target.origin)) outHeaders.location = origin + location.slice(target.origin.length);
      res.writeHead(up.statusCode ?? 502, up.statusMessage, outHeaders);
      up.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) {
        res.writeHead(502);
        res.end();
      } else {
        res.destroy();
      }
    });

    if (action && 'destroyAfterBytes' in action) {
      record.fault = 'destroyed';
      let forwarded = 0;
      let broken = false;
      const breakBoth = (): void => {
        if (broken) return;
        broken = true;
        record.status = 0;
        // Let the forwarded bytes reach the registry before both connections go.
        setTimeout(() => {
          upstream.destroy();
          req.socket.destroy();
        }, 50);
      };
      req.on('data', (chunk: Buffer) => {
        if (broken) return;
        const room = action.destroyAfterBytes - forwarded;
        const piece = chunk.length > room ? chunk.subarray(0, room) : chunk;
        forwarded += piece.length;
        upstream.write(piece);
        if (forwarded >= action.destroyAfterBytes) breakBoth();
      });
      req.on('end', breakBoth);
      return;
    }
    req.pipe(upstream);
  }

  function serveToken(bearer: BearerOptions, req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    req.resume();
    const expected = `Basic ${Buffer.from(`${bearer.username}:${bearer.password}`).toString('base64')}`;
    if (req.headers.authorization !== expected) {
      res.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': `Basic realm="${SERVICE}"` });
      res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }));
      return;
    }
    const token = randomBytes(24).toString('base64url');
    const granted = new Set<string>();
    for (const scope of url.searchParams.getAll('scope')) {
      const [type, name, actions] = scope.split(':');
      if (type !== 'repository' || !name || !actions) continue;
      for (const act of actions.split(',')) granted.add(`${name}:${act}`);
    }
    grants.set(token, granted);
    issuedTokens.push(token);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ [bearer.tokenField ?? 'token']: token, expires_in: bearer.expiresIn ?? 300, issued_at: new Date().toISOString() }));
  }

  /** The scope a request needs when its token is missing or short of it; undefined when it may pass. */
  function checkBearer(req: http.IncomingMessage, url: URL): { scope?: string; error?: string } | undefined {
    const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    const granted = match ? grants.get(match[1]!) : undefined;
    const repo = /^\/v2\/(.+)\/(?:blobs|manifests|tags)\//.exec(url.pathname)?.[1];
    if (!repo) return granted ? undefined : {};
    const action = req.method === 'GET' || req.method === 'HEAD' ? 'pull' : 'push';
    const scope = `repository:${repo}:${action === 'pull' ? 'pull' : 'pull,push'}`;
    if (!granted) return { scope };
    const needed = [`${repo}:${action}`];
    const from = url.searchParams.get('from');
    if (from) needed.push(`${from}:pull`);
    return needed.every((n) => granted.has(n)) ? undefined : { scope, error: 'insufficient_scope' };
  }

  function challenge(res: http.ServerResponse, denied: { scope?: string; error?: string }): void {
    const parts = [`realm="${origin}/token"`, `service="${SERVICE}"`];
    if (denied.scope) parts.push(`scope="${denied.scope}"`);
    if (denied.error) parts.push(`error="${denied.error}"`);
    res.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': `Bearer ${parts.join(',')}` });
    res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    host: `127.0.0.1:${port}`,
    url: origin,
    port,
    requests,
    issuedTokens,
    addFault(rule) {
      rules.push({ rule, seen: 0 });
    },
    clearFaults() {
      rules.length = 0;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

function drainThen(req: http.IncomingMessage, then: () => void): void {
  if (req.readableEnded) return then();
  req.on('end', then);
  req.on('error', () => undefined);
  req.resume();
}
