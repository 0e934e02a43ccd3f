// Runs Prisma.sql statements on either side of the one database: inside a Prisma interactive
// transaction, or on a plain node-postgres client of lib/db/pool. Hot paths whose every
// statement is hand-written SQL (placing an order) run on node-postgres, where a statement costs
// a fraction of the CPU it costs through Prisma's client (~0.06 ms against ~0.28 ms here); the
// same statements run inside a Prisma transaction when the path also needs the ORM's helpers.
// Results are the same either way for the types such statements return (text, int4, float8,
// bool, json, arrays): write int8 results as ::text or ::int.
import { createHash } from "node:crypto";
import type { DbTransaction, Prisma } from "@/lib/db";
import { getPgPool } from "./pool";

export interface SqlRunner {
  query<T>(sql: Prisma.Sql): Promise<T[]>;
  /**
   * Where the transaction is ours (node-postgres): runs `statement` (plain SQL without
   * parameters) and COMMIT in one round trip, so that locks the statement takes are held only
   * for the COMMIT itself. When the statement fails, nothing is committed and the error is thrown.
   */
  commitAfter?(statement: string): Promise<void>;
  /**
   * Where the transaction is ours (node-postgres): runs `statement` (plain SQL without
   * parameters, several statements allowed), with the BEGIN in the same round trip when it is the
   * transaction's first.
   */
  execText?(statement: string): Promise<void>;
}

// Statements run as named prepared statements: PostgreSQL parses and plans an unnamed one on
// every execution (~1.5 ms for the order's big statements, measured), a named one once per
// connection, and after a few runs reuses a generic plan. The name is derived from the text, so
// one name never stands for two texts.
const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `lavka_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
    if (statementNames.size < 1_000) statementNames.set(text, name);
  }
  return name;
}

export function prismaRunner(tx: DbTransaction): SqlRunner {
  return { query: <T>(sql: Prisma.Sql) => tx.$queryRaw<T[]>(sql) };
}

/** Runs each statement on its own on the node-postgres pool (no transaction): a read on a hot path that Prisma's client would cost several times the CPU of. */
export function pgPoolRunner(): SqlRunner {
  return {
    async query<R>(sql: Prisma.Sql) {
      const result = await getPgPool().query({ name: statementName(sql.text), text: sql.text, values: sql.values as unknown[] });
      return result.rows as R[];
    },
  };
}

/**
 * Runs `work` in a transaction on a pooled node-postgres client: COMMIT on success (unless `work`
 * committed with commitAfter), ROLLBACK on any error. The BEGIN is sent with the first statement
 * where that statement is plain text (execText, commitAfter), saving the transaction a round trip.
 */
export async function withPgTransaction<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T> {
  const client = await getPgPool().connect();
  let begun = false;
  let committed = false;
  let broken: Error | undefined;
  // The simple-query protocol runs several statements in one round trip and stops at the first
  // that fails; marked begun first, so that a failure is rolled back.
  const withBegin = (statement: string) => {
    const text = begun ? statement : `BEGIN;\n${statement}`;
    begun = true;
    return text;
  };
  const runner: SqlRunner = {
    async query<R>(sql: Prisma.Sql) {
      if (!begun) {
        begun = true;
        await client.query("BEGIN");
      }
      const result = await client.query({ name: statementName(sql.text), text: sql.text, values: sql.values as unknown[] });
      return result.rows as R[];
    },
    async execText(statement: string) {
      await client.query(withBegin(statement));
    },
    async commitAfter(statement: string) {
      await client.query(withBegin(`${statement};\nCOMMIT`));
      committed = true;
    },
  };
  try {
    const result = await work(runner);
    if (begun && !committed) await client.query("COMMIT");
    return result;
  } catch (error) {
    if (begun) {
      await client.query("ROLLBACK").catch((rollbackError: Error) => {
        // A connection that cannot roll back is not given to the next caller.
        broken = rollbackError;
      });
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

/** A unique-constraint violation, from node-postgres (23505) or Prisma (P2002). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === "23505" || code === "P2002";
}
