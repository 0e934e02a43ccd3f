// The rows of a tracking-number list, from a pasted text or an uploaded CSV: each row is an order
// number and a tracking number, with the line it came from (the per-row messages name it). A CSV
// goes through the CRM import's reader (encoding, delimiter, broken files); its columns are found
// by header (ru/en) or taken as "order, tracking" when the first row is already data. A pasted
// line splits at its first space, tab, comma or semicolon.
import { readCsv } from "@/lib/crm/import/read-csv";

export interface TrackingRow {
  /** 1-based line of the input (the header is line 1 of a CSV that has one). */
  line: number;
  order: string;
  trackingNumber: string;
}

export const MAX_TRACKING_ROWS = 2000;

const ORDER_HEADERS = /^(order|order ?(no|number|#)|заказ|номер ?заказа|№ ?заказа|№)$/i;
const TRACKING_HEADERS = /^(tracking|tracking ?(no|number|code)|track|трек|трек-?номер|шпи|почтовый ?идентификатор|идентификатор|barcode)$/i;

const looksLikeOrderNumber = (cell: string) => /^#?\s*\d{1,9}$/.test(cell.trim());

export function readPastedTrackingRows(text: string): TrackingRow[] {
  const rows: TrackingRow[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const match = /^(\S+?)[\s,;]+(.*)$/.exec(line);
    rows.push({ line: index + 1, order: (match?.[1] ?? line).trim(), trackingNumber: (match?.[2] ?? "").trim() });
  });
  return rows;
}

export function readCsvTrackingRows(bytes: Uint8Array): TrackingRow[] {
  const table = readCsv(bytes, { hasHeader: false }, { maxRows: MAX_TRACKING_ROWS + 1 });
  const first = table.rows[0] ?? [];
  const hasHeader = first.length > 0 && !looksLikeOrderNumber(first[0] ?? "");
  let orderColumn = 0;
  let trackingColumn = 1;
  if (hasHeader) {
    const headers = first.map((cell) => cell.trim().replace(/[.:]$/, ""));
    const order = headers.findIndex((cell) => ORDER_HEADERS.test(cell));
    const tracking = headers.findIndex((cell) => TRACKING_HEADERS.test(cell));
    if (order >= 0) orderColumn = order;
    if (tracking >= 0) trackingColumn = tracking;
    else if (order >= 0) trackingColumn = order === 0 ? 1 : 0;
  }
  return table.rows.slice(hasHeader ? 1 : 0).map((row, index) => ({
    line: index + (hasHeader ? 2 : 1),
    order: (row[orderColumn] ?? "").trim(),
    trackingNumber: (row[trackingColumn] ?? "").trim(),
  }));
}
