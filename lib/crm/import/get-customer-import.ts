// One import's state for its page and the progress poll: counters, status and the first problems.
import type { TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import type { CustomerImportStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { assertImporter } from "./customer-import-file";
import { ZImportDelimiter, ZImportEncoding, ZImportMapping, type ImportDelimiter, type ImportEncoding, type ImportMapping } from "./import-fields";
import { ZImportId } from "./preview-customer-import";
import type { ImportProblem } from "./run-customer-import";

export interface CustomerImportState {
  id: string;
  fileName: string;
  status: CustomerImportStatus;
  encoding: ImportEncoding;
  delimiter: ImportDelimiter;
  hasHeader: boolean;
  mapping: ImportMapping | null;
  totalRows: number;
  processedRows: number;
  createdCount: number;
  updatedCount: number;
  skippedCount: number;
  errors: ImportProblem[];
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export async function getCustomerImport(importId: string, actor: TSectionActor): Promise<CustomerImportState> {
  assertImporter(actor);
  const id = ZImportId.safeParse(importId);
  const row = id.success ? await db.customerImport.findUnique({ where: { id: id.data } }) : null;
  if (!row) throw new AppError("NOT_FOUND", "Import not found");
  const mapping = ZImportMapping.safeParse(row.mapping);
  return {
    id: row.id,
    fileName: row.fileName,
    status: row.status,
    encoding: ZImportEncoding.catch("utf-8").parse(row.encoding),
    delimiter: ZImportDelimiter.catch(",").parse(row.delimiter),
    hasHeader: row.hasHeader,
    mapping: mapping.success ? mapping.data : Array.isArray(row.mapping) ? (row.mapping as ImportMapping) : null,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    createdCount: row.createdCount,
    updatedCount: row.updatedCount,
    skippedCount: row.skippedCount,
    errors: Array.isArray(row.errors) ? (row.errors as unknown as ImportProblem[]) : [],
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** The latest imports, for the upload page. */
export async function listCustomerImports(actor: TSectionActor, limit = 20) {
  assertImporter(actor);
  return db.customerImport.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      fileName: true,
      status: true,
      totalRows: true,
      processedRows: true,
      createdCount: true,
      updatedCount: true,
      skippedCount: true,
      createdAt: true,
      createdBy: { select: { name: true } },
    },
  });
}
