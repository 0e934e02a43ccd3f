// Password reset against a real, migrated PostgreSQL: the request (a hashed 1-hour token and the
// mail in the outbox, in the account's language), the same answer and no mail for an unknown,
// deactivated or banned account, the per-address and per-identifier rate limits, and the link:
// single use (also when submitted twice at once), expiry, both passwords checked, every session
// ended, audited.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { verifySessionActor } from "@/lib/auth/guard";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { requestPasswordReset } from "@/lib/auth/request-password-reset";
import { peekPasswordResetToken, resetPassword } from "@/lib/auth/reset-password";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ZSendMailPayload } from "@/lib/mail/jobs/send-mail";
import { createLinkToken } from "@/lib/tokens/create-link-token";
import { hashLinkToken } from "@/lib/tokens/link-token";

const run = randomUUID().replaceAll("-", "").slice(0, 8);
const domain = `reset-${run}.lavka.test`;
const OLD_PASSWORD = "old-password-123";
const NEW_PASSWORD = "brand-new-password-456";
let ipCounter = 0;
/** A fresh address per call, unique to this run: the limits outlive a run (an hour, in PostgreSQL or Redis). */
const nextIp = () => `10.9.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}-${run}`;
let sequence = 0;
const unique = (prefix: string) => `${prefix}${run}${++sequence}`;

let oldHash: Promise<string> | undefined;
const passwordHash = () => (oldHash ??= hashPassword(OLD_PASSWORD));

async function createEmployee(overrides: { isActive?: boolean; locale?: string } = {}) {
  const email = `${unique("emp")}@${domain}`;
  return db.user.create({
    data: { email, name: "Eva Employee", role: "OPERATOR", passwordHash: await passwordHash(), isActive: overrides.isActive ?? true, locale: overrides.locale ?? "en" },
    select: { id: true, email: true },
  });
}

async function createPartner(overrides: { status?: "PENDING" | "ACTIVE" | "BANNED"; locale?: string } = {}) {
  const login = unique("p");
  return db.partner.create({
    data: { login, email: `${login}@${domain}`, name: "Pavel Partner", passwordHash: await passwordHash(), status: overrides.status ?? "ACTIVE", locale: overrides.locale ?? "ru" },
    select: { id: true, login: true, email: true },
  });
}

async function resetMails(to: string) {
  const rows = await db.outboxEvent.findMany({
    where: { jobName: "mail.send", payload: { path: ["to"], equals: to } },
    select: { payload: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => {
    const payload = ZSendMailPayload.parse(row.payload);
    if (payload.template !== "password-reset") throw new Error(`unexpected template ${payload.template}`);
    return payload;
  });
}

async function tokenFromMail(to: string) {
  const mails = await resetMails(to);
  expect(mails).toHaveLength(1);
  return mails[0]!.props.resetUrl.split("/").pop()!;
}

async function expectError(promise: Promise<unknown>, code: string, fieldErrors?: Record<string, string[]>) {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (fieldErrors) expect((error as AppError).fieldErrors).toEqual(fieldErrors);
}

const twice = (password: string) => ({ password, confirm: password });

afterAll(async () => {
  const userIds = (await db.user.findMany({ where: { email: { endsWith: `@${domain}` } }, select: { id: true } })).map((row) => row.id);
  const partnerIds = (await db.partner.findMany({ where: { email: { endsWith: `@${domain}` } }, select: { id: true } })).map((row) => row.id);
  const ids = [...userIds, ...partnerIds];
  await db.auditLog.deleteMany({ where: { OR: [{ actorId: { in: ids } }, { entityId: { in: ids } }] } });
  await db.outboxEvent.deleteMany({ where: { jobName: "mail.send", payload: { path: ["to"], string_ends_with: `@${domain}` } } });
  await db.user.deleteMany({ where: { id: { in: userIds } } });
  await db.partner.deleteMany({ where: { id: { in: partnerIds } } });
  await disconnectDb();
});

describe("requesting a reset", () => {
  it("stores a hashed 1-hour token and queues the mail in the employee's language", async () => {
    const employee = await createEmployee({ locale: "en" });
    const before = Date.now();
    await expect(requestPasswordReset("staff", { identifier: `  ${employee.email.toUpperCase()} ` }, { ip: nextIp() })).resolves.toBeUndefined();

    const [mail] = await resetMails(employee.email);
    expect(mail).toMatchObject({ to: employee.email, locale: "en", template: "password-reset", props: { name: "Eva Employee" } });
    const token = mail!.props.resetUrl.split("/").pop()!;
    expect(mail!.props.resetUrl).toMatch(new RegExp(`/reset-password/${token}$`));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const row = await db.linkToken.findUniqueOrThrow({ where: { tokenHash: hashLinkToken(token) }, select: { purpose: true, userId: true, partnerId: true, expiresAt: true, usedAt: true } });
    expect(row).toMatchObject({ purpose: "PASSWORD_RESET", userId: employee.id, partnerId: null, usedAt: null });
    const lifetime = row.expiresAt.getTime() - before;
    expect(lifetime).toBeGreaterThan(59 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(60 * 60_000 + 5_000);
    expect(await db.linkToken.count({ where: { tokenHash: token } })).toBe(0);
    expect(await peekPasswordResetToken(token)).toEqual({ state: "VALID", kind: "staff" });
    expect(await db.auditLog.count({ where: { actorId: employee.id, action: "auth.password_reset_requested" } })).toBe(1);
  });

  it("finds a partner by login or by email, and writes in the partner's language", async () => {
    const partner = await createPartner({ locale: "ru" });
    await requestPasswordReset("partner", { identifier: partner.login }, { ip: nextIp() });
    await requestPasswordReset("partner", { identifier: partner.email }, { ip: nextIp() });
    const mails = await resetMails(partner.email);
    expect(mails).toHaveLength(2);
    expect(mails.every((mail) => mail.locale === "ru")).toBe(true);
    expect(await db.linkToken.count({ where: { partnerId: partner.id, purpose: "PASSWORD_RESET" } })).toBe(2);
  });

  it("answers the same for an unknown address, a deactivated employee and a banned partner, and mails none of them", async () => {
    const inactive = await createEmployee({ isActive: false });
    const banned = await createPartner({ status: "BANNED" });
    const unknown = `${unique("nobody")}@${domain}`;

    const timed = async (work: () => Promise<unknown>) => {
      const started = performance.now();
      const result = await work();
      return { result, ms: performance.now() - started };
    };
    const answers = [
      await timed(() => requestPasswordReset("staff", { identifier: unknown }, { ip: nextIp() })),
      await timed(() => requestPasswordReset("staff", { identifier: inactive.email }, { ip: nextIp() })),
      await timed(() => requestPasswordReset("partner", { identifier: banned.login }, { ip: nextIp() })),
      await timed(() => requestPasswordReset("partner", { identifier: unknown }, { ip: nextIp() })),
    ];
    const existing = await createEmployee();
    const known = await timed(() => requestPasswordReset("staff", { identifier: existing.email }, { ip: nextIp() }));

    for (const answer of answers) {
      expect(answer.result).toBe(known.result);
      // Padded to a common floor: a missing account is not answered faster.
      expect(answer.ms).toBeGreaterThanOrEqual(390);
    }
    expect(known.ms).toBeGreaterThanOrEqual(390);
    expect(await resetMails(unknown)).toHaveLength(0);
    expect(await resetMails(inactive.email)).toHaveLength(0);
    expect(await resetMails(banned.email)).toHaveLength(0);
    expect(await db.linkToken.count({ where: { OR: [{ userId: inactive.id }, { partnerId: banned.id }] } })).toBe(0);
    expect(await resetMails(existing.email)).toHaveLength(1);
  });

  it("refuses bad input with a field error and writes nothing", async () => {
    await expectError(requestPasswordReset("staff", { identifier: "   " }, { ip: nextIp() }), "VALIDATION", { identifier: ["passwordReset.errors.identifierRequired"] });
    await expectError(requestPasswordReset("staff", { identifier: "not-an-email" }, { ip: nextIp() }), "VALIDATION", { identifier: ["passwordReset.errors.identifierInvalid"] });
    await expectError(requestPasswordReset("partner", { identifier: 42 }, { ip: nextIp() }), "VALIDATION");
    await expectError(requestPasswordReset("partner", { identifier: "x".repeat(255) }, { ip: nextIp() }), "VALIDATION");
  });

  it("limits requests per identifier (whether or not it has an account), from any address", async () => {
    const employee = await createEmployee();
    for (let i = 0; i < 5; i++) await requestPasswordReset("staff", { identifier: employee.email }, { ip: nextIp() });
    await expectError(requestPasswordReset("staff", { identifier: employee.email }, { ip: nextIp() }), "RATE_LIMITED");
    expect(await resetMails(employee.email)).toHaveLength(5);

    const unknown = `${unique("ghost")}@${domain}`;
    for (let i = 0; i < 5; i++) await requestPasswordReset("staff", { identifier: unknown }, { ip: nextIp() });
    await expectError(requestPasswordReset("staff", { identifier: unknown }, { ip: nextIp() }), "RATE_LIMITED");
  }, 30_000);

  it("limits requests per address across identifiers", async () => {
    const ip = nextIp();
    for (let i = 0; i < 20; i++) await requestPasswordReset("partner", { identifier: unique("guess") }, { ip });
    await expectError(requestPasswordReset("partner", { identifier: unique("guess") }, { ip }), "RATE_LIMITED");
    // Another address is not affected.
    await expect(requestPasswordReset("partner", { identifier: unique("guess") }, { ip: nextIp() })).resolves.toBeUndefined();
  }, 30_000);
});

describe("the reset link", () => {
  it("sets the new password, ends every session, is single-use and audited", async () => {
    const employee = await createEmployee();
    const session = await authenticate("staff", { identifier: employee.email, password: OLD_PASSWORD }, nextIp());
    expect(await verifySessionActor(session)).toMatchObject({ id: employee.id });

    await requestPasswordReset("staff", { identifier: employee.email }, { ip: nextIp() });
    const token = await tokenFromMail(employee.email);
    await expect(resetPassword(token, twice(NEW_PASSWORD), { ip: "10.9.255.1" })).resolves.toEqual({ kind: "staff" });

    const row = await db.user.findUniqueOrThrow({ where: { id: employee.id }, select: { passwordHash: true, sessionVersion: true } });
    expect(await verifyPassword(row.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(row.sessionVersion).toBe(session.sessionVersion + 1);
    expect(await verifySessionActor(session)).toBeNull();
    await expectError(authenticate("staff", { identifier: employee.email, password: OLD_PASSWORD }, nextIp()), "UNAUTHENTICATED");
    expect(await authenticate("staff", { identifier: employee.email, password: NEW_PASSWORD }, nextIp())).toMatchObject({ id: employee.id });

    expect(await peekPasswordResetToken(token)).toEqual({ state: "USED", kind: "staff" });
    await expectError(resetPassword(token, twice("yet-another-password-789")), "NOT_FOUND", { token: ["USED"] });
    expect(await verifyPassword((await db.user.findUniqueOrThrow({ where: { id: employee.id }, select: { passwordHash: true } })).passwordHash, NEW_PASSWORD)).toBe(true);

    const audit = await db.auditLog.findFirstOrThrow({
      where: { actorId: employee.id, action: "auth.password_reset" },
      select: { actorType: true, entityType: true, entityId: true, ip: true },
    });
    expect(audit).toEqual({ actorType: "staff", entityType: "User", entityId: employee.id, ip: "10.9.255.1" });
  });

  it("works for a partner, and a used link also retires the partner's other reset links", async () => {
    const partner = await createPartner();
    const session = await authenticate("partner", { identifier: partner.login, password: OLD_PASSWORD }, nextIp());
    await requestPasswordReset("partner", { identifier: partner.login }, { ip: nextIp() });
    await requestPasswordReset("partner", { identifier: partner.email }, { ip: nextIp() });
    const [first, second] = (await resetMails(partner.email)).map((mail) => mail.props.resetUrl.split("/").pop()!);

    await expect(resetPassword(second, twice(NEW_PASSWORD))).resolves.toEqual({ kind: "partner" });
    expect(await verifySessionActor(session)).toBeNull();
    expect(await authenticate("partner", { identifier: partner.login, password: NEW_PASSWORD }, nextIp())).toMatchObject({ id: partner.id });
    expect((await peekPasswordResetToken(first)).state).toBe("USED");
    await expectError(resetPassword(first, twice("other-password-000")), "NOT_FOUND", { token: ["USED"] });
  });

  it("changes the password once when the same link is submitted twice at once", async () => {
    const employee = await createEmployee();
    await requestPasswordReset("staff", { identifier: employee.email }, { ip: nextIp() });
    const token = await tokenFromMail(employee.email);
    const results = await Promise.allSettled([resetPassword(token, twice("racing-password-aaa")), resetPassword(token, twice("racing-password-bbb"))]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected");
    expect((rejected?.reason as AppError).code).toBe("NOT_FOUND");
    expect((await db.user.findUniqueOrThrow({ where: { id: employee.id }, select: { sessionVersion: true } })).sessionVersion).toBe(1);
    expect(await db.auditLog.count({ where: { actorId: employee.id, action: "auth.password_reset" } })).toBe(1);
  });

  it("refuses an expired link and changes nothing", async () => {
    const employee = await createEmployee();
    await requestPasswordReset("staff", { identifier: employee.email }, { ip: nextIp() });
    const token = await tokenFromMail(employee.email);
    await db.linkToken.update({ where: { tokenHash: hashLinkToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });

    expect(await peekPasswordResetToken(token)).toEqual({ state: "EXPIRED", kind: "staff" });
    await expectError(resetPassword(token, twice(NEW_PASSWORD)), "NOT_FOUND", { token: ["EXPIRED"] });
    const row = await db.user.findUniqueOrThrow({ where: { id: employee.id }, select: { passwordHash: true, sessionVersion: true } });
    expect(await verifyPassword(row.passwordHash, OLD_PASSWORD)).toBe(true);
    expect(row.sessionVersion).toBe(0);
  });

  it("refuses unknown, malformed and other-purpose tokens", async () => {
    const forged = "A".repeat(43);
    expect(await peekPasswordResetToken(forged)).toEqual({ state: "INVALID", kind: null });
    expect(await peekPasswordResetToken("short")).toEqual({ state: "INVALID", kind: null });
    await expectError(resetPassword(forged, twice(NEW_PASSWORD)), "NOT_FOUND", { token: ["INVALID"] });
    await expectError(resetPassword(undefined, twice(NEW_PASSWORD)), "NOT_FOUND");

    const partner = await createPartner();
    const { token } = await db.$transaction((tx) => createLinkToken(tx, { purpose: "PARTNER_EMAIL", ttlHours: 1, partnerId: partner.id }));
    expect((await peekPasswordResetToken(token)).state).toBe("INVALID");
    await expectError(resetPassword(token, twice(NEW_PASSWORD)), "NOT_FOUND", { token: ["INVALID"] });
    expect(await verifyPassword((await db.partner.findUniqueOrThrow({ where: { id: partner.id }, select: { passwordHash: true } })).passwordHash, OLD_PASSWORD)).toBe(true);
  });

  it("checks both passwords and keeps the link usable after a refusal", async () => {
    const employee = await createEmployee();
    await requestPasswordReset("staff", { identifier: employee.email }, { ip: nextIp() });
    const token = await tokenFromMail(employee.email);
    await expectError(resetPassword(token, twice("short")), "VALIDATION", { password: ["passwordReset.errors.passwordTooShort"] });
    await expectError(resetPassword(token, twice("x".repeat(201))), "VALIDATION");
    await expectError(resetPassword(token, { password: NEW_PASSWORD, confirm: `${NEW_PASSWORD}!` }), "VALIDATION", { confirm: ["passwordReset.errors.mismatch"] });
    expect((await peekPasswordResetToken(token)).state).toBe("VALID");
    await expect(resetPassword(token, twice(NEW_PASSWORD))).resolves.toEqual({ kind: "staff" });
  });

  it("refuses when the employee was deactivated after the mail left", async () => {
    const employee = await createEmployee();
    await requestPasswordReset("staff", { identifier: employee.email }, { ip: nextIp() });
    const token = await tokenFromMail(employee.email);
    await db.user.update({ where: { id: employee.id }, data: { isActive: false } });
    await expectError(resetPassword(token, twice(NEW_PASSWORD)), "NOT_FOUND", { token: ["INVALID"] });
    expect(await verifyPassword((await db.user.findUniqueOrThrow({ where: { id: employee.id }, select: { passwordHash: true } })).passwordHash, OLD_PASSWORD)).toBe(true);
    // The refusal rolled the claim back: the token was not spent on nothing.
    expect((await peekPasswordResetToken(token)).state).toBe("VALID");
  });
});
