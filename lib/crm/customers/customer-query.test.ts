import { describe, expect, it } from "vitest";
import {
  canonicalCustomerQuery,
  classifySearch,
  customerQueryFromSearchParams,
  decodeCustomerCursor,
  encodeCustomerCursor,
  escapeLike,
  parseTags,
  ZCustomerListQuery,
  ZListCustomersInput,
} from "./customer-query";

const e164 = (raw: string) => (raw.replace(/\D/g, "").length === 11 ? `+7${raw.replace(/\D/g, "").slice(1)}` : null);

describe("ZCustomerListQuery", () => {
  it("reads blanks as no filter and money bounds typed in rubles as RUB minor units", () => {
    const parsed = ZCustomerListQuery.parse({ q: " ", type: "", revenueMin: "1 500,50", revenueMax: "20000" });
    expect(parsed.q).toBeUndefined();
    expect(parsed.type).toBeUndefined();
    expect(parsed.revenueMin).toBe(150050n); // 1,500.50 RUB
    expect(parsed.revenueMax).toBe(2000000n); // 20,000.00 RUB
  });

  it("refuses amounts that are not money, reversed ranges, unknown enums", () => {
    expect(ZCustomerListQuery.safeParse({ revenueMin: "12.345" }).success).toBe(false);
    expect(ZCustomerListQuery.safeParse({ revenueMin: "-5" }).success).toBe(false);
    expect(ZCustomerListQuery.safeParse({ revenueMin: "500", revenueMax: "100" }).error?.issues[0]?.path).toEqual(["revenueMax"]);
    expect(ZCustomerListQuery.safeParse({ lastOrderFrom: "2026-05-02", lastOrderTo: "2026-05-01" }).error?.issues[0]?.path).toEqual(["lastOrderTo"]);
    expect(ZCustomerListQuery.safeParse({ abcClass: "D" }).success).toBe(false);
    expect(ZCustomerListQuery.safeParse({ sort: "phone" }).success).toBe(false);
    expect(ZCustomerListQuery.safeParse({ type: "COMPANY", abcClass: "A", openDeal: "yes", sort: "revenue", dir: "asc" }).success).toBe(true);
  });

  it("takes a page size and validates cursors", () => {
    expect(ZListCustomersInput.parse({}).limit).toBe(50);
    expect(ZListCustomersInput.safeParse({ after: "garbage" }).success).toBe(false);
    expect(ZListCustomersInput.safeParse({ after: encodeCustomerCursor({ sort: "name", value: "Анна", id: "c1" }) }).success).toBe(true);
    expect(ZListCustomersInput.safeParse({ limit: "500" }).success).toBe(false);
  });
});

describe("customer cursor", () => {
  it("round-trips every sort, a null value included", () => {
    for (const cursor of [
      { sort: "name", value: 'Иван, "Петров"|', id: "abc" },
      { sort: "lastOrder", value: null, id: "x-1" },
      { sort: "created", value: "2026-12-05T10:00:00.000Z", id: "y" },
      { sort: "revenue", value: "123456789012", id: "z" },
    ] as const) {
      expect(decodeCustomerCursor(encodeCustomerCursor(cursor))).toEqual(cursor);
    }
  });

  it("rejects a value that does not fit its sort, an odd id or another shape", () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    expect(decodeCustomerCursor(encode(["revenue", "12abc", "id"]))).toBeNull();
    expect(decodeCustomerCursor(encode(["created", "yesterday", "id"]))).toBeNull();
    expect(decodeCustomerCursor(encode(["name", "a", "id; DROP"]))).toBeNull();
    expect(decodeCustomerCursor(encode(["phone", "a", "id"]))).toBeNull();
    expect(decodeCustomerCursor(encode({ sort: "name" }))).toBeNull();
    expect(decodeCustomerCursor("%%%")).toBeNull();
  });
});

describe("customerQueryFromSearchParams / canonicalCustomerQuery", () => {
  it("keeps the first value of known keys only", () => {
    expect(customerQueryFromSearchParams(new URLSearchParams("q=a&q=b&tag=vip&evil=1&after=x"))).toEqual({ q: "a", tag: "vip", after: "x" });
    expect(customerQueryFromSearchParams({ sort: ["name", "created"], dir: undefined, x: "1" })).toEqual({ sort: "name" });
  });

  it("stores filters and sort only, trimmed, and refuses an invalid query", () => {
    expect(canonicalCustomerQuery({ q: " Иван ", type: "", after: "cursor", limit: "10", sort: "name" })).toEqual({ q: "Иван", sort: "name" });
    expect(() => canonicalCustomerQuery({ abcClass: "Z" })).toThrow();
  });
});

describe("parseTags", () => {
  it("trims, collapses spaces, drops blanks and duplicates case-insensitively (first spelling kept)", () => {
    expect(parseTags(" vip, опт ,VIP,, b2b  клиент ,Опт")).toEqual(["vip", "опт", "b2b клиент"]);
    expect(parseTags(["a,b", "B", " c "])).toEqual(["a", "b", "c"]);
    expect(parseTags("")).toEqual([]);
  });
});

describe("classifySearch", () => {
  it("tells emails, phones and names apart", () => {
    expect(classifySearch(" Ivan@Example.RU ", e164)).toEqual({ kind: "email", text: "ivan@example.ru" });
    expect(classifySearch("8 (916) 123-45-01", e164)).toEqual({ kind: "phone", digits: "89161234501", e164: "+79161234501", alternatives: ["79161234501"] });
    expect(classifySearch("1234", e164)).toEqual({ kind: "phone", digits: "1234", e164: null, alternatives: [] });
    expect(classifySearch("12", e164)).toEqual({ kind: "text", text: "12" });
    expect(classifySearch("ООО Ромашка", e164)).toEqual({ kind: "text", text: "ООО Ромашка" });
    expect(classifySearch("", e164)).toEqual({ kind: "none" });
  });

  it("escapes LIKE wildcards", () => {
    expect(escapeLike("50%_a\\b")).toBe("50\\%\\_a\\\\b");
  });
});
