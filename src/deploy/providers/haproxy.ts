import { ConfigurationError } from '../../platform/errors.js';
import { silentLogger, type Logger } from '../../platform/logger.js';
import { applyTrafficSplit, HaproxyRuntimeClient, readTrafficSplit, type TrafficTarget } from '../haproxy.js';
import type { HaproxyProviderConfig } from '../plan.js';
import type { DeployProvider, Endpoints, ProviderStage, TrafficState } from '../provider.js';

/**
 * The `haproxy` provider: two servers that already run (VMs, or anything HAProxy reaches), one
 * backend, and the traffic shifted between them through HAProxy's runtime API. Nothing is started
 * or stopped; the candidate server must already run the version being rolled out.
 *
 * Promotion leaves the candidate server at 100 % and the stable one at 0 %: the names in the plan
 * no longer say which server runs the newest version. The next rollout must swap stable_server and
 * candidate_server in the plan (or use the docker provider, which moves the stable slot itself);
 * `deploy` refuses to start while the candidate carries everything, instead of silently sending all
 * traffic back to the old version.
 */
export class HaproxyProvider implements DeployProvider {
  readonly kind = 'haproxy' as const;
  private readonly client: HaproxyRuntimeClient;
  private readonly target: TrafficTarget;
  private readonly logger: Logger;

  constructor(
    private readonly config: HaproxyProviderConfig,
    options: { client?: HaproxyRuntimeClient; logger?: Logger } = {},
  ) {
    this.client = options.client ?? new HaproxyRuntimeClient(config.runtime_api);
    this.target = { backend: config.backend, stableServer: config.stable_server, candidateServer: config.candidate_server };
    this.logger = options.logger ?? silentLogger;
  }

  /** The runtime API answers at level admin, and the backend has both servers. */
  async preflight(_stage: ProviderStage): Promise<void> {
    const { version } = await this.client.check();
    await this.client.server(this.target.backend, this.target.stableServer);
    const candidate = await this.client.server(this.target.backend, this.target.candidateServer);
    if (candidate.address === undefined || candidate.port === undefined) {
      throw new ConfigurationError(`server ${this.target.backend}/${this.target.candidateServer} has no address`, {
        hint: 'The haproxy provider moves traffic between servers that already run: give the candidate server its address in the HAProxy configuration.',
      });
    }
    this.logger.debug(`HAProxy ${version} at ${this.client.where}: backend ${this.target.backend} has ${this.target.stableServer} and ${this.target.candidateServer}`);
  }

  /** Nothing to start: the candidate server is made ready at weight 0, stable gets everything. */
  async deploy(_stage: ProviderStage): Promise<Endpoints> {
    const servers = await this.client.showServers(this.target.backend);
    const stable = servers.find((s) => s.name === this.target.stableServer);
    const candidate = servers.find((s) => s.name === this.target.candidateServer);
    if (stable && candidate && candidate.state === 'ready' && candidate.weight > 0 && stable.weight === 0) {
      throw new ConfigurationError(`server ${this.target.backend}/${this.target.candidateServer} carries all the traffic (the last rollout promoted it), so deploying would send everything back to ${this.target.stableServer}`, {
        hint: 'Swap stable_server and candidate_server in the rollout plan, so that stable names the server that serves now.',
      });
    }
    await applyTrafficSplit(this.client, this.target, 0);
    await this.client.setServerState(this.target.backend, this.target.candidateServer, 'ready');
    return { candidateUrl: this.config.candidate_url, stableUrl: this.config.stable_url, publicUrl: this.config.public_url };
  }

  async setWeight(_stage: ProviderStage, percent: number): Promise<void> {
    const weights = await applyTrafficSplit(this.client, this.target, percent);
    this.logger.info(`${this.target.backend}: ${this.target.candidateServer} weight ${weights.candidate}, ${this.target.stableServer} weight ${weights.stable}`);
  }

  async status(_stage: ProviderStage): Promise<TrafficState> {
    const candidate = await this.client.server(this.target.backend, this.target.candidateServer);
    return {
      candidateWeight: await readTrafficSplit(this.client, this.target),
      // The server always exists; it counts as deployed while it can take requests.
      candidatePresent: candidate.state !== 'maint' && candidate.address !== undefined,
    };
  }

  /** Everything to the candidate server; the old stable server stays at weight 0 (see above). */
  async promote(_stage: ProviderStage): Promise<void> {
    await applyTrafficSplit(this.client, this.target, 100);
  }

  /**
   * Everything back to the stable server. The candidate server keeps running (nothing here stops
   * it) but goes into maintenance, so that `status` no longer counts it as deployed.
   */
  async rollback(_stage: ProviderStage): Promise<void> {
    await applyTrafficSplit(this.client, this.target, 0);
    await this.client.setServerState(this.target.backend, this.target.candidateServer, 'maint');
  }
}
