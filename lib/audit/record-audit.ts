// Writes one audit log entry: who (actor), what (action, e.g. "order.status"), on what (entity
// type and id), the before/after of the change reduced to the fields that changed, and from
// which address — the caller's `ip`, else the current request's (request-ip.ts). Call it inside
// the transaction of the change, so the entry exists exactly when the change does.
import type { Prisma, DbTransaction } from "@/lib/db";
import { auditDiff, toJsonValue, type AuditValues } from "./audit-diff";
import { currentRequestIp } from "./request-ip";

/**
 * USER: an employee; PARTNER: a partner; api_key: a REST API key (id = the key's id, spelt as lib/api writes it); SYSTEM: Lavka itself.
 * "staff", "partner" and "system" are older spellings of USER, PARTNER and SYSTEM that existing entries (and the operations that
 * wrote them before this function existed) use; the journal reads them alike (actorKind in audit-log-query.ts).
 */
export type AuditActorType = "USER" | "PARTNER" | "api_key" | "SYSTEM" | "staff" | "partner" | "system";

export interface AuditEntryInput {
  actor: { type: AuditActorType; id?: string | null };
  action: string;
  entity?: { type: string; id?: string | null };
  /** The entity's fields before and after; only those that differ are kept. */
  before?: AuditValues | null;
  after?: AuditValues | null;
  /** Anything else worth keeping (a reason, a filter of an export). */
  data?: AuditValues;
  ip?: string | null;
}

/** The transaction of the change, or the client itself for an entry that records no change (an export, a sign-in). */
export type AuditWriter = Pick<DbTransaction, "auditLog">;

export async function recordAudit(tx: AuditWriter, entry: AuditEntryInput): Promise<void> {
  const diff = entry.before !== undefined || entry.after !== undefined ? auditDiff(entry.before, entry.after) : undefined;
  const data = diff || entry.data ? { ...((toJsonValue(entry.data ?? {}) as AuditValues) ?? {}), ...diff } : undefined;
  const ip = entry.ip && entry.ip !== "unknown" ? entry.ip : await currentRequestIp();
  await tx.auditLog.create({
    data: {
      actorType: entry.actor.type,
      actorId: entry.actor.id ?? null,
      action: entry.action,
      entityType: entry.entity?.type ?? null,
      entityId: entry.entity?.id ?? null,
      ...(data ? { data: data as Prisma.InputJsonValue } : {}),
      ip: ip?.slice(0, 64) ?? null,
    },
    select: { id: true },
  });
}
