// A transaction held open after its work (its locks taken, its writes uncommitted) until `commit`
// is called: for tests of what runs beside it.
import { db, type DbTransaction } from "@/lib/db";

export async function holdTransactionOpen(work: (tx: DbTransaction) => Promise<unknown>) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let worked!: () => void;
  const done = new Promise<void>((resolve) => (worked = resolve));
  const transaction = db.$transaction(
    async (tx) => {
      await work(tx);
      worked();
      await released;
    },
    { timeout: 30_000 },
  );
  await Promise.race([done, transaction]); // work that fails rejects here
  return {
    commit: () => {
      release();
      return transaction;
    },
  };
}
