import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { packageExamples } from '../container/smoke.js';
import { rolloutPlanSchema, resolveStage, formatDuration, type ResolvedStage, type RolloutPlan } from '../deploy/plan.js';
import { ProgressStore } from '../deploy/progress.js';
import { createProvider } from '../deploy/providers/index.js';
import { runStage, type RolloutResult } from '../deploy/rollout.js';
import { openVerifiedPackage } from '../packaging/package.js';
import type { ActionContext, ActionDefinition, ActionOutcome } from '../platform/action.js';
import { loadConfigFile, parseConfigText } from '../platform/config-file.js';
import { DeploymentRecorder } from '../platform/deployments.js';
import { ConfigurationError } from '../platform/errors.js';
import { createOctokit } from '../platform/github.js';
import { booleanInput, choiceInput, splitList } from '../platform/inputs.js';
import { buildReport, FindingCollector, type Chart, type Table } from '../platform/report.js';
import { reportingInputs } from '../platform/reporting.js';

export const stagedDeployInputs = z.object({
  image: z.string().min(1).describe('The candidate: an image reference (containerize’s image and digest as <image>@<digest>), or any version string for the command and haproxy providers.'),
  plan: z.string().min(1).describe('The rollout plan: a YAML file in the repository, or the plan itself as YAML text.'),
  stages: z.string().prefault('').describe('Stages to run, comma separated, in the plan’s order (default: all). One job per GitHub environment runs one stage.'),
  package: z.string().optional().describe('The model package (package-model’s folder or .tar.gz): its input example feeds the /predict probes, its name and version the records.'),
  resume: choiceInput('resume', ['rollback', 'continue'] as const).prefault('rollback').describe('A rollout of the same image left unfinished by a killed job: roll it back and start again, or continue at its step.'),
  'state-dir': z.string().prefault('.mlops/deploy').describe('Where the progress record and the deploy history are kept, relative to the workspace.'),
  deployments: booleanInput('deployments').prefault('true').describe('Record each stage as a GitHub deployment with statuses (needs `deployments: write`).'),
  ...reportingInputs('staged-deploy', 'verdict'),
});
export type StagedDeployInputs = z.output<typeof stagedDeployInputs>;

export const stagedDeployAction: ActionDefinition<typeof stagedDeployInputs> = {
  name: 'staged-deploy',
  inputs: stagedDeployInputs,
  cancellable: true,
  async run(inputs: StagedDeployInputs, context: ActionContext): Promise<ActionOutcome> {
    const startedAt = new Date();
    const { workspace, logger, run } = context;
    const plan = await loadPlan(inputs.plan, context);
    const selected = selectStages(plan, inputs.stages);
    const scratch = await mkdtemp(path.join(context.scratch ?? os.tmpdir(), 'staged-deploy-'));
    try {
      const example = inputs.package ? await readPackage(inputs.package, context, scratch) : { rows: [] as unknown[], expected: undefined, model: undefined };
      const progress = new ProgressStore(workspace.resolve(inputs['state-dir']));
      const recorder =
        inputs.deployments && inputs['github-token'] && run.repository && run.onRunner ? new DeploymentRecorder(await createOctokit(inputs['github-token'], run, logger), run, logger) : undefined;

      const results: RolloutResult[] = [];
      let deploymentId: number | undefined;
      for (const stage of selected) {
        logger.startGroup(`staged-deploy: ${stage.name} (${stage.provider.kind}${stage.canary ? `, canary ${stage.steps.join(' → ')} % every ${formatDuration(stage.intervalMs)}` : ''})`);
        try {
          const provider = createProvider(stage.provider, {
            env: context.commandEnv ?? {},
            cwd: workspace.root,
            logger,
            signal: context.signal,
            recorded: await recordedState(progress, stage.name),
          });
          // Checked before a deployment is recorded, so that a bad target leaves no trace on GitHub.
          await provider.preflight({ name: stage.name, image: inputs.image });
          deploymentId = recorder ? await recorder.create(stage.name, { image: inputs.image, model: example.model }, `${inputs.image} to ${stage.name}`) : undefined;
          const result = await runStage({
            stage,
            image: inputs.image,
            provider,
            progress,
            resume: inputs.resume,
            rows: example.rows,
            expected: example.expected,
            log: (line) => logger.info(line),
            signal: context.signal,
            model: example.model,
            deploymentId,
            onState: async (state, description, endpoints) => {
              if (recorder && deploymentId !== undefined) {
                await recorder.status(deploymentId, state === 'paused' ? 'pending' : state, description, stage.url ?? endpoints?.publicUrl);
              }
            },
          });
          results.push(result);
          if (result.outcome !== 'promoted') break;
        } finally {
          logger.endGroup();
        }
      }
      return outcome(results, selected, startedAt, deploymentId, example.rows.length === 0 && inputs.package === undefined);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  },
};

async function loadPlan(input: string, context: ActionContext): Promise<RolloutPlan> {
  if (input.includes('\n')) return parseConfigText(input, 'input plan', rolloutPlanSchema, 'rollout plan').value;
  const file = context.workspace.resolve(input);
  return (await loadConfigFile(file, context.workspace.display(file), rolloutPlanSchema, 'rollout plan')).value;
}

function selectStages(plan: RolloutPlan, names: string): ResolvedStage[] {
  const wanted = splitList(names);
  const known = plan.stages.map((s) => s.name);
  for (const name of wanted) {
    if (!known.includes(name)) throw new ConfigurationError(`input stages: the plan has no stage ${name}`, { hint: `Its stages are: ${known.join(', ')}.` });
  }
  return plan.stages.filter((s) => wanted.length === 0 || wanted.includes(s.name)).map((s) => resolveStage(plan, s));
}

async function recordedState(progress: ProgressStore, stage: string) {
  const record = await progress.read(stage);
  if (!record || record.status === 'promoted' || record.status === 'rolled-back') return undefined;
  return { candidateWeight: record.weight, candidatePresent: true, candidateImage: record.image, stableImage: record.stableImage };
}

async function readPackage(input: string, context: ActionContext, scratch: string) {
  const packagePath = context.workspace.resolve(input);
  const { dir, manifest, archiveSha256 } = await openVerifiedPackage(packagePath, context.workspace.display(packagePath), scratch, 'Deploy what package-model wrote, unchanged');
  const { rows, expected } = await packageExamples(dir, manifest);
  return { rows, expected, model: { name: manifest.name, version: manifest.version, ...(archiveSha256 ? { digest: `sha256:${archiveSha256}` } : {}) } };
}

function outcome(results: RolloutResult[], selected: ResolvedStage[], startedAt: Date, deploymentId: number | undefined, noExample: boolean): ActionOutcome {
  const findings = new FindingCollector();
  const last = results.at(-1);
  if (noExample) {
    findings.add({ severity: 'notice', rule: 'no-package', message: 'No package was given: the /predict probes were skipped. Give the model package to check the candidate answers its input example.' });
  }
  for (const r of results) {
    for (const t of r.timeline) {
      if (t.event === 'recover') findings.add({ severity: 'notice', rule: 'recovered', subject: r.stage, message: t.detail });
    }
    if (r.outcome === 'rolled-back') {
      findings.add({ severity: 'error', rule: 'rolled-back', subject: r.stage, message: `${r.stage}: rolled back, ${r.reason}.` });
    } else if (r.outcome === 'paused') {
      findings.add({ severity: 'warning', rule: 'paused', subject: r.stage, message: `${r.stage}: ${r.reason}.` });
    }
  }
  const verdicts = results.map((r) => r.verdict);
  const verdict = verdicts.includes('error') ? 'error' : verdicts.includes('fail') ? 'fail' : verdicts.includes('inconclusive') ? 'inconclusive' : 'pass';
  const notRun = selected.slice(results.length).map((s) => s.name);
  const headline = last
    ? last.outcome === 'promoted'
      ? `${last.image} promoted to ${results.map((r) => r.stage).join(' and ')}.`
      : `${last.image} ${last.outcome === 'paused' ? 'paused' : 'rolled back'} in ${last.stage}${notRun.length > 0 ? `; ${notRun.join(', ')} not started` : ''}: ${last.reason}.`
    : 'Nothing was deployed.';

  const tables: Table[] = [
    {
      title: 'Rollout',
      columns: ['stage', 'outcome', 'final weight', 'steps', 'duration', 'environment'],
      rows: results.map((r) => [r.stage, r.outcome, `${r.finalWeight} %`, r.steps.map((s) => `${s.weight} % ${s.verdict}`).join(', ') || '—', `${(r.durationMs / 1000).toFixed(1)} s`, r.endpoints?.publicUrl ?? '—']),
    },
  ];
  for (const r of results) {
    if (r.steps.length > 0) {
      tables.push({
        title: `Analysis: ${r.stage}`,
        columns: ['step', 'weight', 'verdict', 'measurements (failed)', 'candidate requests', '5xx', 'p99 candidate', 'p99 stable', 'checks'],
        rows: r.steps.map((s) => [
          s.index + 1,
          `${s.weight} %`,
          s.verdict,
          `${s.measurements} (${s.failedMeasurements})`,
          s.candidateRequests,
          s.candidateErrors,
          s.candidateP99Ms === undefined ? '—' : `${s.candidateP99Ms.toFixed(1)} ms`,
          s.stableP99Ms === undefined ? '—' : `${s.stableP99Ms.toFixed(1)} ms`,
          s.checks.map((c) => `${c.name}: ${c.status}`).join(', '),
        ]),
      });
    }
    tables.push({
      title: `Timeline: ${r.stage}`,
      columns: ['time', 'weight', 'event', 'verdict', 'detail'],
      rows: r.timeline.filter((t) => t.event !== 'measure' || t.verdict !== 'pass').slice(0, 200).map((t) => [`${(t.atMs / 1000).toFixed(1)} s`, `${t.weight} %`, t.event, t.verdict ?? '', t.detail]),
      note: 'Passing measurements are left out; the JSON report has every one.',
    });
  }
  const charts: Chart[] = results.filter((r) => r.steps.length > 0).map(weightChart);

  return {
    report: buildReport({
      action: 'staged-deploy',
      title: 'Staged deploy',
      verdict,
      headline,
      startedAt,
      findings,
      tables,
      charts,
      details: { results: results.map(({ error: _error, ...r }) => r), notStarted: notRun },
    }),
    outputs: {
      outcome: last?.outcome ?? 'rolled-back',
      'final-weight': String(last?.finalWeight ?? 0),
      'environment-url': last?.endpoints?.publicUrl ?? selected.find((s) => s.name === last?.stage)?.url ?? '',
      'deployment-id': deploymentId === undefined ? '' : String(deploymentId),
    },
  };
}

/** The candidate's weight over time, as a Mermaid line chart. */
function weightChart(r: RolloutResult): Chart {
  // The weight changes only: each one where it happened.
  const points = r.timeline.filter((t) => t.event === 'weight' || t.event === 'rollback' || t.event === 'pause' || t.event === 'promote' || t.event === 'deploy');
  const x = points.map((t) => `"${(t.atMs / 1000).toFixed(1)} s"`).join(', ');
  const y = points.map((t) => t.weight).join(', ');
  return {
    title: `Candidate weight: ${r.stage}`,
    mermaid: `xychart-beta\n  title "${r.stage}: percent of traffic on the candidate"\n  x-axis [${x}]\n  y-axis "weight %" 0 --> 100\n  line [${y}]`,
  };
}
