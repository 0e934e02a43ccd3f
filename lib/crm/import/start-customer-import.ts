// Step 3: the chosen format and mapping are saved and the import job is queued, in one
// transaction that moves the import from PENDING to RUNNING (a second click finds it RUNNING and
// changes nothing). The file is parsed once more with the final format, so a mapping for another
// number of columns or a format that breaks the file is refused here, not in the job.
import type { TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { FileStore } from "@/lib/files/file-store";
import { enqueue } from "@/lib/queue/enqueue";
import { assertImporter, readImportTable } from "./customer-import-file";
import { ZImportMapping } from "./import-fields";
import { fitMapping, ZImportSettings, type TImportSettings } from "./preview-customer-import";
import { recordAudit } from "@/lib/audit/record-audit";

export async function startCustomerImport(input: TImportSettings, actor: TSectionActor, options: { store?: FileStore; ip?: string } = {}): Promise<void> {
  const checked = assertImporter(actor);
  const settings = ZImportSettings.parse(input);
  const row = await db.customerImport.findUnique({ where: { id: settings.importId }, select: { fileKey: true, status: true } });
  if (!row) throw new AppError("NOT_FOUND", "Import not found");
  if (row.status !== "PENDING") throw new AppError("CONFLICT", "The import has already been started", { fieldErrors: { _: ["crmImport.errors.alreadyStarted"] } });
  const table = await readImportTable(row.fileKey, settings, options.store);
  const mapping = ZImportMapping.parse(fitMapping(settings.mapping, table.columnCount));

  await db.$transaction(async (tx) => {
    const started = await tx.customerImport.updateMany({
      where: { id: settings.importId, status: "PENDING" },
      data: {
        status: "RUNNING",
        mapping,
        encoding: table.encoding,
        delimiter: table.delimiter,
        hasHeader: table.hasHeader,
        totalRows: table.rows.length,
        processedRows: 0,
        createdCount: 0,
        updatedCount: 0,
        skippedCount: 0,
        startedAt: new Date(),
      },
    });
    if (started.count !== 1) throw new AppError("CONFLICT", "The import has already been started", { fieldErrors: { _: ["crmImport.errors.alreadyStarted"] } });
    await enqueue("crm.import-customers", { importId: settings.importId }, { tx });
    await recordAudit(tx, {
      actor: { type: "staff", id: checked.id },
      action: "crm.import.started",
      entity: { type: "CustomerImport", id: settings.importId },
      data: { mapping, encoding: table.encoding, delimiter: table.delimiter, hasHeader: table.hasHeader, rows: table.rows.length },
      ip: options.ip ?? null,
    });
  });
}
