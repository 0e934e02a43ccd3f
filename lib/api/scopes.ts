// What an API key may do: per resource, read or write (write includes read, as in Stripe's
// restricted keys). Only resources with write endpoints offer write.
import { z } from "zod";

export const API_RESOURCES = {
  orders: { write: true },
  products: { write: false },
  customers: { write: true },
  partners: { write: false },
  commissions: { write: false },
  payouts: { write: false },
} as const;

export type ApiResource = keyof typeof API_RESOURCES;
export type ApiAccess = "read" | "write";
export type ApiScope = `${ApiResource}:${ApiAccess}`;

export const API_SCOPES: readonly ApiScope[] = (Object.keys(API_RESOURCES) as ApiResource[]).flatMap((resource) =>
  API_RESOURCES[resource].write ? [`${resource}:read` as const, `${resource}:write` as const] : [`${resource}:read` as const],
);

export const ZApiScope = z.enum(API_SCOPES as [ApiScope, ...ApiScope[]]);

/** Whether `granted` allows `needed`: the scope itself, or write for a read. */
export function hasScope(granted: readonly string[], needed: ApiScope): boolean {
  if (granted.includes(needed)) return true;
  const [resource, access] = needed.split(":");
  return access === "read" && granted.includes(`${resource}:write`);
}

/** Scopes as stored: known, deduplicated, a read dropped when its write is there, in table order. */
export function normalizeScopes(scopes: readonly ApiScope[]): ApiScope[] {
  const set = new Set(scopes);
  return API_SCOPES.filter((scope) => set.has(scope) && !(scope.endsWith(":read") && set.has(scope.replace(":read", ":write") as ApiScope)));
}
