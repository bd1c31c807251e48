import type { ActionDefinition } from '../platform/action.js';
import { containerizeAction } from './containerize.js';
import { evaluateMetricsGateAction } from './evaluate-metrics-gate.js';
import { packageModelAction } from './package-model.js';
import { stagedDeployAction } from './staged-deploy.js';
import { trainCheckAction } from './train-check.js';
import { validateDataAction } from './validate-data.js';

/** Every action, by name: the CLI's subcommands. */
export const actions: Record<string, ActionDefinition> = {
  'validate-data': validateDataAction as unknown as ActionDefinition,
  'train-check': trainCheckAction as unknown as ActionDefinition,
  'evaluate-metrics-gate': evaluateMetricsGateAction as unknown as ActionDefinition,
  'package-model': packageModelAction as unknown as ActionDefinition,
  containerize: containerizeAction as unknown as ActionDefinition,
  'staged-deploy': stagedDeployAction as unknown as ActionDefinition,
};
