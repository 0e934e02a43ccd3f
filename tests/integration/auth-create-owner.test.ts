import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createOwner } from "@/lib/auth/create-owner";
import { verifyPassword } from "@/lib/auth/password";
import { db, disconnectDb } from "@/lib/db";
import { refusal } from "../helpers/refusal";

const ROOT = path.resolve(import.meta.dirname, "../..");
const created: string[] = [];
const newEmail = () => `owner-${randomUUID()}@test.lavka`;

afterAll(async () => {
  await db.auditLog.deleteMany({ where: { entityType: "User", entityId: { in: created } } });
  await db.user.deleteMany({ where: { id: { in: created } } });
  await disconnectDb();
});

describe("createOwner", () => {
  it("creates an active OWNER with an argon2id hash and an audit entry", async () => {
    const email = newEmail();
    const owner = await createOwner({ email: `  ${email.toUpperCase()} `, name: " Анна ", password: "correct horse battery" }, { source: "cli" });
    created.push(owner.id);
    const row = await db.user.findUniqueOrThrow({ where: { id: owner.id }, select: { email: true, name: true, role: true, isActive: true, passwordHash: true } });
    expect(row).toMatchObject({ email, name: "Анна", role: "OWNER", isActive: true });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash, "correct horse battery")).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "User", entityId: owner.id }, select: { action: true, data: true } });
    expect(audit).toEqual({ action: "user.owner_created", data: { source: "cli" } });
  });

  it("refuses an email already used, a short password and a bad email, writing nothing", async () => {
    const email = newEmail();
    const first = await createOwner({ email, name: "First", password: "correct horse battery" }, { source: "cli" });
    created.push(first.id);
    const taken = await refusal(createOwner({ email, name: "Second", password: "another good one" }, { source: "cli" }));
    expect(taken.code).toBe("CONFLICT");
    expect(taken.fieldErrors?.email).toEqual(["setup.errors.emailTaken"]);

    const other = newEmail();
    const invalid = await refusal(createOwner({ email: "not-an-email", name: "", password: "short" }, { source: "cli" }));
    expect(invalid.code).toBe("VALIDATION");
    expect(Object.keys(invalid.fieldErrors ?? {}).sort()).toEqual(["email", "name", "password"]);
    await refusal(createOwner({ email: other, name: "x", password: "short" }, { source: "cli" }));
    expect(await db.user.count({ where: { email: { in: [other, "not-an-email"] } } })).toBe(0);
  });
});

describe("npm run create-owner", () => {
  const run = (args: string[], env: Record<string, string> = {}) =>
    promisify(execFile)(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/create-owner.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    }).then(
      ({ stdout }) => ({ code: 0, stdout, stderr: "" }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  it("creates the owner from flags and the environment, and refuses the same email again", async () => {
    const email = newEmail();
    const done = await run(["--email", email, "--name", "Cli Owner"], { LAVKA_OWNER_PASSWORD: "cli password 123" });
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain(`created the owner Cli Owner <${email}>`);
    const row = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true, passwordHash: true } });
    created.push(row.id);
    expect(row.role).toBe("OWNER");
    expect(await verifyPassword(row.passwordHash, "cli password 123")).toBe(true);

    const again = await run(["--email", email, "--name", "Someone", "--password", "cli password 456"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("email: An employee with this email already exists");
    expect(await db.user.count({ where: { email } })).toBe(1);
  }, 60_000);

  it("names what is missing when not on a terminal, and rejects a weak password", async () => {
    const missing = await run(["--email", newEmail()], { LAVKA_OWNER_NAME: "", LAVKA_OWNER_PASSWORD: "" });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("missing name, password");
    const email = newEmail();
    const weak = await run(["--email", email, "--name", "Weak", "--password", "short"]);
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain("password: Use 10 to 200 characters");
    expect(await db.user.count({ where: { email } })).toBe(0);
  }, 60_000);
});
