// Playwright fixtures: sign in through next-auth's credentials endpoint (no form typing), so
// specs start where they mean to test.
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import pg from "pg";

export const DEMO = {
  owner: { kind: "staff", identifier: "owner@lavka.local", password: "lavka-owner" },
  manager: { kind: "staff", identifier: "manager@lavka.local", password: "lavka-manager" },
  operator: { kind: "staff", identifier: "operator@lavka.local", password: "lavka-operator" },
  accountant: { kind: "staff", identifier: "accountant@lavka.local", password: "lavka-accountant" },
  logistics: { kind: "staff", identifier: "logistics@lavka.local", password: "lavka-logistics" },
  partner: { kind: "partner", identifier: "alpha", password: "lavka-partner" },
} as const;

export type DemoAccount = (typeof DEMO)[keyof typeof DEMO];

export async function signInThroughApi(request: APIRequestContext, account: DemoAccount) {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post(`/api/auth/callback/${account.kind}`, {
    form: { csrfToken, identifier: account.identifier, password: account.password, json: "true" },
    maxRedirects: 0,
  });
  expect(response.status(), "sign-in through the API").toBeLessThan(400);
  const session = await (await request.get("/api/auth/session")).json();
  expect(session?.actor?.kind, "session after sign-in").toBe(account.kind);
}

export const test = base.extend<{ signIn: (account: DemoAccount) => Promise<void> }>({
  // Every page a spec opens is watched for Content-Security-Policy violations: a script or style
  // the policy blocks would fail silently in the browser, so it fails the spec instead.
  page: async ({ page }, use) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
    });
    await use(page);
    expect(violations, "Content-Security-Policy violations").toEqual([]);
  },
  signIn: async ({ page }, use) => {
    await use((account) => signInThroughApi(page.request, account));
  },
});

/**
 * Runs SQL against the database of the app under test (specs that read rows or set up what the
 * UI cannot). npm test passes the app's database; run by hand, set E2E_DATABASE_URL.
 */
export async function withAppDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: this spec reads or writes rows in the app's database");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The delivery address every order the specs place goes to (Moscow), and the terms ticked. */
export async function fillMoscowAddress(page: Page) {
  await page.getByLabel("Postcode").fill("101000");
  await page.getByLabel("City").fill("Moscow");
  await page.getByLabel("Street").fill("Tverskaya");
  await page.getByLabel("House").fill("7");
  await page.getByLabel(/I accept the terms/).check();
}

export { expect };
