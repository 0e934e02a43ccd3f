// `npm run db:seed`: loads the demo data into DATABASE_URL (or the embedded database).
import { migrate } from "../lib/db/migrate";
import { ensureDatabaseServer } from "./lib/runtime";
import { DEMO_ACCOUNTS, seedDemo } from "./seed-demo";

const database = await ensureDatabaseServer((line) => console.log(line));
try {
  await migrate({ connectionString: database.url, log: (line) => console.log(line) });
  await seedDemo(database.url);
  console.log("demo data loaded. Sign-ins:");
  for (const account of DEMO_ACCOUNTS) console.log(`  ${account.label.padEnd(22)} ${account.identifier} / ${account.password}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.embedded?.stop();
}
