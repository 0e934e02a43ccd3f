import { describe, expect, it } from "vitest";
import { PAYOUT_CSV_COLUMNS, payoutsCsv } from "./export-payouts-csv";
import type { PayoutRow } from "./list-payouts";

const headers = Object.fromEntries(PAYOUT_CSV_COLUMNS.map((column) => [column, column])) as Record<(typeof PAYOUT_CSV_COLUMNS)[number], string>;

const row: PayoutRow = {
  id: "p1",
  partner: { id: "a", login: "alpha", name: 'Alpha, "Traffic"' },
  amount: 123456, // 1,234.56 RUB
  currency: "RUB",
  status: "PAID",
  method: "card",
  details: '=HYPERLINK("x")',
  reference: "SBP-1",
  reason: null,
  commissionCount: 2,
  requestedAt: "2026-11-01T10:00:00.000Z",
  approvedAt: null,
  paidAt: "2026-11-02T10:00:00.000Z",
  rejectedAt: null,
};

describe("payoutsCsv", () => {
  it("writes a header and one quoted, defused row per payout with the amount as a decimal", () => {
    const lines = payoutsCsv([row], headers).split("\r\n");
    expect(lines[0]).toBe(PAYOUT_CSV_COLUMNS.join(","));
    expect(lines[1]).toBe('p1,2026-11-01T10:00:00.000Z,alpha,"Alpha, ""Traffic""",1234.56,RUB,card,"\'=HYPERLINK(""x"")",PAID,SBP-1,,2026-11-02T10:00:00.000Z');
    expect(lines[2]).toBe("");
  });

  it("is only the header without payouts", () => {
    expect(payoutsCsv([], headers)).toBe(`${PAYOUT_CSV_COLUMNS.join(",")}\r\n`);
  });
});
