import { describe, expect, it } from "vitest";
import { audienceSql, parseStoredAudience, ZMailingAudience } from "./mailing-audience";

const sqlOf = (input: unknown) => audienceSql(ZMailingAudience.parse(input));
const flat = (text: string) => text.replace(/\s+/g, " ");

describe("mailing audience", () => {
  it("selects every unmerged customer with an address, none suppressed, for an empty filter", () => {
    const sql = sqlOf({ kind: "customers" });
    const text = flat(sql.sql);
    expect(text).toContain('FROM "Customer" c');
    expect(text).toContain('c."mergedIntoId" IS NULL');
    expect(text).toContain('c."emailNormalized" IS NOT NULL');
    expect(text).toContain('NOT EXISTS (SELECT 1 FROM "Unsubscribe" u WHERE u.email = c."emailNormalized")');
    expect(text).not.toContain('"Order" o');
    expect(sql.values).toEqual([]);
  });

  it("combines every customer filter with AND, values as parameters", () => {
    const sql = sqlOf({ kind: "customers", rfmSegment: "Champions", abcClass: "A", tag: "vip", region: "CIS", productId: "prod_1", orderStatus: "PAID" });
    const text = flat(sql.sql);
    expect(text).toContain('c."rfmSegment" = ?');
    expect(text).toContain('c."abcClass" = ?');
    expect(text).toContain("c.tags @> ARRAY[?]::text[]");
    expect(text).toContain('c.region = ?::"Region"');
    // Product and status on the same order.
    expect(text).toContain(
      'EXISTS (SELECT 1 FROM "Order" o WHERE o."customerId" = c.id AND o.status = ?::"OrderStatus" AND EXISTS (SELECT 1 FROM "OrderItem" oi WHERE oi."orderId" = o.id AND oi."productId" = ?))',
    );
    expect(sql.values).toEqual(["Champions", "A", "vip", "CIS", "PAID", "prod_1"]);
  });

  it("filters by a product alone or a status alone", () => {
    expect(flat(sqlOf({ kind: "customers", productId: "prod_1" }).sql)).toContain('"OrderItem" oi');
    const byStatus = sqlOf({ kind: "customers", orderStatus: "DELIVERED" });
    expect(flat(byStatus.sql)).toContain('o.status = ?::"OrderStatus"');
    expect(flat(byStatus.sql)).not.toContain('"OrderItem"');
    expect(byStatus.values).toEqual(["DELIVERED"]);
  });

  it("treats blank form fields as no filter", () => {
    expect(ZMailingAudience.parse({ kind: "customers", rfmSegment: " ", abcClass: "", tag: "", region: "", productId: "", orderStatus: "" })).toEqual({ kind: "customers" });
  });

  it("selects active partners for the partner audience", () => {
    const text = flat(sqlOf({ kind: "partners" }).sql);
    expect(text).toContain('FROM "Partner" p');
    expect(text).toContain("p.status = 'ACTIVE'");
    expect(text).toContain("u.email = lower(p.email)");
  });

  it.each([
    [{ kind: "everyone" }],
    [{ kind: "customers", abcClass: "D" }],
    [{ kind: "customers", region: "MARS" }],
    [{ kind: "customers", orderStatus: "LOST" }],
    [{ kind: "customers", productId: "x'; DROP TABLE" }],
  ])("refuses %j", (input) => {
    expect(ZMailingAudience.safeParse(input).success).toBe(false);
  });

  it("reads a stored audience back, or null when it no longer parses", () => {
    expect(parseStoredAudience({ kind: "partners" })).toEqual({ kind: "partners" });
    expect(parseStoredAudience({ kind: "customers", abcClass: "Z" })).toBeNull();
    expect(parseStoredAudience(null)).toBeNull();
  });
});
