// Every page a shopper, a partner or an employee opens most is checked with axe-core against
// WCAG 2.2 A/AA: contrast, names and roles, lists, nested controls, target sizes. A violation
// fails the spec with the rule and the elements it found. Pages are only read here, but for the
// phone's order, which the spec places itself (other specs move the demo orders' statuses).
import { AxeBuilder } from "@axe-core/playwright";
import { devices, type Page } from "@playwright/test";
import { DEMO, expect, fillMoscowAddress, test, withAppDatabase } from "./fixtures";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function expectAccessible(page: Page, path: string) {
  await page.goto(path);
  await expectPageAccessible(page, path);
}

/** axe on the page as it is now. */
async function expectPageAccessible(page: Page, label: string) {
  await page.waitForLoadState("networkidle");
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const found = violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(" | ")}`);
  expect(found, `axe on ${label}`).toEqual([]);
}

/** Any order's public page: what it shows differs by status, its structure does not. */
function anyOrderPublicId() {
  return withAppDatabase(async (client) => (await client.query<{ publicId: string }>(`SELECT "publicId" FROM "Order" ORDER BY "createdAt" LIMIT 1`)).rows[0]!.publicId);
}

test("the shopper's pages", async ({ page }) => {
  const publicId = await anyOrderPublicId();
  for (const path of [
    "/checkout/casio-g-shock?country=RU",
    // The order bump, the promotion's countdown, the courier.
    "/checkout/rolex-daytona-mechanical?country=RU",
    `/order/${publicId}`,
    "/order/confirm/not-a-token",
    "/unsubscribe/not-a-token",
  ]) {
    await expectAccessible(page, path);
  }
});

test.describe("on a phone", () => {
  // Most cash-on-delivery shoppers order from a phone: the same checks on a phone's screen
  // (touch targets), and no page wider than the screen.
  const { defaultBrowserType: _browser, ...phone } = devices["Pixel 5"];
  test.use(phone);

  async function expectFitsTheScreen(page: Page, label: string) {
    const width = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: document.documentElement.clientWidth }));
    expect(width.page, `${label} is no wider than the screen`).toBeLessThanOrEqual(width.screen);
  }

  test("the checkout, an order placed on it, and the order pages", async ({ page }) => {
    await expectAccessible(page, "/checkout/rolex-daytona-mechanical?country=RU");
    await expectFitsTheScreen(page, "the checkout");
    const stamp = `${Date.now()}`;
    await page.getByLabel("Full name").fill("Phone Shopper");
    await page.getByLabel("Phone").fill(`916${stamp.slice(-7)}`);
    await page.getByLabel("Email").fill(`phone-${stamp}@example.com`);
    await fillMoscowAddress(page);
    await page.getByRole("button", { name: /Place order/ }).click();
    await expect(page).toHaveURL(/\/order\/[0-9a-f-]{36}\/check-email$/);
    await expectPageAccessible(page, "the check-email page");
    await expectFitsTheScreen(page, "the check-email page");
    for (const path of [`/order/${await anyOrderPublicId()}`, "/partners/join"]) {
      await expectAccessible(page, path);
      await expectFitsTheScreen(page, path);
    }
  });
});

test("the sign-in and registration pages", async ({ page }) => {
  for (const path of ["/signin", "/signin/forgot", "/partners/signin", "/partners/join"]) await expectAccessible(page, path);
});

test("the partner's cabinet", async ({ page, signIn }) => {
  await signIn(DEMO.partner);
  for (const path of ["/partner", "/partner/links", "/partner/orders", "/partner/payouts", "/partner/postbacks"]) await expectAccessible(page, path);
});

test("the admin panel: orders and the CRM", async ({ page, signIn }) => {
  await signIn(DEMO.owner);
  const { orderId, customerId, dealId } = await withAppDatabase(async (client) => {
    const order = await client.query<{ orderId: string; customerId: string }>(
      `SELECT id AS "orderId", "customerId" FROM "Order" WHERE "customerId" IS NOT NULL ORDER BY "createdAt" LIMIT 1`,
    );
    // A deal in a stage of a light colour (the seed's are pastel), where white text would not read.
    const deal = await client.query<{ id: string }>(`SELECT d.id FROM "Deal" d JOIN "DealStage" s ON s.id = d."stageId" WHERE s.color IS NOT NULL ORDER BY s.color DESC, d.id LIMIT 1`);
    return { ...order.rows[0]!, dealId: deal.rows[0]!.id };
  });
  for (const path of [
    "/admin",
    "/admin/orders",
    `/admin/orders/${orderId}`,
    "/admin/customers",
    `/admin/customers/${customerId}`,
    "/admin/customers/new",
    "/admin/deals",
    `/admin/deals/${dealId}`,
    "/admin/deals/pipelines",
    "/admin/tasks",
  ]) {
    await expectAccessible(page, path);
  }
});

test("the admin panel: catalogue, marketing, partners, logistics and settings", async ({ page, signIn }) => {
  await signIn(DEMO.owner);
  for (const path of [
    "/admin/products",
    "/admin/products/new",
    "/admin/advertising",
    "/admin/advertising/discounts/coupon/new",
    "/admin/advertising/upsells/new",
    "/admin/mailings",
    "/admin/mailings/new",
    "/admin/partners",
    "/admin/crm-reports/sales",
    "/admin/logistics",
    "/admin/finance",
    "/admin/settings",
  ]) {
    await expectAccessible(page, path);
  }
});
