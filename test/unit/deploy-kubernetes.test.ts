import { HTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { Service } from 'kubernetes-models/v1/Service';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubernetesProviderSchema, type KubernetesProviderConfig } from '../../src/deploy/plan.js';
import type { ProviderStage } from '../../src/deploy/provider.js';
import {
  FIELD_MANAGER,
  KubernetesProvider,
  manifestStream,
  renderManifests,
  renderTraffic,
  splitWeights,
  type HttpRouteManifest,
  type IngressManifest,
  type KubernetesManifest,
} from '../../src/deploy/providers/kubernetes.js';
import { ConfigurationError } from '../../src/platform/errors.js';
import { RecordingLogger } from '../../src/platform/logger.js';
import { startKubeApi, type KubeApi, type KubeObject, type RecordedKubeRequest } from '../support/kube-api.js';
import { freePort } from '../support/registry.js';
import { makeTempDir } from '../support/tmp.js';

/*
 * The kubernetes provider drives the real kubectl (installed on these machines) against an
 * emulator of the Kubernetes API (test/support/kube-api.ts): no API server can run here. The
 * manifests it renders are checked with kubernetes-models (JSON schemas generated from the
 * Kubernetes and Gateway API OpenAPI definitions), with TypeScript's excess-property check against
 * the same package's types (the schemas do not reject unknown fields), and by kubectl itself.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function whichKubectl(): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'kubectl');
    if (dir && existsSync(candidate)) return candidate;
  }
  throw new Error('kubectl is not installed: these tests run the real kubectl against an API emulator');
}

const REAL_KUBECTL = whichKubectl();

function config(overrides: Record<string, unknown> = {}): KubernetesProviderConfig {
  return kubernetesProviderSchema.parse({
    kind: 'kubernetes',
    namespace: 'ml',
    name: 'churn',
    gateway: 'public',
    host: 'churn.example.com',
    container_port: 8080,
    replicas: 2,
    candidate_url: 'http://127.0.0.1:18080',
    stable_url: 'http://127.0.0.1:18081',
    public_url: 'https://churn.example.com',
    ...overrides,
  });
}

const stage = (image: string): ProviderStage => ({ name: 'production', image });

/** kubernetes-models' validate() for each kind this provider renders: the problems, or none. */
function schemaProblems(object: { kind?: string }): string[] {
  const models: Record<string, (data: never) => { validate(): void }> = {
    Deployment: (d) => new Deployment(d),
    Service: (d) => new Service(d),
    Ingress: (d) => new Ingress(d),
    HTTPRoute: (d) => new HTTPRoute(d),
  };
  const make = object.kind ? models[object.kind] : undefined;
  if (!make) return [];
  try {
    const { apiVersion: _a, kind: _k, ...data } = object as Record<string, unknown>;
    make(data as never).validate();
    return [];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

const TYPES: Record<string, { name: string; from: string }> = {
  Deployment: { name: 'IDeployment', from: 'kubernetes-models/apps/v1/Deployment' },
  Service: { name: 'IService', from: 'kubernetes-models/v1/Service' },
  Ingress: { name: 'IIngress', from: 'kubernetes-models/networking.k8s.io/v1/Ingress' },
  HTTPRoute: { name: 'IHTTPRoute', from: '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute' },
};

/**
 * TypeScript's diagnostics for each object written as a literal of kubernetes-models' interface
 * of its kind: an unknown or misspelled field is an excess property, which the JSON schemas allow.
 */
function typeProblems(objects: Array<{ kind: string }>): string[] {
  const file = path.join(root, 'test', 'unit', '__manifests-typecheck__.ts');
  const used = [...new Set(objects.map((o) => o.kind))];
  const source = [
    ...used.map((kind) => `import type { ${TYPES[kind]!.name} } from '${TYPES[kind]!.from}';`),
    ...objects.map((o, i) => `export const object${i}: ${TYPES[o.kind]!.name} = ${JSON.stringify(o, null, 1)};`),
  ].join('\n');
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion, ...rest) =>
    path.resolve(name) === file ? ts.createSourceFile(name, source, languageVersion, true) : getSourceFile(name, languageVersion, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** Runs a command without blocking the event loop: the emulator answers from this process. */
function run(command: string, args: string[], env: Record<string, string | undefined>, input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** `METHOD /path` of each write, the shape the sequence assertions read best in. */
const writeLines = (requests: RecordedKubeRequest[]): string[] => requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);

const route = (api: KubeApi, namespace = 'ml', name = 'churn'): Array<{ name: string; weight: number }> => {
  const object = api.get('httproutes', namespace, name);
  const rules = (object?.spec as HttpRouteManifest['spec'] | undefined)?.rules ?? [];
  return (rules[0]?.backendRefs ?? []).map((b) => ({ name: b.name, weight: b.weight }));
};

const imageOf = (object: KubeObject | undefined): string | undefined =>
  (object?.spec as { template?: { spec?: { containers?: Array<{ image: string }> } } } | undefined)?.template?.spec?.containers?.[0]?.image;

describe('renderManifests', () => {
  const c = config();
  const m = renderManifests(c, { image: 'registry.example.com/churn@sha256:' + 'a'.repeat(64), weight: 25 });

  it('renders the canary and stable Deployments and Services on separate tracks', () => {
    expect(m.canaryDeployment.metadata).toEqual({
      name: 'churn-canary',
      namespace: 'ml',
      labels: { 'app.kubernetes.io/name': 'churn', 'mlops-actions/track': 'canary', 'app.kubernetes.io/managed-by': 'mlops-actions' },
    });
    const pod = m.canaryDeployment.spec.template;
    expect(m.canaryDeployment.spec.replicas).toBe(2);
    expect(m.canaryDeployment.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'churn', 'mlops-actions/track': 'canary' });
    expect(pod.metadata.labels).toEqual(m.canaryDeployment.spec.selector.matchLabels);
    expect(pod.spec.containers).toEqual([
      {
        name: 'model',
        image: 'registry.example.com/churn@sha256:' + 'a'.repeat(64),
        ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
        readinessProbe: { httpGet: { path: '/health', port: 'http' }, periodSeconds: 5, failureThreshold: 3 },
      },
    ]);
    expect(m.canaryService.metadata.name).toBe('churn-canary');
    expect(m.canaryService.spec.selector).toEqual(m.canaryDeployment.spec.selector.matchLabels);
    expect(m.canaryService.spec.ports).toEqual([{ name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' }]);
    expect(m.stableDeployment.metadata.name).toBe('churn');
    expect(m.stableDeployment.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'churn', 'mlops-actions/track': 'stable' });
    expect(m.stableService.metadata.name).toBe('churn');
    expect(m.stableService.spec.selector).toEqual(m.stableDeployment.spec.template.metadata.labels);
  });

  it('splits an HTTPRoute 100−p / p between the stable and canary Services', () => {
    expect(m.traffic).toEqual({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'churn', namespace: 'ml', labels: { 'app.kubernetes.io/name': 'churn', 'app.kubernetes.io/managed-by': 'mlops-actions' } },
      spec: {
        parentRefs: [{ name: 'public' }],
        hostnames: ['churn.example.com'],
        rules: [
          {
            matches: [{ path: { type: 'PathPrefix', value: '/' } }],
            backendRefs: [
              { kind: 'Service', name: 'churn', port: 8080, weight: 75 },
              { kind: 'Service', name: 'churn-canary', port: 8080, weight: 25 },
            ],
          },
        ],
      },
    });
    const other = renderTraffic(config({ route: 'edge', gateway: 'infra/shared', host: undefined }), 0) as HttpRouteManifest;
    expect(other.metadata.name).toBe('edge');
    expect(other.spec.parentRefs).toEqual([{ namespace: 'infra', name: 'shared' }]);
    expect(other.spec.hostnames).toBeUndefined();
    expect(other.spec.rules[0]!.backendRefs.map((b) => b.weight)).toEqual([100, 0]);
    expect(renderTraffic(c, null).spec.rules[0]!.backendRefs).toEqual([{ kind: 'Service', name: 'churn', port: 8080, weight: 100 }]);
  });

  it('renders a canary Ingress for ingress-nginx', () => {
    const ingress = renderManifests(config({ traffic: 'ingress-nginx', ingress_class: 'public-nginx' }), { image: 'img:1', weight: 5 }).traffic as IngressManifest;
    expect(ingress).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        name: 'churn-canary',
        namespace: 'ml',
        labels: { 'app.kubernetes.io/name': 'churn', 'mlops-actions/track': 'canary', 'app.kubernetes.io/managed-by': 'mlops-actions' },
        annotations: { 'nginx.ingress.kubernetes.io/canary': 'true', 'nginx.ingress.kubernetes.io/canary-weight': '5' },
      },
      spec: {
        ingressClassName: 'public-nginx',
        rules: [{ host: 'churn.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'churn-canary', port: { number: 8080 } } } }] } }],
      },
    });
    const fine = renderTraffic(config({ traffic: 'ingress-nginx' }), 2.5) as IngressManifest;
    expect(fine.metadata.annotations).toMatchObject({ 'nginx.ingress.kubernetes.io/canary-weight': '25', 'nginx.ingress.kubernetes.io/canary-weight-total': '1000' });
  });

  it('keeps fractional percentages exact in integer weights', () => {
    expect(splitWeights(0)).toEqual({ stable: 100, canary: 0, total: 100 });
    expect(splitWeights(5)).toEqual({ stable: 95, canary: 5, total: 100 });
    expect(splitWeights(100)).toEqual({ stable: 0, canary: 100, total: 100 });
    expect(splitWeights(2.5)).toEqual({ stable: 975, canary: 25, total: 1000 });
    expect(splitWeights(0.25)).toEqual({ stable: 9975, canary: 25, total: 10_000 });
    expect(splitWeights(100 / 3)).toEqual({ stable: 666_667, canary: 333_333, total: 1_000_000 });
    for (const bad of [-1, 100.5, Number.NaN, Infinity]) expect(() => splitWeights(bad)).toThrow(RangeError);
  });

  it('passes the kubernetes-models schemas and types, which do catch broken manifests', () => {
    const all: KubernetesManifest[] = [
      m.canaryDeployment,
      m.canaryService,
      m.stableDeployment,
      m.stableService,
      m.traffic,
      renderTraffic(c, null),
      renderTraffic(config({ traffic: 'ingress-nginx' }), 2.5),
    ];
    for (const object of all) expect(schemaProblems(object), object.kind).toEqual([]);
    expect(typeProblems(all)).toEqual([]);

    // The checks have teeth: a port as a string, a negative weight, a misspelled field.
    const broken = structuredClone(m.canaryDeployment) as unknown as { spec: { template: { spec: { containers: Array<Record<string, unknown>> } } } };
    broken.spec.template.spec.containers[0]!.ports = [{ containerPort: '8080' }];
    expect(schemaProblems(broken as unknown as { kind: string })[0]).toMatch(/containerPort must be integer/);
    const negative = structuredClone(m.traffic) as HttpRouteManifest;
    negative.spec.rules[0]!.backendRefs[1]!.weight = -5;
    expect(schemaProblems(negative)[0]).toMatch(/weight must be >= 0/);
    const misspelled = structuredClone(m.canaryDeployment) as unknown as { kind: string; spec: { template: { spec: { containers: Array<Record<string, unknown>> } } } };
    const { readinessProbe, ...rest } = misspelled.spec.template.spec.containers[0]!;
    misspelled.spec.template.spec.containers[0] = { ...rest, readinesProbe: readinessProbe };
    expect(schemaProblems(misspelled)).toEqual([]);
    expect(typeProblems([misspelled]).join('\n')).toMatch(/readinesProbe.* does not exist in type 'IContainer'/);
  });
});

describe('kubernetes provider against the API emulator', () => {
  let api: KubeApi;
  let noGateway: KubeApi;
  let tmp: ReturnType<typeof makeTempDir>;
  let argvLog: string;
  /** PATH with a kubectl that records its arguments, then runs the real one. */
  let shimPath: string;

  beforeAll(async () => {
    api = await startKubeApi({ namespaces: ['default', 'ml'], readyAfterMs: 200, unpullableImages: ['registry.example.com/churn:missing'], validate: schemaProblems });
    noGateway = await startKubeApi({ namespaces: ['default', 'ml'], gatewayApi: false, validate: schemaProblems });
    tmp = makeTempDir('kube-provider-');
    argvLog = path.join(tmp.root, 'argv.log');
    writeFileSync(argvLog, '');
    const shim = tmp.write('bin/kubectl', `#!/bin/sh\nfor a in "$@"; do printf '%s\\037' "$a" >> '${argvLog}'; done\nprintf '\\n' >> '${argvLog}'\nexec '${REAL_KUBECTL}' "$@"\n`);
    chmodSync(shim, 0o755);
    shimPath = path.dirname(shim);
  });

  afterAll(async () => {
    await api?.stop();
    await noGateway?.stop();
    tmp?.remove();
  });

  const envFor = (target: KubeApi, extra: Record<string, string> = {}): Record<string, string> => ({
    PATH: `${shimPath}${path.delimiter}${process.env.PATH ?? ''}`,
    HOME: tmp.root,
    ...target.env,
    ...extra,
  });

  const provider = (target: KubeApi, overrides: Record<string, unknown> = {}, extra: Record<string, string> = {}, logger = new RecordingLogger()) =>
    new KubernetesProvider(config(overrides), { env: envFor(target, extra), logger, rolloutTimeoutMs: 20_000 });

  const commandLines = (): string[][] =>
    readFileSync(argvLog, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\x1f').filter(Boolean));

  describe('renders manifests that kubectl accepts', () => {
    it('kubectl apply --dry-run=client prints them back unchanged', async () => {
      const m = renderManifests(config(), { image: 'img:1', weight: 25 });
      const ingress = renderTraffic(config({ traffic: 'ingress-nginx' }), 2.5);
      const objects = [m.canaryDeployment, m.canaryService, m.traffic, ingress];
      api.clearRequests();
      const result = await run(REAL_KUBECTL, ['apply', '--dry-run=client', '-o', 'json', '-f', '-'], envFor(api), manifestStream(objects));
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const printed = JSON.parse(result.stdout) as { kind: string; items: Array<{ metadata: { annotations?: Record<string, string> } }> };
      expect(printed.kind).toBe('List');
      // Client-side apply adds its last-applied annotation; everything else comes back as sent.
      for (const item of printed.items) {
        delete item.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'];
        if (item.metadata.annotations && Object.keys(item.metadata.annotations).length === 0) delete item.metadata.annotations;
      }
      expect(printed.items).toEqual(objects);
      expect(writeLines(api.requests)).toEqual([]);
    });

    it('kubectl apply --dry-run=server has them validated strictly, and a broken one refused', async () => {
      const m = renderManifests(config(), { image: 'img:1', weight: 25 });
      api.clearRequests();
      const ok = await run(REAL_KUBECTL, ['apply', '--server-side', '--dry-run=server', '-f', '-'], envFor(api), manifestStream([m.canaryDeployment, m.canaryService, m.traffic]));
      expect(ok.stderr).toBe('');
      expect(ok.stdout).toMatch(/deployment.apps\/churn-canary serverside-applied \(server dry run\)/);
      const patches = api.requests.filter((r) => r.method === 'PATCH');
      expect(patches).toHaveLength(3);
      for (const p of patches) expect(p.query.get('fieldValidation')).toBe('Strict');
      expect(api.get('deployments', 'ml', 'churn-canary')).toBeUndefined();

      const broken = structuredClone(m.traffic) as HttpRouteManifest;
      broken.spec.rules[0]!.backendRefs[1]!.weight = -1;
      const refused = await run(REAL_KUBECTL, ['apply', '--server-side', '--dry-run=server', '-f', '-'], envFor(api), manifestStream([broken]));
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toMatch(/is invalid: .*weight must be >= 0/);
    });
  });

  describe('a canary through gateway-api, from the first rollout on', () => {
    const ENTRY_IMAGE = 'registry.example.com/churn:1';
    const SECOND_IMAGE = 'registry.example.com/churn:2';
    const THIRD_IMAGE = 'registry.example.com/churn:3';

    beforeAll(() => {
      api.put({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'public', namespace: 'ml' }, spec: { gatewayClassName: 'example', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] } });
    });

    it('preflight reads and never writes', async () => {
      api.clearRequests();
      await provider(api).preflight(stage(ENTRY_IMAGE));
      expect(api.requests.length).toBeGreaterThan(0);
      expect(writeLines(api.requests)).toEqual([]);
      const paths = api.requests.map((r) => r.path);
      expect(paths).toContain('/version');
      expect(paths).toContain('/api/v1/namespaces/ml');
      expect(paths).toContain('/apis/gateway.networking.k8s.io/v1');
      expect(paths).toContain('/apis/gateway.networking.k8s.io/v1/namespaces/ml/gateways/public');
    });

    it('first rollout: deploy at 0, weights 5/25/50/100, promote creates the stable version', async () => {
      const p = provider(api);
      expect(await p.status(stage(ENTRY_IMAGE))).toEqual({ candidateWeight: 0, candidatePresent: false, stablePresent: false, stableImage: undefined, candidateImage: undefined });

      api.clearRequests();
      const started = Date.now();
      const endpoints = await p.deploy(stage(ENTRY_IMAGE));
      // The emulator reports the rollout done 200 ms after the change: kubectl waited on its watch.
      expect(Date.now() - started).toBeGreaterThanOrEqual(200);
      expect(endpoints).toEqual({ candidateUrl: 'http://127.0.0.1:18080', stableUrl: 'http://127.0.0.1:18081', publicUrl: 'https://churn.example.com' });
      expect(writeLines(api.requests)).toEqual([
        'PATCH /apis/gateway.networking.k8s.io/v1/namespaces/ml/httproutes/churn',
        'PATCH /apis/apps/v1/namespaces/ml/deployments/churn-canary',
        'PATCH /api/v1/namespaces/ml/services/churn-canary',
      ]);
      for (const w of api.writes()) {
        expect(w.contentType).toBe('application/apply-patch+yaml');
        expect(Object.fromEntries(w.query)).toEqual({ fieldManager: FIELD_MANAGER, force: 'true', fieldValidation: 'Strict', timeout: '1m0s' });
      }
      expect(api.requests.some((r) => r.path === '/apis/apps/v1/namespaces/ml/deployments' && r.query.get('watch') === 'true')).toBe(true);
      expect(route(api)).toEqual([
        { name: 'churn', weight: 100 },
        { name: 'churn-canary', weight: 0 },
      ]);
      expect(imageOf(api.get('deployments', 'ml', 'churn-canary'))).toBe(ENTRY_IMAGE);
      expect(await p.status(stage(ENTRY_IMAGE))).toEqual({ candidateWeight: 0, candidatePresent: true, stablePresent: false, stableImage: undefined, candidateImage: ENTRY_IMAGE });

      for (const weight of [5, 25, 50, 100]) {
        api.clearRequests();
        await p.setWeight(stage(ENTRY_IMAGE), weight);
        expect(writeLines(api.requests)).toEqual(['PATCH /apis/gateway.networking.k8s.io/v1/namespaces/ml/httproutes/churn']);
        expect(route(api)).toEqual([
          { name: 'churn', weight: 100 - weight },
          { name: 'churn-canary', weight },
        ]);
        expect((await p.status(stage(ENTRY_IMAGE))).candidateWeight).toBe(weight);
      }

      api.clearRequests();
      await p.promote(stage(ENTRY_IMAGE));
      expect(writeLines(api.requests)).toEqual([
        'PATCH /apis/apps/v1/namespaces/ml/deployments/churn',
        'PATCH /api/v1/namespaces/ml/services/churn',
        'PATCH /apis/gateway.networking.k8s.io/v1/namespaces/ml/httproutes/churn',
        'DELETE /apis/apps/v1/namespaces/ml/deployments/churn-canary',
        'DELETE /api/v1/namespaces/ml/services/churn-canary',
      ]);
      const stable = api.get('deployments', 'ml', 'churn');
      expect(imageOf(stable)).toBe(ENTRY_IMAGE);
      expect((stable?.spec as { selector: unknown }).selector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'churn', 'mlops-actions/track': 'stable' } });
      expect(api.get('services', 'ml', 'churn')).toBeDefined();
      expect(api.get('deployments', 'ml', 'churn-canary')).toBeUndefined();
      expect(api.get('services', 'ml', 'churn-canary')).toBeUndefined();
      expect(route(api)).toEqual([{ name: 'churn', weight: 100 }]);
      expect(await p.status(stage(ENTRY_IMAGE))).toEqual({ candidateWeight: 0, candidatePresent: false, stablePresent: true, stableImage: ENTRY_IMAGE, candidateImage: undefined });
    });

    it('second rollout: promote sets the stable image, deletes the canary, routes 100/0', async () => {
      const p = provider(api);
      await p.preflight(stage(SECOND_IMAGE));
      await p.deploy(stage(SECOND_IMAGE));
      await p.setWeight(stage(SECOND_IMAGE), 2.5);
      expect(route(api)).toEqual([
        { name: 'churn', weight: 975 },
        { name: 'churn-canary', weight: 25 },
      ]);
      expect(await p.status(stage(SECOND_IMAGE))).toEqual({ candidateWeight: 2.5, candidatePresent: true, stablePresent: true, stableImage: ENTRY_IMAGE, candidateImage: SECOND_IMAGE });
      await p.setWeight(stage(SECOND_IMAGE), 50);

      api.clearRequests();
      await p.promote(stage(SECOND_IMAGE));
      expect(writeLines(api.requests)).toEqual([
        'PATCH /apis/apps/v1/namespaces/ml/deployments/churn',
        'PATCH /apis/gateway.networking.k8s.io/v1/namespaces/ml/httproutes/churn',
        'DELETE /apis/apps/v1/namespaces/ml/deployments/churn-canary',
        'DELETE /api/v1/namespaces/ml/services/churn-canary',
      ]);
      const setImage = api.writes()[0]!;
      expect(setImage.contentType).toBe('application/strategic-merge-patch+json');
      expect(setImage.query.get('fieldManager')).toBe('kubectl-set');
      expect(imageOf(api.get('deployments', 'ml', 'churn'))).toBe(SECOND_IMAGE);
      expect(api.get('deployments', 'ml', 'churn')?.metadata.generation).toBe(2);
      expect(api.get('deployments', 'ml', 'churn-canary')).toBeUndefined();
      expect(api.get('services', 'ml', 'churn-canary')).toBeUndefined();
      expect(route(api)).toEqual([{ name: 'churn', weight: 100 }]);
      expect(await p.status(stage(SECOND_IMAGE))).toEqual({ candidateWeight: 0, candidatePresent: false, stablePresent: true, stableImage: SECOND_IMAGE, candidateImage: undefined });

      // Promoting again (a re-run after the job was killed) changes nothing and fails on nothing.
      await p.promote(stage(SECOND_IMAGE));
      expect(api.get('deployments', 'ml', 'churn')?.metadata.generation).toBe(2);
    });

    it('third rollout rolled back: canary deleted, route 100/0, stable untouched; rollback twice is fine', async () => {
      const p = provider(api);
      const stableBefore = api.get('deployments', 'ml', 'churn');
      await p.preflight(stage(THIRD_IMAGE));
      await p.deploy(stage(THIRD_IMAGE));
      await p.setWeight(stage(THIRD_IMAGE), 25);
      expect(await p.status(stage(THIRD_IMAGE))).toMatchObject({ candidateWeight: 25, candidatePresent: true, candidateImage: THIRD_IMAGE });
      // A re-run deploys again: the candidate's traffic goes back to 0 first.
      api.clearRequests();
      await p.deploy(stage(THIRD_IMAGE));
      expect(writeLines(api.requests)[0]).toBe('PATCH /apis/gateway.networking.k8s.io/v1/namespaces/ml/httproutes/churn');
      expect(await p.status(stage(THIRD_IMAGE))).toMatchObject({ candidateWeight: 0, candidatePresent: true, candidateImage: THIRD_IMAGE });
      await p.setWeight(stage(THIRD_IMAGE), 25);

      api.clearRequests();
      await p.rollback(stage(THIRD_IMAGE));
      expect(writeLines(api.requests)).toEqual([
        'PATCH /apis/gateway.networking.k8s.io/v1/namespaces/ml/httproutes/churn',
        'DELETE /apis/apps/v1/namespaces/ml/deployments/churn-canary',
        'DELETE /api/v1/namespaces/ml/services/churn-canary',
      ]);
      expect(route(api)).toEqual([{ name: 'churn', weight: 100 }]);
      expect(api.get('deployments', 'ml', 'churn-canary')).toBeUndefined();
      expect(api.get('services', 'ml', 'churn-canary')).toBeUndefined();
      const stableAfter = api.get('deployments', 'ml', 'churn');
      expect(imageOf(stableAfter)).toBe(SECOND_IMAGE);
      expect(stableAfter?.metadata.resourceVersion).toBe(stableBefore?.metadata.resourceVersion);

      api.clearRequests();
      await p.rollback(stage(THIRD_IMAGE));
      expect(api.writes().map((w) => w.status)).toEqual([200, 404, 404]);
      expect(route(api)).toEqual([{ name: 'churn', weight: 100 }]);
      expect(await p.status(stage(THIRD_IMAGE))).toEqual({ candidateWeight: 0, candidatePresent: false, stablePresent: true, stableImage: SECOND_IMAGE, candidateImage: undefined });
    });

    it('passes the namespace on every command, and no credential on any', () => {
      const lines = commandLines();
      expect(lines.length).toBeGreaterThan(20);
      for (const argv of lines) {
        expect(argv.join(' ')).not.toContain(api.token);
        expect(argv[argv.indexOf('--namespace') + 1]).toMatch(/^(ml|default)$/);
      }
      // Manifests travel on stdin: every apply reads `-f -`.
      for (const argv of lines.filter((a) => a[0] === 'apply' && a.includes('--field-manager=mlops-actions'))) expect(argv.slice(argv.indexOf('-f'), argv.indexOf('-f') + 2)).toEqual(['-f', '-']);
      // kubectl kept its discovery cache in the emulator's folder (KUBECACHEDIR), not under HOME.
      expect(existsSync(path.join(tmp.root, '.kube'))).toBe(false);
    });
  });

  describe('a canary through ingress-nginx', () => {
    beforeAll(() => {
      const labels = { 'app.kubernetes.io/name': 'fraud', 'mlops-actions/track': 'stable' };
      api.put({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'fraud', namespace: 'ml' },
        spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'server', image: 'registry.example.com/fraud:1' }] } } },
      });
      api.put({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'fraud', namespace: 'ml' }, spec: { selector: labels, ports: [{ port: 8080 }] } });
      api.put({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: 'fraud', namespace: 'ml' },
        spec: { ingressClassName: 'nginx', rules: [{ host: 'fraud.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'fraud', port: { number: 8080 } } } }] } }] },
      });
    });

    const fraud = { name: 'fraud', traffic: 'ingress-nginx', host: 'fraud.example.com', gateway: undefined };

    it('weights a canary Ingress beside the user’s, promotes into the user’s container, deletes it at rest', async () => {
      const p = provider(api, fraud);
      api.clearRequests();
      await p.preflight(stage('registry.example.com/fraud:2'));
      expect(writeLines(api.requests)).toEqual([]);

      await p.deploy(stage('registry.example.com/fraud:2'));
      const canary = () => api.get('ingresses', 'ml', 'fraud-canary')?.metadata.annotations as Record<string, string> | undefined;
      expect(canary()).toEqual({ 'nginx.ingress.kubernetes.io/canary': 'true', 'nginx.ingress.kubernetes.io/canary-weight': '0' });
      await p.setWeight(stage('registry.example.com/fraud:2'), 2.5);
      expect(canary()).toEqual({ 'nginx.ingress.kubernetes.io/canary': 'true', 'nginx.ingress.kubernetes.io/canary-weight': '25', 'nginx.ingress.kubernetes.io/canary-weight-total': '1000' });
      expect(await p.status(stage('registry.example.com/fraud:2'))).toEqual({
        candidateWeight: 2.5,
        candidatePresent: true,
        stablePresent: true,
        stableImage: 'registry.example.com/fraud:1',
        candidateImage: 'registry.example.com/fraud:2',
      });

      api.clearRequests();
      await p.promote(stage('registry.example.com/fraud:2'));
      expect(writeLines(api.requests)).toEqual([
        'PATCH /apis/apps/v1/namespaces/ml/deployments/fraud',
        'DELETE /apis/networking.k8s.io/v1/namespaces/ml/ingresses/fraud-canary',
        'DELETE /apis/apps/v1/namespaces/ml/deployments/fraud-canary',
        'DELETE /api/v1/namespaces/ml/services/fraud-canary',
      ]);
      const stable = api.get('deployments', 'ml', 'fraud');
      expect((stable?.spec as { template: { spec: { containers: unknown[] } } }).template.spec.containers).toEqual([{ name: 'server', image: 'registry.example.com/fraud:2' }]);
      expect(api.get('ingresses', 'ml', 'fraud')).toBeDefined();
      expect(api.get('ingresses', 'ml', 'fraud-canary')).toBeUndefined();
      expect(await p.status(stage('registry.example.com/fraud:2'))).toEqual({ candidateWeight: 0, candidatePresent: false, stablePresent: true, stableImage: 'registry.example.com/fraud:2', candidateImage: undefined });
      await p.rollback(stage('registry.example.com/fraud:2'));
    });

    it('refuses to start without the stable Ingress the canary one needs', async () => {
      api.clearRequests();
      const error = await provider(api, { ...fraud, host: 'other.example.com' })
        .preflight(stage('registry.example.com/fraud:2'))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).message).toMatch(/no Ingress of class nginx routes other.example.com at path \/ to Service fraud/);
      expect((error as ConfigurationError).hint).toMatch(/Create the stable Ingress/);
      expect(writeLines(api.requests)).toEqual([]);
    });
  });

  describe('errors the user can fix, raised before anything is written', () => {
    const expectConfigurationError = async (promise: Promise<unknown>, message: RegExp, hint: RegExp): Promise<void> => {
      const error = await promise.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).message).toMatch(message);
      expect((error as ConfigurationError).hint).toMatch(hint);
    };

    it('an unreachable API server', async () => {
      const port = await freePort();
      const kubeconfig = tmp.write('unreachable.kubeconfig', readFileSync(api.kubeconfig, 'utf8').replace(api.url, `https://127.0.0.1:${port}`));
      await expectConfigurationError(provider(api, {}, { KUBECONFIG: kubeconfig }).preflight(stage('img:1')), /cannot reach the Kubernetes API server .*refused/, /kubeconfig/);
    });

    it('credentials the server refuses', async () => {
      api.clearRequests();
      const kubeconfig = tmp.write('bad-token.kubeconfig', readFileSync(api.kubeconfig, 'utf8').replace(api.token, 'expired-token'));
      await expectConfigurationError(provider(api, {}, { KUBECONFIG: kubeconfig }).preflight(stage('img:1')), /refused the kubeconfig's credentials/, /Refresh the credentials/);
      expect(writeLines(api.requests)).toEqual([]);
    });

    it('a context the kubeconfig does not have', async () => {
      api.clearRequests();
      await expectConfigurationError(provider(api, { context: 'prod-eu' }).preflight(stage('img:1')), /no context prod-eu/, /provider.context/);
      expect(api.requests).toEqual([]);
    });

    it('a namespace that does not exist', async () => {
      api.clearRequests();
      await expectConfigurationError(provider(api, { namespace: 'absent' }).preflight(stage('img:1')), /namespace absent does not exist/, /kubectl create namespace absent/);
      expect(writeLines(api.requests)).toEqual([]);
    });

    it('a cluster without the HTTPRoute CRD', async () => {
      noGateway.clearRequests();
      await expectConfigurationError(provider(noGateway).preflight(stage('img:1')), /does not serve the Gateway API \(HTTPRoute/, /Install the Gateway API CRDs/);
      expect(noGateway.requests.some((r) => r.path === '/apis/gateway.networking.k8s.io/v1' && r.status === 404)).toBe(true);
      expect(writeLines(noGateway.requests)).toEqual([]);
    });

    it('a Gateway that does not exist, or no gateway for a route to create', async () => {
      api.clearRequests();
      await expectConfigurationError(provider(api, { gateway: 'missing', name: 'other' }).preflight(stage('img:1')), /Gateway missing does not exist in namespace ml/, /provider.gateway/);
      await expectConfigurationError(provider(api, { gateway: undefined, name: 'other' }).preflight(stage('img:1')), /HTTPRoute other does not exist .* no gateway/, /Set provider.gateway/);
      expect(writeLines(api.requests)).toEqual([]);
    });

    it('a stable Service whose selector also takes the canary’s pods', async () => {
      api.put({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'wide', namespace: 'ml' }, spec: { selector: { 'app.kubernetes.io/name': 'wide' }, ports: [{ port: 8080 }] } });
      api.clearRequests();
      await expectConfigurationError(provider(api, { name: 'wide' }).preflight(stage('img:1')), /Service wide selects the canary's pods too/, /mlops-actions\/track: stable/);
      expect(writeLines(api.requests)).toEqual([]);
    });

    it('kubectl missing from the PATH', async () => {
      api.clearRequests();
      const empty = tmp.write('empty-bin/.keep', '');
      await expectConfigurationError(provider(api, {}, { PATH: path.dirname(empty) }).preflight(stage('img:1')), /kubectl is not installed, or not on the PATH/, /Install kubectl/);
      expect(api.requests).toEqual([]);
    });

    it('an image the cluster cannot pull: deploy says so instead of timing out silently', async () => {
      const p = new KubernetesProvider(config({ name: 'pull' }), { env: envFor(api), rolloutTimeoutMs: 1000 });
      await expectConfigurationError(p.deploy(stage('registry.example.com/churn:missing')), /cannot pull the image registry.example.com\/churn:missing \(ErrImagePull/, /imagePullSecrets/);
      await p.rollback(stage('registry.example.com/churn:missing'));
      expect(api.get('deployments', 'ml', 'pull-canary')).toBeUndefined();
    });
  });
});
