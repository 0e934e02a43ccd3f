// Order reminders (issue 9): for every active rule, the orders in the rule's state whose reminder
// is due (reminder-schedule.ts) get, in ONE transaction per batch, a ReminderLog row and the mail
// on the outbox. At most one mail per rule, order and repeat, whatever happens:
// - concurrent runs (several workers, a retried job) share the work: the orders are locked
//   FOR UPDATE SKIP LOCKED, so two runs never hold the same order, and the log's unique
//   (ruleId, orderId, repeat) lets only one insert win even so;
// - a run that crashes before its COMMIT leaves neither log nor mail (the next run sends); one
//   that crashes after it has both, so nothing is sent again; the mail's idempotency key keeps a
//   replayed outbox row to one mail;
// - reminders stop when the order moves on: the state is part of the query that locks the order,
//   and changeOrderStatus takes the same row lock, so a move either commits before (the order is
//   no longer selected) or waits until the log and mail are written.
// A rule for one product takes precedence over the shop-wide rule of its kind for that product.
// The UNPAID reminder needs card payments on (its link opens the payment); without an email
// address there is nobody to remind.
import { db, type DbTransaction } from "@/lib/db";
import type { ReminderKind } from "@/lib/db/generated/enums";
import { clip, orderMailSelect, orderPageUrl, shopInfo, summary } from "@/lib/checkout/order-mails";
import { getEnv, isStripeEnabled } from "@/lib/env";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { queueMail } from "@/lib/mail/queue-mail";
import { getShopSettings } from "@/lib/settings/get-shop-settings";
import type { TShopSettings } from "@/lib/settings/shop-settings";
import { createLinkToken } from "@/lib/tokens/create-link-token";
import { Prisma } from "@/lib/db";
import { newId } from "@/lib/db/new-id";
import { reminderCutoffs, reminderMailKey } from "./reminder-schedule";

const BATCH_SIZE = 100;

interface ActiveRule {
  id: string;
  kind: ReminderKind;
  productId: string | null;
  delayMinutes: number;
  repeatCount: number;
  repeatIntervalMinutes: number;
  subject: string | null;
  body: string | null;
  subjectEn: string | null;
  bodyEn: string | null;
}

interface DueOrder {
  id: string;
  customerId: string;
  emailNormalized: string;
  trackingNumber: string | null;
  sent: number;
}

/** The order state each kind reminds of (o = "Order", p = its product). */
const STATE: Record<ReminderKind, Prisma.Sql> = {
  UNCONFIRMED: Prisma.sql`o.status = 'UNCONFIRMED' AND o."paymentMethod" <> 'PREPAID' AND p."confirmationMode" = 'EMAIL_LINK'`,
  UNPAID: Prisma.sql`o.status = 'UNCONFIRMED' AND o."paymentMethod" = 'PREPAID' AND o."paymentStatus" IN ('UNPAID', 'PENDING', 'FAILED')`,
  NOT_PICKED_UP: Prisma.sql`o.status = 'DELIVERED'`,
};

export async function sendOrderReminders(options: { now?: Date } = {}): Promise<{ sent: number }> {
  const now = options.now ?? new Date();
  const rules = await db.reminderRule.findMany({
    where: { isActive: true },
    select: {
      id: true,
      kind: true,
      productId: true,
      delayMinutes: true,
      repeatCount: true,
      repeatIntervalMinutes: true,
      subject: true,
      body: true,
      subjectEn: true,
      bodyEn: true,
    },
    orderBy: { createdAt: "asc" },
  });
  let sent = 0;
  if (rules.length === 0) return { sent };
  const settings = await getShopSettings();
  for (const rule of rules) {
    if (rule.kind === "UNPAID" && !isStripeEnabled()) continue;
    for (;;) {
      const batch = await db.$transaction((tx) => remindBatch(tx, rule, now, settings), { maxWait: 10_000, timeout: 60_000 });
      sent += batch.sent;
      if (batch.selected < BATCH_SIZE) break;
    }
  }
  return { sent };
}

async function remindBatch(tx: DbTransaction, rule: ActiveRule, now: Date, settings: TShopSettings): Promise<{ selected: number; sent: number }> {
  const cutoffs = reminderCutoffs(rule, now);
  const scope = rule.productId
    ? Prisma.sql`o."productId" = ${rule.productId}`
    : Prisma.sql`NOT EXISTS (SELECT 1 FROM "ReminderRule" r WHERE r.kind = ${rule.kind}::"ReminderKind" AND r."isActive" AND r."productId" = o."productId")`;
  const due = await tx.$queryRaw<DueOrder[]>`
    SELECT o.id, o."customerId", o."emailNormalized", o."trackingNumber", l.sent
    FROM "Order" o
    JOIN "Product" p ON p.id = o."productId"
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS sent, max(x."sentAt") AS "lastSentAt" FROM "ReminderLog" x WHERE x."ruleId" = ${rule.id} AND x."orderId" = o.id
    ) l
    WHERE ${STATE[rule.kind]}
      AND o."emailNormalized" IS NOT NULL
      AND ${scope}
      AND o."statusChangedAt" <= ${cutoffs.enteredBy}
      AND l.sent < ${cutoffs.total}
      AND (
        (l.sent = 0 AND o."statusChangedAt" >= ${cutoffs.enteredSince})
        OR (l.sent > 0 AND l."lastSentAt" <= ${cutoffs.lastSentBy})
      )
    ORDER BY o."statusChangedAt", o.id
    LIMIT ${BATCH_SIZE}
    FOR UPDATE OF o SKIP LOCKED`;
  let sent = 0;
  for (const order of due) {
    const logged = await tx.$executeRaw`
      INSERT INTO "ReminderLog" (id, "ruleId", "orderId", repeat, "sentAt")
      VALUES (${newId()}, ${rule.id}, ${order.id}, ${order.sent}, ${now})
      ON CONFLICT ("ruleId", "orderId", repeat) DO NOTHING`;
    if (logged === 0) continue;
    await queueReminderMail(tx, rule, order, settings);
    sent++;
  }
  return { selected: due.length, sent };
}

async function queueReminderMail(tx: DbTransaction, rule: ActiveRule, due: DueOrder, settings: TShopSettings) {
  const order = await tx.order.findUniqueOrThrow({ where: { id: due.id }, select: orderMailSelect });
  const locale: Locale = isLocale(order.locale) ? order.locale : "ru";
  let actionUrl = orderPageUrl(order.publicId);
  let expiresAt: string | undefined;
  if (rule.kind === "UNCONFIRMED") {
    // A new link: the first one may be lost or about to expire, and stays valid until it does.
    const link = await createLinkToken(tx, { purpose: "CONFIRM_ORDER", ttlHours: settings.confirmLinkTtlHours, orderId: order.id, customerId: due.customerId, email: due.emailNormalized });
    actionUrl = `${getEnv().APP_URL}/order/confirm/${link.token}`;
    expiresAt = link.expiresAt.toISOString();
  } else if (rule.kind === "UNPAID") {
    actionUrl = `${getEnv().APP_URL}/order/${order.publicId}/pay`;
  }
  const [subject, body] = locale === "en" ? [rule.subjectEn, rule.bodyEn] : [rule.subject, rule.body];
  await queueMail(tx, {
    idempotencyKey: reminderMailKey(rule.id, order.id, due.sent),
    to: due.emailNormalized,
    template: "order-reminder",
    locale,
    props: {
      ...summary({ ...order, currency: order.currency.trim() }),
      kind: rule.kind,
      shop: shopInfo(settings),
      customerName: clip(order.customerName, 200),
      actionUrl,
      expiresAt,
      trackingNumber: rule.kind === "NOT_PICKED_UP" ? clip(due.trackingNumber, 64) : undefined,
      customSubject: clip(subject?.split(/[\r\n]/)[0], 200),
      customText: clip(body, 5000),
    },
  });
}
