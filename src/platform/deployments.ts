import type { HistoryEvent } from '../deploy/progress.js';
import type { RunEnvironment } from './environment.js';
import { describeApiError, type Octokit } from './github.js';
import type { Logger } from './logger.js';

/**
 * GitHub deployments: one per stage and rollout, with statuses as it goes (in_progress, then
 * success, failure, or pending while paused). A success marks the environment's earlier
 * deployments inactive (auto_inactive), so the environment page shows what serves now.
 */
export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'pending' | 'error';

export interface DeploymentPayload {
  image: string;
  model?: { name: string; version: string; digest?: string };
  previous?: string;
}

export class DeploymentRecorder {
  constructor(
    private readonly octokit: Octokit,
    private readonly run: RunEnvironment,
    private readonly logger: Logger,
  ) {}

  private get repo(): { owner: string; repo: string } {
    return this.run.repository!;
  }

  /** Creates the deployment; undefined (with a warning) when the token may not. */
  async create(environment: string, payload: DeploymentPayload, description: string): Promise<number | undefined> {
    try {
      const response = await this.octokit.rest.repos.createDeployment({
        ...this.repo,
        ref: this.run.sha ?? this.run.ref ?? 'HEAD',
        environment,
        description: description.slice(0, 140),
        payload: { ...payload } as Record<string, unknown>,
        auto_merge: false,
        required_contexts: [],
        transient_environment: false,
        production_environment: /^prod/i.test(environment),
      });
      if (response.status !== 201 || !('id' in response.data)) {
        this.logger.warning(`GitHub did not create a deployment for ${environment}: ${JSON.stringify(response.data).slice(0, 200)}`);
        return undefined;
      }
      return response.data.id;
    } catch (error) {
      this.logger.warning(`Cannot record the deployment to ${environment} (${describeApiError(error)}); the job needs \`permissions: deployments: write\`. The rollout goes on.`);
      return undefined;
    }
  }

  async status(id: number, state: DeploymentState, description: string, environmentUrl?: string): Promise<void> {
    try {
      await this.octokit.rest.repos.createDeploymentStatus({
        ...this.repo,
        deployment_id: id,
        state,
        description: description.slice(0, 140),
        ...(environmentUrl ? { environment_url: environmentUrl } : {}),
        ...(this.run.runId ? { log_url: `${this.run.serverUrl}/${this.repo.owner}/${this.repo.repo}/actions/runs/${this.run.runId}` } : {}),
        auto_inactive: true,
      });
    } catch (error) {
      this.logger.warning(`Cannot update deployment ${id} to ${state} (${describeApiError(error)}).`);
    }
  }
}

/**
 * The promotions of an environment from its GitHub deployments: each deployment that reached
 * success, at the time of that status, with the image and model of its payload.
 */
export async function deploymentHistory(octokit: Octokit, repo: { owner: string; repo: string }, environment: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  for await (const page of octokit.paginate.iterator(octokit.rest.repos.listDeployments, { ...repo, environment, per_page: 100 })) {
    for (const d of page.data) {
      const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({ ...repo, deployment_id: d.id, per_page: 100 });
      const success = statuses.find((s) => s.state === 'success');
      if (!success) continue;
      const payload = (typeof d.payload === 'object' && d.payload !== null ? d.payload : {}) as Partial<DeploymentPayload>;
      events.push({
        at: success.created_at,
        stage: environment,
        image: typeof payload.image === 'string' ? payload.image : `deployment ${d.id}`,
        outcome: 'promoted',
        previous: typeof payload.previous === 'string' ? payload.previous : undefined,
        model: payload.model,
        deploymentId: d.id,
      });
    }
  }
  return events;
}
