// A shopper applies a coupon on the checkout page and sees the new total from the server's quote,
// places the order, and the admin's order page shows the discount. WELCOME10 is the demo's
// first-order coupon (10 % off the whole order); every run is a new shopper.
import { DEMO, expect, fillMoscowAddress, test, withAppDatabase } from "./fixtures";

const PRODUCT = "casio-g-shock";

test("a coupon applied at checkout lowers the total, and the order shows the discount", async ({ page, signIn }) => {
  const stamp = `${Date.now()}`;
  const email = `coupon-${stamp}@example.com`;
  await page.goto(`/checkout/${PRODUCT}?country=RU`);
  await expect(page.getByRole("heading", { level: 1, name: "Casio G-SHOCK" })).toBeVisible();
  await expect(page.getByRole("radio", { name: /Cash on delivery/ })).toBeChecked();
  // 1,950.00 + 300.00 shipping.
  await expect(page.getByTestId("checkout-total")).toContainText("2,250");

  await page.getByLabel("Full name").fill("Coupon Shopper");
  await page.getByLabel("Phone").fill(`916${stamp.slice(-7)}`);
  await page.getByLabel("Email").fill(email);

  // An unknown code is refused in words; the total stays.
  await page.getByTestId("coupon-input").fill("NOSUCHCODE");
  await page.getByTestId("coupon-apply").click();
  await expect(page.getByTestId("coupon-message")).toHaveText("There is no such coupon code");
  await expect(page.getByTestId("checkout-total")).toContainText("2,250");
  await page.getByRole("button", { name: "Remove" }).click();

  await page.getByTestId("coupon-input").fill("welcome10");
  await page.getByTestId("coupon-apply").click();
  await expect(page.getByTestId("coupon-message")).toHaveText("Coupon WELCOME10 applied");
  await expect(page.getByTestId("checkout-discount")).toContainText("225");
  await expect(page.getByTestId("checkout-total")).toContainText("2,025");

  await fillMoscowAddress(page);
  await page.getByRole("button", { name: /Place order/ }).click();
  await expect(page).toHaveURL(/\/order\/[0-9a-f-]{36}\/check-email$/);

  const order = await withAppDatabase(async (client) => {
    const result = await client.query<{ id: string; total: number; discountTotal: number; couponCode: string }>(
      `SELECT id, total, "discountTotal", "couponCode" FROM "Order" WHERE email = $1`,
      [email],
    );
    return result.rows[0]!;
  });
  expect(order).toMatchObject({ total: 202500, discountTotal: 22500, couponCode: "WELCOME10" });

  await signIn(DEMO.owner);
  await page.goto(`/admin/orders/${order.id}`);
  await expect(page.getByTestId("order-discount")).toContainText("WELCOME10");
  await expect(page.getByTestId("order-total")).toContainText("2,025");
});

test("a code typed and not applied is applied by Place order, which then waits for the shopper to see the total", async ({ page }) => {
  const stamp = `${Date.now()}`;
  const email = `coupon-typed-${stamp}@example.com`;
  await page.goto(`/checkout/${PRODUCT}?country=RU`);
  await expect(page.getByTestId("checkout-total")).toContainText("2,250");
  await page.getByLabel("Full name").fill("Typed Coupon");
  await page.getByLabel("Phone").fill(`916${stamp.slice(-7)}`);
  await page.getByLabel("Email").fill(email);
  await fillMoscowAddress(page);
  await page.getByTestId("coupon-input").fill("welcome10");

  const orderOf = () =>
    withAppDatabase(async (client) => (await client.query<{ total: number; couponCode: string | null }>(`SELECT total, "couponCode" FROM "Order" WHERE email = $1`, [email])).rows);
  await page.getByRole("button", { name: /Place order/ }).click();
  await expect(page.getByTestId("coupon-message")).toHaveText("Coupon WELCOME10 applied");
  await expect(page.getByTestId("checkout-total")).toContainText("2,025");
  expect(page.url()).toContain(`/checkout/${PRODUCT}`);
  expect(await orderOf()).toEqual([]);

  await page.getByRole("button", { name: /Place order/ }).click();
  await expect(page).toHaveURL(/\/order\/[0-9a-f-]{36}\/check-email$/);
  expect(await orderOf()).toEqual([{ total: 202500, couponCode: "WELCOME10" }]);
});
