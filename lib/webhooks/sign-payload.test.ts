import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateWebhookSecret, signatureHeader } from "./sign-payload";

describe("signatureHeader", () => {
  it("signs '<t>.<body>' with HMAC-SHA256 of each secret, the current one first", () => {
    const body = '{"id":"evt_1","type":"order.created"}';
    const header = signatureHeader(body, 1_765_000_000, ["whsec_new", "whsec_old"]);
    const expected = (secret: string) => createHmac("sha256", secret).update(`1765000000.${body}`).digest("hex");
    expect(header).toBe(`t=1765000000,v1=${expected("whsec_new")},v1=${expected("whsec_old")}`);
  });

  it("refuses a fractional timestamp and an empty secret list", () => {
    expect(() => signatureHeader("{}", 1.5, ["whsec_x"])).toThrow(RangeError);
    expect(() => signatureHeader("{}", 1, [])).toThrow();
  });

  it("makes 256-bit secrets with the whsec_ prefix, never the same twice", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(secret);
  });
});
