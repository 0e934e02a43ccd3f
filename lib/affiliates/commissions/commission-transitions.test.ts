import { describe, expect, it } from "vitest";
import type { CommissionStatus, OrderStatus, RewardTrigger } from "@/lib/db/generated/enums";
import { ORDER_STATUSES, ORDER_TRANSITIONS } from "@/lib/orders/transitions";
import { type CommissionEffect, transitionCommission } from "./commission-transitions";

type Row = [CommissionStatus, RewardTrigger, OrderStatus, CommissionStatus, CommissionEffect];

// Every commission status × trigger × order status the order can move to.
const ORDER_STATUS_TABLE: Row[] = [
  // PENDING waits for the trigger; cancelling statuses cancel it.
  ["PENDING", "APPROVAL", "UNCONFIRMED", "PENDING", "NONE"],
  ["PENDING", "APPROVAL", "CONFIRMED", "APPROVED", "APPROVE"],
  ["PENDING", "APPROVAL", "SHIPPED", "APPROVED", "APPROVE"],
  ["PENDING", "APPROVAL", "DELIVERED", "APPROVED", "APPROVE"],
  ["PENDING", "APPROVAL", "HANDED", "APPROVED", "APPROVE"],
  ["PENDING", "APPROVAL", "PAID", "APPROVED", "APPROVE"],
  ["PENDING", "APPROVAL", "CANCELLED", "CANCELLED", "CANCEL"],
  ["PENDING", "APPROVAL", "RETURNED", "CANCELLED", "CANCEL"],
  ["PENDING", "APPROVAL", "DUPLICATE", "CANCELLED", "CANCEL"],
  ["PENDING", "APPROVAL", "SPAM", "CANCELLED", "CANCEL"],
  ["PENDING", "BUYOUT", "UNCONFIRMED", "PENDING", "NONE"],
  ["PENDING", "BUYOUT", "CONFIRMED", "PENDING", "NONE"],
  ["PENDING", "BUYOUT", "SHIPPED", "PENDING", "NONE"],
  ["PENDING", "BUYOUT", "DELIVERED", "PENDING", "NONE"],
  ["PENDING", "BUYOUT", "HANDED", "PENDING", "NONE"],
  ["PENDING", "BUYOUT", "PAID", "APPROVED", "APPROVE"],
  ["PENDING", "BUYOUT", "CANCELLED", "CANCELLED", "CANCEL"],
  ["PENDING", "BUYOUT", "RETURNED", "CANCELLED", "CANCEL"],
  ["PENDING", "BUYOUT", "DUPLICATE", "CANCELLED", "CANCEL"],
  ["PENDING", "BUYOUT", "SPAM", "CANCELLED", "CANCEL"],
  // APPROVED (in hold) only moves on cancellation: further progress changes nothing.
  ["APPROVED", "APPROVAL", "SHIPPED", "APPROVED", "NONE"],
  ["APPROVED", "APPROVAL", "PAID", "APPROVED", "NONE"],
  ["APPROVED", "APPROVAL", "CANCELLED", "CANCELLED", "CANCEL"],
  ["APPROVED", "APPROVAL", "RETURNED", "CANCELLED", "CANCEL"],
  ["APPROVED", "BUYOUT", "RETURNED", "CANCELLED", "CANCEL"],
  // Money in the ledger is reversed with a negative entry.
  ["AVAILABLE", "APPROVAL", "SHIPPED", "AVAILABLE", "NONE"],
  ["AVAILABLE", "APPROVAL", "CANCELLED", "CANCELLED", "REVERSE"],
  ["AVAILABLE", "APPROVAL", "RETURNED", "CANCELLED", "REVERSE"],
  ["AVAILABLE", "APPROVAL", "SPAM", "CANCELLED", "REVERSE"],
  ["PAID", "APPROVAL", "DELIVERED", "PAID", "NONE"],
  ["PAID", "APPROVAL", "RETURNED", "CANCELLED", "REVERSE"],
  ["PAID", "BUYOUT", "CANCELLED", "CANCELLED", "REVERSE"],
  // Cancelled stays cancelled, except that an order restored to UNCONFIRMED starts over.
  ["CANCELLED", "APPROVAL", "UNCONFIRMED", "PENDING", "REVIVE"],
  ["CANCELLED", "APPROVAL", "CONFIRMED", "CANCELLED", "NONE"],
  ["CANCELLED", "BUYOUT", "PAID", "CANCELLED", "NONE"],
  ["CANCELLED", "APPROVAL", "RETURNED", "CANCELLED", "NONE"],
];

describe("transitionCommission on order status changes", () => {
  it.each(ORDER_STATUS_TABLE)("%s (%s) when the order becomes %s → %s, %s", (status, trigger, orderStatus, expected, effect) => {
    expect(transitionCommission({ status, trigger, credited: status === "AVAILABLE" || status === "PAID" }, { type: "ORDER_STATUS", orderStatus })).toEqual({
      status: expected,
      effect,
    });
  });

  it("keeps a commission whose credit was reversed cancelled when the order is restored", () => {
    expect(transitionCommission({ status: "CANCELLED", trigger: "APPROVAL", credited: true }, { type: "ORDER_STATUS", orderStatus: "UNCONFIRMED" })).toEqual({
      status: "CANCELLED",
      effect: "NONE",
    });
  });

  // Walks every legal order move from every commission status: the result is always a status the
  // commission may hold, and money effects only happen to money that is in the ledger.
  it("is defined for every legal order move", () => {
    const statuses: CommissionStatus[] = ["PENDING", "APPROVED", "AVAILABLE", "PAID", "CANCELLED"];
    for (const status of statuses) {
      for (const trigger of ["APPROVAL", "BUYOUT"] as const) {
        for (const from of ORDER_STATUSES) {
          for (const to of ORDER_TRANSITIONS[from]) {
            const credited = status === "AVAILABLE" || status === "PAID";
            const result = transitionCommission({ status, trigger, credited }, { type: "ORDER_STATUS", orderStatus: to });
            expect(statuses).toContain(result.status);
            if (result.effect === "REVERSE") expect(credited).toBe(true);
            if (status === "PAID") expect(["PAID", "CANCELLED"]).toContain(result.status);
          }
        }
      }
    }
  });
});

describe("transitionCommission on hold and payout", () => {
  it.each([
    ["APPROVED", "HOLD_ENDED", "AVAILABLE", "CREDIT"],
    ["PENDING", "HOLD_ENDED", "PENDING", "NONE"],
    ["CANCELLED", "HOLD_ENDED", "CANCELLED", "NONE"],
    ["AVAILABLE", "HOLD_ENDED", "AVAILABLE", "NONE"],
    ["AVAILABLE", "PAID_OUT", "PAID", "PAY"],
    ["APPROVED", "PAID_OUT", "APPROVED", "NONE"],
    ["CANCELLED", "PAID_OUT", "CANCELLED", "NONE"],
    ["PAID", "PAID_OUT", "PAID", "NONE"],
  ] as const)("%s on %s → %s, %s", (status, type, expected, effect) => {
    expect(transitionCommission({ status, trigger: "APPROVAL", credited: status === "AVAILABLE" }, { type })).toEqual({ status: expected, effect });
  });
});
