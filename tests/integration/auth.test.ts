import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { changePassword } from "@/lib/auth/change-password";
import { verifySessionActor } from "@/lib/auth/guard";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { setEmployeeActive } from "@/lib/employees/set-employee-active";

const created = { users: [] as string[], partners: [] as string[] };

async function createUser(overrides: { isActive?: boolean; role?: "OWNER" | "OPERATOR" } = {}) {
  const email = `user-${randomUUID()}@test.lavka`;
  const user = await db.user.create({
    data: { email, name: "Test User", role: overrides.role ?? "OPERATOR", isActive: overrides.isActive ?? true, passwordHash: await hashPassword("correct horse") },
  });
  created.users.push(user.id);
  return user;
}

async function createPartner(status: "ACTIVE" | "BANNED" = "ACTIVE") {
  const login = `p${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const partner = await db.partner.create({
    data: { login, email: `${login}@test.lavka`, name: "Test Partner", status, passwordHash: await hashPassword("partner pass") },
  });
  created.partners.push(partner.id);
  return partner;
}

async function expectCode(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

afterAll(async () => {
  await db.auditLog.deleteMany({ where: { actorId: { in: [...created.users, ...created.partners] } } });
  await db.user.deleteMany({ where: { id: { in: created.users } } });
  await db.partner.deleteMany({ where: { id: { in: created.partners } } });
  await disconnectDb();
});

describe("password hashing", () => {
  it("uses argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("s3cret");
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, "s3cret")).toBe(true);
    expect(await verifyPassword(hash, "S3cret")).toBe(false);
    expect(await verifyPassword("not-a-hash", "s3cret")).toBe(false);
  });
});

describe("staff sign-in", () => {
  it("signs in with the right password (email case-insensitive) and records it", async () => {
    const user = await createUser();
    const actor = await authenticate("staff", { identifier: user.email.toUpperCase(), password: "correct horse" }, `ip-${randomUUID()}`);
    expect(actor).toMatchObject({ kind: "staff", id: user.id, role: "OPERATOR", sessionVersion: 0 });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { lastSignInAt: true } });
    expect(after.lastSignInAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "auth.sign_in" } })).toBe(1);
  });

  it("refuses a wrong password and an unknown email with the same error", async () => {
    const user = await createUser();
    const ip = `ip-${randomUUID()}`;
    await expectCode(authenticate("staff", { identifier: user.email, password: "wrong" }, ip), "UNAUTHENTICATED");
    await expectCode(authenticate("staff", { identifier: `nobody-${randomUUID()}@test.lavka`, password: "wrong" }, ip), "UNAUTHENTICATED");
  });

  it("refuses a deactivated employee", async () => {
    const user = await createUser({ isActive: false });
    await expectCode(authenticate("staff", { identifier: user.email, password: "correct horse" }, `ip-${randomUUID()}`), "FORBIDDEN");
  });

  it("rejects malformed input without touching the database", async () => {
    await expectCode(authenticate("staff", { identifier: "", password: "" }), "VALIDATION");
    await expectCode(authenticate("staff", { identifier: 42, password: ["x"] }), "VALIDATION");
  });

  it("rate-limits repeated failures per account and IP, even with the right password afterwards", async () => {
    const user = await createUser();
    const ip = `ip-${randomUUID()}`;
    for (let attempt = 0; attempt < 10; attempt++) {
      await expectCode(authenticate("staff", { identifier: user.email, password: `wrong-${attempt}` }, ip), "UNAUTHENTICATED");
    }
    await expectCode(authenticate("staff", { identifier: user.email, password: "correct horse" }, ip), "RATE_LIMITED");
    // Another IP is not blocked by this one's failures.
    await expect(authenticate("staff", { identifier: user.email, password: "correct horse" }, `ip-${randomUUID()}`)).resolves.toMatchObject({ id: user.id });
  });
});

describe("partner sign-in", () => {
  it("accepts the login or the email", async () => {
    const partner = await createPartner();
    const ip = `ip-${randomUUID()}`;
    await expect(authenticate("partner", { identifier: partner.login, password: "partner pass" }, ip)).resolves.toMatchObject({ kind: "partner", id: partner.id, login: partner.login });
    await expect(authenticate("partner", { identifier: partner.email, password: "partner pass" }, ip)).resolves.toMatchObject({ id: partner.id });
  });

  it("refuses a banned partner", async () => {
    const partner = await createPartner("BANNED");
    await expectCode(authenticate("partner", { identifier: partner.login, password: "partner pass" }, `ip-${randomUUID()}`), "FORBIDDEN");
  });

  it("an employee's credentials do not sign in as a partner", async () => {
    const user = await createUser();
    await expectCode(authenticate("partner", { identifier: user.email, password: "correct horse" }, `ip-${randomUUID()}`), "UNAUTHENTICATED");
  });
});

describe("session verification", () => {
  it("ends sessions on password change (session version) and deactivation, and follows role changes", async () => {
    const user = await createUser();
    const actor = await authenticate("staff", { identifier: user.email, password: "correct horse" }, `ip-${randomUUID()}`);
    expect(await verifySessionActor(actor)).toMatchObject({ id: user.id, role: "OPERATOR" });

    await db.user.update({ where: { id: user.id }, data: { role: "MANAGER" } });
    expect(await verifySessionActor(actor)).toMatchObject({ role: "MANAGER" });

    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await verifySessionActor(actor)).toBeNull();

    const fresh = { ...actor, sessionVersion: 1 };
    expect(await verifySessionActor(fresh)).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { isActive: false } });
    expect(await verifySessionActor(fresh)).toBeNull();
  });

  it("ends a partner's session when banned", async () => {
    const partner = await createPartner();
    const actor = await authenticate("partner", { identifier: partner.login, password: "partner pass" }, `ip-${randomUUID()}`);
    expect(await verifySessionActor(actor)).not.toBeNull();
    await db.partner.update({ where: { id: partner.id }, data: { status: "BANNED" } });
    expect(await verifySessionActor(actor)).toBeNull();
  });
});

describe("password change and deactivation", () => {
  it("a password change ends existing sessions and the new password signs in", async () => {
    const user = await createUser();
    const actor = await authenticate("staff", { identifier: user.email, password: "correct horse" }, `ip-${randomUUID()}`);
    await expectCode(changePassword({ kind: "staff", id: user.id }, { currentPassword: "wrong", newPassword: "a brand new one" }), "VALIDATION");
    await expect(changePassword({ kind: "staff", id: user.id }, { currentPassword: "correct horse", newPassword: "short" })).rejects.toThrow();
    expect(await verifySessionActor(actor)).not.toBeNull();

    await changePassword({ kind: "staff", id: user.id }, { currentPassword: "correct horse", newPassword: "a brand new one" });
    expect(await verifySessionActor(actor)).toBeNull();
    await expectCode(authenticate("staff", { identifier: user.email, password: "correct horse" }, `ip-${randomUUID()}`), "UNAUTHENTICATED");
    const fresh = await authenticate("staff", { identifier: user.email, password: "a brand new one" }, `ip-${randomUUID()}`);
    expect(await verifySessionActor(fresh)).not.toBeNull();
  });

  it("deactivating an employee ends their sessions; nobody deactivates themselves", async () => {
    const owner = await createUser({ role: "OWNER" });
    const ownerActor = { id: owner.id, role: owner.role };
    const user = await createUser();
    const actor = await authenticate("staff", { identifier: user.email, password: "correct horse" }, `ip-${randomUUID()}`);
    await expectCode(setEmployeeActive({ userId: owner.id, isActive: false }, ownerActor), "CONFLICT");
    await setEmployeeActive({ userId: user.id, isActive: false }, ownerActor);
    expect(await verifySessionActor(actor)).toBeNull();
    await setEmployeeActive({ userId: user.id, isActive: true }, ownerActor);
    // Reactivation does not revive the old session: its version moved on.
    expect(await verifySessionActor(actor)).toBeNull();
  });

  it("a partner's password change ends the partner's sessions", async () => {
    const partner = await createPartner();
    const actor = await authenticate("partner", { identifier: partner.login, password: "partner pass" }, `ip-${randomUUID()}`);
    await changePassword({ kind: "partner", id: partner.id }, { currentPassword: "partner pass", newPassword: "another partner pass" });
    expect(await verifySessionActor(actor)).toBeNull();
  });
});
