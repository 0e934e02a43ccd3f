import { DEMO, expect, signInThroughApi, test } from "./fixtures";

test.describe("server-side authorisation of route handlers", () => {
  test("anonymous → 401, wrong role → 403, right role → 200", async ({ playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    const response = await anonymous.get("/api/admin/mail");
    expect(response.status()).toBe(401);
    expect((await response.json()).error.code).toBe("UNAUTHENTICATED");
    await anonymous.dispose();

    const accountant = await playwright.request.newContext({ baseURL });
    await signInThroughApi(accountant, DEMO.accountant);
    const forbidden = await accountant.get("/api/admin/mail");
    expect(forbidden.status()).toBe(403);
    expect((await forbidden.json()).error.code).toBe("FORBIDDEN");
    await accountant.dispose();

    const partner = await playwright.request.newContext({ baseURL });
    await signInThroughApi(partner, DEMO.partner);
    expect((await partner.get("/api/admin/mail")).status()).toBe(403);
    await partner.dispose();

    const owner = await playwright.request.newContext({ baseURL });
    await signInThroughApi(owner, DEMO.owner);
    const allowed = await owner.get("/api/admin/mail?limit=5");
    expect(allowed.status()).toBe(200);
    expect(Array.isArray((await allowed.json()).items)).toBe(true);
    const invalid = await owner.get("/api/admin/mail?limit=5000");
    expect(invalid.status()).toBe(422);
    await owner.dispose();
  });

  test("anonymous pages redirect to the right sign-in page", async ({ page }) => {
    await page.goto("/admin/orders");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin%2Forders/);
    await page.goto("/partner");
    await expect(page).toHaveURL(/\/partners\/signin\?callbackUrl=%2Fpartner/);
  });

  test("a partner signs in through the form and sees the cabinet, not the admin panel", async ({ page }) => {
    await page.goto("/partners/signin");
    await page.getByLabel("Email or login").fill(DEMO.partner.identifier);
    await page.getByLabel("Password").fill(DEMO.partner.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/partner$/);
    await expect(page.getByTestId("referral-link")).toContainText("/r/alpha");
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin/);
  });
});
