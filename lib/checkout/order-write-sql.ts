// The SQL of placing an order, in as few round trips as the rules allow. An order is the hottest
// write of the shop (issue 3: hundreds per second on two cores), and through the ORM it took
// ~20 statements: every nested create, lookup and outbox row its own round trip and its own
// query-compiler pass. Here the transaction is:
//   1. lockKeys: advisory locks on the idempotency key and the contacts (with the BEGIN where the
//      transaction is ours);
//   2. readOrderWriteState: the order of the key, the customers of the contacts, the duplicate
//      candidates, the next order number and (for discount rules about the customer) their
//      history, in one SELECT (after the locks, so it sees what a concurrent order of the same
//      key or contact committed);
//   3. insertOrderRows: customer (new, or filled in), order, items, first history row, link token
//      and outbox rows (with the NOTIFY) in one statement of data-modifying CTEs, which also counts
//      the order (the customer's counters, the status count and daily rollup deltas) in place of
//      the INSERT triggers, which leave an order it marks alone;
//   4. reserveStock, last, sent in one round trip with the COMMIT where the transaction is ours.
// The rules themselves (which customer, duplicate or not, status, mails) stay in TypeScript and
// are shared with the rest of the code; this file only reads and writes. Ids that Prisma would
// make on the client (cuid, uuid, @updatedAt) are made here the same way. The statements run on
// node-postgres or inside a Prisma transaction alike (lib/db/sql-runner).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { Prisma } from "@/lib/db";
import type { ConfirmationMode, OrderStatus, PaymentMethod, PaymentStatus, Region, ShippingMethod } from "@/lib/db/generated/enums";
import { newId } from "@/lib/db/new-id";
import { advisoryLockSql, type CustomerUpdatePlan, type FoundCustomer } from "@/lib/customers/customer-dedup";
import type { SqlRunner } from "@/lib/db/sql-runner";
import type { CustomerFacts } from "@/lib/marketing/discounts/discount-rule";
import { customerFactsSql } from "@/lib/marketing/discounts/read-customer-facts";
import type { DuplicateCandidate } from "@/lib/orders/duplicates";
import { CLOSED_STATUSES } from "@/lib/orders/transitions";
import { OUTBOX_CHANNEL } from "@/lib/queue/outbox-channel";

const HOUR_MS = 3_600_000;

export interface ExistingOrderRow {
  id: string;
  publicId: string;
  number: number;
  status: OrderStatus;
  total: number;
  currency: string;
  paymentMethod: PaymentMethod;
  paymentStatus: PaymentStatus;
  product: { confirmationMode: ConfirmationMode; confirmPageUrl: string | null; thankYouPageUrl: string | null };
}

export interface OrderWriteState {
  /** The order this idempotency key already placed. */
  existing: ExistingOrderRow | null;
  /** Customers with the phone or email (as the primary or an extra contact), oldest first, at most 20. */
  customers: FoundCustomer[];
  /** Open orders of the product with the phone or email within the window, newest first, at most 5. */
  duplicateCandidates: (DuplicateCandidate & { number: number })[];
  /** The number the new order gets (a sequence value: unused numbers leave gaps, as any sequence does). */
  number: number;
  /** What the discount rules know of the customer (lib/marketing/discounts/read-customer-facts), when asked for and the order has a contact. */
  facts: CustomerFacts | null;
  /** Whether an enabled webhook endpoint subscribes to any of `webhookTypes` (else the order records no events: one round trip less). */
  webhooksWanted: boolean;
}

/** Transaction-scoped advisory locks on the keys, in order (released at COMMIT). */
export async function lockKeys(runner: SqlRunner, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  // On node-postgres as plain text, one statement per key (taken in this order), so that the
  // transaction's BEGIN rides along: an order is one round trip shorter.
  if (runner.execText) await runner.execText(keys.map((key) => `SELECT pg_advisory_xact_lock(hashtextextended(${pg.escapeLiteral(key)}, 0))`).join(";\n"));
  else await runner.query(advisoryLockSql(keys));
}

/** One customer as the dedup lookup sees it (following a merge). */
export async function loadCustomer(runner: SqlRunner, id: string): Promise<FoundCustomer | null> {
  const rows = await runner.query<FoundCustomer>(Prisma.sql`
    SELECT id, name, phone, "phoneNormalized", email, "emailNormalized", "mergedIntoId" FROM "Customer" WHERE id = ${id}`);
  return rows[0] ?? null;
}

export async function readOrderWriteState(
  runner: SqlRunner,
  args: {
    idempotencyKey: string;
    productId: string;
    phoneNormalized: string | null;
    emailNormalized: string | null;
    placedAt: Date;
    duplicateWindowHours: number;
    /** Read the customer's facts too, for these discount rules (their coupon's uses counted). */
    facts?: { couponId: string | null };
    /** The webhook event types the order would record (lib/webhooks/record-webhook-events). */
    webhookTypes: readonly string[];
  },
): Promise<OrderWriteState> {
  const { phoneNormalized: phone, emailNormalized: email } = args;
  const since = new Date(args.placedAt.getTime() - Math.max(0, args.duplicateWindowHours) * HOUR_MS).toISOString();
  const checkDuplicates = args.duplicateWindowHours > 0 && Boolean(phone || email);
  const factsSql =
    args.facts && (phone || email)
      ? Prisma.sql`(SELECT row_to_json(f) FROM (${customerFactsSql({ phoneNormalized: phone, emailNormalized: email }, args.facts.couponId)}) f) AS facts`
      : Prisma.sql`NULL::json AS facts`;
  const rows = await runner.query<{
    existing: ExistingOrderRow | null;
    customers: (FoundCustomer & { createdAt?: string })[];
    duplicates: (Omit<DuplicateCandidate, "createdAt"> & { number: number; createdAt: string })[];
    number: number;
    facts: CustomerFacts | null;
    webhooks: boolean;
  }>(Prisma.sql`
    SELECT
      (SELECT json_build_object(
          'id', o.id, 'publicId', o."publicId", 'number', o.number, 'status', o.status, 'total', o.total, 'currency', trim(o.currency),
          'paymentMethod', o."paymentMethod", 'paymentStatus', o."paymentStatus",
          'product', json_build_object('confirmationMode', p."confirmationMode", 'confirmPageUrl', p."confirmPageUrl", 'thankYouPageUrl', p."thankYouPageUrl"))
        FROM "Order" o JOIN "Product" p ON p.id = o."productId"
        WHERE o."idempotencyKey" = ${args.idempotencyKey}) AS existing,
      -- Each lookup is its own branch of a UNION, on its own index: as one OR (or an IN over the
      -- UNION) the planner may scan every customer, or every order of the product in the window,
      -- and a best-selling product has thousands of those.
      (SELECT COALESCE(json_agg(c ORDER BY c."createdAt", c.id), '[]'::json) FROM (
        SELECT * FROM (
          SELECT c.id, c.name, c.phone, c."phoneNormalized", c.email, c."emailNormalized", c."mergedIntoId", c."createdAt"
            FROM "Customer" c WHERE c."phoneNormalized" = ${phone}
          UNION
          SELECT c.id, c.name, c.phone, c."phoneNormalized", c.email, c."emailNormalized", c."mergedIntoId", c."createdAt"
            FROM "Customer" c WHERE c."emailNormalized" = ${email}
          UNION
          SELECT c.id, c.name, c.phone, c."phoneNormalized", c.email, c."emailNormalized", c."mergedIntoId", c."createdAt"
            FROM "CustomerPhone" x JOIN "Customer" c ON c.id = x."customerId" WHERE x.normalized = ${phone}
          UNION
          SELECT c.id, c.name, c.phone, c."phoneNormalized", c.email, c."emailNormalized", c."mergedIntoId", c."createdAt"
            FROM "CustomerEmail" x JOIN "Customer" c ON c.id = x."customerId" WHERE x.normalized = ${email}
        ) matched
        ORDER BY "createdAt", id
        LIMIT 20) c) AS customers,
      -- A contact's orders of the window, then the product: OFFSET 0 keeps the product's condition
      -- out of the lookups, so they stay on the contact indexes whatever the statistics say.
      (SELECT COALESCE(json_agg(d), '[]'::json) FROM (
        SELECT * FROM (
          SELECT o.id, o.number, o."productId", o.status, o."phoneNormalized", o."emailNormalized", o."createdAt"
            FROM "Order" o WHERE ${checkDuplicates}::boolean AND o."phoneNormalized" = ${phone} AND o."createdAt" >= (${since}::timestamptz AT TIME ZONE 'UTC')
          UNION
          SELECT o.id, o.number, o."productId", o.status, o."phoneNormalized", o."emailNormalized", o."createdAt"
            FROM "Order" o WHERE ${checkDuplicates}::boolean AND o."emailNormalized" = ${email} AND o."createdAt" >= (${since}::timestamptz AT TIME ZONE 'UTC')
          OFFSET 0
        ) candidate
        WHERE candidate."productId" = ${args.productId} AND candidate.status::text <> ALL(${[...CLOSED_STATUSES]}::text[])
        ORDER BY "createdAt" DESC
        LIMIT 5) d) AS duplicates,
      ${factsSql},
      EXISTS (SELECT 1 FROM "WebhookEndpoint" w WHERE w.status = 'ENABLED' AND w.events && ${[...args.webhookTypes]}::text[]) AS webhooks,
      nextval(pg_get_serial_sequence('"Order"', 'number'))::int AS number`);
  const row = rows[0]!;
  return {
    existing: row.existing,
    customers: row.customers.map(({ createdAt: _createdAt, ...customer }) => customer),
    // json_agg writes timestamps as ISO text without a zone; the columns hold UTC.
    duplicateCandidates: row.duplicates.map(({ createdAt, ...candidate }) => ({ ...candidate, createdAt: new Date(`${createdAt}Z`) })),
    number: row.number,
    facts: row.facts,
    webhooksWanted: row.webhooks,
  };
}

export type CustomerWrite =
  | {
      kind: "create";
      id: string;
      name: string | null;
      phone: string | null;
      phoneNormalized: string | null;
      email: string | null;
      emailNormalized: string | null;
      locale: string;
      country: string;
      region: Region;
      source: string;
      address?: { country: string; postcode: string | null; province: string | null; city: string | null; street: string | null; house: string | null; flat: string | null };
    }
  | { kind: "update"; id: string; plan: CustomerUpdatePlan };

export interface OrderRowsInput {
  customer: CustomerWrite;
  order: {
    id: string;
    publicId: string;
    number: number;
    status: OrderStatus;
    paymentMethod: PaymentMethod;
    paymentStatus: PaymentStatus;
    productId: string;
    customerName: string | null;
    phone: string | null;
    phoneNormalized: string | null;
    email: string | null;
    emailNormalized: string | null;
    locale: string;
    region: Region;
    country: string;
    postcode: string | null;
    province: string | null;
    city: string | null;
    street: string | null;
    house: string | null;
    flat: string | null;
    customerComment: string | null;
    customFields: Record<string, string> | null;
    currency: string;
    itemsTotal: number;
    discountTotal: number;
    shippingTotal: number;
    total: number;
    /** The coupon the order was placed with (applied), and its code as typed. */
    couponId: string | null;
    couponCode: string | null;
    shippingMethod: ShippingMethod | null;
    idempotencyKey: string;
    duplicateOfId: string | null;
    partnerId: string | null;
    clickId: bigint | null;
    sub1: string | null;
    sub2: string | null;
    sub3: string | null;
    sub4: string | null;
    sub5: string | null;
    source: string;
    utmSource: string | null;
    utmMedium: string | null;
    utmCampaign: string | null;
    utmContent: string | null;
    utmTerm: string | null;
    referrer: string | null;
    ip: string | null;
    userAgent: string | null;
    placedAt: Date;
  };
  items: { productId: string; kind: string; upsellId: string | null; productName: string; quantity: number; unitPrice: number; unitCost: number }[];
  history: { reason: string };
  /** One row per applied discount (lib/marketing/discounts); their amounts add up to discountTotal. */
  discounts: { source: string; couponId: string | null; automaticDiscountId: string | null; promotionId: string | null; label: string; amount: number; shippingAmount: number }[];
  /** The bumps the checkout offered (UpsellView rows); `revenue` is the line's total when taken, null when not. */
  upsellViews: { upsellId: string; revenue: number | null }[];
  linkToken: { tokenHash: string; expiresAt: Date; email: string | null } | null;
  /** Validated outbox rows (lib/queue/enqueue outboxRow): payload is JSON text. */
  outbox: { jobName: string; payload: string }[];
}

/** Ids the caller needs before writing (the mails quote them). */
export function newOrderIds() {
  return { id: newId(), publicId: randomUUID() };
}

const utc = (date: Date) => Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

export async function insertOrderRows(runner: SqlRunner, input: OrderRowsInput): Promise<void> {
  const { customer, order } = input;
  const at = utc(order.placedAt);
  const created = customer.kind === "create" ? customer : null;
  const plan = customer.kind === "update" ? customer.plan : null;
  const fill = plan?.fill;
  const phoneRow = created?.phoneNormalized
    ? { id: newId(), phone: created.phone || created.phoneNormalized, normalized: created.phoneNormalized, isPrimary: true }
    : plan?.addPhone && { id: newId(), ...plan.addPhone };
  const emailRow = created?.emailNormalized
    ? { id: newId(), email: created.email || created.emailNormalized, normalized: created.emailNormalized, isPrimary: true }
    : plan?.addEmail && { id: newId(), ...plan.addEmail };
  const address = created?.address;
  const outboxJson = `[${input.outbox.map((row) => `{"jobName":${JSON.stringify(row.jobName)},"payload":${row.payload}}`).join(",")}]`;
  const itemsJson = JSON.stringify(input.items.map((item) => ({ ...item, id: newId(), total: item.unitPrice * item.quantity })));
  const discountsJson = JSON.stringify(input.discounts.map((discount) => ({ ...discount, id: newId() })));
  const viewsJson = JSON.stringify(input.upsellViews.map((view) => ({ ...view, id: newId() })));
  // The order counts on its customer here, as lavka_customer_add_order would (the order's INSERT
  // trigger leaves an order this statement marks as counted alone: migration 20261212100000).
  const paid = order.status === "PAID";

  await runner.query(Prisma.sql`
    WITH
    counted AS (SELECT set_config('lavka.counted_order', ${order.id}, true)),
    new_customer AS (
      INSERT INTO "Customer" (id, name, phone, "phoneNormalized", email, "emailNormalized", locale, country, region, source,
        "ordersCount", "paidOrdersCount", "firstOrderAt", "lastOrderAt", "lastPaidAt", "createdAt", "updatedAt")
      SELECT ${customer.id}, ${created?.name ?? null}, ${created?.phone ?? null}, ${created?.phoneNormalized ?? null}, ${created?.email ?? null}, ${created?.emailNormalized ?? null},
        ${created?.locale ?? "ru"}, ${created?.country ?? null}, ${created?.region ?? null}::"Region", ${created?.source ?? null},
        1, ${paid ? 1 : 0}::int, ${at}, ${at}, CASE WHEN ${paid}::boolean THEN ${at} END, ${at}, ${at}
      WHERE ${Boolean(created)}::boolean
      RETURNING id
    ),
    -- An existing customer: the order counted, and contacts they lacked filled in (which is an edit).
    filled_customer AS (
      UPDATE "Customer" SET
        name = COALESCE(${fill?.name ?? null}, name),
        phone = COALESCE(${fill?.phone ?? null}, phone),
        "phoneNormalized" = COALESCE(${fill?.phoneNormalized ?? null}, "phoneNormalized"),
        email = COALESCE(${fill?.email ?? null}, email),
        "emailNormalized" = COALESCE(${fill?.emailNormalized ?? null}, "emailNormalized"),
        "ordersCount" = "ordersCount" + 1,
        "paidOrdersCount" = "paidOrdersCount" + ${paid ? 1 : 0}::int,
        "firstOrderAt" = least("firstOrderAt", ${at}),
        "lastOrderAt" = greatest("lastOrderAt", ${at}),
        "lastPaidAt" = CASE WHEN ${paid}::boolean THEN greatest("lastPaidAt", ${at}) ELSE "lastPaidAt" END,
        "updatedAt" = CASE WHEN ${Boolean(fill)}::boolean THEN ${at} ELSE "updatedAt" END
      WHERE id = ${customer.id} AND ${!created}::boolean
      RETURNING id
    ),
    customer_phone AS (
      INSERT INTO "CustomerPhone" (id, "customerId", phone, normalized, "isPrimary", "createdAt")
      SELECT ${phoneRow?.id ?? ""}, ${customer.id}, ${phoneRow?.phone ?? ""}, ${phoneRow?.normalized ?? ""}, ${phoneRow?.isPrimary ?? false}::boolean, ${at}
      WHERE ${Boolean(phoneRow)}::boolean
      ON CONFLICT ("customerId", normalized) DO NOTHING
      RETURNING id
    ),
    customer_email AS (
      INSERT INTO "CustomerEmail" (id, "customerId", email, normalized, "isPrimary", "createdAt")
      SELECT ${emailRow?.id ?? ""}, ${customer.id}, ${emailRow?.email ?? ""}, ${emailRow?.normalized ?? ""}, ${emailRow?.isPrimary ?? false}::boolean, ${at}
      WHERE ${Boolean(emailRow)}::boolean
      ON CONFLICT ("customerId", normalized) DO NOTHING
      RETURNING id
    ),
    customer_address AS (
      INSERT INTO "CustomerAddress" (id, "customerId", country, postcode, province, city, street, house, flat, "isDefault", "createdAt", "updatedAt")
      SELECT ${newId()}, ${customer.id}, ${address?.country ?? ""}, ${address?.postcode ?? null}, ${address?.province ?? null}, ${address?.city ?? null},
        ${address?.street ?? null}, ${address?.house ?? null}, ${address?.flat ?? null}, true, ${at}, ${at}
      WHERE ${Boolean(address)}::boolean
      RETURNING id
    ),
    new_order AS (
      INSERT INTO "Order" (
        id, number, "publicId", status, "statusChangedAt", "confirmedAt", "paymentMethod", "paymentStatus", "customerId", "productId",
        "customerName", phone, "phoneNormalized", email, "emailNormalized", locale, region, country,
        postcode, province, city, street, house, flat, "customerComment", "customFields", currency,
        "itemsTotal", "discountTotal", "shippingTotal", total, "couponId", "couponCode", "shippingMethod", "idempotencyKey", "duplicateOfId",
        "partnerId", "clickId", sub1, sub2, sub3, sub4, sub5, source,
        "utmSource", "utmMedium", "utmCampaign", "utmContent", "utmTerm", referrer, ip, "userAgent", "createdAt", "updatedAt"
      ) VALUES (
        ${order.id}, ${order.number}::int, ${order.publicId}, ${order.status}::"OrderStatus", ${at},
        CASE WHEN ${order.status}::text = 'CONFIRMED' THEN ${at} END,
        ${order.paymentMethod}::"PaymentMethod", ${order.paymentStatus}::"PaymentStatus", ${customer.id}, ${order.productId},
        ${order.customerName}, ${order.phone}, ${order.phoneNormalized}, ${order.email}, ${order.emailNormalized}, ${order.locale}, ${order.region}::"Region", ${order.country},
        ${order.postcode}, ${order.province}, ${order.city}, ${order.street}, ${order.house}, ${order.flat}, ${order.customerComment},
        ${order.customFields ? JSON.stringify(order.customFields) : null}::jsonb, ${order.currency},
        ${order.itemsTotal}::int, ${order.discountTotal}::int, ${order.shippingTotal}::int, ${order.total}::int, ${order.couponId}, ${order.couponCode}, ${order.shippingMethod}::"ShippingMethod",
        ${order.idempotencyKey}, ${order.duplicateOfId},
        ${order.partnerId}, ${order.clickId}::bigint, ${order.sub1}, ${order.sub2}, ${order.sub3}, ${order.sub4}, ${order.sub5}, ${order.source},
        ${order.utmSource}, ${order.utmMedium}, ${order.utmCampaign}, ${order.utmContent}, ${order.utmTerm}, ${order.referrer}, ${order.ip}, ${order.userAgent}, ${at}, ${at}
      )
      RETURNING id, "Order" AS placed
    ),
    items AS (
      INSERT INTO "OrderItem" (id, "orderId", "productId", kind, "upsellId", "productName", quantity, "unitPrice", "unitCost", total, "createdAt")
      SELECT i.id, ${order.id}, i."productId", i.kind::"OrderItemKind", i."upsellId", i."productName", i.quantity, i."unitPrice", i."unitCost", i.total, ${at}
      FROM jsonb_to_recordset(${itemsJson}::jsonb) AS i(id text, "productId" text, kind text, "upsellId" text, "productName" text, quantity int, "unitPrice" int, "unitCost" int, total int)
      RETURNING id, "unitCost", quantity
    ),
    -- The order's deltas, as its INSERT triggers would append them (with its items' base cost).
    rollups AS (
      SELECT lavka_order_status_count(NULL, (o.placed).status),
        lavka_order_rollup_apply(o.placed, 1, 1, (o.placed).total, (o.placed)."shippingTotal", (SELECT COALESCE(sum(i."unitCost"::bigint * i.quantity), 0) FROM items i)::bigint, 0)
      FROM new_order o
    ),
    discounts AS (
      INSERT INTO "OrderDiscount" (id, "orderId", source, "couponId", "automaticDiscountId", "promotionId", label, amount, "shippingAmount", "createdAt")
      SELECT d.id, ${order.id}, d.source::"DiscountSource", d."couponId", d."automaticDiscountId", d."promotionId", d.label, d.amount, d."shippingAmount", ${at}
      FROM jsonb_to_recordset(${discountsJson}::jsonb) AS d(id text, source text, "couponId" text, "automaticDiscountId" text, "promotionId" text, label text, amount int, "shippingAmount" int)
      RETURNING id
    ),
    upsell_views AS (
      INSERT INTO "UpsellView" (id, "upsellId", "orderId", currency, "createdAt", "takenAt", revenue)
      SELECT v.id, v."upsellId", ${order.id}, ${order.currency}, ${at}, CASE WHEN v.revenue IS NOT NULL THEN ${at} END, COALESCE(v.revenue, 0)
      FROM jsonb_to_recordset(${viewsJson}::jsonb) AS v(id text, "upsellId" text, revenue int)
      RETURNING id
    ),
    history AS (
      INSERT INTO "OrderStatusChange" ("orderId", "fromStatus", "toStatus", "actorType", "actorId", reason, "createdAt")
      VALUES (${order.id}, NULL, ${order.status}::"OrderStatus", 'CUSTOMER', ${customer.id}, ${input.history.reason}, ${at})
      RETURNING id
    ),
    link_token AS (
      INSERT INTO "LinkToken" (id, purpose, "tokenHash", "orderId", "customerId", email, "expiresAt", "createdAt")
      SELECT ${newId()}, 'CONFIRM_ORDER', ${input.linkToken?.tokenHash ?? ""}, ${order.id}, ${customer.id}, ${input.linkToken?.email ?? null},
        ${utc(input.linkToken?.expiresAt ?? order.placedAt)}, ${at}
      WHERE ${Boolean(input.linkToken)}::boolean
      RETURNING id
    ),
    outbox AS (
      INSERT INTO "OutboxEvent" ("jobName", payload, "availableAt", "createdAt")
      SELECT j."jobName", j.payload, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM jsonb_to_recordset(${outboxJson}::jsonb) AS j("jobName" text, payload jsonb)
      RETURNING id
    ),
    notified AS (SELECT pg_notify(${OUTBOX_CHANNEL}, '') FROM (SELECT 1 FROM outbox LIMIT 1) AS queued)
    SELECT (SELECT count(*) FROM notified)::int AS notified, (SELECT count(*) FROM counted)::int AS marked, (SELECT count(*) FROM rollups)::int AS counted`);
}

/**
 * Takes the units from each product's stock (untracked stock, null, is left alone) and, with
 * `couponId`, one use of the coupon; returns the products that had too few left and whether the
 * coupon was used up, in which case the caller must roll the transaction back.
 *
 * The last statement of the order: the update locks the product row until the transaction ends,
 * and every order of a best-selling product updates the same row, so the lock is the one thing
 * concurrent orders of a product queue for. It must not cover the order's inserts (a CTE of the
 * insert statement would run first and hold it through them — measured: half the orders/s), and
 * where the transaction is ours it rides in one round trip with the COMMIT (commitAfter), so the
 * lock lasts for the COMMIT's WAL flush and not also for a round trip through the web process's
 * event loop. Rows are updated in id order, so two orders of the same products never wait on each
 * other in a circle; when an update had to wait, its condition is re-checked on the newest row
 * version (READ COMMITTED), so two orders never both take the last unit. A coupon's use is taken
 * the same way and for the same reason (a popular code's row is as hot as a best-seller's), first,
 * with "usedCount < maxUses" re-checked on the newest row: N concurrent orders never take more
 * than the uses left. With `claimUse: false` (an order that holds no use: a DUPLICATE) the coupon's
 * version is only checked, so that no order is priced on terms edited meanwhile.
 *
 * A row with nothing to count — a product whose stock is not tracked, a coupon without a total
 * limit — is not updated: it is only locked FOR KEY SHARE (what the order's foreign keys take on
 * it anyway), so concurrent orders do not queue for it. Such an order counts as placed before any
 * edit of the row that commits after its claim. An ordinary edit (an UPDATE) does not wait for it;
 * one that needs every order in flight counted takes the row FOR UPDATE first, which waits for
 * them and makes orders arriving meanwhile wait, then find the row changed: saveCoupon does, when
 * it sets a limit on an unlimited coupon and counts the orders holding it (Order.couponId) — such
 * a coupon's uses are not counted on its row. An order finding the row changed takes the counting
 * path above (stock tracked, a limit set), or is priced again on the coupon's new version. Not FOR
 * SHARE: it conflicts with an update, so two orders that waited on an edit, each keeping the share
 * lock, would deadlock turning it into their updates.
 */
export async function reserveStock(
  runner: SqlRunner,
  reservations: readonly { productId: string; quantity: number }[],
  options: { couponId?: string | null; couponVersion?: string; claimUse?: boolean } = {},
): Promise<{ shortProductIds: string[]; couponUsedUp: boolean; couponChanged: boolean }> {
  const couponId = options.couponId ?? null;
  const version = options.couponVersion;
  const claimUse = options.claimUse ?? true;
  const settled = { shortProductIds: [] as string[], couponUsedUp: false, couponChanged: false };
  if (reservations.length === 0 && !couponId) return settled;
  const sorted = [...reservations].sort((a, b) => a.productId.localeCompare(b.productId));
  // Inlined into plain SQL only as what they are: ids of our own rows and whole numbers.
  const isId = (id: string) => /^[A-Za-z0-9_-]{1,64}$/.test(id);
  const inlinable =
    (!couponId || isId(couponId)) &&
    (version === undefined || isTimestampText(version)) &&
    sorted.every((entry) => isId(entry.productId) && Number.isSafeInteger(entry.quantity) && entry.quantity > 0);
  if (runner.commitAfter && inlinable) {
    // The coupon as priced: its version (when the caller read one) and a use left. Which of the two
    // failed is told apart afterwards, on the row as it now is.
    const asPriced = version === undefined ? "true" : `"updatedAt" = '${version}'::timestamp`;
    const coupon = !couponId
      ? ""
      : !claimUse
        ? `
        IF NOT EXISTS (SELECT 1 FROM "Coupon" WHERE id = '${couponId}' AND ${asPriced}) THEN
          RAISE EXCEPTION USING ERRCODE = '${COUPON_CHANGED_SQLSTATE}', MESSAGE = 'coupon changed';
        END IF;`
        : `
        PERFORM 1 FROM "Coupon" WHERE id = '${couponId}' AND ${asPriced} AND "maxUses" IS NULL FOR KEY SHARE;
        IF NOT FOUND THEN
          UPDATE "Coupon" SET "usedCount" = "usedCount" + 1 WHERE id = '${couponId}' AND ${asPriced} AND ("maxUses" IS NULL OR "usedCount" < "maxUses");
        END IF;
        IF NOT FOUND THEN
          IF EXISTS (SELECT 1 FROM "Coupon" WHERE id = '${couponId}' AND ${asPriced}) THEN
            RAISE EXCEPTION USING ERRCODE = '${COUPON_USED_UP_SQLSTATE}', MESSAGE = 'coupon used up';
          END IF;
          RAISE EXCEPTION USING ERRCODE = '${COUPON_CHANGED_SQLSTATE}', MESSAGE = 'coupon changed';
        END IF;`;
    const updates = sorted.map(
      ({ productId, quantity }) => `
        PERFORM 1 FROM "Product" WHERE id = '${productId}' AND stock IS NULL FOR KEY SHARE;
        IF NOT FOUND THEN
          UPDATE "Product" SET reserved = CASE WHEN stock IS NULL THEN reserved ELSE reserved + ${quantity} END
          WHERE id = '${productId}' AND (stock IS NULL OR stock - reserved >= ${quantity});
          IF NOT FOUND THEN RAISE EXCEPTION USING ERRCODE = '${OUT_OF_STOCK_SQLSTATE}', MESSAGE = 'out of stock', DETAIL = '${productId}'; END IF;
        END IF;`,
    );
    try {
      await runner.commitAfter(`DO $reserve$ BEGIN ${coupon}${updates.join("")} END $reserve$`);
      return settled;
    } catch (error) {
      const { code, detail } = error as { code?: string; detail?: string };
      if (code === OUT_OF_STOCK_SQLSTATE && detail) return { ...settled, shortProductIds: [detail] };
      if (code === COUPON_USED_UP_SQLSTATE) return { ...settled, couponUsedUp: true };
      if (code === COUPON_CHANGED_SQLSTATE) return { ...settled, couponChanged: true };
      throw error;
    }
  }
  if (couponId && !claimUse) {
    const [asPriced] = await runner.query<{ id: string }>(Prisma.sql`
      SELECT id FROM "Coupon" WHERE id = ${couponId} AND (${version ?? null}::timestamp IS NULL OR "updatedAt" = ${version ?? null}::timestamp)`);
    if (!asPriced) return { ...settled, couponChanged: true };
  } else if (couponId) {
    const priced = Prisma.sql`(${version ?? null}::timestamp IS NULL OR "updatedAt" = ${version ?? null}::timestamp)`;
    const claimed = await runner.query<{ id: string }>(Prisma.sql`
      WITH shared AS (SELECT id FROM "Coupon" WHERE id = ${couponId} AND ${priced} AND "maxUses" IS NULL FOR KEY SHARE),
      counted AS (
        UPDATE "Coupon" SET "usedCount" = "usedCount" + 1
        WHERE id = ${couponId} AND NOT EXISTS (SELECT 1 FROM shared) AND ${priced} AND ("maxUses" IS NULL OR "usedCount" < "maxUses")
        RETURNING id)
      SELECT id FROM shared UNION ALL SELECT id FROM counted`);
    if (claimed.length === 0) {
      const [asPriced] = await runner.query<{ id: string }>(Prisma.sql`SELECT id FROM "Coupon" WHERE id = ${couponId} AND ${priced}`);
      return asPriced ? { ...settled, couponUsedUp: true } : { ...settled, couponChanged: true };
    }
  }
  const reservedIds: string[] = [];
  for (const { productId, quantity } of sorted) {
    const rows = await runner.query<{ id: string }>(Prisma.sql`
      WITH untracked AS (SELECT id FROM "Product" WHERE id = ${productId} AND stock IS NULL FOR KEY SHARE),
      counted AS (
        UPDATE "Product" SET reserved = CASE WHEN stock IS NULL THEN reserved ELSE reserved + ${quantity}::int END
        WHERE id = ${productId} AND NOT EXISTS (SELECT 1 FROM untracked) AND (stock IS NULL OR stock - reserved >= ${quantity}::int)
        RETURNING id)
      SELECT id FROM untracked UNION ALL SELECT id FROM counted`);
    if (rows.length > 0) reservedIds.push(productId);
  }
  return { ...settled, shortProductIds: sorted.map((entry) => entry.productId).filter((id) => !reservedIds.includes(id)) };
}

/** The SQLSTATE the coupon claim raises when its uses ran out meanwhile (user-defined class). */
const COUPON_USED_UP_SQLSTATE = "LV002";

/** The SQLSTATE the coupon claim raises when the coupon was edited (or deleted) since it was read. */
const COUPON_CHANGED_SQLSTATE = "LV003";

/** A timestamp as PostgreSQL writes one as text ("2026-12-06 14:05:09.123"): safe to inline. */
const isTimestampText = (text: string) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?$/.test(text);

/** The SQLSTATE the stock reservation raises for a product that ran short (user-defined class). */
const OUT_OF_STOCK_SQLSTATE = "LV001";
