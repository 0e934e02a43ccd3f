import { afterEach, describe, expect, it, vi } from "vitest";
import { newIdempotencyKey, trackingOf } from "./visitor-tracking";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("trackingOf", () => {
  const location = { search: "?utm_source=%20vk%20&utm_medium=cpc&utm_term=&country=RU", host: "shop.example.com" };

  it("keeps the utm_* of the page's URL and an outside referrer", () => {
    expect(trackingOf(location, "https://vk.com/feed")).toEqual({ utm_source: "vk", utm_medium: "cpc", referrer: "https://vk.com/feed" });
  });

  it.each(["https://shop.example.com/checkout/casio-g-shock", "not a url", ""])("leaves out the referrer %j", (referrer) => {
    expect(trackingOf(location, referrer)).toEqual({ utm_source: "vk", utm_medium: "cpc" });
  });

  it("caps long values", () => {
    expect(trackingOf({ search: `?utm_campaign=${"x".repeat(300)}`, host: "a" }, "").utm_campaign).toHaveLength(200);
  });
});

describe("newIdempotencyKey", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("is a random UUID", () => {
    expect(newIdempotencyKey()).toMatch(UUID_V4);
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });

  it("is made from random bytes where crypto.randomUUID is missing (a page not served over HTTPS)", () => {
    const original = globalThis.crypto;
    vi.stubGlobal("crypto", { getRandomValues: original.getRandomValues.bind(original) });
    expect(newIdempotencyKey()).toMatch(UUID_V4);
  });
});
