import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, resolveLocale } from "./locales";

describe("resolveLocale", () => {
  it.each([
    [undefined, undefined, "ru"],
    ["en", "ru-RU,ru;q=0.9", "en"],
    ["de", "en-US,en;q=0.9", "en"],
    [undefined, "de-DE,de;q=0.9,en;q=0.8,ru;q=0.7", "en"],
    [undefined, "de-DE,ru;q=0.9,en;q=0.8", "ru"],
    [undefined, "fr-FR", "ru"],
  ])("cookie %s, Accept-Language %s → %s", (cookie, header, expected) => {
    expect(resolveLocale(cookie, header)).toBe(expected);
  });

  it("ignores languages with q=0", () => {
    expect(localeFromAcceptLanguage("en;q=0, ru;q=0.5")).toBe("ru");
  });
});
