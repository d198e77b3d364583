// The one logger of the server: a line per event with time, level, msg, the instance
// (INSTANCE_ID) and, inside a request, its id (proxy.ts sets X-Request-Id). JSON lines under
// `npm start` (LOG_FORMAT=json, the default when NODE_ENV=production), readable text in
// development (LOG_FORMAT=text). warn and error go to stderr, the rest to stdout.
// No Node-only imports: proxy.ts (Edge-compatible) logs through it too.

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

const LEVEL_ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** The request header (and response header) that carries the request id. */
export const REQUEST_ID_HEADER = "x-request-id";

/** Field names whose values are never written, whatever a caller passes. */
const SECRET_FIELD = /pass(word)?|secret|token|hash|authorization|cookie|api[-_]?key|credential/i;
/** A bcrypt hash or a bearer token inside a message. */
const SECRET_TEXT = [
  /\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}/g,
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  /\b(sk|rk|whsec)_(live|test)?_?[A-Za-z0-9]{8,}/g,
];

/** Removes anything shaped like a hash, bearer token or provider key from text. */
export function redactText(text: string): string {
  return SECRET_TEXT.reduce((current, pattern) => current.replace(pattern, "[redacted]"), text);
}

function redactValue(key: string, value: unknown, depth = 0): unknown {
  if (SECRET_FIELD.test(key)) return "[redacted]";
  if (typeof value === "string") return redactText(value).slice(0, 2000);
  if (value instanceof Error) return describeError(value);
  if (value && typeof value === "object" && depth < 3) {
    if (Array.isArray(value)) return value.slice(0, 50).map((item) => redactValue("", item, depth + 1));
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([name, inner]) => [
        name,
        redactValue(name, inner, depth + 1),
      ]),
    );
  }
  return value;
}

/** An error as a short line: its name and message (redacted), never its stack's arguments. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return redactText(text).slice(0, 1000);
}

export type LogFormat = "json" | "text";

export function logFormat(env: Record<string, string | undefined> = process.env): LogFormat {
  const chosen = env.LOG_FORMAT?.trim().toLowerCase();
  if (chosen === "json" || chosen === "text") return chosen;
  return env.NODE_ENV === "production" ? "json" : "text";
}

function minimumLevel(): number {
  const chosen = process.env.LOG_LEVEL?.trim().toLowerCase() as LogLevel | undefined;
  return LEVEL_ORDER[chosen && chosen in LEVEL_ORDER ? chosen : "info"];
}

export interface LogRecord extends LogFields {
  time: string;
  level: LogLevel;
  msg: string;
  instance?: string;
  requestId?: string;
}

/** The record written for one event (exported for tests). */
export function buildLogRecord(
  level: LogLevel,
  msg: string,
  fields: LogFields = {},
  at = new Date(),
): LogRecord {
  const record: LogRecord = { time: at.toISOString(), level, msg: redactText(msg).slice(0, 2000) };
  const instance = process.env.INSTANCE_ID;
  if (instance) record.instance = instance;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || key === "time" || key === "level" || key === "msg") continue;
    record[key] = redactValue(key, value);
  }
  return record;
}

export function formatLogRecord(record: LogRecord, format: LogFormat): string {
  if (format === "json") return JSON.stringify(record);
  const { time, level, msg, instance, requestId, ...rest } = record;
  const extra = Object.entries(rest)
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" ");
  const where = [instance, requestId].filter(Boolean).join(" ");
  return `${time} ${level.toUpperCase()}${where ? ` [${where}]` : ""} ${msg}${extra ? ` ${extra}` : ""}`;
}

function write(level: LogLevel, msg: string, fields?: LogFields) {
  if (LEVEL_ORDER[level] < minimumLevel()) return;
  const line = formatLogRecord(buildLogRecord(level, msg, fields), logFormat());
  // console.* writes one line to the right stream and works in every runtime (proxy.ts too).
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger whose every line carries these fields too (e.g. the request id, the worker). */
  with(fields: LogFields): Logger;
}

function createLogger(base: LogFields): Logger {
  const at = (level: LogLevel) => (msg: string, fields?: LogFields) =>
    write(level, msg, { ...base, ...fields });
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    with: (fields) => createLogger({ ...base, ...fields }),
  };
}

export const log: Logger = createLogger({});

/** A logger for one request: its id from the X-Request-Id header proxy.ts set. */
export function requestLog(headers: Pick<Headers, "get">): Logger {
  const requestId = headers.get(REQUEST_ID_HEADER);
  return requestId ? log.with({ requestId }) : log;
}
