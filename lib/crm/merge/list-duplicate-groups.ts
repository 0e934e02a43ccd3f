// "Possible duplicates": groups of cards (not merged away) that share a normalised phone (the
// card's own or any of its CustomerPhone rows), an email (likewise), or the same name and city
// (case and surrounding spaces ignored). One kind per page, in key order, keyset-paginated by
// the last key shown. Phones and emails are read in index order (Customer_phoneNormalized_idx,
// CustomerPhone_normalized_idx, …: a merge append feeding a streaming group aggregate) and the
// scan stops once a page of groups is found, so a page costs what it shows even at 300,000 cards.
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

function groupsSql(by: DuplicateKind, after: string, limit: number): Prisma.Sql {
  if (by === "phone") {
    return Prisma.sql`
      SELECT k.key, array_agg(DISTINCT k.id) AS ids FROM (
        SELECT c."phoneNormalized" AS key, c.id FROM "Customer" c WHERE c."phoneNormalized" > ${after} AND c."mergedIntoId" IS NULL
        UNION ALL
        SELECT p.normalized, p."customerId" FROM "CustomerPhone" p WHERE p.normalized > ${after}
      ) k
      GROUP BY k.key HAVING count(DISTINCT k.id) > 1 ORDER BY k.key LIMIT ${limit}`;
  }
  if (by === "email") {
    return Prisma.sql`
      SELECT k.key, array_agg(DISTINCT k.id) AS ids FROM (
        SELECT c."emailNormalized" AS key, c.id FROM "Customer" c WHERE c."emailNormalized" > ${after} AND c."mergedIntoId" IS NULL
        UNION ALL
        SELECT e.normalized, e."customerId" FROM "CustomerEmail" e WHERE e.normalized > ${after}
      ) k
      GROUP BY k.key HAVING count(DISTINCT k.id) > 1 ORDER BY k.key LIMIT ${limit}`;
  }
  return Prisma.sql`
    SELECT k.key, array_agg(DISTINCT k.id) AS ids FROM (
      SELECT lower(btrim(c.name)) || ' · ' || lower(btrim(a.city)) AS key, c.id
      FROM "CustomerAddress" a JOIN "Customer" c ON c.id = a."customerId"
      WHERE a.city IS NOT NULL AND btrim(a.city) <> '' AND c.name IS NOT NULL AND btrim(c.name) <> '' AND c."mergedIntoId" IS NULL
    ) k
    WHERE k.key > ${after}
    GROUP BY k.key HAVING count(DISTINCT k.id) > 1 ORDER BY k.key LIMIT ${limit}`;
}

export async function listDuplicateGroups(query: z.input<typeof ZDuplicateQuery>, actor: TSectionActor): Promise<{ groups: DuplicateGroup[]; nextAfter: string | null }> {
  assertMerger(actor);
  const { by, after } = ZDuplicateQuery.parse(query);
  const found = await db.$queryRaw<{ key: string; ids: string[] }[]>(groupsSql(by, after ?? "", DUPLICATE_PAGE_SIZE + 1));
  const page = found.slice(0, DUPLICATE_PAGE_SIZE);
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
  return { groups, nextAfter: found.length > DUPLICATE_PAGE_SIZE ? (page.at(-1)?.key ?? null) : null };
}
