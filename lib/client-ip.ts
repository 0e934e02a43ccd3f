// The client's address. Headers naming it (X-Forwarded-For, X-Real-IP) are believed only when
// the direct peer is a configured reverse proxy (TRUSTED_PROXIES, none by default): otherwise
// anyone could send them and pass for another address — or for the machine itself — to get
// round the rate limits. The production server (server.ts) resolves the address from the
// socket once per request and hands it to Next.js as the only X-Forwarded-For entry, which the
// route handlers, Server Actions and sign-in read through `clientIpFrom`. `next dev` has no such
// server in front: there Next.js sets X-Forwarded-For to the peer only when the request has none,
// so a development server believes what it is sent.
import type { IncomingMessage } from "node:http";
import { isIP, type BlockList } from "node:net";
import { getEnv } from "@/lib/env";
import { trustedProxyBlockList } from "@/lib/env/trusted-proxies";

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined> | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  const value = typeof headers.get === "function" ? (headers as { get(name: string): string | null }).get(name) : (headers as Record<string, unknown>)[name];
  if (Array.isArray(value)) return value.join(", ");
  return typeof value === "string" ? value : undefined;
}

/** The client address the server resolved (the first X-Forwarded-For entry), or "unknown". */
export function clientIpFrom(headers: HeaderSource): string {
  return header(headers, "x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}

/** "::ffff:192.0.2.1" (an IPv4 client of a dual-stack socket) → "192.0.2.1"; brackets and zone ids dropped. */
export function normalizeIp(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let address = value.trim().replace(/^\[(.*)\]$/, "$1");
  address = address.replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1]!;
  return isIP(address) ? address.toLowerCase() : undefined;
}

function isTrusted(address: string, trusted: BlockList) {
  return trusted.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/**
 * The client of a request whose direct peer is `peer`. When the peer is a trusted proxy, walks
 * X-Forwarded-For from the right past trusted proxies: the first address that is not one is the
 * client (entries to its left were written by the client and prove nothing). Without
 * X-Forwarded-For, a trusted proxy's X-Real-IP is used.
 */
export function resolveClientIp(peer: string | undefined, forwarded: { forwardedFor?: string; realIp?: string }, trusted: BlockList): string {
  const direct = normalizeIp(peer);
  if (!direct) return "unknown";
  if (!isTrusted(direct, trusted)) return direct;
  const hops = (forwarded.forwardedFor ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  if (hops.length === 0) return normalizeIp(forwarded.realIp) ?? direct;
  let client = direct;
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = normalizeIp(hops[index]);
    // Garbage a trusted proxy passed on: the last trusted hop is all that is known.
    if (!hop) break;
    client = hop;
    if (!isTrusted(hop, trusted)) break;
  }
  return client;
}

const globalForProxies = globalThis as unknown as { lavkaTrustedProxies?: BlockList };

function trustedProxies(): BlockList {
  globalForProxies.lavkaTrustedProxies ??= trustedProxyBlockList(getEnv().TRUSTED_PROXIES);
  return globalForProxies.lavkaTrustedProxies;
}

/**
 * Resolves the client of a node:http request from its socket and rewrites the headers so that
 * Next.js and the fast routes see that address alone in X-Forwarded-For (and no X-Real-IP).
 */
export function setClientAddress(request: IncomingMessage, trusted: BlockList = trustedProxies()): string {
  const client = resolveClientIp(request.socket.remoteAddress, { forwardedFor: header(request.headers, "x-forwarded-for"), realIp: header(request.headers, "x-real-ip") }, trusted);
  request.headers["x-forwarded-for"] = client;
  delete request.headers["x-real-ip"];
  return client;
}

/** Whether the request's direct peer is a configured reverse proxy (TRUSTED_PROXIES). */
export function isFromTrustedProxy(request: IncomingMessage, trusted: BlockList = trustedProxies()): boolean {
  const peer = normalizeIp(request.socket.remoteAddress);
  return peer !== undefined && isTrusted(peer, trusted);
}

/** Whether an address resolved by this module is the machine itself. */
export function isLoopbackIp(address: string): boolean {
  const normalized = normalizeIp(address);
  return normalized !== undefined && (normalized === "::1" || normalized.startsWith("127."));
}
