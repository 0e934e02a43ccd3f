// inlineSql writes a statement's parameters in as SQL literals (for the simple-query protocol);
// what it writes is checked by PostgreSQL's own reading in tests/integration/checkout-place-order.test.ts.
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db";
import { inlineSql } from "./sql-runner";

describe("inlineSql", () => {
  it.each([
    ["a text", Prisma.sql`SELECT ${"abc"}::text`, "SELECT 'abc'::text"],
    ["a quote doubled", Prisma.sql`SELECT ${"o'neil"}`, "SELECT 'o''neil'"],
    ["a backslash in an E'' literal", Prisma.sql`SELECT ${"a\\b"}`, "SELECT  E'a\\\\b'"],
    ["a number, a boolean and a null", Prisma.sql`SELECT ${42}, ${-1.5}, ${true}, ${false}, ${null}`, "SELECT 42, -1.5, TRUE, FALSE, NULL"],
    ["two parameters", new Prisma.Sql(["SELECT ", " = ", ""], ["x", "y"]), "SELECT 'x' = 'y'"],
    ["$10 as itself, not $1 then 0", Prisma.sql`SELECT ${1}, ${2}, ${3}, ${4}, ${5}, ${6}, ${7}, ${8}, ${9}, ${10}`, "SELECT 1, 2, 3, 4, 5, 6, 7, 8, 9, 10"],
  ])("%s", (_name, sql, expected) => {
    expect(inlineSql(sql)).toBe(expected);
  });

  it("keeps dollar-quoted bodies as written", () => {
    expect(inlineSql(Prisma.sql`DO $x$ BEGIN PERFORM ${"v"}; END $x$`)).toBe("DO $x$ BEGIN PERFORM 'v'; END $x$");
  });

  it.each([
    ["an array", Prisma.sql`SELECT ${["a"]}`],
    ["an object", Prisma.sql`SELECT ${{ a: 1 }}`],
    ["a date", Prisma.sql`SELECT ${new Date(0)}`],
    ["NaN", Prisma.sql`SELECT ${Number.NaN}`],
  ])("refuses %s", (_name, sql) => {
    expect(() => inlineSql(sql)).toThrow(TypeError);
  });
});
