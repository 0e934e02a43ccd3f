// The signature of an outgoing webhook, in Stripe's scheme: header
//   Lavka-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">[,v1=<…>]
// keyed with the endpoint's secret (the whole "whsec_…" string as UTF-8). While a rotated-out
// secret is still valid there is a second v1 made with it, so a receiver that still has the old
// secret keeps verifying. Receivers should compare in constant time and refuse old timestamps.
import { createHmac, randomBytes } from "node:crypto";

export const SIGNATURE_HEADER = "Lavka-Signature";
export const SECRET_PREFIX = "whsec_";

/** A new signing secret: "whsec_" + 32 random bytes, base64url. */
export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function signatureOf(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/** The header value for `body` sent at `timestamp` (unix seconds), one v1 per secret, current first. */
export function signatureHeader(body: string, timestamp: number, secrets: readonly string[]): string {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new RangeError(`timestamp must be whole unix seconds, got ${timestamp}`);
  if (secrets.length === 0) throw new Error("at least one signing secret is needed");
  return [`t=${timestamp}`, ...secrets.map((secret) => `v1=${signatureOf(secret, timestamp, body)}`)].join(",");
}
