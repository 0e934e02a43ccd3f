// The filtered customer list as CSV (RFC 4180), streamed in keyset batches in the list's own
// order, so an export of 300,000 customers holds one batch in memory. Personal data leaving the
// shop: only MANAGER/OWNER (exportCustomers), and every export is written to the audit log with
// its filters before the first byte.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { assertCrm } from "@/lib/crm/crm-access";
import { db } from "@/lib/db";
import { minorUnitsToDecimalString } from "@/lib/money/format";
import { csvLine, safeText } from "@/lib/orders/export-orders-csv";
import { streamCsvBatches } from "@/lib/stream-csv";
import { canonicalCustomerQuery, DEFAULT_DIRECTION, decodeCustomerCursor, ZCustomerListQuery, type TCustomerListQuery } from "./customer-query";
import { customerCursorOf, customerFilterSql, readPage, type CustomerListItem } from "./list-customers";
import { recordAudit } from "@/lib/audit/record-audit";

export const CUSTOMER_EXPORT_BATCH_SIZE = 500;

export const CUSTOMER_CSV_COLUMNS = [
  "id",
  "type",
  "name",
  "legalName",
  "phone",
  "email",
  "region",
  "country",
  "tags",
  "source",
  "segment",
  "responsible",
  "ordersCount",
  "paidOrdersCount",
  "lastOrderAt",
  "paidRevenue",
  "rfmSegment",
  "abcClass",
  "createdAt",
] as const;
export type CustomerCsvColumn = (typeof CUSTOMER_CSV_COLUMNS)[number];

export interface ExportCustomersCsvOptions {
  headers?: Partial<Record<CustomerCsvColumn, string>>;
  batchSize?: number;
  /** Start with a UTF-8 byte order mark, so that Excel reads Cyrillic right. Default true. */
  byteOrderMark?: boolean;
  ip?: string;
}

/**
 * Checks the actor, validates the filters (a ZodError → 422 before any download starts), writes
 * the audit entry, and returns the stream of the CSV.
 */
export async function exportCustomersCsv(input: TCustomerListQuery, actor: TSectionActor, options: ExportCustomersCsvOptions = {}): Promise<ReadableStream<Uint8Array>> {
  const checked = assertSectionActor(actor, "customers");
  assertCrm(checked, "exportCustomers");
  const query = ZCustomerListQuery.parse(input);
  const sort = query.sort ?? "created";
  const dir = query.dir ?? DEFAULT_DIRECTION[sort];
  const where = customerFilterSql(query);
  await recordAudit(db, {
    actor: { type: "USER", id: checked.id },
    action: "customer.export",
    entity: { type: "Customer" },
    data: { query: canonicalCustomerQuery(input as Record<string, unknown>) },
    ip: options.ip,
  });

  const batchSize = options.batchSize ?? CUSTOMER_EXPORT_BATCH_SIZE;
  return streamCsvBatches<CustomerListItem>({
    header: csvLine(CUSTOMER_CSV_COLUMNS.map((column) => options.headers?.[column] ?? column)),
    byteOrderMark: options.byteOrderMark,
    batchSize,
    readBatch: (last) => readPage(where, sort, dir, "forward", last ? decodeCustomerCursor(customerCursorOf(sort, last)) : null, batchSize),
    line: (row) => csvLine(customerCells(row)),
    failure: "customer CSV export failed",
  });
}

function customerCells(row: CustomerListItem): string[] {
  const values: Record<CustomerCsvColumn, string | null> = {
    id: row.id,
    type: row.type,
    name: safeText(row.name),
    legalName: safeText(row.legalName),
    phone: safeText(row.phone),
    email: safeText(row.email),
    region: row.region,
    country: row.country,
    tags: safeText(row.tags.join(", ")),
    source: safeText(row.source),
    segment: safeText(row.segmentName),
    responsible: safeText(row.responsibleName),
    ordersCount: String(row.ordersCount),
    paidOrdersCount: String(row.paidOrdersCount),
    lastOrderAt: row.lastOrderAt?.toISOString() ?? null,
    paidRevenue: minorUnitsToDecimalString(row.paidRevenue, 2),
    rfmSegment: safeText(row.rfmSegment),
    abcClass: row.abcClass,
    createdAt: row.createdAt.toISOString(),
  };
  return CUSTOMER_CSV_COLUMNS.map((column) => values[column] ?? "");
}
