import { describe, expect, it } from "vitest";
import { sumLedgerEntries } from "./sum-ledger-entries";

describe("sumLedgerEntries", () => {
  it("is the signed sum of the entries per currency", () => {
    const totals = sumLedgerEntries([
      { amount: 19500, currency: "RUB" }, // commission 195.00 RUB
      { amount: 5000, currency: "RUB" }, // commission 50.00 RUB
      { amount: -24500, currency: "RUB" }, // payout 245.00 RUB
      { amount: -5000, currency: "RUB" }, // reversal 50.00 RUB after payout
      { amount: 1000, currency: "USD" }, // 10.00 USD
    ]);
    expect(totals.get("RUB")).toBe(-5000); // owes 50.00 RUB to the next payout
    expect(totals.get("USD")).toBe(1000);
  });

  it("is empty without entries", () => {
    expect(sumLedgerEntries([]).size).toBe(0);
  });
});
