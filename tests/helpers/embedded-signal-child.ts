// An embedded PostgreSQL in a script of its own, for tests/integration/embedded-postgres-signals:
//   node --import tsx tests/helpers/embedded-signal-child.ts <own|default> <dataDir>
// "own": the script stops its server on SIGINT itself (as scripts/start.ts does), after a query
// that shows the server still answers; "default": lib/db/embedded's handler does. Prints one JSON
// line when the server is up, and one from its own handler.
import pg from "pg";
import { leaveSignalsToCaller, startEmbeddedPostgres } from "@/lib/db/embedded";

const [mode, dataDir] = process.argv.slice(2);
if ((mode !== "own" && mode !== "default") || !dataDir) throw new Error("usage: embedded-signal-child.ts <own|default> <dataDir>");

const server = await startEmbeddedPostgres({ dataDir, persistent: false });
if (mode === "own") {
  leaveSignalsToCaller();
  process.on("SIGINT", () => {
    void (async () => {
      const client = new pg.Client({ connectionString: server.serverUrl });
      const answered = await client
        .connect()
        .then(() => client.query<{ one: number }>("SELECT 1 AS one"))
        .then((result) => result.rows[0]?.one === 1)
        .catch((error: Error) => error.message)
        .finally(() => client.end().catch(() => {}));
      await server.stop();
      process.stdout.write(`${JSON.stringify({ answered })}\n`);
      process.exit(0);
    })();
  });
}
process.stdout.write(`${JSON.stringify({ port: server.port })}\n`);
setInterval(() => {}, 60_000);
