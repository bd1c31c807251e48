import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ConfigurationError } from '../platform/errors.js';

/**
 * The `docker` builder: the Docker CLI against whatever daemon DOCKER_HOST names. A password goes
 * to `docker login` on standard input, into a configuration folder of this run only, never on a
 * command line and never into the user's ~/.docker.
 */
export interface DockerResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class DockerCli {
  constructor(
    private readonly env: Record<string, string>,
    private readonly configDir?: string,
  ) {}

  run(args: string[], options: { input?: string; onOutput?: (text: string) => void } = {}): Promise<DockerResult> {
    return new Promise((resolve) => {
      const env = { ...this.env, ...(this.configDir ? { DOCKER_CONFIG: this.configDir } : {}) };
      const child = spawn('docker', args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        options.onOutput?.(d.toString());
      });
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        options.onOutput?.(d.toString());
      });
      child.on('error', (error) => resolve({ code: 127, stdout, stderr: stderr + error.message }));
      child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
      // A command that exits without reading its input (a failed `docker rm`) breaks the pipe:
      // its exit status says why, the EPIPE adds nothing.
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input ?? '');
    });
  }

  /** A daemon answers (the CLI alone is not enough). */
  async available(): Promise<boolean> {
    const r = await this.run(['version', '--format', '{{.Server.Version}}']);
    return r.code === 0 && r.stdout.trim() !== '';
  }

  async hasBuildx(): Promise<boolean> {
    return (await this.run(['buildx', 'version'])).code === 0;
  }

  /** A CLI whose logins live in a fresh folder, removed by `dispose`. */
  static async isolated(env: Record<string, string>): Promise<{ cli: DockerCli; dispose: () => Promise<void> }> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mlops-docker-config-'));
    await writeFile(path.join(dir, 'config.json'), '{}');
    return { cli: new DockerCli(env, dir), dispose: () => rm(dir, { recursive: true, force: true }) };
  }

  async login(registry: string, username: string, password: string): Promise<void> {
    const r = await this.run(['login', registry, '--username', username, '--password-stdin'], { input: password });
    if (r.code !== 0) {
      throw new ConfigurationError(`the registry ${registry} refused the login of ${username}`, {
        hint: 'Check registry-username and registry-password (a secret); for ghcr.io give the job `packages: write`.',
      });
    }
  }

  async build(options: { contextDir: string; dockerfile: string; tags: string[]; labels: Record<string, string>; network?: string; onOutput?: (text: string) => void }): Promise<string> {
    const buildx = await this.hasBuildx();
    const args = buildx ? ['buildx', 'build', '--load'] : ['build'];
    args.push('--file', options.dockerfile);
    for (const tag of options.tags) args.push('--tag', tag);
    for (const [k, v] of Object.entries(options.labels)) args.push('--label', `${k}=${v}`);
    if (options.network) args.push('--network', options.network);
    args.push(options.contextDir);
    const r = await this.run(args, { onOutput: options.onOutput });
    if (r.code !== 0) {
      const last = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-8).join('\n');
      if (/pull access denied|not found|manifest unknown|No such image/i.test(last)) {
        throw new ConfigurationError(`docker build failed: the base image could not be found or pulled`, { hint: `Check base-image. The build said:\n${last}` });
      }
      throw new Error(`docker build failed (exit ${r.code}):\n${last}`);
    }
    const inspect = await this.run(['image', 'inspect', '--format', '{{.Id}}', options.tags[0]!]);
    return inspect.stdout.trim();
  }

  async push(reference: string): Promise<string | undefined> {
    const r = await this.run(['push', reference]);
    if (r.code !== 0) {
      const text = `${r.stdout}\n${r.stderr}`;
      if (/unauthorized|denied|authentication required/i.test(text)) {
        throw new ConfigurationError(`the registry refused to take ${reference}`, { hint: 'Check registry-username and registry-password; for ghcr.io give the job `packages: write`.' });
      }
      if (/connection refused|no such host|i\/o timeout|dial tcp/i.test(text)) {
        throw new ConfigurationError(`cannot reach the registry of ${reference}`, { hint: 'Check the registry address and that it is reachable from the runner.' });
      }
      throw new Error(`docker push ${reference} failed:\n${text.trim().split('\n').slice(-5).join('\n')}`);
    }
    return /digest: (sha256:[0-9a-f]{64})/.exec(r.stdout)?.[1];
  }

  async imageSize(reference: string): Promise<number> {
    const r = await this.run(['image', 'inspect', '--format', '{{.Size}}', reference]);
    return Number(r.stdout.trim()) || 0;
  }

  /** Starts a container on the host's network with PORT set; the caller stops it. */
  async start(image: string, port: number): Promise<RunningContainer> {
    const r = await this.run(['run', '--detach', '--network', 'host', '--env', `PORT=${port}`, '--env', 'HOST=127.0.0.1', image]);
    if (r.code !== 0) throw new Error(`docker run ${image} failed: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
    const id = r.stdout.trim();
    return {
      id,
      logs: async () => {
        const l = await this.run(['logs', '--tail', '60', id]);
        return `${l.stdout}${l.stderr}`;
      },
      exited: async () => (await this.run(['inspect', '--format', '{{.State.Running}}', id])).stdout.trim() !== 'true',
      stop: async () => {
        await this.run(['rm', '--force', id]);
      },
    };
  }
}

export interface RunningContainer {
  id: string;
  logs(): Promise<string>;
  exited(): Promise<boolean>;
  stop(): Promise<void>;
}
