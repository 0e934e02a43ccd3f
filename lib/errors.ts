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

/** Normalises anything thrown into an AppError (unknown errors become INTERNAL). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError("VALIDATION", "Some fields are invalid", { fieldErrors: zodFieldErrors(error) });
  }
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
