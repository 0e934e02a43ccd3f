import { describe, expect, it } from "vitest";
import { mailFixtures } from "../test-fixtures";
import { sendMailJob, ZSendMailPayload } from "./send-mail";

const envelope = { idempotencyKey: "order:ord_1:confirm", to: "ivan@example.com", locale: "ru" } as const;

describe("mail.send payload", () => {
  it("is named mail.send and retries for a while", () => {
    expect(sendMailJob.name).toBe("mail.send");
    expect(sendMailJob.attempts).toBeGreaterThan(1);
  });

  it("accepts each template with its own props, as they arrive from JSON", () => {
    for (const [template, props] of Object.entries(mailFixtures)) {
      const payload = JSON.parse(JSON.stringify({ ...envelope, template, props }));
      expect(ZSendMailPayload.safeParse(payload).success, template).toBe(true);
    }
  });

  it("turns ISO strings back into dates and applies defaults", () => {
    const parsed = ZSendMailPayload.parse({ ...envelope, template: "order-confirm", props: mailFixtures["order-confirm"] });
    if (parsed.template !== "order-confirm") throw new Error("narrowing");
    expect(parsed.props.expiresAt).toEqual(new Date("2025-12-03T11:00:00.000Z"));
    expect(parsed.props.timeZone).toBe("Europe/Moscow");
  });

  it("checks props against the named template, not any template", () => {
    const result = ZSendMailPayload.safeParse({ ...envelope, template: "order-confirm", props: mailFixtures["password-reset"] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain("props.confirmUrl");
  });

  it.each([
    [{ template: "no-such-template" }, "template"],
    [{ to: "not an address" }, "to"],
    [{ locale: "de" }, "locale"],
    [{ idempotencyKey: "" }, "idempotencyKey"],
  ])("refuses %j", (override, field) => {
    const result = ZSendMailPayload.safeParse({ ...envelope, template: "password-reset", props: mailFixtures["password-reset"], ...override });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(field);
  });
});
