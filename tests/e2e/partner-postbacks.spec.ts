// Postbacks as partner alpha and the owner see them: the cabinet's postback page (the URL form
// with its localised refusal of a non-http(s) URL, the documented macros, the log) and "send
// again" on the partner's own log entry, in the cabinet and on the owner's partner page.
// A log entry is written straight into the app's database (E2E_DATABASE_URL, as the checkout
// spec does): a real one would need alpha's tracker to exist. Its host is the loopback address,
// which the worker's SSRF guard refuses before connecting, so a replay sends nothing anywhere
// (tests send traffic to this machine only). The URL saved through the form is in a
// documentation range (192.0.2.0/24) and is never sent: alpha's URL is put back afterwards.
import { DEMO, expect, signInThroughApi, test, withAppDatabase } from "./fixtures";

test("partner alpha sets the postback URL, reads the log and replays an entry; the owner replays it too", async ({ page, browser, signIn }) => {
  test.setTimeout(120_000);
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const { partnerId, urlBefore, logId } = await withAppDatabase(async (client) => {
    const partner = await client.query<{ id: string; postbackUrl: string | null }>(`SELECT id, "postbackUrl" FROM "Partner" WHERE login = 'alpha'`);
    const { id, postbackUrl } = partner.rows[0]!;
    const log = await client.query<{ id: string }>(
      `INSERT INTO "PostbackLog" ("partnerId", event, "orderStatus", url, "statusCode", "responseTimeMs", "responseExcerpt", attempt)
       VALUES ($1, 'order.status', 'CONFIRMED', $2, 502, 87, 'bad gateway', 3) RETURNING id::text`,
      [id, `http://127.0.0.1:9/pb?o=e2e-${stamp}`],
    );
    return { partnerId: id, urlBefore: postbackUrl, logId: log.rows[0]!.id };
  });

  try {
    await signIn(DEMO.partner);
    await page.goto("/partner");
    await page.getByRole("link", { name: "Postbacks" }).click();
    await expect(page).toHaveURL(/\/partner\/postbacks$/);
    await expect(page.getByRole("heading", { name: "Postbacks", level: 1 })).toBeVisible();
    await expect(page.getByTestId("postback-macros")).toContainText("{order_id}");
    await expect(page.getByTestId("postback-macros")).toContainText("{payout}");

    // A URL that is not http(s): a clear message, the typed value kept, nothing saved.
    const field = page.getByTestId("postback-url");
    await field.fill("ftp://tracker.example.com/pb");
    await page.getByTestId("postback-url-save").click();
    await expect(page.getByTestId("postback-url-error")).toHaveText("The postback URL must start with http:// or https://.");
    await expect(field).toHaveValue("ftp://tracker.example.com/pb");

    // A good one is saved and shown after a reload.
    const url = `https://192.0.2.10/pb?o={order_id}&s={status}&p={payout}&run=${stamp}`;
    await field.fill(url);
    await page.getByTestId("postback-url-save").click();
    await expect(page.getByTestId("postback-url-saved")).toHaveText("The postback URL has been saved.");
    await page.reload();
    await expect(page.getByTestId("postback-url")).toHaveValue(url);

    // The log shows the entry with its code, time and attempt; "send again" queues a replay.
    const row = page.locator(`[data-testid="postback-log-row"][data-log-id="${logId}"]`);
    await expect(row).toHaveAttribute("data-status-code", "502");
    await expect(row).toContainText(`http://127.0.0.1:9/pb?o=e2e-${stamp}`);
    await expect(row).toContainText("87 ms");
    await expect(row).toContainText("bad gateway");
    await row.getByTestId("postback-replay").click();
    await expect(row.getByTestId("postback-replay-message")).toHaveText("The postback will be sent again in a moment.");

    // The owner sees the same entry on the partner's page and can replay it as well.
    const ownerContext = await browser.newContext();
    const owner = await ownerContext.newPage();
    await signInThroughApi(owner.request, DEMO.owner);
    await owner.goto(`/admin/partners/${partnerId}`);
    const ownerRow = owner.getByTestId("partner-postbacks").locator(`[data-testid="postback-log-row"][data-log-id="${logId}"]`);
    await expect(ownerRow).toBeVisible();
    await ownerRow.getByTestId("postback-replay").click();
    await expect(ownerRow.getByTestId("postback-replay-message")).toHaveText("The postback will be sent again in a moment.");
    await ownerContext.close();
  } finally {
    await withAppDatabase((client) => client.query(`UPDATE "Partner" SET "postbackUrl" = $1 WHERE id = $2`, [urlBefore, partnerId]));
  }
});
