import { containerizeAction } from '../actions/containerize.js';
import { runOnRunner } from '../platform/runner.js';

await runOnRunner(containerizeAction);
