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

/**
 * The request body as bytes, at most `limit` of them however the client declares its length
 * (PAYLOAD_TOO_LARGE past it, the rest unread).
 */
export async function readLimitedBody(request: Request, limit: number): Promise<Buffer> {
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", "The request body is too large");
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * A CSV file download. Exports hold personal or business data: never kept by a shared cache, and
 * never sniffed into something a browser would render.
 */
export function csvDownload(body: BodyInit, filename: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
