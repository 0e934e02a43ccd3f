// The owner's approval of a partner's application mails the partner, in their language, through
// the outbox of the approval's own transaction: one mail per partner however often "approve" is
// pressed, none for a refused change, none for a ban or an unban.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { partnerApprovedMailKey, setPartnerStatus } from "@/lib/affiliates/set-partner-status";
import { db, disconnectDb } from "@/lib/db";
import { sendMailJob, ZSendMailPayload } from "@/lib/mail/jobs/send-mail";
import { closeMailTransport, setMailTransport } from "@/lib/mail/transport";

const run = randomUUID().replaceAll("-", "").slice(0, 8);
const domain = `approve-${run}.lavka.test`;
const owner = { id: `owner-${run}`, role: "OWNER" as const };

async function createPartner(suffix: string, locale: string, status: "PENDING" | "ACTIVE" | "BANNED" = "PENDING") {
  const login = `appr${run}${suffix}`;
  return db.partner.create({ data: { login, email: `${login}@${domain}`, name: `Анна ${suffix}`, passwordHash: "x", status, locale }, select: { id: true, login: true, email: true } });
}

const approvalMails = (partnerId: string) =>
  db.outboxEvent.findMany({ where: { jobName: "mail.send", payload: { path: ["idempotencyKey"], equals: partnerApprovedMailKey(partnerId) } }, select: { payload: true } });

beforeAll(() => {
  setMailTransport({ from: "Lavka Test <shop@lavka.test>" });
});

afterAll(async () => {
  const ids = (await db.partner.findMany({ where: { email: { endsWith: `@${domain}` } }, select: { id: true } })).map((row) => row.id);
  await db.auditLog.deleteMany({ where: { entityId: { in: ids } } });
  await db.outboxEvent.deleteMany({ where: { jobName: "mail.send", payload: { path: ["to"], string_ends_with: `@${domain}` } } });
  await db.mailMessage.deleteMany({ where: { toAddress: { endsWith: `@${domain}` } } });
  await db.partner.deleteMany({ where: { id: { in: ids } } });
  closeMailTransport();
  await disconnectDb();
});

describe("the partner approval mail", () => {
  it("is queued with the approval, in the partner's language, and sent once as HTML and text", async () => {
    const partner = await createPartner("en", "en");
    await setPartnerStatus({ partnerId: partner.id, action: "approve" }, owner);
    // A double click: the partner is already ACTIVE, nothing more is queued.
    await setPartnerStatus({ partnerId: partner.id, action: "approve" }, owner);

    const rows = await approvalMails(partner.id);
    expect(rows).toHaveLength(1);
    const payload = ZSendMailPayload.parse(JSON.parse(JSON.stringify(rows[0]!.payload)));
    expect(payload).toMatchObject({
      to: partner.email,
      template: "partner-approved",
      locale: "en",
      props: { login: partner.login, signInUrl: expect.stringMatching(/\/partners\/signin$/) },
    });

    await sendMailJob.handle(payload, { jobId: `outbox-${run}`, attempt: 1, log: () => {} });
    await sendMailJob.handle(payload, { jobId: `outbox-${run}`, attempt: 2, log: () => {} });
    const mails = await db.mailMessage.findMany({
      where: { idempotencyKey: partnerApprovedMailKey(partner.id) },
      select: { status: true, toAddress: true, subject: true, text: true, html: true },
    });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ status: "SENT", toAddress: partner.email, subject: expect.stringContaining("approved") });
    expect(mails[0]!.text).toContain(partner.login);
    expect(mails[0]!.html).toMatch(/^<!DOCTYPE html/);
  });

  it("speaks Russian to a Russian partner (and to one whose stored locale is unknown)", async () => {
    for (const [suffix, locale] of [
      ["ru", "ru"],
      ["xx", "de"],
    ] as const) {
      const partner = await createPartner(suffix, locale);
      await setPartnerStatus({ partnerId: partner.id, action: "approve" }, owner);
      const [row] = await approvalMails(partner.id);
      expect(ZSendMailPayload.parse(row!.payload)).toMatchObject({ template: "partner-approved", locale: "ru" });
    }
  });

  it("is not sent for a refused change, a ban or an unban", async () => {
    const banned = await createPartner("ban", "en", "BANNED");
    await expect(setPartnerStatus({ partnerId: banned.id, action: "approve" }, owner)).rejects.toMatchObject({ code: "CONFLICT" });
    await setPartnerStatus({ partnerId: banned.id, action: "unban" }, owner);
    const pending = await createPartner("pend", "en");
    await expect(setPartnerStatus({ partnerId: pending.id, action: "approve" }, { id: owner.id, role: "OPERATOR" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await setPartnerStatus({ partnerId: pending.id, action: "ban" }, owner);
    expect(await approvalMails(banned.id)).toHaveLength(0);
    expect(await approvalMails(pending.id)).toHaveLength(0);
  });
});
