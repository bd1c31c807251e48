import type { ActionDefinition } from '../platform/action.js';

/**
 * Every action, by name: the CLI's subcommands. Each one's code is loaded only when it is asked
 * for, so a subcommand starts without evaluating the other five actions and their clients.
 */
const loaders = {
  'validate-data': async () => (await import('./validate-data.js')).validateDataAction,
  'train-check': async () => (await import('./train-check.js')).trainCheckAction,
  'evaluate-metrics-gate': async () => (await import('./evaluate-metrics-gate.js')).evaluateMetricsGateAction,
  'package-model': async () => (await import('./package-model.js')).packageModelAction,
  containerize: async () => (await import('./containerize.js')).containerizeAction,
  'staged-deploy': async () => (await import('./staged-deploy.js')).stagedDeployAction,
} satisfies Record<string, () => Promise<unknown>>;

export const actionNames = Object.keys(loaders) as ReadonlyArray<keyof typeof loaders>;

/** The action of this name, or undefined when there is none. */
export async function loadAction(name: string): Promise<ActionDefinition | undefined> {
  if (!Object.hasOwn(loaders, name)) return undefined;
  return (await loaders[name as keyof typeof loaders]()) as unknown as ActionDefinition;
}
