// The checkout page is rendered statically and cached per product, locale and country (proxy.ts
// rewrites /checkout/<product> to it): what belongs to one visitor comes from the browser, or,
// without JavaScript, from the Server Action. These specs hold the shopper-visible behaviour
// that this must not change: ordering without JavaScript (one order for a double submit), the
// language by Accept-Language, ?ref= clicks, a fresh idempotency key and the ad tracking per view.
import { expect, fillMoscowAddress, test, withAppDatabase } from "./fixtures";
import type { Page } from "@playwright/test";

const PRODUCT = "casio-g-shock";
const CHECK_EMAIL_URL = /\/order\/[0-9a-f-]{36}\/check-email$/;
const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

let sequence = 0;
function uniqueShopper() {
  const stamp = `${Date.now()}${sequence++}`;
  return { name: "Olga Static", email: `static-${stamp}@example.com`, phone: `+7916${stamp.slice(-7)}` };
}

function placedOrder(email: string) {
  return withAppDatabase(async (client) => {
    const result = await client.query<{ total: number; discount_total: number; coupon_code: string | null; quantity: number }>(
      `SELECT o.total, o."discountTotal" AS discount_total, o."couponCode" AS coupon_code, i.quantity
         FROM "Order" o JOIN "OrderItem" i ON i."orderId" = o.id AND i.kind = 'MAIN' WHERE lower(o.email) = lower($1)`,
      [email],
    );
    return result.rows;
  });
}

function ordersByEmail(email: string) {
  return withAppDatabase(async (client) => {
    const result = await client.query<{ utm_source: string | null }>(`SELECT "utmSource" AS utm_source FROM "Order" WHERE lower(email) = lower($1)`, [email]);
    return result.rows;
  });
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

async function fillOrder(page: Page, shopper: ReturnType<typeof uniqueShopper>) {
  await page.getByLabel("Full name").fill(shopper.name);
  await page.getByLabel("Phone").fill(shopper.phone);
  await page.getByLabel("Email").fill(shopper.email);
  await fillMoscowAddress(page);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form places one order, also when it is posted twice, and keeps the ad's utm", async ({ page }) => {
    const shopper = uniqueShopper();
    await page.goto(`/checkout/${PRODUCT}?country=RU&utm_source=nojs-ad`);
    await expect(page.getByRole("radio", { name: /Cash on delivery/ })).toBeChecked();
    await fillOrder(page, shopper);

    // The form as the browser posts it (no idempotency key: no script filled it in).
    const posted = page.waitForRequest((request) => request.method() === "POST");
    await page.getByRole("button", { name: /Place order/ }).click();
    const post = await posted;
    await expect(page).toHaveURL(CHECK_EMAIL_URL);
    const orderUrl = new URL(page.url()).pathname;

    // The same form posted again by the same browser (a second click that went through, a
    // resubmit): the shopper lands on the same order, and no second one is made.
    const contentType = (await post.allHeaders())["content-type"]!;
    const sent = await new Response(new Uint8Array(post.postDataBuffer()!), { headers: { "content-type": contentType } }).formData();
    const inputs = [...sent.entries()].map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(String(value))}">`);
    await page.goto(`/checkout/${PRODUCT}?country=RU&utm_source=nojs-ad`);
    await page.setContent(`<form method="post" enctype="multipart/form-data" action="${escapeHtml(post.url())}">${inputs.join("")}<button>Again</button></form>`);
    await page.getByRole("button", { name: "Again" }).click();
    await expect(page).toHaveURL(new RegExp(`${orderUrl.replace(/\/check-email$/, "")}(/check-email)?$`));
    const orders = await ordersByEmail(shopper.email);
    expect(orders).toHaveLength(1);
    expect(orders[0]!.utm_source).toBe("nojs-ad");
  });

  test("a coupon typed in is applied: the form comes back with the new total, and the order takes it", async ({ page }) => {
    const shopper = uniqueShopper();
    await page.goto(`/checkout/${PRODUCT}?country=RU`);
    await expect(page.getByTestId("checkout-total")).toContainText("2,250.00"); // 1,950.00 + 300.00 for cash on delivery
    await fillOrder(page, shopper);
    await page.getByLabel("Coupon code").fill("welcome10");
    await page.getByRole("button", { name: /Place order/ }).click();

    // Not placed at a total the shopper has not seen: the page comes back with the code's verdict
    // and the discounted total, which the next click places.
    await expect(page.getByTestId("coupon-message")).toHaveText("Coupon WELCOME10 applied");
    await expect(page.getByText("The price has changed: check the new total and place the order again")).toBeVisible();
    await expect(page.getByTestId("checkout-total")).toContainText("2,025.00"); // 10 % off the whole order: 2,250.00 − 225.00
    expect(await placedOrder(shopper.email)).toEqual([]);
    await page.getByRole("button", { name: /Place order/ }).click();
    await expect(page).toHaveURL(CHECK_EMAIL_URL);
    expect(await placedOrder(shopper.email)).toEqual([{ total: 202500, discount_total: 22500, coupon_code: "WELCOME10", quantity: 1 }]);
  });

  test("a coupon that does not apply says why, and a cleared field orders without it", async ({ page }) => {
    const shopper = uniqueShopper();
    await page.goto(`/checkout/${PRODUCT}?country=RU`);
    await fillOrder(page, shopper);
    await page.getByLabel("Coupon code").fill("NO-SUCH-CODE");
    await page.getByRole("button", { name: /Place order/ }).click();
    await expect(page.getByLabel("Coupon code")).toHaveAccessibleDescription(/no such coupon|not found|unknown/i);
    await expect(page.getByLabel("Coupon code")).toHaveValue("NO-SUCH-CODE");
    expect(await placedOrder(shopper.email)).toEqual([]);
    await page.getByLabel("Coupon code").fill("");
    await page.getByRole("button", { name: /Place order/ }).click();
    await expect(page).toHaveURL(CHECK_EMAIL_URL);
    expect(await placedOrder(shopper.email)).toEqual([{ total: 225000, discount_total: 0, coupon_code: null, quantity: 1 }]);
  });

  test("an automatic discount the page could not show is shown before the order is placed", async ({ page }) => {
    const shopper = uniqueShopper();
    await page.goto(`/checkout/${PRODUCT}?country=RU`);
    await fillOrder(page, shopper);
    await page.getByLabel("Quantity").fill("2");
    await page.getByRole("button", { name: /Place order/ }).click();
    await expect(page.getByText("The price has changed: check the new total and place the order again")).toBeVisible();
    // 2 × 1,950.00 + 300.00 for cash on delivery; "2+ watches: −10 %" takes 390.00 off the watches.
    await expect(page.getByTestId("checkout-total")).toContainText("3,810.00");
    await expect(page.getByLabel("Quantity")).toHaveValue("2");
    await page.getByRole("button", { name: /Place order/ }).click();
    await expect(page).toHaveURL(CHECK_EMAIL_URL);
    expect(await placedOrder(shopper.email)).toEqual([{ total: 381000, discount_total: 39000, coupon_code: null, quantity: 2 }]);
  });

  test("a bad form comes back with field errors and the values typed", async ({ page }) => {
    await page.goto(`/checkout/${PRODUCT}?country=RU`);
    await page.getByLabel("Phone").fill("123");
    await page.getByLabel("City").fill("Moscow");
    await page.getByRole("button", { name: /Place order/ }).click();
    await expect(page.getByLabel("Phone")).toHaveAccessibleDescription("Enter a valid phone number");
    await expect(page.getByLabel("Full name")).toHaveAccessibleDescription("Fill in this field");
    await expect(page.getByLabel("City")).toHaveValue("Moscow");
  });
});

test("each view of the cached page gets its own idempotency key and the visitor's tracking", async ({ page }) => {
  const response = await page.goto(`/checkout/${PRODUCT}?utm_source=vk&utm_campaign=spring`);
  // Served by the cache (MISS for the first visit of a path, HIT or STALE after).
  expect(response?.headers()["x-nextjs-cache"]).toMatch(/^(HIT|STALE|MISS)$/);
  const key = page.locator('input[name="idempotencyKey"]');
  await expect(key).toHaveValue(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  await expect(page.locator('input[name="tracking.utm_source"]')).toHaveValue("vk");
  await expect(page.locator('input[name="tracking.utm_campaign"]')).toHaveValue("spring");
  const first = await key.inputValue();

  // A country change keeps what was typed, the view's key and its tracking; a new view gets a new key.
  await page.getByLabel("Full name").fill("Anna Keep");
  await page.getByRole("button", { name: "One more" }).click();
  await page.getByLabel("Country").selectOption("RU");
  await expect(page).toHaveURL(/[?&]country=RU/);
  await expect(page.getByRole("radio", { name: /Cash on delivery/ })).toBeChecked();
  await expect(page.getByLabel("Full name")).toHaveValue("Anna Keep");
  await expect(page.getByLabel("Quantity")).toHaveValue("2");
  await expect(key).toHaveValue(first);
  await expect(page.locator('input[name="tracking.utm_source"]')).toHaveValue("vk");
  await page.reload();
  await expect(key).toHaveValue(/^[0-9a-f-]{36}$/);
  expect(await key.inputValue()).not.toBe(first);
});

test.describe("a Russian browser", () => {
  test.use({ locale: "ru-RU" });

  test("gets the page in Russian, priced for Russia, without a cookie", async ({ page }) => {
    await page.goto(`/checkout/${PRODUCT}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    await expect(page.getByRole("button", { name: /Оформить заказ/ })).toBeVisible();
    await expect(page.getByLabel("Страна")).toHaveValue("RU");
  });
});

test("the language switcher changes the checkout's language", async ({ page }) => {
  await page.goto(`/checkout/${PRODUCT}?country=RU`);
  await expect(page.getByRole("button", { name: /Place order/ })).toBeVisible();
  await page.getByLabel("Language").selectOption("ru");
  await expect(page.getByRole("button", { name: /Оформить заказ/ })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await page.getByLabel("Язык").selectOption("en");
  await expect(page.getByRole("button", { name: /Place order/ })).toBeVisible();
});

test.describe("a partner's visitor", () => {
  test.use({ userAgent: CHROME });

  test("opening the checkout with ?ref= records the click and keeps the attribution cookie", async ({ page, context }) => {
    await page.goto(`/checkout/${PRODUCT}?ref=alpha`);
    await expect(page.getByRole("heading", { level: 1, name: "Casio G-SHOCK" })).toBeVisible();
    const cookies = await context.cookies();
    expect(cookies.find((cookie) => cookie.name === "lavka_ref")?.value).toMatch(/^v1\./);
  });
});

test("the checkout's internal paths are not public", async ({ page }) => {
  const response = await page.goto(`/checkout/${PRODUCT}/en/RU`);
  expect(response?.status()).toBe(404);
});
