// The thank-you offer from the shopper's side: a COD order of the demo Casio lands on "check your
// email", which offers the demo ROLEX at its own price; one click (a double click, even) adds it
// once and the total updates; a reload shows it added; the admin order page lists the item.
import { DEMO, expect, fillMoscowAddress, test, withAppDatabase } from "./fixtures";

const CHECK_EMAIL_URL = /\/order\/([0-9a-f-]{36})\/check-email$/;
const OFFER = "ROLEX DAYTONA (механические)";

function orderOf(publicId: string) {
  return withAppDatabase(async (client) => {
    const order = await client.query<{ id: string; total: number }>(`SELECT id, total FROM "Order" WHERE "publicId" = $1`, [publicId]);
    const items = await client.query<{ kind: string; productName: string; total: number }>(
      `SELECT kind::text AS kind, "productName", total FROM "OrderItem" WHERE "orderId" = $1 ORDER BY "createdAt", id`,
      [order.rows[0]!.id],
    );
    return { ...order.rows[0]!, items: items.rows };
  });
}

const rub = (minor: number) => new Intl.NumberFormat("en", { style: "currency", currency: "RUB" }).format(minor / 100);

test("a shopper adds the thank-you offer to the order with one click, once", async ({ page, signIn }) => {
  const stamp = `${Date.now()}`;
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": `10.77.${Number(stamp.slice(-4)) % 250}.${Number(stamp.slice(-2)) + 1}` });
  await page.goto("/checkout/casio-g-shock");
  await page.getByLabel("Country").selectOption("RU");
  await expect(page).toHaveURL(/[?&]country=RU/);
  await page.getByLabel("Full name").fill("Olga Upsellova");
  await page.getByLabel("Phone").fill(`915${stamp.slice(-7)}`);
  await page.getByLabel("Email").fill(`upsell-${stamp}@example.com`);
  await fillMoscowAddress(page);
  await page.getByRole("button", { name: /Place order/ }).click();
  await expect(page).toHaveURL(CHECK_EMAIL_URL);
  const publicId = CHECK_EMAIL_URL.exec(page.url())![1]!;

  const placed = await orderOf(publicId);
  expect(placed.items).toHaveLength(1);
  await expect(page.getByTestId("order-total")).toHaveText(rub(placed.total));
  const offer = page.getByTestId("upsell-offer");
  await expect(offer).toContainText("A ROLEX DAYTONA 460 ₽ off");
  await expect(offer).toContainText(OFFER);

  await offer.getByTestId("upsell-offer-take").dblclick();
  await expect(offer.getByTestId("upsell-offer-taken")).toBeVisible();
  await expect(offer.getByTestId("upsell-offer-message")).toHaveText(/Added to your order/);
  const added = await orderOf(publicId);
  expect(added.total).toBe(placed.total + 199000); // + 1,990.00 RUB
  expect(added.items).toEqual([placed.items[0], { kind: "UPSELL", productName: OFFER, total: 199000 }]);
  await expect(page.getByTestId("order-total")).toHaveText(rub(added.total));

  // A reload shows it added, offers nothing more, and the order did not change again.
  await page.reload();
  await expect(page.getByTestId("upsell-offer-taken")).toBeVisible();
  await expect(page.getByTestId("upsell-offer-take")).toHaveCount(0);
  await expect(page.getByTestId("order-total")).toHaveText(rub(added.total));
  expect((await orderOf(publicId)).items).toHaveLength(2);

  await signIn(DEMO.owner);
  await page.goto(`/admin/orders/${added.id}`);
  await expect(page.getByText(OFFER).first()).toBeVisible();
  await expect(page.getByTestId("order-reminders")).toBeVisible();

  // The upsell's statistics count the view and the take.
  await page.goto("/admin/advertising/upsells");
  const row = page.getByTestId("upsell-row").filter({ hasText: "ROLEX DAYTONA со скидкой 460 ₽" });
  await expect(row.getByTestId("upsell-taken")).not.toHaveText("0");
});
