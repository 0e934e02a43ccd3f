import { describe, expect, it } from "vitest";
import { visitorFingerprint } from "./fingerprint";

const secret = "s".repeat(32);
const visitor = { ip: "203.0.113.7", userAgent: "Mozilla/5.0 Chrome/120", partnerLogin: "alpha", secret };

describe("visitorFingerprint", () => {
  it("is a 64-character hex HMAC that contains no raw IP", () => {
    const hash = visitorFingerprint({ ...visitor, at: new Date("2026-05-01T10:00:00Z") });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain("203");
  });

  it("is stable within a UTC day", () => {
    const morning = visitorFingerprint({ ...visitor, at: new Date("2026-05-01T00:00:01Z") });
    const night = visitorFingerprint({ ...visitor, at: new Date("2026-05-01T23:59:59Z") });
    expect(night).toBe(morning);
  });

  it.each([
    ["another day", { at: new Date("2026-05-02T10:00:00Z") }],
    ["another partner", { partnerLogin: "beta" }],
    ["another IP", { ip: "203.0.113.8" }],
    ["another user agent", { userAgent: "Mozilla/5.0 Firefox/121" }],
    ["another secret", { secret: "t".repeat(32) }],
  ])("differs for %s", (_name, change) => {
    const base = visitorFingerprint({ ...visitor, at: new Date("2026-05-01T10:00:00Z") });
    expect(visitorFingerprint({ ...visitor, at: new Date("2026-05-01T10:00:00Z"), ...change })).not.toBe(base);
  });

  it("keeps fields apart (no ambiguity when values are concatenated)", () => {
    const at = new Date("2026-05-01T10:00:00Z");
    expect(visitorFingerprint({ ...visitor, ip: "1.2.3.4", userAgent: "5x", at })).not.toBe(visitorFingerprint({ ...visitor, ip: "1.2.3.45", userAgent: "x", at }));
  });
});
