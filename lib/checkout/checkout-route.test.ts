import { describe, expect, it } from "vitest";
import { checkoutPagePath, countryWishes, parseCountriesSegment, publicCheckoutProduct } from "./checkout-route";

const enabled = new Set(["RU", "KZ", "BY", "US"]);

describe("countryWishes", () => {
  it("takes ?country= alone when it is a country code, whatever the browser says", () => {
    expect(countryWishes("kz", "ru-RU,ru;q=0.9", enabled)).toEqual(["KZ"]);
  });

  it("names no country for a ?country= the shop does not sell to: the page prices for the default", () => {
    expect(countryWishes("FR", "ru-RU", enabled)).toEqual([]);
  });

  it("falls back to the browser's languages for a missing or malformed ?country=", () => {
    expect(countryWishes(null, "en-US,ru;q=0.8", enabled)).toEqual(["US", "RU"]);
    expect(countryWishes("RUS", "en-US,ru;q=0.8", enabled)).toEqual(["US", "RU"]);
  });

  it("keeps only enabled countries, at most three, so few pages are cached", () => {
    expect(countryWishes(null, "fr-FR,en-US,kk,be,ru", enabled)).toEqual(["US", "KZ", "BY"]);
    expect(countryWishes(null, null, enabled)).toEqual([]);
  });
});

describe("the checkout's paths", () => {
  it("reads the product of the public path only", () => {
    expect(publicCheckoutProduct("/checkout/casio-g-shock")).toBe("casio-g-shock");
    expect(publicCheckoutProduct("/checkout/casio-g-shock/")).toBe("casio-g-shock");
    expect(publicCheckoutProduct("/checkout/casio-g-shock/en/RU")).toBeNull();
    expect(publicCheckoutProduct("/checkout/")).toBeNull();
  });

  it("builds the internal path and reads its countries back", () => {
    expect(checkoutPagePath("casio-g-shock", "en", ["US", "RU"])).toBe("/checkout/casio-g-shock/en/US-RU");
    expect(checkoutPagePath("casio-g-shock", "ru", [])).toBe("/checkout/casio-g-shock/ru/-");
    expect(parseCountriesSegment("US-RU")).toEqual(["US", "RU"]);
    expect(parseCountriesSegment("-")).toEqual([]);
  });

  it.each(["", "us", "USA", "US-RU-KZ-BY", "US--RU", "US_RU"])("refuses the countries segment %j", (segment) => {
    expect(parseCountriesSegment(segment)).toBeNull();
  });
});
