// Playwright fixtures: sign in through next-auth's credentials endpoint (no form typing), so
// specs start where they mean to test.
import { test as base, expect, type APIRequestContext } from "@playwright/test";

export const DEMO = {
  owner: { kind: "staff", identifier: "owner@lavka.local", password: "lavka-owner" },
  operator: { kind: "staff", identifier: "operator@lavka.local", password: "lavka-operator" },
  accountant: { kind: "staff", identifier: "accountant@lavka.local", password: "lavka-accountant" },
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
  signIn: async ({ page }, use) => {
    await use((account) => signInThroughApi(page.request, account));
  },
});

export { expect };
