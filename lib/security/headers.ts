// The security headers every response carries, in one place.
//
// Two Content-Security-Policies, because Next.js needs one of two things to let its inline
// bootstrap scripts run: a per-request nonce (which makes a page dynamic) or 'unsafe-inline'.
// - The admin and the partner cabinet (where the signed-in sessions and the money are) are
//   dynamic anyway: they get a fresh nonce per request with 'strict-dynamic' (proxy.ts), so no
//   script without the nonce runs there.
// - Public pages (checkout, thank-you, sign-in…) are static and cached per product and locale:
//   a nonce would end that caching, so they allow inline scripts but nothing from another origin,
//   no plugins, no <base> tricks, forms posting only to us (and Stripe's hosted checkout).
// Both forbid framing (clickjacking of one-click offers and admin buttons).

export interface PolicyOptions {
  /** `next dev` evaluates code and talks over a websocket for hot reload. */
  dev: boolean;
  /** Served over https: ask browsers to upgrade stray http subresources. */
  https: boolean;
}

const STRIPE_CHECKOUT = "https://checkout.stripe.com";

function serialize(directives: Record<string, readonly string[]>) {
  return Object.entries(directives)
    .map(([name, values]) => (values.length ? `${name} ${values.join(" ")}` : name))
    .join("; ");
}

function baseDirectives({ dev, https }: PolicyOptions) {
  return {
    "default-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    // Product images may live on the merchant's own CDN.
    "img-src": ["'self'", "data:", "blob:", "https:"],
    "font-src": ["'self'", "data:"],
    "connect-src": dev ? ["'self'", "ws:", "wss:"] : ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
    ...(https ? { "upgrade-insecure-requests": [] } : {}),
  };
}

/** The admin's and partner cabinet's policy: only scripts carrying this request's nonce run. */
export function nonceContentSecurityPolicy(nonce: string, options: PolicyOptions) {
  if (!/^[A-Za-z0-9+/_-]{16,}={0,2}$/.test(nonce)) throw new Error("a CSP nonce must be at least 16 base64 characters");
  return serialize({
    ...baseDirectives(options),
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(options.dev ? ["'unsafe-eval'"] : [])],
    "frame-src": ["'self'"],
    "form-action": ["'self'"],
  });
}

/** Public (statically cached) pages' policy. */
export function staticContentSecurityPolicy(options: PolicyOptions) {
  return serialize({
    ...baseDirectives(options),
    "script-src": ["'self'", "'unsafe-inline'", ...(options.dev ? ["'unsafe-eval'"] : [])],
    "frame-src": ["'none'"],
    // A checkout form submitted without JavaScript is answered with a redirect to Stripe.
    "form-action": ["'self'", STRIPE_CHECKOUT],
  });
}

/** Headers for every response besides the CSP. */
export function commonSecurityHeaders(): { key: string; value: string }[] {
  return [
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    // For browsers that predate frame-ancestors.
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(self)" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
}

/** HSTS, only when the app is served over https (browsers ignore it over http anyway). */
export function strictTransportSecurity(https: boolean): string | null {
  return https ? "max-age=63072000; includeSubDomains" : null;
}

/** A fresh 128-bit nonce, base64 (Web Crypto: runs in the proxy too). */
export function createNonce() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** Paths (query allowed) whose pages get the nonce policy; the proxy's matcher covers them all. */
export function usesNoncePolicy(path: string) {
  return /^\/(admin|partner)([/?#]|$)/.test(path);
}
