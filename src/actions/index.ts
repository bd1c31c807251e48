import type { ActionDefinition } from '../platform/action.js';
import { validateDataAction } from './validate-data.js';

/** Every action, by name: the CLI's subcommands. */
export const actions: Record<string, ActionDefinition> = {
  'validate-data': validateDataAction as unknown as ActionDefinition,
};
