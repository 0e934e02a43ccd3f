// The audit log's CSV: every entry matching the page's filters, newest first, streamed in keyset
// batches (lib/stream-csv). The export itself is an audited action.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { csvLine, safeText } from "@/lib/orders/export-orders-csv";
import { streamCsvBatches } from "@/lib/stream-csv";
import { ZAuditLogQuery } from "./audit-log-query";
import { auditEntrySelect, auditLogWhere, describeAuditRows, type AuditLogEntry } from "./list-audit-log";
import { recordAudit } from "./record-audit";

export const AUDIT_CSV_COLUMNS = ["id", "createdAt", "actorType", "actorId", "actorName", "action", "entityType", "entityId", "ip", "before", "after", "details"] as const;
const BATCH_SIZE = 1_000;

const json = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value));

export async function exportAuditLogCsv(
  input: Record<string, unknown>,
  actor: TSectionActor,
  options: { ip?: string; headers?: Partial<Record<(typeof AUDIT_CSV_COLUMNS)[number], string>> } = {},
) {
  const owner = assertSectionActor(actor, "settings");
  const { before: _before, ...query } = ZAuditLogQuery.parse(input);
  await recordAudit(db, { actor: { type: "USER", id: owner.id }, action: "audit.export", entity: { type: "AuditLog" }, data: { query }, ip: options.ip });
  return streamCsvBatches<AuditLogEntry>({
    header: csvLine(AUDIT_CSV_COLUMNS.map((column) => options.headers?.[column] ?? column)),
    batchSize: BATCH_SIZE,
    failure: "audit log export failed",
    readBatch: async (last) => {
      const rows = await db.auditLog.findMany({ where: auditLogWhere({ ...query, before: last?.id }), orderBy: { id: "desc" }, take: BATCH_SIZE, select: auditEntrySelect });
      return describeAuditRows(rows);
    },
    line: (entry) =>
      csvLine([
        entry.id,
        entry.createdAt,
        entry.actorKind,
        entry.actorId ?? "",
        safeText(entry.actorName) ?? "",
        entry.action,
        entry.entityType ?? "",
        entry.entityId ?? "",
        entry.ip ?? "",
        safeText(json(Object.fromEntries(entry.changes.map((change) => [change.field, change.before])))) ?? "",
        safeText(json(Object.fromEntries(entry.changes.map((change) => [change.field, change.after])))) ?? "",
        safeText(json(entry.details)) ?? "",
      ]),
  });
}
