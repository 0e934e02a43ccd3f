// "Possible duplicates": groups of cards (not merged away) that share a normalised phone (the
// card's own or any of its CustomerPhone rows), an email (likewise), or the same name and city
// (case and surrounding spaces ignored). One kind per page, in key order, keyset-paginated by
// the last key shown. Phones and emails are grouped in the order of CustomerPhone_normalized_idx
// / CustomerEmail_normalized_idx and the scan stops at the page's end (EXPLAIN at 300,000 cards:
// index scan → GroupAggregate → Limit, ~1 ms a page); name + city in windows of addresses in
// the order of CustomerAddress_city_idx (the cursor is then the last city read).
import { z } from "zod";
import type { TSectionActor } from "@/lib/auth/section-actor";
import { db, Prisma } from "@/lib/db";
import type { CustomerType } from "@/lib/db/generated/enums";
import { assertMerger } from "./merge-customers";

export const DUPLICATE_KINDS = ["phone", "email", "name"] as const;
export type DuplicateKind = (typeof DUPLICATE_KINDS)[number];

export const ZDuplicateQuery = z.object({
  by: z.enum(DUPLICATE_KINDS).catch("phone"),
  after: z.string().max(700).optional().catch(undefined),
});

export const DUPLICATE_PAGE_SIZE = 20;
/** A group larger than this is a shared office number or a test address, not one person: shown cut. */
const MAX_GROUP_MEMBERS = 10;

export interface DuplicateMember {
  id: string;
  type: CustomerType;
  name: string | null;
  legalName: string | null;
  phone: string | null;
  email: string | null;
  city: string | null;
  ordersCount: number;
  createdAt: Date;
}

export interface DuplicateGroup {
  key: string;
  size: number;
  members: DuplicateMember[];
}

interface FoundGroup {
  key: string;
  ids: string[];
}

const CONTACT_TABLES = {
  phone: { table: Prisma.raw(`"CustomerPhone"`), primary: Prisma.raw(`"phoneNormalized"`) },
  email: { table: Prisma.raw(`"CustomerEmail"`), primary: Prisma.raw(`"emailNormalized"`) },
} as const;

/**
 * Groups by phone or email. Every writer keeps a card's primary contact among its
 * CustomerPhone/CustomerEmail rows too (unique per card), so the page is a streaming group
 * aggregate over that table's index — count(*) is the number of cards, and the scan stops at
 * the page's end (~1 ms at 300,000 cards). Cards whose primary contact has no row (older data)
 * are added for the keys of the page's range: a second, range-bounded index scan.
 */
async function contactGroups(by: "phone" | "email", after: string, limit: number): Promise<{ groups: FoundGroup[]; upper: string | null }> {
  const { table, primary } = CONTACT_TABLES[by];
  const found = await db.$queryRaw<FoundGroup[]>`
    SELECT x.normalized AS key, array_agg(x."customerId" ORDER BY x."createdAt", x."customerId") AS ids
    FROM ${table} x WHERE x.normalized > ${after}
    GROUP BY x.normalized HAVING count(*) > 1 ORDER BY x.normalized LIMIT ${limit + 1}`;
  const upper = found.length > limit ? found[limit - 1]!.key : null;
  const orphans = await db.$queryRaw<{ key: string; id: string }[]>`
    SELECT c.${primary} AS key, c.id FROM "Customer" c
    WHERE c.${primary} > ${after} AND (${upper}::text IS NULL OR c.${primary} <= ${upper}::text) AND c."mergedIntoId" IS NULL
      AND NOT EXISTS (SELECT 1 FROM ${table} x WHERE x."customerId" = c.id AND x.normalized = c.${primary})`;
  const groups = new Map<string, Set<string>>(found.slice(0, limit).map((group) => [group.key, new Set(group.ids)]));
  if (orphans.length) {
    const keys = [...new Set(orphans.map((orphan) => orphan.key))];
    const others = await db.$queryRaw<{ key: string; id: string }[]>`SELECT x.normalized AS key, x."customerId" AS id FROM ${table} x WHERE x.normalized = ANY(${keys}::text[])`;
    for (const { key, id } of [...others, ...orphans]) groups.set(key, (groups.get(key) ?? new Set()).add(id));
  }
  return {
    groups: [...groups.entries()]
      .filter(([, ids]) => ids.size > 1)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, ids]) => ({ key, ids: [...ids] })),
    upper,
  };
}

const CITY_WINDOW = 5_000;
const MAX_CITY_WINDOWS = 10;

/**
 * Groups by name and city. No index orders cards by "name + city", but CustomerAddress_city_idx
 * orders addresses by city: windows of addresses are read in that order (index scan, each card
 * by its primary key) and grouped whole city by whole city, so a page costs a window or a few
 * (~10 ms each at 300,000 cards) instead of grouping every card. The cursor is the last city.
 */
async function nameCityGroups(afterCity: string, limit: number): Promise<{ groups: FoundGroup[]; upper: string | null }> {
  const groups: FoundGroup[] = [];
  let cursor = afterCity;
  for (let window = 0; window < MAX_CITY_WINDOWS && groups.length < limit; window++) {
    let rows = await db.$queryRaw<{ city: string; id: string; name: string }[]>`
      SELECT a.city, c.id, c.name FROM "CustomerAddress" a JOIN "Customer" c ON c.id = a."customerId"
      WHERE a.city > ${cursor} AND c."mergedIntoId" IS NULL AND c.name IS NOT NULL
      ORDER BY a.city LIMIT ${CITY_WINDOW}`;
    if (rows.length === 0) return { groups, upper: null };
    const last = rows.at(-1)!.city;
    const complete = rows.length < CITY_WINDOW;
    if (!complete) {
      // Only whole cities: the last one may go on past the window.
      // Rows come in the database's city order: the last city's rows are the tail.
      const whole = rows.slice(
        0,
        rows.findIndex((row) => row.city === last),
      );
      rows = whole.length
        ? whole
        : await db.$queryRaw<{ city: string; id: string; name: string }[]>`
            SELECT a.city, c.id, c.name FROM "CustomerAddress" a JOIN "Customer" c ON c.id = a."customerId"
            WHERE a.city = ${last} AND c."mergedIntoId" IS NULL AND c.name IS NOT NULL`;
    }
    const byKey = new Map<string, Set<string>>();
    for (const row of rows) {
      const name = row.name.trim().toLowerCase();
      const city = row.city.trim().toLowerCase();
      if (!name || !city) continue;
      const key = `${name} · ${city}`;
      byKey.set(key, (byKey.get(key) ?? new Set()).add(row.id));
    }
    for (const [key, ids] of [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) if (ids.size > 1) groups.push({ key, ids: [...ids] });
    cursor = rows.at(-1)!.city;
    if (complete) return { groups, upper: null };
  }
  return { groups, upper: cursor };
}

export async function listDuplicateGroups(query: z.input<typeof ZDuplicateQuery>, actor: TSectionActor): Promise<{ groups: DuplicateGroup[]; nextAfter: string | null }> {
  assertMerger(actor);
  const { by, after } = ZDuplicateQuery.parse(query);
  const { groups: page, upper } = by === "name" ? await nameCityGroups(after ?? "", DUPLICATE_PAGE_SIZE) : await contactGroups(by, after ?? "", DUPLICATE_PAGE_SIZE);
  const ids = [...new Set(page.flatMap((group) => group.ids.slice(0, MAX_GROUP_MEMBERS)))];
  const customers = ids.length
    ? await db.customer.findMany({
        where: { id: { in: ids }, mergedIntoId: null },
        select: {
          id: true,
          type: true,
          name: true,
          legalName: true,
          phone: true,
          email: true,
          ordersCount: true,
          createdAt: true,
          addresses: { select: { city: true }, where: { city: { not: null } }, orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }], take: 1 },
        },
      })
    : [];
  const byId = new Map(customers.map(({ addresses, ...customer }) => [customer.id, { ...customer, city: addresses[0]?.city ?? null }]));
  const groups = page
    .map((group) => ({
      key: group.key,
      size: group.ids.length,
      members: group.ids
        .map((id) => byId.get(id))
        .filter((member): member is DuplicateMember => Boolean(member))
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
    }))
    .filter((group) => group.members.length > 1);
  return { groups, nextAfter: upper };
}
