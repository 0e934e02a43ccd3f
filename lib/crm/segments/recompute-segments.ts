// The RFM/ABC recompute over every customer (issue 8 §4), run by the job crm.recompute-segments
// (nightly and on demand). Only PAID orders count: a refused COD order is not revenue.
// 1. Bought-out revenue is refreshed (refreshCustomerRevenue) for every customer who has or had
//    any, in batches of 5,000, each its own short transaction.
// 2. One statement computes everyone's scores, segment and class inside PostgreSQL into a
//    temporary table: ntile(5) per dimension over the customers with a PAID order (the rule of
//    score-rfm.ts), the segment map as a CASE in the map's order, the ABC class from the running
//    revenue total (classify-abc.ts). Nothing is loaded into Node.
// 3. Only the customers whose scores, segment or class changed are written (segmentedAt is when
//    that last happened; the run's own time is in the run state): rewriting every row of a wide,
//    much-indexed table each night would cost more than the ranking itself. They are written back
//    in batches of 10,000 rows, each batch its own statement, so a checkout that updates a
//    customer's counters waits for one batch at most, never for the whole run; a
//    CustomerSegmentChange row is written only where the segment or class changed.
// Runs are exclusive (a session advisory lock): a second run while one works returns at once.
import type pg from "pg";
import { refreshCustomerRevenue } from "@/lib/crm/customers/refresh-customer-revenue";
import { db } from "@/lib/db";
import { getPgPool } from "@/lib/db/pool";
import { getRatesMap } from "@/lib/pricing/get-rates-map";
import { getSegmentSettings } from "./get-segment-settings";
import type { TCrmSegmentSettings, TRfmRule } from "./segment-settings";

const REVENUE_BATCH = 5_000;
const WRITE_BATCH = 10_000;
/** pg_try_advisory_lock key of the recompute (any constant unique to it). */
const LOCK_KEY = 804_201_205;

export interface RecomputeResult {
  /** false when another run held the lock (nothing done). */
  ran: boolean;
  /** Customers whose revenue was refreshed. */
  refreshed: number;
  /** Customers with a PAID order (scored). */
  scored: number;
  /** Rows written: customers whose scores, segment or class changed (or were reset). */
  written: number;
  /** Customers whose segment or class changed (history rows written). */
  changed: number;
  ms: number;
  /** Wall time of each step. */
  steps: { refreshMs: number; computeMs: number; writeMs: number };
}

/** The map as a CASE over s.r/s.f/s.m: scores are validated integers 1–5, names are parameters. */
function segmentCase(rules: readonly TRfmRule[], params: unknown[]): string {
  const range = (column: string, [min, max]: readonly [number, number]) => `s.${column} BETWEEN ${Math.trunc(min)} AND ${Math.trunc(max)}`;
  const branches = rules.map((rule) => {
    params.push(rule.name);
    return `WHEN ${range("r", rule.r)} AND ${range("f", rule.f)} AND ${range("m", rule.m)} THEN $${params.length}::text`;
  });
  return `CASE WHEN s.id IS NULL THEN NULL ${branches.join(" ")} ELSE NULL END`;
}

async function refreshRevenue(): Promise<number> {
  const rates = await getRatesMap({ fresh: true });
  let after = "";
  let refreshed = 0;
  for (;;) {
    // Everyone who has a PAID order or still carries revenue from one that left PAID.
    const rows = await db.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Customer"
      WHERE "id" > ${after} AND ("paidOrdersCount" > 0 OR "paidRevenue" <> 0)
      ORDER BY "id" LIMIT ${REVENUE_BATCH}`;
    if (!rows.length) return refreshed;
    const ids = rows.map((row) => row.id);
    await db.$transaction((tx) => refreshCustomerRevenue(ids, { tx, rates }), { timeout: 60_000 });
    refreshed += ids.length;
    after = ids.at(-1)!;
  }
}

async function computeInto(client: pg.PoolClient, settings: TCrmSegmentSettings): Promise<{ rows: number; scored: number }> {
  const params: unknown[] = [];
  const segment = segmentCase(settings.rfm, params);
  params.push(settings.abc.a, settings.abc.b);
  const [a, b] = [`$${params.length - 1}::numeric`, `$${params.length}::numeric`];
  await client.query(`DROP TABLE IF EXISTS crm_segment_next`);
  await client.query(`CREATE TEMP TABLE crm_segment_next (id text PRIMARY KEY, r int, f int, m int, segment text, abc char(1), changed boolean NOT NULL)`);
  const result = await client.query(
    `INSERT INTO crm_segment_next (id, r, f, m, segment, abc, changed)
     WITH scored AS (
       SELECT "id" AS id,
         ntile(5) OVER (ORDER BY "lastPaidAt" ASC NULLS FIRST, "paidOrdersCount", "paidRevenue", "id" COLLATE "C") AS r,
         ntile(5) OVER (ORDER BY "paidOrdersCount", "paidRevenue", "lastPaidAt" ASC NULLS FIRST, "id" COLLATE "C") AS f,
         ntile(5) OVER (ORDER BY "paidRevenue", "paidOrdersCount", "lastPaidAt" ASC NULLS FIRST, "id" COLLATE "C") AS m
       FROM "Customer" WHERE "mergedIntoId" IS NULL AND "paidOrdersCount" > 0
     ),
     ranked AS (
       SELECT "id" AS id,
         sum("paidRevenue") OVER (ORDER BY "paidRevenue" DESC, "id" COLLATE "C" ROWS UNBOUNDED PRECEDING) - "paidRevenue" AS before,
         sum("paidRevenue") OVER () AS total
       FROM "Customer" WHERE "mergedIntoId" IS NULL AND "paidRevenue" > 0
     ),
     next AS (
       SELECT c."id" AS id, s.r, s.f, s.m, ${segment} AS segment,
         CASE WHEN k.id IS NULL THEN NULL WHEN k.before * 100 < ${a} * k.total THEN 'A' WHEN k.before * 100 < ${b} * k.total THEN 'B' ELSE 'C' END AS abc,
         c."rfmRecency" AS "oldR", c."rfmFrequency" AS "oldF", c."rfmMonetary" AS "oldM", c."rfmSegment" AS "oldSegment", c."abcClass" AS "oldAbc"
       FROM "Customer" c
       LEFT JOIN scored s ON s.id = c."id"
       LEFT JOIN ranked k ON k.id = c."id"
       WHERE s.id IS NOT NULL OR k.id IS NOT NULL OR c."rfmSegment" IS NOT NULL OR c."abcClass" IS NOT NULL OR c."rfmRecency" IS NOT NULL
     )
     SELECT id, r, f, m, segment, abc, (segment IS DISTINCT FROM "oldSegment" OR abc IS DISTINCT FROM "oldAbc") FROM next
     WHERE r IS DISTINCT FROM "oldR" OR f IS DISTINCT FROM "oldF" OR m IS DISTINCT FROM "oldM" OR segment IS DISTINCT FROM "oldSegment" OR abc IS DISTINCT FROM "oldAbc"`,
    params,
  );
  const counted = await client.query<{ scored: number }>(`SELECT count(*)::int AS scored FROM "Customer" WHERE "mergedIntoId" IS NULL AND "paidOrdersCount" > 0`);
  return { rows: result.rowCount ?? 0, scored: counted.rows[0]?.scored ?? 0 };
}

async function writeBack(client: pg.PoolClient, at: Date): Promise<{ written: number; changed: number }> {
  let after = "";
  let written = 0;
  let changed = 0;
  for (;;) {
    const { rows } = await client.query<{ last: string | null; written: number; changed: number }>(
      `WITH batch AS (SELECT * FROM crm_segment_next WHERE id > $1 ORDER BY id LIMIT $2),
       updated AS (
         UPDATE "Customer" c SET "rfmRecency" = b.r, "rfmFrequency" = b.f, "rfmMonetary" = b.m, "rfmSegment" = b.segment, "abcClass" = b.abc,
           "segmentedAt" = ($3::timestamptz AT TIME ZONE 'UTC')
         FROM batch b WHERE c."id" = b.id RETURNING c."id"
       ),
       history AS (
         INSERT INTO "CustomerSegmentChange" ("customerId", "rfmSegment", "abcClass", "rfmRecency", "rfmFrequency", "rfmMonetary", "createdAt")
         SELECT b.id, b.segment, b.abc, b.r, b.f, b.m, ($3::timestamptz AT TIME ZONE 'UTC') FROM batch b JOIN updated u ON u."id" = b.id WHERE b.changed
         RETURNING 1
       )
       SELECT (SELECT max(id) FROM batch) AS last, (SELECT count(*) FROM updated)::int AS written, (SELECT count(*) FROM history)::int AS changed`,
      [after, WRITE_BATCH, at.toISOString()],
    );
    const row = rows[0];
    if (!row?.last) return { written, changed };
    written += row.written;
    changed += row.changed;
    after = row.last;
  }
}

/** Recomputes every customer's RFM scores, segment and ABC class. */
export async function recomputeSegments(options: { now?: () => Date } = {}): Promise<RecomputeResult> {
  const started = performance.now();
  const client = await getPgPool().connect();
  let broken = false;
  try {
    const locked = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock($1) AS locked`, [LOCK_KEY]);
    if (!locked.rows[0]?.locked) return { ran: false, refreshed: 0, scored: 0, written: 0, changed: 0, ms: 0, steps: { refreshMs: 0, computeMs: 0, writeMs: 0 } };
    try {
      const since = (from: number) => Math.round(performance.now() - from);
      const refreshed = await refreshRevenue();
      const computing = performance.now();
      const settings = await getSegmentSettings();
      const { scored } = await computeInto(client, settings);
      const writing = performance.now();
      const { written, changed } = await writeBack(client, options.now?.() ?? new Date());
      await client.query(`DROP TABLE IF EXISTS crm_segment_next`);
      const steps = { refreshMs: Math.round(computing - started), computeMs: Math.round(writing - computing), writeMs: since(writing) };
      return { ran: true, refreshed, scored, written, changed, ms: since(started), steps };
    } finally {
      await client.query(`SELECT pg_advisory_unlock($1)`, [LOCK_KEY]).catch(() => (broken = true));
    }
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    // A client that failed mid-run may hold the temp table or the lock: drop it from the pool.
    client.release(broken);
  }
}
