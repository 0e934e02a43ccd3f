// Route-handler plumbing: parse, authorise, call the domain, map AppError to a JSON response.
import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { errorPayload } from "@/lib/http-error";

function errorResponse(error: unknown) {
  const { status, headers, body } = errorPayload(error);
  return NextResponse.json(body, { status, headers });
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
