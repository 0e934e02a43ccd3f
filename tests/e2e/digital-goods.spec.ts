// Digital goods in the browser: the owner uploads a file and pastes pin codes in the product
// editor; a COD order of the product reaches PAID on the order page, which shows the code given
// to it; the buyer's "your purchase" mail (captured, read in /admin/mail) links to the download
// page, which lists the file and the code, and the file downloads byte for byte.
// The digital product and the handed-over COD order are written straight into the app's
// database (E2E_DATABASE_URL, as the checkout spec does): the demo seed sells physical goods only.
import { randomBytes, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { DEMO, expect, test, withAppDatabase } from "./fixtures";

test("the owner uploads a file and codes; a paid order gets the mail; the buyer downloads the file", async ({ page, signIn }) => {
  test.setTimeout(120_000);
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const email = `digital-${stamp}@e2e.test`;
  const productName = `E-book ${stamp}`;
  const { productId, orderId } = await withAppDatabase(async (client) => {
    const productId = `e2e-digital-${stamp}`;
    await client.query(`INSERT INTO "Product" (id, slug, name, type, currency, "confirmationMode", "updatedAt") VALUES ($1, $2, $3, 'DIGITAL', 'RUB', 'NONE', now())`, [
      productId,
      `e2e-digital-${stamp}`,
      productName,
    ]);
    const customerId = `e2e-customer-${stamp}`;
    await client.query(`INSERT INTO "Customer" (id, name, email, "emailNormalized", "updatedAt") VALUES ($1, 'E2E Reader', $2, $2, now())`, [customerId, email]);
    const orderId = `e2e-order-${stamp}`;
    await client.query(
      `INSERT INTO "Order" (id, "publicId", status, "paymentMethod", "paymentStatus", "customerId", "productId", "customerName", email, "emailNormalized", locale, region, country, currency, "itemsTotal", total, "updatedAt")
       VALUES ($1, $2, 'HANDED', 'COD', 'UNPAID', $3, $4, 'E2E Reader', $5, $5, 'en', 'RU', 'RU', 'RUB', 99000, 99000, now())`,
      [orderId, randomUUID(), customerId, productId, email],
    );
    await client.query(`INSERT INTO "OrderItem" (id, "orderId", "productId", "productName", quantity, "unitPrice", total) VALUES ($1, $2, $3, $4, 1, 99000, 99000)`, [
      `e2e-item-${stamp}`,
      orderId,
      productId,
      productName,
    ]);
    return { productId, orderId };
  });

  await signIn(DEMO.owner);

  // The product editor: upload the file, paste two codes.
  await page.goto(`/admin/products/${productId}#files`);
  const content = randomBytes(200_000);
  const fileName = `Guide «${stamp}».pdf`;
  await page.getByLabel("File to upload").setInputFiles({ name: fileName, mimeType: "application/pdf", buffer: content });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByTestId("digital-files-result")).toHaveText(`The file ${fileName} is uploaded.`);
  const row = page.getByTestId("digital-file");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(fileName);
  await expect(row).toContainText("application/pdf");
  await expect(row).toContainText("195.3 kB");

  await page.getByLabel("Paste codes, one per line").fill(`KEY-${stamp}-1\nKEY-${stamp}-2`);
  await page.getByRole("button", { name: "Add codes" }).click();
  await expect(page.getByTestId("pin-codes-result")).toHaveText("Added 2, skipped 0 repeated. Unused codes: 2.");

  // The COD money arrives: the order becomes PAID and the goods are delivered at once.
  await page.goto(`/admin/orders/${orderId}`);
  const statusForm = page.getByTestId("status-form");
  await statusForm.getByLabel("New status").selectOption({ label: "Paid" });
  await statusForm.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  await expect(page.getByTestId("digital-codes")).toContainText(`KEY-${stamp}-1`);
  await expect(page.getByTestId("digital-delivery")).toContainText("0 of 10 downloads used");

  // The buyer's mail, as the worker sent it.
  await page.goto(`/admin/mail?to=${encodeURIComponent(email)}`);
  const mailLink = page.getByRole("link", { name: /Your purchase: order #/ });
  await expect(async () => {
    await page.reload();
    await expect(mailLink.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 45_000 });
  await mailLink.first().click();
  expect(await page.locator("pre").textContent()).toContain(`KEY-${stamp}-1`);
  const button = page.frameLocator("iframe[title='HTML']").getByRole("link", { name: "Download my purchase" });
  await expect(button).toBeVisible();
  const downloadUrl = await button.getAttribute("href");
  expect(downloadUrl).toMatch(/\/order\/download\/[A-Za-z0-9_-]{43}$/);

  // The download page, as the buyer opens it.
  await page.goto(new URL(downloadUrl!).pathname);
  await expect(page.getByTestId("download-state")).toHaveAttribute("data-state", "VALID");
  await expect(page.getByTestId("download-codes")).toHaveText(`KEY-${stamp}-1`);
  await expect(page.getByTestId("downloads-left")).toContainText("Downloads left: 10 of 10");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download" }).click()]);
  expect(download.suggestedFilename()).toBe(fileName);
  expect((await readFile(await download.path())).equals(content)).toBe(true);

  await page.reload();
  await expect(page.getByTestId("downloads-left")).toContainText("Downloads left: 9 of 10");
  // A forged link is the not-found page.
  expect((await page.goto(`/order/download/${"A".repeat(43)}`))?.status()).toBe(404);
});
