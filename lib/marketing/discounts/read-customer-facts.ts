// What the discount rules need to know of a customer, by the order's normalised phone and email
// (the checkout's own normalisation, lib/customers/normalize-contact): earlier orders that count
// (not cancelled, spam or duplicates), orders already placed with a coupon, and the CRM's RFM
// segment and ABC class. One statement; each lookup a UNION branch on its own index. Runs on
// either side of a transaction (lib/db/sql-runner): inside the order's, after its contact locks,
// it sees every committed order of the same contact.
import { Prisma } from "@/lib/db";
import type { SqlRunner } from "@/lib/db/sql-runner";
import type { CustomerFacts } from "./discount-rule";

const NOT_COUNTED = ["CANCELLED", "SPAM", "DUPLICATE"];

export async function readCustomerFacts(
  runner: SqlRunner,
  contact: { phoneNormalized: string | null; emailNormalized: string | null },
  couponId: string | null,
): Promise<CustomerFacts | null> {
  if (!contact.phoneNormalized && !contact.emailNormalized) return null;
  const rows = await runner.query<CustomerFacts>(customerFactsSql(contact, couponId));
  return rows[0] ?? null;
}

/**
 * The facts as one SELECT of one row (earlierOrders, couponUses, rfmSegment, abcClass), for a
 * statement that reads them beside other things (the order's write state, lib/checkout/order-write-sql).
 */
export function customerFactsSql(contact: { phoneNormalized: string | null; emailNormalized: string | null }, couponId: string | null): Prisma.Sql {
  const { phoneNormalized: phone, emailNormalized: email } = contact;
  return Prisma.sql`
    WITH orders AS (
      SELECT o.id, o.status, o."couponId" FROM "Order" o WHERE o."phoneNormalized" = ${phone}
      UNION
      SELECT o.id, o.status, o."couponId" FROM "Order" o WHERE o."emailNormalized" = ${email}
    ),
    -- "mergedIntoId" IS NULL is tested after the lookups (OFFSET 0 keeps it out of them): inside,
    -- with statistics that lag a fast-growing table (a new shop, the benchmark), the planner ANDs
    -- the contact index with the nearly all-NULL "mergedIntoId" index and reads every customer.
    customer AS (
      SELECT "rfmSegment", "abcClass", "createdAt", id FROM (
        SELECT c."rfmSegment", c."abcClass", c."createdAt", c.id, c."mergedIntoId" FROM "Customer" c WHERE c."phoneNormalized" = ${phone}
        UNION
        SELECT c."rfmSegment", c."abcClass", c."createdAt", c.id, c."mergedIntoId" FROM "Customer" c WHERE c."emailNormalized" = ${email}
        OFFSET 0
      ) found
      WHERE "mergedIntoId" IS NULL
    )
    SELECT
      (SELECT count(*) FROM orders WHERE status::text <> ALL(${NOT_COUNTED}::text[]))::int AS "earlierOrders",
      (SELECT count(*) FROM orders WHERE "couponId" = ${couponId})::int AS "couponUses",
      (SELECT "rfmSegment" FROM customer ORDER BY "rfmSegment" IS NULL, "createdAt", id LIMIT 1) AS "rfmSegment",
      (SELECT trim("abcClass") FROM customer ORDER BY "abcClass" IS NULL, "createdAt", id LIMIT 1) AS "abcClass"`;
}
