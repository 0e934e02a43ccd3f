// The owner's settings in the browser against the demo seed: a new exchange rate becomes the
// current one, the duplicate window changes, a shipping rule is added (and removed), bad input
// gets field errors, and a manager is refused. Each test puts the shop back as it found it, so
// the other specs keep their demo prices.
import { DEMO, expect, test, type DemoAccount } from "./fixtures";

test.describe.configure({ mode: "serial" });

const OWNER = DEMO.owner;
// The demo manager (scripts/seed-demo.ts); the shared fixtures list only the accounts other specs use.
const MANAGER = { kind: "staff", identifier: "manager@lavka.local", password: "lavka-manager" } as unknown as DemoAccount;

test("the owner sets USD→RUB to 32.5 and sees it as the current rate", async ({ page, signIn }) => {
  await signIn(OWNER);
  await page.goto("/admin/settings?tab=currencies");
  const current = page.getByTestId("rate-current-USD-RUB");
  const before = (await current.textContent())?.match(/= ([\d.]+) RUB/)?.[1] ?? "30";

  const form = page.getByTestId("set-rate-form");
  // Bad strings are refused with a field error and change nothing.
  await form.getByLabel("From").selectOption("USD");
  await form.getByLabel("To").selectOption("RUB");
  for (const [bad, message] of [
    ["abc", "Enter a decimal like 30.25"],
    ["-1", "Enter a decimal like 30.25"],
    ["1e5", "Enter a decimal like 30.25"],
    ["0", "The rate must be above zero"],
  ]) {
    await form.getByLabel("Rate", { exact: true }).fill(bad!);
    // Each answer is awaited (the button is enabled again once it is shown): the previous error
    // may read the same, and a late answer re-renders the form with the previous input.
    const answered = page.waitForResponse((response) => response.request().method() === "POST");
    await form.getByRole("button", { name: "Set rate" }).click();
    await answered;
    await expect(form.getByRole("button", { name: "Set rate" })).toBeEnabled();
    await expect(form.getByTestId("error-rate")).toContainText(message!);
    // The refused input stays in the field, next to its error.
    await expect(form.getByLabel("Rate", { exact: true })).toHaveValue(bad!);
    await expect(current).toHaveText(`1 USD = ${before} RUB`);
  }

  await form.getByLabel("From").selectOption("USD");
  await form.getByLabel("To").selectOption("RUB");
  await form.getByLabel("Rate", { exact: true }).fill("32.5");
  await form.getByRole("button", { name: "Set rate" }).click();
  await expect(form.getByTestId("set-rate-message")).toHaveText("Saved");
  await expect(current).toHaveText("1 USD = 32.5 RUB");
  // 1,950.00 RUB / 32.5 = 60.00 USD
  await expect(page.getByTestId("rate-USD-RUB")).toContainText("RUB 1,950.00 ≈ $60.00");

  // Back to the demo rate, as a new row (rates are never edited).
  await form.getByLabel("From").selectOption("USD");
  await form.getByLabel("To").selectOption("RUB");
  await form.getByLabel("Rate", { exact: true }).fill(before);
  await form.getByRole("button", { name: "Set rate" }).click();
  await expect(current).toHaveText(`1 USD = ${before} RUB`);
});

test("the owner changes the duplicate window", async ({ page, signIn }) => {
  await signIn(OWNER);
  await page.goto("/admin/settings");
  const form = page.getByTestId("shop-settings-form");
  const field = form.getByLabel("Duplicate window, hours");
  const before = await field.inputValue();

  await field.fill("-5");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByTestId("error-duplicateWindowHours")).toHaveText("The value is out of the allowed range");

  await page.goto("/admin/settings");
  await form.getByLabel("Duplicate window, hours").fill("48");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByTestId("shop-settings-message")).toHaveText("Saved");
  await page.reload();
  await expect(form.getByLabel("Duplicate window, hours")).toHaveValue("48");

  await form.getByLabel("Duplicate window, hours").fill(before);
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByTestId("shop-settings-message")).toHaveText("Saved");
});

test("the owner adds a shipping rule, and removes it", async ({ page, signIn }) => {
  await signIn(OWNER);
  await page.goto("/admin/settings?tab=shipping");
  const name = `E2E pickup ${Date.now()}`;
  const form = page.getByTestId("shipping-rule-form-new");

  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Method").selectOption("PICKUP_POINT");
  await form.getByLabel("Applies to").selectOption("COUNTRY");
  await form.getByLabel("Country").selectOption("KZ");
  await form.getByLabel("Cost").fill("12.345");
  await form.getByRole("button", { name: "Add rule" }).click();
  await expect(form.getByTestId("error-new-cost")).toHaveText("Enter an amount like 300 or 299.90");

  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Method").selectOption("PICKUP_POINT");
  await form.getByLabel("Applies to").selectOption("COUNTRY");
  await form.getByLabel("Country").selectOption("KZ");
  await form.getByLabel("Cost").fill("1 290,50");
  await form.getByRole("button", { name: "Add rule" }).click();
  await expect(form.getByTestId("shipping-rule-message-new")).toHaveText("Saved");

  const row = page.getByTestId("shipping-rules").locator("details", { hasText: name });
  await expect(row).toContainText("Pickup point");
  await expect(row).toContainText("RUB 1,290.50");
  await expect(row).toContainText("Kazakhstan (KZ)");

  await row.locator("summary").click();
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Delete rule" }).click();
  await expect(page.getByTestId("shipping-rules").locator("details", { hasText: name })).toHaveCount(0);
});

test("a bad phone mask or postcode pattern is refused on the countries tab", async ({ page, signIn }) => {
  await signIn(OWNER);
  await page.goto("/admin/settings?tab=countries");
  const country = page.getByTestId("country-DE");
  await country.locator("summary").click();
  const form = page.getByTestId("country-form-DE");
  await form.getByLabel("Phone mask").fill("+49 AAA");
  await form.getByLabel("Postcode pattern").fill("^(\\d{5}$");
  await form.getByRole("button", { name: "Save country" }).click();
  await expect(form.getByTestId("error-DE-phoneMask")).toHaveText("Use 9 for a digit to type, and only digits, spaces, +, ( ) and -");
  await expect(form.getByTestId("error-DE-postcodePattern")).toHaveText("This regular expression does not compile");
  await page.reload();
  await expect(page.getByTestId("country-DE").locator("summary")).toContainText("+49 999 99999999");
});

test("a manager gets 403 on the settings page", async ({ page, signIn }) => {
  await signIn(MANAGER);
  const response = await page.goto("/admin/settings");
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("shop-settings-form")).toHaveCount(0);
});
