import { describe, expect, it } from "vitest";
import { COMMISSION_DEFAULT_ERRORS, parseCommissionDefaultInputs, parsePercentInput, ZCommissionDefaults } from "./commission-defaults";
import { ZProgramSettingsPatch } from "./program-settings";

describe("parsePercentInput", () => {
  it.each<[string, number | null]>([
    ["10 %", 1000],
    ["10%", 1000],
    ["12.5", 1250],
    ["12,55", 1255],
    ["0", 0],
    ["100", 10000],
    [" 7 % ", 700],
    ["100.01", null],
    ["12.555", null], // finer than a basis point
    ["-5", null],
    ["ten", null],
    ["", null],
    ["%", null],
  ])("%j → %j basis points", (text, expected) => {
    expect(parsePercentInput(text)).toBe(expected);
  });
});

describe("parseCommissionDefaultInputs", () => {
  const none = { kind: "NONE", value: "", currency: "RUB" };

  it("reads each level's row as a rate; levels without a rate have none", () => {
    expect(
      parseCommissionDefaultInputs([
        { kind: "PERCENT", value: "10 %", currency: "RUB" },
        { kind: "FIXED", value: "150.00", currency: "RUB" },
        none,
        { kind: "FIXED", value: "1 500,5", currency: "usd" },
        { kind: "", value: "99", currency: "RUB" },
      ]),
    ).toEqual({
      rates: [
        { level: 0, kind: "PERCENT", value: 1000, currency: null }, // 10 %
        { level: 1, kind: "FIXED", value: 15000, currency: "RUB" }, // 150.00 RUB
        { level: 3, kind: "FIXED", value: 150050, currency: "USD" }, // 1,500.50 USD
      ],
      fieldErrors: {},
    });
  });

  it("reads a FIXED rate without a currency as paid in each order's currency", () => {
    expect(parseCommissionDefaultInputs([{ kind: "FIXED", value: "99.90", currency: "" }]).rates).toEqual([{ level: 0, kind: "FIXED", value: 9990, currency: null }]); // 99.90 of the order's currency
  });

  it("names every bad row by level, with its message key", () => {
    expect(
      parseCommissionDefaultInputs([
        { kind: "PERCENT", value: "101", currency: "RUB" },
        { kind: "FIXED", value: "12.345", currency: "RUB" },
        { kind: "FIXED", value: "150", currency: "rubles" },
        { kind: "BONUS", value: "1", currency: "RUB" },
        { kind: "FIXED", value: "99999999999", currency: "RUB" }, // above the 32-bit column
      ]).fieldErrors,
    ).toEqual({
      "commissionDefaults.0": [COMMISSION_DEFAULT_ERRORS.percent],
      "commissionDefaults.1": [COMMISSION_DEFAULT_ERRORS.amount],
      "commissionDefaults.2": [COMMISSION_DEFAULT_ERRORS.currency],
      "commissionDefaults.3": [COMMISSION_DEFAULT_ERRORS.kind],
      "commissionDefaults.4": [COMMISSION_DEFAULT_ERRORS.amount],
    });
  });

  it("ignores rows beyond the most levels a program can pay", () => {
    const rows = Array.from({ length: 7 }, () => ({ kind: "PERCENT", value: "1", currency: "RUB" }));
    expect(parseCommissionDefaultInputs(rows).rates.map((rate) => rate.level)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe("ZCommissionDefaults (the domain's check)", () => {
  it.each<[unknown, string]>([
    [[{ level: 0, kind: "PERCENT", value: 10001, currency: null }], COMMISSION_DEFAULT_ERRORS.percent],
    [[{ level: 0, kind: "PERCENT", value: 1000, currency: "RUB" }], COMMISSION_DEFAULT_ERRORS.currency],
    [[{ level: 5, kind: "PERCENT", value: 1000, currency: null }], COMMISSION_DEFAULT_ERRORS.level],
    [[{ level: 0, kind: "FIXED", value: -1, currency: "RUB" }], COMMISSION_DEFAULT_ERRORS.amount],
    [[{ level: 0, kind: "FIXED", value: 1.5, currency: "RUB" }], COMMISSION_DEFAULT_ERRORS.amount],
    [[{ level: 0, kind: "BONUS", value: 1, currency: null }], COMMISSION_DEFAULT_ERRORS.kind],
    [
      [
        { level: 1, kind: "PERCENT", value: 1, currency: null },
        { level: 1, kind: "PERCENT", value: 2, currency: null },
      ],
      COMMISSION_DEFAULT_ERRORS.level,
    ],
  ])("refuses %j", (rates, message) => {
    const result = ZCommissionDefaults.safeParse(rates);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it("is part of the program settings patch", () => {
    const commissionDefaults = [
      { level: 0, kind: "PERCENT", value: 2000, currency: null }, // 20 %
      { level: 1, kind: "FIXED", value: 5000, currency: "RUB" }, // 50.00 RUB
    ];
    expect(ZProgramSettingsPatch.parse({ commissionDefaults })).toEqual({ commissionDefaults });
    expect(ZProgramSettingsPatch.parse({ commissionDefaults: [] })).toEqual({ commissionDefaults: [] });
  });
});
