// Who may reach the logistics section, at every entry point: the pages (queues, batches, tracking
// numbers, tracking settings), the Server Actions and the batch forms route. LOGISTICS, MANAGER
// and OWNER work; OPERATOR, ACCOUNTANT and partners are refused; anonymous goes to sign in / 401.
// The tracking settings and the postal tariff are the owner's alone.
import { randomUUID } from "node:crypto";
import type * as NextAuthModule from "next-auth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { bulkMoveAction, createBatchAction, savePostalTariffAction, saveTrackingSettingsAction, trackingNumbersAction } from "@/app/admin/logistics/actions";
import BatchesPage from "@/app/admin/logistics/batches/page";
import LogisticsPage from "@/app/admin/logistics/page";
import TrackingSettingsPage from "@/app/admin/logistics/settings/page";
import TrackingNumbersPage from "@/app/admin/logistics/tracking/page";
import { GET as batchForms } from "@/app/api/admin/logistics/batches/[id]/forms/route";
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

beforeAll(async () => {
  for (const role of ["OWNER", "MANAGER", "OPERATOR", "LOGISTICS", "ACCOUNTANT"] as const) {
    users[role] = await db.user.create({
      data: { email: `${role.toLowerCase()}-${run}@logistics-access.test`, name: `${role} ${run}`, passwordHash: "x", role },
      select: { id: true, role: true, name: true, email: true, sessionVersion: true },
    });
  }
});

afterAll(async () => {
  const ids = Object.values(users).map((user) => user.id);
  await db.auditLog.deleteMany({ where: { actorId: { in: ids } } });
  await db.user.deleteMany({ where: { id: { in: ids } } });
  await disconnectDb();
});

const empty = () => ({ searchParams: Promise.resolve({}) });

describe("pages", () => {
  it.each([
    ["OWNER", { queues: "ok", batches: "ok", tracking: "ok", settings: "ok" }],
    ["MANAGER", { queues: "ok", batches: "ok", tracking: "ok", settings: "403" }],
    ["LOGISTICS", { queues: "ok", batches: "ok", tracking: "ok", settings: "403" }],
    ["OPERATOR", { queues: "403", batches: "403", tracking: "403", settings: "403" }],
    ["ACCOUNTANT", { queues: "403", batches: "403", tracking: "403", settings: "403" }],
    ["PARTNER", { queues: "signin", batches: "signin", tracking: "signin", settings: "signin" }],
    [null, { queues: "signin", batches: "signin", tracking: "signin", settings: "signin" }],
  ] as const)("%s", async (role, expected) => {
    signInAs(role);
    expect({
      queues: await pageOutcome(() => LogisticsPage(empty())),
      batches: await pageOutcome(() => BatchesPage(empty())),
      tracking: await pageOutcome(() => TrackingNumbersPage(empty())),
      settings: await pageOutcome(() => TrackingSettingsPage()),
    }).toEqual(expected);
  });
});

describe("Server Actions and the batch route", () => {
  it.each(["OPERATOR", "ACCOUNTANT", "PARTNER", null] as const)("%s is refused everywhere and nothing is written", async (role) => {
    signInAs(role);
    expect((await bulkMoveAction({ status: "idle" }, form({ orderIds: "x", to: "SHIPPED" }))).status).toBe("error");
    expect((await createBatchAction({ status: "idle" }, form({ orderIds: "x" }))).status).toBe("error");
    expect((await trackingNumbersAction({ status: "idle" }, form({ text: "1 14102077870951", intent: "apply" }))).rows).toBeUndefined();
    expect((await saveTrackingSettingsAction({ status: "idle" }, form({ login: "x", dailyQuota: "5", checkIntervalHours: "6" }))).status).toBe("error");
    expect((await savePostalTariffAction({ status: "idle" }, form({ intent: "remove" }))).status).toBe("error");
    const { NextRequest } = await import("next/server");
    const response = await batchForms(new NextRequest("http://localhost:3000/api/admin/logistics/batches/nope/forms"), { params: Promise.resolve({ id: "nope" }) });
    // The made-up partner session does not verify against the database: anonymous, like no session.
    expect(response.status).toBe(role === null || role === "PARTNER" ? 401 : 403);
    expect(await db.auditLog.count({ where: { actorId: { in: Object.values(users).map((user) => user.id) } } })).toBe(0);
  });

  it("lets LOGISTICS check a list (a bad row explained) but not save the owner's tracking settings or postal tariff", async () => {
    signInAs("LOGISTICS");
    const checked = await trackingNumbersAction({ status: "idle" }, form({ text: "999999999 14102077870952", intent: "check" }));
    expect(checked.rows?.[0]).toMatchObject({ ok: false, result: expect.stringMatching(/No order|check digit/) });
    expect((await saveTrackingSettingsAction({ status: "idle" }, form({ login: "x", dailyQuota: "5", checkIntervalHours: "6" }))).status).toBe("error");
    expect((await savePostalTariffAction({ status: "idle" }, form({ intent: "remove" }))).status).toBe("error");
    const { NextRequest } = await import("next/server");
    const missing = await batchForms(new NextRequest("http://localhost:3000/api/admin/logistics/batches/nope/forms"), { params: Promise.resolve({ id: "nope" }) });
    expect(missing.status).toBe(404);
  });
});
