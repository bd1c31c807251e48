import path from 'node:path';
import { stat } from 'node:fs/promises';
import { z } from 'zod';
import type { ActionContext, ActionDefinition, ActionOutcome } from '../platform/action.js';
import { ConfigurationError } from '../platform/errors.js';
import { writeFileAtomic } from '../platform/files.js';
import { choiceInput, numberInput, splitLines, splitList } from '../platform/inputs.js';
import { reportingInputs } from '../platform/reporting.js';
import { parseEnvLines, parseMetricExpectations, splitCommandLine, StdoutMetricMatcher } from '../training/parse.js';
import { runTrainCheck, type ProducedFile } from '../training/train-check.js';

const optionalNumber = (name: string, what: string, integer = false) =>
  numberInput(name, { min: Number.MIN_VALUE, max: Number.MAX_SAFE_INTEGER, integer, what }).optional();

export const trainCheckInputs = z.object({
  command: z.string().describe('The training command, e.g. `python train.py --epochs 5`. Run without a shell (quotes work, pipes and $VARS do not) unless shell is set.'),
  shell: choiceInput('shell', ['none', 'bash', 'sh'] as const).prefault('none').describe('none: run the command directly; bash or sh: run it as a script of that shell (bash with -eo pipefail).'),
  'working-directory': z.string().prefault('.').describe('Folder to run the command in, relative to the workspace; the paths below are relative to it.'),
  env: z.string().optional().describe('Extra environment variables, one KEY=VALUE per line.'),
  'timeout-minutes': optionalNumber('timeout-minutes', 'a positive number of minutes').describe('Stop the command and its child processes after this long (each run).'),
  smoke: choiceInput('smoke', ['auto', 'true', 'false'] as const)
    .prefault('auto')
    .describe('Smoke mode (MLOPS_SMOKE=1, a sample of the data, few steps): auto turns it on for pull-request events.'),
  'sample-fraction': numberInput('sample-fraction', { min: Number.MIN_VALUE, max: 1, integer: false, what: 'a fraction above 0 and at most 1' })
    .prefault('0.1')
    .describe('MLOPS_SAMPLE_FRACTION in smoke mode (1 in a full run).'),
  'max-steps': numberInput('max-steps', { min: 1, max: Number.MAX_SAFE_INTEGER, integer: true, what: 'a positive whole number' })
    .prefault('100')
    .describe('MLOPS_MAX_STEPS in smoke mode (not set in a full run).'),
  seed: numberInput('seed', { min: 0, max: 2 ** 32 - 1, integer: true, what: 'a whole number from 0 to 4294967295' }).prefault('0').describe('MLOPS_SEED of the run.'),
  seeds: z.string().optional().describe('Several seeds, e.g. `1,2,3`: one run each, and the mean ± std of every metric (the variance file). The first is the main run.'),
  repeat: numberInput('repeat', { min: 1, max: 10, integer: true, what: 'a whole number from 1 to 10' })
    .prefault('1')
    .describe('Runs with the same seed: 2 or more checks that metrics and output files come out the same.'),
  'repeat-tolerance': numberInput('repeat-tolerance', { min: 0, max: 1, integer: false, what: 'a number from 0 to 1' })
    .prefault('1e-9')
    .describe('Relative difference allowed between the metrics of repeated runs.'),
  'output-dir': z.string().prefault('train-output').describe('MLOPS_OUTPUT_DIR: where the command writes its model, metrics.json and steps.jsonl.'),
  'metrics-file': z.string().optional().describe('Metrics the command writes (JSON or YAML, nested keys joined with dots; DVC-style). Default: metrics.json in output-dir, when written.'),
  'step-log': z.string().optional().describe('Per-step log, one JSON object per line such as {"step": 10, "loss": 0.41}. Default: steps.jsonl in output-dir, when written.'),
  'loss-regex': z.string().optional().describe('Or read per-step values from stdout with a regex of named groups, e.g. `step (?<step>\\d+) loss=(?<loss>\\S+)`.'),
  'loss-metric': z.string().prefault('loss').describe('The logged series that must fall.'),
  'min-loss-decrease': numberInput('min-loss-decrease', { min: 0, max: 1, integer: false, what: 'a fraction from 0 to 1' })
    .prefault('0.01')
    .describe('The loss must fall by at least this fraction from the start to the end of the run.'),
  'loss-window': numberInput('loss-window', { min: 1, max: Number.MAX_SAFE_INTEGER, integer: true, what: 'a positive whole number' })
    .prefault('5')
    .describe('Steps averaged at each end of the loss curve (at most half of the steps).'),
  'max-duration-minutes': optionalNumber('max-duration-minutes', 'a positive number of minutes').describe('Budget: wall time of a run.'),
  'max-memory-mb': optionalNumber('max-memory-mb', 'a positive number of MiB').describe('Budget: peak memory of the process tree; the command is stopped when it goes over.'),
  outputs: z.string().optional().describe('Files or folders (or globs) the command must write, one per line; each must exist and not be empty.'),
  'expect-metrics': z.string().optional().describe('Metrics that must be reported, one per line, with optional bounds: `accuracy >= 0.8`, `loss < 0.5`, `f1`.'),
  'variance-path': z.string().prefault('mlops-reports/train-variance.json').describe('Where to write the variance across seeds (with seeds), relative to the workspace.'),
  'cache-paths': z.string().optional().describe('Paths to restore from the Actions cache before the run and save after a passing one (datasets, pip or model caches), one per line.'),
  'cache-key': z.string().optional().describe('The cache key, e.g. `data-v1-<hash of the data files>`.'),
  'cache-restore-keys': z.string().optional().describe('Prefixes to fall back on when the key has no entry, one per line.'),
  ...reportingInputs('train-check'),
});
export type TrainCheckInputs = z.output<typeof trainCheckInputs>;

export const trainCheckAction: ActionDefinition<typeof trainCheckInputs> = {
  name: 'train-check',
  inputs: trainCheckInputs,
  cancellable: true,
  async run(inputs: TrainCheckInputs, context: ActionContext): Promise<ActionOutcome> {
    const { workspace, logger } = context;
    const startedAt = new Date();
    const cwd = workspace.resolve(inputs['working-directory']);
    const cwdInfo = await stat(cwd).catch(() => undefined);
    if (!cwdInfo?.isDirectory()) {
      throw new ConfigurationError(`input working-directory: ${inputs['working-directory']} is not a folder in the workspace`, { hint: 'Give a path relative to the repository root, e.g. `training`.' });
    }
    const argv = commandArgv(inputs.command, inputs.shell);
    const env = { ...(context.commandEnv ?? {}), ...(inputs.env ? parseEnvLines(inputs.env, 'env') : {}) };
    if (inputs['loss-regex']) new StdoutMetricMatcher(inputs['loss-regex'], 'loss-regex'); // compiles, or a clear error before anything runs
    const expectations = inputs['expect-metrics'] ? parseMetricExpectations(inputs['expect-metrics'], 'expect-metrics') : [];
    const seeds = inputs.seeds ? parseSeeds(inputs.seeds) : [inputs.seed];
    const smoke = inputs.smoke === 'auto' ? isPullRequestEvent(context.run.eventName) : inputs.smoke === 'true';

    const inCwd = (p: string) => path.resolve(cwd, p);
    const outputDirPath = inCwd(inputs['output-dir']);
    const produced = (given: string | undefined, fallback: string): ProducedFile => {
      const absolute = given ? inCwd(given) : path.join(outputDirPath, fallback);
      return { path: absolute, display: workspace.display(absolute), explicit: given !== undefined };
    };

    const cachePaths = inputs['cache-paths'] ? splitLines(inputs['cache-paths']) : [];
    const cacheKey = inputs['cache-key']?.trim();
    if ((cachePaths.length > 0) !== Boolean(cacheKey)) {
      throw new ConfigurationError(cacheKey ? 'input cache-key is set but cache-paths is empty' : 'input cache-paths is set but cache-key is empty', {
        hint: 'Set both: cache-paths (what to keep) and cache-key (when it is still valid), e.g. cache-key: data-${{ hashFiles(\'data/**\') }}.',
      });
    }
    if (cacheKey && (cacheKey.includes(',') || cacheKey.length > 512)) {
      throw new ConfigurationError('input cache-key: a cache key may not contain commas or be longer than 512 characters', { hint: 'Use dashes to join its parts.' });
    }
    let cacheHit: string | undefined;
    if (cacheKey && context.cache) {
      cacheHit = await context.cache.restore(cachePaths, cacheKey, inputs['cache-restore-keys'] ? splitLines(inputs['cache-restore-keys']) : []);
      logger.info(cacheHit ? `Restored the cache ${cacheHit}.` : `No cache entry for ${cacheKey}.`);
    } else if (cacheKey) {
      logger.info('No Actions cache here (it needs a workflow run): cache-paths are left as they are.');
    }

    const { report, details, variance } = await runTrainCheck({
      argv,
      commandText: inputs.command,
      cwd,
      env,
      smoke: { smoke, sampleFraction: inputs['sample-fraction'], maxSteps: inputs['max-steps'] },
      seeds,
      repeat: inputs.repeat,
      repeatTolerance: inputs['repeat-tolerance'],
      outputDir: { path: outputDirPath, display: workspace.display(outputDirPath), explicit: true },
      metricsFile: produced(inputs['metrics-file'], 'metrics.json'),
      stepLog: produced(inputs['step-log'], 'steps.jsonl'),
      lossRegex: inputs['loss-regex'],
      lossMetric: inputs['loss-metric'],
      minLossDecrease: inputs['min-loss-decrease'],
      lossWindow: inputs['loss-window'],
      timeoutMs: inputs['timeout-minutes'] === undefined ? undefined : inputs['timeout-minutes'] * 60_000,
      maxDurationMs: inputs['max-duration-minutes'] === undefined ? undefined : inputs['max-duration-minutes'] * 60_000,
      maxMemoryBytes: inputs['max-memory-mb'] === undefined ? undefined : inputs['max-memory-mb'] * 1024 * 1024,
      outputs: inputs.outputs ? splitLines(inputs.outputs) : [],
      expandOutput: async (pattern) => {
        const relativeToWorkspace = path.relative(workspace.root, inCwd(pattern)) || '.';
        try {
          return (await workspace.expand(relativeToWorkspace, 'outputs')).map((f) => f.path);
        } catch (error) {
          // A folder is a fine output; expand() lists files only.
          const info = await stat(inCwd(pattern)).catch(() => undefined);
          if (info?.isDirectory()) return [inCwd(pattern)];
          if (error instanceof ConfigurationError) return [];
          throw error;
        }
      },
      display: (absolute) => workspace.display(absolute),
      expectations,
      expectationsInput: 'expect-metrics',
      logger,
      signal: context.signal,
      startedAt,
    });

    const outputs: Record<string, string> = {
      metrics: JSON.stringify(details.metrics),
      'duration-seconds': String(Number(details.durationSeconds.toFixed(3))),
      'peak-memory-mb': String(Number(details.peakMemoryMb.toFixed(1))),
      'cpu-seconds': String(Number(details.cpuSeconds.toFixed(3))),
      smoke: String(smoke),
      'cache-hit': String(cacheHit !== undefined && cacheHit === cacheKey),
    };
    const metricsFile = produced(inputs['metrics-file'], 'metrics.json');
    if (await stat(metricsFile.path).then((s) => s.isFile(), () => false)) outputs['metrics-path'] = metricsFile.display;
    if (variance) {
      const variancePath = workspace.resolve(inputs['variance-path']);
      await writeFileAtomic(variancePath, `${JSON.stringify(variance, null, 2)}\n`);
      outputs['variance-path'] = workspace.display(variancePath);
      logger.info(`Wrote the variance across seeds to ${outputs['variance-path']}.`);
    }
    if (cacheKey && context.cache && report.verdict === 'pass' && cacheHit !== cacheKey) {
      const saved = await context.cache.save(cachePaths, cacheKey);
      logger.info(saved ? `Saved ${cachePaths.join(', ')} to the cache as ${cacheKey}.` : `The cache ${cacheKey} was not saved (another job may be saving it).`);
    }
    return { report, outputs };
  },
};

/** argv of the command: split like a shell would, without one; or the shell given. */
export function commandArgv(command: string, shell: 'none' | 'bash' | 'sh'): string[] {
  if (command.trim() === '') throw new ConfigurationError('input command is empty', { hint: 'Give the training command, e.g. `python train.py`.' });
  if (shell === 'bash') return ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '-c', command];
  if (shell === 'sh') return ['sh', '-e', '-c', command];
  return splitCommandLine(command);
}

function parseSeeds(text: string): number[] {
  const seeds = splitList(text).map((s) => {
    const n = Number(s);
    if (!Number.isInteger(n) || n < 0 || n > 2 ** 32 - 1) {
      throw new ConfigurationError(`input seeds: ${JSON.stringify(s)} is not a whole number from 0 to 4294967295`, { hint: 'List seeds with commas, e.g. `1,2,3`.' });
    }
    return n;
  });
  if (new Set(seeds).size !== seeds.length) throw new ConfigurationError('input seeds: a seed is listed twice', { hint: 'List each seed once; use repeat to run one seed again.' });
  if (seeds.length === 0) throw new ConfigurationError('input seeds is empty', { hint: 'List seeds with commas, e.g. `1,2,3`.' });
  return seeds;
}

function isPullRequestEvent(eventName: string | undefined): boolean {
  return eventName === 'pull_request' || eventName === 'pull_request_target' || eventName === 'merge_group';
}
