import { getOctokit } from '@actions/github';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRunEnvironment } from '../../src/platform/environment.js';
import { commentMarker, createOctokit, isPermissionDenied, upsertStickyComment } from '../../src/platform/github.js';
import { RecordingLogger } from '../../src/platform/logger.js';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';

/** The platform's GitHub client and sticky comment against the OpenAPI-checked API emulator. */
let api: GitHubApi;
beforeAll(async () => {
  api = await startGitHubApi({ owner: 'acme', repo: 'model' });
});
afterAll(async () => {
  await api?.stop();
});

const run = () => readRunEnvironment({ GITHUB_API_URL: api.url, GITHUB_REPOSITORY: 'acme/model' }, '/tmp');
const target = (issueNumber: number) => ({ owner: 'acme', repo: 'model', issueNumber });

describe('GitHub client', () => {
  it('retries server errors and waits out a rate limit, then succeeds', async () => {
    const logger = new RecordingLogger();
    const octokit = await createOctokit(api.token, run(), logger);
    api.seedPull({ number: 7 });
    api.injectFault({ method: 'GET', path: /\/pulls\/7$/ }, { status: 502 }, 2);
    const pr = await octokit.rest.pulls.get({ owner: 'acme', repo: 'model', pull_number: 7 });
    expect(pr.data.number).toBe(7);
    api.injectFault({ method: 'GET', path: /\/pulls\/7$/ }, { status: 429, retryAfter: 1 }, 1);
    const started = Date.now();
    await octokit.rest.pulls.get({ owner: 'acme', repo: 'model', pull_number: 7 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(logger.lines.some((l) => l.level === 'warning' && /rate limit.*retrying in/.test(l.message))).toBe(true);
    const statuses = api.requests.filter((r) => r.path.endsWith('/pulls/7')).map((r) => r.status);
    expect(statuses).toEqual([502, 502, 200, 429, 200]);
  });

  it('finds its sticky comment past the first page and updates it, leaving other comments alone', async () => {
    const octokit = await createOctokit(api.token, run(), new RecordingLogger());
    const marker = commentMarker('validate-data', 'data');
    const first = await upsertStickyComment(octokit, target(9), marker, 'first version');
    expect(first.action).toBe('created');
    // Other people's comments, written by a plain client (the throttled one spaces writes a second apart).
    const plain = getOctokit(api.token, { baseUrl: api.url });
    for (let i = 0; i < 120; i++) await plain.rest.issues.createComment({ owner: 'acme', repo: 'model', issue_number: 9, body: `chatter ${i}` });
    // A comment of another action or job is not ours.
    await upsertStickyComment(octokit, target(9), commentMarker('validate-data', 'other-job'), 'other job');
    const second = await upsertStickyComment(octokit, target(9), marker, 'second version');
    expect(second).toMatchObject({ id: first.id, action: 'updated' });
    const ours = api.state.comments.filter((c) => c.body?.includes(marker));
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body).toBe(`${marker}\nsecond version`);
    expect(api.state.comments.filter((c) => c.issue_url.endsWith('/issues/9'))).toHaveLength(122);
    expect(api.violations).toEqual([]);
  });

  it('recognises a read-only token by its 403', async () => {
    const octokit = await createOctokit(api.readOnlyToken, run(), new RecordingLogger());
    const error = await upsertStickyComment(octokit, target(9), commentMarker('x', 'y'), 'body').catch((e: unknown) => e);
    expect(isPermissionDenied(error)).toBe(true);
  });
});
