// The first-run page's rules need a database without an owner, which the shared test database
// (other files create owners in parallel) cannot promise: this file works on its own database.
import { randomInt } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { completeFirstOwnerSetup, getSetupAccess, issueSetupToken, SETUP_TOKEN_SETTING_KEY } from "@/lib/auth/first-owner-setup";
import { verifyPassword } from "@/lib/auth/password";
import { db, disconnectDb } from "@/lib/db";
import { withDatabase } from "@/lib/db/embedded";
import { getPgPool } from "@/lib/db/pool";
import { resetEnvCache } from "@/lib/env";
import { type AppError } from "@/lib/errors";
import { createMigratedDatabase } from "../helpers/test-database";
import { refusal } from "../helpers/refusal";

const serverUrl = inject("serverUrl");
const database = `lavka_setup_${process.pid}`;
// Client addresses unique to the run and the test: the rate limit outlives a run in Redis (with
// REDIS_URL) and is not reset by clearing PostgreSQL's table.
const runByte = randomInt(1, 255);
let loopbackCount = 0;
let LOOPBACK = "127.0.0.1";
let remoteCount = 0;
const remoteIp = () => `2001:db8:${runByte.toString(16)}:${Date.now().toString(16).slice(-4)}::${(++remoteCount).toString(16)}`;
const form = (email: string, overrides: Record<string, string> = {}) => ({ email, name: "First Owner", password: "first owner pass", confirm: "first owner pass", ...overrides });

beforeAll(async () => {
  process.env.DATABASE_URL = await createMigratedDatabase(serverUrl, database);
  resetEnvCache();
});

beforeEach(async () => {
  loopbackCount += 1;
  LOOPBACK = `127.${runByte}.${Math.floor(Date.now() / 1000) % 250}.${loopbackCount}`;
  await db.auditLog.deleteMany();
  await db.user.deleteMany();
  await db.setting.deleteMany({ where: { key: SETUP_TOKEN_SETTING_KEY } });
  await db.rateLimit.deleteMany();
});

afterAll(async () => {
  await disconnectDb();
  await getPgPool().end();
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).finally(() => client.end());
});

describe("first-owner setup", () => {
  it("creates the owner from the machine itself, then closes", async () => {
    expect(await getSetupAccess({ ip: LOOPBACK })).toBe("allowed");
    expect(await getSetupAccess({ ip: "::1" })).toBe("allowed");
    const owner = await completeFirstOwnerSetup(form(" First@Shop.Example "), { ip: LOOPBACK });
    const row = await db.user.findUniqueOrThrow({ where: { id: owner.id }, select: { email: true, role: true, isActive: true, passwordHash: true } });
    expect(row).toMatchObject({ email: "first@shop.example", role: "OWNER", isActive: true });
    expect(await verifyPassword(row.passwordHash, "first owner pass")).toBe(true);
    expect(await db.auditLog.findFirst({ where: { entityId: owner.id }, select: { action: true, data: true, ip: true } })).toEqual({
      action: "user.owner_created",
      data: { source: "setup" },
      ip: LOOPBACK,
    });

    expect(await getSetupAccess({ ip: LOOPBACK })).toBe("closed");
    expect(await issueSetupToken()).toBeNull();
    const again = await refusal(completeFirstOwnerSetup(form("second@shop.example"), { ip: LOOPBACK }));
    expect(again.code).toBe("CONFLICT");
    expect(await db.user.count()).toBe(1);
  });

  it("refuses a remote visitor without a token, with a wrong one or an expired one, writing nothing", async () => {
    const ip = remoteIp();
    expect(await getSetupAccess({ ip })).toBe("needs-token");
    expect((await refusal(completeFirstOwnerSetup(form("a@shop.example"), { ip }))).code).toBe("FORBIDDEN");

    const issued = await issueSetupToken();
    expect(issued?.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const wrong = `${issued!.token.slice(0, -1)}${issued!.token.endsWith("A") ? "B" : "A"}`;
    expect(await getSetupAccess({ ip, token: wrong })).toBe("needs-token");
    expect((await refusal(completeFirstOwnerSetup(form("a@shop.example"), { ip, token: wrong }))).code).toBe("FORBIDDEN");
    expect((await refusal(completeFirstOwnerSetup(form("a@shop.example"), { ip, token: "short" }))).code).toBe("FORBIDDEN");

    // Issued a day and a minute ago: expired.
    const stale = await issueSetupToken(undefined, new Date(Date.now() - 24 * 3_600_000 - 60_000));
    expect(await getSetupAccess({ ip, token: stale!.token })).toBe("needs-token");
    expect((await refusal(completeFirstOwnerSetup(form("a@shop.example"), { ip: remoteIp(), token: stale!.token }))).code).toBe("FORBIDDEN");
    expect(await db.user.count()).toBe(0);
  });

  it("lets a remote visitor in with the token, once", async () => {
    const issued = await issueSetupToken();
    const ip = remoteIp();
    expect(await getSetupAccess({ ip, token: issued!.token })).toBe("allowed");
    const owner = await completeFirstOwnerSetup(form("remote@shop.example"), { ip, token: issued!.token });
    expect(await db.setting.findUnique({ where: { key: SETUP_TOKEN_SETTING_KEY } })).toBeNull();

    // Even with no active owner again, the spent token opens nothing.
    await db.user.update({ where: { id: owner.id }, data: { isActive: false } });
    expect(await getSetupAccess({ ip, token: issued!.token })).toBe("needs-token");
    expect((await refusal(completeFirstOwnerSetup(form("other@shop.example"), { ip, token: issued!.token }))).code).toBe("FORBIDDEN");
  });

  it("validates the form before anything else", async () => {
    const invalid = await refusal(completeFirstOwnerSetup(form("not-an-email", { name: " ", password: "short", confirm: "other" }), { ip: LOOPBACK }));
    expect(invalid.code).toBe("VALIDATION");
    expect(invalid.fieldErrors).toEqual({
      email: ["setup.errors.emailInvalid"],
      name: ["setup.errors.nameRequired"],
      password: ["setup.errors.passwordLength"],
      confirm: ["setup.errors.passwordMismatch"],
    });
    const mismatch = await refusal(completeFirstOwnerSetup(form("a@shop.example", { confirm: "first owner pasS" }), { ip: LOOPBACK }));
    expect(mismatch.fieldErrors).toEqual({ confirm: ["setup.errors.passwordMismatch"] });
    expect(await db.user.count()).toBe(0);
  });

  it("makes one owner of concurrent submits", async () => {
    const results = await Promise.allSettled(Array.from({ length: 5 }, (_, index) => completeFirstOwnerSetup(form(`owner${index}@shop.example`), { ip: LOOPBACK })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) if (result.status === "rejected") expect((result.reason as AppError).code).toBe("CONFLICT");
    expect(await db.user.count({ where: { role: "OWNER" } })).toBe(1);
  });

  it("is rate-limited per address", async () => {
    const ip = remoteIp();
    for (let attempt = 0; attempt < 5; attempt++) expect((await refusal(completeFirstOwnerSetup(form("a@shop.example"), { ip }))).code).toBe("FORBIDDEN");
    expect((await refusal(completeFirstOwnerSetup(form("a@shop.example"), { ip }))).code).toBe("RATE_LIMITED");
  });
});
