// The API key string: `lk_live_<prefix>_<secret>`. The prefix (8 base32 characters, random)
// finds the key's row and names it in lists and logs; the secret is 256 random bits. Only the
// SHA-256 of the whole key is stored: with that much entropy a slow password hash buys nothing
// and would cost every API call.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const KEY_PATTERN = /^lk_live_([a-z2-7]{8})_([A-Za-z0-9_-]{43})$/;
const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  const prefix = Array.from(randomBytes(8), (byte) => BASE32[byte % 32]).join("");
  const key = `lk_live_${prefix}_${randomBytes(32).toString("base64url")}`;
  return { key, prefix, keyHash: hashApiKey(key) };
}

/** The prefix of a well-formed key, or null. */
export function apiKeyPrefix(key: string): string | null {
  return KEY_PATTERN.exec(key)?.[1] ?? null;
}

/** Constant-time comparison of a presented key with the stored hash. */
export function apiKeyMatches(key: string, keyHash: string): boolean {
  const presented = Buffer.from(hashApiKey(key), "hex");
  const stored = Buffer.from(keyHash, "hex");
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
