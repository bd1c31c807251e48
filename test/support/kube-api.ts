import { randomBytes, randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

/*
 * An in-process emulator, on 127.0.0.1, of the part of the Kubernetes API that kubectl uses to
 * apply, read, watch and delete Deployments, Services, Ingresses and Gateway API HTTPRoutes: no
 * API server can run on these machines, and kubectl is the client under test, so the emulator
 * answers the wire protocol kubectl speaks:
 *   - discovery, both the aggregated form (`/api`, `/apis` with the apidiscovery.k8s.io/v2 media
 *     type, which kubectl 1.30+ asks for first) and the legacy per-group documents;
 *   - `/openapi/v2` in the protobuf form kubectl asks for, listing the PATCH operations and their
 *     `fieldValidation` and `dryRun` parameters, so kubectl trusts the server to validate fields
 *     (as it does with a real server) and its own validation finds nothing to reject;
 *   - GET (one object, lists with field and label selectors, and watches), POST, PUT, DELETE and
 *     PATCH as server-side apply (the last configuration of each field manager is kept, so fields
 *     it stops applying are removed), strategic merge (with the merge keys of the lists kubectl
 *     patches) and JSON merge;
 *   - a Deployment controller: a change of spec bumps `metadata.generation`, then `status` reports
 *     the rollout done (observedGeneration, updated, ready and available replicas, conditions),
 *     at once or after `readyAfterMs`, or never for an image listed in `unpullableImages`, whose
 *     synthesized pods then wait with ErrImagePull, as the kubelet reports them.
 * Write requests with `fieldValidation=Strict` are checked with a schema validator the test gives
 * (the emulator itself knows no schemas) and refused with 422 Invalid, as a real server does.
 *
 * Every request is recorded (method, path, query, content type, parsed body) so a test can assert
 * the exact sequence. The emulator serves HTTPS with a certificate made for it by openssl, as a
 * real API server does: kubectl sends a kubeconfig's credentials only over TLS. A kubeconfig with
 * that certificate as its authority and a bearer token the emulator demands is written to a
 * temporary folder, beside a discovery cache folder of its own.
 */

export interface RecordedKubeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType?: string;
  body?: unknown;
  status?: number;
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** Returns the problems of an object (empty when valid) for a strict-validation write. */
export type ObjectValidator = (object: KubeObject) => string[];

export interface KubeApiOptions {
  /** Namespaces that exist. Default `['default']`. */
  namespaces?: string[];
  /** Whether the Gateway API CRDs are installed (gateway.networking.k8s.io/v1). Default true. */
  gatewayApi?: boolean;
  /** A Deployment whose spec changed reports its rollout done this long after. Default 0: at once. */
  readyAfterMs?: number;
  /** Images whose pods never start: their Deployments never become available. */
  unpullableImages?: string[];
  /** The checker of write requests sent with `fieldValidation=Strict`. */
  validate?: ObjectValidator;
  /** Reported by /version: `1.<minor>`. Default 32. */
  minorVersion?: number;
}

export interface KubeApi {
  url: string;
  port: number;
  /** The kubeconfig file: context `emulator`, cluster at `url`, a bearer token. */
  kubeconfig: string;
  context: string;
  /** The bearer token of the kubeconfig (a fake one; the emulator refuses any other). */
  token: string;
  /** Environment for kubectl: KUBECONFIG, and KUBECACHEDIR in the emulator's own folder. */
  env: Record<string, string>;
  requests: RecordedKubeRequest[];
  /** Requests that change state: POST, PUT, PATCH, DELETE. */
  writes(): RecordedKubeRequest[];
  clearRequests(): void;
  /** The stored object, or undefined. `resource` is plural: `deployments`, `httproutes`. */
  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined;
  /** Stores an object as if created by someone else (not recorded as a request). */
  put(object: KubeObject): KubeObject;
  stop(): Promise<void>;
}

interface ResourceType {
  group: string;
  version: string;
  resource: string;
  kind: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  subresources: string[];
}

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

const CORE_TYPES: ResourceType[] = [
  { group: '', version: 'v1', resource: 'namespaces', kind: 'Namespace', singular: 'namespace', namespaced: false, shortNames: ['ns'], categories: [], subresources: ['status'] },
  { group: '', version: 'v1', resource: 'services', kind: 'Service', singular: 'service', namespaced: true, shortNames: ['svc'], categories: ['all'], subresources: ['status'] },
  { group: '', version: 'v1', resource: 'pods', kind: 'Pod', singular: 'pod', namespaced: true, shortNames: ['po'], categories: ['all'], subresources: ['status'] },
  { group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment', singular: 'deployment', namespaced: true, shortNames: ['deploy'], categories: ['all'], subresources: ['status', 'scale'] },
  { group: 'networking.k8s.io', version: 'v1', resource: 'ingresses', kind: 'Ingress', singular: 'ingress', namespaced: true, shortNames: ['ing'], categories: [], subresources: ['status'] },
  { group: 'networking.k8s.io', version: 'v1', resource: 'ingressclasses', kind: 'IngressClass', singular: 'ingressclass', namespaced: false, shortNames: [], categories: [], subresources: [] },
];

const GATEWAY_TYPES: ResourceType[] = [
  { group: 'gateway.networking.k8s.io', version: 'v1', resource: 'gateways', kind: 'Gateway', singular: 'gateway', namespaced: true, shortNames: ['gtw'], categories: ['gateway-api'], subresources: ['status'] },
  { group: 'gateway.networking.k8s.io', version: 'v1', resource: 'httproutes', kind: 'HTTPRoute', singular: 'httproute', namespaced: true, shortNames: [], categories: ['gateway-api'], subresources: ['status'] },
];

/** Merge keys of the lists `kubectl set image` and client-side apply patch by strategic merge. */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  ports: 'containerPort',
  imagePullSecrets: 'name',
  conditions: 'type',
};

interface WatchEvent {
  rv: number;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  type_: ResourceType;
  object: KubeObject;
}

interface Watcher {
  type: ResourceType;
  namespace?: string;
  matches: (object: KubeObject) => boolean;
  send: (event: WatchEvent) => void;
}

class HttpError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

const apiVersionOf = (t: ResourceType): string => (t.group ? `${t.group}/${t.version}` : t.version);
const qualified = (t: ResourceType): string => (t.group ? `${t.resource}.${t.group}` : t.resource);
const clone = <T>(value: T): T => structuredClone(value);
const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export async function startKubeApi(options: KubeApiOptions = {}): Promise<KubeApi> {
  const types = [...CORE_TYPES, ...(options.gatewayApi === false ? [] : GATEWAY_TYPES)];
  const token = `emulator-${randomBytes(12).toString('hex')}`;
  const readyAfterMs = options.readyAfterMs ?? 0;
  const unpullable = new Set(options.unpullableImages ?? []);
  const store = new Map<string, KubeObject>();
  /** Per object key: the last configuration each field manager applied (server-side apply). */
  const applied = new Map<string, Map<string, Record<string, unknown>>>();
  const events: WatchEvent[] = [];
  const watchers = new Set<Watcher>();
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Duplex>();
  const requests: RecordedKubeRequest[] = [];
  let resourceVersion = 1;

  const keyOf = (t: ResourceType, namespace: string | undefined, name: string): string => `${qualified(t)}/${t.namespaced ? namespace : ''}/${name}`;
  const typeByResource = (resource: string): ResourceType | undefined => types.find((t) => t.resource === resource || qualified(t) === resource);
  const typeByKind = (apiVersion: string | undefined, kind: string | undefined): ResourceType | undefined => types.find((t) => apiVersionOf(t) === apiVersion && t.kind === kind);

  const emit = (type: WatchEvent['type'], t: ResourceType, object: KubeObject): void => {
    const event: WatchEvent = { rv: Number(object.metadata.resourceVersion), type, type_: t, object: clone(object) };
    events.push(event);
    for (const watcher of watchers) {
      if (watcher.type !== t) continue;
      if (watcher.namespace !== undefined && object.metadata.namespace !== watcher.namespace) continue;
      if (watcher.matches(object)) watcher.send(event);
    }
  };

  const save = (t: ResourceType, object: KubeObject, event: 'ADDED' | 'MODIFIED'): KubeObject => {
    object.metadata.resourceVersion = String(++resourceVersion);
    store.set(keyOf(t, object.metadata.namespace, object.metadata.name), object);
    emit(event, t, object);
    return object;
  };

  const namespaceExists = (name: string | undefined): boolean => name !== undefined && store.has(keyOf(CORE_TYPES[0]!, undefined, name));

  // The Deployment controller and kubelet, reduced to what `kubectl rollout status` reads.
  const deploymentImages = (d: KubeObject): string[] => podTemplate(d).spec.containers.map((c) => c.image ?? '');
  const setDeploymentStatus = (d: KubeObject, ready: boolean): void => {
    const replicas = Number((d.spec as Record<string, unknown>).replicas ?? 1);
    const now = new Date().toISOString();
    d.status = {
      observedGeneration: d.metadata.generation,
      replicas,
      updatedReplicas: replicas,
      readyReplicas: ready ? replicas : 0,
      availableReplicas: ready ? replicas : 0,
      ...(ready ? {} : { unavailableReplicas: replicas }),
      conditions: [
        { type: 'Available', status: ready ? 'True' : 'False', reason: ready ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable', lastUpdateTime: now, lastTransitionTime: now, message: ready ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.' },
        { type: 'Progressing', status: 'True', reason: ready ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated', lastUpdateTime: now, lastTransitionTime: now, message: `ReplicaSet "${d.metadata.name}" is ${ready ? 'available' : 'progressing'}.` },
      ],
    };
  };
  const reconcileDeployment = (t: ResourceType, d: KubeObject): void => {
    const stuck = deploymentImages(d).some((image) => unpullable.has(image));
    if (!stuck && readyAfterMs === 0) {
      setDeploymentStatus(d, true);
      return;
    }
    setDeploymentStatus(d, false);
    if (stuck) return;
    const key = keyOf(t, d.metadata.namespace, d.metadata.name);
    const generation = d.metadata.generation;
    const timer = setTimeout(() => {
      timers.delete(timer);
      const current = store.get(key);
      if (!current || current.metadata.generation !== generation) return;
      const next = clone(current);
      setDeploymentStatus(next, true);
      save(t, next, 'MODIFIED');
    }, readyAfterMs);
    timers.add(timer);
  };

  const syntheticPods = (namespace: string | undefined): KubeObject[] => {
    const pods: KubeObject[] = [];
    for (const [key, d] of store) {
      if (!key.startsWith('deployments.apps/') || (namespace !== undefined && d.metadata.namespace !== namespace)) continue;
      const replicas = Number((d.spec as { replicas?: number } | undefined)?.replicas ?? 1);
      const ready = (d.status as Record<string, unknown> | undefined)?.readyReplicas === replicas;
      const template = podTemplate(d);
      for (let i = 0; i < replicas; i++) {
        const containers = template.spec.containers;
        pods.push({
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: `${d.metadata.name}-${String(d.metadata.generation)}-${i}`, namespace: d.metadata.namespace, labels: clone(template.metadata.labels), uid: randomUUID() },
          spec: clone(template.spec),
          status: {
            phase: ready ? 'Running' : 'Pending',
            containerStatuses: containers.map((c) => ({
              name: c.name,
              image: c.image ?? '',
              ready,
              restartCount: 0,
              state: ready
                ? { running: { startedAt: new Date().toISOString() } }
                : unpullable.has(c.image ?? '')
                  ? { waiting: { reason: 'ErrImagePull', message: `failed to pull and unpack image "${c.image}": not found` } }
                  : { waiting: { reason: 'ContainerCreating' } },
            })),
          },
        });
      }
    }
    return pods;
  };

  const validateStrict = (object: KubeObject, t: ResourceType, query: URLSearchParams): void => {
    if (query.get('fieldValidation') !== 'Strict' || !options.validate) return;
    const problems = options.validate(object);
    if (problems.length > 0) {
      throw new HttpError(422, 'Invalid', `${t.kind}.${t.group || 'core'} "${object.metadata.name}" is invalid: ${problems.join('; ')}`, {
        name: object.metadata.name,
        group: t.group,
        kind: t.kind,
        causes: problems.map((message) => ({ reason: 'FieldValueInvalid', message })),
      });
    }
  };

  /** Stores `next` as the new state of an object (created when `previous` is undefined). */
  const write = (t: ResourceType, previous: KubeObject | undefined, next: KubeObject, query: URLSearchParams): KubeObject => {
    next.apiVersion = apiVersionOf(t);
    next.kind = t.kind;
    validateStrict(next, t, query);
    if (t.kind === 'Deployment') {
      // The defaults the API server fills in, before the change of spec is judged.
      const spec = next.spec as Record<string, unknown>;
      spec.replicas ??= 1;
      spec.progressDeadlineSeconds ??= 600;
      spec.revisionHistoryLimit ??= 10;
      spec.strategy ??= { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
    }
    if (previous) {
      next.metadata.uid = previous.metadata.uid;
      next.metadata.creationTimestamp = previous.metadata.creationTimestamp;
      next.metadata.generation = previous.metadata.generation;
      if (JSON.stringify(previous.spec) !== JSON.stringify(next.spec)) next.metadata.generation = Number(previous.metadata.generation ?? 1) + 1;
      if (next.status === undefined && previous.status !== undefined) next.status = clone(previous.status);
    } else {
      if (t.namespaced && !namespaceExists(next.metadata.namespace)) throw new HttpError(404, 'NotFound', `namespaces "${next.metadata.namespace}" not found`, { name: next.metadata.namespace, kind: 'namespaces' });
      next.metadata.uid = randomUUID();
      next.metadata.creationTimestamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
      next.metadata.generation = 1;
    }
    if (t.kind === 'Namespace') next.status = { phase: 'Active' };
    if (query.has('dryRun')) return next;
    if (t.kind === 'Deployment' && next.metadata.generation !== previous?.metadata.generation) reconcileDeployment(t, next);
    // An unchanged object keeps its resourceVersion and sends no watch event, as on a real server.
    if (previous && JSON.stringify(previous) === JSON.stringify({ ...next, metadata: { ...next.metadata, resourceVersion: previous.metadata.resourceVersion } })) return previous;
    return save(t, next, previous ? 'MODIFIED' : 'ADDED');
  };

  const serverSideApply = (t: ResourceType, key: string, previous: KubeObject | undefined, body: Record<string, unknown>, query: URLSearchParams): KubeObject => {
    const manager = query.get('fieldManager') ?? 'unknown';
    const byManager = applied.get(key) ?? new Map<string, Record<string, unknown>>();
    const before = byManager.get(manager);
    const base: Record<string, unknown> = previous ? clone(previous) : {};
    // Fields this manager applied last time and no longer applies are removed, as server-side
    // apply does; what others set stays. Lists are atomic here, as most are in the real schemas.
    if (before) pruneDropped(base, before, body);
    const next = mergeApplied(base, body) as KubeObject;
    const result = write(t, previous, next, query);
    if (!query.has('dryRun')) {
      byManager.set(manager, clone(body));
      applied.set(key, byManager);
    }
    return result;
  };

  const notFound = (t: ResourceType, name: string): HttpError =>
    new HttpError(404, 'NotFound', `${qualified(t)} "${name}" not found`, { name, group: t.group, kind: t.resource });

  const patch = (t: ResourceType, key: string, previous: KubeObject | undefined, contentType: string, body: unknown, query: URLSearchParams): KubeObject => {
    if (contentType.startsWith('application/apply-patch')) {
      if (!isPlainObject(body)) throw new HttpError(400, 'BadRequest', 'an apply patch must be an object');
      return serverSideApply(t, key, previous, body, query);
    }
    if (!previous) throw notFound(t, key.slice(key.lastIndexOf('/') + 1));
    let next: unknown;
    if (contentType.startsWith('application/strategic-merge-patch+json')) next = strategicMerge(clone(previous), body);
    else if (contentType.startsWith('application/merge-patch+json')) next = mergePatch(clone(previous), body);
    else throw new HttpError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format: ${contentType}`);
    return write(t, previous, next as KubeObject, query);
  };

  const list = (t: ResourceType, namespace: string | undefined, query: URLSearchParams): KubeObject[] => {
    const matches = selectorMatcher(query);
    const items =
      t.resource === 'pods'
        ? syntheticPods(namespace)
        : [...store.entries()].filter(([key]) => key.startsWith(`${qualified(t)}/`)).map(([, object]) => object).filter((o) => namespace === undefined || o.metadata.namespace === namespace);
    return items.filter(matches).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  };

  const watch = (t: ResourceType, namespace: string | undefined, query: URLSearchParams, req: http.IncomingMessage, res: http.ServerResponse): void => {
    res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    // A watch answers its headers at once, as the API server does: the client waits for them.
    res.flushHeaders();
    const matches = selectorMatcher(query);
    const from = Number(query.get('resourceVersion') ?? '0');
    const send = (event: WatchEvent): void => {
      res.write(`${JSON.stringify({ type: event.type, object: event.object })}\n`);
    };
    if (from > 0) {
      for (const event of events) if (event.rv > from && event.type_ === t && (namespace === undefined || event.object.metadata.namespace === namespace) && matches(event.object)) send(event);
    } else {
      for (const object of list(t, namespace, query)) send({ rv: 0, type: 'ADDED', type_: t, object });
    }
    const watcher: Watcher = { type: t, namespace, matches, send };
    watchers.add(watcher);
    const close = (): void => {
      watchers.delete(watcher);
      if (!res.writableEnded) res.end();
    };
    const seconds = Number(query.get('timeoutSeconds') ?? '0');
    if (seconds > 0) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        close();
      }, seconds * 1000);
      timers.add(timer);
    }
    res.on('close', close);
  };

  const handleResource = (req: http.IncomingMessage, res: http.ServerResponse, url: URL, body: unknown, contentType: string): unknown => {
    const segments = url.pathname.split('/').filter(Boolean);
    let group: string;
    let version: string;
    let rest: string[];
    if (segments[0] === 'api') {
      group = '';
      version = segments[1] ?? '';
      rest = segments.slice(2);
    } else {
      group = segments[1] ?? '';
      version = segments[2] ?? '';
      rest = segments.slice(3);
    }
    let namespace: string | undefined;
    if (rest[0] === 'namespaces' && rest.length >= 3) {
      const candidate = types.find((t) => t.group === group && t.version === version && t.resource === rest[2] && t.namespaced);
      if (candidate) {
        namespace = rest[1];
        rest = rest.slice(2);
      }
    }
    const [resource, name, subresource] = rest;
    const t = types.find((x) => x.group === group && x.version === version && x.resource === resource);
    if (!t) throw new HttpError(404, 'NotFound', 'the server could not find the requested resource');
    const key = name === undefined ? '' : keyOf(t, namespace, name);
    const query = url.searchParams;
    const method = req.method ?? 'GET';
    if (name === undefined) {
      if (method === 'GET') {
        if (query.get('watch') === 'true' || query.get('watch') === '1') {
          watch(t, namespace, query, req, res);
          return undefined;
        }
        return { apiVersion: apiVersionOf(t), kind: `${t.kind}List`, metadata: { resourceVersion: String(resourceVersion) }, items: list(t, namespace, query).map(clone) };
      }
      if (method === 'POST') {
        if (!isPlainObject(body) || !isPlainObject(body.metadata) || typeof body.metadata.name !== 'string') throw new HttpError(400, 'BadRequest', 'the object has no metadata.name');
        const object = clone(body) as KubeObject;
        if (t.namespaced) object.metadata.namespace ??= namespace;
        if (store.has(keyOf(t, object.metadata.namespace, object.metadata.name))) throw new HttpError(409, 'AlreadyExists', `${qualified(t)} "${object.metadata.name}" already exists`, { name: object.metadata.name, group: t.group, kind: t.resource });
        res.statusCode = 201;
        return write(t, undefined, object, query);
      }
      throw new HttpError(405, 'MethodNotAllowed', `${method} is not supported on a collection here`);
    }
    const previous = store.get(key);
    if (subresource !== undefined) {
      // Advertised as a real server does; only reading the status is emulated.
      if (subresource !== 'status' || method !== 'GET') throw new HttpError(405, 'MethodNotAllowed', `${method} of ${resource}/${subresource} is not emulated`);
      if (!previous) throw notFound(t, name);
      return clone(previous);
    }
    switch (method) {
      case 'GET':
        if (!previous) throw notFound(t, name);
        return clone(previous);
      case 'PUT': {
        if (!previous) throw notFound(t, name);
        const object = clone(body) as KubeObject;
        if (t.namespaced) object.metadata.namespace ??= namespace;
        return write(t, previous, object, query);
      }
      case 'PATCH': {
        const result = patch(t, key, previous, contentType, t.namespaced && isPlainObject(body) ? withNamespace(body, namespace) : body, query);
        if (!previous) res.statusCode = 201;
        return result;
      }
      case 'DELETE': {
        if (!previous) throw notFound(t, name);
        if (query.has('dryRun')) return clone(previous);
        store.delete(key);
        applied.delete(key);
        previous.metadata.resourceVersion = String(++resourceVersion);
        emit('DELETED', t, previous);
        return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: { name, group: t.group, kind: t.resource, uid: previous.metadata.uid } };
      }
      default:
        throw new HttpError(405, 'MethodNotAllowed', `${method} is not supported`);
    }
  };

  const groupsOf = (): Map<string, ResourceType[]> => {
    const groups = new Map<string, ResourceType[]>();
    for (const t of types) groups.set(t.group, [...(groups.get(t.group) ?? []), t]);
    return groups;
  };

  const legacyResourceList = (group: string, version: string): unknown => {
    const resources: unknown[] = [];
    for (const t of types.filter((x) => x.group === group && x.version === version)) {
      resources.push({ name: t.resource, singularName: t.singular, namespaced: t.namespaced, kind: t.kind, verbs: VERBS, shortNames: t.shortNames.length ? t.shortNames : undefined, categories: t.categories.length ? t.categories : undefined });
      for (const sub of t.subresources) resources.push({ name: `${t.resource}/${sub}`, singularName: '', namespaced: t.namespaced, kind: sub === 'scale' ? 'Scale' : t.kind, group: sub === 'scale' ? 'autoscaling' : undefined, version: sub === 'scale' ? 'v1' : undefined, verbs: ['get', 'patch', 'update'] });
    }
    return resources.length === 0 ? undefined : { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
  };

  const aggregatedDiscovery = (core: boolean): unknown => ({
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items: [...groupsOf()]
      .filter(([group]) => (group === '') === core)
      .map(([group, members]) => ({
        metadata: { name: group },
        versions: [
          {
            version: 'v1',
            freshness: 'Current',
            resources: members.map((t) => ({
              resource: t.resource,
              responseKind: { group: t.group, version: t.version, kind: t.kind },
              scope: t.namespaced ? 'Namespaced' : 'Cluster',
              singularResource: t.singular,
              verbs: VERBS,
              ...(t.shortNames.length ? { shortNames: t.shortNames } : {}),
              ...(t.categories.length ? { categories: t.categories } : {}),
              subresources: t.subresources.map((sub) => ({
                subresource: sub,
                responseKind: sub === 'scale' ? { group: 'autoscaling', version: 'v1', kind: 'Scale' } : { group: t.group, version: t.version, kind: t.kind },
                verbs: ['get', 'patch', 'update'],
              })),
            })),
          },
        ],
      })),
  });

  /**
   * The OpenAPI v2 document kubectl downloads before it applies anything: the PATCH operation of
   * every resource with the `fieldValidation` and `dryRun` query parameters and its
   * group-version-kind, and no definitions. From it kubectl concludes that the server validates
   * fields itself (it then sends `fieldValidation=Strict` and skips its own schema check, as with
   * a real server), and, having no schema of any kind, that there is nothing to check locally.
   */
  const openApiV2 = (): OpenApiV2Path[] =>
    types.map((t) => ({
      path: `${t.group ? `/apis/${t.group}/${t.version}` : `/api/${t.version}`}/${t.namespaced ? 'namespaces/{namespace}/' : ''}${t.resource}/{name}`,
      operationId: `patch${t.group.split('.')[0]!.replace(/^./, (c) => c.toUpperCase())}${t.version.toUpperCase()}${t.namespaced ? 'Namespaced' : ''}${t.kind}`,
      gvk: { group: t.group, version: t.version, kind: t.kind },
      queryParameters: ['dryRun', 'fieldManager', 'fieldValidation', 'force'],
    }));

  const handle = (req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer): unknown => {
    const url = new URL(req.url ?? '/', 'https://emulator');
    const accept = String(req.headers.accept ?? '');
    const contentType = String(req.headers['content-type'] ?? '');
    let body: unknown;
    if (raw.length > 0) {
      try {
        body = contentType.includes('yaml') ? parseYaml(raw.toString('utf8')) : JSON.parse(raw.toString('utf8'));
      } catch {
        throw new HttpError(400, 'BadRequest', 'the request body is not JSON');
      }
    }
    requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, contentType: contentType || undefined, body });
    if (req.headers.authorization !== `Bearer ${token}`) throw new HttpError(401, 'Unauthorized', 'Unauthorized');
    const p = url.pathname.replace(/\/+$/, '') || '/';
    const minor = options.minorVersion ?? 32;
    if (p === '/version') return { major: '1', minor: String(minor), gitVersion: `v1.${minor}.0`, gitCommit: 'emulator', gitTreeState: 'clean', buildDate: '2025-01-01T00:00:00Z', goVersion: 'go1.23', compiler: 'gc', platform: 'linux/amd64' };
    if (p === '/readyz' || p === '/livez' || p === '/healthz') {
      res.setHeader('content-type', 'text/plain');
      return 'ok';
    }
    if (p === '/api' || p === '/apis') {
      if (/as=APIGroupDiscoveryList/.test(accept) && /v=v2(?![a-z0-9])/.test(accept)) {
        res.setHeader('content-type', 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
        return aggregatedDiscovery(p === '/api');
      }
      if (p === '/api') return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: url.host }] };
      return {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: [...groupsOf().keys()]
          .filter((g) => g !== '')
          .map((name) => ({ name, versions: [{ groupVersion: `${name}/v1`, version: 'v1' }], preferredVersion: { groupVersion: `${name}/v1`, version: 'v1' } })),
      };
    }
    if (p === '/openapi/v2') {
      const paths = openApiV2();
      if (/protobuf/.test(accept)) {
        res.setHeader('content-type', 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
        return encodeOpenApiV2(`v1.${minor}.0`, paths);
      }
      return {
        swagger: '2.0',
        info: { title: 'Kubernetes', version: `v1.${minor}.0` },
        paths: Object.fromEntries(
          paths.map((x) => [x.path, { patch: { operationId: x.operationId, parameters: x.queryParameters.map((name) => ({ name, in: 'query', type: 'string' })), 'x-kubernetes-group-version-kind': x.gvk } }]),
        ),
      };
    }
    const groupDoc = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(p);
    if (groupDoc) {
      const doc = groupDoc[1] ? legacyResourceList('', groupDoc[1]) : legacyResourceList(groupDoc[2]!, groupDoc[3]!);
      if (doc === undefined) throw new HttpError(404, 'NotFound', 'the server could not find the requested resource');
      return doc;
    }
    const groupOnly = /^\/apis\/([^/]+)$/.exec(p);
    if (groupOnly) {
      const name = groupOnly[1]!;
      if (!groupsOf().has(name)) throw new HttpError(404, 'NotFound', 'the server could not find the requested resource');
      return { kind: 'APIGroup', apiVersion: 'v1', name, versions: [{ groupVersion: `${name}/v1`, version: 'v1' }], preferredVersion: { groupVersion: `${name}/v1`, version: 'v1' } };
    }
    if (p.startsWith('/api/') || p.startsWith('/apis/')) return handleResource(req, res, url, body, contentType);
    throw new HttpError(404, 'NotFound', 'the server could not find the requested resource');
  };

  const dir = mkdtempSync(path.join(tmpdir(), 'kube-api-'));
  const certFile = path.join(dir, 'server.crt');
  const keyFile = path.join(dir, 'server.key');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=kube-api-emulator', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile],
    { stdio: 'ignore' },
  );
  const cert = readFileSync(certFile);
  const server = https.createServer({ key: readFileSync(keyFile), cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let result: unknown;
      try {
        result = handle(req, res, Buffer.concat(chunks));
        if (res.headersSent) return; // a watch: the handler streams the answer itself.
      } catch (error) {
        const e = error instanceof HttpError ? error : new HttpError(500, 'InternalError', String(error));
        res.statusCode = e.code;
        result = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: e.message, reason: e.reason, details: e.details, code: e.code };
        res.setHeader('content-type', 'application/json');
      }
      const last = requests.at(-1);
      if (last) last.status = res.statusCode;
      if (typeof result === 'string' || Buffer.isBuffer(result)) {
        res.end(result);
        return;
      }
      if (!res.hasHeader('content-type')) res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(result));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `https://127.0.0.1:${port}`;

  for (const name of options.namespaces ?? ['default']) {
    save(CORE_TYPES[0]!, { apiVersion: 'v1', kind: 'Namespace', metadata: { name, uid: randomUUID(), creationTimestamp: new Date().toISOString() }, status: { phase: 'Active' } }, 'ADDED');
  }

  const kubeconfig = path.join(dir, 'kubeconfig');
  const context = 'emulator';
  writeFileSync(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: emulator',
      '  cluster:',
      `    server: ${url}`,
      `    certificate-authority-data: ${cert.toString('base64')}`,
      'users:',
      '- name: emulator',
      '  user:',
      `    token: ${token}`,
      'contexts:',
      `- name: ${context}`,
      '  context:',
      '    cluster: emulator',
      '    user: emulator',
      `current-context: ${context}`,
      '',
    ].join('\n'),
    { mode: 0o600 },
  );

  return {
    url,
    port,
    kubeconfig,
    context,
    token,
    env: { KUBECONFIG: kubeconfig, KUBECACHEDIR: path.join(dir, 'cache') },
    requests,
    writes: () => requests.filter((r) => r.method !== 'GET'),
    clearRequests: () => {
      requests.length = 0;
    },
    get(resource, namespace, name) {
      const t = typeByResource(resource);
      if (!t) return undefined;
      const object = store.get(keyOf(t, namespace, name));
      return object && clone(object);
    },
    put(object) {
      const t = typeByKind(object.apiVersion, object.kind);
      if (!t) throw new Error(`the emulator serves no ${object.apiVersion} ${object.kind}`);
      const copy = clone(object);
      if (t.namespaced) copy.metadata.namespace ??= 'default';
      const previous = store.get(keyOf(t, copy.metadata.namespace, copy.metadata.name));
      return clone(write(t, previous, copy, new URLSearchParams()));
    },
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      watchers.clear();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface PodTemplate {
  metadata: { labels: Record<string, string> };
  spec: { containers: Array<{ name: string; image?: string }> };
}

function podTemplate(deployment: KubeObject): PodTemplate {
  const template = (deployment.spec as { template?: { metadata?: { labels?: Record<string, string> }; spec?: { containers?: PodTemplate['spec']['containers'] } } } | undefined)?.template;
  return { metadata: { labels: template?.metadata?.labels ?? {} }, spec: { ...(template?.spec ?? {}), containers: template?.spec?.containers ?? [] } };
}

function withNamespace(body: Record<string, unknown>, namespace: string | undefined): Record<string, unknown> {
  if (namespace === undefined || !isPlainObject(body.metadata) || body.metadata.namespace !== undefined) return body;
  return { ...body, metadata: { ...body.metadata, namespace } };
}

/** `fieldSelector=metadata.name=x` and equality `labelSelector`s: all kubectl sends here. */
function selectorMatcher(query: URLSearchParams): (object: KubeObject) => boolean {
  const fields = parseSelector(query.get('fieldSelector'));
  const labels = parseSelector(query.get('labelSelector'));
  return (object) => {
    for (const [k, v] of fields) {
      const actual = k === 'metadata.name' ? object.metadata.name : k === 'metadata.namespace' ? object.metadata.namespace : undefined;
      if (actual !== v) return false;
    }
    const have = (object.metadata.labels ?? {}) as Record<string, string>;
    for (const [k, v] of labels) if (have[k] !== v) return false;
    return true;
  };
}

function parseSelector(text: string | null): Array<[string, string]> {
  if (!text) return [];
  return text.split(',').map((term) => {
    const m = /^([^=!]+)==?(.*)$/.exec(term.trim());
    if (!m) throw new HttpError(400, 'BadRequest', `unsupported selector term ${term}`);
    return [m[1]!, m[2]!];
  });
}

function mergeApplied(base: unknown, applied: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(applied)) return clone(applied);
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(applied)) out[k] = mergeApplied(base[k], v);
  return out;
}

function pruneDropped(target: Record<string, unknown>, before: Record<string, unknown>, now: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(before)) {
    if (!(k in now)) delete target[k];
    else if (isPlainObject(v) && isPlainObject(now[k]) && isPlainObject(target[k])) pruneDropped(target[k], v, now[k]);
  }
}

/** RFC 7386. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return clone(patch);
  const out: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** Strategic merge: maps merge, lists with a known merge key merge by it, `$` directives are obeyed or dropped. */
function strategicMerge(target: unknown, patch: unknown, field = ''): unknown {
  if (Array.isArray(patch)) {
    const key = MERGE_KEYS[field];
    if (!key || !Array.isArray(target)) return clone(patch).filter((item) => !(isPlainObject(item) && '$patch' in item));
    const out = [...target];
    for (const item of patch) {
      if (!isPlainObject(item)) continue;
      const index = out.findIndex((existing) => isPlainObject(existing) && existing[key] === item[key]);
      if (item.$patch === 'delete') {
        if (index >= 0) out.splice(index, 1);
      } else if (index >= 0) out[index] = strategicMerge(out[index], item);
      else out.push(strategicMerge({}, item));
    }
    return out;
  }
  if (!isPlainObject(patch)) return clone(patch);
  if (patch.$patch === 'replace') {
    const { $patch: _ignored, ...rest } = patch;
    return clone(rest);
  }
  const out: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue;
    if (v === null) delete out[k];
    else out[k] = strategicMerge(out[k], v, k);
  }
  return out;
}

interface OpenApiV2Path {
  path: string;
  operationId: string;
  gvk: { group: string; version: string; kind: string };
  queryParameters: string[];
}

/*
 * Protocol-buffer encoding of the few messages of gnostic's openapi_v2.Document kubectl reads.
 * Field numbers from OpenAPIv2.proto: Document{swagger 1, info 2, paths 8}, Info{title 1,
 * version 2}, Paths{path 2}, NamedPathItem{name 1, value 2}, PathItem{patch 8},
 * Operation{operation_id 5, parameters 8, vendor_extension 13}, ParametersItem{parameter 1},
 * Parameter{non_body_parameter 2}, NonBodyParameter{query_parameter_sub_schema 3},
 * QueryParameterSubSchema{in 2, name 4, type 6}, NamedAny{name 1, value 2}, Any{yaml 2}.
 */
type ProtoField = [number, string | Buffer];

function varint(value: number): Buffer {
  const bytes: number[] = [];
  let v = value;
  while (v > 0x7f) {
    bytes.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  bytes.push(v);
  return Buffer.from(bytes);
}

function message(...fields: ProtoField[]): Buffer {
  return Buffer.concat(
    fields.flatMap(([field, value]) => {
      const payload = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
      return [varint((field << 3) | 2), varint(payload.length), payload];
    }),
  );
}

function encodeOpenApiV2(version: string, paths: OpenApiV2Path[]): Buffer {
  const operation = (x: OpenApiV2Path): Buffer =>
    message(
      [5, x.operationId],
      ...x.queryParameters.map((name): ProtoField => [8, message([1, message([2, message([3, message([2, 'query'], [4, name], [6, 'string'])])])])]),
      [13, message([1, 'x-kubernetes-group-version-kind'], [2, message([2, `group: "${x.gvk.group}"\nkind: ${x.gvk.kind}\nversion: ${x.gvk.version}\n`])])],
    );
  return message(
    [1, '2.0'],
    [2, message([1, 'Kubernetes'], [2, version])],
    [8, message(...paths.map((x): ProtoField => [2, message([1, x.path], [2, message([8, operation(x)])])]))],
  );
}
