// Interactions and tasks in the browser against the demo seed: the owner finds a customer, logs a
// call with a next step, sees the task in /admin/tasks and on the dashboard, completes it with a
// result and sees it done on the timeline; the worker mails the reminder once; an operator logs a
// call on an order; the contacts report counts the calls (CSV too); logistics and accounting are
// refused everywhere.
import { expect, test, signInThroughApi, withAppDatabase, DEMO, type DemoAccount } from "./fixtures";

test.describe.configure({ mode: "serial" });

const LOGISTICS = { kind: "staff", identifier: "logistics@lavka.local", password: "lavka-logistics" } as unknown as DemoAccount;
const run = Date.now().toString(36);
const NEXT_STEP = `Call back about the delivery ${run}`;

/** A `datetime-local` value on the Moscow clock, `minutes` from now. */
function moscowLocal(minutes: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .formatToParts(new Date(Date.now() + minutes * 60_000))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The demo order of Иван Петров (phone +7 916 123-45-01) and his card. */
async function ivan() {
  return withAppDatabase(async (client) => {
    const { rows } = await client.query<{ orderId: string; customerId: string }>(
      `SELECT o.id AS "orderId", o."customerId" FROM "Order" o JOIN "Customer" c ON c.id = o."customerId" WHERE c."phoneNormalized" = '+79161234501' ORDER BY o."createdAt" LIMIT 1`,
    );
    if (!rows[0]) throw new Error("the demo seed has no order of Иван Петров");
    return rows[0];
  });
}

let taskId = "";

test("the owner finds a customer by phone, logs a call with a next step, finds the task in /admin/tasks and on the dashboard, completes it", async ({ page, signIn }) => {
  await signIn(DEMO.owner);
  const { customerId } = await ivan();

  // Find the customer by phone, as typed from a caller ID, and open the card.
  await page.goto("/admin/customers");
  await page.getByTestId("customer-search").fill("+7 916 123-45-01");
  await page.getByTestId("customer-search-submit").click();
  const rows = page.getByTestId("customer-row");
  await expect(rows).toHaveCount(1);
  await rows.getByRole("link", { name: "Иван Петров" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/customers/${customerId}$`));

  const panel = page.getByTestId("interactions-panel");
  await panel.getByTestId("log-interaction").locator("summary").click();
  const form = panel.getByTestId("log-interaction-form");
  await form.getByLabel("Type").selectOption({ label: "Call" });
  await form.getByLabel("Result", { exact: true }).fill("Confirmed the address");
  // A due time without the step's text is refused, and nothing is written.
  await form.getByLabel("By when").fill(moscowLocal(-10));
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByTestId("error-nextStep")).toHaveText("Say what the next step is.");
  await expect(panel.getByTestId("interaction-item")).toHaveCount(0);

  await form.getByLabel("What to do next").fill(NEXT_STEP);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByTestId("log-interaction-message")).toHaveText("The interaction is saved and the next step is a task now.");
  const item = panel.getByTestId("interaction-item").first();
  await expect(item.getByTestId("interaction-result")).toContainText("Confirmed the address");
  await expect(item.getByTestId("interaction-task")).toHaveAttribute("data-status", "OPEN");
  // The card's tasks panel has it too.
  await expect(page.getByTestId("tasks-panel").getByTestId("task-title")).toContainText([NEXT_STEP]);

  // My tasks: due ten minutes ago, so overdue.
  await page.goto("/admin/tasks");
  const overdue = page.getByTestId("group-overdue").getByTestId("task-item").filter({ hasText: NEXT_STEP });
  await expect(overdue).toHaveCount(1);
  taskId = (await overdue.getAttribute("data-task-id")) ?? "";
  expect(taskId).not.toBe("");

  // The dashboard shows it among my overdue tasks, with the way to all of them.
  await page.goto("/admin");
  const due = page.getByTestId("my-due-tasks");
  await expect(due.getByTestId("task-item").filter({ hasText: NEXT_STEP })).toHaveCount(1);
  await expect(due.getByRole("link", { name: /All my tasks/ })).toHaveAttribute("href", "/admin/tasks");

  // Completing needs a result; then the task leaves my open tasks.
  await page.goto("/admin/tasks");
  const task = page.locator(`[data-task-id="${taskId}"]`).first();
  await task.getByRole("button", { name: "Done" }).click();
  await expect(task.getByTestId("error-result")).toHaveText("Write what came of it.");
  await task.getByPlaceholder("Result: what came of it").fill("Delivery agreed for Friday");
  await task.getByRole("button", { name: "Done" }).click();
  await expect(page.locator(`[data-task-id="${taskId}"]`)).toHaveCount(0);
  await page.goto(`/admin/tasks?view=all&status=DONE`);
  await expect(page.locator(`[data-task-id="${taskId}"]`).getByTestId("task-result")).toContainText("Delivery agreed for Friday");

  // Done on the card: the interaction's task line and the card's timeline, with the result.
  await page.goto(`/admin/customers/${customerId}`);
  const line = page.getByTestId("interactions-panel").getByTestId("interaction-task").filter({ hasText: NEXT_STEP });
  await expect(line).toHaveAttribute("data-status", "DONE");
  await expect(line).toContainText("Delivery agreed for Friday");
  const completed = page.getByTestId("customer-timeline").locator('[data-testid="timeline-entry"][data-kind="taskCompleted"]').filter({ hasText: NEXT_STEP });
  await expect(completed).toHaveCount(1);
  await expect(completed).toContainText("Delivery agreed for Friday");
});

test("the worker mails the responsible employee once when the task became due", async () => {
  test.setTimeout(150_000);
  expect(taskId).not.toBe("");
  // The reminder job runs every minute; the task was due before it was done, so its reminder may
  // have gone out already or not at all (it was completed first): a new due task settles it.
  // Rather than wait for the worker's clock (up to a minute), the test asks for a run through the
  // outbox, as the clock does; the clock's own run may come too, and must not mail twice.
  const dueTask = await withAppDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "Task" (id, kind, title, status, "dueAt", "assigneeId", "createdById", "createdAt", "updatedAt")
       SELECT 'e2e-' || $1, 'CALL', 'Reminder check ' || $1, 'OPEN', now() - interval '1 minute', u.id, u.id, now(), now()
       FROM "User" u WHERE u.email = 'owner@lavka.local' RETURNING id`,
      [run],
    );
    await client.query(
      `INSERT INTO "OutboxEvent" ("jobName", payload) VALUES ('crm.task-reminders', jsonb_build_object('scheduledAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))`,
    );
    await client.query(`SELECT pg_notify('lavka_outbox', '')`);
    return rows[0]!.id;
  });
  await expect
    .poll(
      () =>
        withAppDatabase(async (client) => {
          const { rows } = await client.query<{ count: string }>(`SELECT count(*)::text AS count FROM "MailMessage" WHERE "idempotencyKey" LIKE $1 AND status = 'SENT'`, [
            `task:${dueTask}:due:%`,
          ]);
          return Number(rows[0]!.count);
        }),
      { timeout: 130_000, intervals: [500, 1_000, 2_000] },
    )
    .toBe(1);
  const reminded = await withAppDatabase(async (client) => (await client.query<{ at: Date | null }>(`SELECT "reminderSentAt" AS at FROM "Task" WHERE id = $1`, [dueTask])).rows[0]!.at);
  expect(reminded).not.toBeNull();
});

test("an operator logs a call on an order; the contacts report counts the calls, with a CSV", async ({ page, signIn, browser }) => {
  await signIn(DEMO.operator);
  const { orderId } = await ivan();
  await page.goto(`/admin/orders/${orderId}`);
  const panel = page.getByTestId("interactions-panel");
  await panel.getByTestId("log-interaction").locator("summary").click();
  await panel.getByLabel("Result", { exact: true }).fill(`Operator call ${run}`);
  await panel.getByRole("button", { name: "Save" }).click();
  await expect(panel.getByTestId("log-interaction-message")).toHaveText("The interaction is saved.");
  await expect(panel.getByTestId("interaction-result").first()).toContainText(`Operator call ${run}`);
  // Reports are for managers.
  expect((await page.goto("/admin/crm-reports/contacts"))?.status()).toBe(403);

  const ownerContext = await browser.newContext({ locale: "en-US" });
  const owner = await ownerContext.newPage();
  await signInThroughApi(owner.request, DEMO.owner);
  await owner.goto("/admin/crm-reports/contacts?period=today");
  const totals = owner.getByTestId("contacts-totals");
  await expect(owner.getByTestId("contacts-chart")).toBeVisible();
  // Both calls of today: the owner's (above) and the operator's.
  expect(Number(await totals.locator('[data-kind="CALL"]').textContent())).toBeGreaterThanOrEqual(2);
  await expect(owner.getByTestId("contacts-entries")).toContainText(`Operator call ${run}`);
  const csv = await owner.request.get("/api/admin/crm-reports/contacts?period=today");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  // The header and the totals row in the reader's language (the API request may go without Accept-Language).
  const lines = (await csv.text()).replace(/^\uFEFF/, "").split("\r\n");
  expect(["Employee,Calls,Emails,Meetings,Notes,Total,With a result,With a next step", "Сотрудник,Звонки,Письма,Встречи,Заметки,Всего,С результатом,Со следующим шагом"]).toContain(lines[0]);
  const totalsLine = lines.at(-2)!.split(",");
  expect(["Total", "Итого"]).toContain(totalsLine[0]);
  expect(Number(totalsLine[1])).toBeGreaterThanOrEqual(2); // calls
  await ownerContext.close();
});

test("logistics and accounting are refused: pages, the CSV, and no panels on the order page", async ({ playwright, baseURL, page }) => {
  for (const account of [DEMO.accountant, LOGISTICS]) {
    const api = await playwright.request.newContext({ baseURL });
    await signInThroughApi(api, account);
    expect((await api.get("/admin/tasks", { maxRedirects: 0 })).status()).toBe(403);
    expect((await api.get("/admin/crm-reports/contacts", { maxRedirects: 0 })).status()).toBe(403);
    const csv = await api.get("/api/admin/crm-reports/contacts?period=today");
    expect(csv.status()).toBe(403);
    expect((await csv.json()).error.code).toBe("FORBIDDEN");
    await api.dispose();
  }
  // Logistics opens orders, but the order page shows it no interactions and no tasks.
  await signInThroughApi(page.request, LOGISTICS);
  const { orderId } = await ivan();
  await page.goto(`/admin/orders/${orderId}`);
  await expect(page.getByTestId("order-status")).toBeVisible();
  await expect(page.getByTestId("interactions-panel")).toHaveCount(0);
  await expect(page.getByTestId("tasks-panel")).toHaveCount(0);
  await page.goto("/admin");
  await expect(page.getByTestId("my-due-tasks")).toHaveCount(0);
});
