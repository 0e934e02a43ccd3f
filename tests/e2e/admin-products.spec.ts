// The products section in the browser against the demo seed: the owner sees the three demo
// products with their prices, copies Casio G-SHOCK, gives the copy its own Russian price, switches
// it on and finds that price on the copy's order page; bad input is refused with field errors; an
// operator has no Products link and gets 403.
import { DEMO, expect, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

test("the owner copies a product, re-prices the copy and puts it on sale", async ({ page, signIn }) => {
  await signIn(DEMO.owner);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Products" }).first().click();
  await expect(page).toHaveURL(/\/admin\/products$/);

  const table = page.getByTestId("products-table");
  const casio = table.locator('[data-testid="product-row"][data-product-slug="casio-g-shock"]');
  await expect(casio.getByTestId("product-price")).toHaveText("RUB 1,950.00");
  await expect(table.locator('[data-product-slug="diesel-predator-led"]').getByTestId("product-price")).toHaveText("RUB 1,290.00");
  await expect(table.locator('[data-product-slug="rolex-daytona-mechanical"]').getByTestId("product-price")).toHaveText("RUB 2,450.00");
  // Converted at the demo rate of 30 RUB per USD.
  await expect(casio).toContainText("$65.00");
  await expect(casio.getByTestId("order-page-link")).toHaveAttribute("href", "/checkout/casio-g-shock");
  await expect(casio.getByTestId("order-page-link")).toHaveAttribute("target", "_blank");

  await casio.getByRole("button", { name: "Copy product Casio G-SHOCK" }).click();
  await expect(page).toHaveURL(/\/admin\/products\/[^/?]+\?copied=1$/);
  const form = page.getByTestId("product-form");
  const slug = await form.getByLabel(/^Slug/).inputValue();
  expect(slug).toMatch(/^casio-g-shock-copy(-\d+)?$/);
  const toggle = page.getByRole("switch", { name: /Checkout page of Casio G-SHOCK/ });
  await expect(toggle).toHaveAttribute("aria-checked", "false");

  // A refused save keeps what was typed and names the field.
  const price = form.getByLabel("Price (Russia)");
  await price.fill("21,00.5x");
  await form.getByTestId("save-product").click();
  await expect(form.getByTestId("product-form-result")).toHaveText("Check the highlighted fields");
  await expect(form.getByText("Enter an amount like 1290 or 1290.50")).toBeVisible();
  await expect(price).toHaveValue("21,00.5x");

  await price.fill("2100.00");
  await form.getByTestId("save-product").click();
  await expect(form.getByTestId("product-form-result")).toHaveText("Saved");

  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "true");

  await page.goto("/admin/products");
  const copyRow = page.locator(`[data-testid="product-row"][data-product-slug="${slug}"]`);
  await expect(copyRow.getByTestId("product-price")).toHaveText("RUB 2,100.00");
  await expect(copyRow.getByRole("switch")).toHaveAttribute("aria-checked", "true");

  // The Russian price: the browser speaks en-US, so the country is chosen as a shopper would.
  await page.goto(`/checkout/${slug}?country=RU`);
  await expect(page.getByTestId("checkout-price")).toHaveText(/^(RUB\s2,100\.00|2\s100,00\s₽)$/);
});

test("the form constructor refuses duplicate keys and saves a custom field", async ({ page, signIn }) => {
  await signIn(DEMO.owner);
  await page.goto("/admin/products");
  await page.locator('[data-testid="product-row"][data-product-slug="diesel-predator-led"]').getByTestId("edit-product").click();
  const editor = page.getByTestId("form-fields-editor");
  await expect(editor.getByTestId("form-field-row").first()).toBeVisible();
  // Start from the default form, whatever an earlier run left.
  await editor.getByRole("button", { name: "Reset to the default form" }).click();
  await expect(editor.getByTestId("form-fields-result")).toHaveText("The default form is used again");

  await editor.getByLabel("Field", { exact: true }).selectOption({ label: "Custom field" });
  await editor.getByRole("button", { name: "Add field" }).click();
  const custom = editor.getByTestId("form-field-row").last();
  await custom.getByLabel("Key").fill("phone");
  await custom.getByLabel("Label").fill("Strap size");
  await editor.getByRole("button", { name: "Save form" }).click();
  await expect(editor.getByText("Another field has this key")).toBeVisible();

  await custom.getByLabel("Key").fill("strapSize");
  await editor.getByRole("button", { name: "Save form" }).click();
  await expect(editor.getByTestId("form-fields-result")).toHaveText("Form saved");
  await expect(editor.locator('[data-testid="form-field-row"][data-key="strapSize"]')).toBeVisible();

  await editor.getByRole("button", { name: "Reset to the default form" }).click();
  await expect(editor.getByTestId("form-fields-result")).toHaveText("The default form is used again");
  await expect(editor.locator('[data-testid="form-field-row"][data-key="strapSize"]')).toHaveCount(0);
});

test("the owner creates a digital product with pin codes and its own mail text", async ({ page, signIn }) => {
  await signIn(DEMO.owner);
  await page.goto("/admin/products");
  await page.getByTestId("new-product").click();
  const form = page.getByTestId("product-form");
  const slug = `e2e-key-${Date.now()}`;
  await form.getByLabel("Name", { exact: true }).fill("Antivirus key");
  await form.getByLabel(/^Slug/).fill("Not a slug");
  await form.getByLabel("Type").selectOption({ label: "Digital" });
  await form.getByLabel("Price (Russia)").fill("990");
  await form.getByLabel("Track stock").uncheck();
  await form.getByTestId("save-product").click();
  await expect(form.getByText("Use lowercase Latin letters, digits and single dashes")).toBeVisible();

  await form.getByLabel(/^Slug/).fill(slug);
  await form.getByTestId("save-product").click();
  await expect(page).toHaveURL(/\/admin\/products\/[^/?]+\?created=1$/);
  await expect(page.getByLabel("Price (Russia)")).toHaveValue("990.00");

  const codes = page.locator("#pins");
  await codes.getByLabel("Paste codes, one per line").fill("AV-0001\nAV-0002\nAV-0001\n\nAV-0003");
  await codes.getByRole("button", { name: "Add codes" }).click();
  await expect(codes.getByTestId("pin-codes-result")).toHaveText("Added 3, skipped 1 repeated. Unused codes: 3.");
  await expect(codes.getByTestId("pin-codes-remaining")).toHaveAttribute("data-count", "3");

  const mails = page.getByTestId("email-texts-form");
  await mails.getByRole("group", { name: "Order accepted · English" }).getByLabel("Text").fill("Your key arrives in this mail.");
  await mails.getByRole("button", { name: "Save email texts" }).click();
  await expect(mails.getByTestId("email-texts-result")).toHaveText("Email texts saved");
});

test("an operator gets no Products link and a 403", async ({ page, signIn }) => {
  await signIn(DEMO.operator);
  await page.goto("/admin");
  await expect(page.getByRole("navigation", { name: "Admin" }).first().getByRole("link", { name: "Orders" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Products" })).toHaveCount(0);
  const response = await page.goto("/admin/products");
  expect(response?.status()).toBe(403);
});
