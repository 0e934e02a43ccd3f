import { describe, expect, it } from "vitest";
import { deriveIdempotencyKey, KEY_WINDOW_MS } from "./derive-idempotency-key";

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

const order: [string, string][] = [
  ["$ACTION_REF_1", ""],
  ["$ACTION_KEY", "k1"],
  ["product", "casio-g-shock"],
  ["quantity", "2"],
  ["country", "RU"],
  ["paymentMethod", "COD"],
  ["field.fullName", "Ivan Petrov"],
  ["field.phone", "+7 (916) 123-45-67"],
  ["bumpIds", "b2"],
  ["bumpIds", "b1"],
];
const now = 1_800_000_000_000;
const windowStart = Math.floor(now / KEY_WINDOW_MS) * KEY_WINDOW_MS;

describe("deriveIdempotencyKey", () => {
  it("gives a double submit of the same form the same key, in the shape placeOrder takes", () => {
    const key = deriveIdempotencyKey(form(order), "203.0.113.7", now);
    expect(key).toMatch(/^form-[\w-]{43}$/);
    expect(deriveIdempotencyKey(form(order), "203.0.113.7", now + 1_000)).toBe(key);
  });

  it("ignores the order of inputs, spacing, the framework's inputs and the tracking", () => {
    const key = deriveIdempotencyKey(form(order), "203.0.113.7", now);
    const reordered: [string, string][] = [...order.slice(2)].reverse().map(([name, value]) => [name, name === "field.fullName" ? "  Ivan   Petrov " : value]);
    reordered.push(["$ACTION_KEY", "k2"], ["tracking.utm_source", "vk"], ["idempotencyKey", ""]);
    expect(deriveIdempotencyKey(form(reordered), "203.0.113.7", now)).toBe(key);
  });

  it.each<[string, [string, string][], string, number]>([
    ["another value", order.map(([name, value]) => [name, name === "quantity" ? "3" : value]), "203.0.113.7", now],
    ["another product", order.map(([name, value]) => [name, name === "product" ? "diesel-predator-led" : value]), "203.0.113.7", now],
    ["another address", order, "198.51.100.1", now],
    ["the next time window", order, "203.0.113.7", windowStart + KEY_WINDOW_MS],
  ])("makes another key for %s", (_name, entries, ip, at) => {
    expect(deriveIdempotencyKey(form(entries), ip, at)).not.toBe(deriveIdempotencyKey(form(order), "203.0.113.7", now));
  });
});
