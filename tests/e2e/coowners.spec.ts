// Settings → Co-owners and Finance's co-owner block: the owner adds a co-owner with 20 % of the
// Diesel (beside the demo co-owner's 30 % of everything), is refused a share that would take the
// other products over 100 %, then sees the co-owner in Finance and downloads the CSV, whose lines add up.
// Neither page is the manager's; the accountant may download.
import { readFile } from "node:fs/promises";
import { DEMO, expect, signInThroughApi, test } from "./fixtures";

const DIESEL = "DIESEL: «Хищник» (с LED подсветкой)";

test("the owner adds a co-owner with a share, sees it in Finance and downloads the CSV", async ({ page, signIn }) => {
  await signIn(DEMO.owner);
  await page.goto("/admin/settings");
  await page.getByRole("link", { name: "Co-owners" }).click();
  await expect(page).toHaveURL(/\/admin\/settings\/coowners$/);
  await expect(page.locator('[data-testid="coowner-row"][data-name="Ирина Совладелец"]')).toContainText("All products: 30 %");

  const name = `Co-owner ${Date.now().toString(36)}`;
  const form = page.getByTestId("coowner-add-form");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Email").fill("coowner@example.com");
  await form.getByLabel("Product").selectOption({ label: DIESEL });
  await form.getByLabel("Share, %").fill("20");
  await form.getByRole("button", { name: "Add the co-owner" }).click();
  await expect(page.getByTestId("coowner-add-result")).toHaveText("Co-owner added");
  const row = page.locator(`[data-testid="coowner-row"][data-name="${name}"]`);
  await expect(row.getByTestId("coowner-share")).toHaveText([new RegExp(`^${DIESEL.replace(/[()]/g, "\\$&")}: 20 %`)]);

  // Their own 20 % of the Diesel stays theirs there, but 30 % (demo) + 80 % of every other product is 110 %.
  const shareForm = row.getByTestId("share-form");
  await shareForm.getByLabel("Product").selectOption({ label: "All products" });
  await shareForm.getByLabel("Share, %").fill("80");
  await shareForm.getByRole("button", { name: "Set the share" }).click();
  await expect(shareForm.getByRole("alert")).toHaveText("The co-owners' shares of a product would exceed 100 %");
  await expect(row.getByTestId("coowner-share")).toHaveCount(1);

  // The demo's PAID orders are of the Diesel, paid 2 and about 11 days ago.
  await page.goto("/admin/finance?period=30d");
  const block = page.getByTestId("finance-coowners");
  await expect(block.getByRole("heading", { name: "Co-owners" })).toBeVisible();
  await expect(block.locator(`[data-testid="coowner-total"][data-coowner="${name}"]`).first()).toBeVisible();
  await expect(block.locator('[data-testid="coowner-total"][data-coowner="Ирина Совладелец"]').first()).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), block.getByTestId("coowners-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/^coowners-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const [header, ...lines] = csv.trimEnd().split("\r\n");
  expect(header).toBe('Month,Co-owner,Currency,Product,"Share, %",Orders,Revenue,Base cost,Commissions,Margin,Share');
  const cells = (line: string) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((cell) => cell.replace(/,$/, "").replace(/^"|"$/g, ""));
  const ours = lines.map(cells).filter((line) => line[1] === name);
  expect(ours.length).toBeGreaterThan(0);
  const cents = (text: string) => Math.round(Number(text) * 100);
  for (const [, , currency, product, percent, , revenue, baseCost, commissions, margin, share] of ours) {
    expect([currency, product, percent]).toEqual(["RUB", DIESEL, "20.00"]);
    expect(cents(margin!)).toBe(cents(revenue!) - cents(baseCost!) - cents(commissions!));
    expect(cents(share!)).toBe(Math.trunc((cents(margin!) * 2000) / 10_000));
  }
});

test("the co-owner pages are the owner's and Finance's", async ({ page }) => {
  await signInThroughApi(page.request, DEMO.manager);
  expect((await page.goto("/admin/settings/coowners"))?.status()).toBe(403);
  expect((await page.request.get("/api/admin/finance/coowners?period=month")).status()).toBe(403);

  await signInThroughApi(page.request, DEMO.accountant);
  expect((await page.goto("/admin/settings/coowners"))?.status()).toBe(403);
  const csv = await page.request.get("/api/admin/finance/coowners?period=month");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await page.request.get("/api/admin/finance/coowners?from=2026-02-30&to=2026-03-01")).status()).toBe(422);
});
