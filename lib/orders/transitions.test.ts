import { describe, expect, it } from "vitest";
import type { OrderStatus, Role } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import {
  allowedTargets,
  assertTransition,
  canRoleChangeStatus,
  canRoleSetTrackingNumber,
  canTransition,
  isConfirmedStatus,
  isOpenStatus,
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  stockHolding,
} from "./transitions";

// Every legal move, written out by hand so the table cannot drift without this list noticing.
const LEGAL: [OrderStatus, OrderStatus][] = [
  ["UNCONFIRMED", "CONFIRMED"],
  ["UNCONFIRMED", "CANCELLED"],
  ["UNCONFIRMED", "DUPLICATE"],
  ["UNCONFIRMED", "SPAM"],
  ["CONFIRMED", "SHIPPED"],
  ["CONFIRMED", "CANCELLED"],
  ["CONFIRMED", "DUPLICATE"],
  ["CONFIRMED", "SPAM"],
  ["SHIPPED", "DELIVERED"],
  ["SHIPPED", "HANDED"],
  ["SHIPPED", "RETURNED"],
  ["DELIVERED", "HANDED"],
  ["DELIVERED", "RETURNED"],
  ["HANDED", "PAID"],
  ["HANDED", "RETURNED"],
  ["CANCELLED", "UNCONFIRMED"],
  ["DUPLICATE", "UNCONFIRMED"],
  ["SPAM", "UNCONFIRMED"],
];

const isLegal = (from: OrderStatus, to: OrderStatus) => LEGAL.some(([f, t]) => f === from && t === to);
const ALL_PAIRS = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as [OrderStatus, OrderStatus]));
const ILLEGAL = ALL_PAIRS.filter(([from, to]) => !isLegal(from, to));

describe("ORDER_TRANSITIONS", () => {
  it("covers every status", () => {
    expect(Object.keys(ORDER_TRANSITIONS).sort()).toEqual([...ORDER_STATUSES].sort());
  });

  it.each(LEGAL)("allows %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each(ILLEGAL)("refuses %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    let thrown: unknown;
    try {
      assertTransition(from, to);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe("CONFLICT");
    expect((thrown as AppError).message).toBe(`Cannot move an order from ${from} to ${to}`);
  });

  it("has exactly the listed legal moves (100 pairs in all)", () => {
    expect(LEGAL.length + ILLEGAL.length).toBe(100);
    expect(ALL_PAIRS.filter(([from, to]) => canTransition(from, to))).toEqual(expect.arrayContaining(LEGAL));
    expect(ALL_PAIRS.filter(([from, to]) => canTransition(from, to))).toHaveLength(LEGAL.length);
  });

  it("never leaves PAID or RETURNED, and never moves to the same status", () => {
    expect(ORDER_TRANSITIONS.PAID).toEqual([]);
    expect(ORDER_TRANSITIONS.RETURNED).toEqual([]);
    for (const status of ORDER_STATUSES) expect(canTransition(status, status)).toBe(false);
  });
});

describe("confirmed and open statuses", () => {
  it.each<[OrderStatus, boolean, boolean]>([
    // status, confirmed, open (counts for the duplicate rule)
    ["UNCONFIRMED", false, true],
    ["CONFIRMED", true, true],
    ["SHIPPED", true, true],
    ["DELIVERED", true, true],
    ["HANDED", true, true],
    ["PAID", true, false],
    ["CANCELLED", false, false],
    ["RETURNED", false, false],
    ["DUPLICATE", false, false],
    ["SPAM", false, false],
  ])("%s: confirmed %s, open %s", (status, confirmed, open) => {
    expect(isConfirmedStatus(status)).toBe(confirmed);
    expect(isOpenStatus(status)).toBe(open);
  });
});

// Which legal moves each role may make. OWNER and MANAGER: all of them.
const OPERATOR_MOVES: [OrderStatus, OrderStatus][] = [
  ["UNCONFIRMED", "CONFIRMED"],
  ["UNCONFIRMED", "CANCELLED"],
  ["UNCONFIRMED", "DUPLICATE"],
  ["UNCONFIRMED", "SPAM"],
  ["CONFIRMED", "CANCELLED"],
  ["CONFIRMED", "DUPLICATE"],
  ["CONFIRMED", "SPAM"],
  ["CANCELLED", "UNCONFIRMED"],
  ["DUPLICATE", "UNCONFIRMED"],
  ["SPAM", "UNCONFIRMED"],
];
const LOGISTICS_MOVES: [OrderStatus, OrderStatus][] = [
  ["CONFIRMED", "SHIPPED"],
  ["SHIPPED", "DELIVERED"],
  ["SHIPPED", "HANDED"],
  ["SHIPPED", "RETURNED"],
  ["DELIVERED", "HANDED"],
  ["DELIVERED", "RETURNED"],
  ["HANDED", "PAID"],
  ["HANDED", "RETURNED"],
];
const ROLE_MOVES: Record<Role, [OrderStatus, OrderStatus][]> = {
  OWNER: LEGAL,
  MANAGER: LEGAL,
  OPERATOR: OPERATOR_MOVES,
  LOGISTICS: LOGISTICS_MOVES,
  ACCOUNTANT: [],
};
const ROLES = Object.keys(ROLE_MOVES) as Role[];

describe("canRoleChangeStatus", () => {
  const cases = ROLES.flatMap((role) => ALL_PAIRS.map(([from, to]) => [role, from, to, ROLE_MOVES[role].some(([f, t]) => f === from && t === to)] as const));

  it.each(cases)("%s: %s → %s is %s", (role, from, to, allowed) => {
    expect(canRoleChangeStatus(role, from, to)).toBe(allowed);
  });

  it("splits the legal moves between operators and logistics with nothing left over", () => {
    expect([...OPERATOR_MOVES, ...LOGISTICS_MOVES]).toHaveLength(LEGAL.length);
  });

  it("lists the targets a role may choose", () => {
    expect(allowedTargets("CONFIRMED")).toEqual(["SHIPPED", "CANCELLED", "DUPLICATE", "SPAM"]);
    expect(allowedTargets("CONFIRMED", "OPERATOR")).toEqual(["CANCELLED", "DUPLICATE", "SPAM"]);
    expect(allowedTargets("CONFIRMED", "LOGISTICS")).toEqual(["SHIPPED"]);
    expect(allowedTargets("HANDED", "ACCOUNTANT")).toEqual([]);
  });

  it.each<[Role, boolean]>([
    ["OWNER", true],
    ["MANAGER", true],
    ["LOGISTICS", true],
    ["OPERATOR", false],
    ["ACCOUNTANT", false],
  ])("%s may set tracking numbers: %s", (role, allowed) => {
    expect(canRoleSetTrackingNumber(role)).toBe(allowed);
  });
});

describe("stockHolding", () => {
  it.each<[OrderStatus, number, number]>([
    ["UNCONFIRMED", 1, 0],
    ["CONFIRMED", 1, 0],
    ["SHIPPED", 0, 1],
    ["DELIVERED", 0, 1],
    ["HANDED", 0, 1],
    ["PAID", 0, 1],
    ["CANCELLED", 0, 0],
    ["RETURNED", 0, 0],
    ["DUPLICATE", 0, 0],
    ["SPAM", 0, 0],
  ])("%s reserves %i and takes %i per unit", (status, reserved, taken) => {
    expect(stockHolding(status)).toEqual({ reserved, taken });
  });
});
