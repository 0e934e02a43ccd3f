// The postal tariff's arithmetic: weight steps begun, the surcharge, the declared-value rate
// rounded to the kopeck half up, rubles only, and what the settings form may not save.
import { describe, expect, it } from "vitest";
import { computeParcelFees, parcelFeesOrNull, ZPostalTariff, type TPostalTariff } from "./postal-tariff";

const tariff: TPostalTariff = {
  firstStepPostage: 30000, // 300.00 RUB up to 500 g
  extraStepPostage: 4500, // 45.00 RUB per further 500 g or part
  stepGrams: 500,
  declaredValueRateBp: 400, // 4 %
  parcelSurcharge: 0,
};

describe("computeParcelFees", () => {
  it.each([
    // weight, declared value → postage, fee for declared value
    { weightGrams: 1, declaredValue: 0, postage: 30000, fee: 0 }, // 300.00; 0.00
    { weightGrams: 500, declaredValue: 100000, postage: 30000, fee: 4000 }, // 1,000.00 RUB → 300.00; 40.00
    { weightGrams: 501, declaredValue: 100000, postage: 34500, fee: 4000 }, // a step begun: 345.00
    { weightGrams: 1000, declaredValue: 129000, postage: 34500, fee: 5160 }, // 1,290.00 → 345.00; 51.60
    { weightGrams: 1250, declaredValue: 150000, postage: 39000, fee: 6000 }, // 1,500.00 → 390.00; 60.00
    { weightGrams: 50_000, declaredValue: 1_000_000_000, postage: 475500, fee: 40_000_000 }, // 50 kg, 10,000,000.00 → 4,755.00; 400,000.00
    { weightGrams: 700, declaredValue: 12345, postage: 34500, fee: 494 }, // 123.45 × 4 % = 4.938 → 4.94
    { weightGrams: 700, declaredValue: 12, postage: 34500, fee: 0 }, // 0.12 × 4 % = 0.0048 → 0.00
  ])("$weightGrams g, $declaredValue kopecks → $postage + $fee", ({ weightGrams, declaredValue, postage, fee }) => {
    expect(computeParcelFees(tariff, { weightGrams, declaredValue })).toEqual({ postage, declaredValue: fee });
  });

  it.each([
    // rate bp, declared value → fee: exactly half a kopeck rounds up, just under rounds down
    { rate: 350, declaredValue: 10, fee: 0 }, // 0.10 × 3.5 % = 0.0035 → 0.00
    { rate: 500, declaredValue: 10, fee: 1 }, // 0.10 × 5 % = 0.005 → 0.01 (half up)
    { rate: 499, declaredValue: 10, fee: 0 }, // 0.10 × 4.99 % = 0.00499 → 0.00
    { rate: 250, declaredValue: 99900, fee: 2498 }, // 999.00 × 2.5 % = 24.975 → 24.98
    { rate: 10_000, declaredValue: 129000, fee: 129000 }, // 100 %
    { rate: 0, declaredValue: 129000, fee: 0 },
  ])("$rate bp of $declaredValue kopecks → $fee", ({ rate, declaredValue, fee }) => {
    expect(computeParcelFees({ ...tariff, declaredValueRateBp: rate }, { weightGrams: 500, declaredValue }).declaredValue).toBe(fee);
  });

  it("adds the per-parcel surcharge to the postage and honours another step size", () => {
    // 1 kg steps: 2,300 g is the first kg and two more begun; 250.00 + 2 × 60.00 + 35.00 = 405.00 RUB
    const kilo = { ...tariff, firstStepPostage: 25000, extraStepPostage: 6000, stepGrams: 1000, parcelSurcharge: 3500 };
    expect(computeParcelFees(kilo, { weightGrams: 2300, declaredValue: 0 })).toEqual({ postage: 40500, declaredValue: 0 });
  });

  it("gives no fees without a tariff or for a parcel not in rubles", () => {
    expect(parcelFeesOrNull(null, { weightGrams: 500, declaredValue: 100000, currency: "RUB" })).toBeNull();
    expect(parcelFeesOrNull(tariff, { weightGrams: 500, declaredValue: 100000, currency: "USD" })).toBeNull();
    expect(parcelFeesOrNull(tariff, { weightGrams: 500, declaredValue: 100000, currency: "RUB" })).toEqual({ postage: 30000, declaredValue: 4000 });
  });
});

describe("ZPostalTariff", () => {
  it("takes a whole tariff, the surcharge defaulting to none", () => {
    const { parcelSurcharge: _none, ...withoutSurcharge } = tariff;
    expect(ZPostalTariff.parse(withoutSurcharge)).toEqual(tariff);
  });

  it.each([
    [{ firstStepPostage: -1 }, "firstStepPostage", "logistics.fees.errors.amount"],
    [{ extraStepPostage: 10.5 }, "extraStepPostage", "logistics.fees.errors.amount"],
    [{ parcelSurcharge: 10_000_001 }, "parcelSurcharge", "logistics.fees.errors.amount"],
    [{ stepGrams: 0 }, "stepGrams", "logistics.fees.errors.step"],
    [{ stepGrams: 50_001 }, "stepGrams", "logistics.fees.errors.step"],
    [{ declaredValueRateBp: 10_001 }, "declaredValueRateBp", "logistics.fees.errors.rate"],
    [{ declaredValueRateBp: Number.NaN }, "declaredValueRateBp", "logistics.fees.errors.rate"],
  ])("refuses %o", (change, field, message) => {
    const result = ZPostalTariff.safeParse({ ...tariff, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([[field, message]]);
  });
});
