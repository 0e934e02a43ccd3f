// "Your task is due": OPEN tasks whose due time has come and whose reminder has not gone out get,
// in one transaction, reminderSentAt and a mail to the responsible employee on the outbox. Run by
// a periodic job from every worker process: FOR UPDATE SKIP LOCKED lets concurrent runs share the
// work without waiting, the WHERE clause keeps a second run from taking a task again, and the
// mail's idempotency key (task + due time) keeps even a replayed outbox row to one mail. A task
// without an active responsible employee is marked too (there is nobody to remind), so it is not
// picked up again on every run.
import { db } from "@/lib/db";
import type { TaskKind } from "@/lib/db/generated/enums";
import { getEnv } from "@/lib/env";
import { isLocale } from "@/lib/i18n/locales";
import { queueMail } from "@/lib/mail/queue-mail";
import { SHOP_TIME_ZONE } from "@/lib/reports/resolve-period";

const BATCH_SIZE = 200;

/** One reminder per task and due time: rescheduling makes a new due time and so a new reminder. */
export const taskDueMailKey = (taskId: string, dueAt: Date) => `task:${taskId}:due:${dueAt.toISOString()}`;

/** The link of a task in the admin (the tasks page opens it). */
export const taskUrl = (taskId: string) => `${getEnv().APP_URL}/admin/tasks?task=${encodeURIComponent(taskId)}`;

interface DueTask {
  id: string;
  kind: TaskKind;
  title: string;
  description: string | null;
  dueAt: Date;
  email: string | null;
  name: string | null;
  locale: string | null;
  isActive: boolean | null;
  customerName: string | null;
  orderNumber: string | null;
  dealTitle: string | null;
}

/** Queues the reminders of every task due at `now`, in batches; returns how many mails were queued. */
export async function sendTaskReminders(options: { now?: Date } = {}): Promise<{ mailed: number; marked: number }> {
  const now = options.now ?? new Date();
  let mailed = 0;
  let marked = 0;
  for (;;) {
    const batch = await db.$transaction(async (tx) => {
      const due = await tx.$queryRaw<DueTask[]>`
        SELECT t.id, t.kind::text AS kind, t.title, t.description, t."dueAt",
               u.email, u.name, u.locale, u."isActive",
               c.name AS "customerName", o.number::text AS "orderNumber", d.title AS "dealTitle"
        FROM "Task" t
        LEFT JOIN "User" u ON u.id = t."assigneeId"
        LEFT JOIN "Customer" c ON c.id = t."customerId"
        LEFT JOIN "Order" o ON o.id = t."orderId"
        LEFT JOIN "Deal" d ON d.id = t."dealId"
        WHERE t.status = 'OPEN' AND t."reminderSentAt" IS NULL AND t."dueAt" <= ${now}
        ORDER BY t."dueAt"
        LIMIT ${BATCH_SIZE}
        FOR UPDATE OF t SKIP LOCKED`;
      let queued = 0;
      for (const task of due) {
        if (task.email && task.isActive) {
          await queueMail(tx, {
            idempotencyKey: taskDueMailKey(task.id, task.dueAt),
            to: task.email,
            template: "task-due",
            locale: isLocale(task.locale) ? task.locale : "ru",
            props: {
              name: task.name ?? task.email,
              title: task.title,
              kind: task.kind,
              description: task.description ?? undefined,
              dueAt: task.dueAt.toISOString(),
              timeZone: SHOP_TIME_ZONE,
              customerName: task.customerName ?? undefined,
              orderNumber: task.orderNumber ?? undefined,
              dealTitle: task.dealTitle ?? undefined,
              taskUrl: taskUrl(task.id),
            },
          });
          queued++;
        }
      }
      if (due.length) {
        await tx.task.updateMany({ where: { id: { in: due.map((task) => task.id) } }, data: { reminderSentAt: now } });
      }
      return { count: due.length, queued };
    });
    mailed += batch.queued;
    marked += batch.count;
    if (batch.count < BATCH_SIZE) return { mailed, marked };
  }
}
