// A visitor becomes a partner: registers at /partners/join (recruited by the demo partner alpha),
// the owner reads the captured welcome mail (login, generated password, confirmation link), the
// partner confirms the email, the owner approves the application, and the partner signs in with
// the mailed password and lands in the cabinet. Each run uses a fresh login and email.
import type { Browser, Page } from "@playwright/test";
import { DEMO, expect, signInThroughApi, test } from "./fixtures";

function uniqueApplicant() {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  return { name: "Nina Partnerova", login: `nina${stamp}`, email: `nina-${stamp}@example.com`, contact: "@nina_tg" };
}

async function ownerPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughApi(page.request, DEMO.owner);
  return page;
}

/** The owner opens the captured welcome mail to `email` and reads what the partner would. */
async function readWelcomeMail(page: Page, email: string) {
  await page.goto(`/admin/mail?to=${encodeURIComponent(email)}`);
  const mailLink = page.getByRole("link", { name: /Welcome to the .* partner program/i });
  // The worker sends it a moment after the registration commits.
  await expect(async () => {
    await page.reload();
    await expect(mailLink.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 45_000 });
  await mailLink.first().click();
  const text = (await page.locator("pre").textContent()) ?? "";
  const login = /Login:\s*(\S+)/.exec(text)?.[1];
  const password = /Password:\s*(\S+)/.exec(text)?.[1];
  const button = page.frameLocator("iframe[title='HTML']").getByRole("link", { name: /Confirm my email/ });
  await expect(button).toBeVisible();
  const confirmUrl = await button.getAttribute("href");
  expect(confirmUrl).toMatch(/\/partners\/confirm\/[A-Za-z0-9_-]{43}$/);
  return { login, password: password!, confirmUrl: confirmUrl! };
}

test("a visitor registers, confirms the email, is approved and signs in with the mailed password", async ({ page, browser }) => {
  const applicant = uniqueApplicant();
  // Registrations are limited per client address (5 an hour); the app trusts the proxy's
  // X-Forwarded-For, so each run registers from an address of its own and reruns stay possible.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `2001:db8::${Math.floor(Math.random() * 0xffff).toString(16)}:${(Date.now() % 0xffff).toString(16)}` });

  // Registration, invited by alpha.
  await page.goto("/partners/join?ref=alpha");
  await expect(page.getByTestId("invited-by")).toContainText("alpha");
  await page.getByLabel("Your name").fill(applicant.name);
  await page.getByLabel("Email").fill(applicant.email);
  await page.getByLabel("Login").fill(applicant.login);
  await page.getByLabel("Phone or Telegram (optional)").fill(applicant.contact);
  // Without consent: a field error, and the typed values stay.
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByText("Accept the terms to register")).toBeVisible();
  await expect(page.getByLabel("Login")).toHaveValue(applicant.login);
  await page.getByLabel("I accept the partner program terms").check();
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  // The owner reads the captured welcome mail.
  const owner = await ownerPage(browser);
  const mail = await readWelcomeMail(owner, applicant.email);
  expect(mail.login).toBe(applicant.login);
  expect(mail.password).toMatch(/^[A-Za-z2-9]{14}$/);

  // The same login again is refused with a field error.
  await page.goto("/partners/join");
  await page.getByLabel("Your name").fill(applicant.name);
  await page.getByLabel("Email").fill(`other-${applicant.email}`);
  await page.getByLabel("Login").fill(applicant.login.toUpperCase());
  await page.getByLabel("I accept the partner program terms").check();
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByText("This login is taken")).toBeVisible();

  // A mail scanner's pre-fetch (no browser navigation headers) sees a button and changes nothing.
  const scan = await page.request.get(mail.confirmUrl, { headers: { "Accept-Language": "en-US" } });
  const scanned = await scan.text();
  expect(scanned).toContain("Confirm email");
  expect(scanned).not.toContain('data-testid="confirm-email-result"');
  await owner.goto(`/admin/partners?q=${applicant.login}`);
  await expect(owner.getByTestId("partner-email-confirmed")).toHaveText("no");

  // The partner opens the confirmation link; the program approves manually (the demo default).
  await page.goto(mail.confirmUrl);
  await expect(page.getByTestId("confirm-email-result")).toHaveAttribute("data-result", "AWAITING");
  await expect(page.getByRole("heading", { name: "Email confirmed" })).toBeVisible();

  // The owner finds the application (recruited by alpha, email confirmed) and approves it.
  await owner.goto(`/admin/partners?q=${applicant.login}`);
  const row = owner.locator(`[data-testid="partner-row"][data-login="${applicant.login}"]`);
  await expect(row).toContainText("alpha");
  await expect(row.getByTestId("partner-email-confirmed")).not.toHaveText("no");
  await row.getByTestId("partner-approve").click();
  await expect(row.getByTestId("partner-status")).toHaveAttribute("data-status", "ACTIVE");
  await owner.context().close();

  // The partner signs in with the mailed password and sees the cabinet.
  await page.goto("/partners/signin");
  await page.getByLabel("Email or login").fill(applicant.login);
  await page.getByLabel("Password").fill(mail.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/partner$/);
  await expect(page.getByRole("heading", { name: `Welcome, ${applicant.name}` })).toBeVisible();
  await expect(page.getByText("Active", { exact: true })).toBeVisible();
});

test("the owner's program settings refuse bad values with field errors and keep what was typed", async ({ page, signIn }) => {
  await signIn(DEMO.owner);
  await page.goto("/admin/partners");
  const form = page.getByTestId("program-settings-form");
  const storedLevels = await form.getByLabel("Levels paid").inputValue();
  await form.getByLabel("Levels paid").fill("9");
  await form.getByLabel("Minimum payout").fill("12,5x");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("program-settings-message")).toHaveText("Check the highlighted fields");
  await expect(page.getByTestId("error-levels")).toBeVisible();
  await expect(page.getByTestId("error-minimumPayoutAmount")).toHaveText("Enter an amount like 1000 or 1000.50");
  await expect(form.getByLabel("Minimum payout")).toHaveValue("12,5x");
  // Nothing was saved.
  await page.reload();
  await expect(page.getByTestId("program-settings-form").getByLabel("Levels paid")).toHaveValue(storedLevels);
});
