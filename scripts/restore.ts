// `npm run db:restore -- <file> --database-url <url of a new database>`: restores a backup made by
// `npm run db:backup` into a new, empty database (created when missing; one with tables is
// refused), all or nothing, then applies the migrations newer than the backup. Point DATABASE_URL
// at it and start the app. See README, "Backup and restore".
import { parseArgs } from "node:util";
import { BackupError, restoreDatabase } from "../lib/db/backup";

const { values, positionals } = parseArgs({ options: { "database-url": { type: "string" } }, allowPositionals: true });
const file = positionals[0];
const databaseUrl = values["database-url"];
if (!file || !databaseUrl) {
  console.error("usage: npm run db:restore -- <backup file> --database-url postgresql://user@host:5432/new_database");
  process.exit(2);
}
try {
  const { migrationsApplied } = await restoreDatabase({ file, databaseUrl, log: (line) => console.log(`[restore] ${line}`) });
  console.log(`[restore] restored ${file} (${migrationsApplied.length} newer migration(s) applied); start the app with DATABASE_URL set to it`);
} catch (error) {
  console.error(`[restore] ${error instanceof BackupError ? error.message : String(error)}`);
  process.exit(1);
}
