import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';

/**
 * The runner's command protocol, as @actions/core speaks it: inputs from INPUT_* variables,
 * outputs through the GITHUB_OUTPUT file (heredoc with a random delimiter), annotations, masks
 * and log groups as `::command props::data` lines on stdout, and the job summary file.
 *
 * Why not @actions/core itself: its entry module loads its OIDC HTTP client (undici) on import,
 * which alone adds about 70 ms to every action's start; the bundle's start-up budget is 200 ms.
 * The unit tests check that these functions write the same bytes as @actions/core.
 */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

type Env = Record<string, string | undefined>;

export class WorkflowCommands {
  constructor(
    private readonly env: Env = process.env,
    private readonly write: (text: string) => void = (text) => process.stdout.write(text),
  ) {}

  /** As core.getInput: `INPUT_` + name with spaces as `_`, upper-cased; trimmed. */
  getInput(name: string): string {
    return (this.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
  }

  setOutput(name: string, value: string): void {
    const file = this.env.GITHUB_OUTPUT;
    if (file) {
      appendFileSync(file, `${keyValueMessage(name, value)}\n`, 'utf8');
      return;
    }
    // No file (an old runner): the deprecated stdout command, as @actions/core falls back to.
    this.write('\n');
    this.issue('set-output', { name }, value);
  }

  appendSummary(markdown: string): boolean {
    const file = this.env.GITHUB_STEP_SUMMARY;
    if (!file) return false;
    appendFileSync(file, markdown, 'utf8');
    return true;
  }

  setSecret(secret: string): void {
    this.issue('add-mask', {}, secret);
  }

  info(message: string): void {
    this.write(`${message}\n`);
  }

  debug(message: string): void {
    this.issue('debug', {}, message);
  }

  warning(message: string, properties: AnnotationProperties = {}): void {
    this.issue('warning', annotationProperties(properties), message);
  }

  error(message: string, properties: AnnotationProperties = {}): void {
    this.issue('error', annotationProperties(properties), message);
  }

  notice(message: string, properties: AnnotationProperties = {}): void {
    this.issue('notice', annotationProperties(properties), message);
  }

  startGroup(title: string): void {
    this.issue('group', {}, title);
  }

  endGroup(): void {
    this.issue('endgroup', {}, '');
  }

  /** Text passed through to the log as it is (a child process's output). */
  raw(text: string): void {
    this.write(text);
  }

  isDebug(): boolean {
    return this.env.RUNNER_DEBUG === '1';
  }

  private issue(command: string, properties: Record<string, string | number | undefined>, message: string): void {
    const props = Object.entries(properties)
      .filter(([, v]) => v !== undefined && v !== '' && v !== 0)
      .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
      .join(',');
    this.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}\n`);
  }
}

function annotationProperties(p: AnnotationProperties): Record<string, string | number | undefined> {
  return { title: p.title, file: p.file, line: p.startLine, endLine: p.endLine, col: p.startColumn, endColumn: p.endColumn };
}

function keyValueMessage(name: string, value: string): string {
  const delimiter = `ghadelimiter_${randomUUID()}`;
  // As @actions/core: a name or value holding the delimiter could forge another output.
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`output ${name} contains the file-command delimiter`);
  return `${name}<<${delimiter}\n${value}\n${delimiter}`;
}

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
