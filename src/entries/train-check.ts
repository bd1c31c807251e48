import { trainCheckAction } from '../actions/train-check.js';
import { runOnRunner } from '../platform/runner.js';

await runOnRunner(trainCheckAction);
