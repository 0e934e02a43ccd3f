// The shopper's side of a COD order: the checkout page, the captured confirmation mail, the
// confirmation link (and what a mail scanner's pre-fetch of it does), bad input and bad links.
// Every run uses a fresh email and phone: the database may hold earlier runs' orders, and the
// duplicate rule (same phone and product within 24 h) would mark a repeat DUPLICATE.
import { DEMO, expect, fillMoscowAddress, test, withAppDatabase } from "./fixtures";
import type { Page } from "@playwright/test";

const PRODUCT = "casio-g-shock";
const CHECK_EMAIL_URL = /\/order\/[0-9a-f-]{36}\/check-email$/;

let sequence = 0;
function uniqueShopper() {
  const stamp = `${Date.now()}${sequence++}`;
  // A valid Russian mobile number: 916 and seven digits that change on every run.
  const digits = stamp.slice(-7);
  return {
    name: "Ivan Testov",
    email: `shopper-${stamp}@example.com`,
    phone: `916${digits}`,
  };
}

/** Orders placed with this email, read straight from the database the app under test uses. */
function countOrdersByEmail(email: string): Promise<number> {
  return withAppDatabase(async (client) => {
    const result = await client.query<{ count: string }>(`SELECT count(*) FROM "Order" WHERE lower(email) = lower($1)`, [email]);
    return Number(result.rows[0]?.count ?? 0);
  });
}

async function openCheckoutInRussia(page: Page) {
  await page.goto(`/checkout/${PRODUCT}`);
  await expect(page.getByRole("heading", { level: 1, name: "Casio G-SHOCK" })).toBeVisible();
  // The browser says en-US; the shopper picks Russia, where cash on delivery is offered.
  await page.getByLabel("Country").selectOption("RU");
  await expect(page).toHaveURL(/[?&]country=RU/);
  await expect(page.getByRole("radio", { name: /Cash on delivery/ })).toBeChecked();
}

/** Places a COD order to Russia from the checkout page; returns the check-email page's URL. */
async function placeCodOrder(page: Page, shopper: ReturnType<typeof uniqueShopper>) {
  await openCheckoutInRussia(page);
  await page.getByLabel("Full name").fill(shopper.name);
  await page.getByLabel("Phone").fill(shopper.phone);
  await page.getByLabel("Email").fill(shopper.email);
  await fillMoscowAddress(page);
  await page.getByRole("button", { name: /Place order/ }).click();
  await expect(page).toHaveURL(CHECK_EMAIL_URL);
  return page.url();
}

/** Opens the captured "confirm your order" mail to `email` (as a signed-in employee) and reads its link. */
async function readConfirmLink(page: Page, email: string): Promise<string> {
  await page.goto(`/admin/mail?to=${encodeURIComponent(email)}`);
  const mailLink = page.getByRole("link", { name: /confirm your order/i });
  // The worker sends it a moment after the order commits.
  await expect(async () => {
    await page.reload();
    await expect(mailLink.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 45_000 });
  await mailLink.first().click();
  const button = page.frameLocator("iframe[title='HTML']").getByRole("link", { name: /Confirm my order/ });
  await expect(button).toBeVisible();
  const href = await button.getAttribute("href");
  expect(href).toMatch(/\/order\/confirm\/[A-Za-z0-9_-]{43}$/);
  return href!;
}

test("a shopper places a COD order and confirms it by the emailed link", async ({ page, signIn }) => {
  const shopper = uniqueShopper();
  await openCheckoutInRussia(page);
  await expect(page.getByTestId("checkout-price")).toContainText("1,950.00");

  await page.getByLabel("Full name").fill(shopper.name);
  await page.getByLabel("Phone").fill(shopper.phone);
  // Formatted into the country's mask as it is typed.
  await expect(page.getByLabel("Phone")).toHaveValue(`+7 (916) ${shopper.phone.slice(3, 6)}-${shopper.phone.slice(6, 8)}-${shopper.phone.slice(8, 10)}`);
  await page.getByLabel("Email").fill(shopper.email);
  await fillMoscowAddress(page);
  await page.getByRole("button", { name: "One more" }).click();
  await expect(page.getByLabel("Quantity")).toHaveValue("2");
  // 2 × 1,950.00 RUB; the total adds whatever shipping the shop's rules charge.
  await expect(page.locator("dl > div", { hasText: "Casio G-SHOCK × 2" })).toContainText("3,900.00");

  // A double click must still make one order (one idempotency key per rendered form).
  await page.getByRole("button", { name: /Place order/ }).dblclick();
  await expect(page).toHaveURL(CHECK_EMAIL_URL);
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const [local = "", domain = ""] = shopper.email.split("@");
  await expect(page.getByText(`${local[0]}***@${domain}`)).toBeVisible();
  const orderNumber = (await page.getByRole("heading", { name: /Order #\d+/ }).textContent())?.match(/#(\d+)/)?.[1];
  expect(orderNumber).toBeTruthy();
  const count = await countOrdersByEmail(shopper.email);
  expect(count).toBe(1);

  // The worker delivers the confirmation mail to the capture transport; the owner reads it.
  await signIn(DEMO.owner);
  const confirmUrl = await readConfirmLink(page, shopper.email);
  await expect(page.locator("pre")).toContainText(confirmUrl);

  // A mail scanner's pre-fetch (no browser navigation headers) sees a button and changes nothing.
  // (The next visit below then confirms it "now", not "already".)
  const scan = await page.request.get(confirmUrl, { headers: { "Accept-Language": "en-US" } });
  expect(scan.status()).toBe(200);
  expect(scan.headers()["cache-control"]).toContain("no-store");
  expect(await scan.text()).toContain('name="token"');

  await page.goto(confirmUrl);
  await expect(page.getByRole("heading", { name: `Thank you, your order #${orderNumber} is confirmed` })).toBeVisible();
  await page.getByRole("link", { name: "View your order" }).click();
  await expect(page.getByRole("heading", { name: "Your order is accepted" })).toBeVisible();
  await expect(page.getByTestId("order-status")).toHaveText("Confirmed");

  await page.goto(confirmUrl);
  await expect(page.getByRole("heading", { name: `Order #${orderNumber} is already confirmed` })).toBeVisible();
});

test("a confirmation link not opened as a top-level navigation asks for a click first", async ({ page, signIn, browser }) => {
  const shopper = uniqueShopper();
  await placeCodOrder(page, shopper);
  await signIn(DEMO.owner);
  const confirmUrl = await readConfirmLink(page, shopper.email);

  // Fetched by a link previewer (or loaded as a frame's document): a page with a button, no change.
  const preview = await page.request.get(confirmUrl, { headers: { "Sec-Fetch-Dest": "iframe", "Sec-Fetch-Mode": "navigate" } });
  expect(preview.status()).toBe(200);
  // The page of the order's own language, with its confirm button.
  expect(await preview.text()).toMatch(/Confirm order|Подтвердить заказ/);
  // Framed by another page (as a mail's preview pane might): the browser refuses to show it at all
  // (frame-ancestors 'none'); in a page of its own, since the refusal is reported as a violation.
  const framing = await browser.newPage();
  await framing.setContent(`<iframe title="confirmation" src="${confirmUrl}"></iframe>`);
  await expect(framing.frameLocator("iframe[title='confirmation']").getByRole("button", { name: "Confirm order" })).toHaveCount(0);
  await framing.close();

  // Still unconfirmed; the person opening the link for real confirms it.
  await page.goto(confirmUrl);
  await expect(page.getByRole("heading", { name: /Thank you, your order #\d+ is confirmed/ })).toBeVisible();
  await page.goto(confirmUrl);
  await expect(page.getByRole("heading", { name: /Order #\d+ is already confirmed/ })).toBeVisible();
});

test("an expired confirmation link says so and changes nothing", async ({ page, signIn }) => {
  const shopper = uniqueShopper();
  const checkEmailUrl = await placeCodOrder(page, shopper);
  await signIn(DEMO.owner);
  const confirmUrl = await readConfirmLink(page, shopper.email);
  await withAppDatabase((client) =>
    client.query(`UPDATE "LinkToken" SET "expiresAt" = now() - interval '1 minute' WHERE "orderId" IN (SELECT id FROM "Order" WHERE lower(email) = lower($1))`, [shopper.email]),
  );

  await page.goto(confirmUrl);
  await expect(page.getByRole("heading", { name: /The link for order #\d+ has expired/ })).toBeVisible();
  await expect(page.getByText("Nothing has been changed.")).toBeVisible();
  await page.goto(checkEmailUrl.replace(/\/check-email$/, ""));
  await expect(page.getByTestId("order-status")).toHaveText("Unconfirmed");
});

test("a bad form shows localised field errors, keeps the values and places nothing", async ({ page }) => {
  const shopper = uniqueShopper();
  await openCheckoutInRussia(page);
  await page.getByLabel("Phone").fill("123");
  await page.getByLabel("Email").fill("not-an-email");
  await fillMoscowAddress(page);
  await page.getByRole("button", { name: /Place order/ }).click();

  await expect(page.getByLabel("Full name")).toHaveAccessibleDescription("Fill in this field");
  await expect(page.getByLabel("Phone")).toHaveAccessibleDescription("Enter a valid phone number");
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter a valid email address");
  await expect(page.getByLabel("Full name")).toBeFocused();
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
  await expect(page.getByLabel("City")).toHaveValue("Moscow");
  await expect(page).toHaveURL(/\/checkout\/casio-g-shock/);
  expect(await countOrdersByEmail("not-an-email")).toBe(0);

  // Corrected, the same form goes through.
  await page.getByLabel("Full name").fill(shopper.name);
  await page.getByLabel("Phone").fill(shopper.phone);
  await page.getByLabel("Email").fill(shopper.email);
  await page.getByRole("button", { name: /Place order/ }).click();
  await expect(page).toHaveURL(CHECK_EMAIL_URL);
});

test("the checkout speaks Russian to a Russian visitor", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "lavka_locale", value: "ru", url: baseURL! }]);
  await page.goto(`/checkout/${PRODUCT}?country=RU`);
  await expect(page.getByRole("button", { name: /Оформить заказ/ })).toBeVisible();
  await expect(page.getByLabel("Телефон")).toHaveAttribute("placeholder", "+7 (999) 999-99-99");
  await expect(page.getByTestId("checkout-price")).toContainText("1 950,00");
});

test("unknown products, unknown orders and forged links get clear pages", async ({ page }) => {
  const missing = await page.goto("/checkout/no-such-product");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Product not found" })).toBeVisible();

  for (const token of ["A".repeat(43), "not-a-token"]) {
    const response = await page.goto(`/order/confirm/${token}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["cache-control"]).toContain("no-store");
    await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  }

  const unknownOrder = await page.goto("/order/00000000-0000-4000-8000-000000000000");
  expect(unknownOrder?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Order not found" })).toBeVisible();
});

/**
 * Holds the page's scripts back until the returned function is called: what the shopper does
 * meanwhile happens on the server-rendered page (a slow network, or a fast hand).
 */
async function holdPageScripts(page: Page): Promise<() => void> {
  let releaseScripts!: () => void;
  const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
  await page.route("**/_next/static/**/*.js", async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  return releaseScripts;
}

test("a country picked before the page's script has loaded takes effect once it has", async ({ page }) => {
  const releaseScripts = await holdPageScripts(page);
  await page.goto(`/checkout/${PRODUCT}`, { waitUntil: "domcontentloaded" });
  await page.getByLabel("Country").selectOption("RU");
  await expect(page).not.toHaveURL(/[?&]country=RU/);
  releaseScripts();
  await expect(page).toHaveURL(/[?&]country=RU/);
  await expect(page.getByRole("radio", { name: /Cash on delivery/ })).toBeChecked();
});

test("what a shopper typed and picked before the page's script had loaded is what they order", async ({ page }) => {
  // Hydration keeps what is in the DOM, but the first render after it used to write the
  // controlled inputs' state back: the quantity to 1, the payment method to the first, the phone
  // to empty, the bump unticked.
  const releaseScripts = await holdPageScripts(page);
  const shopper = uniqueShopper();
  await page.goto("/checkout/rolex-daytona-mechanical?country=RU", { waitUntil: "domcontentloaded" });
  await page.getByLabel("Quantity").fill("2");
  await page.getByRole("radio", { name: /Cash to the courier/ }).check();
  await page.getByRole("checkbox", { name: /DIESEL/ }).check();
  await page.getByLabel("Full name").fill(shopper.name);
  await page.getByLabel("Phone").fill(shopper.phone);
  await page.getByLabel("Email").fill(shopper.email);
  await page.getByTestId("coupon-input").fill("welcome10");
  releaseScripts();

  // The summary is drawn from the form's state: it shows the early choices once they are taken.
  await expect(page.getByText("ROLEX DAYTONA (механические) × 2")).toBeVisible();
  await expect(page.getByTestId("coupon-message")).toHaveText("Coupon WELCOME10 applied");
  // 2 × 2,450.00 + the DIESEL bump 990.00 + the courier 500.00 = 6,390.00; 10 % off: 5,751.00.
  await expect(page.getByTestId("checkout-total")).toContainText("5,751.00");
  await expect(page.getByLabel("Quantity")).toHaveValue("2");
  await expect(page.getByRole("radio", { name: /Cash to the courier/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /DIESEL/ })).toBeChecked();
  await expect(page.getByLabel("Phone")).toHaveValue(`+7 (${shopper.phone.slice(0, 3)}) ${shopper.phone.slice(3, 6)}-${shopper.phone.slice(6, 8)}-${shopper.phone.slice(8)}`);

  await fillMoscowAddress(page);
  await page.getByRole("button", { name: /Place order/ }).click();
  await expect(page).toHaveURL(CHECK_EMAIL_URL);
  const order = await withAppDatabase(async (client) => {
    const result = await client.query<{ paymentMethod: string; couponCode: string; total: number; items: string }>(
      `SELECT o."paymentMethod", o."couponCode", o.total, string_agg(i.kind || ':' || i.quantity, ',' ORDER BY i.kind) AS items
         FROM "Order" o JOIN "OrderItem" i ON i."orderId" = o.id WHERE lower(o.email) = lower($1) GROUP BY o.id`,
      [shopper.email],
    );
    return result.rows;
  });
  expect(order).toEqual([{ paymentMethod: "COURIER", couponCode: "WELCOME10", total: 575100, items: "MAIN:2,BUMP:1" }]);
});

test("a price asked for while the order is being sent is not asked for after it, from the next page", async ({ page }) => {
  // Next.js sends Server Actions one at a time: a quote asked for while the order was on its way
  // went out after it, from the page the order redirected to, where no such action exists (409).
  const shopper = uniqueShopper();
  await openCheckoutInRussia(page);
  await page.getByLabel("Full name").fill(shopper.name);
  await page.getByLabel("Phone").fill(shopper.phone);
  await page.getByLabel("Email").fill(shopper.email);
  await fillMoscowAddress(page);
  await page.getByTestId("coupon-input").fill("WELCOME10");
  await page.getByTestId("coupon-apply").click();
  await expect(page.getByTestId("coupon-message")).toHaveText("Coupon WELCOME10 applied");

  const actions: { url: string; status: number }[] = [];
  page.on("response", (response) => {
    if (response.request().headers()["next-action"]) actions.push({ url: new URL(response.url()).pathname, status: response.status() });
  });
  // The order's request is held a moment, while the shopper takes one more.
  let held = false;
  await page.route("**/checkout/**", async (route) => {
    if (route.request().method() === "POST" && !held) {
      held = true;
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    }
    await route.continue();
  });
  await page.getByRole("button", { name: /Place order/ }).click();
  await expect.poll(() => held).toBe(true);
  await page.getByRole("button", { name: "One more" }).click();
  await expect(page).toHaveURL(CHECK_EMAIL_URL);
  // A queued action goes out as soon as the one before it is answered: a second is enough to see it.
  await page.waitForTimeout(1_000);
  // The order's action alone; none from the check-email page.
  expect(actions.map((action) => action.url)).toEqual(["/checkout/casio-g-shock"]);
  expect(actions[0]!.status).toBeLessThan(400);
});
