// Bulk coupon codes in the browser: the manager opens the demo coupon WELCOME10, generates five
// codes with a prefix and gets them as a CSV download; a count out of range is refused under the
// field and generates nothing.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { DEMO, expect, test, withAppDatabase } from "./fixtures";

const prefix = `E2E${randomUUID().slice(0, 6).toUpperCase()}`;
const generated = () => withAppDatabase(async (client) => Number((await client.query<{ count: string }>(`SELECT count(*) FROM "Coupon" WHERE code LIKE $1`, [`${prefix}%`])).rows[0]!.count));

test.afterAll(async () => {
  await withAppDatabase((client) => client.query(`DELETE FROM "Coupon" WHERE code LIKE $1`, [`${prefix}%`]));
});

test("the manager generates coupon codes from a coupon and downloads them as CSV", async ({ page, signIn }) => {
  const templateId = await withAppDatabase(async (client) => (await client.query<{ id: string }>(`SELECT id FROM "Coupon" WHERE code = 'WELCOME10'`)).rows[0]?.id);
  expect(templateId, "the demo coupon WELCOME10").toBeTruthy();
  await signIn(DEMO.manager);
  await page.goto(`/admin/advertising/discounts/coupon/${templateId}`);
  const form = page.getByTestId("generate-codes-form");

  await form.getByLabel("How many codes (1–10,000)").fill("0");
  await form.getByLabel("Prefix").fill(prefix);
  await form.getByRole("button", { name: "Generate" }).click();
  await expect(form.getByText("Enter a whole number from 1 to 10,000")).toBeVisible();
  await expect(form.getByLabel("Prefix")).toHaveValue(prefix);
  expect(await generated()).toBe(0);

  await form.getByLabel("How many codes (1–10,000)").fill("5");
  const [download] = await Promise.all([page.waitForEvent("download"), form.getByRole("button", { name: "Generate" }).click()]);
  await expect(page.getByTestId("generate-codes-message")).toHaveText("5 codes generated");
  expect(download.suggestedFilename()).toBe("coupons-WELCOME10-5.csv");
  const lines = (await readFile(await download.path())).toString().trim().split(/\r\n/);
  expect(lines[0]).toBe("code");
  expect(lines.slice(1)).toHaveLength(5);
  for (const code of lines.slice(1)) expect(code).toMatch(new RegExp(`^${prefix}[A-HJKMNP-Z2-9]{8}$`));
  expect(await generated()).toBe(5);
  await expect(form.getByTestId("generated-codes-csv")).toHaveText("Download CSV (5 codes)");
});
