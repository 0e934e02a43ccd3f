// The owner's side of an order, in the browser against the demo seed: the list with its tabs, the
// demo order of Иван Петров moved to PAID step by step, the dashboard following, refusals of
// illegal and forbidden moves (the option is absent, and the server refuses a forged one), the
// bulk action and the CSV export. Numbers are compared before/after, never as absolute counts.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { DEMO, expect, signInThroughApi, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const DASHBOARD = "/admin?period=30d";

async function readDashboard(page: Page) {
  await page.goto(DASHBOARD);
  const value = async (testId: string, attribute = "data-value") => Number((await page.getByTestId(testId).getAttribute(attribute)) ?? "0");
  const paidRub = page.getByTestId("paid-sum-RUB");
  return {
    orders: await value("stat-orders"),
    confirmed: await value("stat-orders", "data-confirmed"),
    codUnconfirmed: await value("stat-codUnconfirmed"),
    codConfirmedUnpaid: await value("stat-codConfirmedUnpaid"),
    codConfirmedPaid: await value("stat-codConfirmedPaid"),
    shipped: await value("stat-buyout-rate", "data-shipped"),
    shippedAndPaid: await value("stat-buyout-rate", "data-paid"),
    paidRub: (await paidRub.count()) ? Number(await paidRub.getAttribute("data-amount-minor")) : 0,
  };
}

/** Picks a status in the order page's form and submits it; waits for the server's answer. */
async function moveTo(page: Page, status: string, options: { tracking?: string; reason?: string } = {}) {
  const form = page.getByTestId("status-form");
  await form.getByLabel("New status").selectOption({ label: status });
  if (options.tracking !== undefined) await form.getByLabel("Tracking number").fill(options.tracking);
  if (options.reason) await form.getByLabel("Reason or comment").fill(options.reason);
  await form.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByTestId("order-status")).toHaveText(status);
}

/** Adds an option the page did not offer and submits it: what a forged request would do. */
async function forceMove(page: Page, value: string) {
  const select = page.getByTestId("status-form").getByLabel("New status");
  await select.evaluate((element, forced) => {
    const option = document.createElement("option");
    option.value = forced;
    option.textContent = `forced ${forced}`;
    element.appendChild(option);
  }, value);
  await select.selectOption(value);
  await page.getByTestId("status-form").getByRole("button", { name: "Change status" }).click();
}

test("the owner moves the demo order to PAID and the dashboard follows", async ({ page, signIn }) => {
  await signIn(DEMO.owner);
  const before = await readDashboard(page);

  await page.goto("/admin/orders");
  await page
    .getByTestId("status-tabs")
    .getByRole("link", { name: /^Unconfirmed/ })
    .click();
  await expect(page).toHaveURL(/tab=UNCONFIRMED/);
  const rows = page.getByTestId("order-row");
  await expect(rows.first()).toBeVisible();
  for (const badge of await rows.locator("[data-status]").all()) await expect(badge).toHaveAttribute("data-status", "UNCONFIRMED");
  await rows.filter({ hasText: "Иван Петров" }).getByRole("link", { name: "Иван Петров" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Order #\d+$/);
  await expect(page.getByTestId("order-status")).toHaveText("Unconfirmed");
  await expect(page.getByTestId("customer-name")).toHaveText("Иван Петров");
  await expect(page.getByTestId("order-total")).toHaveText("RUB 2,250.00");

  // From UNCONFIRMED the form offers only the legal moves.
  const options = await page.getByTestId("status-form").getByLabel("New status").locator("option:not([disabled])").allTextContents();
  expect(options.sort()).toEqual(["Cancelled", "Confirmed", "Duplicate", "Spam"]);

  // An illegal move forged into the form is refused by the server, and nothing changes.
  await forceMove(page, "PAID");
  await expect(page.getByTestId("status-result")).toHaveText("This move is not allowed: “Unconfirmed” → “Paid”.");
  await page.reload();
  await expect(page.getByTestId("order-status")).toHaveText("Unconfirmed");

  await moveTo(page, "Confirmed", { reason: "Подтвердил по телефону" });
  await expect(page.getByTestId("status-result")).toHaveText("Status changed: Unconfirmed → Confirmed.");
  await moveTo(page, "Shipped", { tracking: "80100000000997" });
  await expect(page.locator("#tracking-number")).toHaveValue("80100000000997");
  await moveTo(page, "At pickup point");
  await moveTo(page, "Handed");
  await moveTo(page, "Paid");
  await expect(page.getByTestId("no-moves")).toBeVisible();
  await expect(page.getByTestId("payment-status")).toHaveText("Paid");
  // Shipped orders are no longer edited.
  await expect(page.getByTestId("order-edit")).toHaveCount(0);
  await expect(page.getByTestId("notes-form")).toHaveCount(0);

  const history = page.getByTestId("history-entry");
  await expect(history).toHaveCount(6);
  const steps = [
    ["", "UNCONFIRMED"],
    ["UNCONFIRMED", "CONFIRMED"],
    ["CONFIRMED", "SHIPPED"],
    ["SHIPPED", "DELIVERED"],
    ["DELIVERED", "HANDED"],
    ["HANDED", "PAID"],
  ];
  // Newest first on the page.
  for (const [index, [from, to]] of [...steps].reverse().entries()) {
    const entry = history.nth(index);
    await expect(entry).toHaveAttribute("data-from", from!);
    await expect(entry).toHaveAttribute("data-to", to!);
    if (from) await expect(entry).toContainText("Анна Владелец");
  }
  await expect(history.filter({ hasText: "Подтвердил по телефону" })).toHaveAttribute("data-to", "CONFIRMED");

  const after = await readDashboard(page);
  expect(after.orders).toBe(before.orders);
  expect(after.confirmed).toBe(before.confirmed + 1);
  expect(after.codUnconfirmed).toBe(before.codUnconfirmed - 1);
  expect(after.codConfirmedUnpaid).toBe(before.codConfirmedUnpaid);
  expect(after.codConfirmedPaid).toBe(before.codConfirmedPaid + 1);
  expect(after.shipped).toBe(before.shipped + 1);
  expect(after.shippedAndPaid).toBe(before.shippedAndPaid + 1);
  expect(after.paidRub).toBe(before.paidRub + 225000); // + 2,250.00 RUB
});

test("an operator cannot ship: the option is absent and the server refuses it", async ({ page, signIn }) => {
  await signIn(DEMO.operator);
  await page.goto("/admin/orders?tab=CONFIRMED");
  await page.getByTestId("order-row").filter({ hasText: "Мария Смирнова" }).getByRole("link", { name: "Мария Смирнова" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Confirmed");

  const options = await page.getByTestId("status-form").getByLabel("New status").locator("option:not([disabled])").allTextContents();
  expect(options).not.toContain("Shipped");
  expect(options.sort()).toEqual(["Cancelled", "Duplicate", "Spam"]);
  // Tracking numbers are logistics' business: the operator sees the number, without a form.
  await expect(page.getByTestId("tracking-form")).toHaveCount(0);

  await forceMove(page, "SHIPPED");
  await expect(page.getByTestId("status-result")).toHaveText("Your role may not move an order from “Confirmed” to “Shipped”.");
  await page.reload();
  await expect(page.getByTestId("order-status")).toHaveText("Confirmed");
});

test("the owner edits an order before shipping: quantities, address and notes", async ({ page, signIn }) => {
  await signIn(DEMO.owner);
  await page.goto("/admin/orders?tab=CONFIRMED");
  await page.getByTestId("order-row").filter({ hasText: "Мария Смирнова" }).getByRole("link", { name: "Мария Смирнова" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Confirmed");

  await page.getByTestId("order-edit").locator("summary").click();
  const form = page.getByTestId("order-edit-form");
  await form.getByLabel(/^Quantity of DIESEL/).fill("3");
  await form.getByLabel("City").fill("Казань, Вахитовский район");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("edit-result")).toHaveText("Order updated; totals recomputed.");
  await expect(page.getByTestId("order-items").locator("tbody tr").first()).toContainText("RUB 3,870.00"); // 3 × 1,290.00 RUB
  await expect(page.getByTestId("order-address")).toContainText("Казань, Вахитовский район");

  // Bad input is refused with a message on the field, and nothing is saved.
  await expect(page.getByTestId("order-edit")).toHaveAttribute("open", "");
  await form.getByLabel("Phone").fill("12");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("edit-result")).toHaveText("Check the highlighted fields.");
  await expect(form.getByText("Enter a valid phone number")).toBeVisible();

  const notes = page.getByTestId("notes-form");
  await notes.getByLabel("Internal notes").fill("Позвонить перед доставкой");
  await notes.getByRole("button", { name: "Save notes" }).click();
  await expect(notes.getByRole("status")).toHaveText("Notes saved.");
  await page.reload();
  await expect(page.getByTestId("notes-form").getByLabel("Internal notes")).toHaveValue("Позвонить перед доставкой");
  await expect(page.getByTestId("history-entry").first()).toContainText("Order edited: notes");
  await expect(page.getByTestId("history-entry").nth(1)).toContainText("Order edited: address, items");
  await expect(page.getByTestId("order-status")).toHaveText("Confirmed");
});

test("a bulk status change reports each order it could not move", async ({ page, signIn }) => {
  await signIn(DEMO.owner);
  await page.goto("/admin/orders");
  const rows = page.getByTestId("order-row");
  const paid = rows.filter({ hasText: "Иван Петров" });
  const delivered = rows.filter({ hasText: "Елена Попова" });
  const paidNumber = await paid.getAttribute("data-order-number");
  await paid.getByRole("checkbox").check();
  await delivered.getByRole("checkbox").check();
  await expect(page.getByTestId("bulk-selected")).toHaveText("2 orders selected");
  await page.getByTestId("bulk-status-form").getByLabel("Move to status").selectOption({ label: "Handed" });
  await page.getByTestId("bulk-status-form").getByRole("button", { name: "Change status" }).click();

  const result = page.getByTestId("bulk-result");
  await expect(result).toContainText("1 order of 2 moved to “Handed”.");
  await expect(result).toContainText(`Order #${paidNumber}: This move is not allowed: “Paid” → “Handed”.`);
  await expect(delivered.locator("[data-status]")).toHaveAttribute("data-status", "HANDED");
  await expect(paid.locator("[data-status]")).toHaveAttribute("data-status", "PAID");
});

test("the CSV export downloads the filtered orders with a header row", async ({ page, signIn }) => {
  await signIn(DEMO.owner);
  await page.goto(`/admin/orders?q=${encodeURIComponent("Петров")}`);
  const row = page.getByTestId("order-row").filter({ hasText: "Иван Петров" });
  const number = await row.getAttribute("data-order-number");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const lines = text.split("\r\n").filter(Boolean);
  expect(lines[0]).toMatch(/^Order,Date,Status,Payment method,Payment status,Customer,Phone,Email,/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(new RegExp(`^${number},\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},PAID,COD,PAID,Иван Петров,'\\+79161234501,`));
  expect(lines[1]).toContain(",RUB,1950.00,0.00,300.00,2250.00,alpha,vk,");
});

test("order routes check the role and the input on the server", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get("/api/admin/orders/export")).status()).toBe(401);
  await anonymous.dispose();

  const accountant = await playwright.request.newContext({ baseURL });
  await signInThroughApi(accountant, DEMO.accountant);
  expect((await accountant.get("/api/admin/orders")).status()).toBe(403);
  expect((await accountant.get("/api/admin/orders/export")).status()).toBe(403);
  await accountant.dispose();

  const operator = await playwright.request.newContext({ baseURL });
  await signInThroughApi(operator, DEMO.operator);
  const list = await operator.get("/api/admin/orders?tab=UNCONFIRMED&limit=5");
  expect(list.status()).toBe(200);
  const body = await list.json();
  expect(body.items.every((order: { status: string }) => order.status === "UNCONFIRMED")).toBe(true);
  expect(body.counts.all).toBeGreaterThan(0);
  const invalid = await operator.get("/api/admin/orders/export?status=LOST");
  expect(invalid.status()).toBe(422);
  expect(Object.keys((await invalid.json()).error.fieldErrors)).toEqual(["status.0"]);
  expect((await operator.get("/api/admin/orders?cursor=garbage")).status()).toBe(422);
  await operator.dispose();
});
