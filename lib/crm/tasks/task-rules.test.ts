import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertTaskInScope, parseInput, parseInstant, taskScopeWhere, transitionTask, ZCreateTaskInput } from "./task-rules";

describe("parseInstant", () => {
  it("reads a datetime-local value on the Moscow wall clock", () => {
    expect(parseInstant("2026-12-05T14:30")?.toISOString()).toBe("2026-12-05T11:30:00.000Z");
    expect(parseInstant("2026-12-06T00:15:30")?.toISOString()).toBe("2026-12-05T21:15:30.000Z");
  });

  it("takes ISO strings with an offset and Dates as they are", () => {
    expect(parseInstant("2026-12-05T14:30:00+03:00")?.toISOString()).toBe("2026-12-05T11:30:00.000Z");
    const date = new Date("2026-01-01T00:00:00Z");
    expect(parseInstant(date)).toBe(date);
  });

  it("reads empty as absent and nonsense as invalid", () => {
    expect(parseInstant("")).toBeUndefined();
    expect(parseInstant("  ")).toBeUndefined();
    expect(parseInstant(undefined)).toBeUndefined();
    for (const bad of ["tomorrow", "2026-02-30T10:00", "2026-12-05T24:00", "2026-12-05 10:00", 42]) expect(parseInstant(bad), String(bad)).toBeNull();
  });
});

describe("the create-task input", () => {
  const valid = { kind: "CALL", title: "Перезвонить", dueAt: "2026-12-05T14:30" };

  it("requires a due time, with a clear error on that field", () => {
    for (const dueAt of [undefined, ""]) {
      const error = (() => {
        try {
          parseInput(ZCreateTaskInput, { ...valid, dueAt });
        } catch (caught) {
          return caught as AppError;
        }
      })();
      expect(error).toBeInstanceOf(AppError);
      expect(error?.code).toBe("VALIDATION");
      expect(error?.fieldErrors).toEqual({ dueAt: ["crmTasks.errors.dueRequired"] });
    }
  });

  it("refuses an impossible due time, an empty or too long title and an unknown kind", () => {
    expect(() => parseInput(ZCreateTaskInput, { ...valid, dueAt: "20266-01-01T10:00:00+03:00" })).toThrow(AppError);
    expect(() => parseInput(ZCreateTaskInput, { ...valid, dueAt: "1999-12-31T10:00" })).toThrow(AppError);
    expect(() => parseInput(ZCreateTaskInput, { ...valid, title: "  " })).toThrow(AppError);
    expect(() => parseInput(ZCreateTaskInput, { ...valid, title: "x".repeat(201) })).toThrow(AppError);
    expect(() => parseInput(ZCreateTaskInput, { ...valid, kind: "EMAIL" })).toThrow(AppError);
  });

  it("reads empty links as absent and defaults the kind", () => {
    const parsed = parseInput(ZCreateTaskInput, { title: "Встреча", dueAt: "2026-12-05T14:30", customerId: "", orderId: "", assigneeId: "" });
    expect(parsed).toMatchObject({ kind: "OTHER", customerId: undefined, orderId: undefined, assigneeId: undefined });
    expect(parsed.dueAt.toISOString()).toBe("2026-12-05T11:30:00.000Z");
  });
});

describe("task statuses", () => {
  it("completes and cancels only open tasks, reopens only closed ones", () => {
    expect(transitionTask("OPEN", "complete")).toBe("DONE");
    expect(transitionTask("OPEN", "cancel")).toBe("CANCELLED");
    expect(transitionTask("DONE", "reopen")).toBe("OPEN");
    expect(transitionTask("CANCELLED", "reopen")).toBe("OPEN");
    expect(transitionTask("OPEN", "reschedule")).toBe("OPEN");
    for (const [status, action] of [
      ["DONE", "complete"],
      ["CANCELLED", "complete"],
      ["DONE", "cancel"],
      ["OPEN", "reopen"],
      ["DONE", "reassign"],
      ["CANCELLED", "reschedule"],
    ] as const) {
      expect(() => transitionTask(status, action), `${status} ${action}`).toThrow(expect.objectContaining({ code: "CONFLICT" }));
    }
  });
});

describe("task scope", () => {
  const operator = { id: "op", role: "OPERATOR" as const };
  it("lets an operator touch the tasks of orders and their own only", () => {
    expect(() => assertTaskInScope(operator, { orderId: "o1", assigneeId: "someone" })).not.toThrow();
    expect(() => assertTaskInScope(operator, { orderId: null, assigneeId: "op" })).not.toThrow();
    expect(() => assertTaskInScope(operator, { orderId: null, assigneeId: "someone" })).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(taskScopeWhere(operator)).toEqual({ OR: [{ orderId: { not: null } }, { assigneeId: "op" }] });
  });

  it("lets managers and the owner touch every task, and refuses logistics and accounting", () => {
    for (const role of ["MANAGER", "OWNER"] as const) expect(() => assertTaskInScope({ id: "m", role }, { orderId: null, assigneeId: "x" })).not.toThrow();
    for (const role of ["LOGISTICS", "ACCOUNTANT"] as const) {
      expect(() => assertTaskInScope({ id: "l", role }, { orderId: "o", assigneeId: "l" })).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    }
    expect(taskScopeWhere({ id: "m", role: "MANAGER" })).toEqual({});
  });
});

describe("localInputValue", () => {
  it("writes an instant on the Moscow clock, and parseInstant reads it back", async () => {
    const { localInputValue, suggestedDueAt } = await import("./local-input-value");
    const instant = new Date("2026-12-05T21:30:00Z");
    expect(localInputValue(instant)).toBe("2026-12-06T00:30");
    expect(parseInstant(localInputValue(instant))?.toISOString()).toBe(instant.toISOString());
    expect(suggestedDueAt(new Date("2026-12-05T21:30:00Z"))).toBe("2026-12-07T10:00");
  });
});
