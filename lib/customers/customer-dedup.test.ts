import { describe, expect, it } from "vitest";
import { contactLockKeys, followMerges, pickCustomerMatch, planCustomerUpdate, type FoundCustomer } from "./customer-dedup";

const customer = (id: string, fields: Partial<FoundCustomer> = {}): FoundCustomer => ({
  id,
  name: null,
  phone: null,
  phoneNormalized: null,
  email: null,
  emailNormalized: null,
  mergedIntoId: null,
  ...fields,
});

describe("pickCustomerMatch", () => {
  const byExtraPhone = customer("oldest");
  const byPrimaryEmail = customer("email", { emailNormalized: "a@b.ru" });
  const byPrimaryPhone = customer("phone", { phoneNormalized: "+79161234567" });
  it.each([
    ["a primary-phone match first", [byExtraPhone, byPrimaryEmail, byPrimaryPhone], "phone"],
    ["then a primary-email match", [byExtraPhone, byPrimaryEmail], "email"],
    ["then the oldest (first) one", [byExtraPhone, customer("newer")], "oldest"],
    ["none when nothing matched", [], null],
  ] as const)("%s", (_name, matches, expected) => {
    expect(pickCustomerMatch(matches, "+79161234567", "a@b.ru")?.id ?? null).toBe(expected);
  });
});

describe("planCustomerUpdate", () => {
  const order = { name: "Иван", phone: "+7 916 123-45-67", phoneNormalized: "+79161234567", email: "Ivan@B.ru", emailNormalized: "ivan@b.ru" };

  it("fills what the customer lacks and keeps the contacts as primary", () => {
    expect(planCustomerUpdate(customer("c"), order)).toEqual({
      fill: { name: "Иван", phone: "+7 916 123-45-67", phoneNormalized: "+79161234567", email: "Ivan@B.ru", emailNormalized: "ivan@b.ru" },
      addPhone: { phone: "+7 916 123-45-67", normalized: "+79161234567", isPrimary: true },
      addEmail: { email: "Ivan@B.ru", normalized: "ivan@b.ru", isPrimary: true },
    });
  });

  it("never overwrites: other contacts become extra ones, the same ones add nothing", () => {
    const known = customer("c", { name: "Пётр", phoneNormalized: "+79990000000", emailNormalized: "ivan@b.ru" });
    expect(planCustomerUpdate(known, order)).toEqual({
      fill: undefined,
      addPhone: { phone: "+7 916 123-45-67", normalized: "+79161234567", isPrimary: false },
      addEmail: undefined,
    });
  });
});

describe("contactLockKeys", () => {
  it("is sorted, so two transactions take the same locks in the same order", () => {
    expect(contactLockKeys({ phoneNormalized: "+79161234567", emailNormalized: "a@b.ru" })).toEqual(["contact:+79161234567", "contact:a@b.ru"]);
    expect(contactLockKeys({ emailNormalized: "z@b.ru", phoneNormalized: "+7" })).toEqual(["contact:+7", "contact:z@b.ru"]);
    expect(contactLockKeys({})).toEqual([]);
  });
});

describe("followMerges", () => {
  it("follows merges to the survivor, and stops on a cycle after a bounded number of hops", async () => {
    const rows = new Map([
      ["a", customer("a", { mergedIntoId: "b" })],
      ["b", customer("b", { mergedIntoId: "c" })],
      ["c", customer("c")],
      ["x", customer("x", { mergedIntoId: "y" })],
      ["y", customer("y", { mergedIntoId: "x" })],
    ]);
    const load = async (id: string) => rows.get(id) ?? null;
    expect((await followMerges(rows.get("a")!, load)).id).toBe("c");
    expect(["x", "y"]).toContain((await followMerges(rows.get("x")!, load)).id);
    expect((await followMerges(customer("gone", { mergedIntoId: "missing" }), load)).id).toBe("gone");
  });
});
