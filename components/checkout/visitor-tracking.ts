// The per-visitor values of a checkout form (see visitor-inputs.tsx), shared by the browser,
// which fills them in, and the Server Action, which falls back to the page's URL for utm_*.
export const UTM_PARAMS = ["utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term"] as const;
export const TRACKING_INPUTS = [...UTM_PARAMS, "referrer"] as const;
export type TVisitorTracking = Partial<Record<(typeof TRACKING_INPUTS)[number], string>>;

/** A random UUID; crypto.randomUUID exists only on secure pages (HTTPS or localhost). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The ad or link that brought the visitor: utm_* of the page's URL, and the referrer unless it is this site. */
export function trackingOf(location: { search: string; host: string }, referrer: string): TVisitorTracking {
  const tracking: TVisitorTracking = utmOf(location.search);
  // Our own pages (a reload, another page of the shop) are not where the visitor came from.
  if (referrer && !isOwnPage(referrer, location.host)) tracking.referrer = referrer.slice(0, 2000);
  return tracking;
}

/** utm_* of a query string ("?utm_source=vk&…"), trimmed and capped. */
export function utmOf(search: string): TVisitorTracking {
  const query = new URLSearchParams(search);
  const utm: TVisitorTracking = {};
  for (const name of UTM_PARAMS) {
    const value = query.get(name)?.trim();
    if (value) utm[name] = value.slice(0, 200);
  }
  return utm;
}

function isOwnPage(url: string, host: string) {
  try {
    return new URL(url).host === host;
  } catch {
    return true;
  }
}
