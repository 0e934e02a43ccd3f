// The one error type of Lavka's domain. A code maps to an HTTP status; the message key is
// translated for the user; anything that is not an AppError is logged and shown as a generic 500.
import { ZodError } from "zod";

export const ERROR_STATUS = {
  VALIDATION: 422,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  /** A service we depend on (payment provider) failed or was unreachable. */
  UPSTREAM: 502,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { fieldErrors?: FieldErrors; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
  }

  get fieldErrors() {
    return this.options.fieldErrors;
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found`);

/** Field errors keyed by dotted path, as forms show them. */
export function zodFieldErrors(error: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** PostgreSQL's codes for text it cannot store: NUL (22P05 in jsonb) and bytes that are not UTF-8. */
const UNSTORABLE_TEXT_CODES = new Set(["22021", "22P05"]);

/** Whether a database error (pg's own, or Prisma's wrapping of it) is PostgreSQL refusing the text itself. */
function isUnstorableText(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 6; depth++) {
    const { code, originalCode, cause, meta } = current as { code?: unknown; originalCode?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (UNSTORABLE_TEXT_CODES.has(String(code)) || UNSTORABLE_TEXT_CODES.has(String(originalCode))) return true;
    current = meta?.driverAdapterError ?? cause;
  }
  return false;
}

/** Normalises anything thrown into an AppError (unknown errors become INTERNAL). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError("VALIDATION", "Some fields are invalid", { fieldErrors: zodFieldErrors(error) });
  }
  // The last line of defence for input validators that let a NUL through: the write failed (and
  // its transaction rolled back) because of what was sent, so it is the sender's 422, not a 500.
  if (isUnstorableText(error)) return new AppError("VALIDATION", "The text contains characters that cannot be stored", { cause: error });
  return new AppError("INTERNAL", "Something went wrong", { cause: error });
}

/** JSON body of an error response: never leaks internals. */
export function errorBody(error: AppError) {
  return {
    error: {
      code: error.code,
      message: error.code === "INTERNAL" ? "Something went wrong" : error.message,
      ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
    },
  };
}
