// Step 1 of an import: the file streams into the file store (size-limited), is read once to
// check that it is usable CSV within the row limit (guessing encoding and delimiter unless the
// user chose them), and a PENDING CustomerImport row keeps it with the guessed column mapping.
// A file that cannot be imported is removed again: nothing is written.
import { z } from "zod";
import { db } from "@/lib/db";
import type { TSectionActor } from "@/lib/auth/section-actor";
import { AppError } from "@/lib/errors";
import { cleanFileName } from "@/lib/files/file-name";
import { getFileStore, type FileSource, type FileStore } from "@/lib/files/file-store";
import { logger } from "@/lib/logger";
import { assertImporter } from "./customer-import-file";
import { guessColumnMapping } from "./guess-column-mapping";
import { MAX_IMPORT_BYTES, ZImportDelimiter, ZImportEncoding } from "./import-fields";
import { ImportFileError } from "./import-file-error";
import { readCsv } from "./read-csv";
import { recordAudit } from "@/lib/audit/record-audit";

const ZUploadInput = z.object({
  fileName: z.string().max(2000),
  declaredSize: z.number().int().nonnegative().nullish(),
  encoding: ZImportEncoding.nullish(),
  delimiter: ZImportDelimiter.nullish(),
});

export interface UploadCustomerImportInput {
  fileName: string;
  declaredSize?: number | null;
  /** As the user chose them (checked here); null: guessed from the file. */
  encoding?: string | null;
  delimiter?: string | null;
  body: FileSource | null;
}

export async function uploadCustomerImport(input: UploadCustomerImportInput, actor: TSectionActor, options: { store?: FileStore; ip?: string } = {}): Promise<{ id: string }> {
  const checked = assertImporter(actor);
  const parsed = ZUploadInput.safeParse({ fileName: input.fileName, declaredSize: input.declaredSize, encoding: input.encoding, delimiter: input.delimiter });
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid upload", { fieldErrors: { file: ["crmImport.errors.invalidUpload"] } });
  const fileName = cleanFileName(parsed.data.fileName) || "customers.csv";
  if (!input.body) throw new ImportFileError("empty");
  if (parsed.data.declaredSize != null && parsed.data.declaredSize > MAX_IMPORT_BYTES) throw new ImportFileError("tooLarge");
  const store = options.store ?? getFileStore();

  const stored = await store.put(input.body, { maxBytes: MAX_IMPORT_BYTES }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "PAYLOAD_TOO_LARGE") throw new ImportFileError("tooLarge");
    throw error;
  });
  const discard = () => store.remove(stored.key).catch((error: unknown) => logger.error({ err: error, key: stored.key }, "could not remove a refused import file"));
  try {
    if (stored.sizeBytes === 0) throw new ImportFileError("empty");
    const opened = await store.open(stored.key);
    const chunks: Buffer[] = [];
    for await (const chunk of opened.stream) chunks.push(chunk as Buffer);
    const table = readCsv(Buffer.concat(chunks), { encoding: parsed.data.encoding ?? undefined, delimiter: parsed.data.delimiter ?? undefined, hasHeader: true });
    return await db.$transaction(async (tx) => {
      const created = await tx.customerImport.create({
        data: {
          createdById: checked.id,
          fileName,
          fileKey: stored.key,
          encoding: table.encoding,
          delimiter: table.delimiter,
          hasHeader: true,
          mapping: guessColumnMapping(table.header, table.columnCount),
          totalRows: table.rows.length,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor: { type: "staff", id: checked.id },
        action: "crm.import.uploaded",
        entity: { type: "CustomerImport", id: created.id },
        data: { fileName, sizeBytes: stored.sizeBytes, sha256: stored.sha256, rows: table.rows.length, encoding: table.encoding, delimiter: table.delimiter },
        ip: options.ip ?? null,
      });
      return created;
    });
  } catch (error) {
    await discard();
    throw error;
  }
}
