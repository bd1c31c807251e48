import type { Logger } from './logger.js';
import type { RunEnvironment } from './environment.js';

/**
 * The GitHub REST client: @actions/github's Octokit with retries (5xx) and throttling (rate limits,
 * honouring Retry-After). Loaded lazily: an action that talks to no API never pays for Octokit.
 */
export type Octokit = ReturnType<(typeof import('@actions/github'))['getOctokit']>;

const MAX_RATE_LIMIT_WAIT_SECONDS = 120;
const MAX_RATE_LIMIT_RETRIES = 3;

export async function createOctokit(token: string, run: RunEnvironment, logger: Logger): Promise<Octokit> {
  const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
    import('@actions/github'),
    import('@octokit/plugin-retry'),
    import('@octokit/plugin-throttling'),
  ]);
  const onLimit = (kind: string) => (retryAfter: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number) => {
    const retrying = retryCount < MAX_RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
    logger.warning(`GitHub API ${kind} on ${options.method ?? ''} ${options.url ?? ''}: ${retrying ? `retrying in ${retryAfter} s` : 'giving up'}`);
    return retrying;
  };
  return getOctokit(
    token,
    {
      baseUrl: run.apiUrl,
      // 429 is left to the throttling plugin, which waits for Retry-After; retrying it here too would
      // ignore the wait.
      retry: { retries: 3, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
      throttle: { onRateLimit: onLimit('rate limit'), onSecondaryRateLimit: onLimit('secondary rate limit') },
    },
    retry,
    throttling,
  );
}

/** A 403 on a write means the token may not write here (a fork pull request's read-only token). */
export function isPermissionDenied(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return status === 403 || status === 404;
}

export function describeApiError(error: unknown): string {
  const e = error as { status?: unknown; message?: unknown } | null;
  return `${typeof e?.status === 'number' ? `HTTP ${e.status}: ` : ''}${typeof e?.message === 'string' ? e.message : String(error)}`;
}

export interface StickyComment {
  id: number;
  url: string;
  action: 'created' | 'updated';
}

/**
 * One comment per action and job on a pull request, found again by a hidden marker and updated in
 * place: a push never adds a second comment.
 */
export async function upsertStickyComment(
  octokit: Octokit,
  target: { owner: string; repo: string; issueNumber: number },
  marker: string,
  body: string,
): Promise<StickyComment> {
  const { owner, repo, issueNumber } = target;
  const full = body.includes(marker) ? body : `${marker}\n${body}`;
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 })) {
    const existing = page.data.find((c) => typeof c.body === 'string' && c.body.includes(marker));
    if (existing) {
      const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body: full });
      return { id: data.id, url: data.html_url, action: 'updated' };
    }
  }
  const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body: full });
  return { id: data.id, url: data.html_url, action: 'created' };
}

export function commentMarker(action: string, job: string | undefined): string {
  return `<!-- mlops-actions:${action}:${(job ?? 'local').replace(/--/g, '-')} -->`;
}
