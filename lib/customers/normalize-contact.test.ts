import { describe, expect, it } from "vitest";
import { normalizeEmail, normalizePhone, parsePhone } from "./normalize-contact";

describe("normalizePhone", () => {
  it.each<[string | null | undefined, string | undefined, string | null]>([
    // raw, default country, E.164
    ["8 (916) 123-45-01", "RU", "+79161234501"],
    ["+7 916 1234501", "RU", "+79161234501"],
    ["9161234501", "RU", "+79161234501"],
    ["79161234501", "RU", "+79161234501"],
    ["+7 (916) 123-45-01", "DE", "+79161234501"], // a country code beats the default
    ["+7 (701) 123-45-67", "KZ", "+77011234567"],
    ["+375 29 123-45-67", "BY", "+375291234567"],
    ["(202) 555-0143", "US", "+12025550143"],
    ["+49 30 12345678", "de", "+493012345678"],
    ["  +7 916 123 45 01  ", undefined, "+79161234501"],
    ["9161234501", undefined, null], // national number without a country
    ["123", "RU", null],
    ["+7 916 123 45 0", "RU", null],
    ["abc", "RU", null],
    ["", "RU", null],
    [null, "RU", null],
    [undefined, "RU", null],
    ["+7 916 123 45 01".repeat(5), "RU", null], // absurdly long input
    ["9161234501", "not-a-country", null],
  ])("%j (%s) → %s", (raw, country, expected) => {
    expect(normalizePhone(raw, country)).toBe(expected);
  });

  it("also gives the international form for people", () => {
    expect(parsePhone("8 916 123-45-01", "RU")).toEqual({ e164: "+79161234501", international: "+7 916 123 45 01" });
  });
});

describe("normalizeEmail", () => {
  it.each<[string | null | undefined, string | null]>([
    ["Anna@Example.RU", "anna@example.ru"],
    ["  ivan.petrov@example.ru ", "ivan.petrov@example.ru"],
    ["Anna+Shop@Example.com", "anna+shop@example.com"], // plus-tags are kept
    ["not an email", null],
    ["anna@", null],
    ["@example.ru", null],
    ["", null],
    [null, null],
    [undefined, null],
    [`${"a".repeat(250)}@x.ru`, null],
  ])("%j → %s", (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });
});
