// A CSV file the import cannot use, with the reason the upload page shows (crmImport.errors.*)
// and, for a parse error, the line it was found on.
import { AppError } from "@/lib/errors";

export const IMPORT_FILE_PROBLEMS = ["empty", "binary", "notUtf8", "unsupportedEncoding", "brokenCsv", "noRows", "tooManyRows", "tooManyColumns", "tooLarge"] as const;
export type ImportFileProblem = (typeof IMPORT_FILE_PROBLEMS)[number];

export class ImportFileError extends AppError {
  constructor(
    readonly problem: ImportFileProblem,
    readonly line?: number,
  ) {
    super(problem === "tooLarge" ? "PAYLOAD_TOO_LARGE" : "VALIDATION", `The CSV file cannot be imported: ${problem}${line ? ` (line ${line})` : ""}`, {
      fieldErrors: { file: [`crmImport.errors.${problem}`] },
    });
    this.name = "ImportFileError";
  }
}
