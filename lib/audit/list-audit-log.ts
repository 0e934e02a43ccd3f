// Settings → Audit log (OWNER only): entries newest first, filtered by actor, action, object and
// days (the shop's time zone), in keyset pages by id; each with the actor's name and the
// before/after rows of its diff.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db, type Prisma } from "@/lib/db";
import { addDays, SHOP_TIME_ZONE, zonedDayStart } from "@/lib/reports/resolve-period";
import { actorKind, ZAuditLogQuery, type TAuditLogQuery } from "./audit-log-query";
import { diffRows } from "./audit-diff";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditLogEntry {
  id: string;
  createdAt: string;
  actorKind: ReturnType<typeof actorKind>;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  ip: string | null;
  changes: { field: string; before: unknown; after: unknown }[];
  /** The rest of the entry's data (a reason, an export's filter), when there is any. */
  details: Record<string, unknown> | null;
}

export function auditLogWhere(query: TAuditLogQuery): Prisma.AuditLogWhereInput {
  const conditions: Prisma.AuditLogWhereInput[] = [];
  if (query.actor) conditions.push({ actorId: query.actor });
  if (query.action) conditions.push(query.action.endsWith(".") ? { action: { startsWith: query.action } } : { action: query.action });
  if (query.entityType) conditions.push({ entityType: { equals: query.entityType, mode: "insensitive" } });
  if (query.entityId) conditions.push({ entityId: query.entityId });
  if (query.from) conditions.push({ createdAt: { gte: zonedDayStart(query.from, SHOP_TIME_ZONE) } });
  if (query.to) conditions.push({ createdAt: { lt: zonedDayStart(addDays(query.to, 1), SHOP_TIME_ZONE) } });
  if (query.before) conditions.push({ id: { lt: BigInt(query.before) } });
  return { AND: conditions };
}

export const auditEntrySelect = { id: true, createdAt: true, actorType: true, actorId: true, action: true, entityType: true, entityId: true, ip: true, data: true } as const;
type AuditRow = Prisma.AuditLogGetPayload<{ select: typeof auditEntrySelect }>;

/** Entries with their actors' names (employees and partners), as the page and the CSV show them. */
export async function describeAuditRows(rows: AuditRow[]): Promise<AuditLogEntry[]> {
  const ids = [...new Set(rows.map((row) => row.actorId).filter((id): id is string => id !== null))];
  const [users, partners] = ids.length
    ? await Promise.all([
        db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } }),
        db.partner.findMany({ where: { id: { in: ids } }, select: { id: true, login: true } }),
      ])
    : [[], []];
  const names = new Map<string, string>([...users.map((user) => [user.id, `${user.name} <${user.email}>`] as const), ...partners.map((partner) => [partner.id, partner.login] as const)]);
  return rows.map((row) => {
    const data = row.data && typeof row.data === "object" && !Array.isArray(row.data) ? (row.data as Record<string, unknown>) : null;
    const { before: _before, after: _after, ...rest } = data ?? {};
    const changes = diffRows(data);
    const details = changes.length ? rest : (data ?? (row.data === null ? null : { value: row.data }));
    return {
      id: row.id.toString(),
      createdAt: row.createdAt.toISOString(),
      actorKind: actorKind(row.actorType),
      actorId: row.actorId,
      actorName: row.actorId ? (names.get(row.actorId) ?? null) : null,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      ip: row.ip,
      changes,
      details: details && Object.keys(details).length ? details : null,
    };
  });
}

export async function listAuditLog(input: Record<string, unknown>, actor: TSectionActor, options: { pageSize?: number } = {}) {
  assertSectionActor(actor, "settings");
  const query = ZAuditLogQuery.parse(input);
  const pageSize = options.pageSize ?? AUDIT_PAGE_SIZE;
  const [rows, actors] = await Promise.all([
    db.auditLog.findMany({ where: auditLogWhere(query), orderBy: { id: "desc" }, take: pageSize + 1, select: auditEntrySelect }),
    db.user.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, email: true } }),
  ]);
  const shown = rows.slice(0, pageSize);
  return {
    query,
    entries: await describeAuditRows(shown),
    nextBefore: rows.length > pageSize ? shown.at(-1)?.id.toString() : undefined,
    actors: actors.map((user) => ({ id: user.id, label: `${user.name} <${user.email}>` })),
  };
}
