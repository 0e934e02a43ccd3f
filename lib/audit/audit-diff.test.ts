import { describe, expect, it } from "vitest";
import { auditDiff, diffRows } from "./audit-diff";

describe("auditDiff", () => {
  it("keeps only the fields that changed, with their old and new values", () => {
    const diff = auditDiff({ status: "CONFIRMED", total: 129000, tags: ["a"], note: "x" }, { status: "SHIPPED", total: 129000, tags: ["a", "b"], note: "x" });
    expect(diff).toEqual({ before: { status: "CONFIRMED", tags: ["a"] }, after: { status: "SHIPPED", tags: ["a", "b"] } });
  });

  it("treats a missing side as null and serialises dates and bigints as stored", () => {
    const at = new Date("2026-12-06T01:00:00Z");
    expect(auditDiff(null, { createdAt: at, clickId: 12n })).toEqual({ before: { createdAt: null, clickId: null }, after: { createdAt: at.toISOString(), clickId: "12" } });
    expect(auditDiff({ a: 1 }, { a: 1 })).toEqual({ before: {}, after: {} });
  });
});

describe("diffRows", () => {
  it("reads before/after of any entry and ignores data without them", () => {
    expect(diffRows({ before: { role: "OPERATOR" }, after: { role: "MANAGER" } })).toEqual([{ field: "role", before: "OPERATOR", after: "MANAGER" }]);
    expect(diffRows({ from: "a", to: "b" })).toEqual([]);
    expect(diffRows(null)).toEqual([]);
  });
});
