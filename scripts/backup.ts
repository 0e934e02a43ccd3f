// `npm run db:backup [-- --out <file>]`: a pg_dump (custom format) of DATABASE_URL — or of the
// embedded database when DATABASE_URL is not set and `npm start` is not running — to
// .data/backups/lavka-<UTC time>.dump unless --out names the file. See README, "Backup and restore".
import path from "node:path";
import { parseArgs } from "node:util";
import { BackupError, backupDatabase } from "../lib/db/backup";
import { DATA_DIR, ensureDatabaseServer } from "./lib/runtime";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const log = (line: string) => console.log(`[backup] ${line}`);
const database = await ensureDatabaseServer(log);
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const file = values.out ?? path.join(DATA_DIR, "backups", `lavka-${stamp}.dump`);
let code = 0;
try {
  const { bytes } = await backupDatabase({ databaseUrl: database.url, file });
  log(`wrote ${file} (${(bytes / 1024 / 1024).toFixed(1)} MiB)`);
} catch (error) {
  console.error(`[backup] ${error instanceof BackupError ? error.message : String(error)}`);
  code = 1;
} finally {
  await database.embedded?.stop();
}
process.exit(code);
