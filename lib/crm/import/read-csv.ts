// Reading an uploaded customer list: which encoding (UTF-8 with or without BOM, Windows-1251 —
// both common in Russia, Excel's "Unicode text" UTF-16LE), which delimiter (`,` `;` tab), then
// the records, parsed by csv-parse. Bytes that are not valid UTF-8 are taken for Windows-1251
// (every byte is a character there), so a cp1251 export is never shown as mojibake; the user
// may override both guesses. Broken files (binary, unbalanced quotes, empty) are refused with a
// reason, and a file over MAX_IMPORT_ROWS data rows is refused whole.
import { CsvError, parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { IMPORT_DELIMITERS, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, type ImportDelimiter, type ImportEncoding } from "./import-fields";
import { ImportFileError } from "./import-file-error";

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const SNIFF_BYTES = 64 * 1024;

function startsWith(bytes: Uint8Array, prefix: readonly number[]) {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** The encoding of the file's bytes, as well as it can be told. */
export function detectEncoding(bytes: Uint8Array): ImportEncoding {
  if (bytes.length === 0) throw new ImportFileError("empty");
  if (startsWith(bytes, UTF8_BOM)) return "utf-8";
  if (startsWith(bytes, [0xff, 0xfe])) return "utf-16le";
  if (startsWith(bytes, [0xfe, 0xff])) throw new ImportFileError("unsupportedEncoding");
  // A text file in a single-byte or UTF-8 encoding has no NUL bytes.
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) throw new ImportFileError("binary");
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "utf-8";
  } catch {
    return "windows-1251";
  }
}

/** The text of the file in `encoding` (BOM dropped); refuses bytes that are not that encoding's text. */
export function decodeCsv(bytes: Uint8Array, encoding: ImportEncoding): string {
  if (bytes.length === 0) throw new ImportFileError("empty");
  let text: string;
  if (encoding === "utf-8") {
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw new ImportFileError("notUtf8");
    }
  } else {
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: true });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (looksBinary(text)) throw new ImportFileError("binary");
  if (!text.trim()) throw new ImportFileError("empty");
  return text;
}

/** Control characters other than tab and line breaks are not in a text file. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, SNIFF_BYTES);
  let controls = 0;
  for (let index = 0; index < sample.length; index++) {
    const code = sample.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffd) controls++;
  }
  return controls > 0 && controls / sample.length > 0.01;
}

/** Delimiter occurrences outside double quotes on each of the first lines. */
function countsPerLine(text: string, delimiter: string, maxLines = 30): number[] {
  const counts: number[] = [];
  let count = 0;
  let quoted = false;
  for (let index = 0; index < text.length && counts.length < maxLines; index++) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === delimiter) count++;
    else if (!quoted && char === "\n") {
      if (text[index - 1] !== "\n" && !(text[index - 1] === "\r" && text[index - 2] === "\n")) counts.push(count);
      count = 0;
    }
  }
  if (counts.length < maxLines && count > 0) counts.push(count);
  return counts;
}

/**
 * The delimiter that splits the first lines into the same number of columns (the most columns
 * wins among consistent ones); `,` when nothing splits (a one-column file).
 */
export function detectDelimiter(text: string): ImportDelimiter {
  let best: { delimiter: ImportDelimiter; score: number } = { delimiter: ",", score: 0 };
  for (const delimiter of IMPORT_DELIMITERS) {
    const counts = countsPerLine(text, delimiter);
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((count) => count === first).length / counts.length;
    const score = consistent >= 0.8 ? first * 1000 + consistent : consistent * first;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

export interface CsvTable {
  /** The header row (when the file has one). */
  header: string[] | null;
  /** Data rows, each padded to `columnCount`. */
  rows: string[][];
  columnCount: number;
}

/** Parses the text into rows; refuses broken CSV (with its line), no rows, too many rows or columns. */
export function parseCsv(text: string, options: { delimiter: ImportDelimiter; hasHeader: boolean; maxRows?: number }): CsvTable {
  const maxRows = options.maxRows ?? MAX_IMPORT_ROWS;
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: options.delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      // One row past the limit tells that the file is over it, without parsing the rest.
      to: maxRows + (options.hasHeader ? 2 : 1),
      max_record_size: 1024 * 1024,
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) throw new ImportFileError("brokenCsv", (error as CsvError & { lines?: number }).lines);
    throw error;
  }
  records = records.filter((record) => record.some((cell) => cell.trim() !== ""));
  const header = options.hasHeader ? (records.shift() ?? null) : null;
  if (records.length === 0) throw new ImportFileError("noRows");
  if (records.length > maxRows) throw new ImportFileError("tooManyRows");
  let columnCount = header?.length ?? 0;
  for (const record of records) columnCount = Math.max(columnCount, record.length);
  if (columnCount > MAX_IMPORT_COLUMNS) throw new ImportFileError("tooManyColumns");
  const pad = (record: string[]) => (record.length < columnCount ? [...record, ...Array<string>(columnCount - record.length).fill("")] : record);
  return { header: header && pad(header), rows: records.map(pad), columnCount };
}

export interface CsvFormat {
  encoding: ImportEncoding;
  delimiter: ImportDelimiter;
  hasHeader: boolean;
}

/** Bytes → table with the given format, or the guessed one for what is not given. */
export function readCsv(bytes: Uint8Array, format: Partial<CsvFormat> = {}, options: { maxRows?: number } = {}): CsvTable & CsvFormat {
  const encoding = format.encoding ?? detectEncoding(bytes);
  const text = decodeCsv(bytes, encoding);
  const delimiter = format.delimiter ?? detectDelimiter(text);
  const hasHeader = format.hasHeader ?? true;
  return { ...parseCsv(text, { delimiter, hasHeader, maxRows: options.maxRows }), encoding, delimiter, hasHeader };
}
