// The route × role matrix: every page and route handler of the app (read from the app/ tree, so a
// new route is in the matrix the day it is written) requested as anonymous, as each employee role,
// as a partner, and — for the REST API — with API keys of no scope, one resource's read scope, and
// every scope. Each route must match a rule below (a route without a rule fails the test), and the
// rule gives the expected status for each caller: sign-in redirects, 401/403, or access.
// Server Actions have their own matrix (tests/integration/server-action-matrix.test.ts); allowed use
// of them is in the per-domain cross-access tests (tests/integration/*-access*).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { ADMIN_SECTIONS, type AdminSection } from "../../lib/auth/permissions";
import { generateApiKey } from "../../lib/api/api-key-secret";
import { API_SCOPES, type ApiScope } from "../../lib/api/scopes";
import { CRM_ABILITIES } from "../../lib/crm/crm-access";
import { DEMO, expect, signInThroughApi, test, withAppDatabase, type DemoAccount } from "./fixtures";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
interface Route {
  file: string;
  /** URL with dynamic segments filled with values that name nothing. */
  url: string;
  kind: "page" | "handler";
  methods: Method[];
}

const APP = path.resolve("app");
// Values for dynamic segments: well-formed, but naming nothing.
const PARAM_VALUES: Record<string, string> = {
  token: "A".repeat(43),
  publicId: "matrixmatrixmatrix0000",
  login: "matrix-nobody",
  product: "matrix-no-such-product",
  locale: "en",
  countries: "RU",
  nextauth: "session",
};

function collectRoutes(dir = APP, segments: string[] = []): Route[] {
  const routes: Route[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      // Private folders (_x) are not routes; route groups ((x)) add no segment.
      if (entry.startsWith("_")) continue;
      routes.push(...collectRoutes(full, /^\(.*\)$/.test(entry) ? segments : [...segments, entry]));
      continue;
    }
    if (entry !== "page.tsx" && entry !== "route.ts") continue;
    const url =
      "/" +
      segments
        .map((segment) => {
          const dynamic = /^\[(?:\.\.\.)?(\w+)\]$/.exec(segment);
          return dynamic ? (PARAM_VALUES[dynamic[1]!] ?? "matrix0000000000000000000") : segment;
        })
        .join("/");
    const source = readFileSync(full, "utf8");
    const methods =
      entry === "page.tsx"
        ? (["GET"] as Method[])
        : (["GET", "POST", "PUT", "PATCH", "DELETE"] as const).filter((method) =>
            new RegExp(`export\\s+((async\\s+)?function\\s+${method}\\b|const\\s+${method}\\b|\\{[^}]*\\bas\\s+${method}\\b|const\\s*\\{[^}]*\\b${method}\\b)`).test(source),
          );
    routes.push({ file: path.relative(process.cwd(), full), url, kind: entry === "page.tsx" ? "page" : "handler", methods });
  }
  return routes;
}

type Rule = { kind: "public" } | { kind: "staff"; section: AdminSection; roles: readonly string[] } | { kind: "partner" } | { kind: "api"; resource: string } | { kind: "checkout-api" };

// Admin URLs whose section is not the one their path prefix names.
const SECTION_OVERRIDES: [RegExp, AdminSection][] = [
  [/^\/api\/admin\/postbacks\//, "partners"],
  [/^\/api\/admin\/audit\//, "settings"],
];

// Admin URLs narrower than their section: the roles come from the same tables the guards read.
const ROLE_OVERRIDES: [RegExp, readonly string[]][] = [
  [/^\/admin\/customers\/(new|[^/]+\/edit)$/, CRM_ABILITIES.editCustomers],
  [/^\/(api\/)?admin\/customers\/imports?(\/|$)/, CRM_ABILITIES.importCustomers],
  [/^\/admin\/customers\/(duplicates|merge)$/, CRM_ABILITIES.mergeCustomers],
  [/^\/api\/admin\/customers\/export$/, CRM_ABILITIES.exportCustomers],
  // The shop's requisites on the postal forms: the owner's alone.
  [/^\/admin\/logistics\/settings$/, []],
];

function sectionOf(url: string): AdminSection | null {
  for (const [pattern, section] of SECTION_OVERRIDES) if (pattern.test(url)) return section;
  const adminPath = url.replace(/^\/api\/admin/, "/admin");
  let best: AdminSection | null = null;
  for (const [section, { href }] of Object.entries(ADMIN_SECTIONS) as [AdminSection, { href: string }][]) {
    if ((adminPath === href || adminPath.startsWith(`${href}/`)) && (!best || href.length > ADMIN_SECTIONS[best].href.length)) best = section;
  }
  return best;
}

const PUBLIC = [
  /^\/$/,
  /^\/signin(\/|$)/,
  /^\/setup$/,
  /^\/invite\//,
  /^\/reset-password\//,
  /^\/partners\//,
  /^\/checkout\//,
  /^\/order\//,
  /^\/r\//,
  /^\/unsubscribe\//,
  /^\/api\/auth\//,
  /^\/api\/health$/,
  /^\/api\/webhooks\//,
  /^\/api\/unsubscribe\//,
  /^\/api\/v1\/openapi\.json$/,
];

function ruleFor(route: Route): Rule | null {
  const { url } = route;
  if (PUBLIC.some((pattern) => pattern.test(url))) return { kind: "public" };
  if (url === "/api/v1/orders") return { kind: "checkout-api" };
  const api = /^\/api\/v1\/([a-z_]+)/.exec(url);
  if (api) return { kind: "api", resource: api[1]! };
  if (/^\/partner(\/|$)/.test(url)) return { kind: "partner" };
  if (/^\/(api\/)?admin(\/|$)/.test(url)) {
    const section = sectionOf(url);
    const narrower = ROLE_OVERRIDES.find(([pattern]) => pattern.test(url));
    return section ? { kind: "staff", section, roles: narrower ? narrower[1] : ADMIN_SECTIONS[section].roles } : null;
  }
  return null;
}

const STAFF: { role: string; account: DemoAccount }[] = [
  { role: "OWNER", account: DEMO.owner },
  { role: "MANAGER", account: DEMO.manager },
  { role: "OPERATOR", account: DEMO.operator },
  { role: "LOGISTICS", account: DEMO.logistics },
  { role: "ACCOUNTANT", account: DEMO.accountant },
];

const isRedirectTo = (response: APIResponse, signInPath: string) => [302, 303, 307, 308].includes(response.status()) && (response.headers()["location"] ?? "").includes(signInPath);

async function call(context: APIRequestContext, method: Method, url: string, headers: Record<string, string> = {}) {
  const options = { maxRedirects: 0, headers, failOnStatusCode: false, ...(method === "GET" ? {} : { data: {} }) };
  return context.fetch(url, { method, ...options });
}

test("every route answers each caller as its rule says", async ({ playwright, baseURL }) => {
  test.setTimeout(600_000);
  const routes = collectRoutes();
  expect(routes.length).toBeGreaterThan(100);
  const unruled = routes.filter((route) => !ruleFor(route)).map((route) => route.file);
  expect(unruled, "routes without a rule in tests/e2e/route-matrix.spec.ts").toEqual([]);
  const handlersWithoutMethods = routes.filter((route) => route.kind === "handler" && route.methods.length === 0).map((route) => route.file);
  expect(handlersWithoutMethods, "route handlers whose methods the matrix cannot read").toEqual([]);

  const context = async (account?: DemoAccount) => {
    const created = await playwright.request.newContext({ baseURL });
    if (account) await signInThroughApi(created, account);
    return created;
  };
  const anonymous = await context();
  const partner = await context(DEMO.partner);
  const staff = await Promise.all(STAFF.map(async ({ role, account }) => ({ role, request: await context(account) })));

  // API keys straight into the database (the settings page is tested elsewhere): none, one read, all.
  const keys: Record<string, string> = {};
  const keyIds: string[] = [];
  await withAppDatabase(async (client) => {
    for (const [name, scopes] of [
      ["none", []],
      ["orders-read", ["orders:read"]],
      ["all", [...API_SCOPES]],
    ] as [string, ApiScope[]][]) {
      const { key, prefix, keyHash } = generateApiKey();
      const { rows } = await client.query<{ id: string }>(`INSERT INTO "ApiKey" (id, name, prefix, "keyHash", scopes) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
        `matrix-${prefix}`,
        `route matrix ${name}`,
        prefix,
        keyHash,
        scopes,
      ]);
      keys[name] = key;
      keyIds.push(rows[0]!.id);
    }
  });

  const problems: string[] = [];
  const check = (route: Route, method: Method, caller: string, response: APIResponse, ok: boolean, expected: string) => {
    if (!ok) problems.push(`${method} ${route.url} (${route.file}) as ${caller}: got ${response.status()} ${response.headers()["location"] ?? ""}, expected ${expected}`);
  };
  const allowedOrMissing = (response: APIResponse) => response.status() < 500 && ![401, 403].includes(response.status());

  try {
    for (const route of routes) {
      const rule = ruleFor(route)!;
      for (const method of route.methods) {
        if (rule.kind === "public") {
          const response = await call(anonymous, method, route.url);
          check(route, method, "anonymous", response, response.status() < 500, "any answer below 500");
          continue;
        }
        if (rule.kind === "staff") {
          const { roles } = rule;
          const signIn = "/signin?callbackUrl=";
          const anon = await call(anonymous, method, route.url);
          const asPartner = await call(partner, method, route.url);
          if (route.kind === "page") {
            check(route, method, "anonymous", anon, isRedirectTo(anon, signIn), "a redirect to /signin");
            check(route, method, "partner", asPartner, isRedirectTo(asPartner, signIn), "a redirect to /signin");
          } else {
            check(route, method, "anonymous", anon, anon.status() === 401, "401");
            check(route, method, "partner", asPartner, asPartner.status() === 403, "403");
          }
          for (const { role, request } of staff) {
            const response = await call(request, method, route.url);
            const allowed = role === "OWNER" || roles.includes(role);
            check(route, method, role, response, allowed ? allowedOrMissing(response) : response.status() === 403, allowed ? "access (not 401/403/5xx)" : "403");
          }
          continue;
        }
        if (rule.kind === "partner") {
          const signIn = "/partners/signin?callbackUrl=";
          const anon = await call(anonymous, method, route.url);
          check(route, method, "anonymous", anon, isRedirectTo(anon, signIn), "a redirect to /partners/signin");
          const asOwner = await call(staff[0]!.request, method, route.url);
          check(route, method, "OWNER", asOwner, isRedirectTo(asOwner, signIn), "a redirect to /partners/signin");
          const asPartner = await call(partner, method, route.url);
          check(route, method, "partner", asPartner, allowedOrMissing(asPartner), "access");
          continue;
        }
        // The REST API: only keys authenticate (a signed-in session does not), and scopes decide.
        const bearer = (name: string) => ({ Authorization: `Bearer ${keys[name]}` });
        if (rule.kind === "api") {
          const anon = await call(anonymous, method, route.url);
          check(route, method, "anonymous", anon, anon.status() === 401, "401");
          const asOwner = await call(staff[0]!.request, method, route.url);
          check(route, method, "OWNER session without a key", asOwner, asOwner.status() === 401, "401");
          const none = await call(anonymous, method, route.url, bearer("none"));
          check(route, method, "key without scopes", none, none.status() === 403, "403");
          const readOnly = await call(anonymous, method, route.url, bearer("orders-read"));
          const readAllowed = rule.resource === "orders" && method === "GET";
          check(route, method, "key with orders:read", readOnly, readAllowed ? allowedOrMissing(readOnly) : readOnly.status() === 403, readAllowed ? "access" : "403");
          const all = await call(anonymous, method, route.url, { ...bearer("all"), "Idempotency-Key": `matrix-${method}-${route.url}` });
          check(route, method, "key with every scope", all, allowedOrMissing(all), "access");
          continue;
        }
        // POST /api/v1/orders: the public JSON checkout without a key, the API's create with one.
        if (method === "POST") {
          const publicCheckout = await call(anonymous, method, route.url, { "Idempotency-Key": "matrix-public-checkout", "X-Forwarded-For": "198.51.100.250" });
          check(route, method, "anonymous (JSON checkout)", publicCheckout, publicCheckout.status() === 422, "422 (the empty order is refused)");
        } else {
          const anon = await call(anonymous, method, route.url);
          check(route, method, "anonymous", anon, anon.status() === 401, "401");
        }
        const none = await call(anonymous, method, route.url, bearer("none"));
        check(route, method, "key without scopes", none, none.status() === 403, "403");
        const all = await call(anonymous, method, route.url, { ...bearer("all"), "Idempotency-Key": `matrix-${method}-orders` });
        check(route, method, "key with every scope", all, allowedOrMissing(all), "access");
      }
    }
  } finally {
    await withAppDatabase((client) => client.query(`UPDATE "ApiKey" SET "revokedAt" = now() WHERE id = ANY($1)`, [keyIds]));
    await Promise.all([anonymous, partner, ...staff.map(({ request }) => request)].map((request) => request.dispose()));
  }
  expect(problems, `${problems.length} cells differ from their rule`).toEqual([]);
});
