import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertSectionActor } from "./section-actor";

describe("assertSectionActor", () => {
  it("returns the actor when its role may open the section", () => {
    expect(assertSectionActor({ id: "u1", role: "MANAGER" }, "partners")).toEqual({ id: "u1", role: "MANAGER" });
    expect(assertSectionActor({ id: "u1", role: "ACCOUNTANT" }, "payouts")).toEqual({ id: "u1", role: "ACCOUNTANT" });
    expect(assertSectionActor({ id: "u1", role: "OWNER" }, "settings")).toEqual({ id: "u1", role: "OWNER" });
  });

  it.each([
    [{ id: "u1", role: "OPERATOR" as const }, "partners" as const],
    [{ id: "u1", role: "MANAGER" as const }, "settings" as const],
    [{ id: "", role: "OWNER" as const }, "partners" as const],
    [{ id: "u1", role: "NOBODY" as never }, "partners" as const],
  ])("refuses %o in %s", (actor, section) => {
    expect(() => assertSectionActor(actor, section)).toThrow(AppError);
    try {
      assertSectionActor(actor, section);
    } catch (error) {
      expect((error as AppError).code).toBe("FORBIDDEN");
    }
  });
});
