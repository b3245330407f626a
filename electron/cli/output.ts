// Where a command writes. Commands take this instead of touching process.stdout, so tests can run
// them in-process and read back exactly what a person would see.
export interface Output {
  /** one line of normal output (no trailing newline) */
  out(line: string): void;
  /** one line of error output (no trailing newline) */
  err(line: string): void;
}

export const processOutput: Output = {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
};

/** Collects lines; for tests. */
export function memoryOutput(): Output & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (line) => void stdout.push(...line.split('\n')),
    err: (line) => void stderr.push(...line.split('\n')),
  };
}

/** The one line shown for an error nobody anticipated: its message, never a stack trace. */
export function unexpectedErrorLine(error: unknown, doing: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const text = message.replace(/\s+/g, ' ').trim() || 'no details';
  return `Candor failed while ${doing}: ${text}. If this keeps happening, report it with the command you ran.`;
}
