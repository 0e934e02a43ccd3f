// The CRM customer card in the browser against the demo seed: the owner finds a demo customer by
// a phone typed the way people type it, opens the card, adds a tag in the edit form and sees it
// on the card; an operator sees the card without the edit button and gets 403 on the edit page.
import { DEMO, expect, signInThroughApi, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const TAG = `e2e-${Date.now().toString(36)}`;
let cardPath = "";

test("the owner finds a customer by phone, opens the card and edits a tag", async ({ page }) => {
  await signInThroughApi(page.request, DEMO.owner);
  await page.goto("/admin/customers");
  await page.getByTestId("customer-search").fill("8 (916) 123-45-01");
  await page.getByTestId("customer-search-submit").click();
  await expect(page).toHaveURL(/q=8/);
  const rows = page.getByTestId("customer-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Иван Петров");
  await rows.first().getByRole("link", { name: "Иван Петров" }).click();

  await expect(page.getByTestId("customer-name")).toHaveText("Иван Петров");
  await expect(page.getByTestId("customer-orders").getByTestId("customer-order")).not.toHaveCount(0);
  await expect(page.getByTestId("customer-totals")).toBeVisible();
  await expect(page.getByTestId("refusal-history")).toBeVisible();
  await expect(page.getByTestId("customer-timeline").getByTestId("timeline-entry").first()).toBeVisible();
  cardPath = new URL(page.url()).pathname;

  await page.getByTestId("edit-customer").click();
  await expect(page).toHaveURL(`${cardPath}/edit`);
  const tags = page.getByTestId("field-tags");
  const before = await tags.inputValue();
  await tags.fill([before, TAG].filter(Boolean).join(", "));
  await page.getByTestId("save-customer").click();

  await expect(page).toHaveURL(cardPath);
  await expect(page.getByTestId("customer-tags")).toContainText(TAG);

  // The list's tag filter finds the card by the new tag.
  await page.goto(`/admin/customers?tag=${TAG}`);
  await expect(page.getByTestId("customer-row")).toHaveCount(1);
  await expect(page.getByTestId("customer-row").first()).toContainText("Иван Петров");
});

test("an operator sees the card without the edit button and is refused the edit page", async ({ page }) => {
  expect(cardPath, "the owner's test found the card").not.toBe("");
  await signInThroughApi(page.request, DEMO.operator);
  await page.goto(cardPath);
  await expect(page.getByTestId("customer-name")).toHaveText("Иван Петров");
  await expect(page.getByTestId("customer-tags")).toContainText(TAG);
  await expect(page.getByTestId("edit-customer")).toHaveCount(0);
  await expect(page.getByTestId("new-customer")).toHaveCount(0);

  const response = await page.goto(`${cardPath}/edit`);
  expect(response?.status()).toBe(403);
  const exported = await page.request.get("/api/admin/customers/export");
  expect(exported.status()).toBe(403);
});
