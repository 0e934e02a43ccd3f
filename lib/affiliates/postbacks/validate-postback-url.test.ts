import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { POSTBACK_URL_ERRORS, POSTBACK_URL_MAX_LENGTH, validatePostbackUrl, ZPostbackUrl } from "./validate-postback-url";

describe("validatePostbackUrl", () => {
  it.each([
    "https://tracker.example.com/postback?cid={click_id}&status={status}&payout={payout}",
    "http://127.0.0.1:8080/pb",
    "HTTPS://Tracker.Example.com/{sub1}/{order_id}",
    "https://user:secret@tracker.example.com/pb?x=1#frag",
    "https://[::1]:8443/pb?o={order_id}",
  ])("accepts %s", (url) => {
    expect(validatePostbackUrl(url)).toBe(url);
  });

  it("trims surrounding spaces", () => {
    expect(validatePostbackUrl("  https://t.example.com/pb  ")).toBe("https://t.example.com/pb");
  });

  it.each([
    ["ftp://tracker.example.com/pb", POSTBACK_URL_ERRORS.notHttp],
    ["javascript:alert(1)", POSTBACK_URL_ERRORS.notHttp],
    ["file:///etc/passwd", POSTBACK_URL_ERRORS.notHttp],
    ["mailto:partner@example.com", POSTBACK_URL_ERRORS.notHttp],
    ["tracker.example.com/pb", POSTBACK_URL_ERRORS.invalid],
    ["//tracker.example.com/pb", POSTBACK_URL_ERRORS.invalid],
    ["not a url", POSTBACK_URL_ERRORS.invalid],
    ["https://", POSTBACK_URL_ERRORS.invalid],
    ["https://exa mple.com/pb", POSTBACK_URL_ERRORS.invalid],
    ["https://{sub1}.example.com/pb", POSTBACK_URL_ERRORS.macroInHost],
    ["https://example.com:{sub2}/pb", POSTBACK_URL_ERRORS.macroInHost],
    ["https://{sub1}@example.com/pb", POSTBACK_URL_ERRORS.macroInHost],
    ["", POSTBACK_URL_ERRORS.required],
    ["   ", POSTBACK_URL_ERRORS.required],
  ])("refuses %j with a localised message key", (url, message) => {
    const result = ZPostbackUrl.safeParse(url);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });

  it("refuses a URL longer than the limit", () => {
    const result = ZPostbackUrl.safeParse(`https://example.com/${"a".repeat(POSTBACK_URL_MAX_LENGTH)}`);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([POSTBACK_URL_ERRORS.tooLong]);
  });

  it.each([undefined, null, 42, {}])("refuses a non-string %j", (value) => {
    expect(ZPostbackUrl.safeParse(value).error?.issues[0]?.message).toBe(POSTBACK_URL_ERRORS.required);
  });

  it("throws a VALIDATION AppError on the postbackUrl field", () => {
    let caught: unknown;
    try {
      validatePostbackUrl("ftp://tracker.example.com/pb");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).status).toBe(422);
    expect((caught as AppError).fieldErrors).toEqual({ postbackUrl: [POSTBACK_URL_ERRORS.notHttp] });
  });
});
