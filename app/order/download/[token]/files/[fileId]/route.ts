// GET /order/download/<token>/files/<fileId> — one file of a digital purchase. The token is the
// only authorisation (lib/digital/open-download: hash lookup, expiry, use limit counted
// atomically). The bytes stream from the file store with their name (RFC 6266/5987), type and
// length. A forged or unknown link or file answers 404, an expired, used-up or revoked link
// 410, each with a sentence in the buyer's language; never a 500 for a bad link.
// HEAD is refused rather than answered from GET, which would count a download.
// Note: Next.js 16.4 drops Content-Length from route handler responses (FORBIDDEN_HEADERS in
// next/dist/server/send-response.js) and sends the body chunked; the header is set anyway, for
// callers of the handler and for a Next.js that forwards it.
import { Readable } from "node:stream";
import { openDownload, type DownloadRefusal } from "@/lib/digital/open-download";
import { contentDisposition } from "@/lib/files/content-disposition";
import { resolveLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/locales";
import { logger } from "@/lib/logger";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";

const REFUSAL_STATUS: Record<DownloadRefusal, number> = { INVALID: 404, NOT_FOUND: 404, EXPIRED: 410, USED_UP: 410, REVOKED: 410 };
const MESSAGES = { ru: ru.digitalDownload.refusals, en: en.digitalDownload.refusals };

const commonHeaders = {
  "Cache-Control": "private, no-store",
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  "X-Robots-Tag": "noindex",
};

export async function GET(request: Request, { params }: { params: Promise<{ token: string; fileId: string }> }) {
  const { token, fileId } = await params;
  let outcome: Awaited<ReturnType<typeof openDownload>>;
  try {
    outcome = await openDownload(token, fileId);
  } catch (error) {
    logger.error({ err: error }, "download failed");
    return refusal(request, "UNAVAILABLE", 503);
  }
  if (!outcome.ok) return refusal(request, outcome.reason, REFUSAL_STATUS[outcome.reason], outcome.locale);
  return new Response(Readable.toWeb(outcome.stream) as ReadableStream<Uint8Array>, {
    status: 200,
    headers: {
      ...commonHeaders,
      "Content-Type": outcome.contentType,
      "Content-Length": String(outcome.sizeBytes),
      "Content-Disposition": contentDisposition(outcome.fileName),
    },
  });
}

export function HEAD() {
  return new Response(null, { status: 405, headers: { Allow: "GET" } });
}

function refusal(request: Request, reason: DownloadRefusal | "UNAVAILABLE", status: number, locale?: Locale) {
  const chosen = locale ?? resolveLocale(cookieValue(request.headers.get("cookie"), LOCALE_COOKIE), request.headers.get("accept-language"));
  return new Response(MESSAGES[chosen][reason], { status, headers: { ...commonHeaders, "Content-Type": "text/plain; charset=utf-8" } });
}

function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}
