import { describe, expect, it } from "vitest";
import type { BoardColumn, BoardDeal } from "@/lib/crm/deals/get-deal-board";
import { addToTotals, moveBetweenColumns } from "./board-totals";

const deal = (id: string, budget: string, currency = "RUB"): BoardDeal => ({
  id,
  title: id,
  budget,
  currency,
  sortOrder: 0,
  probability: null,
  expectedCloseAt: null,
  tags: [],
  customerName: null,
  contactName: null,
  responsibleName: null,
});

const column = (id: string, deals: BoardDeal[]): BoardColumn => ({
  id,
  name: id,
  kind: "OPEN",
  color: null,
  count: deals.length,
  totals: deals.length ? [{ currency: "RUB", count: deals.length, amount: deals.reduce((sum, row) => sum + BigInt(row.budget), 0n).toString() }] : [],
  deals,
});

describe("addToTotals", () => {
  it("adds and removes in the deal's currency, exactly", () => {
    const totals = [{ currency: "RUB", count: 1, amount: "900719925474099300" }];
    expect(addToTotals(totals, { budget: "7", currency: "RUB" }, 1)).toEqual([{ currency: "RUB", count: 2, amount: "900719925474099307" }]);
    expect(addToTotals(totals, { budget: "500", currency: "USD" }, 1)).toEqual([...totals, { currency: "USD", count: 1, amount: "500" }]);
    expect(addToTotals([{ currency: "USD", count: 1, amount: "500" }], { budget: "500", currency: "USD" }, -1)).toEqual([]);
  });
});

describe("moveBetweenColumns", () => {
  it("moves the card and its count and sum to the other column", () => {
    const columns = [column("a", [deal("1", "10000000"), deal("2", "5000")]), column("b", [deal("3", "100")])];
    const moved = moveBetweenColumns(columns, "1", "b", 0);
    expect(moved[0]!.deals.map((row) => row.id)).toEqual(["2"]);
    expect(moved[0]!.count).toBe(1);
    expect(moved[0]!.totals).toEqual([{ currency: "RUB", count: 1, amount: "5000" }]);
    expect(moved[1]!.deals.map((row) => row.id)).toEqual(["1", "3"]);
    expect(moved[1]!.totals).toEqual([{ currency: "RUB", count: 2, amount: "10000100" }]);
  });

  it("re-orders inside one column without changing its figures", () => {
    const columns = [column("a", [deal("1", "1"), deal("2", "2"), deal("3", "3")])];
    const moved = moveBetweenColumns(columns, "1", "a", 2);
    expect(moved[0]!.deals.map((row) => row.id)).toEqual(["2", "3", "1"]);
    expect(moved[0]!.totals).toEqual(columns[0]!.totals);
    expect(moved[0]!.count).toBe(3);
  });
});
