import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { DockerCli } from '../../container/docker.js';
import { ConfigurationError } from '../../platform/errors.js';
import { silentLogger, type Logger } from '../../platform/logger.js';
import { applyTrafficSplit, HaproxyRuntimeClient, readTrafficSplit, type TrafficTarget } from '../haproxy.js';
import type { DockerProviderConfig } from '../plan.js';
import type { DeployProvider, Endpoints, ProviderStage, TrafficState } from '../provider.js';

/**
 * The `docker` provider: the candidate container runs beside the stable one on one host, both on
 * the host's network, behind an HAProxy backend with two servers. The containers are named
 * `<name>-stable` and `<name>-candidate` and take turns on the two `ports`: the candidate gets the
 * one stable does not use, and on promotion the stable server of HAProxy is pointed at the
 * candidate's port before the old stable container goes, so traffic never stops.
 *
 * The containers and HAProxy are the whole state: every method reads them first, so a method
 * called again after a crash half-way converges. A promotion interrupted after the old stable
 * container was removed is completed, not undone, by any later call: the new version is then the
 * only one left that can serve.
 *
 * The first rollout has no stable: the candidate serves nothing until promotion (HAProxy's stable
 * server waits in maintenance), and promotion simply makes it the stable.
 */
export interface DockerProviderOptions {
  /** The Docker CLI against the deployment host's daemon. */
  docker: DockerCli;
  /** By default, a client of the config's runtime_api. */
  haproxy?: HaproxyRuntimeClient;
  logger?: Logger;
  /** How long a new container may take to listen on its port. */
  startTimeoutMs?: number;
  /** `docker stop --time`: how long a retired container has to finish the requests in flight. */
  stopTimeoutSeconds?: number;
}

/** Container labels; `role` is the role a container started in (always candidate): its name says its role now. */
export const DEPLOY_LABELS = {
  name: 'io.mlops-actions.deploy.name',
  role: 'io.mlops-actions.deploy.role',
  image: 'io.mlops-actions.deploy.image',
  port: 'io.mlops-actions.deploy.port',
  stage: 'io.mlops-actions.deploy.stage',
} as const;

interface Container {
  name: string;
  running: boolean;
  /** Restarts by Docker's restart policy: a server that crashes at start loops through them. */
  restarts: number;
  image: string;
  /** The port it was started on, from its label. */
  port?: number;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Set by the provider itself, from `host` and `ports`. */
const RESERVED_ENV = new Set(['PORT', 'HOST']);

export class DockerProvider implements DeployProvider {
  readonly kind = 'docker' as const;
  private readonly docker: DockerCli;
  private readonly haproxy: HaproxyRuntimeClient;
  private readonly target: TrafficTarget;
  private readonly logger: Logger;
  private readonly startTimeoutMs: number;
  private readonly stopTimeoutSeconds: number;

  constructor(
    private readonly config: DockerProviderConfig,
    options: DockerProviderOptions,
  ) {
    this.docker = options.docker;
    this.haproxy = options.haproxy ?? new HaproxyRuntimeClient(config.runtime_api);
    this.target = { backend: config.backend, stableServer: config.stable_server, candidateServer: config.candidate_server };
    this.logger = options.logger ?? silentLogger;
    this.startTimeoutMs = options.startTimeoutMs ?? 60_000;
    this.stopTimeoutSeconds = options.stopTimeoutSeconds ?? 10;
  }

  private get stableName(): string {
    return `${this.config.name}-stable`;
  }

  private get candidateName(): string {
    return `${this.config.name}-candidate`;
  }

  /** The configuration makes sense, Docker and HAProxy answer, and the image is here or can be pulled. */
  async preflight(stage: ProviderStage): Promise<void> {
    this.checkConfig();
    if (!(await this.docker.available())) {
      throw new ConfigurationError('the docker provider needs a Docker daemon, and none answers', { hint: 'Start Docker on the deployment host, or point DOCKER_HOST at its daemon.' });
    }
    await this.haproxy.check();
    await this.haproxy.server(this.target.backend, this.target.stableServer);
    await this.haproxy.server(this.target.backend, this.target.candidateServer);
    await this.ensureImage(stage.image);
  }

  /**
   * Replaces any candidate container by a new one of `stage.image` on the port stable does not
   * use, waits until it listens, and adds it to the backend at weight 0.
   */
  async deploy(stage: ProviderStage): Promise<Endpoints> {
    await this.preflight(stage);
    await this.settleStable();
    // A candidate left by an earlier attempt takes no traffic while it is replaced.
    await applyTrafficSplit(this.haproxy, this.target, 0);
    await this.haproxy.setServerState(this.target.backend, this.target.candidateServer, 'maint');
    await this.retire(this.candidateName);

    const stablePort = await this.stablePort();
    const port = this.config.ports.find((p) => p !== stablePort)!;
    if (await listening(this.config.host, port)) {
      throw new ConfigurationError(`port ${port} on ${this.config.host} is taken by a process that is not ${this.candidateName}`, {
        hint: `The docker provider's ports (${this.config.ports.join(', ')}) must be free for its containers: stop that process or choose other ports.`,
      });
    }
    await this.runContainer(stage, port);
    await this.waitUntilListening(port);

    await this.haproxy.setServerAddress(this.target.backend, this.target.candidateServer, this.config.host, port);
    await this.haproxy.setServerState(this.target.backend, this.target.candidateServer, 'ready');
    this.logger.info(`${this.candidateName} (${stage.image}) listens on ${this.url(port)}, in ${this.target.backend} at weight 0`);
    return { candidateUrl: this.url(port), stableUrl: stablePort === undefined ? undefined : this.url(stablePort), publicUrl: this.config.public_url };
  }

  async setWeight(_stage: ProviderStage, percent: number): Promise<void> {
    const weights = await applyTrafficSplit(this.haproxy, this.target, percent);
    this.logger.info(`${this.target.backend}: ${this.target.candidateServer} weight ${weights.candidate}, ${this.target.stableServer} weight ${weights.stable}`);
  }

  async status(_stage: ProviderStage): Promise<TrafficState> {
    const [stable, candidate] = await Promise.all([this.inspect(this.stableName), this.inspect(this.candidateName)]);
    const candidatePresent = candidate?.running === true;
    return {
      candidateWeight: candidatePresent ? await readTrafficSplit(this.haproxy, this.target) : 0,
      candidatePresent,
      stablePresent: stable?.running === true,
      stableImage: stable?.image,
      candidateImage: candidate?.image,
    };
  }

  /**
   * The candidate takes all traffic, then moves into the stable slot: HAProxy's stable server is
   * pointed at the candidate's port and given the traffic, the old stable container is retired,
   * and the candidate container is renamed `<name>-stable`.
   */
  async promote(stage: ProviderStage): Promise<void> {
    const candidate = await this.inspect(this.candidateName);
    if (!candidate) {
      const stable = await this.inspect(this.stableName);
      if (stable?.image !== stage.image) {
        throw new Error(`nothing to promote: there is no ${this.candidateName}, and ${this.stableName} runs ${stable?.image ?? 'nothing'}, not ${stage.image}`);
      }
      // Promoted already, perhaps interrupted before the candidate server went into maintenance.
      await this.settleStable();
      await this.retireCandidateServer();
      return;
    }
    if (candidate.port === undefined) throw new Error(`${this.candidateName} has no ${DEPLOY_LABELS.port} label: it was not started by this provider`);
    if (!candidate.running) throw new Error(`${this.candidateName} is not running: promoting it would send all traffic nowhere\n${await this.logs(this.candidateName)}`);
    await applyTrafficSplit(this.haproxy, this.target, 100);
    await this.haproxy.setServerAddress(this.target.backend, this.target.stableServer, this.config.host, candidate.port);
    await this.haproxy.setServerState(this.target.backend, this.target.stableServer, 'ready');
    // Both servers now lead to the candidate container; the stable one keeps the traffic.
    await applyTrafficSplit(this.haproxy, this.target, 0);
    await this.retire(this.stableName);
    await this.rename(this.candidateName, this.stableName);
    await this.retireCandidateServer();
    this.logger.info(`${this.stableName} now runs ${stage.image} on ${this.url(candidate.port)}`);
  }

  /** All traffic to stable, the candidate server into maintenance, the candidate container removed. */
  async rollback(_stage: ProviderStage): Promise<void> {
    await this.settleStable();
    await this.retireCandidateServer();
    await this.retire(this.candidateName);
  }

  private checkConfig(): void {
    const [a, b] = this.config.ports;
    if (a === b) throw new ConfigurationError(`the docker provider's two ports are both ${a}`, { hint: 'Give two different ports: stable and candidate take turns on them.' });
    if (!/^[0-9A-Fa-f.:]+$/.test(this.config.host) || this.config.host === '0.0.0.0' || this.config.host === '::') {
      throw new ConfigurationError(`host ${this.config.host}: the docker provider needs the IP address HAProxy reaches the containers at`, { hint: 'Give an IP address such as 127.0.0.1 (HAProxy is given addresses, not names).' });
    }
    for (const [key, value] of Object.entries(this.config.env)) {
      if (!ENV_NAME.test(key)) throw new ConfigurationError(`env: ${JSON.stringify(key)} is not an environment variable name`);
      if (RESERVED_ENV.has(key)) throw new ConfigurationError(`env: ${key} is set by the docker provider`, { hint: 'The containers get PORT from `ports` and HOST from `host`; remove it from env.' });
      if (/[\r\n\0]/.test(value)) throw new ConfigurationError(`env: the value of ${key} holds a line break`, { hint: 'Docker takes one line per variable.' });
    }
  }

  /** The image is on the host, or is pulled; a ConfigurationError naming it otherwise. */
  private async ensureImage(image: string): Promise<void> {
    if ((await this.docker.run(['image', 'inspect', '--format', '{{.Id}}', image])).code === 0) return;
    this.logger.info(`pulling ${image}`);
    const pull = await this.docker.run(['pull', image]);
    if (pull.code !== 0) {
      const said = `${pull.stdout}\n${pull.stderr}`.trim().split('\n').slice(-3).join(' ');
      throw new ConfigurationError(`the image ${image} is not on the Docker host and cannot be pulled`, { hint: `Check the image reference and the registry login. docker pull said: ${said}` });
    }
  }

  /**
   * Makes HAProxy's stable server lead to the stable container. It can lead elsewhere after a
   * promotion was interrupted: to the candidate's port while the old stable still runs (pointed
   * back), or to the candidate after the old stable was removed (the candidate becomes stable).
   */
  private async settleStable(): Promise<void> {
    const [stable, candidate, server] = await Promise.all([this.inspect(this.stableName), this.inspect(this.candidateName), this.haproxy.server(this.target.backend, this.target.stableServer)]);
    if (stable?.port !== undefined) {
      if (server.port !== stable.port || server.address !== this.config.host || server.state !== 'ready') {
        this.logger.info(`pointing ${this.target.backend}/${this.target.stableServer} back at ${this.stableName} on ${this.url(stable.port)}`);
        await this.haproxy.setServerAddress(this.target.backend, this.target.stableServer, this.config.host, stable.port);
        await this.haproxy.setServerState(this.target.backend, this.target.stableServer, 'ready');
      }
    } else if (!stable && candidate?.port !== undefined && server.state === 'ready' && server.port === candidate.port && server.address === this.config.host) {
      this.logger.warning(`an interrupted promotion had already removed the old stable: ${this.candidateName} (${candidate.image}) is completed as ${this.stableName}`);
      await applyTrafficSplit(this.haproxy, this.target, 0);
      await this.rename(this.candidateName, this.stableName);
    }
  }

  /** The port the stable version listens on: its container's, else the stable server's when it is one of ours. */
  private async stablePort(): Promise<number | undefined> {
    const stable = await this.inspect(this.stableName);
    if (stable?.port !== undefined) return stable.port;
    const server = await this.haproxy.server(this.target.backend, this.target.stableServer);
    if (server.state === 'ready' && server.address === this.config.host && server.port !== undefined && this.config.ports.includes(server.port)) return server.port;
    return undefined;
  }

  private async retireCandidateServer(): Promise<void> {
    await applyTrafficSplit(this.haproxy, this.target, 0);
    await this.haproxy.setServerState(this.target.backend, this.target.candidateServer, 'maint');
  }

  private async runContainer(stage: ProviderStage, port: number): Promise<void> {
    // Values go through a file only this user can read, never onto a command line that any
    // process list shows; the file is gone once the container is created.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mlops-deploy-env-'));
    try {
      const envFile = path.join(dir, 'env');
      await writeFile(envFile, Object.entries(this.config.env).map(([k, v]) => `${k}=${v}\n`).join(''), { mode: 0o600 });
      await chmod(envFile, 0o600);
      const labels = { [DEPLOY_LABELS.name]: this.config.name, [DEPLOY_LABELS.role]: 'candidate', [DEPLOY_LABELS.image]: stage.image, [DEPLOY_LABELS.port]: String(port), [DEPLOY_LABELS.stage]: stage.name };
      const args = ['run', '--detach', '--name', this.candidateName, '--network', 'host', '--restart', 'unless-stopped', '--env-file', envFile, '--env', `PORT=${port}`, '--env', `HOST=${this.config.host}`];
      for (const [k, v] of Object.entries(labels)) args.push('--label', `${k}=${v}`);
      args.push(...this.config.docker_args, stage.image);
      const r = await this.docker.run(args);
      if (r.code !== 0) throw new Error(`docker run ${stage.image} as ${this.candidateName} failed: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async waitUntilListening(port: number): Promise<void> {
    const deadline = Date.now() + this.startTimeoutMs;
    let checked = 0;
    while (!(await listening(this.config.host, port))) {
      if (Date.now() - checked > 1000) {
        checked = Date.now();
        const container = await this.inspect(this.candidateName);
        if (!container?.running || container.restarts > 0) throw new Error(`${this.candidateName} stopped before it listened on port ${port}:\n${await this.logs(this.candidateName)}`);
      }
      if (Date.now() > deadline) throw new Error(`${this.candidateName} did not listen on port ${port} within ${this.startTimeoutMs / 1000} s:\n${await this.logs(this.candidateName)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  private async logs(name: string): Promise<string> {
    const r = await this.docker.run(['logs', '--tail', '30', name]);
    return `${r.stdout}${r.stderr}`.trim();
  }

  /** Gives a container time to finish its requests, then removes it; nothing to do when it is gone. */
  private async retire(name: string): Promise<void> {
    if (!(await this.inspect(name))) return;
    await this.docker.run(['stop', '--time', String(this.stopTimeoutSeconds), name]);
    const r = await this.docker.run(['rm', '--force', name]);
    if (r.code !== 0 && !/No such container/i.test(r.stderr)) throw new Error(`docker rm ${name} failed: ${r.stderr.trim()}`);
  }

  private async rename(from: string, to: string): Promise<void> {
    const r = await this.docker.run(['rename', from, to]);
    if (r.code !== 0) throw new Error(`docker rename ${from} ${to} failed: ${r.stderr.trim()}`);
  }

  private async inspect(name: string): Promise<Container | undefined> {
    const r = await this.docker.run(['container', 'inspect', '--format', '{{json .}}', name]);
    if (r.code !== 0) {
      if (/No such (container|object)/i.test(r.stderr)) return undefined;
      throw new Error(`docker container inspect ${name} failed: ${r.stderr.trim()}`);
    }
    const info = JSON.parse(r.stdout) as { RestartCount?: number; State?: { Running?: boolean; Restarting?: boolean }; Config?: { Image?: string; Labels?: Record<string, string> | null } };
    const labels = info.Config?.Labels ?? {};
    const port = Number(labels[DEPLOY_LABELS.port]);
    return { name, running: info.State?.Running === true && info.State.Restarting !== true, restarts: info.RestartCount ?? 0, image: labels[DEPLOY_LABELS.image] ?? info.Config?.Image ?? '', port: Number.isInteger(port) && port > 0 ? port : undefined };
  }

  private url(port: number): string {
    return `http://${this.config.host.includes(':') ? `[${this.config.host}]` : this.config.host}:${port}`;
  }
}

/** Something accepts TCP connections on host:port. */
function listening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    socket.setTimeout(1000);
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(false));
  });
}
