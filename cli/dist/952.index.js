export const id = 952;
export const ids = [952];
export const modules = {

/***/ 5952:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commentMarker: () => (/* binding */ commentMarker),
/* harmony export */   createOctokit: () => (/* binding */ createOctokit),
/* harmony export */   describeApiError: () => (/* binding */ describeApiError),
/* harmony export */   isPermissionDenied: () => (/* binding */ isPermissionDenied),
/* harmony export */   upsertStickyComment: () => (/* binding */ upsertStickyComment)
/* harmony export */ });
const MAX_RATE_LIMIT_WAIT_SECONDS = 120;
const MAX_RATE_LIMIT_RETRIES = 3;
async function createOctokit(token, run, logger) {
    const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(758)]).then(__webpack_require__.bind(__webpack_require__, 1758)),
        Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(735)]).then(__webpack_require__.bind(__webpack_require__, 9735)),
        Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(856)]).then(__webpack_require__.bind(__webpack_require__, 6856)),
    ]);
    const onLimit = (kind) => (retryAfter, options, _octokit, retryCount) => {
        const retrying = retryCount < MAX_RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
        logger.warning(`GitHub API ${kind} on ${options.method ?? ''} ${options.url ?? ''}: ${retrying ? `retrying in ${retryAfter} s` : 'giving up'}`);
        return retrying;
    };
    return getOctokit(token, {
        baseUrl: run.apiUrl,
        // 429 is left to the throttling plugin, which waits for Retry-After; retrying it here too would
        // ignore the wait.
        retry: { retries: 3, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
        throttle: { onRateLimit: onLimit('rate limit'), onSecondaryRateLimit: onLimit('secondary rate limit') },
    }, retry, throttling);
}
/** A 403 on a write means the token may not write here (a fork pull request's read-only token). */
function isPermissionDenied(error) {
    const status = error?.status;
    return status === 403 || status === 404;
}
function describeApiError(error) {
    const e = error;
    return `${typeof e?.status === 'number' ? `HTTP ${e.status}: ` : ''}${typeof e?.message === 'string' ? e.message : String(error)}`;
}
/**
 * One comment per action and job on a pull request, found again by a hidden marker and updated in
 * place: a push never adds a second comment.
 */
async function upsertStickyComment(octokit, target, marker, body) {
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
function commentMarker(action, job) {
    return `<!-- mlops-actions:${action}:${(job ?? 'local').replace(/--/g, '-')} -->`;
}


/***/ })

};
