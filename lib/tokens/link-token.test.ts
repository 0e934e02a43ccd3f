import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateLinkToken, hashLinkToken, isLinkTokenExpired, isWellFormedLinkToken, linkTokenExpiresAt } from "./link-token";

describe("link tokens", () => {
  it("are 256 random bits in base64url, stored as their SHA-256", () => {
    const { token, tokenHash } = generateLinkToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).not.toContain(token);
  });

  it("never repeat", () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateLinkToken().token));
    expect(tokens.size).toBe(1000);
  });

  it("hash the same way every time", () => {
    expect(hashLinkToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it.each<[unknown, boolean]>([
    [generateLinkToken().token, true],
    ["a".repeat(43), true],
    ["a".repeat(42), false],
    ["a".repeat(44), false],
    [`${"a".repeat(42)}=`, false],
    [`${"a".repeat(42)}/`, false],
    ["", false],
    [null, false],
    [42, false],
  ])("%j is well-formed: %s", (token, expected) => {
    expect(isWellFormedLinkToken(token)).toBe(expected);
  });
});

describe("link token expiry", () => {
  const issued = new Date("2026-03-01T12:00:00.000Z");

  it("expires the given number of hours later", () => {
    expect(linkTokenExpiresAt(168, issued).toISOString()).toBe("2026-03-08T12:00:00.000Z"); // 7 days
    expect(linkTokenExpiresAt(1, issued).toISOString()).toBe("2026-03-01T13:00:00.000Z");
  });

  it.each([0, -1, Number.NaN])("refuses a lifetime of %d hours", (hours) => {
    expect(() => linkTokenExpiresAt(hours, issued)).toThrow(RangeError);
  });

  it.each<[string, boolean]>([
    ["2026-03-08T11:59:59.999Z", false],
    ["2026-03-08T12:00:00.000Z", true],
    ["2026-03-09T00:00:00.000Z", true],
    ["2026-03-01T12:00:00.000Z", false],
  ])("at %s a 7-day token is expired: %s", (now, expected) => {
    expect(isLinkTokenExpired(linkTokenExpiresAt(168, issued), new Date(now))).toBe(expected);
  });
});
