// The first-run page on a database without an owner. The e2e database has the demo owners, so
// the spec deactivates them for its run (the specs run one at a time), creates the first owner
// at /setup from this machine (a loopback address needs no token), signs in as that owner, and
// then restores the demo owners and deletes the new one.
import { expect, test, withAppDatabase } from "./fixtures";

test("/setup is not there while the shop has an owner", async ({ page }) => {
  const response = await page.goto("/setup");
  expect(response?.status()).toBe(404);
  await page.goto("/signin");
  await expect(page.getByTestId("setup-link")).toHaveCount(0);
});

test("without an owner, /setup creates the first one, who signs in; then it closes", async ({ page }) => {
  const email = `first-owner-${Date.now().toString(36)}@example.com`;
  const password = "first owner password";
  const deactivated = await withAppDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(`UPDATE "User" SET "isActive" = false WHERE role = 'OWNER' AND "isActive" RETURNING id`);
    return rows.map((row) => row.id);
  });
  try {
    await page.goto("/signin");
    await page.getByTestId("setup-link").click();
    await expect(page).toHaveURL(/\/setup$/);
    await expect(page.getByRole("heading", { name: "Create the shop owner" })).toBeVisible();

    const form = page.getByTestId("setup-form");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Name").fill("First Owner");
    await form.getByLabel("Password (at least 10 characters)").fill(password);
    await form.getByLabel("Repeat the password").fill("a different one");
    await form.getByRole("button", { name: "Create the owner" }).click();
    await expect(form.getByText("The passwords do not match")).toBeVisible();
    await expect(form.getByLabel("Email")).toHaveValue(email);

    await form.getByLabel("Password (at least 10 characters)").fill(password);
    await form.getByLabel("Repeat the password").fill(password);
    await form.getByRole("button", { name: "Create the owner" }).click();
    await expect(page).toHaveURL(/\/signin\?setup=done$/);
    await expect(page.getByTestId("setup-done")).toBeVisible();
    await expect(page.getByTestId("setup-link")).toHaveCount(0);

    await page.locator("input[name=identifier]").fill(email);
    await page.locator("input[name=password]").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/admin/);

    expect((await page.goto("/setup"))?.status()).toBe(404);
  } finally {
    await withAppDatabase(async (client) => {
      await client.query(`UPDATE "User" SET "isActive" = true WHERE id = ANY($1)`, [deactivated]);
      const { rows } = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
      const ids = rows.map((row) => row.id);
      await client.query(`DELETE FROM "AuditLog" WHERE "actorId" = ANY($1) OR "entityId" = ANY($1)`, [ids]);
      await client.query(`DELETE FROM "User" WHERE id = ANY($1)`, [ids]);
    });
  }
});
