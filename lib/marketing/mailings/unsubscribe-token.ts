// The unsubscribe link of one mailing recipient: `<recipientId>.<HMAC>` — signed, not stored, so
// millions of mails need no token rows, and a link cannot be made up for someone else's address.
// The key is derived from NEXTAUTH_SECRET (never the session secret itself); rotating that
// secret voids the links of mailings already sent (the footer's address still works by reply).
import { createHmac, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";

const RECIPIENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAC = /^[A-Za-z0-9_-]{43}$/;

let cachedKey: { secret: string; key: Buffer } | undefined;

function unsubscribeKey(secret: string): Buffer {
  if (cachedKey?.secret !== secret) cachedKey = { secret, key: createHmac("sha256", secret).update("lavka:mailing-unsubscribe:v1").digest() };
  return cachedKey.key;
}

function mac(recipientId: string, secret: string): string {
  return createHmac("sha256", unsubscribeKey(secret)).update(recipientId).digest("base64url");
}

/** The token of a recipient's unsubscribe link (URL-safe). */
export function signUnsubscribeToken(recipientId: string, secret = getEnv().NEXTAUTH_SECRET): string {
  if (!RECIPIENT_ID.test(recipientId)) throw new RangeError("Not a recipient id");
  return `${recipientId}.${mac(recipientId, secret)}`;
}

/** The recipient id a genuine token names; null for anything forged, damaged or of another shape. */
export function verifyUnsubscribeToken(token: unknown, secret = getEnv().NEXTAUTH_SECRET): string | null {
  if (typeof token !== "string" || token.length > 200) return null;
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return null;
  const recipientId = token.slice(0, dot);
  const given = token.slice(dot + 1);
  if (!RECIPIENT_ID.test(recipientId) || !MAC.test(given)) return null;
  const expected = Buffer.from(mac(recipientId, secret));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? recipientId : null;
}

/** The page a person opens (confirm button) and the RFC 8058 one-click POST target. */
export function unsubscribeUrls(recipientId: string, appUrl = getEnv().APP_URL, secret?: string) {
  const token = signUnsubscribeToken(recipientId, secret);
  return { page: `${appUrl}/unsubscribe/${token}`, oneClick: `${appUrl}/api/unsubscribe/${token}` };
}
