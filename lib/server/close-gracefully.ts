// A graceful stop of the production web server (server.ts) under traffic. `server.close()` only
// stops accepting connections and drops the idle ones; a keep-alive client in the middle of a
// request keeps its connection and sends the next request on it, so under steady load the
// server never finished closing and was cut off by the deadline, in-flight requests and all
// (found by the crash tests, npm run test:chaos). Here every response from the moment of the stop
// says `Connection: close`, so each connection ends with the request it is serving, and the
// server closes as soon as the requests in flight have been answered.
import type { Server } from "node:http";

/** Resolves when every connection has closed, or after `timeoutMs` with `timedOut` (connections left are destroyed). */
export function closeGracefully(server: Server, timeoutMs: number): Promise<{ timedOut: boolean }> {
  // Runs before the app's own request handler, so the header is set before anything is sent.
  server.prependListener("request", (_request, response) => {
    if (!response.headersSent) response.setHeader("Connection", "close");
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.closeAllConnections();
      resolve({ timedOut: true });
    }, timeoutMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve({ timedOut: false });
    });
    server.closeIdleConnections();
  });
}
