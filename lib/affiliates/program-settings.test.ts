import { describe, expect, it } from "vitest";
import { PROGRAM_SETTING_DEFAULTS, ZProgramSettings, ZProgramSettingsPatch } from "./program-settings";

describe("program settings", () => {
  it("defaults: 2 levels, 30-day cookie, 14-day hold, 1,000 RUB minimum, manual approval", () => {
    expect(ZProgramSettings.parse(PROGRAM_SETTING_DEFAULTS)).toEqual({
      levels: 2,
      cookieLifetimeDays: 30,
      holdDays: 14,
      minimumPayout: { amount: 100000, currency: "RUB" }, // 1,000.00 RUB
      approvalMode: "MANUAL",
    });
  });

  it.each<[Record<string, unknown>, string, string]>([
    [{ levels: 0 }, "levels", "checkoutErrors.outOfRange"],
    [{ levels: 6 }, "levels", "checkoutErrors.outOfRange"],
    [{ levels: 1.5 }, "levels", "checkoutErrors.numberInvalid"],
    [{ levels: "2" }, "levels", "checkoutErrors.numberInvalid"],
    [{ cookieLifetimeDays: 0 }, "cookieLifetimeDays", "checkoutErrors.outOfRange"],
    [{ holdDays: -1 }, "holdDays", "checkoutErrors.outOfRange"],
    [{ minimumPayout: { amount: 1000.5, currency: "RUB" } }, "minimumPayout.amount", "checkoutErrors.numberInvalid"],
    [{ minimumPayout: { amount: 100000, currency: "rub" } }, "minimumPayout.currency", "checkoutErrors.currencyInvalid"],
    [{ approvalMode: "SOMETIMES" }, "approvalMode", "checkoutErrors.invalid"],
  ])("refuses %j", (patch, path, message) => {
    const result = ZProgramSettingsPatch.safeParse(patch);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join(".")).toBe(path);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it("refuses unknown fields", () => {
    expect(ZProgramSettingsPatch.safeParse({ levels: 3, bonus: 1 }).success).toBe(false);
  });

  it.each([1, 5])("accepts %d levels", (levels) => {
    expect(ZProgramSettingsPatch.parse({ levels })).toEqual({ levels });
  });
});
