/**
 * Two kinds of failure. A ConfigurationError is the user's to fix: it carries what is wrong, where
 * (file, line) and how to fix it, and is shown without a stack. Anything else is our bug.
 */
export interface ErrorLocation {
  file?: string;
  line?: number;
  column?: number;
}

export class ConfigurationError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly hint?: string;

  constructor(message: string, options: ErrorLocation & { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ConfigurationError';
    this.file = options.file;
    this.line = options.line;
    this.column = options.column;
    this.hint = options.hint;
  }

  /** One line a person can act on: `file:line: message. hint` */
  describe(): string {
    const where = this.file ? `${this.file}${this.line ? `:${this.line}` : ''}${this.line && this.column ? `:${this.column}` : ''}: ` : '';
    return `${where}${this.message}${this.hint ? ` ${this.hint}` : ''}`;
  }
}

export function isConfigurationError(error: unknown): error is ConfigurationError {
  return error instanceof ConfigurationError;
}

/** Turns any thrown value, Error or not, into text for an internal-error message. */
export function describeUnknownError(error: unknown, withStack: boolean): string {
  if (error instanceof Error) {
    return withStack && error.stack ? error.stack : `${error.name}: ${error.message}`;
  }
  return `non-error value thrown: ${String(error)}`;
}
