import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoad } from '../support/load.js';

/*
 * The load generator against a local server whose behaviour each path chooses:
 *   /ok        200 {"version": "v1"}
 *   /mixed     every 4th request 500, the others 200 {"version": "v1"}; odd ones carry
 *              X-Served-By: candidate
 *   /fail      500
 *   /close     the connection closed without an answer
 *   /cut       headers and half a body, then the connection closed
 *   /slow      200 after 400 ms
 *   /switch    200 until `failing` is set, then 503
 */
let server: http.Server;
let url = '';
let failing = false;
let mixedCount = 0;
let maxInFlight = 0;
let inFlight = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    req.resume();
    req.on('end', () => {
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      switch (req.url) {
        case '/ok':
          return json(200, { predictions: [1], version: 'v1' });
        case '/mixed': {
          const n = mixedCount++;
          if (n % 4 === 3) return json(500, { error: 'boom' }, { 'x-served-by': 'candidate' });
          return json(200, { version: 'v1' }, n % 2 === 1 ? { 'x-served-by': 'candidate' } : {});
        }
        case '/fail':
          return json(500, { error: 'internal error' });
        case '/close':
          return req.socket.destroy();
        case '/cut':
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
          res.write('{"version": "v');
          return setTimeout(() => req.socket.destroy(), 10);
        case '/slow':
          return setTimeout(() => json(200, { version: 'slow' }), 400);
        case '/switch':
          return failing ? json(503, { error: 'draining' }) : json(200, { version: 'v1' });
        default:
          return json(404, { error: 'no such path' });
      }
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const BODY = JSON.stringify({ rows: [{ x: 1 }] });

describe('startLoad', () => {
  it('keeps to the rate, evenly paced, over at most `concurrency` connections', async () => {
    maxInFlight = 0;
    const load = startLoad({ url, path: '/ok', body: BODY, ratePerSecond: 200, concurrency: 4, timeoutMs: 2000 });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const elapsed = load.mark();
    const totals = await load.stop();
    const expected = (elapsed / 1000) * 200;
    expect(totals.sent).toBeGreaterThanOrEqual(expected * 0.9);
    expect(totals.sent).toBeLessThanOrEqual(expected * 1.05 + 1);
    expect(totals.ok).toBe(totals.sent);
    expect(totals.failed).toBe(0);
    expect(totals.inFlight).toBe(0);
    expect(totals.byVersion).toEqual({ v1: totals.sent });
    expect(maxInFlight).toBeLessThanOrEqual(4);
    // Starts 5 ms apart: the median gap within a millisecond or two of it.
    const starts = totals.requests.map((r) => r.t).sort((a, b) => a - b);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!).sort((a, b) => a - b);
    expect(gaps[Math.floor(gaps.length / 2)]!).toBeGreaterThan(3);
    expect(gaps[Math.floor(gaps.length / 2)]!).toBeLessThan(7);
    for (const r of totals.requests) {
      expect(r.status).toBe(200);
      expect(r.ms).toBeGreaterThan(0);
      expect(r.ms).toBeLessThan(2000);
    }
  });

  it('counts 500s as failed and versions from X-Served-By, else from the body', async () => {
    mixedCount = 0;
    const load = startLoad({ url, path: '/mixed', body: BODY, ratePerSecond: 400, concurrency: 2, timeoutMs: 2000, maxRequests: 100 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const totals = await load.stop();
    expect(totals.sent).toBe(100);
    expect(totals.failed).toBe(25);
    expect(totals.ok).toBe(75);
    // Requests 0, 2, 4, ... name v1 in the body; 1, 3, 5, ... carry the header, the 500s too.
    expect(totals.byVersion).toEqual({ v1: 50, candidate: 50 });
    expect(totals.requests.filter((r) => r.status === 500)).toHaveLength(25);
    expect(totals.requests.filter((r) => r.status === 500).every((r) => r.version === 'candidate')).toBe(true);
  });

  it.each([
    ['/fail', 500],
    ['/close', 0],
    ['/cut', 0],
  ])('counts %s as failed with status %d', async (path, status) => {
    const load = startLoad({ url, path, body: BODY, ratePerSecond: 100, concurrency: 2, timeoutMs: 2000, maxRequests: 20 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const totals = await load.stop();
    expect(totals.sent).toBe(20);
    expect(totals.failed).toBe(20);
    expect(totals.ok).toBe(0);
    expect(totals.requests.map((r) => r.status)).toEqual(new Array(20).fill(status));
    expect(totals.failedSince(0)).toBe(20);
  });

  it('gives up on a request after timeoutMs, and skips start slots while every connection is busy', async () => {
    const load = startLoad({ url, path: '/slow', body: BODY, ratePerSecond: 50, concurrency: 2, timeoutMs: 150 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const totals = await load.stop();
    expect(totals.failed).toBe(totals.sent);
    expect(totals.sent).toBeLessThanOrEqual(10);
    expect(totals.skipped).toBeGreaterThan(5);
    for (const r of totals.requests) {
      expect(r.status).toBe(0);
      expect(r.ms).toBeGreaterThanOrEqual(149);
      expect(r.ms).toBeLessThan(400);
    }
  });

  it('counts the failures since a mark', async () => {
    failing = false;
    const load = startLoad({ url, path: '/switch', body: BODY, ratePerSecond: 200, concurrency: 2, timeoutMs: 2000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const before = load.totals();
    failing = true;
    const mark = load.mark();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const totals = await load.stop();
    expect(before.failed).toBe(0);
    expect(before.failedSince(0)).toBe(0);
    expect(totals.failedSince(mark)).toBeGreaterThan(20);
    expect(totals.failedSince(mark)).toBe(totals.failed - totals.requests.filter((r) => r.t < mark && r.status !== 200).length);
    expect(totals.failedSince(load.mark() + 1)).toBe(0);
  });

  it('stops by itself at maxSeconds, and keeps the latest keepRequests requests', async () => {
    const load = startLoad({ url, path: '/ok', body: BODY, ratePerSecond: 200, concurrency: 2, timeoutMs: 2000, maxSeconds: 0.2, keepRequests: 10 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const sent = load.totals().sent;
    expect(sent).toBeGreaterThan(25);
    expect(sent).toBeLessThanOrEqual(42);
    const totals = await load.stop();
    expect(totals.sent).toBe(sent);
    expect(totals.requests).toHaveLength(10);
    const starts = totals.requests.map((r) => r.t);
    expect(Math.min(...starts)).toBeGreaterThan(100);
  });

  it('refuses targets other than 127.0.0.1 and nonsense rates', () => {
    for (const target of ['http://localhost:8080', 'http://10.0.0.1:80', 'https://127.0.0.1:8443', 'http://127.0.0.2:80', 'http://[::1]:80']) {
      expect(() => startLoad({ url: target, body: BODY, ratePerSecond: 1, concurrency: 1, timeoutMs: 100 }), target).toThrow(/only http:\/\/127\.0\.0\.1/);
    }
    expect(() => startLoad({ url, body: BODY, ratePerSecond: 0, concurrency: 1, timeoutMs: 100 })).toThrow(RangeError);
    expect(() => startLoad({ url, body: BODY, ratePerSecond: 1, concurrency: 0.5, timeoutMs: 100 })).toThrow(RangeError);
    expect(() => startLoad({ url, body: BODY, ratePerSecond: 1, concurrency: 1, timeoutMs: 0 })).toThrow(RangeError);
  });
});
