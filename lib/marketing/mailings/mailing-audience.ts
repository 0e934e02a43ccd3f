// Who a mailing goes to: customers picked by any combination of RFM segment, ABC class, tag,
// region and what they ordered (a product, an order status — both on the same order when both are
// given), or every active partner. One schema (stored as Mailing.audience) and one SQL builder,
// used by the count preview and by the freeze when sending starts, so what the admin was shown is
// what gets frozen. Only addresses on no suppression list (Unsubscribe) count.
import { z } from "zod";
import { customerFilterSql } from "@/lib/crm/customers/list-customers";
import { ABC_CLASSES } from "@/lib/crm/customers/customer-query";
import { Prisma } from "@/lib/db";
import { OrderStatus, Region } from "@/lib/db/generated/enums";

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const ZMailingAudience = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("customers"),
    rfmSegment: optional(z.string().trim().max(64)),
    abcClass: optional(z.enum(ABC_CLASSES)),
    tag: optional(z.string().trim().max(64)),
    region: optional(z.enum(Region)),
    /** Customers with an order of this product… */
    productId: optional(
      z
        .string()
        .trim()
        .max(64)
        .regex(/^[A-Za-z0-9_-]+$/),
    ),
    /** …in this status (with productId: the same order). */
    orderStatus: optional(z.enum(OrderStatus)),
  }),
  z.object({ kind: z.literal("partners") }),
]);
export type TMailingAudience = z.input<typeof ZMailingAudience>;
export type MailingAudience = z.output<typeof ZMailingAudience>;

export const EVERY_CUSTOMER: MailingAudience = { kind: "customers" };

/** A stored audience (JSON) read back; an unreadable one is treated as "nobody" by the callers. */
export function parseStoredAudience(value: unknown): MailingAudience | null {
  const parsed = ZMailingAudience.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * A SELECT of the audience's addresses: one row per address (lower-cased), with the customer or
 * partner it belongs to, a name and a locale ("ru" or "en"), suppressed addresses left out.
 * Columns: "customerId", "partnerId", email, name, locale.
 */
export function audienceSql(audience: MailingAudience): Prisma.Sql {
  const notSuppressed = (column: Prisma.Sql) => Prisma.sql`NOT EXISTS (SELECT 1 FROM "Unsubscribe" u WHERE u.email = ${column})`;
  if (audience.kind === "partners") {
    return Prisma.sql`SELECT DISTINCT ON (lower(p.email)) NULL::text AS "customerId", p.id AS "partnerId", lower(p.email) AS email, p.name, ${localeSql(Prisma.sql`p.locale`)} AS locale
      FROM "Partner" p
      WHERE p.status = 'ACTIVE' AND ${notSuppressed(Prisma.sql`lower(p.email)`)}
      ORDER BY lower(p.email), p.id`;
  }
  const conditions: Prisma.Sql[] = [
    customerFilterSql({ rfmSegment: audience.rfmSegment, abcClass: audience.abcClass, tag: audience.tag, region: audience.region }),
    Prisma.sql`c."emailNormalized" IS NOT NULL`,
    notSuppressed(Prisma.sql`c."emailNormalized"`),
  ];
  const order = orderConditionSql(audience);
  if (order) conditions.push(order);
  return Prisma.sql`SELECT DISTINCT ON (c."emailNormalized") c.id AS "customerId", NULL::text AS "partnerId", c."emailNormalized" AS email, c.name, ${localeSql(Prisma.sql`c.locale`)} AS locale
    FROM "Customer" c
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY c."emailNormalized", c."lastOrderAt" DESC NULLS LAST, c.id`;
}

/** How many addresses the audience has now (the preview). */
export function audienceCountSql(audience: MailingAudience): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS count FROM (${audienceSql(audience)}) a`;
}

function orderConditionSql(audience: Extract<MailingAudience, { kind: "customers" }>): Prisma.Sql | null {
  if (!audience.productId && !audience.orderStatus) return null;
  const filters: Prisma.Sql[] = [Prisma.sql`o."customerId" = c.id`];
  if (audience.orderStatus) filters.push(Prisma.sql`o.status = ${audience.orderStatus}::"OrderStatus"`);
  if (audience.productId) filters.push(Prisma.sql`EXISTS (SELECT 1 FROM "OrderItem" oi WHERE oi."orderId" = o.id AND oi."productId" = ${audience.productId})`);
  return Prisma.sql`EXISTS (SELECT 1 FROM "Order" o WHERE ${Prisma.join(filters, " AND ")})`;
}

/** Anything but "en" gets Russian, the shop's default. */
function localeSql(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE WHEN ${column} = 'en' THEN 'en' ELSE 'ru' END`;
}
