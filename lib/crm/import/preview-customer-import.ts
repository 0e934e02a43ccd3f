// Step 2, the dry run: the whole file through the same parse → match → plan as the job, without
// writing — what the first rows will do (create, update which card, skip and why) and totals for
// every row. Existing cards are looked up in chunks, so a 100,000-row file costs ~50 queries.
import { z } from "zod";
import type { TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { FileStore } from "@/lib/files/file-store";
import { assertImporter, readImportTable } from "./customer-import-file";
import { ZImportDelimiter, ZImportEncoding, ZImportMapping, type ImportDelimiter, type ImportEncoding, type ImportMapping } from "./import-fields";
import { importRows, type ImportRowOutcome } from "./import-rows";
import type { ImportCard } from "./match-import-customers";
import type { SkipReason } from "./parse-import-row";

export const ZImportId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/);

export const ZImportSettings = z.object({
  importId: ZImportId,
  mapping: ZImportMapping,
  encoding: ZImportEncoding,
  delimiter: ZImportDelimiter,
  hasHeader: z.boolean(),
});
export type TImportSettings = z.input<typeof ZImportSettings>;

const PREVIEW_ROWS = 20;
const CHUNK_ROWS = 2_000;

export interface ImportPreviewRow {
  row: number;
  cells: string[];
  action: "create" | "update" | "skip";
  /** The card an update goes to (id and name), or the row whose new card it joins. */
  target?: { id: string | null; name: string | null; fromRow?: number };
  reason?: SkipReason;
  field?: string;
  value?: string;
}

export interface ImportPreview {
  header: string[] | null;
  columnCount: number;
  mapping: ImportMapping;
  encoding: ImportEncoding;
  delimiter: ImportDelimiter;
  hasHeader: boolean;
  rows: ImportPreviewRow[];
  totals: { rows: number; create: number; update: number; skip: number; skipReasons: Partial<Record<SkipReason, number>> };
}

function targetOf(card: ImportCard): ImportPreviewRow["target"] {
  return { id: card.id, name: card.name ?? card.legalName ?? card.phone ?? card.email, ...(card.fromRow ? { fromRow: card.fromRow } : {}) };
}

export async function previewCustomerImport(input: TImportSettings, actor: TSectionActor, options: { store?: FileStore } = {}): Promise<ImportPreview> {
  assertImporter(actor);
  const settings = ZImportSettings.parse(input);
  const row = await db.customerImport.findUnique({ where: { id: settings.importId }, select: { fileKey: true } });
  if (!row) throw new AppError("NOT_FOUND", "Import not found");
  const table = await readImportTable(row.fileKey, settings, options.store);
  const mapping = ZImportMapping.parse(fitMapping(settings.mapping, table.columnCount));

  const cards = new Map<string, ImportCard[]>();
  const totals: ImportPreview["totals"] = { rows: table.rows.length, create: 0, update: 0, skip: 0, skipReasons: {} };
  const rows: ImportPreviewRow[] = [];
  for (let start = 0; start < table.rows.length; start += CHUNK_ROWS) {
    const chunk = table.rows.slice(start, start + CHUNK_ROWS).map((cells, index) => ({ row: start + index + 1, cells }));
    const outcomes = await importRows(chunk, { mapping, cards });
    for (const outcome of outcomes) {
      totals[outcome.action]++;
      if (outcome.action === "skip") totals.skipReasons[outcome.reason] = (totals.skipReasons[outcome.reason] ?? 0) + 1;
      if (rows.length < PREVIEW_ROWS) rows.push(previewRow(outcome, table.rows[outcome.row - 1]!));
    }
  }
  return { header: table.header, columnCount: table.columnCount, mapping, encoding: table.encoding, delimiter: table.delimiter, hasHeader: table.hasHeader, rows, totals };
}

function previewRow(outcome: ImportRowOutcome, cells: string[]): ImportPreviewRow {
  if (outcome.action === "skip") return { row: outcome.row, cells, action: "skip", reason: outcome.reason, field: outcome.field, value: outcome.value };
  // A copy: the card object keeps changing as later rows fill it.
  return { row: outcome.row, cells, action: outcome.action, ...(outcome.action === "update" ? { target: targetOf(outcome.card) } : {}) };
}

/** The mapping cut or padded (with "skip") to the file's columns in the chosen format. */
export function fitMapping(mapping: ImportMapping, columnCount: number): ImportMapping {
  return Array.from({ length: columnCount }, (_, column) => mapping[column] ?? "skip");
}
