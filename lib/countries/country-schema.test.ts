import { describe, expect, it } from "vitest";
import { isValidPattern, ZCountryUpdate } from "./country-schema";

const valid = { code: "ru", region: "RU", phoneCode: "+7", phoneMask: "+7 (999) 999-99-99", postcodePattern: "^\\d{6}$", isEnabled: true, sortOrder: 0 };
const firstError = (input: Record<string, unknown>) => ZCountryUpdate.safeParse(input).error?.issues[0]?.message;

describe("country settings", () => {
  it("accepts the seed's countries and normalises the code", () => {
    expect(ZCountryUpdate.parse(valid)).toMatchObject({ code: "RU", phoneMask: "+7 (999) 999-99-99" });
    expect(ZCountryUpdate.parse({ ...valid, phoneMask: "  ", postcodePattern: "" })).toMatchObject({ phoneMask: null, postcodePattern: null });
  });

  it.each([
    [{ phoneMask: "+7 (xxx) 999" }, "settings.errors.maskChars"],
    [{ phoneMask: "+7 [999] 999" }, "settings.errors.maskChars"],
    [{ phoneMask: "+7 (000) 000" }, "settings.errors.maskNoDigits"],
    [{ postcodePattern: "^(\\d{6}$" }, "settings.errors.patternInvalid"],
    [{ postcodePattern: "\\p{Nope}" }, "settings.errors.patternInvalid"], // compiles without the u flag, not with it (as checkout compiles)
    [{ phoneCode: "+12345" }, "settings.errors.phoneCodeInvalid"],
    [{ code: "RUS" }, "settings.errors.countryInvalid"],
    [{ sortOrder: 1.5 }, "settings.errors.numberInvalid"],
  ])("refuses %j", (change, message) => {
    expect(firstError({ ...valid, ...change })).toBe(message);
  });

  it("compiles patterns the way checkout does", () => {
    expect(isValidPattern("^\\d{5}(-\\d{4})?$")).toBe(true);
    expect(isValidPattern("[")).toBe(false);
  });
});
