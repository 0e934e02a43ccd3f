// Route-handler plumbing: parse, authorise, call the domain, map AppError to a JSON response.
import { NextResponse } from "next/server";
import { AppError, errorBody, toAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

export function errorResponse(error: unknown) {
  const appError = toAppError(error);
  if (appError.code === "INTERNAL") logger.error({ err: appError.cause ?? error }, "unhandled error in route handler");
  const headers: Record<string, string> = {};
  if (appError.options.retryAfterSeconds) headers["Retry-After"] = String(appError.options.retryAfterSeconds);
  return NextResponse.json(errorBody(appError), { status: appError.status, headers });
}

/** Wraps a route handler so every thrown error becomes a clean JSON error response. */
export function handle<Args extends unknown[]>(fn: (...args: Args) => Promise<Response>) {
  return async (...args: Args) => {
    try {
      return await fn(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export { AppError };
