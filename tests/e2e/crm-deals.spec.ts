// Deals in the browser against the fresh demo seed: the table shows the seed's 21 deals and their
// 13 243 000 ₽ total (ru and en); the owner drags a deal across the kanban with the mouse and
// moves another with the keyboard, sees the columns' counts and sums change, and finds both moves
// kept after a reload; a drop on "lost" asks for the reason and a cancel puts the card back;
// the deal history report lists the moves; operators and accountants are refused.
import type { Locator, Page } from "@playwright/test";
import { DEMO, expect, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const FIRST = "Первичный контакт";
const TALKS = "Активные переговоры";
const LOST = "Закрыто и не реализовано";

const column = (page: Page, name: string) => page.locator(`[data-testid="deal-column"][data-stage-name="${name}"]`);
const card = (scope: Page | Locator, title: string) =>
  scope.getByTestId("deal-card").filter({ has: ("page" in scope ? scope.page() : scope).getByRole("link", { name: title, exact: true }) });
/** Digits of the column's sum ("RUB 4,900,000.00" → "490000000"). */
const sumOf = async (page: Page, name: string) => (await column(page, name).getByTestId("column-sum").innerText()).replace(/\D/g, "");

async function expectColumn(page: Page, name: string, count: number, rubles: number) {
  await expect(column(page, name).getByTestId("column-count")).toHaveText(String(count));
  await expect.poll(() => sumOf(page, name)).toBe(`${rubles}00`);
}

async function dragWithMouse(page: Page, source: Locator, target: Locator) {
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  // Past the sensor's 6 px activation distance, then over the target in steps (dnd-kit follows pointer moves).
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 4, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 40, { steps: 20 });
  await page.mouse.move(to.x + to.width / 2, to.y + 44, { steps: 4 });
  await page.mouse.up();
}

test("the table view shows the seed's 21 deals and their 13 243 000 ₽ total", async ({ page, signIn, context, baseURL }) => {
  await signIn(DEMO.owner);
  await page.goto("/admin/deals?view=table");
  await expect(page.getByTestId("deal-row")).toHaveCount(21);
  await expect(page.getByTestId("deals-shown")).toHaveText("Shown 21 of 21");
  await expect(page.getByTestId("deals-total")).toHaveText("Total: RUB 13,243,000.00");
  // The seed's first row.
  await expect(page.getByTestId("deal-row").first()).toContainText("Аудит");
  await expect(page.getByTestId("deal-row").first()).toContainText("RetailGroup");

  await context.addCookies([{ name: "lavka_locale", value: "ru", url: baseURL! }]);
  await page.reload();
  await expect(page.getByTestId("deals-shown")).toHaveText("Выведено 21 из 21");
  await expect(page.getByTestId("deals-total")).toHaveText(/^Итого: 13\s243\s000,00\s₽$/);

  // A search narrows the rows and the total.
  await page.getByRole("searchbox", { name: "Сделка или клиент" }).fill("Автопром");
  await page.getByRole("button", { name: "Показать" }).click();
  await expect(page.getByTestId("deals-shown")).toHaveText("Выведено 2 из 2");
  await expect(page.getByTestId("deals-total")).toHaveText(/^Итого: 1\s620\s000,00\s₽$/);
});

test("the owner drags a deal with the mouse and moves one with the keyboard; counts and sums follow and stay after a reload", async ({ page, signIn }) => {
  await signIn(DEMO.owner);
  await page.goto("/admin/deals");
  await expectColumn(page, FIRST, 9, 4_900_000);
  await expectColumn(page, TALKS, 5, 3_325_000);

  // Mouse: «Аудит» (100 000 ₽) to «Активные переговоры».
  await dragWithMouse(page, card(page, "Аудит"), column(page, TALKS));
  await expect(card(column(page, TALKS), "Аудит")).toBeVisible();
  await expectColumn(page, FIRST, 8, 4_800_000);
  await expectColumn(page, TALKS, 6, 3_425_000);
  await expect(page.getByText("Saving the move…")).toHaveCount(0);

  // Keyboard: «Тех. поддержка» (100 000 ₽) one column to the right.
  const keyboardCard = card(page, "Тех. поддержка");
  await keyboardCard.focus();
  await page.keyboard.press("Space");
  // dnd-kit measures the columns on the next frames: give each key its turn, as a person would.
  await page.waitForTimeout(300);
  await page.keyboard.press("ArrowRight");
  await expect(card(column(page, TALKS), "Тех. поддержка")).toBeVisible();
  await page.waitForTimeout(300);
  await page.keyboard.press("Space");
  await expect(card(column(page, TALKS), "Тех. поддержка")).toBeVisible();
  await expectColumn(page, FIRST, 7, 4_700_000);
  await expectColumn(page, TALKS, 7, 3_525_000);
  await expect(page.getByText("Saving the move…")).toHaveCount(0);

  await page.reload();
  await expect(card(column(page, TALKS), "Аудит")).toBeVisible();
  await expect(card(column(page, TALKS), "Тех. поддержка")).toBeVisible();
  await expectColumn(page, FIRST, 7, 4_700_000);
  await expectColumn(page, TALKS, 7, 3_525_000);

  // The deal's card shows the move in its history.
  await card(page, "Аудит").getByRole("link", { name: "Аудит", exact: true }).click();
  await expect(page.getByTestId("deal-history")).toContainText(`${FIRST} → ${TALKS}`);
});

test("a drop on the lost column asks for the reason; cancelling puts the card back", async ({ page, signIn }) => {
  // Wide enough for every column of the board to be on screen at once.
  await page.setViewportSize({ width: 2200, height: 1000 });
  await signIn(DEMO.owner);
  await page.goto("/admin/deals");
  await dragWithMouse(page, card(page, "Корп сайт банка"), column(page, LOST));
  const dialog = page.getByRole("dialog", { name: "Why was the deal lost?" });
  await expect(dialog).toBeVisible();
  await expectColumn(page, LOST, 1, 1_250_000);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(card(column(page, TALKS), "Корп сайт банка")).toBeVisible();
  await expect(column(page, LOST).getByTestId("column-count")).toHaveText("0");

  await dragWithMouse(page, card(page, "Корп сайт банка"), column(page, LOST));
  await dialog.getByRole("textbox", { name: "Loss reason" }).fill("Chose another contractor");
  // The button is enabled by the reason the dialog holds: were the dialog mounted anew, it would be empty.
  await expect(dialog.getByRole("textbox", { name: "Loss reason" })).toHaveValue("Chose another contractor");
  await expect(dialog.getByRole("button", { name: "Mark as lost" })).toBeEnabled();
  await dialog.getByRole("button", { name: "Mark as lost" }).click();
  await expect(page.getByText("Saving the move…")).toHaveCount(0);
  await page.reload();
  await expect(card(column(page, LOST), "Корп сайт банка")).toBeVisible();

  await page.goto("/admin/crm-reports/deals?period=7d");
  await expect(page.getByTestId("deal-report-reasons")).toContainText("Chose another contractor");
  await expect(page.getByTestId("deal-report-changes")).toContainText("Аудит");
});

test("operators and accountants are refused the deals pages, the report and its CSV", async ({ page, signIn }) => {
  for (const account of [DEMO.operator, DEMO.accountant]) {
    await page.context().clearCookies();
    await signIn(account);
    for (const path of ["/admin/deals", "/admin/deals/new", "/admin/deals/pipelines", "/admin/crm-reports/deals"]) {
      const response = await page.goto(path);
      expect(response?.status(), `${account.identifier} ${path}`).toBe(403);
    }
    expect((await page.request.get("/api/admin/crm-reports/deals")).status()).toBe(403);
  }
});
