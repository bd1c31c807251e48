import path from 'node:path';
import type { z } from 'zod';
import { WorkspacePaths, type ActionContext, type ActionDefinition, type ActionOutcome } from './action.js';
import { artifactSafeName, downloadArtifactByName, downloadArtifactsByPrefix, uploadFilesAsArtifact, uploadPathsAsArtifact, type ArtifactStore } from './artifacts.js';
import { attestProvenance } from './attest.js';
import { actionsCacheStore } from './cache.js';
import { commandEnvironment, currentBranch, readRunEnvironment, type RunEnvironment } from './environment.js';
import { ConfigurationError, describeUnknownError } from './errors.js';
import { writeFileAtomic } from './files.js';
import { commentMarker, createOctokit, describeApiError, isPermissionDenied, upsertStickyComment, type Octokit } from './github.js';
import { restoreReportFromHistory, saveReportToHistory, type HistoryScope } from './history.js';
import { parseInputs, type RawInputs } from './inputs.js';
import type { Logger } from './logger.js';
import { planAnnotations } from './render/annotations.js';
import { byteLength, charLength, COMMENT_BUDGET_CHARS, escapeText, renderReportMarkdown, SUMMARY_BUDGET_BYTES } from './render/markdown.js';
import { shouldFailStep, type Report } from './report.js';
import { WorkflowCommands, type AnnotationProperties } from './workflow-commands.js';
import { reportingOptions, type ReportingOptions } from './reporting.js';

/**
 * The entry every bundle calls: read inputs the runner's way, run the action, publish the report
 * (summary, annotations, outputs, sticky comment, check run, artifact) and decide the exit code.
 * Whatever is thrown, Error or not, ends as a failed step with a message; a user's mistake never
 * shows a stack.
 */
export async function runOnRunner<S extends z.ZodObject>(definition: ActionDefinition<S>, options: { workerEntry?: string } = {}): Promise<void> {
  const run = readRunEnvironment();
  const commands = new WorkflowCommands();
  const logger = runnerLogger(commands);
  try {
    const raw: RawInputs = {};
    for (const name of Object.keys(definition.inputs.shape)) raw[name] = commands.getInput(name);
    const inputs = parseInputs(definition.inputs, raw, definition.name);
    const reporting = reportingOptions(inputs as Parameters<typeof reportingOptions>[0]);
    if (reporting.githubToken) commands.setSecret(reporting.githubToken);
    const scope: HistoryScope = { action: definition.name, job: run.job ?? 'job', workspace: run.workspace };
    const staging = run.runnerTemp ?? path.join(run.workspace, '.mlops-actions');
    const artifacts: ArtifactStore = {
      upload: (name, files) => uploadFilesAsArtifact(artifactSafeName(name), files, staging),
      uploadPaths: (name, files, root, retentionDays) => uploadPathsAsArtifact(artifactSafeName(name), files, root, retentionDays),
      downloadByPrefix: (prefix) => downloadArtifactsByPrefix(prefix, path.join(staging, `download-${Date.now()}`)),
      downloadByName: (name) => downloadArtifactByName(name, path.join(staging, `download-${Date.now()}`)),
    };
    const context: ActionContext = {
      run,
      logger,
      artifacts,
      cache: actionsCacheStore(logger),
      commandEnv: commandEnvironment(),
      signal: definition.cancellable ? cancelSignal(commands) : undefined,
      scratch: staging,
      secret: (value) => commands.setSecret(value),
      attest: (subject) => attestProvenance(subject, run, reporting.githubToken),
      workerEntry: options.workerEntry,
      workspace: new WorkspacePaths(run.workspace),
      restoreHistory: async (branch) => {
        try {
          return await restoreReportFromHistory(scope, branch);
        } catch (error) {
          logger.warning(`Could not restore the previous report of ${branch} from the cache: ${describeApiError(error)}`);
          return undefined;
        }
      },
    };
    const pr = run.pullRequest;
    if (pr && run.baseRef && run.repository && reporting.githubToken) {
      const token = reporting.githubToken;
      const { owner, repo } = run.repository;
      context.readFileAtBase = async (relativePath) => {
        try {
          const octokit = await createOctokit(token, run, logger);
          const { data } = await octokit.rest.repos.getContent({ owner, repo, path: relativePath, ref: run.baseRef });
          if (Array.isArray(data) || data.type !== 'file' || typeof (data as { content?: unknown }).content !== 'string') return undefined;
          return Buffer.from((data as { content: string }).content, 'base64').toString('utf8');
        } catch (error) {
          if ((error as { status?: unknown }).status !== 404) logger.warning(`Could not read ${relativePath} on ${run.baseRef}: ${describeApiError(error)}`);
          return undefined;
        }
      };
    }
    const outcome = await definition.run(inputs, context);
    await publishOnRunner(commands, definition.name, outcome, reporting, run, logger);
    const saveHistory = (inputs as { 'save-history'?: boolean })['save-history'];
    if (saveHistory) await saveHistoryOnRunner(commands, scope, run, outcome.report, logger);
    if (shouldFailStep(outcome.report, reporting.failOn)) {
      process.exitCode = 1;
      commands.info(`${definition.name}: verdict ${outcome.report.verdict}; failing the step (fail-on: ${reporting.failOn}).`);
    }
  } catch (error) {
    await reportFailure(commands, definition.name, error, run);
  }
}

function runnerLogger(commands: WorkflowCommands): Logger {
  return {
    debug: (m) => commands.debug(m),
    info: (m) => commands.info(m),
    warning: (m) => commands.warning(m),
    startGroup: (title) => commands.startGroup(title),
    endGroup: () => commands.endGroup(),
    output: (text) => commands.raw(text),
  };
}

/**
 * On cancel the runner sends SIGINT, then SIGTERM 7.5 s later, then kills the process. The first
 * signal aborts, so the action can stop its work and still publish a report; a second one ends the
 * process at once.
 */
function cancelSignal(commands: WorkflowCommands): AbortSignal {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
    commands.info(`Received ${signal}: cancelling.`);
    controller.abort(new Error(`cancelled (${signal})`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return controller.signal;
}

async function publishOnRunner(commands: WorkflowCommands, action: string, outcome: ActionOutcome, reporting: ReportingOptions, run: RunEnvironment, logger: Logger): Promise<void> {
  const { report } = outcome;
  const reportFile = path.resolve(run.workspace, reporting.reportPath);
  await writeFileAtomic(reportFile, `${JSON.stringify(report, null, 2)}\n`);

  for (const a of planAnnotations(report)) {
    const props: AnnotationProperties = { title: a.title, file: a.file, startLine: a.line, startColumn: a.line ? a.column : undefined };
    if (a.severity === 'error') commands.error(a.message, props);
    else if (a.severity === 'warning') commands.warning(a.message, props);
    else commands.notice(a.message, props);
  }

  const artifactName = artifactSafeName(`${action}-report${run.job ? `-${run.job}` : ''}`);
  const summary = renderReportMarkdown(report, {
    budget: SUMMARY_BUDGET_BYTES,
    measure: byteLength,
    fullReportHint: `the full report is in the artifact \`${artifactName}\``,
  });
  commands.appendSummary(`${summary.markdown}\n`);

  commands.setOutput('verdict', report.verdict);
  commands.setOutput('report-path', reporting.reportPath);
  for (const [name, value] of Object.entries(outcome.outputs ?? {})) commands.setOutput(name, value);

  let readOnly = false;
  // Octokit is loaded only when a comment or a check run will be written.
  const needsApi = (reporting.comment && run.pullRequest !== undefined) || reporting.checkRun;
  const octokit = needsApi && reporting.githubToken && run.repository ? await createOctokit(reporting.githubToken, run, logger) : undefined;
  if (octokit && run.repository) {
    if (reporting.comment && run.pullRequest) {
      readOnly = (await postComment(commands, octokit, action, report, run, artifactName, logger)) || readOnly;
    }
    if (reporting.checkRun) {
      readOnly = (await postCheckRun(octokit, action, report, run, logger)) || readOnly;
    }
  }
  if (readOnly) {
    commands.notice(
      `The token cannot write to ${run.repository?.owner}/${run.repository?.repo}${run.pullRequest?.fromFork ? ' (a pull request from a fork gets a read-only token)' : ''}: the report is in the job summary${reporting.uploadReport === 'never' ? '' : ` and the artifact ${artifactName}`}.`,
      { title: `${report.title}: read-only token` },
    );
  }
  const upload = reporting.uploadReport === 'always' || (reporting.uploadReport === 'auto' && (summary.truncated || readOnly));
  if (upload) {
    try {
      const full = renderReportMarkdown(report, { budget: Number.MAX_SAFE_INTEGER, measure: charLength, maxFindings: report.findings.length });
      const uploaded = await uploadFilesAsArtifact(
        artifactName,
        [
          { name: path.basename(reportFile), content: `${JSON.stringify(report, null, 2)}\n` },
          { name: 'summary.md', content: full.markdown },
        ],
        run.runnerTemp ?? path.join(run.workspace, '.mlops-actions'),
      );
      commands.setOutput('report-artifact-id', String(uploaded.id ?? ''));
      commands.info(`Uploaded the report as artifact ${uploaded.name} (id ${uploaded.id}, ${uploaded.size} bytes).`);
    } catch (error) {
      logger.warning(`Could not upload the report artifact ${artifactName}: ${describeApiError(error)}`);
    }
  }
}

/** Returns true when the token turned out to be read-only. */
async function postComment(commands: WorkflowCommands, octokit: Octokit, action: string, report: Report, run: RunEnvironment, artifactName: string, logger: Logger): Promise<boolean> {
  const marker = commentMarker(action, run.job);
  const runUrl = run.repository && run.runId ? `${run.serverUrl}/${run.repository.owner}/${run.repository.repo}/actions/runs/${run.runId}` : undefined;
  const body = renderReportMarkdown(report, {
    budget: COMMENT_BUDGET_CHARS,
    measure: charLength,
    prefix: `${marker}\n`,
    maxFindings: 20,
    fullReportHint: `the full report is in the artifact \`${artifactName}\`${runUrl ? ` of [this run](${runUrl})` : ''}`,
  });
  try {
    const comment = await upsertStickyComment(
      octokit,
      { owner: run.repository!.owner, repo: run.repository!.repo, issueNumber: run.pullRequest!.number },
      marker,
      body.markdown,
    );
    commands.info(`Pull-request comment ${comment.action}: ${comment.url}`);
    return false;
  } catch (error) {
    if (isPermissionDenied(error)) return true;
    logger.warning(`Could not post the pull-request comment: ${describeApiError(error)}`);
    return false;
  }
}

async function postCheckRun(octokit: Octokit, action: string, report: Report, run: RunEnvironment, logger: Logger): Promise<boolean> {
  const headSha = run.pullRequest?.headSha || run.sha;
  if (!headSha) return false;
  const summary = renderReportMarkdown(report, { budget: 65_000, measure: charLength, maxFindings: 20 });
  const annotations = report.findings
    .filter((f) => f.file && f.line)
    .slice(0, 50)
    .map((f) => ({
      path: f.file!,
      start_line: f.line!,
      end_line: f.line!,
      annotation_level: f.severity === 'error' ? ('failure' as const) : f.severity === 'warning' ? ('warning' as const) : ('notice' as const),
      message: f.message.slice(0, 4096),
      title: f.rule,
    }));
  try {
    await octokit.rest.checks.create({
      owner: run.repository!.owner,
      repo: run.repository!.repo,
      name: `mlops-actions / ${action}`,
      head_sha: headSha,
      status: 'completed',
      conclusion: report.verdict === 'pass' ? 'success' : report.verdict === 'inconclusive' ? 'neutral' : 'failure',
      output: { title: report.headline.slice(0, 255), summary: summary.markdown, annotations },
    });
    return false;
  } catch (error) {
    if (isPermissionDenied(error)) return true;
    logger.warning(`Could not create the check run: ${describeApiError(error)}`);
    return false;
  }
}

async function saveHistoryOnRunner(commands: WorkflowCommands, scope: HistoryScope, run: RunEnvironment, report: Report, logger: Logger): Promise<void> {
  const branch = currentBranch(run);
  if (!branch) {
    logger.info('Not saving the report to the history: this run is on no branch.');
    return;
  }
  try {
    const key = await saveReportToHistory(scope, branch, `${run.runId ?? Date.now()}-${run.runAttempt ?? 1}`, report);
    if (key) commands.info(`Saved the report to the cache as ${key}.`);
  } catch (error) {
    logger.warning(`Could not save the report to the cache: ${describeApiError(error)}`);
  }
}

async function reportFailure(commands: WorkflowCommands, action: string, error: unknown, run: RunEnvironment): Promise<void> {
  process.exitCode = 1;
  try {
    commands.setOutput('verdict', 'error');
  } catch {
    // The output file is gone (not a runner we know): the error below still reaches the log.
  }
  if (error instanceof ConfigurationError) {
    commands.error(error.describe(), {
      title: `${action}: configuration error`,
      file: error.file,
      startLine: error.line,
      startColumn: error.line ? error.column : undefined,
    });
    writeErrorSummary(commands, action, 'Configuration error', error.describe());
    return;
  }
  const text = describeUnknownError(error, run.debug);
  commands.error(`${action}: internal error: ${text}${run.debug ? '' : ' (re-run with debug logging for the stack trace)'}\nThis is a bug in mlops-actions, not in your configuration; please report it.`, {
    title: `${action}: internal error`,
  });
  writeErrorSummary(commands, action, 'Internal error', text.split('\n')[0] ?? text);
}

function writeErrorSummary(commands: WorkflowCommands, action: string, kind: string, message: string): void {
  try {
    commands.appendSummary(`## 💥 ${action}: ${kind.toLowerCase()}\n\n${escapeText(message)}\n`);
  } catch {
    // A summary that cannot be written must not hide the error itself.
  }
}
