// Russian Post forms in the browser against the demo seed: the owner fills in the sender and bank
// details (a wrong INN check digit is refused with a field error), then logistics opens a COD
// order and downloads its f.7p label from "Print forms" as a PDF.
import { DEMO, expect, test, withAppDatabase } from "./fixtures";

test.describe.configure({ mode: "serial" });

test("the owner saves the requisites; a wrong INN is refused", async ({ page, signIn }) => {
  await signIn(DEMO.owner);
  await page.goto("/admin/settings/requisites");
  const form = page.getByTestId("requisites-form");
  const fields: Record<string, string> = {
    "Sender name": "ИП Иванов Иван Иванович",
    Address: "г. Москва, ул. Тверская, д. 7, кв. 15",
    Postcode: "125009",
    Phone: "+7 495 123-45-67",
    INN: "500100732258",
    Bank: "ПАО Сбербанк",
    BIK: "044525225",
    "Correspondent account": "30101810400000000225",
    "Settlement account": "40702810938000012345",
  };
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label, { exact: true }).fill(value);
  await form.getByRole("button", { name: "Save details" }).click();
  await expect(form.getByTestId("error-inn")).toContainText("This INN is not valid");
  await expect(form.getByLabel("INN", { exact: true })).toHaveValue("500100732258");

  await form.getByLabel("INN", { exact: true }).fill("500100732259");
  await form.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByTestId("requisites-message")).toHaveText("Saved");
  await page.reload();
  await expect(page.getByTestId("requisites-form").getByLabel("INN", { exact: true })).toHaveValue("500100732259");
});

test("logistics downloads an order's f.7p label as a PDF", async ({ page, signIn }) => {
  const orderId = await withAppDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM "Order" WHERE "paymentMethod" = 'COD' AND currency = 'RUB' AND country = 'RU' AND postcode ~ '^[0-9]{6}$' AND "customerName" IS NOT NULL AND street IS NOT NULL ORDER BY number LIMIT 1`,
    );
    return rows[0]?.id;
  });
  expect(orderId, "a demo COD order with an address").toBeTruthy();
  await signIn(DEMO.logistics);
  await page.goto(`/admin/orders/${orderId}`);
  await page.getByTestId("print-forms").locator("summary").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("print-f7p").click()]);
  expect(download.suggestedFilename()).toMatch(/^order-\d+-f7p\.pdf$/);
  const path = await download.path();
  const { readFile } = await import("node:fs/promises");
  expect((await readFile(path)).subarray(0, 5).toString()).toBe("%PDF-");
});
