// The stored file of an import, read back whole (uploads are at most MAX_IMPORT_BYTES) and parsed
// with the import's format; plus the check every import operation starts with.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { assertCrm } from "@/lib/crm/crm-access";
import { getFileStore, type FileStore } from "@/lib/files/file-store";
import { MAX_IMPORT_BYTES } from "./import-fields";
import { ImportFileError } from "./import-file-error";
import { readCsv, type CsvFormat, type CsvTable } from "./read-csv";

/** MANAGER and OWNER only (CRM ability importCustomers). */
export function assertImporter(actor: TSectionActor) {
  const checked = assertSectionActor(actor, "customers");
  assertCrm(checked, "importCustomers");
  return checked;
}

export async function readStoredBytes(key: string, store: FileStore = getFileStore()): Promise<Buffer> {
  const opened = await store.open(key);
  if (opened.sizeBytes > MAX_IMPORT_BYTES) {
    opened.stream.destroy();
    throw new ImportFileError("tooLarge");
  }
  const chunks: Buffer[] = [];
  for await (const chunk of opened.stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The import's file as a table, in the given (or stored) format. */
export async function readImportTable(key: string, format: Partial<CsvFormat>, store?: FileStore): Promise<CsvTable & CsvFormat> {
  return readCsv(await readStoredBytes(key, store), format);
}
