import { describe, expect, it } from "vitest";
import { signAttributionCookie, verifyAttributionCookie } from "./attribution";

const secret = "s".repeat(32);
const clickedAt = new Date("2026-05-01T10:00:00Z");
const day = 24 * 60 * 60 * 1000;
const cookie = signAttributionCookie({ clickId: 12345n, clickedAt }, secret);
const verify = (value: string | undefined, now = new Date(clickedAt.getTime() + day), lifetimeDays = 30) => verifyAttributionCookie(value, { now, lifetimeDays, secret });

describe("the referral cookie", () => {
  it("round-trips the click id and time", () => {
    expect(cookie).toMatch(/^v1\.12345\.\d+\.[\w-]{43}$/);
    expect(verify(cookie)).toEqual({ clickId: 12345n, clickedAt });
  });

  it("keeps ids beyond 2^53 exact", () => {
    const big = 9007199254740993n;
    expect(verify(signAttributionCookie({ clickId: big, clickedAt }, secret))?.clickId).toBe(big);
  });

  it.each([
    ["another click id", cookie.replace("v1.12345.", "v1.12346.")],
    ["another time", cookie.replace(/^v1\.12345\.(\d+)\./, (_all, seconds: string) => `v1.12345.${Number(seconds) + 1}.`)],
    ["another signature", cookie.slice(0, -1) + (cookie.endsWith("A") ? "B" : "A")],
    ["a signature of another secret", signAttributionCookie({ clickId: 12345n, clickedAt }, "t".repeat(32))],
    ["no signature", cookie.split(".").slice(0, 3).join(".")],
    ["another version", cookie.replace(/^v1/, "v2")],
    ["garbage", "not-a-cookie"],
    ["an empty value", ""],
    ["nothing", undefined],
  ])("refuses %s", (_name, value) => {
    expect(verify(value)).toBeNull();
  });

  it("expires after the cookie lifetime", () => {
    expect(verify(cookie, new Date(clickedAt.getTime() + 30 * day - 1000))).not.toBeNull();
    expect(verify(cookie, new Date(clickedAt.getTime() + 30 * day + 1000))).toBeNull();
    expect(verify(cookie, new Date(clickedAt.getTime() + 8 * day), 7)).toBeNull();
  });

  it("refuses a click time in the future", () => {
    expect(verify(cookie, new Date(clickedAt.getTime() - day))).toBeNull();
  });
});
