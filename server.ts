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
import { setClientAddress } from "@/lib/client-ip";
import { logger } from "@/lib/logger";
import { answerFastRoute, rewriteCheckoutView } from "@/lib/server/fast-routes";

const port = Number(process.env.PORT) || 3000;
const app = next({ dev: false, dir: import.meta.dirname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  // First: every path below reads the client address from X-Forwarded-For (lib/client-ip.ts).
  setClientAddress(request);
  if (answerFastRoute(request, response)) return;
  const rewriting = rewriteCheckoutView(request);
  if (rewriting) void rewriting.then(() => handle(request, response));
  else void handle(request, response);
});

server.listen(port, () => {
  logger.info({ port }, "web server ready");
});

// Stop taking connections, let the ones in flight finish, then leave (as `next start` does on
// SIGTERM); a second signal or a stuck connection does not hold the process forever.
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
