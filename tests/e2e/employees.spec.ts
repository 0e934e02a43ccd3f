// Settings → Employees: the owner invites an employee, the invited person opens the mailed link
// (read from the outbox row), sets a password and signs in; a manager cannot open the page.
import { DEMO, expect, signInThroughApi, test, withAppDatabase, type DemoAccount } from "./fixtures";

const MANAGER = { kind: "staff", identifier: "manager@lavka.local", password: "lavka-manager" } as unknown as DemoAccount;

test("the owner invites an employee who sets a password and signs in", async ({ page, signIn, browser }) => {
  await signIn(DEMO.owner);
  await page.goto("/admin/settings");
  await page.getByRole("link", { name: "Employees" }).click();
  await expect(page).toHaveURL(/\/admin\/settings\/employees$/);
  await expect(page.locator('[data-testid="employee-row"][data-email="owner@lavka.local"]')).toContainText("Active");

  const email = `invited-${Date.now().toString(36)}@example.com`;
  const form = page.getByTestId("invite-form");
  await form.getByLabel("Name").fill("Ivan Invited");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("LOGISTICS");
  await form.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByTestId("invite-result")).toHaveText("Invitation sent");
  await expect(page.locator(`[data-testid="employee-row"][data-email="${email}"]`)).toContainText("Invited");

  const url = await withAppDatabase(
    async (client) =>
      (await client.query<{ url: string }>(`SELECT payload->'props'->>'acceptUrl' AS url FROM "OutboxEvent" WHERE payload->>'template' = 'employee-invite' AND payload->>'to' = $1`, [email]))
        .rows[0]?.url,
  );
  expect(url).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);

  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(new URL(url!).pathname);
  await expect(invitee.getByRole("heading", { name: "Set your password" })).toBeVisible();
  await invitee.getByLabel("New password", { exact: true }).fill("invited-password-1");
  await invitee.getByLabel("Repeat the new password").fill("invited-password-1");
  await invitee.getByRole("button", { name: "Save the password" }).click();
  await expect(invitee.getByTestId("password-set")).toContainText("Your password is set");
  await invitee.getByRole("link", { name: "Sign in" }).click();
  await invitee.getByLabel("Email").fill(email);
  await invitee.getByLabel("Password").fill("invited-password-1");
  await invitee.getByRole("button", { name: "Sign in" }).click();
  await expect(invitee).toHaveURL(/\/admin/);
  await context.close();

  await page.reload();
  await expect(page.locator(`[data-testid="employee-row"][data-email="${email}"]`)).toContainText("Active");
});

test("a manager cannot open the employees page", async ({ page }) => {
  await signInThroughApi(page.request, MANAGER);
  const response = await page.goto("/admin/settings/employees");
  expect(response?.status()).toBe(403);
});
