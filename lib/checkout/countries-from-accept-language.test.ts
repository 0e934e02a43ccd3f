import { describe, expect, it } from "vitest";
import { countriesFromAcceptLanguage } from "./countries-from-accept-language";

describe("countriesFromAcceptLanguage", () => {
  it.each<[string | null, string[]]>([
    [null, []],
    ["", []],
    ["en-US,en;q=0.9", ["US"]],
    ["ru-RU,ru;q=0.9,en-US;q=0.8", ["RU", "US"]],
    ["de;q=0.5, kk-KZ", ["KZ", "DE"]],
    ["ru", ["RU"]],
    ["zh-Hant-TW", ["TW"]],
    ["es-419,fr", []],
    ["en-GB;q=0, be", ["BY"]],
  ])("%j → %j", (header, expected) => {
    expect(countriesFromAcceptLanguage(header)).toEqual(expected);
  });
});
