// The idempotency key of a checkout form posted without one: the browser fills the key in
// (components/checkout/visitor-inputs.tsx), so a form without it was posted before the page's
// script ran, or with JavaScript off. A double submit of such a form must still make one order,
// so the key is derived from what was submitted: the same values (normalised: trimmed, spaces
// collapsed, in name order) of the same product from the same address within the same
// KEY_WINDOW_MS make the same key, and placeOrder answers the resubmit with the order it made.
// What this cannot tell apart: the same person ordering the same thing twice on purpose within
// the window (the second submit shows the first order), and a double submit that straddles a
// window's edge (two orders, the second marked DUPLICATE by the duplicate rule).
import { createHash } from "node:crypto";

export const KEY_WINDOW_MS = 10 * 60_000;

/** Inputs that are not the shopper's order: the framework's, the key itself, the tracking. */
const ignored = (name: string) => name.startsWith("$ACTION") || name === "idempotencyKey" || name.startsWith("tracking.");

const normalise = (value: string) => value.normalize("NFC").trim().replace(/\s+/g, " ");

export function deriveIdempotencyKey(formData: FormData, ip: string, now: number = Date.now()): string {
  const values = [...formData.entries()]
    .filter((entry): entry is [string, string] => typeof entry[1] === "string" && !ignored(entry[0]))
    .map(([name, value]) => [name, normalise(value)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const digest = createHash("sha256")
    .update(JSON.stringify({ values, ip, window: Math.floor(now / KEY_WINDOW_MS) }))
    .digest("base64url");
  // placeOrder takes 16–128 characters of [\w.:-]: "form-" and 43 of base64url.
  return `form-${digest}`;
}
