// A privacy-preserving visitor fingerprint for clicks (DESIGN.md): an HMAC of the IP address,
// the user agent, the partner's login and the UTC day. No raw IP is stored, and the hash cannot
// be reversed or joined across partners or days, yet it is stable enough to tell a partner's
// unique clicks from repeats within a day.
import { createHmac } from "node:crypto";
import { getEnv } from "@/lib/env";

let cachedKey: { secret: string; key: Buffer } | undefined;

/** A key of its own, derived from NEXTAUTH_SECRET, so the session secret is never used as is. */
function fingerprintKey(secret: string): Buffer {
  if (cachedKey?.secret !== secret) cachedKey = { secret, key: createHmac("sha256", secret).update("lavka:click-fingerprint:v1").digest() };
  return cachedKey.key;
}

export interface FingerprintInput {
  ip: string;
  userAgent: string | null | undefined;
  /** The partner's login: the same visitor gets a different hash for each partner. */
  partnerLogin: string;
  at: Date;
  /** For tests; the app's NEXTAUTH_SECRET by default. */
  secret?: string;
}

/** Hex HMAC-SHA256 (64 characters). */
export function visitorFingerprint({ ip, userAgent, partnerLogin, at, secret }: FingerprintInput): string {
  const day = at.toISOString().slice(0, 10);
  // Unit separators keep "a"+"bc" and "ab"+"c" apart.
  return createHmac("sha256", fingerprintKey(secret ?? getEnv().NEXTAUTH_SECRET))
    .update([ip, userAgent ?? "", partnerLogin, day].join("\u001f"))
    .digest("hex");
}
