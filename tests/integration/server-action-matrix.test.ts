// The Server Action × role matrix (issue 11), the counterpart of tests/e2e/route-matrix.spec.ts:
// every module of app/, lib/ and components/ that opens with the "use server" directive is read
// from the tree and imported, so a new action is in the matrix the day it is written. Each
// exported action must match a rule below (an action without a rule fails the test); the rule
// names who may call it, from the same tables the guards read (ADMIN_SECTIONS, CRM_ABILITIES),
// and every caller outside it — anonymous, a partner, each employee role it leaves out, staff for
// the partner cabinet — calls it with empty input and must be refused in one of the forms the
// guards produce, with nothing written. Allowed callers are not called here (they could really
// change the shared test database): the per-domain tests (*-access*, …) cover allowed use.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type * as NextAuthModule from "next-auth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ADMIN_SECTIONS, type AdminSection } from "@/lib/auth/permissions";
import { CRM_ABILITIES } from "@/lib/crm/crm-access";
import { db, disconnectDb } from "@/lib/db";
import type { Role } from "@/lib/db/generated/enums";
import messages from "@/messages/en.json";

// Only the session source and the request-bound parts of Next.js are replaced; the guards are ours.
const session = vi.hoisted(() => ({ current: null as null | { actor: unknown } }));
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<typeof NextAuthModule>()), getServerSession: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
// forbidden() / unauthorized() need the app's Next.js config (authInterrupts); outside it, throw what they throw.
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  forbidden: () => {
    throw Object.assign(new Error("NEXT_HTTP_ERROR_FALLBACK;403"), { digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
  },
  unauthorized: () => {
    throw Object.assign(new Error("NEXT_HTTP_ERROR_FALLBACK;401"), { digest: "NEXT_HTTP_ERROR_FALLBACK;401" });
  },
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
}));
// Outside a request next-intl has no locale: translate with the real English catalogue.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("use-intl/core");
  const catalogue = (await import("@/messages/en.json")).default;
  const translator = (namespace?: string) => createTranslator({ locale: "en", messages: catalogue, namespace: namespace as never });
  return {
    getTranslations: async (namespace?: string) => translator(typeof namespace === "string" ? namespace : undefined),
    getLocale: async () => "en",
    getMessages: async () => catalogue,
    getFormatter: async () => ({ dateTime: (date: Date) => date.toISOString(), number: (value: number) => String(value) }),
  };
});

// ---------------------------------------------------------------------------------------------
// Finding the actions.

const ROOTS = ["app", "lib", "components"];

/** Whether a module opens with the "use server" directive (comments and blank lines may come first). */
function isServerActionModule(source: string): boolean {
  const start = source.replace(/^(\s+|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
  return /^["']use server["']/.test(start);
}

function collectModules(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (entry === "node_modules" || entry === "generated") continue;
      found.push(...collectModules(full));
    } else if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) && isServerActionModule(readFileSync(full, "utf8"))) {
      found.push(path.relative(process.cwd(), full).split(path.sep).join("/"));
    }
  }
  return found;
}

type ActionFn = (...args: unknown[]) => Promise<unknown>;
interface Action {
  module: string;
  name: string;
  fn: ActionFn;
  /** Neutral arguments of the action's own signature: an empty form, no previous state, "" for text. */
  args: () => unknown[];
}

/** The top-level parameters of `export async function name(…)`, split at commas outside brackets. */
function parametersOf(source: string, name: string): string[] | null {
  const head = new RegExp(`export\\s+async\\s+function\\s+${name}\\s*\\(`).exec(source);
  if (!head) return null;
  const params: string[] = [];
  let depth = 0;
  let current = "";
  for (let index = head.index + head[0].length; index < source.length; index++) {
    const char = source[index]!;
    if (char === "=" && source[index + 1] === ">") {
      current += "=>";
      index++;
      continue;
    }
    if ("({[<".includes(char)) depth++;
    if (")}]>".includes(char)) {
      if (depth === 0 && char === ")") break;
      depth--;
    }
    if (char === "," && depth === 0) {
      params.push(current.trim());
      current = "";
    } else current += char;
  }
  if (current.trim()) params.push(current.trim());
  return params;
}

function neutralValue(parameter: string): () => unknown {
  const [rawName = "", ...typeParts] = parameter.split(":");
  const name = rawName.replace(/[?\s]/g, "");
  const type = typeParts.join(":").trim();
  if (/\bFormData\b/.test(type)) return () => new FormData();
  if (/^_?(state|previous|prevState)$/i.test(name) || /State\b/.test(type)) return () => undefined;
  if (type === "string") return () => "";
  if (type === "boolean") return () => false;
  if (type.startsWith("{") || type.startsWith("Record")) return () => ({});
  return () => undefined;
}

function neutralArgs(source: string, name: string, arity: number): () => unknown[] {
  const params = parametersOf(source, name);
  if (params && params.length === arity) {
    const values = params.map(neutralValue);
    return () => values.map((value) => value());
  }
  // Not written as `export async function` (or parameters with defaults): go by the arity.
  if (arity === 0) return () => [];
  if (arity === 1) return () => [new FormData()];
  return () => [...Array.from({ length: arity - 2 }, () => ""), undefined, new FormData()];
}

// ---------------------------------------------------------------------------------------------
// The rules.

type Rule = { kind: "public" } | { kind: "staff"; roles: readonly Role[] } | { kind: "partner" };

/** Public modules: no session is asked for (the buyer's checkout, links from mails, sign-up, setup). */
const PUBLIC = [
  /^app\/actions\/set-locale\.ts$/, // only sets the caller's own language cookie
  /^app\/checkout\//,
  /^app\/order\//,
  /^app\/unsubscribe\//,
  /^app\/invite\//,
  /^app\/partners\//,
  /^app\/reset-password\//,
  /^app\/setup\//,
];

/** Actions narrower than their section: the roles come from the tables the guards read. */
const ROLE_OVERRIDES: [RegExp, readonly Role[]][] = [
  [/^app\/admin\/customers\/actions\.ts#(create|update)CustomerAction$/, CRM_ABILITIES.editCustomers],
  [/^app\/admin\/customers\/import\//, CRM_ABILITIES.importCustomers],
  [/^app\/admin\/customers\/merge\//, CRM_ABILITIES.mergeCustomers],
  [/^app\/admin\/customers\/segments\//, CRM_ABILITIES.configureCrm],
  [/^app\/admin\/deals\/actions\.ts#(create|rename|delete|reorder)Pipelines?Action$/, CRM_ABILITIES.configureCrm],
  [/^app\/admin\/deals\/actions\.ts#(add|update|delete|reorder)Stages?Action$/, CRM_ABILITIES.configureCrm],
  [/^app\/admin\/deals\//, CRM_ABILITIES.manageDeals],
  [/^app\/admin\/tasks\/actions\.ts#logInteractionAction$/, CRM_ABILITIES.logInteractions],
  [/^app\/admin\/tasks\//, CRM_ABILITIES.manageTasks],
  // The carrier account's credentials and the postal tariff: the owner's alone (like the logistics settings page).
  [/^app\/admin\/logistics\/actions\.ts#(saveTrackingSettings|savePostalTariff)Action$/, []],
];

/**
 * Read-only actions that answer a refused caller the way they answer a search with no match (the
 * deal form's customer picker shows an empty list rather than an error): the cell asks for a real
 * customer of this test by name and must get nothing back.
 */
const EMPTY_ANSWER = [/^app\/admin\/deals\/actions\.ts#searchDealCustomersAction$/];

function sectionOf(module: string): AdminSection | null {
  const url =
    "/" +
    path.posix
      .dirname(module)
      .replace(/^app\//, "")
      .split("/")
      .filter((segment) => !/^\(.*\)$/.test(segment))
      .join("/");
  let best: AdminSection | null = null;
  for (const [section, { href }] of Object.entries(ADMIN_SECTIONS) as [AdminSection, { href: string }][]) {
    if ((url === href || url.startsWith(`${href}/`)) && (!best || href.length > ADMIN_SECTIONS[best].href.length)) best = section;
  }
  return best;
}

function ruleFor(action: { module: string; name: string }): Rule | null {
  const key = `${action.module}#${action.name}`;
  if (PUBLIC.some((pattern) => pattern.test(action.module))) return { kind: "public" };
  if (/^app\/partner\//.test(action.module)) return { kind: "partner" };
  if (/^app\/admin\//.test(action.module)) {
    const narrower = ROLE_OVERRIDES.find(([pattern]) => pattern.test(key));
    if (narrower) return { kind: "staff", roles: narrower[1] };
    const section = sectionOf(action.module);
    return section ? { kind: "staff", roles: ADMIN_SECTIONS[section].roles } : null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// What a refusal looks like: what lib/auth/guard.ts throws (AppError UNAUTHENTICATED/FORBIDDEN, a
// sign-in redirect, forbidden()), or the form state lib/forms/action-error.ts makes of it (the
// namespace's UNAUTHENTICATED/FORBIDDEN sentence, or its key for forms translated on the client).

type Refusal = "unauthenticated" | "forbidden" | "sign-in" | "empty";

function refusalTexts(code: "UNAUTHENTICATED" | "FORBIDDEN"): Set<string> {
  const texts = new Set<string>();
  const walk = (node: Record<string, unknown>, at: string) => {
    for (const [key, value] of Object.entries(node)) {
      // The sign-in form's and the setup link's sentences are answers to credentials, not to a session.
      if (at === "" && (key === "signIn" || key === "setup")) continue;
      if (value && typeof value === "object") walk(value as Record<string, unknown>, `${at}${key}.`);
      else if (key === code && typeof value === "string") texts.add(value);
    }
  };
  walk(messages as Record<string, unknown>, "");
  return texts;
}
const UNAUTHENTICATED_TEXTS = refusalTexts("UNAUTHENTICATED");
const FORBIDDEN_TEXTS = refusalTexts("FORBIDDEN");

function refusalOfMessage(message: unknown): Refusal | null {
  if (typeof message !== "string") return null;
  if (UNAUTHENTICATED_TEXTS.has(message) || /^[\w.]+\.UNAUTHENTICATED$/.test(message)) return "unauthenticated";
  if (FORBIDDEN_TEXTS.has(message) || /^[\w.]+\.FORBIDDEN$/.test(message)) return "forbidden";
  return null;
}

async function outcomeOf(action: Action): Promise<{ refusal: Refusal | null; seen: string }> {
  let result: unknown;
  try {
    result = await action.fn(...action.args());
  } catch (error) {
    const { name, code, digest, message } = error as { name?: string; code?: string; digest?: unknown; message?: string };
    if (name === "AppError" && code === "UNAUTHENTICATED") return { refusal: "unauthenticated", seen: "AppError UNAUTHENTICATED" };
    if (name === "AppError" && code === "FORBIDDEN") return { refusal: "forbidden", seen: "AppError FORBIDDEN" };
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) {
      const location = digest.split(";")[2] ?? "";
      return { refusal: /^\/(partners\/)?signin(\?|$)/.test(location) ? "sign-in" : null, seen: `redirect to ${location}` };
    }
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;403") return { refusal: "forbidden", seen: "forbidden()" };
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;401") return { refusal: "unauthenticated", seen: "unauthorized()" };
    return { refusal: null, seen: `threw ${name ?? "?"} ${code ?? ""} ${message ?? ""}`.trim() };
  }
  const seen = `returned ${JSON.stringify(result)?.slice(0, 300)}`;
  if (Array.isArray(result)) return { refusal: result.length === 0 ? "empty" : null, seen };
  if (result && typeof result === "object") {
    const state = result as { status?: unknown; ok?: unknown; message?: unknown };
    if (state.status === "error" || state.ok === false) return { refusal: refusalOfMessage(state.message), seen };
  }
  return { refusal: null, seen };
}

// ---------------------------------------------------------------------------------------------
// Callers.

const ROLES: Role[] = ["OWNER", "MANAGER", "OPERATOR", "LOGISTICS", "ACCOUNTANT"];
const run = randomUUID().slice(0, 8);
const staff = {} as Record<Role, { id: string; role: Role; name: string; email: string; sessionVersion: number }>;
let partner: { id: string; login: string; name: string; email: string; sessionVersion: number };
let customerName = "";
let actions: Action[] = [];

type Caller = "anonymous" | "PARTNER" | Role;

function signInAs(caller: Caller) {
  session.current = caller === "anonymous" ? null : caller === "PARTNER" ? { actor: { kind: "partner", ...partner } } : { actor: { kind: "staff", ...staff[caller] } };
}

/** The callers a rule refuses. */
function refusedCallers(rule: Rule): Caller[] {
  if (rule.kind === "public") return [];
  if (rule.kind === "partner") return ["anonymous", ...ROLES];
  return ["anonymous", "PARTNER", ...ROLES.filter((role) => role !== "OWNER" && !rule.roles.includes(role))];
}

/** What each caller's refusal may look like: anonymous is asked to sign in; the others are told no. */
function acceptable(caller: Caller, action: Action): Refusal[] {
  if (EMPTY_ANSWER.some((pattern) => pattern.test(`${action.module}#${action.name}`))) return ["empty"];
  return caller === "anonymous" ? ["unauthenticated", "sign-in"] : ["forbidden", "sign-in"];
}

/** Rows a refused call could have written, scoped to this test's actors and data. */
async function writtenRows() {
  const staffIds = Object.values(staff).map((user) => user.id);
  const actorIds = [...staffIds, partner.id];
  const [auditLog, apiKeys, webhooks, tasks, interactions, imports, payouts, orders, customers, partnerRow, users] = await Promise.all([
    db.auditLog.count({ where: { actorId: { in: actorIds } } }),
    db.apiKey.count({ where: { createdById: { in: staffIds } } }),
    db.webhookEndpoint.count({ where: { createdById: { in: staffIds } } }),
    db.task.count({ where: { OR: [{ createdById: { in: staffIds } }, { assigneeId: { in: staffIds } }] } }),
    db.interaction.count({ where: { userId: { in: staffIds } } }),
    db.customerImport.count({ where: { createdById: { in: staffIds } } }),
    db.payout.count({ where: { partnerId: partner.id } }),
    db.order.count({ where: { partnerId: partner.id } }),
    db.customer.count({ where: { name: { startsWith: customerName } } }),
    db.partner.findUniqueOrThrow({ where: { id: partner.id }, select: { status: true, postbackUrl: true, sessionVersion: true, updatedAt: true } }),
    db.user.findMany({ where: { id: { in: staffIds } }, orderBy: { id: "asc" }, select: { id: true, role: true, isActive: true, sessionVersion: true, updatedAt: true } }),
  ]);
  return { auditLog, apiKeys, webhooks, tasks, interactions, imports, payouts, orders, customers, partnerRow, users };
}

beforeAll(async () => {
  for (const role of ROLES) {
    staff[role] = await db.user.create({
      data: { email: `${role.toLowerCase()}-${run}@action-matrix.test`, name: `${role} ${run}`, passwordHash: "x", role },
      select: { id: true, role: true, name: true, email: true, sessionVersion: true },
    });
  }
  partner = await db.partner.create({
    data: { login: `matrix-${run}`, email: `partner-${run}@action-matrix.test`, name: `Partner ${run}`, passwordHash: "x", status: "ACTIVE" },
    select: { id: true, login: true, name: true, email: true, sessionVersion: true },
  });
  customerName = `Action matrix ${run}`;
  await db.customer.create({ data: { name: customerName } });

  const modules = ROOTS.flatMap((root) => collectModules(path.resolve(root)));
  const loaded = await Promise.all(modules.map(async (module) => ({ module, exports: (await import(/* @vite-ignore */ path.resolve(module))) as Record<string, unknown> })));
  for (const { module, exports } of loaded) {
    const source = readFileSync(module, "utf8");
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value !== "function") continue;
      const fn = value as ActionFn;
      const args = neutralArgs(source, name, fn.length);
      actions.push({ module, name, fn, args: EMPTY_ANSWER.some((pattern) => pattern.test(`${module}#${name}`)) ? () => [customerName] : args });
    }
  }
  // Importing every action module transforms most of lib/: seconds alone, far more on a busy machine.
}, 120_000);

afterAll(async () => {
  const staffIds = Object.values(staff).map((user) => user.id);
  await db.customer.deleteMany({ where: { name: { startsWith: customerName } } });
  await db.auditLog.deleteMany({ where: { actorId: { in: [...staffIds, partner.id] } } });
  await db.partner.deleteMany({ where: { id: partner.id } });
  await db.user.deleteMany({ where: { id: { in: staffIds } } });
  actions = [];
  await disconnectDb();
});

describe("the Server Action matrix", () => {
  it("finds every Server Action module and gives each action a rule", () => {
    const modules = new Set(actions.map((action) => action.module));
    expect(modules.size).toBeGreaterThan(30);
    expect(actions.length).toBeGreaterThan(100);
    // A "use server" module may export only async functions: anything else would not be an action.
    expect(actions.filter((action) => action.fn.constructor.name !== "AsyncFunction").map((action) => `${action.module}#${action.name}`)).toEqual([]);
    const unruled = actions.filter((action) => !ruleFor(action)).map((action) => `${action.module}#${action.name}`);
    expect(unruled, "Server Actions without a rule in tests/integration/server-action-matrix.test.ts").toEqual([]);
    // Every override still names an action (a renamed one would silently fall back to its section).
    const keys = actions.map((action) => `${action.module}#${action.name}`);
    const stale = [...ROLE_OVERRIDES.map(([pattern]) => pattern), ...EMPTY_ANSWER].filter((pattern) => !keys.some((key) => pattern.test(key))).map(String);
    expect(stale, "overrides that match no action").toEqual([]);
  });

  it("refuses every caller outside each action's rule, in the guards' own forms, and writes nothing", async () => {
    const before = await writtenRows();
    const problems: string[] = [];
    let cells = 0;
    for (const action of actions) {
      const rule = ruleFor(action);
      if (!rule) continue;
      for (const caller of refusedCallers(rule)) {
        signInAs(caller);
        const { refusal, seen } = await outcomeOf(action);
        cells++;
        const expected = acceptable(caller, action);
        if (!refusal || !expected.includes(refusal)) problems.push(`${action.module}#${action.name} as ${caller}: ${seen} (expected ${expected.join(" or ")})`);
      }
    }
    session.current = null;
    console.info(`server action matrix: ${actions.length} actions in ${new Set(actions.map((action) => action.module)).size} modules, ${cells} refused cells checked`);
    expect(problems, `${problems.length} cells differ from their rule`).toEqual([]);
    expect(cells).toBeGreaterThan(200);
    expect(await writtenRows()).toEqual(before);
  });
});
