import { describe, expect, it } from "vitest";
import { commonSecurityHeaders, createNonce, nonceContentSecurityPolicy, staticContentSecurityPolicy, strictTransportSecurity, usesNoncePolicy } from "./headers";

const directives = (policy: string) => new Map(policy.split("; ").map((part) => [part.split(" ")[0], part.split(" ").slice(1)]));

describe("nonceContentSecurityPolicy", () => {
  it("lets only scripts with the nonce run, and forbids framing", () => {
    const nonce = createNonce();
    const policy = directives(nonceContentSecurityPolicy(nonce, { dev: false, https: false }));
    expect(policy.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("adds eval and the hot-reload socket only in development, and the upgrade only over https", () => {
    const dev = directives(nonceContentSecurityPolicy(createNonce(), { dev: true, https: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("connect-src")).toEqual(["'self'", "ws:", "wss:"]);
    expect(dev.get("upgrade-insecure-requests")).toEqual([]);
  });

  it("refuses a nonce that could break out of the header", () => {
    expect(() => nonceContentSecurityPolicy("abc'; script-src *", { dev: false, https: false })).toThrow(/nonce/);
    expect(() => nonceContentSecurityPolicy("short", { dev: false, https: false })).toThrow(/nonce/);
  });
});

describe("staticContentSecurityPolicy", () => {
  it("allows inline scripts of our own origin only, forms to us and Stripe's checkout", () => {
    const policy = directives(staticContentSecurityPolicy({ dev: false, https: false }));
    expect(policy.get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get("form-action")).toEqual(["'self'", "https://checkout.stripe.com"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
  });
});

describe("createNonce", () => {
  it("is 128 random bits, different every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("strictTransportSecurity and the common headers", () => {
  it("sends HSTS only over https", () => {
    expect(strictTransportSecurity(false)).toBeNull();
    expect(strictTransportSecurity(true)).toMatch(/^max-age=\d{8}; includeSubDomains$/);
  });

  it("names referrer, sniffing and framing rules", () => {
    const keys = commonSecurityHeaders().map(({ key }) => key);
    expect(keys).toEqual(expect.arrayContaining(["Referrer-Policy", "X-Content-Type-Options", "X-Frame-Options"]));
  });
});

describe("usesNoncePolicy", () => {
  it.each([
    ["/admin", true],
    ["/admin/orders?status=NEW", true],
    ["/partner", true],
    ["/partner/links", true],
    ["/partner?from=1", true],
    ["/partners/signin", false],
    ["/administrator", false],
    ["/checkout/cream", false],
    ["/api/admin/orders/export", false],
  ])("%s → %s", (path, expected) => {
    expect(usesNoncePolicy(path)).toBe(expected);
  });
});
