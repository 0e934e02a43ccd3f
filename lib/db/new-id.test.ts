import { describe, expect, it } from "vitest";
import { newId } from "./new-id";

describe("newId", () => {
  it("is shaped like a Prisma cuid: 25 lower-case base-36 characters starting with c", () => {
    for (let i = 0; i < 1000; i++) expect(newId()).toMatch(/^c[0-9a-z]{24}$/);
  });

  it("never repeats within a burst", () => {
    const ids = new Set(Array.from({ length: 50_000 }, () => newId()));
    expect(ids.size).toBe(50_000);
  });

  it("sorts by creation time across milliseconds", async () => {
    const first = newId();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(newId().slice(0, 9) > first.slice(0, 9)).toBe(true);
  });
});
