// Partner alpha's payouts page: the available balance and the program minimum are shown, and a
// request above the balance is refused with a clear message while the history stays as it was.
import { DEMO, expect, test } from "./fixtures";

test("partner alpha sees the balance and the minimum, and cannot request more than the balance", async ({ page, signIn }) => {
  await signIn(DEMO.partner);
  await page.goto("/partner");
  await page.getByRole("link", { name: "Payouts" }).click();
  await expect(page).toHaveURL(/\/partner\/payouts$/);
  await expect(page.getByRole("heading", { name: "Payouts", level: 1 })).toBeVisible();

  const balance = page.getByTestId("payout-balance").first();
  await expect(balance).toBeVisible();
  await expect(balance).toContainText("Available");
  const available = Number(await balance.getAttribute("data-value"));
  const minimum = page.getByTestId("payout-minimum");
  await expect(minimum).toContainText("Minimum payout");
  expect(Number(await minimum.getAttribute("data-value"))).toBeGreaterThan(0);
  // The amount field starts at the available balance.
  await expect(page.getByTestId("payout-amount")).not.toHaveValue("");

  const rowsBefore = await page.getByTestId("payout-row").count();
  // 1,000,000.00 above whatever alpha has (minor units → major units as typed).
  await page.getByTestId("payout-amount").fill(String(Math.max(0, available) / 100 + 1_000_000));
  await page.getByTestId("payout-submit").click();
  await expect(page.getByTestId("payout-error")).toBeVisible();
  await expect(page.getByTestId("payout-error")).toContainText(/balance/i);

  await page.reload();
  await expect(page.getByTestId("payout-row")).toHaveCount(rowsBefore);
  expect(Number(await page.getByTestId("payout-balance").first().getAttribute("data-value"))).toBe(available);
});
