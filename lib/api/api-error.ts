// The API's one error shape (Stripe's): `{ error: { type, code, message, param?, fields? } }`.
// Domain errors (AppError) keep their HTTP status and get a type and a snake_case code; an
// ApiError names its own code and parameter. Field messages of the domain are i18n keys: the
// API answers them in English (messages/en.json). Unknown errors are logged and answered as a
// generic api_error.
import { z } from "zod";
import en from "@/messages/en.json";
import { AppError, toAppError, type ErrorCode, type FieldErrors } from "@/lib/errors";
import { errorPayload } from "@/lib/http-error";

export type ApiErrorType = "invalid_request_error" | "authentication_error" | "permission_error" | "rate_limit_error" | "idempotency_error" | "api_error";

export class ApiError extends AppError {
  constructor(
    code: ErrorCode,
    readonly apiCode: string,
    message: string,
    readonly apiOptions: { param?: string; type?: ApiErrorType; fieldErrors?: FieldErrors; retryAfterSeconds?: number } = {},
  ) {
    super(code, message, { fieldErrors: apiOptions.fieldErrors, retryAfterSeconds: apiOptions.retryAfterSeconds });
    this.name = "ApiError";
  }
}

const TYPE_OF: Record<ErrorCode, ApiErrorType> = {
  VALIDATION: "invalid_request_error",
  BAD_REQUEST: "invalid_request_error",
  UNAUTHENTICATED: "authentication_error",
  FORBIDDEN: "permission_error",
  NOT_FOUND: "invalid_request_error",
  CONFLICT: "invalid_request_error",
  PAYLOAD_TOO_LARGE: "invalid_request_error",
  RATE_LIMITED: "rate_limit_error",
  INTERNAL: "api_error",
  UPSTREAM: "api_error",
};

const CODE_OF: Record<ErrorCode, string> = {
  VALIDATION: "parameter_invalid",
  BAD_REQUEST: "invalid_request",
  UNAUTHENTICATED: "api_key_invalid",
  FORBIDDEN: "forbidden",
  NOT_FOUND: "resource_missing",
  CONFLICT: "conflict",
  PAYLOAD_TOO_LARGE: "body_too_large",
  RATE_LIMITED: "rate_limited",
  INTERNAL: "internal_error",
  UPSTREAM: "upstream_error",
};

export const ZApiErrorBody = z
  .object({
    error: z.object({
      type: z.enum(["invalid_request_error", "authentication_error", "permission_error", "rate_limit_error", "idempotency_error", "api_error"]),
      code: z.string().meta({ example: "parameter_invalid" }),
      message: z.string(),
      param: z.string().optional().meta({ description: "The parameter the error is about (dotted path for nested ones)." }),
      fields: z.record(z.string(), z.array(z.string())).optional().meta({ description: "Every invalid parameter with its messages (validation errors)." }),
    }),
  })
  .meta({ id: "Error" });
export type ApiErrorBody = z.infer<typeof ZApiErrorBody>;

/** An i18n key of the domain ("checkoutErrors.phoneInvalid") in English; other text as it is. */
export function englishMessage(message: string): string {
  if (!/^[A-Za-z]+(\.[A-Za-z0-9_]+)+$/.test(message)) return message;
  let node: unknown = en;
  for (const part of message.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === "string" ? node : message;
}

/** Any thrown error as the API's answer: status, headers (Retry-After) and body. */
export function apiErrorPayload(error: unknown): { status: number; headers: Record<string, string>; body: ApiErrorBody } {
  const appError = toAppError(error);
  // Logging of unknown errors and the Retry-After header, as every other route does.
  const { status, headers } = errorPayload(error);
  const api = appError instanceof ApiError ? appError : null;
  const fields = appError.fieldErrors ? Object.fromEntries(Object.entries(appError.fieldErrors).map(([key, messages]) => [key, messages.map(englishMessage)])) : undefined;
  const firstField = fields ? Object.keys(fields)[0] : undefined;
  const param = api?.apiOptions.param ?? (firstField && firstField !== "_" ? firstField : undefined);
  let message = appError.code === "INTERNAL" ? "Something went wrong on our side" : appError.message;
  if (appError.code === "VALIDATION" && firstField && fields?.[firstField]?.[0]) message = param ? `${param}: ${fields[firstField]![0]}` : fields[firstField]![0]!;
  return {
    status,
    headers,
    body: {
      error: {
        type: api?.apiOptions.type ?? TYPE_OF[appError.code],
        code: api?.apiCode ?? CODE_OF[appError.code],
        message,
        ...(param ? { param } : {}),
        ...(fields ? { fields } : {}),
      },
    },
  };
}
