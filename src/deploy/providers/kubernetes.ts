import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { ConfigurationError } from '../../platform/errors.js';
import { silentLogger, type Logger } from '../../platform/logger.js';
import type { KubernetesProviderConfig } from '../plan.js';
import type { DeployProvider, Endpoints, ProviderStage, TrafficState } from '../provider.js';

/**
 * The `kubernetes` provider: the candidate runs as its own Deployment beside the stable one, in
 * one namespace, and the traffic split is declared to the cluster's HTTP router.
 *
 *   stable     Deployment `<name>`,        Service `<name>`
 *   candidate  Deployment `<name>-canary`, Service `<name>-canary`
 *
 * Pods carry `app.kubernetes.io/name: <name>` and `mlops-actions/track: stable|canary`, and each
 * Service selects one track only. The split is either
 *   - `gateway-api`: the HTTPRoute `route` (default `<name>`), attached to `gateway`, one rule
 *     with two backendRefs, Service `<name>` at weight 100−p and Service `<name>-canary` at p. At
 *     rest (no candidate) the rule has the stable backend alone, so the route never points at a
 *     Service that does not exist. The provider owns the route's spec: hostnames and rules are
 *     replaced, other fields (parentRefs set by someone else when `gateway` is unset) are kept.
 *   - `ingress-nginx`: an Ingress `<name>-canary` with `nginx.ingress.kubernetes.io/canary: "true"`
 *     and `canary-weight: p`, for host `host` and path `/` (Prefix), to Service `<name>-canary`.
 *     The stable Ingress is the user's: ingress-nginx applies a canary Ingress only beside an
 *     Ingress of the same class serving the same host and path, here to Service `<name>`, and the
 *     preflight refuses to start without one. At rest the canary Ingress is deleted.
 * A percentage with decimals is kept exactly: the weights are scaled by 10, 100... (Gateway API
 * weights are relative; ingress-nginx gets `canary-weight-total`).
 *
 * Everything goes through kubectl (no shell, arguments as a list, manifests on stdin), with the
 * environment the caller gives: KUBECONFIG and the credentials it refers to stay in files and
 * the environment, never on a command line or in the log. Manifests are applied with server-side
 * apply under the field manager `mlops-actions`, with `--force-conflicts`: the fields it sets
 * become this provider's, whoever set them before.
 *
 * First rollout, when no Deployment `<name>` exists yet: deploy starts the canary as usual (the
 * route's stable backend is a Service with no endpoints, as before the rollout); promote then
 * creates Deployment `<name>` and Service `<name>` from the same rendered spec with the
 * candidate's image, waits for its rollout, and only then points the route at it alone. On later
 * rollouts promote changes only the stable Deployment's image (`kubectl set image`), so whatever
 * else the stable Deployment carries (resources, env, volumes) is kept.
 *
 * Every method reads or declares the whole state it needs, so calling it again after a killed job
 * converges: apply is declarative, deletes ignore what is already gone.
 */
export interface KubernetesProviderOptions {
  /** The environment kubectl runs with: PATH, HOME, KUBECONFIG and whatever the kubeconfig's credential plugins need. */
  env: Readonly<Record<string, string | undefined>>;
  /** The kubectl executable: a name looked up on `env.PATH`, or a path. Default `kubectl`. */
  kubectl?: string;
  logger?: Logger;
  /** Longest wait for a Deployment's rollout (`kubectl rollout status --timeout`). Default 5 minutes. */
  rolloutTimeoutMs?: number;
  /** Longest wait for any other kubectl command. Default 60 s. */
  commandTimeoutMs?: number;
  signal?: AbortSignal;
}

export const LABELS = {
  name: 'app.kubernetes.io/name',
  managedBy: 'app.kubernetes.io/managed-by',
  track: 'mlops-actions/track',
} as const;

/** The field manager of server-side apply and the `managed-by` label value. */
export const FIELD_MANAGER = 'mlops-actions';
/** The container of the Deployments this provider renders. */
export const CONTAINER_NAME = 'model';
const NGINX = 'nginx.ingress.kubernetes.io';

export type Track = 'stable' | 'canary';

interface ObjectMeta {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface DeploymentManifest {
  apiVersion: 'apps/v1';
  kind: 'Deployment';
  metadata: ObjectMeta;
  spec: {
    replicas: number;
    selector: { matchLabels: Record<string, string> };
    template: {
      metadata: { labels: Record<string, string> };
      spec: {
        containers: Array<{
          name: string;
          image: string;
          ports: Array<{ name: string; containerPort: number; protocol: 'TCP' }>;
          readinessProbe: { httpGet: { path: string; port: string }; periodSeconds: number; failureThreshold: number };
        }>;
      };
    };
  };
}

export interface ServiceManifest {
  apiVersion: 'v1';
  kind: 'Service';
  metadata: ObjectMeta;
  spec: {
    type: 'ClusterIP';
    selector: Record<string, string>;
    ports: Array<{ name: string; port: number; targetPort: string; protocol: 'TCP' }>;
  };
}

export interface HttpRouteBackendRef {
  kind: 'Service';
  name: string;
  port: number;
  weight: number;
}

export interface HttpRouteManifest {
  apiVersion: 'gateway.networking.k8s.io/v1';
  kind: 'HTTPRoute';
  metadata: ObjectMeta;
  spec: {
    parentRefs?: Array<{ name: string; namespace?: string }>;
    hostnames?: string[];
    rules: Array<{
      matches: Array<{ path: { type: 'PathPrefix'; value: string } }>;
      backendRefs: HttpRouteBackendRef[];
    }>;
  };
}

export interface IngressManifest {
  apiVersion: 'networking.k8s.io/v1';
  kind: 'Ingress';
  metadata: ObjectMeta & { annotations: Record<string, string> };
  spec: {
    ingressClassName: string;
    rules: Array<{
      host?: string;
      http: { paths: Array<{ path: string; pathType: 'Prefix'; backend: { service: { name: string; port: { number: number } } } }> };
    }>;
  };
}

export type KubernetesManifest = DeploymentManifest | ServiceManifest | HttpRouteManifest | IngressManifest;

export interface KubernetesManifests {
  /** Deployment `<name>-canary`: the candidate. */
  canaryDeployment: DeploymentManifest;
  /** Service `<name>-canary`, the candidate's pods only. */
  canaryService: ServiceManifest;
  /** Deployment `<name>` as the first promotion creates it (later ones only change its image). */
  stableDeployment: DeploymentManifest;
  /** Service `<name>` as the first promotion creates it when absent. */
  stableService: ServiceManifest;
  /** The split at `weight`: the HTTPRoute (gateway-api) or the canary Ingress (ingress-nginx). */
  traffic: HttpRouteManifest | IngressManifest;
}

/** The Kubernetes objects of a rollout of `image` with `weight` percent on the candidate. Pure. */
export function renderManifests(config: KubernetesProviderConfig, options: { image: string; weight: number }): KubernetesManifests {
  return {
    canaryDeployment: renderDeployment(config, 'canary', options.image),
    canaryService: renderService(config, 'canary'),
    stableDeployment: renderDeployment(config, 'stable', options.image),
    stableService: renderService(config, 'stable'),
    traffic: renderTraffic(config, options.weight),
  };
}

/** `<name>` for stable, `<name>-canary` for the candidate: both the Deployment and the Service. */
function objectName(config: Pick<KubernetesProviderConfig, 'name'>, track: Track): string {
  return track === 'stable' ? config.name : `${config.name}-canary`;
}

function routeName(config: Pick<KubernetesProviderConfig, 'name' | 'route'>): string {
  return config.route ?? config.name;
}

function podLabels(config: KubernetesProviderConfig, track: Track): Record<string, string> {
  return { [LABELS.name]: config.name, [LABELS.track]: track };
}

function meta(config: KubernetesProviderConfig, name: string, track?: Track): ObjectMeta {
  return {
    name,
    namespace: config.namespace,
    labels: { [LABELS.name]: config.name, ...(track ? { [LABELS.track]: track } : {}), [LABELS.managedBy]: FIELD_MANAGER },
  };
}

function renderDeployment(config: KubernetesProviderConfig, track: Track, image: string): DeploymentManifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(config, objectName(config, track), track),
    spec: {
      replicas: config.replicas,
      selector: { matchLabels: podLabels(config, track) },
      template: {
        metadata: { labels: podLabels(config, track) },
        spec: {
          containers: [
            {
              name: CONTAINER_NAME,
              image,
              ports: [{ name: 'http', containerPort: config.container_port, protocol: 'TCP' }],
              readinessProbe: { httpGet: { path: '/health', port: 'http' }, periodSeconds: 5, failureThreshold: 3 },
            },
          ],
        },
      },
    },
  };
}

function renderService(config: KubernetesProviderConfig, track: Track): ServiceManifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(config, objectName(config, track), track),
    spec: {
      type: 'ClusterIP',
      selector: podLabels(config, track),
      ports: [{ name: 'http', port: config.container_port, targetPort: 'http', protocol: 'TCP' }],
    },
  };
}

/**
 * Integer weights for `percent` on the candidate, exact to four decimals: 5 → 95/5 of 100,
 * 2.5 → 975/25 of 1000.
 */
export function splitWeights(percent: number): { stable: number; canary: number; total: number } {
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) throw new RangeError(`a traffic weight is a percentage from 0 to 100, not ${percent}`);
  let scale = 1;
  while (scale < 10_000 && Math.abs(percent * scale - Math.round(percent * scale)) > 1e-9) scale *= 10;
  const total = 100 * scale;
  const canary = Math.round(percent * scale);
  return { stable: total - canary, canary, total };
}

/**
 * The split: with `weight` a number, both backends at 100−weight / weight; with `null`, the route
 * to stable alone (the canary Ingress is then not rendered at all: it is deleted).
 */
export function renderTraffic(config: KubernetesProviderConfig, weight: number): HttpRouteManifest | IngressManifest;
export function renderTraffic(config: KubernetesProviderConfig, weight: null): HttpRouteManifest;
export function renderTraffic(config: KubernetesProviderConfig, weight: number | null): HttpRouteManifest | IngressManifest {
  const port = config.container_port;
  if (config.traffic === 'ingress-nginx') {
    if (weight === null) throw new Error('ingress-nginx has no canary Ingress at rest');
    const w = splitWeights(weight);
    return {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        ...meta(config, objectName(config, 'canary'), 'canary'),
        annotations: {
          [`${NGINX}/canary`]: 'true',
          [`${NGINX}/canary-weight`]: String(w.canary),
          ...(w.total === 100 ? {} : { [`${NGINX}/canary-weight-total`]: String(w.total) }),
        },
      },
      spec: {
        ingressClassName: config.ingress_class,
        rules: [
          {
            ...(config.host ? { host: config.host } : {}),
            http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: objectName(config, 'canary'), port: { number: port } } } }] },
          },
        ],
      },
    };
  }
  const backend = (track: Track, weight: number): HttpRouteBackendRef => ({ kind: 'Service', name: objectName(config, track), port, weight });
  let backendRefs: HttpRouteBackendRef[];
  if (weight === null) {
    backendRefs = [backend('stable', 100)];
  } else {
    const w = splitWeights(weight);
    backendRefs = [backend('stable', w.stable), backend('canary', w.canary)];
  }
  const gateway = parseGateway(config.gateway);
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: meta(config, routeName(config)),
    spec: {
      ...(gateway ? { parentRefs: [gateway.namespace ? { name: gateway.name, namespace: gateway.namespace } : { name: gateway.name }] } : {}),
      ...(config.host ? { hostnames: [config.host] } : {}),
      rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs }],
    },
  };
}

/** `gateway` is `<name>` (the route's namespace) or `<namespace>/<name>`. */
function parseGateway(gateway: string | undefined): { name: string; namespace?: string } | undefined {
  if (!gateway) return undefined;
  const slash = gateway.indexOf('/');
  return slash < 0 ? { name: gateway } : { namespace: gateway.slice(0, slash), name: gateway.slice(slash + 1) };
}

/** The objects as one kubectl input: a stream of JSON objects, applied in order. */
export function manifestStream(objects: readonly KubernetesManifest[]): string {
  return objects.map((o) => `${JSON.stringify(o)}\n`).join('');
}

interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

interface KubectlCall {
  input?: string;
  timeoutMs?: number;
  /** Another namespace than the provider's. */
  namespace?: string;
  /** No `--request-timeout` (a watch that `--timeout` bounds). */
  watch?: boolean;
}

/** A cluster object as kubectl prints it with `-o json`: only what this provider reads. */
interface LiveObject {
  kind?: string;
  metadata?: { name?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
}

interface LiveState {
  stable?: LiveObject;
  canary?: LiveObject;
  stableService?: LiveObject;
  traffic?: LiveObject;
}

const MAX_OUTPUT = 4 * 1024 * 1024;

export class KubernetesProvider implements DeployProvider {
  readonly kind = 'kubernetes' as const;
  private readonly logger: Logger;
  private readonly kubectlPath: string;
  private readonly rolloutTimeoutMs: number;
  private readonly commandTimeoutMs: number;

  constructor(
    private readonly config: KubernetesProviderConfig,
    private readonly options: KubernetesProviderOptions,
  ) {
    this.logger = options.logger ?? silentLogger;
    this.kubectlPath = options.kubectl ?? 'kubectl';
    this.rolloutTimeoutMs = options.rolloutTimeoutMs ?? 300_000;
    this.commandTimeoutMs = options.commandTimeoutMs ?? 60_000;
  }

  async preflight(_stage: ProviderStage): Promise<void> {
    const c = this.config;
    const where = this.where();

    // 1. The server answers, with the credentials of the kubeconfig.
    const version = await this.kubectl(['version', '-o', 'json']);
    let serverVersion: { gitVersion?: string } | undefined;
    try {
      serverVersion = (JSON.parse(version.stdout) as { serverVersion?: { gitVersion?: string } }).serverVersion;
    } catch {
      serverVersion = undefined;
    }
    if (version.code !== 0 || !serverVersion) throw this.failure(['version'], version) ?? this.unreachable(version);
    this.logger.info(`Kubernetes ${serverVersion.gitVersion ?? '(version unknown)'} answers ${where}`);

    // 2. The namespace exists. Without the right to read namespaces the check is left to the
    // first write, which then fails with the same NotFound.
    const ns = await this.kubectl(['get', 'namespace', c.namespace, '-o', 'name']);
    if (ns.code !== 0) {
      if (isNotFound(ns.stderr)) {
        throw new ConfigurationError(`the namespace ${c.namespace} does not exist ${where}.`, {
          hint: `Create it (kubectl create namespace ${c.namespace}) or set provider.namespace to the namespace the service lives in.`,
        });
      }
      if (!isForbidden(ns.stderr)) throw this.failure(['get', 'namespace'], ns) ?? commandError(['get', 'namespace', c.namespace], ns);
      this.logger.debug(`not allowed to read namespace ${c.namespace}; its existence is checked by the first write`);
    }

    // 3. The API that carries the split is served.
    if (c.traffic === 'gateway-api') {
      await this.requireResource('gateway.networking.k8s.io/v1', 'httproutes', {
        message: `the cluster does not serve the Gateway API (HTTPRoute, gateway.networking.k8s.io/v1) ${where}.`,
        hint: 'Install the Gateway API CRDs (standard channel, v1.0 or later) and a Gateway controller, or set provider.traffic to ingress-nginx.',
      });
    } else {
      await this.requireResource('networking.k8s.io/v1', 'ingresses', {
        message: `the cluster does not serve Ingresses (networking.k8s.io/v1) ${where}.`,
        hint: 'ingress-nginx needs Kubernetes 1.19 or later; or set provider.traffic to gateway-api.',
      });
    }

    // 4. What is there already fits: the stable version, its Service, the route or stable Ingress.
    const state = await this.readState(true);
    this.checkStable(state);
    if (c.traffic === 'gateway-api') await this.checkRoute(state);
    else await this.checkStableIngress();
  }

  async deploy(stage: ProviderStage): Promise<Endpoints> {
    const m = renderManifests(this.config, { image: stage.image, weight: 0 });
    // The split goes to 0 before the candidate's pods change: a candidate left at some weight by
    // an earlier run never serves the new image before its analysis starts.
    await this.apply([m.traffic, m.canaryDeployment, m.canaryService]);
    await this.waitForRollout('canary', stage.image);
    return { candidateUrl: this.config.candidate_url, stableUrl: this.config.stable_url, publicUrl: this.config.public_url };
  }

  async setWeight(_stage: ProviderStage, percent: number): Promise<void> {
    await this.apply([renderTraffic(this.config, percent)]);
  }

  async status(_stage: ProviderStage): Promise<TrafficState> {
    const state = await this.readState(false);
    return {
      candidateWeight: this.weightOf(state.traffic),
      candidatePresent: state.canary !== undefined,
      stablePresent: state.stable !== undefined,
      stableImage: state.stable ? containerOf(state.stable)?.image : undefined,
      candidateImage: state.canary ? containerOf(state.canary)?.image : undefined,
    };
  }

  async promote(stage: ProviderStage): Promise<void> {
    const state = await this.readState(true);
    const stableName = objectName(this.config, 'stable');
    if (state.stable) {
      const container = containerOf(state.stable);
      if (!container) throw this.noContainer(state.stable);
      const set = await this.kubectl(['set', 'image', `deployment/${stableName}`, `${container.name}=${stage.image}`]);
      if (set.code !== 0) throw this.failure(['set', 'image'], set) ?? commandError(['set', 'image', `deployment/${stableName}`], set);
    } else {
      const m = renderManifests(this.config, { image: stage.image, weight: 0 });
      await this.apply(state.stableService ? [m.stableDeployment] : [m.stableDeployment, m.stableService]);
    }
    await this.waitForRollout('stable', stage.image);
    await this.toRest();
  }

  async rollback(_stage: ProviderStage): Promise<void> {
    await this.toRest();
  }

  /** All traffic to stable, then the candidate's objects deleted; nothing that is gone is an error. */
  private async toRest(): Promise<void> {
    const c = this.config;
    const remove = [`deployment/${objectName(c, 'canary')}`, `service/${objectName(c, 'canary')}`];
    if (c.traffic === 'gateway-api') await this.apply([renderTraffic(c, null)]);
    else remove.unshift(`ingress/${objectName(c, 'canary')}`);
    const deleted = await this.kubectl(['delete', ...remove, '--ignore-not-found']);
    if (deleted.code !== 0) throw this.failure(['delete'], deleted) ?? commandError(['delete', ...remove], deleted);
  }

  private async apply(objects: KubernetesManifest[]): Promise<void> {
    const args = ['apply', '--server-side', `--field-manager=${FIELD_MANAGER}`, '--force-conflicts', '-f', '-'];
    const result = await this.kubectl(args, { input: manifestStream(objects) });
    if (result.code !== 0) throw this.failure(args, result) ?? commandError(args, result);
    for (const line of result.stdout.split('\n')) if (line.trim()) this.logger.info(line.trim());
  }

  private async waitForRollout(track: Track, image: string): Promise<void> {
    const name = objectName(this.config, track);
    const seconds = Math.max(1, Math.ceil(this.rolloutTimeoutMs / 1000));
    const args = ['rollout', 'status', `deployment/${name}`, `--timeout=${seconds}s`];
    const result = await this.kubectl(args, { timeoutMs: this.rolloutTimeoutMs + this.commandTimeoutMs, watch: true });
    if (result.code === 0) {
      this.logger.info(result.stdout.trim().split('\n').at(-1) ?? `deployment ${name} rolled out`);
      return;
    }
    const known = this.failure(args, result);
    if (known) throw known;
    throw (await this.diagnosePods(track, image)) ?? new Error(`Deployment ${name} did not become available within ${seconds} s ${this.where()}: ${lastLine(result.stderr || result.stdout)}`);
  }

  /** Why a rollout is stuck, when the pods say it is the user's to fix: an image that cannot be pulled. */
  private async diagnosePods(track: Track, image: string): Promise<ConfigurationError | undefined> {
    const selector = `${LABELS.name}=${this.config.name},${LABELS.track}=${track}`;
    const pods = await this.kubectl(['get', 'pods', '-l', selector, '-o', 'json']);
    if (pods.code !== 0) return undefined;
    let items: Array<{ status?: { containerStatuses?: Array<{ state?: { waiting?: { reason?: string; message?: string } } }> } }> = [];
    try {
      items = (JSON.parse(pods.stdout) as { items?: typeof items }).items ?? [];
    } catch {
      return undefined;
    }
    for (const pod of items) {
      for (const status of pod.status?.containerStatuses ?? []) {
        const waiting = status.state?.waiting;
        if (waiting?.reason && ['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull'].includes(waiting.reason)) {
          return new ConfigurationError(`the cluster cannot pull the image ${image} (${waiting.reason}${waiting.message ? `: ${waiting.message}` : ''}).`, {
            hint: 'Check the image reference, and that the namespace can pull from its registry (imagePullSecrets on the service account, or a registry the nodes may read).',
          });
        }
      }
    }
    return undefined;
  }

  private async readState(withStableService: boolean): Promise<LiveState> {
    const c = this.config;
    const refs = [`deployment/${objectName(c, 'stable')}`, `deployment/${objectName(c, 'canary')}`];
    if (withStableService) refs.push(`service/${objectName(c, 'stable')}`);
    refs.push(c.traffic === 'gateway-api' ? `httproute/${routeName(c)}` : `ingress/${objectName(c, 'canary')}`);
    const args = ['get', ...refs, '-o', 'json', '--ignore-not-found'];
    const result = await this.kubectl(args);
    if (result.code !== 0) throw this.failure(args, result) ?? commandError(args, result);
    const items = parseItems(result.stdout);
    const find = (kind: string, name: string): LiveObject | undefined => items.find((o) => o.kind === kind && o.metadata?.name === name);
    return {
      stable: find('Deployment', objectName(c, 'stable')),
      canary: find('Deployment', objectName(c, 'canary')),
      stableService: find('Service', objectName(c, 'stable')),
      traffic: c.traffic === 'gateway-api' ? find('HTTPRoute', routeName(c)) : find('Ingress', objectName(c, 'canary')),
    };
  }

  /** The candidate's share of the traffic the route or canary Ingress declares, in percent. */
  private weightOf(traffic: LiveObject | undefined): number {
    if (!traffic) return 0;
    const canaryName = objectName(this.config, 'canary');
    if (this.config.traffic === 'ingress-nginx') {
      const annotations = traffic.metadata?.annotations ?? {};
      if (annotations[`${NGINX}/canary`] !== 'true') return 0;
      const weight = Number(annotations[`${NGINX}/canary-weight`] ?? 0);
      const total = Number(annotations[`${NGINX}/canary-weight-total`] ?? 100);
      return total > 0 && Number.isFinite(weight) ? round4(Math.min(100, (weight / total) * 100)) : 0;
    }
    const rules = (traffic.spec?.rules ?? []) as Array<{ backendRefs?: Array<{ name?: string; kind?: string; weight?: number }> }>;
    for (const rule of rules) {
      const refs = rule.backendRefs ?? [];
      const canary = refs.find((r) => r.name === canaryName && (r.kind ?? 'Service') === 'Service');
      if (!canary) continue;
      // Gateway API: a backendRef without a weight weighs 1.
      const sum = refs.reduce((s, r) => s + (r.weight ?? 1), 0);
      return sum > 0 ? round4(((canary.weight ?? 1) / sum) * 100) : 0;
    }
    return 0;
  }

  private checkStable(state: LiveState): void {
    const c = this.config;
    const stableName = objectName(c, 'stable');
    if (state.stable && !containerOf(state.stable)) throw this.noContainer(state.stable);
    if (state.stable && !state.stableService) {
      throw new ConfigurationError(`Deployment ${stableName} exists but Service ${stableName} does not ${this.where()}: the route's stable backend would have no endpoints.`, {
        hint: `Create Service ${stableName} selecting the stable pods only (e.g. ${LABELS.name}: ${c.name} and ${LABELS.track}: stable).`,
      });
    }
    const selector = (state.stableService?.spec?.selector ?? undefined) as Record<string, string> | undefined;
    if (selector) {
      const canaryPods = podLabels(c, 'canary');
      if (Object.entries(selector).every(([k, v]) => canaryPods[k] === v)) {
        throw new ConfigurationError(
          `Service ${stableName} selects the canary's pods too (selector ${Object.entries(selector)
            .map(([k, v]) => `${k}=${v}`)
            .join(',')}): its traffic would reach the candidate outside the split.`,
          { hint: `Add ${LABELS.track}: stable to the Service's selector and to the pod labels of Deployment ${stableName}.` },
        );
      }
    }
  }

  private async checkRoute(state: LiveState): Promise<void> {
    const c = this.config;
    const gateway = parseGateway(c.gateway);
    if (!gateway) {
      if (!state.traffic) {
        throw new ConfigurationError(`the HTTPRoute ${routeName(c)} does not exist ${this.where()} and no gateway is set to attach a new one to.`, {
          hint: 'Set provider.gateway to the Gateway that serves the service (<name> or <namespace>/<name>), or create the HTTPRoute and set provider.route to it.',
        });
      }
      return;
    }
    const args = ['get', `gateway/${gateway.name}`, '-o', 'name'];
    const result = await this.kubectl(args, { namespace: gateway.namespace });
    if (result.code === 0) return;
    if (isNotFound(result.stderr)) {
      throw new ConfigurationError(`the Gateway ${gateway.name} does not exist in namespace ${gateway.namespace ?? c.namespace}.`, {
        hint: 'Set provider.gateway to an existing Gateway (<name>, or <namespace>/<name> for one in another namespace).',
      });
    }
    if (!isForbidden(result.stderr)) throw this.failure(args, result) ?? commandError(args, result);
    this.logger.debug(`not allowed to read Gateway ${gateway.name}; the route's status will tell whether it was accepted`);
  }

  private async checkStableIngress(): Promise<void> {
    const c = this.config;
    const args = ['get', 'ingresses', '-o', 'json'];
    const result = await this.kubectl(args);
    if (result.code !== 0) throw this.failure(args, result) ?? commandError(args, result);
    type LiveIngress = LiveObject & {
      spec?: { ingressClassName?: string; rules?: Array<{ host?: string; http?: { paths?: Array<{ path?: string; backend?: { service?: { name?: string } } }> } }> };
    };
    const found = (parseItems(result.stdout) as LiveIngress[]).some((ing) => {
      const annotations = ing.metadata?.annotations ?? {};
      if (ing.metadata?.name === objectName(c, 'canary') || annotations[`${NGINX}/canary`] === 'true') return false;
      const ingressClass = ing.spec?.ingressClassName ?? annotations['kubernetes.io/ingress.class'];
      if (ingressClass !== c.ingress_class) return false;
      return (ing.spec?.rules ?? []).some(
        (rule) => (rule.host ?? '') === (c.host ?? '') && (rule.http?.paths ?? []).some((p) => (p.path ?? '/') === '/' && p.backend?.service?.name === objectName(c, 'stable')),
      );
    });
    if (!found) {
      throw new ConfigurationError(
        `no Ingress of class ${c.ingress_class} routes ${c.host ?? 'requests without a host'} at path / to Service ${objectName(c, 'stable')} ${this.where()}: ingress-nginx applies a canary Ingress only beside such a stable Ingress.`,
        { hint: `Create the stable Ingress (ingressClassName: ${c.ingress_class}${c.host ? `, host ${c.host}` : ''}, path / to Service ${objectName(c, 'stable')}), or set provider.host to the host it serves.` },
      );
    }
  }

  private async requireResource(groupVersion: string, resource: string, error: { message: string; hint: string }): Promise<void> {
    const args = ['get', '--raw', `/apis/${groupVersion}`];
    const result = await this.kubectl(args);
    if (result.code !== 0) {
      if (isNotFound(result.stderr)) throw new ConfigurationError(error.message, { hint: error.hint });
      throw this.failure(args, result) ?? commandError(args, result);
    }
    let names: string[] = [];
    try {
      names = ((JSON.parse(result.stdout) as { resources?: Array<{ name?: string }> }).resources ?? []).map((r) => r.name ?? '');
    } catch {
      names = [];
    }
    if (!names.includes(resource)) throw new ConfigurationError(error.message, { hint: error.hint });
  }

  private noContainer(deployment: LiveObject): ConfigurationError {
    const names = containersOf(deployment).map((x) => x.name);
    return new ConfigurationError(`Deployment ${deployment.metadata?.name ?? this.config.name} has containers ${names.join(', ') || '(none)'}; the provider cannot tell which one runs the model.`, {
      hint: `Name the model's container ${CONTAINER_NAME}, or give the Deployment a single container.`,
    });
  }

  private where(): string {
    return `(${this.config.context ? `context ${this.config.context}` : 'the current kubectl context'}, namespace ${this.config.namespace})`;
  }

  private unreachable(result: KubectlResult): ConfigurationError {
    return new ConfigurationError(`cannot reach the Kubernetes API server ${this.where()}: ${lastLine(result.stderr) || 'kubectl printed no server version'}.`, {
      hint: 'Check the kubeconfig the job gives kubectl (KUBECONFIG, or the step that writes it), the context name, and that the runner can reach the server.',
    });
  }

  /** A kubectl failure that is the user's to fix, as a ConfigurationError; undefined for any other. */
  private failure(args: string[], result: KubectlResult): ConfigurationError | undefined {
    const text = result.stderr;
    const command = `kubectl ${args[0] ?? ''}`.trim();
    if (/Unable to connect to the server|connection refused|was refused|no such host|i\/o timeout|dial tcp|the server is currently unable|Client\.Timeout exceeded|context deadline exceeded/i.test(text)) {
      return this.unreachable(result);
    }
    if (/You must be logged in|Unauthorized|provide credentials/i.test(text)) {
      return new ConfigurationError(`the Kubernetes API server refused the kubeconfig's credentials ${this.where()}: ${lastLine(text)}.`, {
        hint: 'Refresh the credentials the job writes into the kubeconfig (a token that expired, a cloud login step that did not run).',
      });
    }
    if (/x509|certificate/i.test(text)) {
      return new ConfigurationError(`kubectl does not trust the API server's certificate ${this.where()}: ${lastLine(text)}.`, {
        hint: "Put the cluster's certificate authority in the kubeconfig (certificate-authority-data).",
      });
    }
    if (/context was not found|no context exists|context "[^"]*" does not exist/i.test(text)) {
      return new ConfigurationError(`the kubeconfig has no context ${this.config.context ?? ''}: ${lastLine(text)}.`, {
        hint: 'Set provider.context to a context of the kubeconfig (kubectl config get-contexts), or leave it unset for the current one.',
      });
    }
    if (isForbidden(text)) {
      return new ConfigurationError(`${command} was forbidden ${this.where()}: ${lastLine(text)}.`, {
        hint: 'Grant the deploying identity get, list, watch, create, patch and delete on deployments, services and httproutes (or ingresses) in the namespace.',
      });
    }
    if (/namespaces? "[^"]+" not found/.test(text)) {
      return new ConfigurationError(`the namespace ${this.config.namespace} does not exist ${this.where()}.`, {
        hint: `Create it (kubectl create namespace ${this.config.namespace}) or set provider.namespace.`,
      });
    }
    return undefined;
  }

  /** Runs kubectl without a shell; resolves with its exit code and output, rejects only when it could not run. */
  private kubectl(args: string[], call: KubectlCall = {}): Promise<KubectlResult> {
    const full = [...args];
    if (this.config.context) full.push('--context', this.config.context);
    full.push('--namespace', call.namespace ?? this.config.namespace);
    const timeoutMs = call.timeoutMs ?? this.commandTimeoutMs;
    if (!call.watch) full.push(`--request-timeout=${Math.max(1, Math.ceil(timeoutMs / 1000))}s`);
    this.logger.debug(`kubectl ${full.join(' ')}`);
    return new Promise((resolve, reject) => {
      let child: ChildProcessWithoutNullStreams;
      try {
        // Its own process group, so a timeout also ends whatever kubectl started (a version dispatcher, a credential plugin).
        child = spawn(this.kubectlPath, full, { env: { ...this.options.env }, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
      } catch (error) {
        reject(this.notRunnable(error));
        return;
      }
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let outBytes = 0;
      let errBytes = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        if ((outBytes += chunk.length) <= MAX_OUTPUT) out.push(chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => {
        if ((errBytes += chunk.length) <= MAX_OUTPUT) err.push(chunk);
      });
      let timedOut = false;
      const kill = (): void => {
        if (child.pid === undefined) return;
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      };
      const timer = setTimeout(() => {
        timedOut = true;
        kill();
      }, timeoutMs);
      const onAbort = (): void => kill();
      this.options.signal?.addEventListener('abort', onAbort, { once: true });
      const done = (): void => {
        clearTimeout(timer);
        this.options.signal?.removeEventListener('abort', onAbort);
      };
      child.on('error', (error) => {
        done();
        reject(this.notRunnable(error));
      });
      child.on('close', (code, signal) => {
        done();
        const stdout = Buffer.concat(out).toString('utf8');
        const stderr = Buffer.concat(err).toString('utf8');
        if (timedOut) {
          reject(new Error(`kubectl ${args.join(' ')} did not finish within ${Math.round(timeoutMs / 1000)} s ${this.where()}${stderr ? `: ${lastLine(stderr)}` : ''}`));
          return;
        }
        if (this.options.signal?.aborted) {
          reject(this.options.signal.reason instanceof Error ? this.options.signal.reason : new Error('aborted'));
          return;
        }
        resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
      });
      child.stdin.on('error', () => {
        // kubectl exited before reading its input; its exit code and stderr say why.
      });
      child.stdin.end(call.input ?? '');
    });
  }

  private notRunnable(error: unknown): Error {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT' || code === 'EACCES') {
      return new ConfigurationError(`kubectl ${code === 'ENOENT' ? 'is not installed, or not on the PATH' : 'cannot be executed'} (${this.kubectlPath}).`, {
        hint: 'Install kubectl on the runner (GitHub-hosted Ubuntu runners have it; elsewhere e.g. azure/setup-kubectl) before this step.',
        cause: error,
      });
    }
    return error instanceof Error ? error : new Error(String(error));
  }
}

function containersOf(deployment: LiveObject): Array<{ name: string; image?: string }> {
  const template = deployment.spec?.template as { spec?: { containers?: Array<{ name: string; image?: string }> } } | undefined;
  return template?.spec?.containers ?? [];
}

/** The model's container: the one named `model`, or the only one. */
function containerOf(deployment: LiveObject): { name: string; image?: string } | undefined {
  const containers = containersOf(deployment);
  return containers.find((x) => x.name === CONTAINER_NAME) ?? (containers.length === 1 ? containers[0] : undefined);
}

function parseItems(stdout: string): LiveObject[] {
  if (!stdout.trim()) return [];
  const parsed = JSON.parse(stdout) as LiveObject & { items?: LiveObject[] };
  return Array.isArray(parsed.items) ? parsed.items : [parsed];
}

function isNotFound(stderr: string): boolean {
  return /\(NotFound\)|not found|could not find the requested resource/i.test(stderr);
}

function isForbidden(stderr: string): boolean {
  return /\(Forbidden\)|is forbidden|forbidden:/i.test(stderr);
}

function lastLine(text: string): string {
  return (
    text
      .trim()
      .split('\n')
      .filter((line) => line.trim() && !/^Warning:/.test(line))
      .at(-1)
      ?.trim()
      // It goes inside a sentence of ours.
      .replace(/^error:\s*/i, '')
      .replace(/[.?!]+$/, '') ?? ''
  );
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function commandError(args: string[], result: KubectlResult): Error {
  return new Error(`kubectl ${args.join(' ')} failed (exit ${result.code}): ${lastLine(result.stderr || result.stdout) || 'no output'}`);
}
