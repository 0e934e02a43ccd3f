// The mapping step's view of a file: its columns (header and first values) in the chosen format.
import { z } from "zod";
import type { TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { FileStore } from "@/lib/files/file-store";
import { assertImporter, readImportTable } from "./customer-import-file";
import { ZImportDelimiter, ZImportEncoding, type ImportDelimiter, type ImportEncoding } from "./import-fields";
import { ZImportId } from "./preview-customer-import";

const SAMPLE_ROWS = 3;

const ZColumnsInput = z.object({ importId: ZImportId, encoding: ZImportEncoding, delimiter: ZImportDelimiter, hasHeader: z.boolean() });

export interface ImportColumns {
  encoding: ImportEncoding;
  delimiter: ImportDelimiter;
  hasHeader: boolean;
  totalRows: number;
  columns: { header: string | null; samples: string[] }[];
}

export async function getImportColumns(input: z.input<typeof ZColumnsInput>, actor: TSectionActor, options: { store?: FileStore } = {}): Promise<ImportColumns> {
  assertImporter(actor);
  const settings = ZColumnsInput.parse(input);
  const row = await db.customerImport.findUnique({ where: { id: settings.importId }, select: { fileKey: true } });
  if (!row) throw new AppError("NOT_FOUND", "Import not found");
  const table = await readImportTable(row.fileKey, settings, options.store);
  return {
    encoding: table.encoding,
    delimiter: table.delimiter,
    hasHeader: table.hasHeader,
    totalRows: table.rows.length,
    columns: Array.from({ length: table.columnCount }, (_, column) => ({
      header: table.header?.[column] ?? null,
      samples: table.rows.slice(0, SAMPLE_ROWS).map((cells) => (cells[column] ?? "").slice(0, 80)),
    })),
  };
}
