// `npm run create-owner`: adds an OWNER employee to DATABASE_URL's database (or the embedded
// one), migrating it first. Email, name and password come from flags (--email --name
// --password), else from LAVKA_OWNER_EMAIL / LAVKA_OWNER_NAME / LAVKA_OWNER_PASSWORD, else they
// are asked on a terminal (the password twice, without echo).
import { readFileSync } from "node:fs";
import path from "node:path";
import { createInterface, type Interface } from "node:readline/promises";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { createOwner } from "../lib/auth/create-owner";
import { createDbClient } from "../lib/db";
import { migrate } from "../lib/db/migrate";
import { AppError } from "../lib/errors";
import { ensureDatabaseServer, ROOT } from "./lib/runtime";

const USAGE = 'usage: npm run create-owner -- [--email owner@example.com] [--name "Full Name"] [--password …]';

const { values: flags } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" }, help: { type: "boolean" } } });
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}

const given = {
  email: flags.email ?? (process.env.LAVKA_OWNER_EMAIL || undefined),
  name: flags.name ?? (process.env.LAVKA_OWNER_NAME || undefined),
  password: flags.password ?? (process.env.LAVKA_OWNER_PASSWORD || undefined),
};

/** Asks for what flags and the environment did not give; the password is typed twice, unseen. */
async function completeFromTerminal(): Promise<{ email?: string; name?: string; password?: string }> {
  if (given.email !== undefined && given.name !== undefined && given.password !== undefined) return given;
  if (!process.stdin.isTTY) {
    const missing = (["email", "name", "password"] as const).filter((key) => given[key] === undefined);
    throw new Error(`missing ${missing.join(", ")}: pass --${missing[0]} (or LAVKA_OWNER_${missing[0]!.toUpperCase()}) when not on a terminal\n${USAGE}`);
  }
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!muted) process.stdout.write(chunk);
      callback();
    },
  });
  const prompt: Interface = createInterface({ input: process.stdin, output, terminal: true });
  const hidden = async (question: string) => {
    process.stdout.write(question);
    muted = true;
    try {
      return await prompt.question("");
    } finally {
      muted = false;
      process.stdout.write("\n");
    }
  };
  try {
    const email = given.email ?? (await prompt.question("Email: "));
    const name = given.name ?? (await prompt.question("Name: "));
    let password = given.password;
    while (password === undefined) {
      const first = await hidden("Password (at least 10 characters): ");
      if (first === (await hidden("Repeat the password: "))) password = first;
      else console.log("The passwords do not match; try again.");
    }
    return { email, name, password };
  } finally {
    prompt.close();
  }
}

/** The English text of a domain message key ("setup.errors.emailTaken"), else the key itself. */
function english(key: string): string {
  let node: unknown = JSON.parse(readFileSync(path.join(ROOT, "messages/en.json"), "utf8"));
  for (const part of key.split(".")) node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === "string" ? node : key;
}

const input = await completeFromTerminal().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

const database = await ensureDatabaseServer((line) => console.log(line));
const client = createDbClient(database.url, 2);
try {
  const migrated = await migrate({ connectionString: database.url, log: (line) => console.log(line) });
  if (migrated.applied.length) console.log(`applied ${migrated.applied.length} migration(s)`);
  const owner = await createOwner(input, { source: "cli", client });
  console.log(`created the owner ${owner.name} <${owner.email}> (id ${owner.id}); sign in at /signin`);
} catch (error) {
  if (error instanceof AppError) {
    console.error(`not created: ${error.message}`);
    for (const [field, keys] of Object.entries(error.fieldErrors ?? {})) console.error(`  ${field}: ${keys.map(english).join("; ")}`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exitCode = 1;
} finally {
  await client.$disconnect();
  await database.embedded?.stop();
}
// Explicitly: an open handle of the database driver must neither keep the process nor lose the code.
process.exit(process.exitCode ?? 0);
