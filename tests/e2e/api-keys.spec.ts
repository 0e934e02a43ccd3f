// Settings → API: the owner creates a scoped key (shown once), a program calls the REST API with
// it (allowed inside its scopes, 403 outside), the reference renders the OpenAPI document, and a
// revoked key stops working.
import { DEMO, expect, test } from "./fixtures";

test("the owner creates an API key, uses it, reads the reference and revokes it", async ({ page, signIn, request }) => {
  await signIn(DEMO.owner);
  await page.goto("/admin/settings");
  await page.getByRole("link", { name: "API", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/settings\/api$/);

  const name = `Warehouse ${Date.now().toString(36)}`;
  const form = page.getByTestId("api-key-form");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Orders").selectOption("write");
  await form.getByLabel("Products").selectOption("read");
  await form.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByTestId("api-key-value");
  await expect(shown).toHaveText(/^lk_live_[a-z2-7]{8}_[A-Za-z0-9_-]{43}$/);
  const key = (await shown.textContent())!;
  const prefix = key.split("_")[2]!;
  const row = page.locator(`[data-testid="api-key-row"][data-prefix="${prefix}"]`);
  await expect(row).toContainText(name);
  await expect(row).toContainText("orders:write");

  const auth = { Authorization: `Bearer ${key}` };
  const orders = await request.get("/api/v1/orders?limit=3", { headers: auth });
  expect(orders.status()).toBe(200);
  expect(await orders.json()).toMatchObject({ object: "list", url: "/api/v1/orders" });
  const customers = await request.get("/api/v1/customers", { headers: auth });
  expect(customers.status()).toBe(403);
  expect((await customers.json()).error.code).toBe("insufficient_scope");

  await page.getByRole("link", { name: "API reference" }).click();
  const reference = page.getByTestId("api-reference");
  await expect(reference.locator("#createOrder")).toContainText("POST");
  await expect(reference.locator("#createOrder")).toContainText("orders:write");
  await expect(reference.locator("#schema-Order")).toContainText("amount_total");

  await page.goto("/admin/settings/api");
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("Revoked");
  expect((await request.get("/api/v1/orders", { headers: auth })).status()).toBe(401);
});
