import { describe, expect, it } from "vitest";
import { signUnsubscribeToken, unsubscribeUrls, verifyUnsubscribeToken } from "./unsubscribe-token";

const secret = "a-test-secret-that-is-long-enough-for-the-app";

describe("unsubscribe tokens", () => {
  it("verify to the recipient they were signed for", () => {
    const token = signUnsubscribeToken("cmrec123", secret);
    expect(token).toMatch(/^cmrec123\.[A-Za-z0-9_-]{43}$/);
    expect(verifyUnsubscribeToken(token, secret)).toBe("cmrec123");
  });

  it("refuse another recipient's id under a valid signature", () => {
    const [, signature] = signUnsubscribeToken("cmrec123", secret).split(".");
    expect(verifyUnsubscribeToken(`cmrec124.${signature}`, secret)).toBeNull();
  });

  it("refuse a signature made with another secret", () => {
    expect(verifyUnsubscribeToken(signUnsubscribeToken("cmrec123", `${secret}-other`), secret)).toBeNull();
  });

  it.each([undefined, null, 42, "", ".", "cmrec123", "cmrec123.", ".abc", "cm rec.xxx", `cmrec123.${"A".repeat(42)}`, `cmrec123.${"A".repeat(44)}`, "x".repeat(500)])(
    "refuse malformed %j",
    (token) => {
      expect(verifyUnsubscribeToken(token, secret)).toBeNull();
    },
  );

  it("refuse a flipped character in the signature", () => {
    const token = signUnsubscribeToken("cmrec123", secret);
    const flipped = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect(verifyUnsubscribeToken(flipped, secret)).toBeNull();
  });

  it("build the page link and the one-click link from the same token", () => {
    const urls = unsubscribeUrls("cmrec123", "https://shop.example", secret);
    const token = signUnsubscribeToken("cmrec123", secret);
    expect(urls).toEqual({ page: `https://shop.example/unsubscribe/${token}`, oneClick: `https://shop.example/api/unsubscribe/${token}` });
  });

  it("refuse to sign something that is not an id", () => {
    expect(() => signUnsubscribeToken("a.b", secret)).toThrow(RangeError);
  });
});
