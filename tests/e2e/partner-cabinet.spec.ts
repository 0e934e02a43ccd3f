// The partner cabinet as partner alpha sees it: a click on their link shows up in today's numbers
// and in the sub1 breakdown, their orders list masks the customer, another partner cannot find
// alpha's order, and the link builder makes the link the click route reads.
import { randomUUID } from "node:crypto";
import { DEMO, expect, signInThroughApi, test } from "./fixtures";

// A person's browser: Playwright's own user agents are (rightly) filtered as bots.
const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

test("partner alpha sees today's click, the breakdown by sub1 and masked orders", async ({ page, playwright, baseURL, signIn }) => {
  const sub1 = `e2e-${randomUUID().slice(0, 8)}`;
  const visitor = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "user-agent": CHROME } });
  const click = await visitor.get(`/r/alpha?to=casio-g-shock&sub1=${sub1}`, { maxRedirects: 0 });
  expect(click.status()).toBe(302);
  await visitor.dispose();

  await signIn(DEMO.partner);
  await page.goto("/partner?period=today");
  await expect(page.getByRole("link", { name: "Today" })).toHaveAttribute("aria-current", "page");
  const clicks = page.getByTestId("stat-clicks");
  await expect(clicks).toBeVisible();
  expect(Number(await clicks.getAttribute("data-value"))).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId("stat-approve-rate")).toBeVisible();
  await expect(page.getByTestId("earnings").getByTestId("earnings-row")).toHaveCount(1);

  await page.getByRole("link", { name: "By sub1" }).click();
  await expect(page).toHaveURL(/group=sub1/);
  const row = page.locator(`[data-testid="breakdown-row"][data-key="${sub1}"]`);
  await expect(row).toBeVisible();
  await expect(row.locator("td").nth(1)).toHaveText("1");

  // The demo data has alpha's orders within the last 30 days.
  await page.goto("/partner/orders?period=30d");
  const orders = page.getByTestId("partner-order");
  await expect(orders.first()).toBeVisible();
  const customers = await page.getByTestId("order-customer").allInnerTexts();
  for (const customer of customers) {
    expect(customer).not.toMatch(/@|\d{3}-\d{2}-\d{2}|\d{5}/);
  }
  expect(customers.join("\n")).toMatch(/\*\*\* \*\*\*-\d\d-\d\d/);
  const alphaOrder = await orders.first().getAttribute("data-number");

  // Another partner asking for alpha's order number finds nothing.
  const betaContext = await page.context().browser()!.newContext({ baseURL });
  // beta is the seed's second partner (recruited by alpha); DEMO names only alpha.
  await signInThroughApi(betaContext.request, { ...DEMO.partner, identifier: "beta" } as unknown as typeof DEMO.partner);
  const betaPage = await betaContext.newPage();
  await betaPage.goto(`/partner/orders?number=${alphaOrder}`);
  await expect(betaPage.getByText("You have no order with this number.")).toBeVisible();
  await expect(betaPage.getByTestId("partner-order")).toHaveCount(0);
  await betaContext.close();
});

test("partner alpha builds a link with sub1 and copies it", async ({ page, context, signIn }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(DEMO.partner);
  await page.goto("/partner");
  await page.getByRole("link", { name: "Links" }).click();
  await expect(page.getByRole("heading", { name: "Link builder" })).toBeVisible();

  await page.getByLabel("Product").selectOption("casio-g-shock");
  await page.getByLabel("sub1").fill("spring-sale");
  await page.getByLabel("sub3").fill("banner 2");
  const link = page.getByTestId("built-link");
  await expect(link).toHaveText(/\/r\/alpha\?to=casio-g-shock&sub1=spring-sale&sub3=banner\+2$/);
  expect(await link.textContent()).toMatch(/^https?:\/\//);

  await page.getByTestId("copy-link").click();
  await expect(page.getByTestId("copy-link")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await link.textContent());
});
