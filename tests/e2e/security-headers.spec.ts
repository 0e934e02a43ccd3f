// The security headers as a browser receives them: a per-request nonce policy on the admin that
// Next.js's own scripts carry (the page still works), the static policy on public pages, framing
// forbidden everywhere, and the session cookie out of scripts' reach.
import { DEMO, expect, test } from "./fixtures";

const policyOf = (header: string | undefined) => new Map((header ?? "").split("; ").map((part) => [part.split(" ")[0], part.split(" ").slice(1)]));

test("the admin runs under a nonce policy: every script carries this response's nonce, and it changes per request", async ({ page, signIn }) => {
  await signIn(DEMO.owner);
  const first = await page.goto("/admin/orders");
  const policy = policyOf(first?.headers()["content-security-policy"]);
  const nonceSource = policy.get("script-src")?.find((source) => source.startsWith("'nonce-"));
  expect(nonceSource, "script-src has a nonce").toBeTruthy();
  expect(policy.get("script-src")).toContain("'strict-dynamic'");
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  const nonce = nonceSource!.slice("'nonce-".length, -1);

  const html = await first!.text();
  const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scriptTags.length).toBeGreaterThan(0);
  for (const tag of scriptTags) expect(tag, "every script tag carries the nonce").toContain(`nonce="${nonce}"`);

  // Hydrated: client navigation works under the policy (the fixture fails on any violation).
  await page.getByRole("navigation", { name: "Admin" }).first().getByRole("link", { name: "Customers", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/customers/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  const second = await page.request.get("/admin/orders");
  expect(second.headers()["content-security-policy"]).not.toContain(nonce);
});

test("public pages carry the static policy and the common headers; no HSTS over http", async ({ page }) => {
  const response = await page.goto("/checkout/casio-g-shock?country=RU");
  expect(response?.status()).toBe(200);
  const headers = response!.headers();
  const policy = policyOf(headers["content-security-policy"]);
  expect(policy.get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["strict-transport-security"]).toBeUndefined();
  // Hydrated under the policy (the fixture fails the test on any violation).
  await expect(page.getByRole("radio", { name: /Cash on delivery/ })).toBeChecked();
  await page.waitForLoadState("networkidle");
});

test("a page of ours cannot be framed by another site", async ({ browser, baseURL }) => {
  // A page of its own: the browser reports the refused frame as a policy violation, which is the point.
  const page = await browser.newPage();
  const refusals: string[] = [];
  page.on("console", (message) => {
    if (/frame-ancestors/.test(message.text())) refusals.push(message.text());
  });
  await page.setContent(`<iframe id="frame" src="${new URL("/signin", baseURL)}"></iframe>`);
  await expect.poll(() => refusals.length).toBeGreaterThan(0);
  await expect(page.frameLocator("#frame").getByLabel("Email")).toHaveCount(0);
  await page.close();
});

test("the session cookie is HttpOnly and SameSite=Lax; the language cookie too", async ({ page, context, signIn }) => {
  await signIn(DEMO.owner);
  await page.goto("/admin");
  await page.getByLabel("Language").selectOption("ru");
  await expect(page.getByRole("navigation", { name: "Admin" }).first().getByRole("link", { name: "Заказы" })).toBeVisible();
  const cookies = await context.cookies();
  const session = cookies.find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
  const locale = cookies.find((cookie) => cookie.name === "lavka_locale");
  expect(locale?.httpOnly).toBe(true);
  expect(locale?.sameSite).toBe("Lax");
});

test("every response names its request id: a new one, or the trusted proxy's", async ({ request }) => {
  // The e2e server trusts the loopback peer as its proxy (TRUSTED_PROXIES), as a load balancer would be.
  const fresh = await request.get("/api/health");
  expect(fresh.headers()["x-request-id"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const traced = await request.get("/api/health", { headers: { "X-Request-Id": "lb-trace-0042" } });
  expect(traced.headers()["x-request-id"]).toBe("lb-trace-0042");
  const forged = await request.get("/api/health", { headers: { "X-Request-Id": "bad id with spaces" } });
  expect(forged.headers()["x-request-id"]).not.toBe("bad id with spaces");
});
