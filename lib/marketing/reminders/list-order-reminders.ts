// The reminders an order was sent (the admin order page's log): which rule, which repeat, when,
// and where the mail stands (queued, sent, failed).
import { db } from "@/lib/db";
import type { MailStatus, ReminderKind } from "@/lib/db/generated/enums";
import { reminderMailKey } from "./reminder-schedule";

export interface TOrderReminder {
  id: string;
  kind: ReminderKind;
  ruleName: string;
  repeat: number;
  /** ISO 8601. */
  sentAt: string;
  /** null while the mail waits in the outbox. */
  mailStatus: MailStatus | null;
}

/** The caller has already authorised the order page (orders section) for this order. */
export async function listOrderReminders(orderId: string): Promise<TOrderReminder[]> {
  const logs = await db.reminderLog.findMany({
    where: { orderId },
    orderBy: { sentAt: "asc" },
    select: { id: true, ruleId: true, repeat: true, sentAt: true, rule: { select: { kind: true, name: true } } },
  });
  if (logs.length === 0) return [];
  const keys = logs.map((log) => reminderMailKey(log.ruleId, orderId, log.repeat));
  const mails = await db.mailMessage.findMany({ where: { idempotencyKey: { in: keys } }, select: { idempotencyKey: true, status: true } });
  const status = new Map(mails.map((mail) => [mail.idempotencyKey, mail.status]));
  return logs.map((log) => ({
    id: log.id,
    kind: log.rule.kind,
    ruleName: log.rule.name,
    repeat: log.repeat,
    sentAt: log.sentAt.toISOString(),
    mailStatus: status.get(reminderMailKey(log.ruleId, orderId, log.repeat)) ?? null,
  }));
}
