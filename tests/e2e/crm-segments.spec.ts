// CRM segments and the sales report in the browser against the demo seed (with the worker):
// the owner recomputes segments, sees the counts per RFM segment and ABC class once the job has
// run, follows "gold customers" (class A) to the customer list filtered by it, and opens the
// sales-by-month report with this year's and last year's columns side by side.
import { DEMO, expect, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const shopYear = () => Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow", year: "numeric" }).format(new Date()));

test("the owner recomputes segments, sees the counts and follows gold customers to the list", async ({ page, signIn }) => {
  await signIn(DEMO.owner);
  await page.goto("/admin/customers/segments");
  await expect(page.getByRole("heading", { name: "Segments", level: 1 })).toBeVisible();

  const button = page.getByTestId("recompute-segments");
  // The nightly run may already be working: then there is nothing to press, only to wait for.
  if (await button.isEnabled()) {
    await button.click();
    await expect(page.getByTestId("recompute-message")).toContainText("The recompute is queued");
    await expect(button).toBeDisabled();
  }

  // The worker runs the job; the page shows its figures once it has finished.
  const goldRow = page.locator('tr[data-abc-class="A"]');
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("segments-last-run")).toContainText("Last run:", { timeout: 1_000 });
    await expect(goldRow.getByTestId("abc-customers")).not.toHaveText("0", { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  // The demo's bought-out customers are scored: the RFM table counts them too.
  const rfmCounts = await page.getByTestId("segment-customers").allTextContents();
  expect(rfmCounts.map(Number).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
  await expect(page.getByTestId("segments-chart")).toBeVisible();

  await goldRow.getByTestId("abc-link-A").click();
  await expect(page).toHaveURL(/\/admin\/customers\?abcClass=A$/);
  // The demo's two bought-out customers: at least the bigger spender is class A.
  await expect(page.getByText(/Дмитрий Соколов|Анна Лебедева/).first()).toBeVisible();
});

test("the owner opens the sales report and sees both years' columns", async ({ page, signIn }) => {
  await signIn(DEMO.owner);
  await page.goto("/admin/crm-reports");
  await page.getByTestId("report-sales").click();
  await expect(page).toHaveURL(/\/admin\/crm-reports\/sales$/);
  const year = shopYear();
  const rub = page.getByTestId("sales-RUB");
  await expect(rub).toBeVisible();
  for (const metric of ["orders", "paidOrders", "revenue"]) {
    await expect(rub.getByTestId(`column-${metric}-${year}`)).toHaveText(String(year));
    await expect(rub.getByTestId(`column-${metric}-${year - 1}`)).toHaveText(String(year - 1));
  }
  await expect(page.getByTestId("sales-chart-RUB")).toBeVisible();
  // The demo's orders (placed in the last weeks) are counted in one of the two years' totals.
  const totals = rub.locator('tr[data-month="total"] td');
  const [thisYear, lastYear] = [await totals.nth(0).textContent(), await totals.nth(1).textContent()];
  expect(Number(thisYear?.replace(/\D/g, "")) + Number(lastYear?.replace(/\D/g, ""))).toBeGreaterThan(0);
  await expect(page.getByTestId("sales-csv")).toHaveAttribute("href", `/api/admin/crm-reports/sales?year=${year}`);

  // The previous year's page compares it with the year before.
  await page.getByTestId("sales-previous-year").click();
  await expect(page).toHaveURL(new RegExp(`year=${year - 1}$`));
  await expect(page.getByTestId("sales-RUB").getByTestId(`column-orders-${year - 2}`)).toBeVisible();
});
