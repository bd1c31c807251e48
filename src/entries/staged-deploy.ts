import { stagedDeployAction } from '../actions/staged-deploy.js';
import { runOnRunner } from '../platform/runner.js';

await runOnRunner(stagedDeployAction);
