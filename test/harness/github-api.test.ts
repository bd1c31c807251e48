import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadGitHubSpec, startGitHubApi, type GitHubApi } from './github-api.js';

type Octokit = ReturnType<typeof getOctokit>;

/** Status of a rejected octokit call (RequestError), or a failure if it resolved. */
async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
  } catch (err) {
    return (err as { status: number }).status;
  }
  throw new Error('expected the request to fail');
}

let api: GitHubApi;
let octokit: Octokit;
let owner: string;
let repo: string;

beforeAll(async () => {
  const spec = await loadGitHubSpec();
  // Loaded once per process and cached.
  expect(await loadGitHubSpec()).toBe(spec);
  console.info(`GitHub OpenAPI description ${spec.version} loaded in ${spec.loadMs} ms`);
});

beforeEach(async () => {
  api = await startGitHubApi({ owner: 'octo-org', repo: 'ml-project' });
  octokit = getOctokit(api.token, { baseUrl: api.url });
  ({ owner, repo } = api);
});

afterEach(async () => {
  await api.stop();
});

describe('issue comments', () => {
  it('creates, lists and updates a comment with stable ids', async () => {
    const created = await octokit.rest.issues.createComment({ owner, repo, issue_number: 7, body: 'first report' });
    expect(created.status).toBe(201);
    expect(created.data.body).toBe('first report');
    expect(created.data.user?.login).toBe('github-actions[bot]');
    expect(created.data.issue_url).toBe(`${api.url}/repos/${owner}/${repo}/issues/7`);
    expect(created.headers['x-github-request-id']).toBeTruthy();

    const listed = await octokit.rest.issues.listComments({ owner, repo, issue_number: 7 });
    expect(listed.data.map((c) => c.id)).toEqual([created.data.id]);
    expect(listed.headers.link).toBeUndefined();

    const updated = await octokit.rest.issues.updateComment({ owner, repo, comment_id: created.data.id, body: 'second report' });
    expect(updated.data.id).toBe(created.data.id);
    expect(updated.data.node_id).toBe(created.data.node_id);
    expect(updated.data.body).toBe('second report');
    expect(updated.data.created_at).toBe(created.data.created_at);
    expect(Date.parse(updated.data.updated_at)).toBeGreaterThan(Date.parse(created.data.updated_at));

    const again = await octokit.rest.issues.listComments({ owner, repo, issue_number: 7 });
    expect(again.data).toHaveLength(1);
    expect(again.data[0]?.body).toBe('second report');
    expect((await octokit.rest.issues.listComments({ owner, repo, issue_number: 8 })).data).toEqual([]);
    expect(api.state.comments.map((c) => c.body)).toEqual(['second report']);
    expect(api.violations).toEqual([]);
  });

  it('paginates beyond 100 comments with Link headers', async () => {
    for (let i = 0; i < 150; i += 25) {
      await Promise.all(
        Array.from({ length: 25 }, (_, j) => octokit.rest.issues.createComment({ owner, repo, issue_number: 3, body: `comment ${i + j}` })),
      );
    }
    const firstPage = await octokit.rest.issues.listComments({ owner, repo, issue_number: 3, per_page: 100 });
    expect(firstPage.data).toHaveLength(100);
    expect(firstPage.headers.link).toMatch(/page=2>; rel="next"/);
    expect(firstPage.headers.link).toMatch(/page=2>; rel="last"/);

    const secondPage = await octokit.rest.issues.listComments({ owner, repo, issue_number: 3, per_page: 100, page: 2 });
    expect(secondPage.data).toHaveLength(50);
    expect(secondPage.headers.link).toMatch(/rel="prev"/);
    expect(secondPage.headers.link).toMatch(/rel="first"/);
    expect(secondPage.headers.link).not.toMatch(/rel="next"/);

    const before = api.requests.length;
    const all = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: 3, per_page: 100 });
    expect(all).toHaveLength(150);
    expect(new Set(all.map((c) => c.id)).size).toBe(150);
    expect(all.map((c) => c.id)).toEqual([...all.map((c) => c.id)].sort((a, b) => a - b));
    expect(api.requests.slice(before).map((r) => r.path)).toEqual([
      `/repos/${owner}/${repo}/issues/3/comments?per_page=100`,
      `/repos/${owner}/${repo}/issues/3/comments?per_page=100&page=2`,
    ]);

    // Default page size is 30, capped at 100.
    expect((await octokit.rest.issues.listComments({ owner, repo, issue_number: 3 })).data).toHaveLength(30);
    expect(api.violations).toEqual([]);
  });

  it('rejects a comment body longer than GitHub accepts (422, not a schema violation)', async () => {
    const status = await statusOf(octokit.rest.issues.createComment({ owner, repo, issue_number: 1, body: 'x'.repeat(65537) }));
    expect(status).toBe(422);
    expect(api.violations).toEqual([]);
  });
});

describe('check runs', () => {
  it('creates and updates a check run, appending annotations', async () => {
    const headSha = 'a'.repeat(40);
    const created = await octokit.rest.checks.create({
      owner,
      repo,
      name: 'metric-gate',
      head_sha: headSha,
      status: 'in_progress',
      output: {
        title: 'Evaluating',
        summary: 'running',
        annotations: [{ path: 'metrics.json', start_line: 1, end_line: 1, annotation_level: 'warning', message: 'accuracy dropped' }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.data.status).toBe('in_progress');
    expect(created.data.conclusion).toBeNull();
    expect(created.data.output.annotations_count).toBe(1);
    expect(created.data.app?.slug).toBe('github-actions');

    const updated = await octokit.rest.checks.update({
      owner,
      repo,
      check_run_id: created.data.id,
      conclusion: 'failure',
      output: {
        title: 'Metric gate failed',
        summary: 'accuracy 0.81 < 0.85',
        annotations: [{ path: 'metrics.json', start_line: 2, end_line: 2, annotation_level: 'failure', message: 'below threshold' }],
      },
    });
    expect(updated.data.id).toBe(created.data.id);
    expect(updated.data.status).toBe('completed');
    expect(updated.data.conclusion).toBe('failure');
    expect(updated.data.completed_at).toBeTruthy();
    expect(updated.data.output.title).toBe('Metric gate failed');
    expect(updated.data.output.annotations_count).toBe(2);

    const annotations = await octokit.rest.checks.listAnnotations({ owner, repo, check_run_id: created.data.id });
    expect(annotations.data.map((a) => a.message)).toEqual(['accuracy dropped', 'below threshold']);
    expect(api.state.checkRuns).toHaveLength(1);
    expect(api.violations).toEqual([]);
  });

  it('links check runs to open pull requests on the same head sha', async () => {
    const pull = api.seedPull({ number: 12, head: { ref: 'tune-lr', sha: 'b'.repeat(40) } });
    const run = await octokit.rest.checks.create({ owner, repo, name: 'train', head_sha: pull.head.sha, conclusion: 'success' });
    expect(run.data.status).toBe('completed');
    expect(run.data.pull_requests.map((p) => p.number)).toEqual([12]);
    expect(api.violations).toEqual([]);
  });
});

describe('pull requests', () => {
  it('serves seeded pull requests, including from forks', async () => {
    api.seedPull({ number: 5, title: 'Add dataset checks', labels: ['data'], head: { ref: 'checks', sha: 'c'.repeat(40) } });
    api.seedPull({ number: 6, head: { owner: 'outside-contributor', ref: 'patch-1' } });
    await octokit.rest.issues.createComment({ owner, repo, issue_number: 5, body: 'hi' });

    const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: 5 });
    expect(data.title).toBe('Add dataset checks');
    expect(data.head.sha).toBe('c'.repeat(40));
    expect(data.base.ref).toBe('main');
    expect(data.labels.map((l) => l.name)).toEqual(['data']);
    expect(data.comments).toBe(1);

    const fork = await octokit.rest.pulls.get({ owner, repo, pull_number: 6 });
    expect(fork.data.head.repo?.fork).toBe(true);
    expect(fork.data.head.repo?.full_name).toBe(`outside-contributor/${repo}`);
    expect(fork.data.base.repo.full_name).toBe(`${owner}/${repo}`);

    expect(await statusOf(octokit.rest.pulls.get({ owner, repo, pull_number: 99 }))).toBe(404);
    expect(await statusOf(octokit.rest.pulls.get({ owner: 'someone-else', repo, pull_number: 5 }))).toBe(404);
    expect(api.violations).toEqual([]);
  });
});

describe('deployments', () => {
  it('creates deployments and statuses, lists them newest first, marks older ones inactive', async () => {
    const first = await octokit.rest.repos.createDeployment({
      owner,
      repo,
      ref: 'main',
      environment: 'staging',
      auto_merge: false,
      required_contexts: [],
      payload: { model: 'v1' },
    });
    expect(first.status).toBe(201);
    if (!('id' in first.data)) throw new Error('expected a deployment');
    const firstId = first.data.id;
    expect(first.data.environment).toBe('staging');
    expect(first.data.production_environment).toBe(false);
    expect(first.data.payload).toEqual({ model: 'v1' });

    await octokit.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: firstId, state: 'in_progress' });
    const ok = await octokit.rest.repos.createDeploymentStatus({
      owner,
      repo,
      deployment_id: firstId,
      state: 'success',
      log_url: 'https://example.com/logs/1',
      environment_url: 'https://staging.example.com',
    });
    expect(ok.data.state).toBe('success');
    expect(ok.data.target_url).toBe('https://example.com/logs/1');

    const statuses = await octokit.rest.repos.listDeploymentStatuses({ owner, repo, deployment_id: firstId });
    expect(statuses.data.map((s) => s.state)).toEqual(['success', 'in_progress']);

    const second = await octokit.rest.repos.createDeployment({ owner, repo, ref: 'release', environment: 'staging', required_contexts: [] });
    if (!('id' in second.data)) throw new Error('expected a deployment');
    await octokit.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: second.data.id, state: 'success' });
    const firstAfter = await octokit.rest.repos.listDeploymentStatuses({ owner, repo, deployment_id: firstId });
    expect(firstAfter.data[0]?.state).toBe('inactive');

    await octokit.rest.repos.createDeployment({ owner, repo, ref: 'main', required_contexts: [] });
    const staging = await octokit.rest.repos.listDeployments({ owner, repo, environment: 'staging' });
    expect(staging.data.map((d) => d.id)).toEqual([second.data.id, firstId]);
    const production = await octokit.rest.repos.listDeployments({ owner, repo, environment: 'production' });
    expect(production.data).toHaveLength(1);
    expect(production.data[0]?.production_environment).toBe(true);

    expect(await statusOf(octokit.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: 1, state: 'success' }))).toBe(404);
    expect(api.state.deploymentStatuses).toHaveLength(4);
    expect(api.violations).toEqual([]);
  });
});

describe('contents', () => {
  it('serves seeded files base64-encoded, per ref, raw and as directories', async () => {
    const binary = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255]);
    api.seedFile('config/train.yaml', 'epochs: 10\nlr: 0.001\n');
    api.seedFile('config/train.yaml', 'epochs: 20\n', 'experiment');
    api.seedFile('models/weights.bin', binary);
    api.seedFile('README.md', '#'.repeat(500));

    const { data } = await octokit.rest.repos.getContent({ owner, repo, path: 'config/train.yaml' });
    if (Array.isArray(data) || data.type !== 'file') throw new Error('expected a file');
    expect(data.encoding).toBe('base64');
    expect(Buffer.from(data.content, 'base64').toString('utf8')).toBe('epochs: 10\nlr: 0.001\n');
    expect(data.path).toBe('config/train.yaml');
    expect(data.size).toBe(21);

    const long = await octokit.rest.repos.getContent({ owner, repo, path: 'README.md' });
    if (Array.isArray(long.data) || long.data.type !== 'file') throw new Error('expected a file');
    expect(long.data.content).toContain('\n');
    expect(Buffer.from(long.data.content, 'base64').toString('utf8')).toBe('#'.repeat(500));

    const atRef = await octokit.rest.repos.getContent({ owner, repo, path: 'config/train.yaml', ref: 'experiment' });
    if (Array.isArray(atRef.data) || atRef.data.type !== 'file') throw new Error('expected a file');
    expect(Buffer.from(atRef.data.content, 'base64').toString('utf8')).toBe('epochs: 20\n');

    const bin = await octokit.rest.repos.getContent({ owner, repo, path: 'models/weights.bin' });
    if (Array.isArray(bin.data) || bin.data.type !== 'file') throw new Error('expected a file');
    expect(Buffer.from(bin.data.content, 'base64')).toEqual(binary);

    const raw = await octokit.rest.repos.getContent({ owner, repo, path: 'config/train.yaml', mediaType: { format: 'raw' } });
    expect(String(raw.data)).toBe('epochs: 10\nlr: 0.001\n');

    const dir = await octokit.rest.repos.getContent({ owner, repo, path: 'config' });
    expect(Array.isArray(dir.data)).toBe(true);
    expect((dir.data as Array<{ name: string }>).map((e) => e.name)).toEqual(['train.yaml']);
    const root = await octokit.rest.repos.getContent({ owner, repo, path: '' });
    expect((root.data as Array<{ name: string; type: string }>).map((e) => `${e.type}:${e.name}`)).toEqual([
      'dir:config',
      'dir:models',
      'file:README.md',
    ]);

    expect(await statusOf(octokit.rest.repos.getContent({ owner, repo, path: 'missing.txt' }))).toBe(404);
    expect(api.violations).toEqual([]);
  });
});

describe('workflow runs and artifacts', () => {
  it('filters workflow runs by branch, status and event', async () => {
    const wanted = api.seedWorkflowRun({ workflow: '.github/workflows/train.yml', head_branch: 'main', status: 'completed', conclusion: 'success' });
    api.seedWorkflowRun({ workflow: '.github/workflows/train.yml', head_branch: 'main', status: 'completed', conclusion: 'failure' });
    api.seedWorkflowRun({ workflow: '.github/workflows/train.yml', head_branch: 'dev', status: 'completed', conclusion: 'success' });
    api.seedWorkflowRun({ workflow: '.github/workflows/train.yml', head_branch: 'main', status: 'in_progress' });
    api.seedWorkflowRun({ workflow: '.github/workflows/ci.yml', head_branch: 'main', status: 'completed', event: 'pull_request' });

    const byFile = await octokit.rest.actions.listWorkflowRuns({ owner, repo, workflow_id: 'train.yml', branch: 'main', status: 'success' });
    expect(byFile.data.total_count).toBe(1);
    expect(byFile.data.workflow_runs[0]?.id).toBe(wanted.id);

    const byId = await octokit.rest.actions.listWorkflowRuns({ owner, repo, workflow_id: wanted.workflow_id, branch: 'main', status: 'completed' });
    expect(byId.data.total_count).toBe(2);
    const inProgress = await octokit.rest.actions.listWorkflowRuns({ owner, repo, workflow_id: 'train.yml', status: 'in_progress' });
    expect(inProgress.data.workflow_runs.map((r) => r.status)).toEqual(['in_progress']);

    const forRepo = await octokit.rest.actions.listWorkflowRunsForRepo({ owner, repo, branch: 'main' });
    expect(forRepo.data.total_count).toBe(4);
    const prRuns = await octokit.rest.actions.listWorkflowRunsForRepo({ owner, repo, event: 'pull_request' });
    expect(prRuns.data.workflow_runs.map((r) => r.path)).toEqual(['.github/workflows/ci.yml']);

    expect(await statusOf(octokit.rest.actions.listWorkflowRuns({ owner, repo, workflow_id: 'nope.yml' }))).toBe(404);
    expect(api.violations).toEqual([]);
  });

  it('lists seeded run artifacts, filtered by name', async () => {
    const run = api.seedWorkflowRun({ workflow: '.github/workflows/train.yml' });
    const other = api.seedWorkflowRun({ workflow: '.github/workflows/train.yml' });
    api.seedRunArtifact(run.id, { name: 'model', size_in_bytes: 4096 });
    api.seedRunArtifact(run.id, { name: 'metrics' });
    api.seedRunArtifact(other.id, { name: 'model' });

    const all = await octokit.rest.actions.listWorkflowRunArtifacts({ owner, repo, run_id: run.id });
    expect(all.data.total_count).toBe(2);
    expect(all.data.artifacts.map((a) => a.name).sort()).toEqual(['metrics', 'model']);
    expect(all.data.artifacts.every((a) => a.workflow_run?.id === run.id)).toBe(true);

    const named = await octokit.rest.actions.listWorkflowRunArtifacts({ owner, repo, run_id: run.id, name: 'model' });
    expect(named.data.artifacts).toHaveLength(1);
    expect(named.data.artifacts[0]?.size_in_bytes).toBe(4096);
    expect(named.data.artifacts[0]?.archive_download_url).toMatch(/\/zip$/);

    expect(await statusOf(octokit.rest.actions.listWorkflowRunArtifacts({ owner, repo, run_id: 1 }))).toBe(404);
    expect(api.violations).toEqual([]);
  });
});

describe('authentication and permissions', () => {
  it('answers writes with a read-only token 403 like a fork pull request, GETs work', async () => {
    api.seedPull({ number: 4 });
    const ro = getOctokit(api.readOnlyToken, { baseUrl: api.url });
    expect((await ro.rest.pulls.get({ owner, repo, pull_number: 4 })).status).toBe(200);
    expect((await ro.rest.issues.listComments({ owner, repo, issue_number: 4 })).status).toBe(200);

    let error: { status: number; message: string; response?: { headers: Record<string, string>; data: unknown } } | undefined;
    try {
      await ro.rest.issues.createComment({ owner, repo, issue_number: 4, body: 'report' });
    } catch (err) {
      error = err as typeof error;
    }
    expect(error?.status).toBe(403);
    expect(error?.response?.data).toMatchObject({ message: 'Resource not accessible by integration', status: '403' });
    expect(error?.response?.headers['x-accepted-github-permissions']).toBe('issues=write; pull_requests=write');
    expect(error?.response?.headers['x-github-request-id']).toBeTruthy();
    expect(await statusOf(ro.rest.checks.create({ owner, repo, name: 'x', head_sha: 'd'.repeat(40) }))).toBe(403);
    expect(await statusOf(ro.rest.repos.createDeployment({ owner, repo, ref: 'main' }))).toBe(403);
    expect(api.state.comments).toEqual([]);
    expect(api.requests.filter((r) => r.auth === 'read-only').map((r) => r.status)).toEqual([200, 200, 403, 403, 403]);
    expect(api.violations).toEqual([]);
  });

  it('answers 401 for an unknown token', async () => {
    const stranger = getOctokit('ghp_notARealToken', { baseUrl: api.url });
    expect(await statusOf(stranger.rest.issues.listComments({ owner, repo, issue_number: 1 }))).toBe(401);
    const res = await fetch(`${api.url}/repos/${owner}/${repo}/pulls/1`, { headers: { authorization: `Bearer ${api.token}x` } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ message: 'Bad credentials' });
    const anonymous = await fetch(`${api.url}/repos/${owner}/${repo}/pulls/1`);
    expect(anonymous.status).toBe(401);
    expect(api.violations).toEqual([]);
  });

  it('accepts the Bearer scheme too', async () => {
    api.seedPull({ number: 2 });
    const res = await fetch(`${api.url}/repos/${owner}/${repo}/pulls/2`, { headers: { authorization: `Bearer ${api.token}` } });
    expect(res.status).toBe(200);
    expect(api.violations).toEqual([]);
  });
});

describe('schema validation', () => {
  it('answers an invalid request 422 and records the violation', async () => {
    const status = await statusOf(
      octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number: 1 } as never),
    );
    expect(status).toBe(422);
    expect(api.violations).toHaveLength(1);
    expect(api.violations[0]).toMatch(/issues\/create-comment/);
    expect(api.violations[0]).toMatch(/body/);
    expect(api.state.comments).toEqual([]);

    const badQuery = await statusOf(octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number: 1, per_page: 'many' } as never));
    expect(badQuery).toBe(422);
    const badEnum = await statusOf(
      octokit.request('POST /repos/{owner}/{repo}/check-runs', { owner, repo, name: 'n', head_sha: 'e'.repeat(40), status: 'done' } as never),
    );
    expect(badEnum).toBe(422);
    expect(api.violations).toHaveLength(3);
  });

  it('turns a response that breaks the schema into a recorded harness bug (formats included)', async () => {
    const created = await octokit.rest.issues.createComment({ owner, repo, issue_number: 2, body: 'ok' });
    const stored = api.state.comments[0];
    if (!stored) throw new Error('comment not stored');
    stored.created_at = 'yesterday';
    stored.html_url = 'not a url';
    expect(await statusOf(octokit.rest.issues.getComment({ owner, repo, comment_id: created.data.id }))).toBe(500);
    expect(api.violations).toHaveLength(1);
    expect(api.violations[0]).toMatch(/^response issues\/get-comment GET .* 200: /);
    expect(api.violations[0]).toMatch(/\/created_at must match format "date-time"/);
    expect(api.violations[0]).toMatch(/\/html_url must match format "uri"/);
  });

  it('records requests to endpoints the emulator does not implement', async () => {
    expect(await statusOf(octokit.rest.repos.get({ owner, repo }))).toBe(404);
    expect(api.violations).toEqual([`request GET /repos/${owner}/${repo}: no emulated GitHub operation for this route`]);
  });
});

describe('fault injection', () => {
  it('without retries a 5xx surfaces, and only the next n matching requests fail', async () => {
    api.seedPull({ number: 1 });
    api.injectFault({ method: 'GET', path: /\/pulls\/1$/ }, { status: 503 }, 1);
    expect(await statusOf(octokit.rest.pulls.get({ owner, repo, pull_number: 1 }))).toBe(503);
    expect((await octokit.rest.pulls.get({ owner, repo, pull_number: 1 })).status).toBe(200);
    expect(api.requests.map((r) => [r.status, r.fault ?? false])).toEqual([
      [503, true],
      [200, false],
    ]);
    expect(api.violations).toEqual([]);
  });

  it('retries 5xx with plugin-retry and waits out a 429 Retry-After with plugin-throttling', async () => {
    api.seedPull({ number: 1 });
    const rateLimited: number[] = [];
    const secondary: number[] = [];
    const resilient = getOctokit(
      api.token,
      {
        baseUrl: api.url,
        // 429 is left to the throttling plugin, which honours Retry-After.
        retry: { retryAfterBaseValue: 10, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
        throttle: {
          onRateLimit: (retryAfter: number) => {
            rateLimited.push(retryAfter);
            return true;
          },
          onSecondaryRateLimit: (retryAfter: number) => {
            secondary.push(retryAfter);
            return true;
          },
        },
      } as Parameters<typeof getOctokit>[1],
      retry,
      throttling,
    );

    api.injectFault({ path: /\/pulls\/1$/ }, { status: 502 }, 1);
    api.injectFault({ path: /\/pulls\/1$/ }, { status: 500 }, 1);
    const afterRetries = await resilient.rest.pulls.get({ owner, repo, pull_number: 1 });
    expect(afterRetries.status).toBe(200);
    expect(api.requests.map((r) => r.status)).toEqual([502, 500, 200]);

    api.injectFault({ method: 'GET', path: /\/issues\/1\/comments$/ }, { status: 429, retryAfter: 1 }, 1);
    const started = Date.now();
    const afterWait = await resilient.rest.issues.listComments({ owner, repo, issue_number: 1 });
    expect(afterWait.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(rateLimited).toHaveLength(1);
    expect(rateLimited[0]).toBeGreaterThanOrEqual(1);

    api.injectFault({ method: 'GET' }, { status: 403, secondaryRateLimit: true, retryAfter: 1 }, 1);
    const afterSecondary = await resilient.rest.pulls.get({ owner, repo, pull_number: 1 });
    expect(afterSecondary.status).toBe(200);
    expect(secondary).toEqual([1]);
    expect(api.requests.map((r) => r.status)).toEqual([502, 500, 200, 429, 200, 403, 200]);
    expect(api.violations).toEqual([]);
  });
});
