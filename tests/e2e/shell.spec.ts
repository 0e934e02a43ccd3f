import { DEMO, expect, test } from "./fixtures";

test("the owner signs in through the form and sees the admin shell", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin/);
  await page.getByLabel("Email").fill(DEMO.owner.identifier);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password" })).toBeVisible();

  await page.getByLabel("Password").fill(DEMO.owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  const nav = page.getByRole("navigation", { name: "Admin" }).first();
  for (const item of ["Home", "Orders", "Logistics", "Advertising", "Customers", "Partners", "Clicks", "Payouts", "Finance", "Mailings", "Settings", "Help"]) {
    await expect(nav.getByRole("link", { name: item, exact: true })).toBeVisible();
  }
  await expect(page.getByTestId("current-user")).toContainText("Owner");
});

test("the shell speaks Russian when the visitor picks it", async ({ page, signIn }) => {
  await signIn(DEMO.owner);
  await page.goto("/admin");
  await page.getByLabel("Language").selectOption("ru");
  await expect(page.getByRole("navigation", { name: "Admin" }).first().getByRole("link", { name: "Заказы" })).toBeVisible();
  await page.getByLabel("Язык").selectOption("en");
  await expect(page.getByRole("navigation", { name: "Admin" }).first().getByRole("link", { name: "Orders" })).toBeVisible();
});

test("an operator sees only their sections and gets 403 elsewhere", async ({ page, signIn }) => {
  await signIn(DEMO.operator);
  await page.goto("/admin");
  const nav = page.getByRole("navigation", { name: "Admin" }).first();
  await expect(nav.getByRole("link", { name: "Orders", exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Settings", exact: true })).toHaveCount(0);
  const response = await page.goto("/admin/settings");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
});

test("the owner opens a captured mail and its links work", async ({ page, signIn }) => {
  await signIn(DEMO.owner);
  await page.goto("/admin/mail");
  // The demo seed queues a welcome mail through the outbox; the worker delivers it to the capture.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("link", { name: /Welcome to Lavka|Добро пожаловать/ }).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await page
    .getByRole("link", { name: /Welcome to Lavka|Добро пожаловать/ })
    .first()
    .click();
  const frame = page.frameLocator("iframe[title='HTML']");
  const link = frame.getByRole("link").first();
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^http:\/\/localhost:\d+\//);
});
