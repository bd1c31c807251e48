import { DockerCli } from '../../container/docker.js';
import type { Logger } from '../../platform/logger.js';
import type { ProviderConfig } from '../plan.js';
import type { DeployProvider, TrafficState } from '../provider.js';
import { CommandProvider } from './command.js';
import { DockerProvider } from './docker.js';
import { HaproxyProvider } from './haproxy.js';
import { KubernetesProvider } from './kubernetes.js';

export interface ProviderDependencies {
  /** The environment commands start from: the job's, without the action's inputs (DOCKER_HOST, KUBECONFIG...). */
  env: Record<string, string>;
  cwd: string;
  logger: Logger;
  signal?: AbortSignal;
  /** What the progress record says, for a provider that cannot read the target's state. */
  recorded?: TrafficState;
}

/** The provider a stage's config names. */
export function createProvider(config: ProviderConfig, deps: ProviderDependencies): DeployProvider {
  switch (config.kind) {
    case 'docker':
      return new DockerProvider(config, { docker: new DockerCli(deps.env), logger: deps.logger });
    case 'haproxy':
      return new HaproxyProvider(config, { logger: deps.logger });
    case 'kubernetes':
      return new KubernetesProvider(config, { env: deps.env, logger: deps.logger, signal: deps.signal });
    case 'command':
      return new CommandProvider(config, { env: deps.env, cwd: deps.cwd, log: (line) => deps.logger.info(line), recorded: deps.recorded, signal: deps.signal });
  }
}
