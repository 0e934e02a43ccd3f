// The request being served, for log lines written anywhere below it: server.ts runs Next.js's
// handler inside `runWithRequestId`, and the logger adds `requestId` to every line written in
// that async context (lib/logger.ts). The store lives on globalThis because server.ts (run by tsx)
// and Next.js's server bundles each load their own copy of this module.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

interface RequestContext {
  requestId: string;
}

const STORE = Symbol.for("lavka.requestContext");
const holder = globalThis as { [STORE]?: AsyncLocalStorage<RequestContext> };
const storage = (holder[STORE] ??= new AsyncLocalStorage<RequestContext>());

/** The id of the request this code runs for, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

export function runWithRequestId<T>(requestId: string, work: () => T): T {
  return storage.run({ requestId }, work);
}

const PLAUSIBLE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The request's id: the one a trusted proxy (TRUSTED_PROXIES) sent in X-Request-Id, so a line can
 * be followed from the load balancer's log to ours, when it looks like an id; otherwise a new one.
 * A client's own header is not believed: it could make lines of different requests look alike.
 */
export function requestIdFrom(header: string | string[] | undefined, fromTrustedProxy: boolean): string {
  const value = Array.isArray(header) ? header[0] : header;
  return fromTrustedProxy && value && PLAUSIBLE_ID.test(value) ? value : randomUUID();
}
