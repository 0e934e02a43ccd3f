// Writes clicks with group commit. A referral link is the most requested URL of the shop (issue
// 4: 2,000 clicks/s on two cores, every click stored), and one INSERT per click spent most of
// that budget on per-statement overhead. Here each click still waits for its row to be committed
// before the visitor is redirected (nothing answered is lost), but the clicks that arrive while
// one insert is in flight go together in the next one: at low traffic a batch is one click and
// adds no delay; under load batches grow by themselves, and the cost per click falls.
//
// One statement per batch does what the single-click statement did: partner by login (active
// only), product by slug, the uniqueness probe (index partnerId, fingerprintHash, createdAt), the
// insert, and the ids for the cookies. Ids are drawn from the table's sequence in the statement
// so that each click gets its own back. Within a batch only the first click of a visitor (partner
// + fingerprint) can be unique: the probe does not see rows of its own statement.
import { db } from "@/lib/db";

export interface ClickRow {
  login: string;
  productSlug: string | null;
  targetPath: string | null;
  sub1: string | null;
  sub2: string | null;
  sub3: string | null;
  sub4: string | null;
  sub5: string | null;
  referrer: string | null;
  country: string | null;
  userAgent: string | null;
  fingerprint: string;
  isBot: boolean;
  at: Date;
}

export interface WrittenClick {
  /** Null when the login names no active partner (nothing was written). */
  clickId: bigint | null;
  /** The target product's slug when it exists. */
  productSlug: string | null;
}

const MAX_BATCH = 500;

interface Pending {
  row: ClickRow;
  resolve: (result: WrittenClick) => void;
  reject: (error: unknown) => void;
}

const globalForClicks = globalThis as unknown as { lavkaClickQueue?: { pending: Pending[]; flushing: boolean } };

function queue() {
  return (globalForClicks.lavkaClickQueue ??= { pending: [], flushing: false });
}

/** Stores a click; resolves once it is committed (with the clicks that arrived with it). */
export function writeClick(row: ClickRow): Promise<WrittenClick> {
  const state = queue();
  return new Promise<WrittenClick>((resolve, reject) => {
    state.pending.push({ row, resolve, reject });
    if (!state.flushing) {
      state.flushing = true;
      // Clicks parsed in the same turn of the event loop share the first batch.
      setImmediate(() => void flush(state));
    }
  });
}

async function flush(state: { pending: Pending[]; flushing: boolean }) {
  try {
    while (state.pending.length > 0) {
      const batch = state.pending.splice(0, MAX_BATCH);
      try {
        const results = await insertClicks(batch.map((entry) => entry.row));
        batch.forEach((entry, index) => entry.resolve(results[index]!));
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
  } finally {
    state.flushing = false;
  }
}

/** Inserts the rows in one statement; results in the rows' order. Exported for tests. */
export async function insertClicks(rows: readonly ClickRow[]): Promise<WrittenClick[]> {
  if (rows.length === 0) return [];
  const seen = new Set<string>();
  const firstOfVisitor = rows.map((row) => {
    const key = `${row.login}\u0000${row.fingerprint}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const column = <K extends keyof ClickRow>(key: K) => rows.map((row) => row[key]);
  // Timestamps are bound as text and cast: "createdAt" is a timestamp without time zone in UTC
  // (Prisma's DateTime), and this keeps the session's time zone out of it.
  const result = await db.$queryRaw<{ position: bigint; clickId: bigint | null; productSlug: string | null }[]>`
    WITH input AS (
      SELECT * FROM unnest(
        ${column("login")}::text[], ${column("productSlug")}::text[], ${column("targetPath")}::text[],
        ${column("sub1")}::text[], ${column("sub2")}::text[], ${column("sub3")}::text[], ${column("sub4")}::text[], ${column("sub5")}::text[],
        ${column("referrer")}::text[], ${column("country")}::text[], ${column("userAgent")}::text[], ${column("fingerprint")}::text[],
        ${column("isBot")}::boolean[], ${firstOfVisitor}::boolean[], ${rows.map((row) => row.at.toISOString())}::text[]
      ) WITH ORDINALITY AS i(login, slug, target_path, sub1, sub2, sub3, sub4, sub5, referrer, country, user_agent, fingerprint, is_bot, first_of_visitor, at, position)
    ),
    resolved AS (
      SELECT i.*, i.at::timestamp(3) AS created_at, p.id AS partner_id, t.id AS product_id, t.slug AS product_slug,
             CASE WHEN p.id IS NOT NULL THEN nextval(pg_get_serial_sequence('"Click"', 'id')) END AS click_id
      FROM input i
      LEFT JOIN "Partner" p ON p.login = i.login AND p.status = 'ACTIVE'
      LEFT JOIN "Product" t ON t.slug = i.slug
    ),
    inserted AS (
      INSERT INTO "Click" (id, "partnerId", "productId", "targetUrl", "sub1", "sub2", "sub3", "sub4", "sub5",
                           "referrer", "country", "userAgent", "fingerprintHash", "isUnique", "isBot", "createdAt")
      SELECT r.click_id, r.partner_id, r.product_id, COALESCE('/checkout/' || r.product_slug, r.target_path),
             r.sub1, r.sub2, r.sub3, r.sub4, r.sub5, r.referrer, r.country, r.user_agent, r.fingerprint,
             NOT r.is_bot AND r.first_of_visitor AND NOT EXISTS (
               SELECT 1 FROM "Click" c
               WHERE c."partnerId" = r.partner_id AND c."fingerprintHash" = r.fingerprint
                 AND c."createdAt" > r.created_at - interval '24 hours'
             ),
             r.is_bot, r.created_at
      FROM resolved r
      WHERE r.partner_id IS NOT NULL
      RETURNING id
    )
    SELECT r.position, r.click_id AS "clickId", r.product_slug AS "productSlug"
    FROM resolved r
    ORDER BY r.position`;
  return result.map((row) => ({ clickId: row.clickId, productSlug: row.productSlug }));
}
