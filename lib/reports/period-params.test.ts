import { describe, expect, it, vi } from "vitest";
import { periodInput, withPeriodFallback } from "./period-params";
import { resolvePeriod, type TPeriodInput } from "./resolve-period";

const now = new Date("2026-05-15T12:00:00Z");
const load = async (input: TPeriodInput) => resolvePeriod(input, now);

describe("periodInput", () => {
  it("reads the first value of each param, empty as absent", () => {
    expect(periodInput({ period: ["7d", "30d"], from: "", to: undefined })).toEqual({ period: "7d", from: undefined, to: undefined });
    expect(periodInput({ from: "2026-05-01", to: "2026-05-03" })).toEqual({ period: undefined, from: "2026-05-01", to: "2026-05-03" });
  });
});

describe("withPeriodFallback", () => {
  it("loads the URL's period", async () => {
    const { result, invalidFields } = await withPeriodFallback(load, { period: "7d" });
    expect([result.kind, result.fromDay, result.toDay, invalidFields]).toEqual(["7d", "2026-05-09", "2026-05-15", []]);
  });

  it("uses the page's default when the URL names no period", async () => {
    const { result } = await withPeriodFallback(load, {}, { period: "month" });
    expect([result.kind, result.fromDay]).toEqual(["month", "2026-05-01"]);
  });

  it("falls back to the default and names the refused fields", async () => {
    const { result, invalidFields } = await withPeriodFallback(load, { from: "2026-05-10", to: "2026-02-30" }, { period: "30d" });
    expect(result.kind).toBe("30d");
    expect(invalidFields).toEqual(["to"]);
  });

  it("throws other errors", async () => {
    await expect(withPeriodFallback(vi.fn().mockRejectedValue(new Error("db down")), {})).rejects.toThrow("db down");
  });
});
