import { pino } from 'pino';

// The server's log (issue 17 §8, docs/decisions/0046-operations.md): pino, one JSON line per event for
// journald and collectors, or one readable line (LOG_FORMAT=text) without a pino-pretty dependency.
// Lines carry ids (request id, user id as a UUID), never logins, names, bodies, query strings or cookies.
// Until the server configures it the level is `warn`: tests and the CLI print errors, not every request.

export type Logger = pino.Logger;
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
export type LogFormat = 'json' | 'text';
type Sink = { write: (line: string) => void };

/** One JSON line of pino as a readable line: time, level, message, then the fields as key=value. */
export function textLine(json: string): string {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const { time, level, msg, err, ...rest } = o;
  const when = typeof time === 'number' ? new Date(time).toISOString() : '';
  const name = String(level).toUpperCase().padEnd(5);
  const fields = Object.entries(rest)
    .map(([k, v]) => `${k}=${typeof v === 'string' && !/\s/.test(v) ? v : JSON.stringify(v)}`)
    .join(' ');
  const e = err as { type?: string; message?: string; stack?: string } | undefined;
  const stack = e ? `\n  ${(e.stack ?? `${e.type}: ${e.message}`).replace(/\n/g, '\n  ')}` : '';
  return `${when} ${name} ${msg ?? ''}${fields ? `  ${fields}` : ''}${stack}\n`;
}

/**
 * An error as logged: type, message, code and stack, and the same of its cause. A database error's
 * parameters (Drizzle puts them into its message) may be personal data, so they are cut off.
 */
export function safeError(err: unknown, depth = 0): Record<string, unknown> | undefined {
  if (!(err instanceof Error) || depth > 2) return err === undefined ? undefined : { message: String(err) };
  const message = err.message.replace(/\nparams:[\s\S]*$/, '\nparams: (скрыты)');
  const code = (err as { code?: unknown }).code;
  const stack = err.stack?.replace(err.message, message);
  return {
    type: err.name,
    message,
    ...(typeof code === 'string' ? { code } : {}),
    stack,
    ...(err.cause !== undefined ? { cause: safeError(err.cause, depth + 1) } : {}),
  };
}

/** A logger writing to `sink` (standard output by default) in the given format and level. */
export function createLogger(
  opts: { level: LogLevel | 'silent'; format: LogFormat },
  // Standard output through sonic-boom (synchronous writes, nothing lost on a crash): cheaper per line
  // than process.stdout, which may buffer without bound on a slow pipe.
  sink: Sink = pino.destination(1),
): Logger {
  const destination: Sink = opts.format === 'text' ? { write: (line) => sink.write(textLine(line)) } : sink;
  return pino(
    {
      level: opts.level,
      base: { pid: process.pid },
      // Time as epoch ms (cheapest); `err` through safeError, whatever a caller passes.
      serializers: { err: (e: unknown) => safeError(e) },
      // A label instead of a number is what people grep for in JSON too.
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/** The process's logger: configured once by the server from LOG_LEVEL and LOG_FORMAT. */
export let log: Logger = createLogger({ level: 'warn', format: 'text' }, pino.destination(2));

export function configureLog(opts: { level: LogLevel; format: LogFormat }, sink?: Sink): Logger {
  log = createLogger(opts, sink);
  return log;
}
