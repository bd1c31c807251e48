import { packageModelAction } from '../actions/package-model.js';
import { runOnRunner } from '../platform/runner.js';

await runOnRunner(packageModelAction);
