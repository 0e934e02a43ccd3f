// The import job's work: the file's rows in batches, each batch in one transaction that also
// advances the import's counters — so a job retried after a crash resumes at processedRows and
// never writes a row twice (a second card for it least of all). The batch holds the checkout's
// advisory locks on its contacts, so an order placed meanwhile with one of them cannot make a
// card of its own; cards are matched on normalised phone OR email, following merges, and rows
// of one file that share a contact make one card. The file is removed when the import is done.
import { advisoryLockSql } from "@/lib/customers/customer-dedup";
import { db, Prisma, type DbTransaction } from "@/lib/db";
import { recordWebhookEvents } from "@/lib/webhooks/record-webhook-events";
import type { Region } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { getFileStore, type FileStore } from "@/lib/files/file-store";
import { logger } from "@/lib/logger";
import { readImportTable } from "./customer-import-file";
import { ZImportDelimiter, ZImportEncoding, ZImportMapping } from "./import-fields";
import { ImportFileError } from "./import-file-error";
import { importRows, type ImportRowOutcome } from "./import-rows";
import { contactKeysOf, lockKeysOf, type ImportCard } from "./match-import-customers";
import { parseImportRow, type ImportedCustomer } from "./parse-import-row";
import type { ImportUpsertPlan } from "./plan-import-upsert";
import { recordAudit } from "@/lib/audit/record-audit";

export const IMPORT_BATCH_ROWS = 250;
/** How many problems the import keeps for its page. */
export const MAX_IMPORT_ERRORS = 100;

export interface ImportProblem {
  row: number;
  reason: string;
  field?: string;
  value?: string;
}

export interface RunCustomerImportOptions {
  store?: FileStore;
  batchRows?: number;
  /** Called after each committed batch (tests stop the run here to play a crash). */
  afterBatch?: (processedRows: number) => Promise<void> | void;
}

export async function runCustomerImport(importId: string, options: RunCustomerImportOptions = {}): Promise<void> {
  const store = options.store ?? getFileStore();
  const batchRows = options.batchRows ?? IMPORT_BATCH_ROWS;
  const job = await db.customerImport.findUnique({ where: { id: importId }, select: { status: true, fileKey: true, encoding: true, delimiter: true, hasHeader: true, mapping: true } });
  if (!job || job.status !== "RUNNING") return;

  let table;
  let mapping;
  try {
    mapping = ZImportMapping.parse(job.mapping);
    table = await readImportTable(job.fileKey, { encoding: ZImportEncoding.parse(job.encoding), delimiter: ZImportDelimiter.parse(job.delimiter), hasHeader: job.hasHeader }, store);
  } catch (error) {
    // The file or the saved settings cannot be read: retrying would not help.
    if (error instanceof ImportFileError || (error instanceof AppError && error.code === "NOT_FOUND") || (error instanceof Error && error.name === "ZodError")) {
      await finish(importId, "FAILED", [{ row: 0, reason: error instanceof ImportFileError ? error.problem : "unreadable" }], store, job.fileKey);
      return;
    }
    throw error;
  }

  const regions = new Map((await db.country.findMany({ select: { code: true, region: true } })).map((country) => [country.code.trim(), country.region]));
  let processed = (await db.customerImport.findUniqueOrThrow({ where: { id: importId }, select: { processedRows: true } })).processedRows;
  while (processed < table.rows.length) {
    const start = processed;
    processed = await db.$transaction(
      async (tx) => {
        const [current] = await tx.$queryRaw<{ processedRows: number; status: string; errors: unknown }[]>`
          SELECT "processedRows", status::text AS status, errors FROM "CustomerImport" WHERE id = ${importId} FOR UPDATE`;
        // Another run of the job got here first: carry on from where it is.
        if (!current || current.status !== "RUNNING") return table.rows.length;
        if (current.processedRows !== start) return current.processedRows;

        const batch = table.rows.slice(start, start + batchRows).map((cells, index) => ({ row: start + index + 1, cells }));
        const keys = batch.flatMap(({ cells }) => {
          const parsed = parseImportRow(cells, mapping);
          return parsed.ok ? contactKeysOf(parsed.customer) : [];
        });
        const lockKeys = lockKeysOf(keys);
        if (lockKeys.length) await tx.$queryRaw(advisoryLockSql(lockKeys));

        const outcomes = await importRows(batch, { mapping, cards: new Map(), client: tx, write: (card, customer, plan) => writeImportRow(tx, card, customer, plan, regions) });
        const count = (action: ImportRowOutcome["action"]) => outcomes.filter((outcome) => outcome.action === action).length;
        const errors = Array.isArray(current.errors) ? (current.errors as ImportProblem[]) : [];
        for (const outcome of outcomes) {
          if (outcome.action !== "skip" || errors.length >= MAX_IMPORT_ERRORS) continue;
          errors.push({ row: outcome.row, reason: outcome.reason, ...(outcome.field ? { field: outcome.field } : {}), ...(outcome.value ? { value: outcome.value } : {}) });
        }
        const next = start + batch.length;
        await tx.customerImport.update({
          where: { id: importId },
          data: {
            processedRows: next,
            createdCount: { increment: count("create") },
            updatedCount: { increment: count("update") },
            skippedCount: { increment: count("skip") },
            errors: errors.length ? (errors as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
          },
        });
        return next;
      },
      { maxWait: 10_000, timeout: 120_000 },
    );
    if (processed > start) await options.afterBatch?.(processed);
  }
  await finish(importId, "DONE", null, store, job.fileKey);
}

/** Ends an import whose job gave up (its last attempt failed): the page stops waiting for it. */
export async function failCustomerImport(importId: string, reason: string, options: { store?: FileStore } = {}): Promise<void> {
  const job = await db.customerImport.findUnique({ where: { id: importId }, select: { fileKey: true } });
  if (job) await finish(importId, "FAILED", [{ row: 0, reason }], options.store ?? getFileStore(), job.fileKey);
}

async function writeImportRow(tx: DbTransaction, card: ImportCard | null, customer: ImportedCustomer, plan: ImportUpsertPlan, regions: Map<string, Region>): Promise<string> {
  const { fill } = plan;
  const region = fill.country ? (regions.get(fill.country) ?? null) : undefined;
  let id = card?.id ?? null;
  if (!id) {
    const created = await tx.customer.create({
      data: { ...fill, type: fill.type ?? "PERSON", region: region ?? null, tags: plan.addTags },
      select: { id: true },
    });
    id = created.id;
    await recordWebhookEvents(tx, [{ type: "customer.created", objectId: id }]);
  } else if (Object.keys(fill).length || plan.addTags.length) {
    await tx.customer.update({
      where: { id },
      data: { ...fill, ...(region !== undefined ? { region } : {}), ...(plan.addTags.length ? { tags: { push: plan.addTags } } : {}) },
      select: { id: true },
    });
  }
  const customerId = id;
  if (plan.phones.length) await tx.customerPhone.createMany({ data: plan.phones.map((phone) => ({ customerId, ...phone })), skipDuplicates: true });
  if (plan.emails.length) await tx.customerEmail.createMany({ data: plan.emails.map((email) => ({ customerId, ...email })), skipDuplicates: true });
  if (plan.address) {
    const { country, postcode, province, city, street, house, flat } = plan.address;
    const addresses = await tx.customerAddress.findMany({
      where: { customerId },
      select: { country: true, postcode: true, province: true, city: true, street: true, house: true, flat: true },
    });
    const same = addresses.some(
      (address) =>
        address.country.trim() === country &&
        address.postcode === postcode &&
        address.province === province &&
        address.city === city &&
        address.street === street &&
        address.house === house &&
        address.flat === flat,
    );
    if (!same) await tx.customerAddress.create({ data: { customerId, ...plan.address, isDefault: addresses.length === 0 }, select: { id: true } });
  }
  return customerId;
}

async function finish(importId: string, status: "DONE" | "FAILED", errors: ImportProblem[] | null, store: FileStore, fileKey: string) {
  const finished = await db.$transaction(async (tx) => {
    const updated = await tx.customerImport.updateMany({
      where: { id: importId, status: "RUNNING" },
      data: { status, finishedAt: new Date(), ...(errors ? { errors: errors as unknown as Prisma.InputJsonValue } : {}) },
    });
    if (updated.count === 0) return null;
    const row = await tx.customerImport.findUniqueOrThrow({
      where: { id: importId },
      select: { totalRows: true, processedRows: true, createdCount: true, updatedCount: true, skippedCount: true },
    });
    await recordAudit(tx, {
      actor: { type: "system" },
      action: status === "DONE" ? "crm.import.done" : "crm.import.failed",
      entity: { type: "CustomerImport", id: importId },
      data: { ...row, ...(errors ? { errors } : {}) },
    });
    return row;
  });
  // The rows are in the cards now; the upload is not kept past its import.
  if (finished) await store.remove(fileKey).catch((error: unknown) => logger.error({ err: error, importId }, "could not remove an import's file"));
}
