// Runs in every integration test file before its imports: points lib/env at the test database,
// and fails any test during which a query was sent on a database client still running another one.
import pg from "pg";
import { afterAll, afterEach, inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
process.env.APP_URL ??= "http://localhost:3000";
// Postback tests talk to an HTTP server on 127.0.0.1.
process.env.POSTBACK_ALLOW_PRIVATE_HOSTS ??= "true";
(process.env as Record<string, string>).NODE_ENV = "test";

// Two queries at once on one connection (a Promise.all on a transaction's `tx` or on a client
// taken from the pool): pg@8 queues the second and, from the third on, warns once per process;
// pg@9 throws. The warning alone would miss the second query, and every offender after a
// process's first, so every query also looks at the client's running and queued queries (pg's
// own fields); the warning stays as the net should those fields ever change. Processes the tests
// start (workers, children) are not watched.
const concurrentQueries: Error[] = [];
const QUERY_QUEUE_DEPRECATION = "Calling client.query() when the client is already executing a query";

interface ClientState {
  pipeline?: boolean;
  _activeQuery?: { text?: string } | null;
  _queryQueue?: unknown[];
}
const queryText = (query: unknown) =>
  String((typeof query === "string" ? query : (query as { text?: string } | null)?.text) ?? "?")
    .replace(/\s+/g, " ")
    .slice(0, 160);
const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client & ClientState, ...args: unknown[]) {
  if (!this.pipeline && Array.isArray(this._queryQueue) && (this._activeQuery || this._queryQueue.length > 0)) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 50;
    concurrentQueries.push(new Error(`A query was sent on a database client still running another one: ${queryText(args[0])} (running: ${queryText(this._activeQuery)})`));
    Error.stackTraceLimit = limit;
  }
  return (clientQuery as (...args: unknown[]) => unknown).apply(this, args);
} as typeof clientQuery;

process.on("warning", (warning) => {
  if (warning.name === "DeprecationWarning" && warning.message.startsWith(QUERY_QUEUE_DEPRECATION)) concurrentQueries.push(warning);
});

function failOnConcurrentQueries() {
  if (concurrentQueries.length === 0) return;
  const found = concurrentQueries.splice(0);
  throw new Error(
    `${found.length} quer${found.length === 1 ? "y was" : "ies were"} sent on a database client still running another one:\n\n${found.map((error) => error.stack).join("\n\n")}`,
  );
}
// Registered first, so run last (after hooks run in reverse): queries of the file's own hooks count too.
afterEach(failOnConcurrentQueries);
afterAll(failOnConcurrentQueries);
