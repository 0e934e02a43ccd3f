// The logistics section in the browser, as the demo's logistics employee: the work queue with its
// counts, a tracking number for a selected order (pasted on the tracking page, which ships it), a
// shipping batch made from the "shipped" queue, the batch's forms as one PDF (read back: its pages
// and the order on them) and one order's f.7p label from the queue's "Print forms". The order is
// this spec's own (a confirmed COD order written with SQL beside the demo's), so other specs moving
// the demo orders do not matter; the demo seed's sender details make the forms printable. Postal
// fees: the owner saves a tariff (a bad amount refused first), the batch's parcel gets its fees from
// it, a postage typed over is kept, and the batch's f.103 prints both with their totals in words;
// the spec puts the tariff it found back afterwards.
import { randomUUID } from "node:crypto";
import { computeParcelFees } from "../../lib/logistics/fees/postal-tariff";
import { domesticCheckDigit } from "../../lib/logistics/tracking-numbers/parse-tracking-number";
import { pdfPageTexts } from "../helpers/pdf-pages";
import { DEMO, expect, test, withAppDatabase } from "./fixtures";

test.describe.configure({ mode: "serial" });

const run = randomUUID().slice(0, 8);
const recipient = `Логистов Пётр ${run}`;
let order = { id: "", number: 0 };
let foundTariff: unknown = null;
/** What the spec's owner saves: 300.00 RUB up to 500 g, 45.00 RUB per further 500 g, 4 % of the declared value. */
const tariff = { firstStepPostage: 30000, extraStepPostage: 4500, stepGrams: 500, declaredValueRateBp: 400, parcelSurcharge: 0 };
// A domestic identifier of the Moscow 101000 office with its check digit.
const serial = `1010002${String(Date.now()).slice(-6)}`;
const trackingNumber = `${serial}${domesticCheckDigit(serial)}`;

test.beforeAll(async () => {
  foundTariff = await withAppDatabase(async (client) => {
    const { rows } = await client.query<{ value: unknown }>(`SELECT value FROM "Setting" WHERE key = 'logistics.postal-tariff'`);
    return rows[0]?.value ?? null;
  });
  order = await withAppDatabase(async (client) => {
    const { rows } = await client.query<{ id: string; number: number }>(
      `WITH source AS (
         SELECT o."customerId", o."productId", p.name FROM "Order" o JOIN "Product" p ON p.id = o."productId"
         WHERE o.currency = 'RUB' AND p.type = 'PHYSICAL' ORDER BY o.number LIMIT 1
       ), placed AS (
         INSERT INTO "Order" (id, "publicId", status, "paymentMethod", "customerId", "productId", region, country, currency, "itemsTotal", "shippingTotal", total,
           "customerName", phone, postcode, city, street, house, "shippingMethod", "confirmedAt", "statusChangedAt", "updatedAt")
         SELECT $1, gen_random_uuid()::text, 'CONFIRMED', 'COD', "customerId", "productId", 'RU', 'RU', 'RUB', 195000, 30000, 225000, -- 1,950.00 + 300.00 RUB
           $2, '+79160000000', '101000', 'Москва', 'ул. Ленина', '7', 'POST', now(), now(), now() FROM source
         RETURNING id, number, "productId"
       )
       INSERT INTO "OrderItem" (id, "orderId", "productId", "productName", quantity, "unitPrice", total)
       SELECT $3, placed.id, placed."productId", source.name, 1, 195000, 195000 FROM placed, source
       RETURNING (SELECT id FROM placed) AS id, (SELECT number FROM placed) AS number`,
      [`e2e-logistics-${run}`, recipient, `e2e-logistics-item-${run}`],
    );
    return rows[0]!;
  });
  expect(order.number, "the spec's order").toBeGreaterThan(0);
});

test.afterAll(async () => {
  await withAppDatabase(async (client) => {
    await client.query(`DELETE FROM "ShippingBatch" WHERE id IN (SELECT "batchId" FROM "ShippingBatchOrder" WHERE "orderId" = $1)`, [order.id]);
    await client.query(`DELETE FROM "Order" WHERE id = $1`, [order.id]);
    if (foundTariff === null) await client.query(`DELETE FROM "Setting" WHERE key = 'logistics.postal-tariff'`);
    else
      await client.query(
        `INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('logistics.postal-tariff', $1, now()) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()`,
        [JSON.stringify(foundTariff)],
      );
  });
});

test("the owner saves the postal tariff; a bad amount is refused and nothing saved", async ({ page, signIn }) => {
  await signIn(DEMO.owner);
  await page.goto("/admin/logistics/settings");
  const form = page.getByTestId("postal-tariff-form");
  await form.getByLabel("Postage for the first step, RUB").fill("3OO");
  await form.getByLabel("For each further step or part of it, RUB").fill("45");
  await form.getByLabel("Weight step, g").fill("500");
  await form.getByLabel("Fee for the declared value, %").fill("4");
  await form.getByLabel("Surcharge per parcel, RUB (optional)").fill("");
  await form.getByRole("button", { name: "Save tariff" }).click();
  await expect(form.locator("#tariff-first-error")).toContainText("An amount in rubles from 0 to 100 000");
  await expect(form.getByLabel("Postage for the first step, RUB")).toHaveValue("3OO");
  const stored = await withAppDatabase(async (client) => (await client.query(`SELECT value FROM "Setting" WHERE key = 'logistics.postal-tariff'`)).rows[0]?.value ?? null);
  expect(stored).toEqual(foundTariff);

  await form.getByLabel("Postage for the first step, RUB").fill("300");
  await form.getByRole("button", { name: "Save tariff" }).click();
  await expect(page.getByTestId("postal-tariff-result")).toContainText("Tariff saved.");
  await page.reload();
  await expect(page.getByTestId("postal-tariff-form").getByLabel("Fee for the declared value, %")).toHaveValue("4.00");
});

test("logistics works an order from the queue to a printed batch", async ({ page, signIn }) => {
  await signIn(DEMO.logistics);

  // The queue of orders to ship, with counts, holding the spec's order.
  await page.goto("/admin/logistics");
  await expect(page.getByTestId("queue-tabs").locator('[data-queue="toShip"]')).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("logistics-row").first()).toBeVisible();
  expect(Number(await page.getByTestId("queue-count-toShip").innerText())).toBeGreaterThanOrEqual(1);
  await page.goto(`/admin/logistics?queue=toShip&q=${order.number}`);
  const row = page.locator(`[data-testid="logistics-row"][data-order-id="${order.id}"]`);
  await expect(row).toContainText(recipient);

  // One order's f.7p label from the queue's "Print forms" (the link the browser would open).
  await row.getByRole("checkbox").check();
  await expect(page.getByTestId("bulk-selected")).toContainText("1");
  const printHref = await page.getByTestId("print-forms").getAttribute("href");
  expect(printHref).toContain(order.id);
  const label = await page.request.get(printHref!.replace(/forms=[^&]*/, "forms=f7p"));
  expect(label.status()).toBe(200);
  expect(label.headers()["content-type"]).toBe("application/pdf");
  const labelTexts = await pdfPageTexts(await label.body());
  expect(labelTexts).toHaveLength(1);
  expect(labelTexts[0]).toContain(recipient);
  // The shop's sender as saved now (the demo's, or what another spec saved in Settings).
  const sender = await withAppDatabase(async (client) => {
    const { rows } = await client.query<{ name: string }>(`SELECT value->>'senderName' AS name FROM "Setting" WHERE key = 'shop.requisites'`);
    return rows[0]?.name ?? "";
  });
  expect(sender).not.toBe("");
  expect(labelTexts[0]).toContain(sender);

  // A tracking number for it: the selection arrives on the tracking page as "<number> ".
  await page.getByTestId("set-tracking").click();
  await expect(page).toHaveURL(/\/admin\/logistics\/tracking\?orders=/);
  const text = page.locator("#tracking-text");
  await expect(text).toHaveValue(`${order.number} `);
  await text.fill(`${order.number} ${trackingNumber}`);
  await page.getByTestId("tracking-apply").click();
  await expect(page.getByTestId("tracking-import-form").getByRole("status")).toBeVisible();

  // Shipped with it: a batch from the "shipped" queue.
  await page.goto(`/admin/logistics?queue=shipped&q=${order.number}`);
  const shipped = page.locator(`[data-testid="logistics-row"][data-order-id="${order.id}"]`);
  await expect(shipped.getByTestId("row-tracking")).toHaveText(trackingNumber);
  await shipped.getByRole("checkbox").check();
  await page.getByTestId("make-batch").click();
  await expect(page).toHaveURL(/\/admin\/logistics\/batches\/[^/?]+$/);
  const parcel = page.locator(`[data-testid="batch-parcel"][data-order-number="${order.number}"]`);
  await expect(parcel.getByTestId("parcel-tracking")).toHaveText(trackingNumber);

  // Its fees from the owner's tariff: postage by the parcel's weight, 4 % of 2,250.00 RUB = 90.00 RUB.
  const weightGrams = Number(await parcel.getByLabel(`Weight, g #${order.number}`).inputValue());
  const fees = computeParcelFees(tariff, { weightGrams, declaredValue: 225000 });
  const rubles = (kopecks: number) => `${Math.trunc(kopecks / 100)}.${String(kopecks % 100).padStart(2, "0")}`;
  const postage = parcel.getByLabel(`Postage #${order.number}`);
  await expect(postage).toHaveValue(rubles(fees.postage));
  await expect(parcel.getByLabel(`Declared-value fee #${order.number}`)).toHaveValue("90.00");
  // The post office charged 123.45 RUB: typed over, kept and marked.
  await postage.fill("123.45");
  await parcel.getByRole("button", { name: "Save", exact: true }).click();
  await expect(parcel.getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await expect(page.locator(`[data-testid="batch-parcel"][data-order-number="${order.number}"]`).getByLabel(`Postage #${order.number}`)).toHaveValue("123.45");
  await expect(page.locator(`[data-testid="batch-parcel"][data-order-number="${order.number}"]`).getByLabel(`Postage #${order.number}`)).toHaveAttribute("data-overridden", "true");

  // The batch's PDF: f.103 list, then f.7p and f.112EP of the parcel.
  const batchHref = await page.getByTestId("batch-print").getAttribute("href");
  const batchPdf = await page.request.get(batchHref!);
  expect(batchPdf.status()).toBe(200);
  expect(batchPdf.headers()["content-type"]).toBe("application/pdf");
  expect(batchPdf.headers()["content-disposition"]).toMatch(/^attachment; filename="batch-\d+-f7p-f112ep-f103\.pdf"$/);
  const body = await batchPdf.body();
  expect(body.subarray(0, 5).toString()).toBe("%PDF-");
  const pages = await pdfPageTexts(body);
  expect(pages).toHaveLength(3);
  expect(pages.join("\n")).toContain(recipient);
  expect(pages[2]!.replace(/\s/g, "")).toContain(trackingNumber); // f.103 prints it in groups: "101000 21 23456 7"
  expect(pages[2]).toContain("123,45 руб. (Сто двадцать три рубля 45 копеек)");
  expect(pages[2]).toContain("90,00 руб. (Девяносто рублей 00 копеек)");
});
