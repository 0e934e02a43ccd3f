// The postback pages' Server Actions and reads against a real PostgreSQL: a partner sets their
// postback URL (http(s) only, a host the worker may call; refused values write nothing), reads
// only their own log, and replays only their own entries: another partner's id is "not found",
// with nothing queued. On the owner's side, replay follows the partners section of the
// permissions table (OWNER, MANAGER), everyone else is refused.
import { randomUUID } from "node:crypto";
import type * as NextAuthModule from "next-auth";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { replayPostbackAction } from "@/app/admin/partners/[id]/actions";
import { replayOwnPostbackAction, savePostbackUrlAction } from "@/app/partner/postbacks/actions";
import { initialActionState as initialPostbackActionState } from "@/lib/forms/action-state";
import { listPostbackLogs } from "@/lib/affiliates/postbacks/list-postback-logs";
import { POSTBACK_HOST_ERRORS, setPostbackUrl } from "@/lib/affiliates/postbacks/set-postback-url";
import { POSTBACK_URL_ERRORS } from "@/lib/affiliates/postbacks/validate-postback-url";
import { canOpenSection } from "@/lib/auth/permissions";
import { db, disconnectDb } from "@/lib/db";
import type { Role } from "@/lib/db/generated/enums";
import { resetEnvCache } from "@/lib/env";

// The actions read the session through next-auth; the tests choose who is signed in.
const session = vi.hoisted(() => ({ current: null as null | { actor: unknown } }));
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<typeof NextAuthModule>()), getServerSession: async () => session.current }));
// Outside a Next.js request there is no cache to revalidate and no request headers.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }) }));

const run = randomUUID().slice(0, 8);
const partnerIds: string[] = [];
const userIds: string[] = [];

async function createPartner(suffix: string) {
  const login = `pbcab${run}${suffix}`;
  const partner = await db.partner.create({
    data: { login, email: `${login}@partners.test`, name: `Partner ${suffix}`, passwordHash: "x", status: "ACTIVE", postbackUrl: `https://8.8.8.8/${suffix}?o={order_id}` },
    select: { id: true, login: true, name: true, email: true, sessionVersion: true },
  });
  partnerIds.push(partner.id);
  return partner;
}
type TestPartner = Awaited<ReturnType<typeof createPartner>>;

async function createLog(partnerId: string, statusCode: number) {
  const log = await db.postbackLog.create({
    data: { partnerId, event: "order.status", orderStatus: "CONFIRMED", url: `https://8.8.8.8/pb?n=${randomUUID()}`, statusCode, responseTimeMs: 12, responseExcerpt: "OK", attempt: 1 },
    select: { id: true },
  });
  return String(log.id);
}

function signInPartner(partner: TestPartner | null) {
  session.current = partner ? { actor: { kind: "partner", ...partner } } : null;
}

async function signInStaff(role: Role) {
  const user = await db.user.create({
    data: { email: `${role.toLowerCase()}-${randomUUID().slice(0, 6)}@${run}.pbcab.test`, name: role, passwordHash: "x", role },
    select: { id: true, role: true, name: true, email: true, sessionVersion: true },
  });
  userIds.push(user.id);
  session.current = { actor: { kind: "staff", ...user } };
}

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** Replay jobs queued for these log ids. */
async function replaysOf(logIds: string[]) {
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "OutboxEvent" WHERE "jobName" = 'partner.postback' AND payload->>'replayOfLogId' = ANY(${logIds}::text[])`;
  return Number(rows[0]!.n);
}

let alice: TestPartner;
let bob: TestPartner;
const aliceLogs: string[] = [];
const bobLogs: string[] = [];

beforeAll(async () => {
  alice = await createPartner("a");
  bob = await createPartner("b");
  for (const code of [200, 500, 200]) aliceLogs.push(await createLog(alice.id, code));
  bobLogs.push(await createLog(bob.id, 200));
});

afterEach(() => {
  session.current = null;
});

afterAll(async () => {
  const logIds = [...aliceLogs, ...bobLogs];
  await db.$executeRaw`DELETE FROM "OutboxEvent" WHERE "jobName" = 'partner.postback' AND payload->>'replayOfLogId' = ANY(${logIds}::text[])`;
  await db.auditLog.deleteMany({ where: { entityType: "Partner", entityId: { in: partnerIds } } });
  await db.partner.deleteMany({ where: { id: { in: partnerIds } } });
  await db.user.deleteMany({ where: { id: { in: userIds } } });
  await disconnectDb();
});

describe("a partner's postback log", () => {
  it("lists only the partner's own entries, newest first, in pages", async () => {
    const first = await listPostbackLogs(alice.id, {}, 2);
    expect(first.rows.map((row) => row.id)).toEqual([aliceLogs[2], aliceLogs[1]]);
    expect(first.rows[0]).toMatchObject({
      event: "order.status",
      orderStatus: "CONFIRMED",
      statusCode: 200,
      responseTimeMs: 12,
      responseExcerpt: "OK",
      attempt: 1,
      isReplay: false,
      orderNumber: null,
    });
    expect(typeof first.rows[0]!.createdAt).toBe("string");
    expect(first.nextAfter).toBe(aliceLogs[1]);
    const second = await listPostbackLogs(alice.id, { after: first.nextAfter }, 2);
    expect(second.rows.map((row) => row.id)).toEqual([aliceLogs[0]]);
    expect(second.nextAfter).toBeNull();
    // Bob's entry never shows in Alice's log, whatever the cursor; a malformed cursor starts over.
    expect((await listPostbackLogs(alice.id)).rows.map((row) => row.id)).not.toContain(bobLogs[0]);
    expect((await listPostbackLogs(alice.id, { after: "abc" }, 2)).rows.map((row) => row.id)).toEqual([aliceLogs[2], aliceLogs[1]]);
    expect((await listPostbackLogs(alice.id, { after: "99999999999999999999" }, 2)).rows).toHaveLength(2);
  });
});

describe("replayOwnPostbackAction (cabinet)", () => {
  it("replays the partner's own entry", async () => {
    signInPartner(alice);
    const before = await replaysOf([aliceLogs[1]!]);
    expect(await replayOwnPostbackAction(initialPostbackActionState, form({ logId: aliceLogs[1]! }))).toEqual({ status: "success", message: "postbacks.replayQueued" });
    expect(await replaysOf([aliceLogs[1]!])).toBe(before + 1);
  });

  it("answers 'not found' for another partner's entry and queues nothing", async () => {
    signInPartner(alice);
    const state = await replayOwnPostbackAction(initialPostbackActionState, form({ logId: bobLogs[0]!, partnerId: bob.id }));
    expect(state).toMatchObject({ status: "error", message: "postbacks.actionErrors.NOT_FOUND" });
    expect(await replaysOf(bobLogs)).toBe(0);
  });

  it("refuses malformed ids, no session and staff sessions, queueing nothing", async () => {
    signInPartner(alice);
    for (const logId of ["abc", "0", "-1", "", "99999999999999999999"]) {
      const state = await replayOwnPostbackAction(initialPostbackActionState, form({ logId }));
      expect(state.status).toBe("error");
    }
    signInPartner(null);
    expect(await replayOwnPostbackAction(initialPostbackActionState, form({ logId: aliceLogs[0]! }))).toMatchObject({ status: "error", message: "postbacks.actionErrors.UNAUTHENTICATED" });
    await signInStaff("OWNER");
    expect(await replayOwnPostbackAction(initialPostbackActionState, form({ logId: aliceLogs[0]! }))).toMatchObject({ status: "error", message: "postbacks.actionErrors.FORBIDDEN" });
    expect(await replaysOf([aliceLogs[0]!])).toBe(0);
  });
});

describe("replayPostbackAction (owner's partner page)", () => {
  const roles: Role[] = ["OWNER", "MANAGER", "OPERATOR", "LOGISTICS", "ACCOUNTANT"];

  it.each(roles)("%s: follows the permissions table of the partners section", async (role) => {
    await signInStaff(role);
    const logId = bobLogs[0]!;
    const before = await replaysOf([logId]);
    const state = await replayPostbackAction(initialPostbackActionState, form({ partnerId: bob.id, logId }));
    if (canOpenSection(role, "partners")) {
      expect(state).toEqual({ status: "success", message: "postbacks.replayQueued" });
      expect(await replaysOf([logId])).toBe(before + 1);
    } else {
      expect(state).toMatchObject({ status: "error", message: "postbacks.actionErrors.FORBIDDEN" });
      expect(await replaysOf([logId])).toBe(before);
    }
  });

  it("refuses partners and anonymous callers, and an entry of another partner than the page's", async () => {
    signInPartner(bob);
    expect(await replayPostbackAction(initialPostbackActionState, form({ partnerId: bob.id, logId: bobLogs[0]! }))).toMatchObject({
      status: "error",
      message: "postbacks.actionErrors.FORBIDDEN",
    });
    signInPartner(null);
    expect(await replayPostbackAction(initialPostbackActionState, form({ partnerId: bob.id, logId: bobLogs[0]! }))).toMatchObject({
      status: "error",
      message: "postbacks.actionErrors.UNAUTHENTICATED",
    });
    await signInStaff("OWNER");
    expect(await replayPostbackAction(initialPostbackActionState, form({ partnerId: bob.id, logId: aliceLogs[0]! }))).toMatchObject({
      status: "error",
      message: "postbacks.actionErrors.NOT_FOUND",
    });
    expect(await replaysOf([aliceLogs[0]!])).toBe(0);
  });
});

describe("savePostbackUrlAction", () => {
  const stored = async (partnerId: string) => (await db.partner.findUniqueOrThrow({ where: { id: partnerId }, select: { postbackUrl: true } })).postbackUrl;

  it("saves an http(s) URL for the session's partner only, and removes it when empty", async () => {
    signInPartner(alice);
    const bobBefore = await stored(bob.id);
    const url = "https://8.8.4.4/pb?click={click_id}&status={status}&payout={payout}";
    expect(await savePostbackUrlAction(initialPostbackActionState, form({ postbackUrl: `  ${url} `, partnerId: bob.id }))).toEqual({ status: "success", message: "postbacks.saved" });
    expect(await stored(alice.id)).toBe(url);
    expect(await stored(bob.id)).toBe(bobBefore);
    const audit = await db.auditLog.findFirst({
      where: { action: "partner.postback_url_set", entityId: alice.id },
      orderBy: { createdAt: "desc" },
      select: { actorType: true, actorId: true, ip: true },
    });
    expect(audit).toEqual({ actorType: "partner", actorId: alice.id, ip: "203.0.113.9" });

    expect(await savePostbackUrlAction(initialPostbackActionState, form({ postbackUrl: "" }))).toEqual({ status: "success", message: "postbacks.removed" });
    expect(await stored(alice.id)).toBeNull();
  });

  it.each([
    ["ftp", "ftp://tracker.example.com/pb", POSTBACK_URL_ERRORS.notHttp],
    ["javascript", "javascript:alert(1)", POSTBACK_URL_ERRORS.notHttp],
    ["no scheme", "tracker.example.com/pb", POSTBACK_URL_ERRORS.invalid],
    ["a macro in the host", "https://{sub1}.example.com/pb", POSTBACK_URL_ERRORS.macroInHost],
    ["too long", `https://example.com/${"a".repeat(2100)}`, POSTBACK_URL_ERRORS.tooLong],
  ])("refuses a URL (%s) with a localised field error, writing nothing", async (_label, postbackUrl, key) => {
    signInPartner(bob);
    const before = await stored(bob.id);
    const state = await savePostbackUrlAction(initialPostbackActionState, form({ postbackUrl }));
    expect(state).toEqual({ status: "error", message: "postbacks.actionErrors.VALIDATION", fieldErrors: { postbackUrl: key }, values: { postbackUrl } });
    expect(await stored(bob.id)).toBe(before);
  });

  it("refuses a private or local host unless the environment allows it (the worker's SSRF rule)", async () => {
    const previous = process.env.POSTBACK_ALLOW_PRIVATE_HOSTS;
    process.env.POSTBACK_ALLOW_PRIVATE_HOSTS = "false";
    resetEnvCache();
    try {
      const before = await stored(bob.id);
      for (const url of ["http://127.0.0.1:8080/pb", "http://localhost/pb", "http://169.254.169.254/latest", "http://[::1]/pb", "http://10.0.0.5/pb?o={order_id}"]) {
        await expect(setPostbackUrl(bob.id, { postbackUrl: url })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { postbackUrl: [POSTBACK_HOST_ERRORS.privateHost] } });
      }
      expect(await stored(bob.id)).toBe(before);
    } finally {
      process.env.POSTBACK_ALLOW_PRIVATE_HOSTS = previous;
      resetEnvCache();
    }
    await expect(setPostbackUrl(bob.id, { postbackUrl: "http://127.0.0.1:8080/pb" })).resolves.toEqual({ postbackUrl: "http://127.0.0.1:8080/pb" });
  });

  it("refuses without a partner session", async () => {
    signInPartner(null);
    expect(await savePostbackUrlAction(initialPostbackActionState, form({ postbackUrl: "https://8.8.8.8/x" }))).toMatchObject({
      status: "error",
      message: "postbacks.actionErrors.UNAUTHENTICATED",
    });
    await signInStaff("OWNER");
    expect(await savePostbackUrlAction(initialPostbackActionState, form({ postbackUrl: "https://8.8.8.8/x" }))).toMatchObject({
      status: "error",
      message: "postbacks.actionErrors.FORBIDDEN",
    });
  });
});
