// `npm run db:migrate`: applies pending SQL migrations to DATABASE_URL (or the embedded database).
import { migrate } from "../lib/db/migrate";
import { ensureDatabaseServer } from "./lib/runtime";

const database = await ensureDatabaseServer((line) => console.log(line));
try {
  const result = await migrate({ connectionString: database.url, log: (line) => console.log(line) });
  console.log(
    result.applied.length
      ? `applied ${result.applied.length} migration(s); ${result.alreadyApplied.length} were already applied`
      : `database is up to date (${result.alreadyApplied.length} migration(s) applied)`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.embedded?.stop();
}
