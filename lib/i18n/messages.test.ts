import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe("message files", () => {
  it("ru and en define exactly the same keys", () => {
    expect(keys(ru).sort()).toEqual(keys(en).sort());
  });

  it("no message is empty", () => {
    for (const messages of [ru, en]) {
      for (const key of keys(messages)) {
        const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
        expect(String(value).trim(), key).not.toBe("");
      }
    }
  });
});
