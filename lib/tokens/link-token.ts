// Tokens in links (DESIGN.md: 256-bit random, stored only as hashes, single-purpose, expiring).
// The raw token exists only in the link; the database keeps its SHA-256, so a leaked table
// gives no working links. SHA-256 without a salt is enough: the input is 256 random bits.
import { createHash, randomBytes } from "node:crypto";

const TOKEN_BYTES = 32;
/** 32 bytes in base64url, unpadded. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A fresh random token and the hash to store. */
export function generateLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  return { token, tokenHash: hashLinkToken(token) };
}

/** SHA-256 (hex) of a raw token: what LinkToken.tokenHash holds. */
export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Cheap shape check before any lookup: forged strings of the wrong shape never reach the database. */
export function isWellFormedLinkToken(token: unknown): token is string {
  return typeof token === "string" && TOKEN_PATTERN.test(token);
}

const HOUR_MS = 3_600_000;

export function linkTokenExpiresAt(ttlHours: number, now: Date = new Date()): Date {
  if (!(ttlHours > 0)) throw new RangeError(`A link token needs a positive lifetime, got ${ttlHours} hours`);
  return new Date(now.getTime() + ttlHours * HOUR_MS);
}

/** Expired from the expiry instant on (a link valid "until 14:00" no longer works at 14:00). */
export function isLinkTokenExpired(expiresAt: Date, now: Date = new Date()): boolean {
  return now.getTime() >= expiresAt.getTime();
}
