// An error as an HTTP answer, without Next.js (lib/http wraps it for route handlers; the
// production server's fast path, lib/server/fast-routes, uses it as is).
import { errorBody, toAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

/** An error as an HTTP answer: status, headers and JSON body (unknown errors logged, shown as a generic 500). */
export function errorPayload(error: unknown): { status: number; headers: Record<string, string>; body: ReturnType<typeof errorBody> } {
  const appError = toAppError(error);
  if (appError.code === "INTERNAL") logger.error({ err: appError.cause ?? error }, "unhandled error in route handler");
  const headers: Record<string, string> = {};
  if (appError.options.retryAfterSeconds) headers["Retry-After"] = String(appError.options.retryAfterSeconds);
  return { status: appError.status, headers, body: errorBody(appError) };
}
