// Who may reach co-owners, at every entry point: Settings → Co-owners and its Server Actions are
// the owner's alone; Finance (with the co-owner block) and its CSV route are the owner's and the
// accountant's. Everyone else is refused and nothing is written; anonymous goes to sign in / 401.
import { randomUUID } from "node:crypto";
import type * as NextAuthModule from "next-auth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  createCoOwnerAction,
  deleteCoOwnerAction,
  deleteCoOwnerShareAction,
  setCoOwnerActiveAction,
  setCoOwnerShareAction,
  updateCoOwnerAction,
} from "@/app/admin/settings/coowners/actions";
import CoOwnersSettingsPage from "@/app/admin/settings/coowners/page";
import FinancePage from "@/app/admin/finance/page";
import { GET as coOwnersCsv } from "@/app/api/admin/finance/coowners/route";
import { db, disconnectDb } from "@/lib/db";
import type { Role } from "@/lib/db/generated/enums";

const session = vi.hoisted(() => ({ current: null as null | { actor: unknown } }));
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<typeof NextAuthModule>()), getServerSession: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// forbidden() needs the app's Next.js config (authInterrupts); outside it, throw what it throws.
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  forbidden: () => {
    throw Object.assign(new Error("NEXT_HTTP_ERROR_FALLBACK;403"), { digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
  },
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
// Outside a request next-intl has no locale: translate with the real English catalogue.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("use-intl/core");
  const messages = (await import("@/messages/en.json")).default;
  const translator = (namespace?: string) => createTranslator({ locale: "en", messages, namespace: namespace as never });
  return {
    getTranslations: async (namespace?: string) => translator(typeof namespace === "string" ? namespace : undefined),
    getLocale: async () => "en",
    getMessages: async () => messages,
    getFormatter: async () => ({ dateTime: (date: Date) => date.toISOString(), number: (value: number) => String(value) }),
  };
});

const run = randomUUID().slice(0, 8);
const users = {} as Record<Role, { id: string; role: Role; name: string; email: string; sessionVersion: number }>;
let productId = "";

function signInAs(role: Role | "PARTNER" | null) {
  session.current =
    role === "PARTNER"
      ? { actor: { kind: "partner", id: "nobody", login: "nobody", name: "x", email: "x@x", sessionVersion: 0 } }
      : role
        ? { actor: { kind: "staff", ...users[role] } }
        : null;
}

async function pageOutcome(render: () => Promise<unknown>): Promise<string> {
  try {
    await render();
    return "ok";
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;")) return digest.split(";")[1]!;
    if (digest.startsWith("NEXT_REDIRECT")) return digest.includes("/signin") ? "signin" : "redirect";
    throw error;
  }
}

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

async function csvStatus() {
  const { NextRequest } = await import("next/server");
  return (await coOwnersCsv(new NextRequest("http://localhost:3000/api/admin/finance/coowners?from=2014-01-01&to=2014-01-31"))).status;
}

beforeAll(async () => {
  for (const role of ["OWNER", "MANAGER", "OPERATOR", "LOGISTICS", "ACCOUNTANT"] as const) {
    users[role] = await db.user.create({
      data: { email: `${role.toLowerCase()}-${run}@coowners-access.test`, name: `${role} ${run}`, passwordHash: "x", role },
      select: { id: true, role: true, name: true, email: true, sessionVersion: true },
    });
  }
  await db.currency.upsert({ where: { code: "RUB" }, update: {}, create: { code: "RUB", name: "RUB", symbol: "RUB" } });
  productId = (await db.product.create({ data: { slug: `coowners-access-${run}`, name: `Access ${run}`, currency: "RUB" }, select: { id: true } })).id;
});

afterAll(async () => {
  const ids = Object.values(users).map((user) => user.id);
  await db.coOwner.deleteMany({ where: { name: { startsWith: `Access ${run}` } } });
  await db.product.deleteMany({ where: { id: productId } });
  await db.auditLog.deleteMany({ where: { actorId: { in: ids } } });
  await db.user.deleteMany({ where: { id: { in: ids } } });
  await disconnectDb();
});

describe("pages and the CSV route", () => {
  it.each([
    ["OWNER", { settings: "ok", finance: "ok", csv: 200 }],
    ["ACCOUNTANT", { settings: "403", finance: "ok", csv: 200 }],
    ["MANAGER", { settings: "403", finance: "403", csv: 403 }],
    ["OPERATOR", { settings: "403", finance: "403", csv: 403 }],
    ["LOGISTICS", { settings: "403", finance: "403", csv: 403 }],
    // The made-up partner session does not verify against the database: anonymous, like no session.
    ["PARTNER", { settings: "signin", finance: "signin", csv: 401 }],
    [null, { settings: "signin", finance: "signin", csv: 401 }],
  ] as const)("%s", async (role, expected) => {
    signInAs(role);
    expect({
      settings: await pageOutcome(() => CoOwnersSettingsPage()),
      finance: await pageOutcome(() => FinancePage({ searchParams: Promise.resolve({}) })),
      csv: await csvStatus(),
    }).toEqual(expected);
  });
});

describe("Server Actions", () => {
  it("let the owner add a co-owner, set and remove a share, edit, deactivate and delete", async () => {
    signInAs("OWNER");
    const created = await createCoOwnerAction({ status: "idle" }, form({ name: `Access ${run}`, email: "", userId: "", note: "", productId, percent: "0,5" }));
    expect(created).toEqual({ status: "success", message: "Co-owner added" });
    const coOwner = await db.coOwner.findFirstOrThrow({ where: { name: `Access ${run}` }, select: { id: true, shares: { select: { id: true, productId: true, basisPoints: true } } } });
    expect(coOwner.shares).toEqual([{ id: expect.any(String), productId, basisPoints: 50 }]); // 0.5 %

    // A bad percent is named on its field and keeps what was typed.
    const refused = await setCoOwnerShareAction({ status: "idle" }, form({ coOwnerId: coOwner.id, productId, percent: "100.5" }));
    expect(refused).toMatchObject({ status: "error", fieldErrors: { percent: "A share is from 0.01 to 100 %" }, values: { percent: "100.5" } });
    expect((await setCoOwnerShareAction({ status: "idle" }, form({ coOwnerId: coOwner.id, productId, percent: "1.25" }))).status).toBe("success");
    expect(await db.coOwnerShare.findFirstOrThrow({ where: { coOwnerId: coOwner.id }, select: { basisPoints: true } })).toEqual({ basisPoints: 125 });
    expect((await deleteCoOwnerShareAction({ status: "idle" }, form({ shareId: coOwner.shares[0]!.id }))).status).toBe("success");
    expect((await updateCoOwnerAction({ status: "idle" }, form({ coOwnerId: coOwner.id, name: `Access ${run} B`, email: "b@example.test" }))).status).toBe("success");
    expect((await setCoOwnerActiveAction({ status: "idle" }, form({ coOwnerId: coOwner.id, isActive: "false" }))).status).toBe("success");
    expect(await db.coOwner.findUniqueOrThrow({ where: { id: coOwner.id }, select: { name: true, email: true, isActive: true, shares: { select: { id: true } } } })).toEqual({
      name: `Access ${run} B`,
      email: "b@example.test",
      isActive: false,
      shares: [],
    });
    expect((await deleteCoOwnerAction({ status: "idle" }, form({ coOwnerId: coOwner.id }))).status).toBe("success");
    expect(await db.coOwner.count({ where: { id: coOwner.id } })).toBe(0);
  });

  it.each(["MANAGER", "OPERATOR", "LOGISTICS", "ACCOUNTANT", "PARTNER", null] as const)("refuse %s and write nothing", async (role) => {
    signInAs("OWNER");
    await createCoOwnerAction({ status: "idle" }, form({ name: `Access ${run} kept`, productId, percent: "1" }));
    const kept = await db.coOwner.findFirstOrThrow({ where: { name: `Access ${run} kept` }, select: { id: true, shares: { select: { id: true } } } });
    signInAs(role);
    const message = role === "PARTNER" || role === null ? "Sign in again to continue" : "Only the owner can manage co-owners";
    for (const attempt of [
      createCoOwnerAction({ status: "idle" }, form({ name: `Access ${run} intruder` })),
      updateCoOwnerAction({ status: "idle" }, form({ coOwnerId: kept.id, name: "Renamed" })),
      setCoOwnerShareAction({ status: "idle" }, form({ coOwnerId: kept.id, productId, percent: "50" })),
      deleteCoOwnerShareAction({ status: "idle" }, form({ shareId: kept.shares[0]!.id })),
      setCoOwnerActiveAction({ status: "idle" }, form({ coOwnerId: kept.id, isActive: "false" })),
      deleteCoOwnerAction({ status: "idle" }, form({ coOwnerId: kept.id })),
    ]) {
      expect(await attempt).toMatchObject({ status: "error", message });
    }
    expect(await db.coOwner.findUniqueOrThrow({ where: { id: kept.id }, select: { name: true, isActive: true, shares: { select: { basisPoints: true } } } })).toEqual({
      name: `Access ${run} kept`,
      isActive: true,
      shares: [{ basisPoints: 100 }],
    });
    expect(await db.coOwner.count({ where: { name: `Access ${run} intruder` } })).toBe(0);
    await db.coOwner.delete({ where: { id: kept.id } });
  });
});
