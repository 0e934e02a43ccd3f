// Who may reach the CRM customers section, checked at every entry point: the pages (list, card,
// new, edit, history), the Server Actions (create, update, save/delete a view) and the routes
// (CSV export, history CSV). MANAGER and OWNER everything; OPERATOR reads (list, card, history,
// personal views) but never edits or exports; LOGISTICS and ACCOUNTANT nothing; anonymous 401.
import { randomUUID } from "node:crypto";
import type * as NextAuthModule from "next-auth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createCustomerAction, deleteViewAction, saveViewAction, updateCustomerAction } from "@/app/admin/customers/actions";
import { GET as historyCsv } from "@/app/api/admin/customers/[id]/history/route";
import { GET as exportCsv } from "@/app/api/admin/customers/export/route";
import EditCustomerPage from "@/app/admin/customers/[id]/edit/page";
import CustomerHistoryPage from "@/app/admin/customers/[id]/history/page";
import CustomerPage from "@/app/admin/customers/[id]/page";
import NewCustomerPage from "@/app/admin/customers/new/page";
import CustomersPage from "@/app/admin/customers/page";
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
    getFormatter: async () => ({ dateTime: (date: Date) => date.toISOString() }),
  };
});

const run = randomUUID().slice(0, 8);
const users = {} as Record<Role, { id: string; role: Role; name: string; email: string; sessionVersion: number }>;
let customerId = "";
let viewId = "";

function signInAs(role: Role | null) {
  session.current = role ? { actor: { kind: "staff", ...users[role] } } : null;
}

/** What a page's guard threw: "403", "401→signin" or "ok". */
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
      data: { email: `${role.toLowerCase()}-${run}@access.test`, name: `${role} ${run}`, passwordHash: "x", role },
      select: { id: true, role: true, name: true, email: true, sessionVersion: true },
    });
  }
  customerId = (await db.customer.create({ data: { name: `Доступ ${run}`, tags: [`access-${run}`] }, select: { id: true } })).id;
  viewId = (await db.crmSavedView.create({ data: { list: "customers", name: "Manager's", ownerId: users.MANAGER.id, query: { tag: `access-${run}` } }, select: { id: true } })).id;
});

afterAll(async () => {
  const userIds = Object.values(users).map((user) => user.id);
  await db.customer.deleteMany({ where: { OR: [{ id: customerId }, { name: { endsWith: run } }] } });
  await db.crmSavedView.deleteMany({ where: { ownerId: { in: userIds } } });
  await db.auditLog.deleteMany({ where: { actorId: { in: userIds } } });
  await db.user.deleteMany({ where: { id: { in: userIds } } });
  await disconnectDb();
});

const params = () => ({ params: Promise.resolve({ id: customerId }) });
const pageProps = () => ({ ...params(), searchParams: Promise.resolve({}) });

describe("pages", () => {
  it.each([
    ["OWNER", { list: "ok", card: "ok", history: "ok", create: "ok", edit: "ok" }],
    ["MANAGER", { list: "ok", card: "ok", history: "ok", create: "ok", edit: "ok" }],
    ["OPERATOR", { list: "ok", card: "ok", history: "ok", create: "403", edit: "403" }],
    ["LOGISTICS", { list: "403", card: "403", history: "403", create: "403", edit: "403" }],
    ["ACCOUNTANT", { list: "403", card: "403", history: "403", create: "403", edit: "403" }],
  ] as const)("%s", async (role, expected) => {
    signInAs(role);
    expect({
      list: await pageOutcome(() => CustomersPage({ searchParams: Promise.resolve({ tag: `access-${run}` }) })),
      card: await pageOutcome(() => CustomerPage(pageProps())),
      history: await pageOutcome(() => CustomerHistoryPage(params())),
      create: await pageOutcome(() => NewCustomerPage()),
      edit: await pageOutcome(() => EditCustomerPage(params())),
    }).toEqual(expected);
  });

  it("sends an anonymous visitor to sign in", async () => {
    signInAs(null);
    expect(await pageOutcome(() => CustomerPage(pageProps()))).toBe("signin");
  });
});

describe("Server Actions", () => {
  it("refuses creating and editing to every role but MANAGER/OWNER, writing nothing", async () => {
    for (const role of ["OPERATOR", "LOGISTICS", "ACCOUNTANT", null] as const) {
      signInAs(role);
      const created = await createCustomerAction({ status: "idle" }, form({ name: `Чужой ${role} ${run}` }));
      expect(created.status).toBe("error");
      const updated = await updateCustomerAction({ status: "idle" }, form({ id: customerId, name: `Взлом ${run}` }));
      expect(updated.status).toBe("error");
    }
    expect(await db.customer.count({ where: { name: { in: [`Взлом ${run}`, `Чужой OPERATOR ${run}`] } } })).toBe(0);
  });

  it("lets a manager create and edit (redirecting to the card) and explains a bad field", async () => {
    signInAs("MANAGER");
    expect(await createCustomerAction({ status: "idle" }, form({ name: "" }))).toMatchObject({ status: "error", fieldErrors: { name: expect.any(String) } });
    // The form numbers rows by its own keys: the error lands on the row that was typed.
    const bad = await createCustomerAction({ status: "idle" }, form({ name: `Плохой ${run}`, "phones.4.phone": "12" }));
    expect(bad).toMatchObject({ status: "error", fieldErrors: { "phones.4.phone": expect.any(String) } });
    const redirected = await createCustomerAction({ status: "idle" }, form({ name: `Новый ${run}` })).catch((error: { digest?: string }) => error.digest);
    expect(redirected).toMatch(/^NEXT_REDIRECT;.*\/admin\/customers\/[a-z0-9]+/);
    const edited = await updateCustomerAction({ status: "idle" }, form({ id: customerId, name: `Доступ ${run}`, tags: "checked" })).catch((error: { digest?: string }) => error.digest);
    expect(edited).toMatch(/^NEXT_REDIRECT;/);
    expect((await db.customer.findUniqueOrThrow({ where: { id: customerId }, select: { tags: true } })).tags).toEqual(["checked"]);
  });

  it("saved views: an operator saves a personal one, LOGISTICS none, nobody deletes another's personal view", async () => {
    signInAs("OPERATOR");
    expect(await saveViewAction({ status: "idle" }, form({ name: `Op ${run}`, query: "abcClass=A" }))).toMatchObject({ status: "success" });
    expect(await saveViewAction({ status: "idle" }, form({ name: `Op shared ${run}`, query: "", isShared: "on" }))).toMatchObject({ status: "error" });
    expect(await deleteViewAction({ status: "idle" }, form({ viewId }))).toMatchObject({ status: "error" });
    signInAs("LOGISTICS");
    expect(await saveViewAction({ status: "idle" }, form({ name: `Log ${run}`, query: "" }))).toMatchObject({ status: "error" });
    expect(await db.crmSavedView.count({ where: { id: viewId } })).toBe(1);
    expect(await db.crmSavedView.count({ where: { ownerId: users.LOGISTICS.id } })).toBe(0);
  });
});

describe("routes", () => {
  const historyRequest = () => historyCsv(new Request(`http://localhost:3000/api/admin/customers/${customerId}/history`), params());

  it.each([
    ["OWNER", 200, 200],
    ["MANAGER", 200, 200],
    ["OPERATOR", 403, 200],
    ["LOGISTICS", 403, 403],
    ["ACCOUNTANT", 403, 403],
    [null, 401, 401],
  ] as const)("%s: export %i, history CSV %i", async (role, exportStatus, historyStatus) => {
    signInAs(role);
    const { NextRequest } = await import("next/server");
    const exported = await exportCsv(new NextRequest(`http://localhost:3000/api/admin/customers/export?q=${encodeURIComponent(`Доступ ${run}`)}`));
    expect(exported.status).toBe(exportStatus);
    if (exportStatus === 200) expect(await exported.text()).toContain(`Доступ ${run}`);
    expect((await historyRequest()).status).toBe(historyStatus);
  });

  it("answers 422 for a bad export filter, before any download", async () => {
    signInAs("MANAGER");
    const { NextRequest } = await import("next/server");
    expect((await exportCsv(new NextRequest("http://localhost:3000/api/admin/customers/export?abcClass=Z"))).status).toBe(422);
  });
});
