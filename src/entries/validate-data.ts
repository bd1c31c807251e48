import { validateDataAction } from '../actions/validate-data.js';
import { runOnRunner } from '../platform/runner.js';

await runOnRunner(validateDataAction);
