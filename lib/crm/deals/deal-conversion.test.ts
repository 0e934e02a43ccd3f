import { describe, expect, it } from "vitest";
import { averageSeconds, conversionByStage } from "./deal-conversion";

const FUNNEL = ["first", "talks", "decision", "won"];

describe("conversionByStage", () => {
  it("counts a deal as having reached every stage up to the furthest one it was in", () => {
    const result = conversionByStage(FUNNEL, [
      ["first"], // stuck at the start
      ["first", "talks"],
      ["first", "decision"], // skipped talks: still passed it
      ["first", "talks", "decision", "won"],
      ["first", "talks", "lost"], // lost is not a funnel step
    ]);
    expect(result.map((row) => row.reached)).toEqual([5, 4, 2, 1]);
    expect(result.map((row) => row.advanced)).toEqual([4, 2, 1, null]);
    // 4/5 = 80 %, 2/4 = 50 %, 1/2 = 50 %
    expect(result.map((row) => row.rateBp)).toEqual([8000, 5000, 5000, null]);
  });

  it("a deal that went back still counts its furthest stage once", () => {
    const result = conversionByStage(FUNNEL, [["first", "decision", "talks", "first"]]);
    expect(result.map((row) => row.reached)).toEqual([1, 1, 1, 0]);
    expect(result[2]!.rateBp).toBe(0);
  });

  it("has no rate for a stage nobody reached", () => {
    const result = conversionByStage(FUNNEL, [["unknown-stage"]]);
    expect(result.every((row) => row.reached === 0 && row.rateBp === null)).toBe(true);
  });

  it("rounds to basis points", () => {
    const result = conversionByStage(["a", "b"], [["a", "b"], ["a"], ["a"]]);
    expect(result[0]!.rateBp).toBe(3333); // 1/3
  });
});

describe("averageSeconds", () => {
  it("is null for nothing, the rounded mean otherwise", () => {
    expect(averageSeconds([])).toBeNull();
    expect(averageSeconds([10, 11])).toBe(11);
    expect(averageSeconds([86_400, 3 * 86_400])).toBe(172_800);
  });
});
