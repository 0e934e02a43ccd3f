// CRM duplicates, merge and import in the browser against the demo seed: the owner finds two
// cards sharing an email (made by SQL here) among the possible duplicates, compares them, merges
// them, and the merged card's URL leads to the survivor, which now has both phones; then a small
// CSV is imported through the pages (mapping guessed, dry run, job to completion with the worker).
import { randomInt } from "node:crypto";
import { DEMO, expect, signInThroughApi, test, withAppDatabase } from "./fixtures";

test.describe.configure({ mode: "serial" });

const run = `${Date.now().toString(36)}${randomInt(1000, 9999)}`;
// Digits sort before letters: the group is on the first page of "Same email".
const sharedEmail = `0-e2e-merge-${run}@lavka.test`;
const digits = () => String(randomInt(0, 10_000_000)).padStart(7, "0");

test("the owner merges two duplicates and the merged card redirects to the survivor", async ({ page, signIn }) => {
  const phones = [`+7916${digits()}`, `+7916${digits()}`];
  const ids = [`e2e-merge-a-${run}`, `e2e-merge-b-${run}`];
  await withAppDatabase(async (client) => {
    for (const [index, id] of ids.entries()) {
      await client.query(
        `INSERT INTO "Customer" (id, name, phone, "phoneNormalized", email, "emailNormalized", tags, "createdAt", "updatedAt")
         VALUES ($1, $2, $3, $3, $4, $4, $5, now() - make_interval(mins => $6), now())`,
        [id, index === 0 ? `Дубль Анна ${run}` : `Дубль А. ${run}`, phones[index], sharedEmail, [index === 0 ? "vip" : "opt"], 10 - index],
      );
      await client.query(`INSERT INTO "CustomerPhone" (id, "customerId", phone, normalized, "isPrimary") VALUES ($1, $2, $3, $3, true)`, [`${id}-p`, id, phones[index]]);
      await client.query(`INSERT INTO "CustomerEmail" (id, "customerId", email, normalized, "isPrimary") VALUES ($1, $2, $3, $3, true)`, [`${id}-e`, id, sharedEmail]);
    }
  });
  await signIn(DEMO.owner);

  await page.goto("/admin/customers/duplicates?by=email");
  const group = page.locator(`[data-testid="duplicate-group"][data-key="${sharedEmail}"]`);
  await expect(group).toBeVisible();
  await expect(group.getByRole("row")).toHaveCount(3);
  await group.getByTestId("duplicate-compare").click();

  await expect(page).toHaveURL(/\/admin\/customers\/merge\?/);
  const table = page.getByTestId("merge-table");
  // The older card is the main one by default; where the cards differ its value wins.
  await expect(page.getByTestId(`merge-main-${ids[0]}`)).toBeChecked();
  await expect(page.getByTestId("merge-result-name")).toContainText(`Дубль Анна ${run}`);
  await expect(page.getByTestId("merge-result-email")).toContainText(sharedEmail);
  await expect(table).toContainText("vip, opt");

  // Choose the other card as the main one and preview again.
  await page.getByTestId(`merge-main-${ids[1]}`).check();
  await page.getByTestId("merge-preview").click();
  await expect(page).toHaveURL(new RegExp(`main=${ids[1]}`));
  await expect(page.getByTestId("merge-result-name")).toContainText(`Дубль А. ${run}`);

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByTestId("merge-submit").click();
  await expect(page).toHaveURL(new RegExp(`/admin/customers/${ids[1]}$`));

  // The merged card's URL leads to the survivor, which has both phones.
  await page.goto(`/admin/customers/${ids[0]}`);
  await expect(page).toHaveURL(new RegExp(`/admin/customers/${ids[1]}$`));
  const phoneList = page.getByTestId("customer-phones");
  for (const phone of phones) await expect(phoneList).toContainText(phone);

  const rows = await withAppDatabase((client) => client.query(`SELECT id, "mergedIntoId" FROM "Customer" WHERE id = ANY($1) ORDER BY id`, [ids]));
  expect(rows.rows).toEqual([
    { id: ids[0], mergedIntoId: ids[1] },
    { id: ids[1], mergedIntoId: null },
  ]);
  // Nothing left to merge in that group.
  await page.goto("/admin/customers/duplicates?by=email");
  await expect(page.locator(`[data-testid="duplicate-group"][data-key="${sharedEmail}"]`)).toHaveCount(0);
});

test("the owner imports a small CSV through the pages to completion", async ({ page, signIn }) => {
  const phones = [`+7916${digits()}`, `+7916${digits()}`];
  const csv = [
    "ФИО;Телефон;E-mail;Город;Теги",
    `Импорт Ирина ${run};8 ${phones[0]!.slice(2, 5)} ${phones[0]!.slice(5)};irina-${run}@lavka.test;Казань;import`,
    `Импорт Олег ${run};${phones[1]};;Самара;import`,
    `Импорт Олег ещё раз ${run};${phones[1]};oleg-${run}@lavka.test;;`,
    `Без контактов ${run};;;Москва;`,
  ].join("\r\n");
  await signIn(DEMO.owner);

  await page.goto("/admin/customers/import");
  await page.getByTestId("import-file").setInputFiles({ name: "clients.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByTestId("import-upload-submit").click();
  await expect(page).toHaveURL(/\/admin\/customers\/import\/[^/?]+$/);

  await expect(page.getByTestId("import-map-0")).toHaveValue("name");
  await expect(page.getByTestId("import-map-1")).toHaveValue("phone");
  await expect(page.getByTestId("import-map-2")).toHaveValue("email");
  await expect(page.getByTestId("import-preview-totals")).toHaveText("4 rows: 2 new cards, 1 updates, 1 skipped");
  await expect(page.getByTestId("import-preview-rows")).toContainText("Joins the new card of row 2");

  // Not imported yet: the dry run wrote nothing.
  const before = await withAppDatabase((client) => client.query(`SELECT count(*)::int AS n FROM "Customer" WHERE "phoneNormalized" = ANY($1)`, [phones]));
  expect(before.rows[0].n).toBe(0);

  await page.getByTestId("import-start").click();
  const progress = page.getByTestId("import-progress");
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute("data-status", "DONE", { timeout: 45_000 });
  await expect(page.getByTestId("import-processed")).toContainText("4 of 4 rows");
  await expect(page.getByTestId("import-created")).toHaveText("2");
  await expect(page.getByTestId("import-updated")).toHaveText("1");
  await expect(page.getByTestId("import-skipped")).toHaveText("1");
  await expect(page.getByTestId("import-problems")).toContainText("no phone and no email");

  const cards = await withAppDatabase((client) => client.query(`SELECT name, "emailNormalized", tags FROM "Customer" WHERE "phoneNormalized" = ANY($1) ORDER BY name`, [phones]));
  expect(cards.rows).toEqual([
    { name: `Импорт Ирина ${run}`, emailNormalized: `irina-${run}@lavka.test`, tags: ["import"] },
    { name: `Импорт Олег ${run}`, emailNormalized: `oleg-${run}@lavka.test`, tags: ["import"] },
  ]);
});

test("operators, logistics and accountants cannot open import, duplicates or merge, nor call their routes", async ({ playwright, baseURL }) => {
  const importId = await withAppDatabase(async (client) => {
    const result = await client.query(`SELECT id FROM "CustomerImport" ORDER BY "createdAt" DESC LIMIT 1`);
    return (result.rows[0]?.id as string | undefined) ?? "none";
  });
  const accounts = [DEMO.operator, DEMO.accountant, DEMO.logistics];
  for (const account of accounts) {
    const context = await playwright.request.newContext({ baseURL });
    await signInThroughApi(context, account);
    for (const path of ["/admin/customers/import", `/admin/customers/import/${importId}`, "/admin/customers/duplicates", "/admin/customers/merge?ids=a&ids=b"]) {
      expect((await context.get(path, { maxRedirects: 0 })).status(), `${account.identifier} ${path}`).toBe(403);
    }
    const upload = await context.post("/api/admin/customers/imports", { data: "phone\n+79161234501\n", headers: { "content-type": "text/csv", "x-file-name": "a.csv" } });
    expect(upload.status(), account.identifier).toBe(403);
    expect((await context.get(`/api/admin/customers/imports/${importId}`)).status(), account.identifier).toBe(403);
    await context.dispose();
  }
});
