// A shop-wide setting is one row for the whole test database, and test files run side by side: a
// file that saves one (and puts the old value back in its afterAll) would change it under a file
// that prints it, or that proves a refused save wrote nothing. Such files take turns: each holds a
// session advisory lock, on a connection of its own, from its beforeAll to the end of its afterAll.
import pg from "pg";

/** pg_advisory_lock keys, one per group of settings (any constants no product code uses). */
export const SETTING_TURNS = {
  /** Every "shop." row (the shop settings and the requisites) and the postal tariff. */
  shop: 7_300_001,
} as const;

/** How long a file's beforeAll may wait for its turn: the other files' whole runs, on a busy machine. */
export const SETTING_TURN_TIMEOUT_MS = 240_000;

/** Waits for the turn; resolves to the function that ends it (call it in a `finally`). */
export async function takeSettingTurn(key: number): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    // Given up a little before the hook's own timeout, so a file that never got its turn cannot
    // take it after it failed, with nobody left to end it.
    await client.query(`SET lock_timeout = ${SETTING_TURN_TIMEOUT_MS - 10_000}`);
    await client.query("SELECT pg_advisory_lock($1)", [key]);
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
  // Closing the session releases the lock.
  return () => client.end();
}
