/** Engines log through this interface, never through @actions/core, so they run anywhere. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  /** Opens a collapsible group of log lines (a `::group::` on the runner, a heading elsewhere). */
  startGroup(title: string): void;
  endGroup(): void;
  /** Output of a command the action runs, passed through as it arrives. */
  output(text: string): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warning() {}, startGroup() {}, endGroup() {}, output() {} };

/** Keeps every line, for tests. */
export class RecordingLogger implements Logger {
  readonly lines: Array<{ level: 'debug' | 'info' | 'warning' | 'group' | 'output'; message: string }> = [];
  debug(message: string): void {
    this.lines.push({ level: 'debug', message });
  }
  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }
  warning(message: string): void {
    this.lines.push({ level: 'warning', message });
  }
  startGroup(title: string): void {
    this.lines.push({ level: 'group', message: title });
  }
  endGroup(): void {}
  output(text: string): void {
    this.lines.push({ level: 'output', message: text });
  }
}
