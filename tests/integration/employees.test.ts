// Settings → Employees against a real, migrated PostgreSQL of its own: the "last active owner"
// rule needs a database where this file decides who the owners are (other files create owners
// in the shared one). Invitations (user, hashed 7-day token, mail in the outbox; resend retires
// the earlier link; the link sets the password once and activates), role changes and
// deactivation (sessions end), audit entries, every action refused to every other role, and
// two owners demoting or deactivating each other at once: one of them stays.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { withDatabase } from "@/lib/db/embedded";
import type { Role } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { createMigratedDatabase } from "../helpers/test-database";
import type * as DbModule from "@/lib/db";
import type * as InviteEmployeeModule from "@/lib/employees/invite-employee";
import type * as ChangeEmployeeRoleModule from "@/lib/employees/change-employee-role";
import type * as SetEmployeeActiveModule from "@/lib/employees/set-employee-active";
import type * as AcceptEmployeeInviteModule from "@/lib/employees/accept-employee-invite";
import type * as ListEmployeesModule from "@/lib/employees/list-employees";
import type * as AuthenticateModule from "@/lib/auth/authenticate";
import type * as GuardModule from "@/lib/auth/guard";
import type * as PasswordModule from "@/lib/auth/password";
import type * as SendMailModule from "@/lib/mail/jobs/send-mail";
import type * as LinkTokenModule from "@/lib/tokens/link-token";

const run = randomUUID().replaceAll("-", "").slice(0, 8);
const databaseName = `lavka_test_employees_${run}`;
const PASSWORD = "employee-password-123";

// Imported once this file's database is in DATABASE_URL (lib/db and lib/env read it on first use).
let db: typeof DbModule.db;
let disconnectDb: typeof DbModule.disconnectDb;
let inviteEmployee: typeof InviteEmployeeModule.inviteEmployee;
let resendEmployeeInvite: typeof InviteEmployeeModule.resendEmployeeInvite;
let changeEmployeeRole: typeof ChangeEmployeeRoleModule.changeEmployeeRole;
let setEmployeeActive: typeof SetEmployeeActiveModule.setEmployeeActive;
let acceptEmployeeInvite: typeof AcceptEmployeeInviteModule.acceptEmployeeInvite;
let peekEmployeeInvite: typeof AcceptEmployeeInviteModule.peekEmployeeInvite;
let listEmployees: typeof ListEmployeesModule.listEmployees;
let authenticate: typeof AuthenticateModule.authenticate;
let verifySessionActor: typeof GuardModule.verifySessionActor;
let hashPassword: typeof PasswordModule.hashPassword;
let ZSendMailPayload: typeof SendMailModule.ZSendMailPayload;
let hashLinkToken: typeof LinkTokenModule.hashLinkToken;

beforeAll(async () => {
  process.env.DATABASE_URL = await createMigratedDatabase(inject("serverUrl"), databaseName);
  ({ db, disconnectDb } = await import("@/lib/db"));
  ({ inviteEmployee, resendEmployeeInvite } = await import("@/lib/employees/invite-employee"));
  ({ changeEmployeeRole } = await import("@/lib/employees/change-employee-role"));
  ({ setEmployeeActive } = await import("@/lib/employees/set-employee-active"));
  ({ acceptEmployeeInvite, peekEmployeeInvite } = await import("@/lib/employees/accept-employee-invite"));
  ({ listEmployees } = await import("@/lib/employees/list-employees"));
  ({ authenticate } = await import("@/lib/auth/authenticate"));
  ({ verifySessionActor } = await import("@/lib/auth/guard"));
  ({ hashPassword } = await import("@/lib/auth/password"));
  ({ ZSendMailPayload } = await import("@/lib/mail/jobs/send-mail"));
  ({ hashLinkToken } = await import("@/lib/tokens/link-token"));
});

afterAll(async () => {
  await disconnectDb?.();
  // The sign-in rate limits keep a pool of their own on this database.
  const globalForPool = globalThis as unknown as { lavkaPgPool?: pg.Pool };
  await globalForPool.lavkaPgPool?.end();
  globalForPool.lavkaPgPool = undefined;
  const client = new pg.Client({ connectionString: withDatabase(inject("serverUrl"), "postgres") });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`).finally(() => client.end());
});

let sequence = 0;
async function createUser(role: Role, isActive = true) {
  const email = `u${++sequence}-${run}@staff.lavka.test`;
  const user = await db.user.create({ data: { email, name: `User ${sequence}`, role, isActive, passwordHash: await hashPassword(PASSWORD) }, select: { id: true, email: true, role: true } });
  return { ...user, actor: { id: user.id, role } };
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

async function inviteTokens(email: string) {
  const rows = await db.outboxEvent.findMany({ where: { jobName: "mail.send", payload: { path: ["to"], equals: email } }, select: { payload: true }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => {
    const payload = ZSendMailPayload.parse(row.payload);
    if (payload.template !== "employee-invite") throw new Error(`unexpected template ${payload.template}`);
    return payload.props.acceptUrl.split("/").pop()!;
  });
}

const twice = (password: string) => ({ password, confirm: password });

/** Only this file's owners are active: earlier tests may have left some; each owner test starts from its own. */
async function onlyOwners(...ids: string[]) {
  await db.user.updateMany({ where: { role: "OWNER", id: { notIn: ids } }, data: { isActive: false } });
}

describe("invitations", () => {
  it("creates the employee inactive with no usable password, mails a 7-day link, and the link activates once", async () => {
    const owner = await createUser("OWNER");
    const email = `new-${run}@staff.lavka.test`;
    const before = Date.now();
    const { id } = await inviteEmployee({ email: ` ${email.toUpperCase()} `, name: " Olga ", role: "OPERATOR", locale: "en" }, owner.actor, { ip: "10.1.1.1" });

    const user = await db.user.findUniqueOrThrow({ where: { id }, select: { email: true, name: true, role: true, isActive: true, locale: true } });
    expect(user).toEqual({ email, name: "Olga", role: "OPERATOR", isActive: false, locale: "en" });
    await expectError(authenticate("staff", { identifier: email, password: "!invite-pending" }, `ip-${run}`), "UNAUTHENTICATED");
    expect((await listEmployees(owner.actor)).find((row) => row.id === id)).toMatchObject({ status: "INVITED", lastSignInAt: null });

    const [token] = await inviteTokens(email);
    const row = await db.linkToken.findUniqueOrThrow({ where: { tokenHash: hashLinkToken(token!) }, select: { purpose: true, userId: true, expiresAt: true } });
    expect(row).toMatchObject({ purpose: "EMPLOYEE_INVITE", userId: id });
    expect(row.expiresAt.getTime() - before).toBeGreaterThan(7 * 24 * 3_600_000 - 60_000);
    expect(row.expiresAt.getTime() - before).toBeLessThanOrEqual(7 * 24 * 3_600_000 + 5_000);
    expect(await peekEmployeeInvite(token)).toEqual({ state: "VALID", email });

    await expectError(acceptEmployeeInvite(token, { password: PASSWORD, confirm: "other" }), "VALIDATION", { confirm: ["passwordReset.errors.mismatch"] });
    await acceptEmployeeInvite(token, twice(PASSWORD));
    expect(await authenticate("staff", { identifier: email, password: PASSWORD }, `ip-${run}`)).toMatchObject({ id, role: "OPERATOR" });
    expect((await peekEmployeeInvite(token)).state).toBe("USED");
    await expectError(acceptEmployeeInvite(token, twice("another-password-1")), "NOT_FOUND", { token: ["USED"] });

    const audits = await db.auditLog.findMany({ where: { entityId: id }, select: { action: true, actorId: true }, orderBy: { id: "asc" } });
    expect(audits.map((audit) => audit.action)).toEqual(["employee.invite", "employee.invite_accepted"]);
  });

  it("refuses a taken email and bad input, writing nothing", async () => {
    const owner = await createUser("OWNER");
    const existing = await createUser("MANAGER");
    // Only these emails: other files create users at the same time.
    const refusedUsers = () => db.user.count({ where: { email: { in: [existing.email, existing.email.toUpperCase(), "nope"], mode: "insensitive" } } });
    const count = await refusedUsers();
    await expectError(inviteEmployee({ email: existing.email.toUpperCase(), name: "X", role: "MANAGER" }, owner.actor), "CONFLICT", { email: ["settings.employees.errors.emailTaken"] });
    await expectError(inviteEmployee({ email: "nope", name: "", role: "KING" }, owner.actor), "VALIDATION", {
      email: ["settings.employees.errors.emailInvalid"],
      name: ["settings.employees.errors.nameRequired"],
      role: ["settings.employees.errors.roleInvalid"],
    });
    expect(await refusedUsers()).toBe(count);
  });

  it("resend retires the earlier link; an expired link and a revoked invitation refuse", async () => {
    const owner = await createUser("OWNER");
    const email = `resend-${run}@staff.lavka.test`;
    const { id } = await inviteEmployee({ email, name: "Rita", role: "LOGISTICS" }, owner.actor);
    await resendEmployeeInvite({ userId: id }, owner.actor);
    const [first, second] = await inviteTokens(email);
    expect((await peekEmployeeInvite(first)).state).toBe("USED");
    expect((await peekEmployeeInvite(second)).state).toBe("VALID");

    await db.linkToken.update({ where: { tokenHash: hashLinkToken(second!) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await peekEmployeeInvite(second)).state).toBe("EXPIRED");
    await expectError(acceptEmployeeInvite(second, twice(PASSWORD)), "NOT_FOUND", { token: ["EXPIRED"] });

    await resendEmployeeInvite({ userId: id }, owner.actor);
    const third = (await inviteTokens(email))[2]!;
    await expectError(setEmployeeActive({ userId: id, isActive: true }, owner.actor), "CONFLICT");
    await setEmployeeActive({ userId: id, isActive: false }, owner.actor);
    expect((await peekEmployeeInvite(third)).state).toBe("USED");
    await expectError(acceptEmployeeInvite(third, twice(PASSWORD)), "NOT_FOUND");
    expect((await listEmployees(owner.actor)).find((row) => row.id === id)?.status).toBe("DEACTIVATED");
    await expectError(resendEmployeeInvite({ userId: id }, owner.actor), "CONFLICT");
  });
});

describe("roles and activation", () => {
  it("changes a role (applied to open sessions at once) and audits before/after", async () => {
    const owner = await createUser("OWNER");
    const operator = await createUser("OPERATOR");
    const session = await authenticate("staff", { identifier: operator.email, password: PASSWORD }, `ip-${run}`);
    await changeEmployeeRole({ userId: operator.id, role: "MANAGER" }, owner.actor, { ip: "10.2.2.2" });
    expect(await verifySessionActor(session)).toMatchObject({ id: operator.id, role: "MANAGER" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: operator.id, action: "employee.role_changed" }, select: { actorId: true, data: true, ip: true } });
    expect(audit).toEqual({ actorId: owner.id, data: { before: { role: "OPERATOR" }, after: { role: "MANAGER" } }, ip: "10.2.2.2" });
  });

  it("deactivation ends the sessions and blocks sign-in; reactivation lets the employee in again", async () => {
    const owner = await createUser("OWNER");
    const employee = await createUser("ACCOUNTANT");
    const session = await authenticate("staff", { identifier: employee.email, password: PASSWORD }, `ip-${run}`);
    await setEmployeeActive({ userId: employee.id, isActive: false }, owner.actor);
    expect(await verifySessionActor(session)).toBeNull();
    await expectError(authenticate("staff", { identifier: employee.email, password: PASSWORD }, `ip-${run}`), "FORBIDDEN");
    await setEmployeeActive({ userId: employee.id, isActive: true }, owner.actor);
    expect(await verifySessionActor(session)).toBeNull();
    expect(await authenticate("staff", { identifier: employee.email, password: PASSWORD }, `ip-${run}`)).toMatchObject({ id: employee.id });
    const actions = (await db.auditLog.findMany({ where: { entityId: employee.id, actorId: owner.id }, select: { action: true }, orderBy: { id: "asc" } })).map((row) => row.action);
    expect(actions).toEqual(["employee.deactivated", "employee.reactivated"]);
    await expectError(setEmployeeActive({ userId: owner.id, isActive: false }, owner.actor), "CONFLICT", { _: ["settings.employees.errors.self"] });
  });

  it("never lets the last active owner be demoted or deactivated", async () => {
    const a = await createUser("OWNER");
    const b = await createUser("OWNER");
    await onlyOwners(a.id, b.id);
    await changeEmployeeRole({ userId: b.id, role: "MANAGER" }, a.actor);
    await expectError(changeEmployeeRole({ userId: a.id, role: "MANAGER" }, a.actor), "CONFLICT", { _: ["settings.employees.errors.lastOwner"] });
    expect((await db.user.findUniqueOrThrow({ where: { id: a.id }, select: { role: true } })).role).toBe("OWNER");

    // A deactivated owner does not count.
    const c = await createUser("OWNER");
    await setEmployeeActive({ userId: c.id, isActive: false }, a.actor);
    await expectError(changeEmployeeRole({ userId: a.id, role: "OPERATOR" }, a.actor), "CONFLICT");
    // With another active owner, the owner may step down.
    await changeEmployeeRole({ userId: b.id, role: "OWNER" }, a.actor);
    await changeEmployeeRole({ userId: a.id, role: "MANAGER" }, { id: a.id, role: "OWNER" });
    expect((await db.user.findUniqueOrThrow({ where: { id: a.id }, select: { role: true } })).role).toBe("MANAGER");
  });

  it("two owners demoting or deactivating each other at once leave one active owner", async () => {
    for (let round = 0; round < 5; round++) {
      const a = await createUser("OWNER");
      const b = await createUser("OWNER");
      await onlyOwners(a.id, b.id);
      const results =
        round % 2 === 0
          ? await Promise.allSettled([changeEmployeeRole({ userId: b.id, role: "MANAGER" }, a.actor), changeEmployeeRole({ userId: a.id, role: "MANAGER" }, b.actor)])
          : await Promise.allSettled([setEmployeeActive({ userId: b.id, isActive: false }, a.actor), setEmployeeActive({ userId: a.id, isActive: false }, b.actor)]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      expect(((results.find((result) => result.status === "rejected") as PromiseRejectedResult).reason as AppError).code).toBe("CONFLICT");
      expect(await db.user.count({ where: { role: "OWNER", isActive: true } })).toBe(1);
    }
  });
});

describe("cross-access", () => {
  it("refuses every action and the list to every role but OWNER, changing nothing", async () => {
    const target = await createUser("OPERATOR");
    const invited = await inviteEmployee({ email: `x-${run}@staff.lavka.test`, name: "Xenia", role: "OPERATOR" }, (await createUser("OWNER")).actor);
    const before = await db.user.findMany({ select: { id: true, role: true, isActive: true, sessionVersion: true }, orderBy: { id: "asc" } });
    for (const role of ["MANAGER", "OPERATOR", "LOGISTICS", "ACCOUNTANT"] as const) {
      const { actor } = await createUser(role);
      await expectError(listEmployees(actor), "FORBIDDEN");
      await expectError(inviteEmployee({ email: `${role}-${run}@x.test`, name: "Y", role: "OWNER" }, actor), "FORBIDDEN");
      await expectError(resendEmployeeInvite({ userId: invited.id }, actor), "FORBIDDEN");
      await expectError(changeEmployeeRole({ userId: actor.id, role: "OWNER" }, actor), "FORBIDDEN");
      await expectError(changeEmployeeRole({ userId: target.id, role: "MANAGER" }, actor), "FORBIDDEN");
      await expectError(setEmployeeActive({ userId: target.id, isActive: false }, actor), "FORBIDDEN");
    }
    // A forged actor is refused too.
    await expectError(listEmployees({ id: "", role: "OWNER" }), "FORBIDDEN");
    const after = await db.user.findMany({
      where: { id: { in: before.map((row) => row.id) } },
      select: { id: true, role: true, isActive: true, sessionVersion: true },
      orderBy: { id: "asc" },
    });
    expect(after).toEqual(before);
    expect(await db.user.count({ where: { email: { endsWith: "@x.test" } } })).toBe(0);
  });
});
