import { describe, expect, it } from "vitest";
import type { OrderStatus } from "@/lib/db/generated/enums";
import { isDuplicateOf, pickDuplicateOf, type DuplicateCandidate } from "./duplicates";

const placedAt = new Date("2026-03-02T12:00:00.000Z");
const hoursAgo = (hours: number) => new Date(placedAt.getTime() - hours * 3_600_000);

const newOrder = { productId: "casio", phoneNormalized: "+79161234501", emailNormalized: "ivan@example.ru", placedAt };
const earlier = (overrides: Partial<DuplicateCandidate> = {}): DuplicateCandidate => ({
  id: "o1",
  productId: "casio",
  status: "UNCONFIRMED",
  phoneNormalized: "+79161234501",
  emailNormalized: "ivan@example.ru",
  createdAt: hoursAgo(1),
  ...overrides,
});

describe("isDuplicateOf", () => {
  it.each<[string, Partial<DuplicateCandidate>, boolean]>([
    ["same phone and email, an hour ago", {}, true],
    ["same phone only", { emailNormalized: "other@example.ru" }, true],
    ["same email only", { phoneNormalized: "+79160000000" }, true],
    ["same email, earlier order without a phone", { phoneNormalized: null }, true],
    ["neither matches", { phoneNormalized: "+79160000000", emailNormalized: "other@example.ru" }, false],
    ["another product", { productId: "rolex" }, false],
    ["at the edge of the window", { createdAt: hoursAgo(24) }, true],
    ["just outside the window", { createdAt: new Date(hoursAgo(24).getTime() - 1) }, false],
    ["placed at the same instant", { createdAt: placedAt }, true],
    ["in the future (clock skew): not an earlier order", { createdAt: new Date(placedAt.getTime() + 1000) }, false],
  ])("%s → %s", (_name, overrides, expected) => {
    expect(isDuplicateOf(newOrder, earlier(overrides), 24)).toBe(expected);
  });

  it.each<[OrderStatus, boolean]>([
    ["UNCONFIRMED", true],
    ["CONFIRMED", true],
    ["SHIPPED", true],
    ["DELIVERED", true],
    ["HANDED", true],
    ["PAID", false],
    ["CANCELLED", false],
    ["RETURNED", false],
    ["DUPLICATE", false],
    ["SPAM", false],
  ])("an earlier %s order counts: %s", (status, expected) => {
    expect(isDuplicateOf(newOrder, earlier({ status }), 24)).toBe(expected);
  });

  it("never matches on missing contacts", () => {
    const anonymous = { ...newOrder, phoneNormalized: null, emailNormalized: null };
    expect(isDuplicateOf(anonymous, earlier({ phoneNormalized: null, emailNormalized: null }), 24)).toBe(false);
  });

  it("is off with a zero window, and follows a custom window", () => {
    expect(isDuplicateOf(newOrder, earlier({ createdAt: placedAt }), 0)).toBe(false);
    expect(isDuplicateOf(newOrder, earlier({ createdAt: hoursAgo(47) }), 48)).toBe(true);
    expect(isDuplicateOf(newOrder, earlier({ createdAt: hoursAgo(3) }), 2)).toBe(false);
  });
});

describe("pickDuplicateOf", () => {
  it("links the most recent open order", () => {
    const candidates = [
      earlier({ id: "old", createdAt: hoursAgo(20) }),
      earlier({ id: "recent", createdAt: hoursAgo(2) }),
      earlier({ id: "cancelled", status: "CANCELLED", createdAt: hoursAgo(1) }),
    ];
    expect(pickDuplicateOf(newOrder, candidates, 24)?.id).toBe("recent");
  });

  it("finds nothing among closed or foreign orders", () => {
    expect(pickDuplicateOf(newOrder, [earlier({ status: "SPAM" }), earlier({ productId: "rolex" })], 24)).toBeUndefined();
    expect(pickDuplicateOf(newOrder, [], 24)).toBeUndefined();
  });
});
