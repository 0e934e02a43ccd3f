// The production web server: Next.js's request handler behind node:http (a Next.js custom
// server) with a fast path in front of it for the two most requested URLs — referral links and
// the JSON checkout — and checkout views rewritten to their cached page before Next.js sees them
// (lib/server/fast-routes.ts says why and how). Everything else — pages, the rest of the API,
// assets, the proxy — goes to Next.js unchanged. `next dev` does not use this
// file: there the route handlers answer those two URLs with the same domain code.
//
// Run by `npm start` (scripts/lib/runtime.ts) as `tsx server.ts` with PORT set; it listens on
// every interface, like `next start`. The build must exist (`next build`).
import { createServer } from "node:http";
import next from "next";
import { isFromTrustedProxy, setClientAddress } from "@/lib/client-ip";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { requestIdFrom, runWithRequestId } from "@/lib/request-context";
import { commonSecurityHeaders, staticContentSecurityPolicy, strictTransportSecurity, usesNoncePolicy } from "@/lib/security/headers";
import { answerFastRoute, rewriteCheckoutView } from "@/lib/server/fast-routes";
import { closeGracefully } from "@/lib/server/close-gracefully";

const port = Number(process.env.PORT) || 3000;
const app = next({ dev: false, dir: import.meta.dirname, port });
const handle = app.getRequestHandler();
await app.prepare();

// Security headers on every response (lib/security/headers.ts); the admin's and the cabinet's
// nonce policy is set per request by the proxy instead of the static one.
const https = getEnv().APP_URL.startsWith("https:");
const securityHeaders = [...commonSecurityHeaders(), ...(strictTransportSecurity(https) ? [{ key: "Strict-Transport-Security", value: strictTransportSecurity(https)! }] : [])];
const staticPolicy = staticContentSecurityPolicy({ dev: false, https });

const server = createServer((request, response) => {
  // The request id before the address: only a trusted proxy's own X-Request-Id is kept.
  const requestId = requestIdFrom(request.headers["x-request-id"], isFromTrustedProxy(request));
  request.headers["x-request-id"] = requestId;
  response.setHeader("X-Request-Id", requestId);
  // Every path below reads the client address from X-Forwarded-For (lib/client-ip.ts).
  setClientAddress(request);
  for (const { key, value } of securityHeaders) response.setHeader(key, value);
  if (!usesNoncePolicy(request.url ?? "/")) response.setHeader("Content-Security-Policy", staticPolicy);
  runWithRequestId(requestId, () => {
    if (answerFastRoute(request, response)) return;
    const rewriting = rewriteCheckoutView(request);
    if (rewriting) void rewriting.then(() => handle(request, response));
    else void handle(request, response);
  });
});

server.listen(port, () => {
  logger.info({ port }, "web server ready");
});

// Stop taking connections, answer the requests in flight (keep-alive clients told to leave), then
// exit (lib/server/close-gracefully.ts); a second signal or a stuck connection does not hold the
// process forever.
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    void closeGracefully(server, 10_000).then(({ timedOut }) => {
      if (timedOut) logger.warn({ signal }, "requests still in flight 10 s after the stop signal were cut off");
      process.exit(timedOut ? 1 : 0);
    });
  });
}
