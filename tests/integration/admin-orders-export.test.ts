// The streamed order CSV against a real PostgreSQL: RFC 4180 output a spreadsheet reads back
// exactly, formula-like text defused, money as decimals of the order currency, batches that page
// without gaps. Scoped to this run's own product, so other test files' orders never appear.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db, disconnectDb } from "@/lib/db";
import { exportOrdersCsv, ORDER_CSV_COLUMNS } from "@/lib/orders/export-orders-csv";

const run = randomUUID().slice(0, 8);
let productId = "";
let customerId = "";
let partnerId = "";
const numbers: number[] = [];

/** A strict RFC 4180 reader: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let index = 0;
  let quoted = false;
  while (index < text.length) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      index += 1;
      continue;
    }
    if (char === '"' && field === "") quoted = true;
    else if (char === ",") {
      record.push(field);
      field = "";
    } else if (char === "\r" && text[index + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      index += 1;
    } else if (char === "\n" || char === "\r") throw new Error(`bare line break at ${index}: not RFC 4180`);
    else field += char;
    index += 1;
  }
  if (field !== "" || record.length) throw new Error("the last record has no CRLF");
  return records;
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ text: string; chunks: number }> {
  const reader = stream.getReader();
  // ignoreBOM keeps the byte order mark in the text, so the test can see it is there.
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let text = "";
  let chunks = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    chunks += 1;
    text += decoder.decode(value, { stream: true });
  }
  return { text: text + decoder.decode(), chunks };
}

const column = (name: (typeof ORDER_CSV_COLUMNS)[number]) => ORDER_CSV_COLUMNS.indexOf(name);

beforeAll(async () => {
  for (const code of ["RUB", "KWD"]) {
    await db.currency.upsert({ where: { code }, update: {}, create: { code, name: code, symbol: code } }).catch(() => undefined);
  }
  productId = (await db.product.create({ data: { slug: `export-${run}`, name: `Export watch ${run}`, currency: "RUB" }, select: { id: true } })).id;
  customerId = (await db.customer.create({ data: { name: "Export Customer" }, select: { id: true } })).id;
  partnerId = (await db.partner.create({ data: { login: `x-${run}`, email: `x-${run}@partners.test`, name: "Export Partner", passwordHash: "x", status: "ACTIVE" }, select: { id: true } }))
    .id;
  const base = {
    customerId,
    productId,
    region: "RU" as const,
    country: "RU",
    paymentMethod: "COD" as const,
    phone: "+79161234567",
    phoneNormalized: "79161234567",
  };
  const orders = [
    // Oldest first; the CSV lists newest first.
    {
      ...base,
      customerName: '=HYPERLINK("http://evil.test","click")',
      email: "@attacker.test",
      city: "Москва, центр",
      street: 'ул. "Ленина"',
      notes: "line one\nline two, with comma",
      currency: "RUB",
      itemsTotal: 195000, // 1,950.00 RUB
      discountTotal: 5050, // 50.50 RUB
      shippingTotal: 30000, // 300.00 RUB
      total: 219950, // 2,199.50 RUB
      partnerId,
      sub1: "-cpc",
      trackingNumber: "80100000000001",
      status: "SHIPPED" as const,
      createdAt: new Date("2021-02-01T09:30:00Z"), // 12:30 in Moscow
    },
    { ...base, customerName: "Иван Петров", currency: "KWD", itemsTotal: 12345, total: 12345, status: "PAID" as const, createdAt: new Date("2021-02-02T09:30:00Z") }, // 12.345 KWD (3 digits)
    ...Array.from({ length: 5 }, (_, index) => ({
      ...base,
      customerName: `Покупатель ${index}`,
      currency: "RUB",
      itemsTotal: 129000, // 1,290.00 RUB
      total: 129000,
      status: "UNCONFIRMED" as const,
      createdAt: new Date("2021-02-03T09:30:00Z"), // all tied: the keyset must still page them all
    })),
  ];
  for (const data of orders) {
    const order = await db.order.create({
      data: { ...data, items: { create: [{ productId, productName: `Export watch ${run}`, quantity: 2, unitPrice: 97500, total: 195000 }] } },
      select: { number: true },
    });
    numbers.push(order.number);
  }
});

afterAll(async () => {
  await db.order.deleteMany({ where: { productId } });
  await db.customer.deleteMany({ where: { id: customerId } });
  await db.product.deleteMany({ where: { id: productId } });
  await db.partner.deleteMany({ where: { id: partnerId } });
  await disconnectDb();
});

describe("exportOrdersCsv", () => {
  it("writes a header and one RFC 4180 record per order, newest first", async () => {
    const { text } = await readAll(exportOrdersCsv({ productId }));
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([...ORDER_CSV_COLUMNS]);
    expect(rows).toHaveLength(7);
    for (const row of rows) expect(row).toHaveLength(ORDER_CSV_COLUMNS.length);
    expect(
      rows
        .slice(0, 5)
        .map((row) => Number(row[column("number")]))
        .sort(),
    ).toEqual(numbers.slice(2).sort());
    expect(rows.slice(5).map((row) => Number(row[column("number")]))).toEqual([numbers[1], numbers[0]]);

    const first = rows.at(-1)!;
    expect(first[column("createdAt")]).toBe("2021-02-01 12:30:00");
    expect(first[column("status")]).toBe("SHIPPED");
    // Formula-like text is defused; everything else survives quoting exactly.
    expect(first[column("customerName")]).toBe(`'=HYPERLINK("http://evil.test","click")`);
    expect(first[column("email")]).toBe("'@attacker.test");
    expect(first[column("phone")]).toBe("'+79161234567");
    expect(first[column("sub1")]).toBe("'-cpc");
    expect(first[column("city")]).toBe("Москва, центр");
    expect(first[column("street")]).toBe('ул. "Ленина"');
    expect(first[column("notes")]).toBe("line one\nline two, with comma");
    expect(first[column("partner")]).toBe(`x-${run}`);
    expect(first[column("trackingNumber")]).toBe("80100000000001");
    expect(first[column("products")]).toBe(`Export watch ${run} × 2`);
    // Money as decimal strings in the order currency.
    expect([first[column("itemsTotal")], first[column("discountTotal")], first[column("shippingTotal")], first[column("total")], first[column("currency")]]).toEqual([
      "1950.00",
      "50.50",
      "300.00",
      "2199.50",
      "RUB",
    ]);
    const kwd = rows.at(-2)!;
    expect([kwd[column("total")], kwd[column("currency")], kwd[column("partner")], kwd[column("notes")]]).toEqual(["12.345", "KWD", "", ""]);
  });

  it("reads in batches through ties without losing or repeating a row", async () => {
    const { text, chunks } = await readAll(exportOrdersCsv({ productId }, { batchSize: 2, byteOrderMark: false }));
    const rows = parseCsv(text).slice(1);
    expect(rows.map((row) => Number(row[column("number")])).sort()).toEqual([...numbers].sort());
    // A header chunk, then one chunk per batch of two: the rows were never read all at once.
    expect(chunks).toBe(1 + 4);
  });

  it("applies the list's filters and tab, and localised headers", async () => {
    const { text } = await readAll(exportOrdersCsv({ productId, tab: "UNCONFIRMED", q: "Покупатель 3" }, { headers: { number: "Номер", total: "Сумма" } }));
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header![column("number")]).toBe("Номер");
    expect(header![column("total")]).toBe("Сумма");
    expect(header![column("status")]).toBe("status");
    expect(rows.map((row) => row[column("customerName")])).toEqual(["Покупатель 3"]);
    expect(parseCsv((await readAll(exportOrdersCsv({ productId, status: "PAID,SHIPPED", from: "2021-02-02" }))).text.slice(1))).toHaveLength(2);
  });

  it("refuses bad filters before any byte is streamed", () => {
    expect(() => exportOrdersCsv({ productId, status: "LOST" })).toThrow(ZodError);
    expect(() => exportOrdersCsv({ productId, from: "yesterday" })).toThrow(ZodError);
  });
});

describe("exportOrdersCsv across batch boundaries", () => {
  // Several batches of orders created in groups of 7 sharing one createdAt, so tie groups
  // straddle the batch boundaries (batches of 10 and 25) or end exactly on them (batches of 7).
  // The batch size is the export's option: orders are inserted through per-row triggers
  // (counters, rollups), and a default-size batch (EXPORT_BATCH_SIZE) would take seconds.
  const count = 60;
  let bulkProductId = "";
  let expected: number[] = [];

  beforeAll(async () => {
    bulkProductId = (await db.product.create({ data: { slug: `export-bulk-${run}`, name: `Export bulk ${run}`, currency: "RUB" }, select: { id: true } })).id;
    const start = Date.parse("2021-03-01T12:00:00Z");
    await db.order.createMany({
      data: Array.from({ length: count }, (_, index) => ({
        customerId,
        productId: bulkProductId,
        region: "RU" as const,
        country: "RU",
        paymentMethod: "COD" as const,
        customerName: `Bulk ${index}`,
        currency: "RUB",
        itemsTotal: 100000, // 1,000.00 RUB
        total: 100000,
        createdAt: new Date(start - Math.floor(index / 7) * 1000),
      })),
    });
    expected = (await db.order.findMany({ where: { productId: bulkProductId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { number: true } })).map((order) => order.number);
  });

  afterAll(async () => {
    await db.order.deleteMany({ where: { productId: bulkProductId } });
    await db.product.deleteMany({ where: { id: bulkProductId } });
  });

  it.each([10, 25, 7, count])("batches of %i: every order once, newest first, ties in id order", async (batchSize) => {
    const { text, chunks } = await readAll(exportOrdersCsv({ productId: bulkProductId }, { batchSize, byteOrderMark: false }));
    const rows = parseCsv(text).slice(1);
    const exported = rows.map((row) => Number(row[column("number")]));
    expect(expected).toHaveLength(count);
    expect(new Set(exported).size).toBe(exported.length);
    expect(exported).toEqual(expected);
    expect(chunks).toBe(1 + Math.ceil(count / batchSize));
    // The wall-clock column follows the order (the shop's zone, newest first).
    const times = rows.map((row) => row[column("createdAt")]!);
    expect([...times].sort().reverse()).toEqual(times);
  });
});
