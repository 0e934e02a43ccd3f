// Vitest global setup for integration tests: one migrated database for the run, dropped after.
import pg from "pg";
import type { TestProject } from "vitest/node";
import { withDatabase } from "@/lib/db/embedded";
import { createMigratedDatabase, startTestServer } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    serverUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const name = `lavka_test_${process.pid}`;
  const databaseUrl = await createMigratedDatabase(server.serverUrl, name);
  project.provide("databaseUrl", databaseUrl);
  project.provide("serverUrl", server.serverUrl);
  return async () => {
    const client = new pg.Client({ connectionString: withDatabase(server.serverUrl, "postgres") });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => client.end());
    await server.stop();
  };
}
