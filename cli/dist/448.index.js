export const id = 448;
export const ids = [448];
export const modules = {

/***/ 5448:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   analysisSchema: () => (/* binding */ analysisSchema),
/* harmony export */   commandProviderSchema: () => (/* binding */ commandProviderSchema),
/* harmony export */   dockerProviderSchema: () => (/* binding */ dockerProviderSchema),
/* harmony export */   formatDuration: () => (/* binding */ formatDuration),
/* harmony export */   haproxyProviderSchema: () => (/* binding */ haproxyProviderSchema),
/* harmony export */   kubernetesProviderSchema: () => (/* binding */ kubernetesProviderSchema),
/* harmony export */   parseDuration: () => (/* binding */ parseDuration),
/* harmony export */   providerSchema: () => (/* binding */ providerSchema),
/* harmony export */   resolveStage: () => (/* binding */ resolveStage),
/* harmony export */   rolloutPlanJsonSchema: () => (/* binding */ rolloutPlanJsonSchema),
/* harmony export */   rolloutPlanSchema: () => (/* binding */ rolloutPlanSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2311);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8532);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8439);

/**
 * The rollout plan (`version: 1`): the stages a candidate goes through, the traffic steps of a
 * canary, the analysis that judges each step, and the provider that moves the traffic. Written by
 * users as YAML or JSON; `schemas/rollout-plan.schema.json` is generated from this schema.
 *
 * A stage without `canary` is deployed, smoke-tested and promoted at once (staging). A stage with
 * `canary` moves traffic to the candidate step by step; each step is analysed for `interval`,
 * measured every `measure_every`, and fails when more than `failure_limit` measurements fail.
 */
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** `2m`, `10s`, `500ms`, `1h`, or a number of seconds, to milliseconds. */
function parseDuration(text) {
    if (typeof text === 'number')
        return Number.isFinite(text) && text >= 0 ? text * 1000 : undefined;
    const m = DURATION.exec(text.trim());
    if (!m)
        return undefined;
    return Number(m[1]) * UNIT_MS[m[2]];
}
function formatDuration(ms) {
    if (ms % 3_600_000 === 0 && ms > 0)
        return `${ms / 3_600_000}h`;
    if (ms % 60_000 === 0 && ms > 0)
        return `${ms / 60_000}m`;
    if (ms % 1000 === 0)
        return `${ms / 1000}s`;
    return `${ms}ms`;
}
const duration = (what) => zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()])
    .describe(`${what}: a number of seconds, or 10s, 2m, 1h, 500ms.`)
    .transform((v, ctx) => {
    const ms = parseDuration(v);
    if (ms === undefined || ms <= 0) {
        ctx.addIssue({ code: 'custom', message: `${JSON.stringify(v)} is not a duration; write e.g. 30s, 2m or 1h` });
        return zod__WEBPACK_IMPORTED_MODULE_1__/* .NEVER */ .tm;
    }
    return ms;
});
const positive = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().positive().refine(Number.isFinite, 'must be a finite number');
const fraction = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).max(1);
const httpUrl = zod__WEBPACK_IMPORTED_MODULE_0__/* .url */ .OZ5({ protocol: /^https?$/ });
/** The HAProxy backend whose two servers carry stable and candidate traffic. */
const haproxyTarget = {
    runtime_api: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).describe('HAProxy runtime API: a unix socket path, or host:port of a `stats socket ipv4@…` line (level admin).'),
    backend: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).describe('The backend holding the stable and candidate servers.'),
    stable_server: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).default('stable').describe('Server of the backend that carries the stable version.'),
    candidate_server: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).default('candidate').describe('Server of the backend that carries the candidate.'),
};
const urls = {
    public_url: httpUrl.optional().describe('Where users reach the service (through the split): the environment URL.'),
};
const dockerProviderSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    kind: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('docker'),
    ...haproxyTarget,
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'letters, digits, _ . - only').describe('Container name prefix: <name>-stable and <name>-candidate.'),
    host: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().default('127.0.0.1').describe('Address the containers listen on (they run with --network host) and HAProxy reaches them at.'),
    ports: zod__WEBPACK_IMPORTED_MODULE_0__/* .tuple */ .PVZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).max(65535), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).max(65535)])
        .default([18080, 18081])
        .describe('Two ports the versions take turns on: the candidate gets the one stable does not use.'),
    env: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).default({}).describe('Environment variables for the containers (not secrets).'),
    docker_args: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).default([]).describe('Extra `docker run` arguments, e.g. --memory=1g.'),
    ...urls,
})
    .strict();
const haproxyProviderSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    kind: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('haproxy'),
    ...haproxyTarget,
    candidate_url: httpUrl.describe('The candidate server’s own address, for probes and /metrics.'),
    stable_url: httpUrl.optional().describe('The stable server’s own address, for /metrics.'),
    ...urls,
})
    .strict();
const kubernetesProviderSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    kind: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('kubernetes'),
    namespace: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().default('default'),
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'a DNS-1123 label: lowercase letters, digits and -').describe('The app: Deployments <name> (stable) and <name>-canary.'),
    context: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe('kubectl context (default: the current one).'),
    traffic: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['gateway-api', 'ingress-nginx']).default('gateway-api').describe('How traffic is split: HTTPRoute backend weights, or ingress-nginx canary annotations.'),
    route: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe('gateway-api: the HTTPRoute to manage (default <name>).'),
    gateway: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe('gateway-api: the parent Gateway of the route.'),
    host: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe('The host name the route or ingress serves.'),
    ingress_class: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().default('nginx').describe('ingress-nginx: the ingress class.'),
    container_port: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).max(65535).default(8080),
    replicas: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).default(1),
    candidate_url: httpUrl.describe('How the runner reaches the canary Service (e.g. through a port-forward or an internal load balancer).'),
    stable_url: httpUrl.optional(),
    ...urls,
})
    .strict();
const commandProviderSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    kind: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('command'),
    deploy: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).describe('Script that starts the candidate; gets STAGE, IMAGE, CANDIDATE_URL, STABLE_URL.'),
    set_weight: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).describe('Script that puts WEIGHT percent of the traffic on the candidate.'),
    promote: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).describe('Script that makes the candidate the stable version.'),
    rollback: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).describe('Script that sends all traffic to stable and removes the candidate.'),
    status: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe('Script that prints the candidate’s current weight (0–100); without it the recorded progress is trusted.'),
    shell: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['bash', 'sh']).default('bash'),
    candidate_url: httpUrl,
    stable_url: httpUrl.optional(),
    ...urls,
})
    .strict();
const providerSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .discriminatedUnion */ .gMt('kind', [dockerProviderSchema, haproxyProviderSchema, kubernetesProviderSchema, commandProviderSchema]);
const analysisSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    max_error_rate: fraction.optional().describe('The candidate’s share of responses with status ≥ 500 (and failed probes) may not exceed this.'),
    max_p99_latency_ms: positive.optional().describe('The candidate’s p99 request latency, in milliseconds.'),
    relative_to_stable: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        error_rate: positive.optional().describe('Candidate error rate at most this many times stable’s (plus one error in the window).'),
        p99_latency: positive.optional().describe('Candidate p99 latency at most this many times stable’s.'),
    })
        .strict()
        .optional(),
    prediction_drift: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        method: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['psi', 'jensenshannon']).default('psi'),
        max: positive.describe('Largest allowed distance between the canary’s and stable’s prediction distributions.'),
        min_predictions: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().default(200).describe('Fewer predictions on either side since the step began: inconclusive.'),
    })
        .strict()
        .optional(),
    failure_limit: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(0).default(1).describe('Failed measurements tolerated per step; one more fails the step.'),
    min_requests: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().default(20).describe('Fewer candidate requests in a measurement: that measurement is inconclusive.'),
    measure_every: duration('Time between measurements within a step').optional(),
    metrics: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        candidate: httpUrl.optional().describe('Where the candidate’s metrics are read instead of <candidate URL>/metrics, e.g. Prometheus’ /federate?match[]={job="churn-canary"}: every replica’s series are added up.'),
        stable: httpUrl.optional().describe('The same for stable.'),
    })
        .strict()
        .optional()
        .describe('Where the serving metrics come from; by default each version’s own /metrics.'),
    probes: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        health: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().default(true).describe('GET /health of the candidate at each measurement.'),
        predict: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().default(true).describe('POST the package’s input example to /predict and check the answer.'),
        timeout: duration('Probe timeout').default(5000),
    })
        .strict()
        .default({ health: true, predict: true, timeout: 5000 }),
})
    .strict();
const smokeSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    requests: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).max(100_000).default(20).describe('/predict requests sent to the candidate, each of which must succeed.'),
    max_p99_latency_ms: positive.optional().describe('Budget: p99 latency of those requests, in milliseconds.'),
})
    .strict();
const stageSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, _ . - only').describe('The stage, also its GitHub environment.'),
    provider: providerSchema.optional().describe('This stage’s target, instead of the plan’s `provider`.'),
    smoke: smokeSchema.optional().describe('Requests sent to the candidate before any traffic moves.'),
    canary: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        steps: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().gt(0).max(100)).min(1).describe('Percent of traffic on the candidate at each step, increasing; 100 is added at the end when missing.'),
        interval: duration('Analysis window per step'),
    })
        .strict()
        .optional(),
    analysis: analysisSchema.optional(),
    ready_timeout: duration('How long to wait for the candidate’s /health after it is deployed').default(120_000),
    on_inconclusive: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['pause', 'fail']).default('pause').describe('A step that could not be judged: pause (traffic back to stable, the candidate kept, a re-run resumes) or fail (roll back).'),
    url: httpUrl.optional().describe('The environment URL shown on the deployment (default: the provider’s public_url).'),
})
    .strict();
const rolloutPlanSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    $schema: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    version: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(1).describe('Rollout plan format version; 1 is the only one.'),
    provider: providerSchema.optional().describe('The target of every stage that names none.'),
    stages: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(stageSchema).min(1),
})
    .strict()
    .superRefine((plan, ctx) => {
    const seen = new Set();
    plan.stages.forEach((stage, i) => {
        if (seen.has(stage.name))
            ctx.addIssue({ code: 'custom', path: ['stages', i, 'name'], message: `stage ${stage.name} is named twice` });
        seen.add(stage.name);
        if (!stage.provider && !plan.provider)
            ctx.addIssue({ code: 'custom', path: ['stages', i], message: `stage ${stage.name} has no provider, and the plan has none` });
        const steps = stage.canary?.steps ?? [];
        for (let s = 1; s < steps.length; s++) {
            if (steps[s] <= steps[s - 1]) {
                ctx.addIssue({ code: 'custom', path: ['stages', i, 'canary', 'steps', s], message: `canary steps must increase: ${steps[s]} comes after ${steps[s - 1]}` });
            }
        }
        if (stage.canary && !stage.analysis)
            ctx.addIssue({ code: 'custom', path: ['stages', i, 'canary'], message: `stage ${stage.name} has a canary but no analysis` });
        const every = stage.analysis?.measure_every;
        if (stage.canary && every !== undefined && every > stage.canary.interval) {
            ctx.addIssue({ code: 'custom', path: ['stages', i, 'analysis', 'measure_every'], message: 'measure_every is longer than the canary interval' });
        }
    });
});
function resolveStage(plan, stage) {
    const steps = [...(stage.canary?.steps ?? [])];
    if (steps.at(-1) !== 100)
        steps.push(100);
    const intervalMs = stage.canary?.interval ?? 0;
    const measureEveryMs = stage.analysis?.measure_every ?? Math.max(1000, Math.round(intervalMs / 5));
    return { ...stage, provider: (stage.provider ?? plan.provider), steps, intervalMs, measureEveryMs };
}
function rolloutPlanJsonSchema() {
    return zod__WEBPACK_IMPORTED_MODULE_2__/* .toJSONSchema */ .bl(rolloutPlanSchema, { io: 'input', unrepresentable: 'any' });
}


/***/ })

};
