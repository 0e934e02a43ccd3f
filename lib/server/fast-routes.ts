// The production server's fast path (server.ts): the two most requested URLs of a COD shop with
// partners, answered on node:http before Next.js sees them. Through Next.js each request paid
// the framework's per-request cost — routing, the request context, web streams for the body and
// the response — measured at ~3 ms of CPU, more than the work itself (issue 3: 300 orders/s,
// issue 4: 2,000 clicks/s, on two cores). The work is the same domain code the route handlers
// call, so both ways answer alike (app/r/[login]/route.ts, app/api/v1/orders/route.ts serve
// `next dev`):
// - GET|HEAD /r/<login> — a referral link: record the click, 302 with the attribution cookie;
// - POST /api/v1/orders without an Authorization header — the JSON checkout.
// Everything else returns false and goes to Next.js — checkout views first rewritten to their
// cached static page (rewriteCheckoutView), which the proxy would otherwise do at a cost of ~40 %
// of the page's throughput.
import type { IncomingMessage, ServerResponse } from "node:http";
import { parseCookie, stringifySetCookie } from "cookie";
import type { HeaderSource } from "@/lib/affiliates/record-click";
import { referralRedirect } from "@/lib/affiliates/referral-redirect";
import { CHECKOUT_REWRITTEN_HEADER, resolveCheckoutPagePath } from "@/lib/checkout/checkout-route";
import { getEnabledCountryCodes } from "@/lib/checkout/load-checkout-context";
import { bodyTooLarge, MAX_API_ORDER_BODY_BYTES, placeApiOrder } from "@/lib/checkout/place-api-order";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { errorPayload } from "@/lib/http-error";
import { logger } from "@/lib/logger";

const REFERRAL_PATH = /^\/r\/([^/?#]+)\/?(?:\?|$)/;
const ORDERS_PATH = /^\/api\/v1\/orders\/?(?:\?|$)/;

/** Answers the request when it is one of the fast routes; false lets the caller pass it on. */
export function answerFastRoute(request: IncomingMessage, response: ServerResponse): boolean {
  const url = request.url ?? "";
  if (request.method === "GET" || request.method === "HEAD") {
    const referral = REFERRAL_PATH.exec(url);
    if (!referral) return false;
    answerReferral(request, response, referral[1]!).catch((error: unknown) => lastResort(response, error, () => redirect(response, "/")));
    return true;
  }
  // With an Authorization header it is the REST API's order creation (lib/api): Next.js serves it.
  if (request.method === "POST" && ORDERS_PATH.test(url) && !request.headers.authorization) {
    answerOrder(request, response).catch((error: unknown) => lastResort(response, error, () => sendJson(response, errorPayload(error))));
    return true;
  }
  return false;
}

const CHECKOUT_VIEW = /^\/checkout\/[^/?#]+\/?(?:\?|$)/;

/**
 * A GET of a public checkout page, rewritten in place (request.url) to its static page as
 * proxy.ts would, and marked so that the proxy does not run again; null for any other request,
 * which goes to Next.js as it came. A view with `?ref=` is left to the proxy, which records the
 * click too.
 */
export function rewriteCheckoutView(request: IncomingMessage): Promise<void> | null {
  if ((request.method !== "GET" && request.method !== "HEAD") || !CHECKOUT_VIEW.test(request.url ?? "")) return null;
  const url = new URL(request.url!, "http://lavka.internal");
  if (url.searchParams.has("ref")) return null;
  return getEnabledCountryCodes().then(
    (enabled) => {
      const cookies = request.headers.cookie ? parseCookie(request.headers.cookie) : {};
      const acceptLanguage = request.headers["accept-language"] ?? null;
      const path = resolveCheckoutPagePath(url.pathname, { country: url.searchParams.get("country"), localeCookie: cookies[LOCALE_COOKIE], acceptLanguage }, enabled);
      if (path === null) return;
      request.url = path + url.search;
      request.headers[CHECKOUT_REWRITTEN_HEADER] = "1";
    },
    // Without the countries the proxy still knows the way: leave the request as it is.
    (error: unknown) => logger.warn({ err: error }, "checkout view not rewritten by the server; the proxy will"),
  );
}

/** Node's headers as the domain code reads them; the client address as Next.js would pass it on. */
function headersOf(request: IncomingMessage): HeaderSource {
  return {
    get(name) {
      const value = request.headers[name];
      if (name === "x-forwarded-for" && !value) return request.socket.remoteAddress ?? null;
      return Array.isArray(value) ? value.join(", ") : (value ?? null);
    },
  };
}

async function answerReferral(request: IncomingMessage, response: ServerResponse, encodedLogin: string) {
  let login: string;
  try {
    login = decodeURIComponent(encodedLogin);
  } catch {
    login = encodedLogin;
  }
  const { location, cookie } = await referralRedirect(new URL(request.url!, "http://lavka.internal"), headersOf(request), login);
  const headers: Record<string, string> = { Location: location, "Cache-Control": "no-store", "Content-Length": "0" };
  if (cookie) headers["Set-Cookie"] = stringifySetCookie({ name: cookie.name, value: cookie.value, ...cookie.options });
  response.writeHead(302, headers).end();
}

function redirect(response: ServerResponse, location: string) {
  response.writeHead(302, { Location: location, "Content-Length": "0" }).end();
}

async function answerOrder(request: IncomingMessage, response: ServerResponse) {
  try {
    const raw = await readBody(request, MAX_API_ORDER_BODY_BYTES);
    const { status, body } = await placeApiOrder(raw, headersOf(request));
    sendJson(response, { status, headers: {}, body });
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      // The unread rest of the body cannot be left on a kept-alive connection: close it.
      const { status, headers, body } = errorPayload(bodyTooLarge());
      return sendJson(response, { status, headers: { ...headers, Connection: "close" }, body });
    }
    sendJson(response, errorPayload(error));
  }
}

function sendJson(response: ServerResponse, { status, headers, body }: { status: number; headers: Record<string, string>; body: unknown }) {
  const json = JSON.stringify(body);
  response.writeHead(status, { ...headers, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(json), "Cache-Control": "no-store" }).end(json);
}

class BodyTooLarge extends Error {}

/** The body as UTF-8 text; BodyTooLarge past `limit` bytes (the rest is left unread). */
export function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers["content-length"] ?? 0) > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      request.off("data", onData);
      request.pause();
      reject(new BodyTooLarge());
    };
    request.on("data", onData);
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function lastResort(response: ServerResponse, error: unknown, answer: () => void) {
  logger.error({ err: error }, "a fast route failed");
  if (!response.headersSent) answer();
  else response.destroy();
}
