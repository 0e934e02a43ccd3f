import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { actionError, actionErrorKeys } from "./action-error";
import { actionSuccess, formValues, tickedOr, typedOr } from "./action-state";

const logged = vi.hoisted(() => ({ errors: [] as unknown[] }));
vi.mock("@/lib/logger", () => ({ logger: { error: (...args: unknown[]) => logged.errors.push(args) } }));
// Outside a request next-intl has no locale: translate with the real English catalogue.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("use-intl/core");
  const messages = (await import("@/messages/en.json")).default;
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages, namespace: namespace as never }) };
});

const en = (await import("@/messages/en.json")).default;

describe("actionError", () => {
  it("explains a code the namespace has a message for, and translates field keys by top-level field", async () => {
    const error = new AppError("VALIDATION", "bad", { fieldErrors: { "minimumPayout.amount": ["checkoutErrors.numberInvalid"], name: ["not a key"] } });
    expect(await actionError(error, { namespace: "settings.errors" })).toEqual({
      status: "error",
      message: en.settings.errors.VALIDATION,
      fieldErrors: { minimumPayout: en.checkoutErrors.numberInvalid, name: en.settings.errors.invalid },
    });
  });

  it("reads a ZodError as VALIDATION, with fieldOf naming the form's fields and the typed values handed back", async () => {
    const zodError = z.object({ rate: z.string({ error: "settings.errors.rateInvalid" }) }).safeParse({}).error!;
    const formData = new FormData();
    formData.append("rate", "x");
    formData.append("shown", "RUB");
    formData.append("shown", "EUR");
    formData.append("$ACTION_ID_1", "");
    expect(await actionError(zodError, { namespace: "settings.errors", fieldOf: (path) => `f.${path}`, formData })).toEqual({
      status: "error",
      message: en.settings.errors.VALIDATION,
      fieldErrors: { "f.rate": en.settings.errors.rateInvalid },
      values: { rate: "x", shown: ["RUB", "EUR"] },
    });
  });

  it("logs an unknown error (or a code the namespace does not explain) and shows INTERNAL", async () => {
    logged.errors.length = 0;
    expect(await actionError(new Error("boom"), { namespace: "products.errors", log: "product save" })).toEqual({ status: "error", message: en.products.errors.INTERNAL });
    expect(await actionError(new AppError("CONFLICT", "taken"), { namespace: "products.errors" })).toEqual({ status: "error", message: en.products.errors.INTERNAL });
    expect(logged.errors).toHaveLength(2);
    expect((logged.errors[0] as unknown[])[1]).toBe("product save failed");
  });
});

describe("actionErrorKeys", () => {
  it("answers with i18n keys for the client to translate", () => {
    const error = new AppError("VALIDATION", "bad", { fieldErrors: { amount: ["affiliatePayouts.errors.aboveBalance"], currency: [""] } });
    expect(actionErrorKeys(error, { namespace: "cabinetPayouts.errors", values: { amount: "1" } })).toEqual({
      status: "error",
      message: "cabinetPayouts.errors.VALIDATION",
      fieldErrors: { amount: "affiliatePayouts.errors.aboveBalance" },
      values: { amount: "1" },
    });
    expect(actionErrorKeys(new AppError("RATE_LIMITED", "slow down"), { namespace: "postbacks.actionErrors" })).toEqual({ status: "error", message: "postbacks.actionErrors.INTERNAL" });
  });
});

describe("action state helpers", () => {
  it("success, typed values and ticked boxes", () => {
    expect(actionSuccess()).toEqual({ status: "success" });
    expect(actionSuccess("saved")).toEqual({ status: "success", message: "saved" });
    const formData = new FormData();
    formData.append("name", "x".repeat(600));
    expect(formValues(formData).name).toHaveLength(500);
    const refused = { status: "error" as const, values: { name: "typed", shown: ["RUB"], one: "EUR" } };
    expect(typedOr(refused, "name", "stored")).toBe("typed");
    expect(typedOr({ status: "idle" }, "name", "stored")).toBe("stored");
    expect(tickedOr(refused, "shown", "RUB", false)).toBe(true);
    expect(tickedOr(refused, "one", "EUR", false)).toBe(true);
    expect(tickedOr(refused, "missing", "EUR", true)).toBe(false);
    expect(tickedOr({ status: "idle" }, "missing", "EUR", true)).toBe(true);
  });
});
