import { describe, expect, it } from "vitest";
import { MIN_POSITION_GAP, POSITION_STEP, positionBetween, rebalancedPositions } from "./fractional-position";

describe("positionBetween", () => {
  it("puts the first deal of an empty column at one step", () => {
    expect(positionBetween(null, null)).toBe(POSITION_STEP);
  });

  it("goes a step above the top deal and a step below the bottom one", () => {
    expect(positionBetween(null, 1024)).toBe(0);
    expect(positionBetween(2048, null)).toBe(2048 + POSITION_STEP);
  });

  it("takes the midpoint between two neighbours", () => {
    expect(positionBetween(1024, 2048)).toBe(1536);
    const position = positionBetween(-3.5, 7)!;
    expect(position).toBeGreaterThan(-3.5);
    expect(position).toBeLessThan(7);
  });

  it("refuses a gap that is too small, equal or reversed neighbours", () => {
    expect(positionBetween(1, 1 + MIN_POSITION_GAP / 2)).toBeNull();
    expect(positionBetween(5, 5)).toBeNull();
    expect(positionBetween(6, 5)).toBeNull();
  });

  it("keeps splitting until the gap runs out, then asks for a rebalance", () => {
    let before = 1024;
    const after = 2048;
    let splits = 0;
    for (;;) {
      const next = positionBetween(before, after);
      if (next === null) break;
      expect(next).toBeGreaterThan(before);
      expect(next).toBeLessThan(after);
      before = next;
      splits += 1;
    }
    // 1024 halved down to 1e-6 takes about 30 drops into the same place.
    expect(splits).toBeGreaterThan(25);
    expect(splits).toBeLessThan(40);
  });
});

describe("rebalancedPositions", () => {
  it("spaces the column evenly, in order", () => {
    expect(rebalancedPositions(3)).toEqual([1024, 2048, 3072]);
    expect(rebalancedPositions(0)).toEqual([]);
  });

  it("leaves room for a midpoint between every pair", () => {
    const positions = rebalancedPositions(50);
    for (let index = 1; index < positions.length; index++) expect(positionBetween(positions[index - 1]!, positions[index]!)).not.toBeNull();
  });
});
