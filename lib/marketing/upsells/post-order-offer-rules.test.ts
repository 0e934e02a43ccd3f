import { describe, expect, it } from "vitest";
import { ORDER_STATUSES } from "@/lib/orders/transitions";
import { canTakePostOrderOffer } from "./post-order-offer-rules";

describe("canTakePostOrderOffer", () => {
  it.each(ORDER_STATUSES)("an order paid on delivery in %s", (status) => {
    const open = status === "UNCONFIRMED" || status === "CONFIRMED";
    expect(canTakePostOrderOffer({ status, paymentMethod: "COD" })).toBe(open);
    expect(canTakePostOrderOffer({ status, paymentMethod: "COURIER" })).toBe(open);
  });

  it("never for a prepaid order: its payment covers the amount it was placed with", () => {
    expect(canTakePostOrderOffer({ status: "UNCONFIRMED", paymentMethod: "PREPAID" })).toBe(false);
    expect(canTakePostOrderOffer({ status: "CONFIRMED", paymentMethod: "PREPAID" })).toBe(false);
  });
});
