// Orders as CSV (RFC 4180), streamed: the rows are read in keyset batches as the client
// downloads, so an export of a million orders holds one batch in memory, never all of them.
// Cells are safe to open in a spreadsheet: text that starts like a formula is defused.
import type { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import { currencyMinorDigits, minorUnitsToDecimalString } from "@/lib/money/format";
import { SHOP_TIME_ZONE } from "@/lib/reports/resolve-period";
import { streamCsvBatches } from "@/lib/stream-csv";
import { olderThan, orderFilterWhere, ZListOrdersInput } from "./list-orders";

export const EXPORT_BATCH_SIZE = 500;

export const ZExportOrdersInput = ZListOrdersInput.omit({ cursor: true, limit: true });
export type TExportOrdersInput = z.input<typeof ZExportOrdersInput>;

export const ORDER_CSV_COLUMNS = [
  "number",
  "createdAt",
  "status",
  "paymentMethod",
  "paymentStatus",
  "customerName",
  "phone",
  "email",
  "country",
  "postcode",
  "province",
  "city",
  "street",
  "house",
  "flat",
  "products",
  "currency",
  "itemsTotal",
  "discountTotal",
  "shippingTotal",
  "total",
  "partner",
  "sub1",
  "sub2",
  "sub3",
  "sub4",
  "sub5",
  "trackingNumber",
  "customerComment",
  "notes",
] as const;
export type OrderCsvColumn = (typeof ORDER_CSV_COLUMNS)[number];

const exportSelect = {
  id: true,
  number: true,
  createdAt: true,
  status: true,
  paymentMethod: true,
  paymentStatus: true,
  customerName: true,
  phone: true,
  email: true,
  country: true,
  postcode: true,
  province: true,
  city: true,
  street: true,
  house: true,
  flat: true,
  currency: true,
  itemsTotal: true,
  discountTotal: true,
  shippingTotal: true,
  total: true,
  sub1: true,
  sub2: true,
  sub3: true,
  sub4: true,
  sub5: true,
  trackingNumber: true,
  customerComment: true,
  notes: true,
  partner: { select: { login: true } },
  items: { select: { productName: true, quantity: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
} as const satisfies Prisma.OrderSelect;

type ExportRow = Prisma.OrderGetPayload<{ select: typeof exportSelect }>;

export interface ExportOrdersCsvOptions {
  /** Header labels by column (e.g. localised); the column's key where missing. */
  headers?: Partial<Record<OrderCsvColumn, string>>;
  batchSize?: number;
  timeZone?: string;
  /** Start with a UTF-8 byte order mark, so that Excel reads Cyrillic right. Default true. */
  byteOrderMark?: boolean;
}

/**
 * A stream of the CSV of the orders matching the list's filters (and tab), newest first.
 * The input is validated before the stream is made: bad filters throw a ZodError (→ 422)
 * instead of breaking a download that has already started.
 */
export function exportOrdersCsv(input: TExportOrdersInput = {}, options: ExportOrdersCsvOptions = {}): ReadableStream<Uint8Array> {
  const { tab, ...filters } = ZExportOrdersInput.parse(input);
  const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE;
  const timeZone = options.timeZone ?? SHOP_TIME_ZONE;
  const baseWhere: Prisma.OrderWhereInput = { AND: [orderFilterWhere(filters), tab && tab !== "all" ? { status: tab } : {}] };
  return streamCsvBatches<ExportRow>({
    header: csvLine(ORDER_CSV_COLUMNS.map((column) => options.headers?.[column] ?? column)),
    byteOrderMark: options.byteOrderMark,
    batchSize,
    readBatch: (after) =>
      db.order.findMany({
        where: after ? { AND: [baseWhere, olderThan(after)] } : baseWhere,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: batchSize,
        select: exportSelect,
      }),
    line: (row) => csvLine(orderCells(row, timeZone)),
    failure: "order CSV export failed",
  });
}

function orderCells(row: ExportRow, timeZone: string): string[] {
  const digits = currencyMinorDigits(row.currency);
  const money = (amount: number) => minorUnitsToDecimalString(amount, digits);
  const values: Record<OrderCsvColumn, string | null> = {
    number: String(row.number),
    createdAt: zonedDateTime(row.createdAt, timeZone),
    status: row.status,
    paymentMethod: row.paymentMethod,
    paymentStatus: row.paymentStatus,
    customerName: safeText(row.customerName),
    phone: safeText(row.phone),
    email: safeText(row.email),
    country: row.country,
    postcode: safeText(row.postcode),
    province: safeText(row.province),
    city: safeText(row.city),
    street: safeText(row.street),
    house: safeText(row.house),
    flat: safeText(row.flat),
    products: safeText(row.items.map((item) => `${item.productName} × ${item.quantity}`).join("; ")),
    currency: row.currency,
    itemsTotal: money(row.itemsTotal),
    discountTotal: money(row.discountTotal),
    shippingTotal: money(row.shippingTotal),
    total: money(row.total),
    partner: safeText(row.partner?.login ?? null),
    sub1: safeText(row.sub1),
    sub2: safeText(row.sub2),
    sub3: safeText(row.sub3),
    sub4: safeText(row.sub4),
    sub5: safeText(row.sub5),
    trackingNumber: safeText(row.trackingNumber),
    customerComment: safeText(row.customerComment),
    notes: safeText(row.notes),
  };
  return ORDER_CSV_COLUMNS.map((column) => values[column] ?? "");
}

/**
 * Text typed by customers, partners or staff, defused for spreadsheets: a cell starting with
 * = + - @ (or a tab / carriage return, which some spreadsheets skip) would be run as a formula,
 * so it gets a leading apostrophe (OWASP "CSV injection"). Numbers Lavka itself writes are
 * never passed through here, so amounts stay numbers.
 */
export function safeText(value: string | null): string | null {
  if (value === null) return null;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One RFC 4180 record with its CRLF: fields with a quote, comma or line break are quoted. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(",")}\r\n`;
}

const dateTimeFormatters = new Map<string, Intl.DateTimeFormat>();

/** "2026-03-11 01:30:00" on the shop's wall clock: what the admin pages show, sortable as text. */
function zonedDateTime(instant: Date, timeZone: string): string {
  let formatter = dateTimeFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    dateTimeFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
