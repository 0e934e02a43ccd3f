// A model that gains a relation to Customer must be moved by the merge too: this reads
// schema.prisma and fails when a table referencing Customer is not in the merge's list.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MOVED_TABLES } from "./merge-customers";

describe("mergeCustomers' tables", () => {
  it("cover every model with a relation to Customer", () => {
    const schema = readFileSync(path.resolve(import.meta.dirname, "../../../prisma/schema.prisma"), "utf8");
    const referencing = new Set<string>();
    for (const [, model, body] of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
      if (model === "Customer") continue;
      if (/^\s+\w+\s+Customer\??\s+@relation\(/m.test(body!)) referencing.add(model!);
    }
    expect(referencing.size).toBeGreaterThan(10);
    expect([...referencing].sort()).toEqual([...MOVED_TABLES, "CustomerPhone", "CustomerEmail"].sort());
  });
});
