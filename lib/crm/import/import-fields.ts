// The customer fields a CSV column can be mapped to, and the mapping's schema (column index →
// field, or "skip"). One list for the mapping step, the row parser and the job.
import { z } from "zod";

export const IMPORT_FIELDS = [
  "name",
  "type",
  "phone",
  "extraPhone",
  "email",
  "extraEmail",
  "country",
  "postcode",
  "province",
  "city",
  "street",
  "house",
  "flat",
  "legalName",
  "taxId",
  "tags",
  "source",
  "notes",
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ImportTarget = ImportField | "skip";

/** Fields that may be mapped from several columns (each adds values); every other field from one column at most. */
export const REPEATABLE_FIELDS: ReadonlySet<ImportField> = new Set(["extraPhone", "extraEmail", "tags", "notes"]);

/** A file has at most this many columns (a wider one is not a customer list). */
export const MAX_IMPORT_COLUMNS = 100;

export const ZImportMapping = z
  .array(z.enum([...IMPORT_FIELDS, "skip"]))
  .min(1)
  .max(MAX_IMPORT_COLUMNS)
  .superRefine((mapping, context) => {
    const seen = new Set<string>();
    mapping.forEach((target, column) => {
      if (target === "skip" || REPEATABLE_FIELDS.has(target)) return;
      if (seen.has(target)) context.addIssue({ code: "custom", path: [column], message: "crmImport.errors.fieldTwice" });
      seen.add(target);
    });
    if (!mapping.some((target) => target === "phone" || target === "email" || target === "extraPhone" || target === "extraEmail")) {
      context.addIssue({ code: "custom", path: [], message: "crmImport.errors.noContactColumn" });
    }
  });

export type ImportMapping = z.output<typeof ZImportMapping>;

export const IMPORT_ENCODINGS = ["utf-8", "windows-1251", "utf-16le"] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

export const IMPORT_DELIMITERS = [",", ";", "\t"] as const;
export type ImportDelimiter = (typeof IMPORT_DELIMITERS)[number];

export const ZImportEncoding = z.enum(IMPORT_ENCODINGS);
export const ZImportDelimiter = z.enum(IMPORT_DELIMITERS);

/** Upload limits: a 20 MB file, 100,000 data rows. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;
