import { describe, expect, it } from "vitest";
import { domesticCheckDigit, parseTrackingNumber, s10CheckDigit, ZTrackingNumber } from "./parse-tracking-number";

describe("parseTrackingNumber", () => {
  // Real identifiers: the two domestic ones were printed on Russian Post parcels (they appear in
  // published tracking clients); AA473124829GB is the UPU S10 standard's own example.
  it.each([
    ["14102077870951", "14102077870951", "RU_DOMESTIC"],
    ["14102077873969", "14102077873969", "RU_DOMESTIC"],
    ["141 02077 87095 1", "14102077870951", "RU_DOMESTIC"],
    ["AA473124829GB", "AA473124829GB", "S10"],
    ["aa 4731 2482 9gb", "AA473124829GB", "S10"],
    ["RR123456785RU", "RR123456785RU", "S10"],
    // Remainder 1 → check 10 → 0; remainder 0 → check 11 → 5.
    ["RA101000000RU", "RA101000000RU", "S10"],
    ["EE000000005RU", "EE000000005RU", "S10"],
  ] as const)("accepts %s as %s (%s)", (input, value, kind) => {
    expect(parseTrackingNumber(input)).toEqual({ ok: true, value, kind });
  });

  it.each([
    ["14102077870952", "checkDigit"],
    ["14102077873960", "checkDigit"],
    ["AA473124828GB", "checkDigit"],
    ["RR123456784RU", "checkDigit"],
    ["1410207787095", "format"],
    ["141020778709511", "format"],
    ["A1473124829GB", "format"],
    ["AA47312482GB", "format"],
    ["ТРЕК123", "format"],
    ["   ", "empty"],
  ] as const)("refuses %s (%s)", (input, problem) => {
    expect(parseTrackingNumber(input)).toEqual({ ok: false, problem });
  });

  it("computes the check digits", () => {
    expect(domesticCheckDigit("1410207787095")).toBe(1);
    expect(s10CheckDigit("47312482")).toBe(9);
    expect(s10CheckDigit("10100000")).toBe(0);
    expect(s10CheckDigit("00000000")).toBe(5);
  });

  it("gives the schema's value normalised and the problem as an i18n key", () => {
    expect(ZTrackingNumber.parse(" rr 123456785 ru ")).toBe("RR123456785RU");
    const result = ZTrackingNumber.safeParse("14102077870952");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("logistics.trackingErrors.checkDigit");
  });
});
