// "Possible duplicates": groups of cards (not merged away) that share a normalised phone (the
// card's own or any of its CustomerPhone rows), an email (likewise), or the same name and city
// (case and surrounding spaces ignored). One kind per page, in key order, keyset-paginated by
// the last key shown. Phones and emails are grouped in the order of CustomerPhone_normalized_idx
// / CustomerEmail_normalized_idx and the scan stops at the page's end (EXPLAIN at 300,000 cards:
// index scan → GroupAggregate → Limit, ~1 ms a page); name + city has no index to follow and is
// one hash join and sort over the cards with a city.
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

/** Groups by name and city: an aggregate over the cards with an address in a city. */
async function nameCityGroups(after: string, limit: number): Promise<{ groups: FoundGroup[]; upper: string | null }> {
  const found = await db.$queryRaw<FoundGroup[]>`
    SELECT k.key, array_agg(DISTINCT k.id) AS ids FROM (
      SELECT lower(btrim(c.name)) || ' · ' || lower(btrim(a.city)) AS key, c.id
      FROM "CustomerAddress" a JOIN "Customer" c ON c.id = a."customerId"
      WHERE a.city IS NOT NULL AND btrim(a.city) <> '' AND c.name IS NOT NULL AND btrim(c.name) <> '' AND c."mergedIntoId" IS NULL
    ) k
    WHERE k.key > ${after}
    GROUP BY k.key HAVING count(DISTINCT k.id) > 1 ORDER BY k.key LIMIT ${limit + 1}`;
  return { groups: found.slice(0, limit), upper: found.length > limit ? found[limit - 1]!.key : null };
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
