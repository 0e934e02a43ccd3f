// "Forgot password?": the demo partner beta asks for a link from the partner sign-in page, opens
// the mailed link (read from the outbox row the request wrote), sets a new password twice, lands
// on the sign-in page with a message and signs in with the new password; the used link then
// says so. beta's password hash is put back afterwards so other specs keep signing in. An unknown
// address on the staff page gets the very same answer.
import { DEMO, expect, test, withAppDatabase } from "./fixtures";

const NEW_PASSWORD = "beta-new-password-2026";

async function resetLinkFor(email: string): Promise<string> {
  const rows = await withAppDatabase((client) =>
    client.query<{ url: string }>(
      `SELECT payload->'props'->>'resetUrl' AS url FROM "OutboxEvent"
        WHERE "jobName" = 'mail.send' AND payload->>'template' = 'password-reset' AND payload->>'to' = $1
        ORDER BY "createdAt" DESC LIMIT 1`,
      [email],
    ),
  );
  const url = rows.rows[0]?.url;
  expect(url, "the reset mail is queued").toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);
  return new URL(url!).pathname;
}

test("a partner resets the password by the mailed link and signs in with the new one", async ({ page }) => {
  const beta = await withAppDatabase(
    async (client) => (await client.query<{ email: string; passwordHash: string }>(`SELECT email, "passwordHash" FROM "Partner" WHERE login = 'beta'`)).rows[0]!,
  );
  try {
    await page.goto("/partners/signin");
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await expect(page).toHaveURL(/\/partners\/signin\/forgot$/);
    await page.getByLabel("Email or login").fill("beta");
    await page.getByRole("button", { name: "Send the link" }).click();
    await expect(page.getByTestId("reset-sent")).toContainText("Check your email");

    const link = await resetLinkFor(beta.email);
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Set a new password" })).toBeVisible();
    // Two different passwords are refused, and the link keeps working.
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Repeat the new password").fill(`${NEW_PASSWORD}-typo`);
    await page.getByRole("button", { name: "Save the password" }).click();
    await expect(page.getByText("The two passwords do not match")).toBeVisible();

    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Save the password" }).click();
    await expect(page).toHaveURL(/\/partners\/signin\?reset=done$/);
    await expect(page.getByTestId("reset-done")).toBeVisible();

    await page.getByLabel("Email or login").fill("beta");
    await page.getByLabel("Password").fill(DEMO.partner.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Wrong email or password")).toBeVisible();
    await page.getByLabel("Password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/partner(\/|$)/);

    // The link is spent.
    await page.goto(link);
    await expect(page.getByTestId("reset-link-problem")).toHaveAttribute("data-state", "USED");
    await expect(page.getByRole("heading", { name: "This link has already been used" })).toBeVisible();
  } finally {
    await withAppDatabase((client) => client.query(`UPDATE "Partner" SET "passwordHash" = $1 WHERE login = 'beta'`, [beta.passwordHash]));
  }
});

test("the staff page answers the same for an address nobody has, and a forged link is refused", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/signin\/forgot$/);
  const nobody = `nobody-${Date.now().toString(36)}@example.com`;
  await page.getByLabel("Email").fill(nobody);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByTestId("reset-sent")).toContainText("Check your email");
  const queued = await withAppDatabase((client) => client.query(`SELECT 1 FROM "OutboxEvent" WHERE payload->>'to' = $1`, [nobody]));
  expect(queued.rowCount).toBe(0);

  await page.goto(`/reset-password/${"A".repeat(43)}`);
  await expect(page.getByTestId("reset-link-problem")).toHaveAttribute("data-state", "INVALID");
  await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
});
