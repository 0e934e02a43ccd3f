// One timeline of everything that happened with a customer, newest first: orders placed, their
// status changes, mails sent to the customer's addresses (mails are not linked to customers,
// so they are found by address), interactions, tasks created and completed, and the stage moves
// of the customer's deals. One SQL statement (a UNION ALL, one branch per source, each on the
// customer's own index) paged by the keyset (at, kind, id). Plain data only: ISO strings, no
// Date or BigInt, so the rows may go to client components and into the printable report as is.
import { z } from "zod";
import type { TSectionActor } from "@/lib/auth/section-actor";
import { db, Prisma } from "@/lib/db";
import type { InteractionKind, MailStatus, OrderStatus, TaskKind, TaskStatus } from "@/lib/db/generated/enums";
import { notFound } from "@/lib/errors";
import { assertCanViewCustomers } from "./list-customers";

export const TIMELINE_PAGE_SIZE = 50;
/** The printable history report's (and its CSV's) number of events. */
export const HISTORY_LIMIT = 2000;
export const TIMELINE_KINDS = ["order", "status", "mail", "interaction", "taskCreated", "taskCompleted", "dealStage"] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export type TimelineEntry = { key: string; at: string; id: string } & (
  | { kind: "order"; orderId: string; number: number; status: OrderStatus; total: number; currency: string; product: string | null }
  | { kind: "status"; orderId: string; number: number; from: OrderStatus | null; to: OrderStatus; actorType: string; actorName: string | null; reason: string | null }
  | { kind: "mail"; subject: string; template: string; toAddress: string; status: MailStatus }
  | {
      kind: "interaction";
      interactionKind: InteractionKind;
      subject: string | null;
      content: string | null;
      result: string | null;
      nextStep: string | null;
      userName: string | null;
      orderId: string | null;
    }
  | { kind: "taskCreated"; title: string; taskKind: TaskKind; status: TaskStatus; dueAt: string; assigneeName: string | null }
  | { kind: "taskCompleted"; title: string; taskKind: TaskKind; result: string | null; assigneeName: string | null }
  | { kind: "dealStage"; dealId: string; dealTitle: string; fromStage: string | null; toStage: string | null; userName: string | null }
);

const ZTimelineCursor = z
  .string()
  .max(300)
  .transform((value, context) => {
    const decoded = decodeTimelineCursor(value);
    if (!decoded) {
      context.addIssue({ code: "custom", message: "Invalid page cursor" });
      return z.NEVER;
    }
    return decoded;
  });

export const ZTimelineInput = z.object({
  customerId: z.string().trim().min(1).max(64),
  cursor: ZTimelineCursor.optional(),
  limit: z.number().int().min(1).max(5000).default(TIMELINE_PAGE_SIZE),
});

export interface TimelinePage {
  entries: TimelineEntry[];
  nextCursor: string | null;
}

interface TimelineCursor {
  at: string;
  kind: TimelineKind;
  id: string;
}

export function encodeTimelineCursor(entry: TimelineCursor): string {
  return Buffer.from(JSON.stringify([entry.at, entry.kind, entry.id])).toString("base64url");
}

export function decodeTimelineCursor(text: string): TimelineCursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [at, kind, id] = parsed as unknown[];
    if (typeof at !== "string" || Number.isNaN(Date.parse(at)) || !/^\d{4}-\d{2}-\d{2}T/.test(at)) return null;
    if (!(TIMELINE_KINDS as readonly unknown[]).includes(kind) || typeof id !== "string" || id.length < 1 || id.length > 64) return null;
    return { at, kind: kind as TimelineKind, id };
  } catch {
    return null;
  }
}

interface TimelineRow {
  at: Date;
  kind: TimelineKind;
  id: string;
  data: Record<string, unknown>;
}

export async function getCustomerTimeline(input: z.input<typeof ZTimelineInput>, actor: TSectionActor): Promise<TimelinePage> {
  assertCanViewCustomers(actor);
  const { customerId, cursor, limit } = ZTimelineInput.parse(input);
  const customer = await db.customer.findUnique({ where: { id: customerId }, select: { email: true, emailNormalized: true, emails: { select: { email: true, normalized: true } } } });
  if (!customer) throw notFound("Customer");
  const addresses = [
    ...new Set([customer.email, customer.emailNormalized, ...customer.emails.flatMap((email) => [email.email, email.normalized])].filter((value): value is string => Boolean(value))),
  ];
  const bound = cursor ? Prisma.sql`WHERE (t.at, t.kind, t.id) < (${cursor.at}::timestamp(3), ${cursor.kind}, ${cursor.id})` : Prisma.empty;

  const rows = await db.$queryRaw<TimelineRow[]>`
    SELECT t.at, t.kind, t.id, t.data FROM (
      SELECT o."createdAt" AS at, 'order' AS kind, o.id AS id,
        jsonb_build_object('orderId', o.id, 'number', o.number, 'status', o.status, 'total', o.total, 'currency', o.currency,
          'product', (SELECT p.name FROM "Product" p WHERE p.id = o."productId")) AS data
      FROM "Order" o WHERE o."customerId" = ${customerId}
      UNION ALL
      SELECT sc."createdAt", 'status', sc.id::text,
        jsonb_build_object('orderId', o.id, 'number', o.number, 'from', sc."fromStatus", 'to', sc."toStatus", 'actorType', sc."actorType", 'reason', sc.reason,
          'actorName', (SELECT u.name FROM "User" u WHERE sc."actorType" = 'USER' AND u.id = sc."actorId"))
      FROM "OrderStatusChange" sc JOIN "Order" o ON o.id = sc."orderId"
      WHERE o."customerId" = ${customerId} AND sc."fromStatus" IS NOT NULL
      UNION ALL
      SELECT m."createdAt", 'mail', m.id, jsonb_build_object('subject', m.subject, 'template', m.template, 'toAddress', m."toAddress", 'status', m.status)
      FROM "MailMessage" m WHERE m."toAddress" = ANY(${addresses}::text[])
      UNION ALL
      SELECT i."occurredAt", 'interaction', i.id,
        jsonb_build_object('interactionKind', i.kind, 'subject', i.subject, 'content', i.content, 'result', i.result, 'nextStep', i."nextStep", 'orderId', i."orderId",
          'userName', (SELECT u.name FROM "User" u WHERE u.id = i."userId"))
      FROM "Interaction" i WHERE i."customerId" = ${customerId}
      UNION ALL
      SELECT tk."createdAt", 'taskCreated', tk.id,
        jsonb_build_object('title', tk.title, 'taskKind', tk.kind, 'status', tk.status, 'dueAt', to_char(tk."dueAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'assigneeName', (SELECT u.name FROM "User" u WHERE u.id = tk."assigneeId"))
      FROM "Task" tk WHERE tk."customerId" = ${customerId}
      UNION ALL
      SELECT tk."completedAt", 'taskCompleted', tk.id,
        jsonb_build_object('title', tk.title, 'taskKind', tk.kind, 'result', tk.result, 'assigneeName', (SELECT u.name FROM "User" u WHERE u.id = tk."assigneeId"))
      FROM "Task" tk WHERE tk."customerId" = ${customerId} AND tk."completedAt" IS NOT NULL
      UNION ALL
      SELECT dc."createdAt", 'dealStage', dc.id::text,
        jsonb_build_object('dealId', d.id, 'dealTitle', d.title,
          'fromStage', (SELECT s.name FROM "DealStage" s WHERE s.id = dc."fromStageId"),
          'toStage', (SELECT s.name FROM "DealStage" s WHERE s.id = dc."toStageId"),
          'userName', (SELECT u.name FROM "User" u WHERE u.id = dc."userId"))
      FROM "DealStageChange" dc JOIN "Deal" d ON d.id = dc."dealId" WHERE d."customerId" = ${customerId}
    ) t
    ${bound}
    ORDER BY t.at DESC, t.kind DESC, t.id DESC
    LIMIT ${limit + 1}`;

  const page = rows.slice(0, limit);
  const entries = page.map((row) => ({ key: `${row.kind}:${row.id}`, at: row.at.toISOString(), id: row.id, kind: row.kind, ...row.data }) as TimelineEntry);
  const last = page.at(-1);
  return { entries, nextCursor: rows.length > limit && last ? encodeTimelineCursor({ at: last.at.toISOString(), kind: last.kind, id: last.id }) : null };
}
