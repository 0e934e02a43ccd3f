import { describe, expect, it } from "vitest";
import type { PayoutStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { assertPayoutTransition, canTransitionPayout } from "./payout-transitions";

const ALL: PayoutStatus[] = ["REQUESTED", "APPROVED", "PAID", "REJECTED"];
const ALLOWED = new Set(["REQUESTED>APPROVED", "REQUESTED>PAID", "REQUESTED>REJECTED", "APPROVED>PAID", "APPROVED>REJECTED"]);

describe("payout transitions", () => {
  for (const from of ALL) {
    for (const to of ALL) {
      const allowed = ALLOWED.has(`${from}>${to}`);
      it(`${from} → ${to}: ${allowed ? "allowed" : "refused"}`, () => {
        expect(canTransitionPayout(from, to)).toBe(allowed);
        if (allowed) expect(() => assertPayoutTransition(from, to)).not.toThrow();
        else expect(() => assertPayoutTransition(from, to)).toThrow(AppError);
      });
    }
  }
});
