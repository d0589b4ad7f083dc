/** Status and diagnostics go to stderr, so stdout stays machine output (JSON, NDJSON, URLs). */
export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export function createStderrLogger(prefix = 'workbench'): Logger {
  return {
    info: (message) => process.stderr.write(`${prefix}: ${message}\n`),
    error: (message, error) => {
      const detail =
        error instanceof Error ? `\n${error.stack ?? error.message}` : error === undefined ? '' : ` ${String(error)}`;
      process.stderr.write(`${prefix}: ${message}${detail}\n`);
    },
  };
}

/** For tests and embedding: keeps lines in memory so they can be asserted on. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(message),
    error: (message, error) =>
      lines.push(error instanceof Error ? `${message}: ${error.stack ?? error.message}` : message),
  };
}
