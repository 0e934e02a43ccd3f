import { describe, expect, it } from "vitest";
import { interactionInputSchema } from "./interaction-rules";

const now = new Date("2026-12-05T09:00:00Z");
const schema = interactionInputSchema(now);
const messagesOf = (input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`);
};
const valid = { kind: "CALL", customerId: "c1", result: "Договорились о доставке" };

describe("the log-interaction input", () => {
  it("takes a call on a customer, an order or a deal", () => {
    expect(messagesOf(valid)).toEqual([]);
    expect(messagesOf({ kind: "NOTE", orderId: "o1", content: "Просил перезвонить" })).toEqual([]);
    expect(messagesOf({ kind: "MEETING", dealId: "d1", subject: "Презентация", contactPersonId: "p1" })).toEqual([]);
  });

  it("needs a target, a known kind and something written", () => {
    expect(messagesOf({ kind: "CALL", result: "x" })).toEqual(["customerId:crmInteractions.errors.targetRequired"]);
    expect(messagesOf({ ...valid, kind: "SMS" })).toEqual(["kind:crmInteractions.errors.kindInvalid"]);
    expect(messagesOf({ kind: "CALL", customerId: "c1", subject: " ", content: "", result: "" })).toEqual(["content:crmInteractions.errors.emptyInteraction"]);
  });

  it("takes a time up to a minute ahead (clock skew), not later", () => {
    expect(messagesOf({ ...valid, occurredAt: "2026-12-05T09:00:59Z" })).toEqual([]);
    expect(messagesOf({ ...valid, occurredAt: "2026-12-05T12:05" })).toEqual(["occurredAt:crmInteractions.errors.timeInFuture"]); // 09:05 UTC
    expect(messagesOf({ ...valid, occurredAt: "2026-12-05T12:00" })).toEqual([]); // now, on the Moscow clock
    expect(messagesOf({ ...valid, occurredAt: "yesterday" })).toEqual(["occurredAt:crmInteractions.errors.timeInvalid"]);
  });

  it("needs the next step's text when it has a due time", () => {
    expect(messagesOf({ ...valid, nextStepDueAt: "2026-12-06T10:00" })).toEqual(["nextStep:crmInteractions.errors.nextStepRequired"]);
    // The form always sends its "who does it" choice: without a due time there is no task, and no error.
    expect(messagesOf({ ...valid, nextStep: "Перезвонить", nextStepAssigneeId: "u2" })).toEqual([]);
    const parsed = schema.parse({ ...valid, nextStep: "Перезвонить", nextStepDueAt: "2026-12-06T10:00" });
    expect(parsed.nextStepDueAt?.toISOString()).toBe("2026-12-06T07:00:00.000Z");
  });
});
