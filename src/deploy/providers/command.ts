import { spawn } from 'node:child_process';
import { ConfigurationError } from '../../platform/errors.js';
import type { CommandProviderConfig } from '../plan.js';
import type { DeployProvider, Endpoints, ProviderStage, TrafficState } from '../provider.js';

/**
 * The `command` provider: the user's own scripts do the work, for targets no built-in provider
 * knows. Each script runs with the job's environment plus STAGE, IMAGE, WEIGHT, CANDIDATE_URL,
 * STABLE_URL and PUBLIC_URL; a non-zero exit is an error, and the rollout then rolls back.
 *
 * Without a `status` script the provider cannot see the target: it reports the weight it last set
 * (or, on a re-run, the one the progress record holds).
 */
export interface CommandProviderOptions {
  /** The environment the scripts start from (the job's, without the action's inputs). */
  env: Record<string, string>;
  cwd: string;
  /** Each line a script prints. */
  log: (line: string) => void;
  /** What the progress record says, for a provider without a status script. */
  recorded?: TrafficState;
  signal?: AbortSignal;
}

export class CommandProvider implements DeployProvider {
  readonly kind = 'command' as const;
  private known: TrafficState;

  constructor(
    private readonly config: CommandProviderConfig,
    private readonly options: CommandProviderOptions,
  ) {
    this.known = options.recorded ?? { candidateWeight: 0, candidatePresent: false };
  }

  async preflight(stage: ProviderStage): Promise<void> {
    // A status script proves the target answers; without one there is nothing to ask.
    if (this.config.status) await this.status(stage, 'preflight');
  }

  async deploy(stage: ProviderStage): Promise<Endpoints> {
    await this.script('deploy', this.config.deploy, stage, 0);
    this.known = { candidateWeight: 0, candidatePresent: true, candidateImage: stage.image };
    return { candidateUrl: this.config.candidate_url, stableUrl: this.config.stable_url, publicUrl: this.config.public_url };
  }

  async setWeight(stage: ProviderStage, percent: number): Promise<void> {
    await this.script('set_weight', this.config.set_weight, stage, percent);
    this.known = { ...this.known, candidateWeight: percent };
  }

  async status(stage: ProviderStage, purpose = 'status'): Promise<TrafficState> {
    if (!this.config.status) return { ...this.known };
    const out = await this.script('status', this.config.status, stage, this.known.candidateWeight, purpose === 'preflight');
    const text = out.trim().split('\n').at(-1)?.trim() ?? '';
    const weight = Number(text);
    if (text === '' || !Number.isFinite(weight) || weight < 0 || weight > 100) {
      throw new ConfigurationError(`provider command status printed ${JSON.stringify(text.slice(0, 80))}, not a weight`, {
        hint: 'The status script must print the candidate’s current share of traffic as its last line: a number from 0 to 100 (0 when there is no candidate).',
      });
    }
    return { candidateWeight: weight, candidatePresent: weight > 0 || this.known.candidatePresent };
  }

  async promote(stage: ProviderStage): Promise<void> {
    await this.script('promote', this.config.promote, stage, 100);
    this.known = { candidateWeight: 0, candidatePresent: false, stableImage: stage.image };
  }

  async rollback(stage: ProviderStage): Promise<void> {
    await this.script('rollback', this.config.rollback, stage, 0);
    this.known = { candidateWeight: 0, candidatePresent: false, stableImage: this.known.stableImage };
  }

  private script(name: string, script: string, stage: ProviderStage, weight: number, configurationStage = false): Promise<string> {
    const env = {
      ...this.options.env,
      STAGE: stage.name,
      IMAGE: stage.image,
      WEIGHT: String(weight),
      CANDIDATE_URL: this.config.candidate_url,
      STABLE_URL: this.config.stable_url ?? '',
      PUBLIC_URL: this.config.public_url ?? '',
    };
    const args = this.config.shell === 'bash' ? ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script] : ['-e', '-c', script];
    return new Promise((resolve, reject) => {
      const child = spawn(this.config.shell, args, { cwd: this.options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], signal: this.options.signal });
      let stdout = '';
      let pending = '';
      const onData = (chunk: Buffer, keep: boolean) => {
        const text = chunk.toString('utf8');
        if (keep) stdout += text;
        pending += text;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) this.options.log(`[${name}] ${line}`);
      };
      child.stdout.on('data', (c: Buffer) => onData(c, true));
      child.stderr.on('data', (c: Buffer) => onData(c, false));
      child.on('error', (error) => {
        const code = (error as NodeJS.ErrnoException).code;
        reject(
          code === 'ENOENT'
            ? new ConfigurationError(`provider command: ${this.config.shell} is not installed`, { hint: 'Install it on the runner, or set shell: sh.' })
            : error,
        );
      });
      child.on('close', (code, signal) => {
        if (pending !== '') this.options.log(`[${name}] ${pending}`);
        if (code === 0) return resolve(stdout);
        const message = `provider command ${name} ${signal ? `was killed by ${signal}` : `exited with ${code}`}`;
        reject(configurationStage ? new ConfigurationError(message, { hint: 'The status script must succeed before any traffic moves; run it by hand to see why it fails.' }) : new Error(message));
      });
    });
  }
}
