// Mailings end to end: an employee writes a mailing to a tag, sees its audience, starts it and
// watches the progress bar finish without reloading; the worker sends it (captured mail); the
// customer opens the unsubscribe link from the captured mail and confirms; the next mailing to
// the same tag skips them. A forged link says so and changes nothing.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { DEMO, expect, test, withAppDatabase } from "./fixtures";

const run = randomUUID().slice(0, 8);
const tag = `e2e-mailing-${run}`;
const leaving = `leaving-${run}@e2e-mailings.test`;
const staying = `staying-${run}@e2e-mailings.test`;

test.beforeAll(async () => {
  await withAppDatabase(async (client) => {
    for (const [index, email] of [leaving, staying].entries()) {
      await client.query(`INSERT INTO "Customer" (id, name, email, "emailNormalized", locale, tags, "updatedAt") VALUES ($1, $2, $3, $3, 'ru', ARRAY[$4], now())`, [
        `e2e-mail-${run}-${index}`,
        `Покупатель ${index}`,
        email,
        tag,
      ]);
    }
  });
});

async function sendMailing(page: Page, name: string, expected: number) {
  await page.goto("/admin/mailings/new");
  await page.getByTestId("mailing-name").fill(name);
  await page.getByTestId("mailing-tag").fill(tag);
  await page.getByTestId("mailing-subject").fill(`Новости ${run}`);
  await page.getByTestId("mailing-body").fill("## Новинки\n\nЗагляните в **магазин**.");
  await page.getByTestId("mailing-save").click();
  await expect(page).toHaveURL(/\/admin\/mailings\/[A-Za-z0-9_-]+$/);
  await expect(page.getByTestId("mailing-audience-count")).toContainText(String(expected));
  await expect(page.getByTestId("mailing-preview")).toContainText(`Новости ${run}`);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByTestId("mailing-start").click();
  // The bar follows the worker without a reload, and the page turns to the finished mailing.
  await expect(page.getByTestId("mailing-progress")).toHaveAttribute("data-status", "SENT", { timeout: 60_000 });
  await expect(page.getByTestId("mailing-sent")).toHaveText(String(expected));
  return page.url().split("/").at(-1)!;
}

test("a customer unsubscribes by the link of a captured mailing and the next mailing skips them", async ({ page, signIn }) => {
  test.setTimeout(150_000);
  await signIn(DEMO.owner);
  const first = await sendMailing(page, `Первая ${run}`, 2);

  // The mail as captured: its unsubscribe link (APP_URL may name another host than this run's).
  const text = await withAppDatabase(async (client) => {
    const { rows } = await client.query<{ text: string }>(`SELECT text FROM "MailMessage" WHERE "toAddress" = $1 AND "idempotencyKey" LIKE $2`, [leaving, `mailing:${first}:%`]);
    return rows[0]?.text ?? "";
  });
  const link = /https?:\/\/[^\s\]]+\/unsubscribe\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(text);
  expect(link, "unsubscribe link in the captured mail").not.toBeNull();
  const token = link![1]!;

  // A forged link: a clear message and no button.
  await page.context().clearCookies();
  await page.goto(`/unsubscribe/${token.slice(0, -2)}xx`);
  await expect(page.getByTestId("unsubscribe-invalid")).toBeVisible();
  await expect(page.getByTestId("unsubscribe-confirm")).toHaveCount(0);

  // The customer, signed out: opening the link changes nothing until they confirm.
  await page.goto(`/unsubscribe/${token}`);
  await expect(page.getByTestId("unsubscribe-confirm")).toBeVisible();
  expect(await withAppDatabase(async (client) => (await client.query(`SELECT 1 FROM "Unsubscribe" WHERE email = $1`, [leaving])).rowCount)).toBe(0);
  await page.getByTestId("unsubscribe-confirm").click();
  await expect(page.getByTestId("unsubscribe-done")).toBeVisible();

  // The next mailing to the same tag: only the customer who stayed.
  await signIn(DEMO.owner);
  const second = await sendMailing(page, `Вторая ${run}`, 1);
  const recipients = await withAppDatabase(async (client) => {
    const { rows } = await client.query<{ toAddress: string }>(`SELECT "toAddress" FROM "MailMessage" WHERE "idempotencyKey" LIKE $1`, [`mailing:${second}:%`]);
    return rows.map((row) => row.toAddress);
  });
  expect(recipients).toEqual([staying]);
  await page.goto("/admin/mailings");
  const row = page
    .getByTestId("mailings-table")
    .getByRole("row")
    .filter({ hasText: `Первая ${run}` });
  // Recipients, sent, failed, unsubscribed.
  await expect(row.getByRole("cell").nth(2)).toHaveText("2");
  await expect(row.getByRole("cell").nth(3)).toHaveText("2");
  await expect(row.getByRole("cell").nth(5)).toHaveText("1");
});
