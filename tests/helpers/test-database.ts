// Where the tests' PostgreSQL comes from: TEST_DATABASE_URL (any server we may create
// databases on), else an embedded server with throw-away data under .data/test-postgres.
import path from "node:path";
import { recreateDatabase, startEmbeddedPostgres, withDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

export interface TestServer {
  serverUrl: string;
  stop(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  if (process.env.TEST_DATABASE_URL) {
    return { serverUrl: process.env.TEST_DATABASE_URL, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.resolve(".data/test-postgres"),
    persistent: false,
  });
  return server;
}

/** A freshly created and migrated database on the server; returns its URL. */
export async function createMigratedDatabase(serverUrl: string, name: string) {
  await recreateDatabase(serverUrl, name);
  const url = withDatabase(serverUrl, name);
  await migrate({ connectionString: url });
  return url;
}
