import { describe, expect, it } from "vitest";
import { abcClassOf, classifyAbc } from "./classify-abc";
import { ntile, scoreRfm, type RfmInput } from "./score-rfm";
import { DEFAULT_RFM_MAP, DEFAULT_SEGMENT_SETTINGS, matchRfmSegment, uncoveredCombinations, ZCrmSegmentSettings } from "./segment-settings";

const day = (n: number) => new Date(Date.UTC(2026, 0, n));
const customer = (id: string, lastPaidDay: number | null, paidOrdersCount: number, paidRevenue: bigint): RfmInput => ({
  id,
  lastPaidAt: lastPaidDay === null ? null : day(lastPaidDay),
  paidOrdersCount,
  paidRevenue,
});

describe("ntile", () => {
  it("cuts like PostgreSQL's ntile(5): the first N mod 5 groups hold one more", () => {
    // 7 rows: sizes 2, 2, 1, 1, 1
    expect(Array.from({ length: 7 }, (_, position) => ntile(position, 7))).toEqual([1, 1, 2, 2, 3, 4, 5]);
    expect(Array.from({ length: 10 }, (_, position) => ntile(position, 10))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    // fewer rows than groups: 1, 2, 3
    expect(Array.from({ length: 3 }, (_, position) => ntile(position, 3))).toEqual([1, 2, 3]);
  });
});

describe("scoreRfm", () => {
  it("scores recent, frequent and big spenders 5, and leaves customers without a PAID order unscored", () => {
    const customers = [
      customer("a", 1, 1, 10_000n), // 100.00 RUB, oldest, fewest
      customer("b", 2, 2, 20_000n),
      customer("c", 3, 3, 30_000n),
      customer("d", 4, 4, 40_000n),
      customer("e", 5, 5, 50_000n), // newest, most, biggest
      customer("never", null, 0, 0n),
    ];
    const scores = scoreRfm(customers);
    expect(scores.get("a")).toEqual({ r: 1, f: 1, m: 1 });
    expect(scores.get("e")).toEqual({ r: 5, f: 5, m: 5 });
    expect(scores.get("c")).toEqual({ r: 3, f: 3, m: 3 });
    expect(scores.has("never")).toBe(false);
    expect(scores.size).toBe(5);
  });

  it("breaks ties by the other dimensions, then by id, whatever the input order", () => {
    // Same frequency (1) for all: the bigger spender ranks higher in F.
    const customers = [customer("x", 1, 1, 500n), customer("y", 1, 1, 100n), customer("z", 1, 1, 100n), customer("w", 1, 1, 900n), customer("v", 1, 1, 300n)];
    const forward = scoreRfm(customers);
    const backward = scoreRfm([...customers].reverse());
    expect([...forward.entries()].sort()).toEqual([...backward.entries()].sort());
    expect(forward.get("w")!.f).toBe(5);
    expect(forward.get("y")!.f).toBe(1); // y < z by id
    expect(forward.get("z")!.f).toBe(2);
  });
});

describe("the RFM map", () => {
  it("takes the first rule that matches, in order", () => {
    expect(matchRfmSegment(DEFAULT_RFM_MAP, { r: 5, f: 5, m: 5 })).toBe("Champions");
    // 3/3/3 fits Loyal (2–4) and Potential loyalist (3–5): Loyal comes first.
    expect(matchRfmSegment(DEFAULT_RFM_MAP, { r: 3, f: 3, m: 3 })).toBe("Loyal");
    expect(matchRfmSegment(DEFAULT_RFM_MAP, { r: 5, f: 1, m: 1 })).toBe("New");
    expect(matchRfmSegment(DEFAULT_RFM_MAP, { r: 1, f: 1, m: 1 })).toBe("Lost");
    expect(matchRfmSegment(DEFAULT_RFM_MAP, { r: 2, f: 5, m: 5 })).toBe("Need attention");
    expect(matchRfmSegment([{ name: "Only", r: [5, 5], f: [1, 5], m: [1, 5] }], { r: 4, f: 1, m: 1 })).toBeNull();
  });

  it("lists the combinations no rule maps", () => {
    const uncovered = uncoveredCombinations(DEFAULT_RFM_MAP);
    // The standard map leaves a few R=2 combinations out (e.g. 2/1/5: About to sleep stops at M 4).
    expect(uncovered).toContainEqual({ r: 2, f: 1, m: 5 });
    expect(uncovered.every((combination) => matchRfmSegment(DEFAULT_RFM_MAP, combination) === null)).toBe(true);
    expect(uncoveredCombinations([{ name: "All", r: [1, 5], f: [1, 5], m: [1, 5] }])).toEqual([]);
    expect(uncoveredCombinations([{ name: "Top", r: [5, 5], f: [5, 5], m: [5, 5] }])).toHaveLength(124);
  });
});

describe("classifyAbc", () => {
  const cutoffs = { a: 80, b: 95 };

  it("gives A to the customers making the first 80 %, B up to 95 %, C to the rest", () => {
    const items = [
      { id: "big", revenue: 700_000n }, // 70 % → A (0 % before)
      { id: "mid", revenue: 150_000n }, // 70 % before → A (crosses 80 %)
      { id: "small", revenue: 100_000n }, // 85 % before → B
      { id: "tiny", revenue: 30_000n }, // 95 % before → C
      { id: "dust", revenue: 20_000n }, // 98 % before → C
      { id: "none", revenue: 0n }, // no revenue, no class
    ];
    const classes = classifyAbc(items, cutoffs);
    expect(Object.fromEntries(classes)).toEqual({ big: "A", mid: "A", small: "B", tiny: "C", dust: "C" });
  });

  it("makes a single customer A and orders equal revenues by id", () => {
    expect(classifyAbc([{ id: "only", revenue: 1n }], cutoffs).get("only")).toBe("A");
    const tied = classifyAbc(
      [
        { id: "b", revenue: 100n },
        { id: "a", revenue: 100n },
      ],
      { a: 50, b: 60 },
    );
    expect(tied.get("a")).toBe("A");
    expect(tied.get("b")).toBe("B"); // 50 % before it: not under 50, under 60
  });

  it("compares in integers at the exact cut-off", () => {
    expect(abcClassOf(79n, 100n, cutoffs)).toBe("A");
    expect(abcClassOf(80n, 100n, cutoffs)).toBe("B");
    expect(abcClassOf(95n, 100n, cutoffs)).toBe("C");
  });
});

describe("segment settings validation", () => {
  it("accepts the defaults", () => {
    expect(ZCrmSegmentSettings.parse(DEFAULT_SEGMENT_SETTINGS)).toEqual(DEFAULT_SEGMENT_SETTINGS);
  });

  it("refuses A ≥ B, cut-offs outside (0, 100), reversed or out-of-scale ranges and duplicate names", () => {
    const issues = (value: unknown) => {
      const result = ZCrmSegmentSettings.safeParse(value);
      return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`);
    };
    expect(issues({ ...DEFAULT_SEGMENT_SETTINGS, abc: { a: 95, b: 80 } })).toEqual(["abc.b:crmSegments.errors.cutoffOrder"]);
    expect(issues({ ...DEFAULT_SEGMENT_SETTINGS, abc: { a: 0, b: 100 } })).toEqual(["abc.a:crmSegments.errors.cutoffInvalid", "abc.b:crmSegments.errors.cutoffInvalid"]);
    expect(issues({ ...DEFAULT_SEGMENT_SETTINGS, rfm: [{ name: "X", r: [4, 2], f: [1, 5], m: [1, 6] }] })).toEqual([
      "rfm.0.r:crmSegments.errors.rangeReversed",
      "rfm.0.m.1:crmSegments.errors.scoreInvalid",
    ]);
    expect(issues({ ...DEFAULT_SEGMENT_SETTINGS, rfm: [DEFAULT_RFM_MAP[0], { ...DEFAULT_RFM_MAP[1], name: " champions " }] })).toEqual(["rfm.1.name:crmSegments.errors.nameDuplicate"]);
    expect(issues({ ...DEFAULT_SEGMENT_SETTINGS, rfm: [] })).toEqual(["rfm:crmSegments.errors.noRules"]);
    expect(issues({ ...DEFAULT_SEGMENT_SETTINGS, rfm: [{ ...DEFAULT_RFM_MAP[0], name: "  " }] })).toEqual(["rfm.0.name:crmSegments.errors.nameRequired"]);
  });
});
