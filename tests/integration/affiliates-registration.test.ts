// Partner registration end to end against a real, migrated PostgreSQL: sign-up (one transaction:
// partner, email token, welcome mail in the outbox), refusals that write nothing, the recruiting
// parent from ?ref=, the email-confirmation link in both approval modes, and the owner's
// approve / ban / unban with the banned partner's sessions ending.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmPartnerEmail, peekPartnerEmailToken } from "@/lib/affiliates/confirm-partner-email";
import { listPartners } from "@/lib/affiliates/list-partners";
import { getProgramSettings, updateProgramSettings } from "@/lib/affiliates/program-settings";
import { partnerWelcomeMailKey, registerPartner } from "@/lib/affiliates/register-partner";
import { setPartnerStatus } from "@/lib/affiliates/set-partner-status";
import { authenticate } from "@/lib/auth/authenticate";
import { verifySessionActor } from "@/lib/auth/guard";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sendMailJob, ZSendMailPayload } from "@/lib/mail/jobs/send-mail";
import { closeMailTransport, setMailTransport } from "@/lib/mail/transport";

const run = randomUUID().replaceAll("-", "").slice(0, 8);
const domain = `reg-${run}.lavka.test`;
const owner = { id: `owner-${run}`, role: "OWNER" as const };
let ipCounter = 0;
/** A fresh client address per registration, unique to this run: the registration limit is per IP and outlives a run (an hour, in PostgreSQL or Redis). */
const nextIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}-${run}`;
let sequence = 0;
const uniqueLogin = (prefix = "t") => `${prefix}${run}${++sequence}`;

function input(overrides: Record<string, unknown> = {}) {
  const login = uniqueLogin();
  return { name: "Anna Partner", email: `${login}@${domain}`, login, contact: "@anna_tg", terms: true, locale: "en", ...overrides };
}

const partnerIds = async () => (await db.partner.findMany({ where: { email: { endsWith: `@${domain}` } }, select: { id: true } })).map((row) => row.id);

async function snapshot() {
  const ids = await partnerIds();
  return {
    partners: ids.length,
    tokens: await db.linkToken.count({ where: { partnerId: { in: ids } } }),
    outbox: await db.outboxEvent.count({ where: { jobName: "mail.send", payload: { path: ["to"], string_ends_with: `@${domain}` } } }),
  };
}

async function welcomeOutbox(partnerId: string) {
  const row = await db.outboxEvent.findFirstOrThrow({
    where: { jobName: "mail.send", payload: { path: ["idempotencyKey"], equals: partnerWelcomeMailKey(partnerId) } },
    select: { payload: true },
  });
  return ZSendMailPayload.parse(row.payload);
}

async function welcomeProps(partnerId: string) {
  const payload = await welcomeOutbox(partnerId);
  if (payload.template !== "partner-welcome") throw new Error(`unexpected template ${payload.template}`);
  return payload.props;
}

const tokenOf = async (partnerId: string) => (await welcomeProps(partnerId)).confirmEmailUrl.split("/").pop()!;

async function expectError(promise: Promise<unknown>, code: string, fieldErrors?: Record<string, string[]>) {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (fieldErrors) expect((error as AppError).fieldErrors).toEqual(fieldErrors);
}

let approvalModeBefore: "AUTO" | "MANUAL";
async function setApprovalMode(approvalMode: "AUTO" | "MANUAL") {
  await updateProgramSettings({ approvalMode }, owner);
}

beforeAll(async () => {
  approvalModeBefore = (await getProgramSettings()).approvalMode;
  setMailTransport({ from: "Lavka Test <shop@lavka.test>" });
});

afterAll(async () => {
  await setApprovalMode(approvalModeBefore);
  const ids = await partnerIds();
  await db.auditLog.deleteMany({ where: { OR: [{ actorId: { in: [...ids, owner.id] } }, { entityId: { in: ids } }] } });
  await db.outboxEvent.deleteMany({ where: { jobName: "mail.send", payload: { path: ["to"], string_ends_with: `@${domain}` } } });
  await db.mailMessage.deleteMany({ where: { toAddress: { endsWith: `@${domain}` } } });
  // Children first: the parent relation has no cascade.
  await db.partner.deleteMany({ where: { id: { in: ids }, parentId: { not: null } } });
  await db.partner.deleteMany({ where: { id: { in: ids } } });
  closeMailTransport();
  await disconnectDb();
});

describe("registration", () => {
  it("creates a PENDING partner, a hashed 3-day email token and the welcome mail with the password, in one go", async () => {
    await setApprovalMode("MANUAL");
    const data = input({ login: `Mixed${run}` });
    const before = new Date();
    const partner = await registerPartner(data, { ip: nextIp() });

    const row = await db.partner.findUniqueOrThrow({
      where: { id: partner.id },
      select: { login: true, email: true, name: true, contact: true, status: true, emailVerifiedAt: true, passwordHash: true, parentId: true, locale: true },
    });
    expect(row).toMatchObject({ login: `mixed${run}`, email: data.email, name: "Anna Partner", contact: "@anna_tg", status: "PENDING", emailVerifiedAt: null, parentId: null, locale: "en" });

    const props = await welcomeProps(partner.id);
    expect(props).toMatchObject({ name: "Anna Partner", login: `mixed${run}`, awaitingApproval: true, signInUrl: expect.stringMatching(/\/partners\/signin$/) });
    expect(props.password).toMatch(/^[A-Za-z2-9]{14}$/);
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(props.password);
    expect(await verifyPassword(row.passwordHash, props.password)).toBe(true);

    const token = props.confirmEmailUrl.split("/partners/confirm/")[1]!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const tokens = await db.linkToken.findMany({ where: { partnerId: partner.id }, select: { purpose: true, tokenHash: true, email: true, expiresAt: true, usedAt: true } });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ purpose: "PARTNER_EMAIL", email: data.email, usedAt: null });
    expect(tokens[0]!.tokenHash).not.toContain(token);
    const ttlHours = (tokens[0]!.expiresAt.getTime() - before.getTime()) / 3_600_000;
    expect(ttlHours).toBeGreaterThan(71.9);
    expect(ttlHours).toBeLessThan(72.1);

    // The plain password is in the mail's payload only: nowhere in the audit trail.
    const audits = await db.auditLog.findMany({ where: { entityId: partner.id }, select: { data: true } });
    expect(JSON.stringify(audits)).not.toContain(props.password);

    // The worker's job renders and captures the mail; the owner reads it at /admin/mail.
    const payload = ZSendMailPayload.parse(JSON.parse(JSON.stringify(await welcomeOutbox(partner.id))));
    await sendMailJob.handle(payload, { jobId: `outbox-${run}`, attempt: 1, log: () => {} });
    const mail = await db.mailMessage.findUniqueOrThrow({
      where: { idempotencyKey: partnerWelcomeMailKey(partner.id) },
      select: { status: true, toAddress: true, text: true, template: true },
    });
    expect(mail).toMatchObject({ status: "SENT", toAddress: data.email, template: "partner-welcome" });
    expect(mail.text).toContain(props.password);
    expect(mail.text).toContain(`mixed${run}`);
    expect(mail.text).toContain(props.confirmEmailUrl);

    // A PENDING partner may sign in (the cabinet says "awaiting approval").
    const actor = await authenticate("partner", { identifier: `mixed${run}`, password: props.password }, nextIp());
    expect(actor).toMatchObject({ kind: "partner", id: partner.id });
  });

  it.each<[string, (taken: { login: string; email: string }) => Record<string, unknown>, Record<string, string[]>]>([
    ["a taken login (in other case)", (taken) => ({ login: taken.login.toUpperCase() }), { login: ["partnerJoin.errors.loginTaken"] }],
    ["a taken email (in other case)", (taken) => ({ email: taken.email.toUpperCase() }), { email: ["partnerJoin.errors.emailTaken"] }],
    ["both taken", (taken) => ({ login: taken.login, email: taken.email }), { login: ["partnerJoin.errors.loginTaken"], email: ["partnerJoin.errors.emailTaken"] }],
    ["a disposable email", () => ({ email: `anna${run}@mailinator.com` }), { email: ["partnerJoin.errors.emailDisposable"] }],
    ["a malformed email", () => ({ email: "anna@" }), { email: ["partnerJoin.errors.emailInvalid"] }],
    ["a malformed login", () => ({ login: "no spaces" }), { login: ["partnerJoin.errors.loginInvalid"] }],
    ["a reserved login", () => ({ login: "admin" }), { login: ["partnerJoin.errors.loginReserved"] }],
    ["a short login", () => ({ login: "ab" }), { login: ["partnerJoin.errors.loginLength"] }],
    ["no terms consent", () => ({ terms: false }), { terms: ["partnerJoin.errors.termsRequired"] }],
    ["no name", () => ({ name: "  " }), { name: ["partnerJoin.errors.required"] }],
  ])("refuses %s with a field error and writes nothing", async (_label, overrides, fieldErrors) => {
    const taken = await registerPartner(input(), { ip: nextIp() });
    const before = await snapshot();
    await expectError(registerPartner(input(overrides(taken)), { ip: nextIp() }), "VALIDATION", fieldErrors);
    expect(await snapshot()).toEqual(before);
  });

  it("limits registrations per IP", async () => {
    const ip = nextIp();
    for (let i = 0; i < 5; i++) await registerPartner(input(), { ip });
    const before = await snapshot();
    await expectError(registerPartner(input(), { ip }), "RATE_LIMITED");
    expect(await snapshot()).toEqual(before);
  });

  it("makes an ACTIVE partner from ?ref= the parent; an unknown or banned one is ignored", async () => {
    const parentLogin = uniqueLogin("parent");
    const parent = await db.partner.create({
      data: { login: parentLogin, email: `${parentLogin}@${domain}`, name: "Parent", status: "ACTIVE", passwordHash: await hashPassword("parent pass") },
      select: { id: true },
    });
    const bannedLogin = uniqueLogin("banned");
    await db.partner.create({ data: { login: bannedLogin, email: `${bannedLogin}@${domain}`, name: "Banned", status: "BANNED", passwordHash: await hashPassword("banned pass") } });

    expect((await registerPartner(input({ ref: parentLogin.toUpperCase() }), { ip: nextIp() })).parentId).toBe(parent.id);
    expect((await registerPartner(input({ ref: bannedLogin }), { ip: nextIp() })).parentId).toBeNull();
    expect((await registerPartner(input({ ref: "nobody-such" }), { ip: nextIp() })).parentId).toBeNull();
    expect((await registerPartner(input({ ref: ["x"] }), { ip: nextIp() })).parentId).toBeNull();
  });
});

describe("email confirmation", () => {
  it("MANUAL: verifies the email and leaves the partner PENDING; a second click changes nothing", async () => {
    await setApprovalMode("MANUAL");
    const partner = await registerPartner(input(), { ip: nextIp() });
    const token = await tokenOf(partner.id);
    expect(await peekPartnerEmailToken(token)).toBe("VALID");

    expect(await confirmPartnerEmail(token)).toEqual({ result: "CONFIRMED", status: "PENDING" });
    const row = await db.partner.findUniqueOrThrow({ where: { id: partner.id }, select: { status: true, emailVerifiedAt: true } });
    expect(row.status).toBe("PENDING");
    expect(row.emailVerifiedAt).toBeInstanceOf(Date);

    expect(await confirmPartnerEmail(token)).toEqual({ result: "ALREADY_CONFIRMED", status: "PENDING" });
    expect(await db.partner.findUniqueOrThrow({ where: { id: partner.id }, select: { emailVerifiedAt: true } })).toEqual({ emailVerifiedAt: row.emailVerifiedAt });
  });

  it("AUTO: a confirmed email makes the partner ACTIVE; two clicks at once confirm once", async () => {
    await setApprovalMode("AUTO");
    try {
      const partner = await registerPartner(input(), { ip: nextIp() });
      expect((await welcomeProps(partner.id)).awaitingApproval).toBe(false);
      const token = await tokenOf(partner.id);
      const results = await Promise.all([confirmPartnerEmail(token), confirmPartnerEmail(token)]);
      expect(results.map((result) => result.result).sort()).toEqual(["ALREADY_CONFIRMED", "CONFIRMED"]);
      expect(await db.partner.findUniqueOrThrow({ where: { id: partner.id }, select: { status: true } })).toEqual({ status: "ACTIVE" });
    } finally {
      await setApprovalMode("MANUAL");
    }
  });

  it("an expired token changes nothing", async () => {
    const partner = await registerPartner(input(), { ip: nextIp() });
    const token = await tokenOf(partner.id);
    await db.linkToken.updateMany({ where: { partnerId: partner.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await peekPartnerEmailToken(token)).toBe("EXPIRED");
    expect(await confirmPartnerEmail(token)).toEqual({ result: "EXPIRED" });
    expect(await db.partner.findUniqueOrThrow({ where: { id: partner.id }, select: { status: true, emailVerifiedAt: true } })).toEqual({ status: "PENDING", emailVerifiedAt: null });
    expect(await db.linkToken.findFirstOrThrow({ where: { partnerId: partner.id }, select: { usedAt: true } })).toEqual({ usedAt: null });
  });

  it.each(["A".repeat(43), "short", "", "../../etc/passwd", `${"a".repeat(42)}=`])("a forged token %j is INVALID", async (token) => {
    expect(await confirmPartnerEmail(token)).toEqual({ result: "INVALID" });
    expect(await peekPartnerEmailToken(token)).toBe("INVALID");
  });
});

describe("the owner's approve / ban / unban", () => {
  it("approves a PENDING partner, bans (ending sessions), unbans; each audit-logged", async () => {
    const partner = await registerPartner(input(), { ip: nextIp() });
    const { password } = await welcomeProps(partner.id);
    const session = await authenticate("partner", { identifier: partner.login, password }, nextIp());

    expect(await setPartnerStatus({ partnerId: partner.id, action: "approve" }, owner)).toEqual({ id: partner.id, status: "ACTIVE" });
    expect(await verifySessionActor(session)).toMatchObject({ kind: "partner", id: partner.id });

    expect(await setPartnerStatus({ partnerId: partner.id, action: "ban" }, owner)).toEqual({ id: partner.id, status: "BANNED" });
    expect(await verifySessionActor(session)).toBeNull();
    await expectError(authenticate("partner", { identifier: partner.login, password }, nextIp()), "FORBIDDEN");

    expect(await setPartnerStatus({ partnerId: partner.id, action: "unban" }, owner)).toEqual({ id: partner.id, status: "ACTIVE" });
    // The old session stays ended (its version moved on); a fresh sign-in works.
    expect(await verifySessionActor(session)).toBeNull();
    expect(await verifySessionActor(await authenticate("partner", { identifier: partner.login, password }, nextIp()))).toMatchObject({ id: partner.id });

    const audits = await db.auditLog.findMany({ where: { entityId: partner.id, actorId: owner.id }, select: { action: true }, orderBy: { id: "asc" } });
    expect(audits.map((audit) => audit.action)).toEqual(["partner.approve", "partner.ban", "partner.unban"]);
  });

  it("refuses impossible moves, unknown partners, bad input and roles without the partners section", async () => {
    const partner = await registerPartner(input(), { ip: nextIp() });
    await expectError(setPartnerStatus({ partnerId: partner.id, action: "unban" }, owner), "CONFLICT");
    await expectError(setPartnerStatus({ partnerId: "nope", action: "approve" }, owner), "NOT_FOUND");
    await expectError(setPartnerStatus({ partnerId: partner.id, action: "delete" }, owner), "VALIDATION");
    await expectError(setPartnerStatus({ partnerId: partner.id, action: "approve" }, { id: owner.id, role: "OPERATOR" }), "FORBIDDEN");
    await expectError(setPartnerStatus({ partnerId: partner.id, action: "approve" }, { id: owner.id, role: "ACCOUNTANT" }), "FORBIDDEN");
    expect(await db.partner.findUniqueOrThrow({ where: { id: partner.id }, select: { status: true } })).toEqual({ status: "PENDING" });
  });

  it("lists partners with their parent and filters by status and search", async () => {
    const parentLogin = uniqueLogin("lp");
    const parent = await db.partner.create({
      data: { login: parentLogin, email: `${parentLogin}@${domain}`, name: "List Parent", status: "ACTIVE", passwordHash: await hashPassword("x x x x") },
      select: { id: true },
    });
    const child = await registerPartner(input({ ref: parentLogin }), { ip: nextIp() });
    const page = await listPartners({ q: child.login });
    expect(page.rows).toEqual([expect.objectContaining({ id: child.id, login: child.login, status: "PENDING", parentLogin, emailVerifiedAt: null, registeredAt: expect.any(String) })]);
    expect((await listPartners({ q: child.login, status: "ACTIVE" })).rows).toEqual([]);
    expect((await listPartners({ q: parentLogin, status: "ACTIVE" })).rows.map((row) => row.id)).toContain(parent.id);
    // % and _ are typed text, not LIKE wildcards.
    expect((await listPartners({ q: `${child.login.slice(0, -1)}_` })).rows).toEqual([]);
    expect((await listPartners({ q: `${child.login.slice(0, 3)}%${child.login.slice(4)}` })).rows).toEqual([]);
    expect((await listPartners({ status: "WHATEVER" })).counts.PENDING).toBeGreaterThan(0);
  });
});

describe("program settings", () => {
  it("reads defaults with the commission defaults of the paid levels, validates and audits changes", async () => {
    const settings = await getProgramSettings();
    expect(settings.levels).toBeGreaterThanOrEqual(1);
    expect(settings.commissionDefaults.every((rate) => rate.level < settings.levels)).toBe(true);
    await expectError(updateProgramSettings({ levels: 9 }, owner), "VALIDATION", { levels: ["checkoutErrors.outOfRange"] });
    await expectError(updateProgramSettings({ minimumPayout: { amount: 100000, currency: "XXX" } }, owner), "VALIDATION", { "minimumPayout.currency": ["checkoutErrors.currencyInvalid"] }); // 1,000.00 of no currency
    await expectError(updateProgramSettings({ minimumPayout: { amount: 1000.5, currency: "RUB" } }, owner), "VALIDATION", { "minimumPayout.amount": ["checkoutErrors.numberInvalid"] });
    await expectError(updateProgramSettings({ approvalMode: "AUTO" }, { id: owner.id, role: "OPERATOR" }), "FORBIDDEN");
    const audits = await db.auditLog.count({ where: { actorId: owner.id, action: "program.update" } });
    await setApprovalMode(settings.approvalMode === "AUTO" ? "MANUAL" : "AUTO");
    await setApprovalMode(settings.approvalMode);
    expect(await db.auditLog.count({ where: { actorId: owner.id, action: "program.update" } })).toBe(audits + 2);
  });
});
