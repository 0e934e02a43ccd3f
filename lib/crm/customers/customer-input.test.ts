import { describe, expect, it } from "vitest";
import { customerInputFromForm, primaryContacts, withOnePrimary, ZCustomerInput } from "./customer-input";

describe("ZCustomerInput", () => {
  it("normalises phones and emails, merges duplicates and keeps one primary", () => {
    const input = ZCustomerInput.parse({
      name: "  Иван Петров ",
      tags: "vip, VIP, опт",
      phones: [{ phone: "8 916 123-45-01" }, { phone: "+7 (916) 1234501", isPrimary: true }, { phone: "+7 916 765 43 21", label: "work" }],
      emails: [{ email: " Ivan@Example.RU " }],
    });
    expect(input.name).toBe("Иван Петров");
    expect(input.tags).toEqual(["vip", "опт"]);
    expect(input.phones.map((phone) => [phone.normalized, phone.isPrimary])).toEqual([
      ["+79161234501", true],
      ["+79167654321", false],
    ]);
    expect(input.emails).toEqual([{ email: "Ivan@Example.RU", normalized: "ivan@example.ru", label: null, isPrimary: true }]);
    expect(primaryContacts(input)).toEqual({ phone: "+7 916 123 45 01", phoneNormalized: "+79161234501", email: "Ivan@Example.RU", emailNormalized: "ivan@example.ru" });
  });

  it("names each bad field and refuses more than 20 tags", () => {
    const result = ZCustomerInput.safeParse({
      name: "",
      phones: [{ phone: "12" }],
      emails: [{ email: "nope" }],
      contactPersons: [{ name: "Ольга", phone: "abc" }],
      tags: Array.from({ length: 21 }, (_, index) => `t${index}`).join(","),
      website: "javascript:alert(1)",
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["name", "tags", "website"]));
    const again = ZCustomerInput.safeParse({ name: "x", phones: [{ phone: "12" }], emails: [{ email: "nope" }], contactPersons: [{ name: "Ольга", phone: "abc" }] });
    expect(again.error!.issues.map((issue) => issue.path.join("."))).toEqual(["phones.0.phone", "emails.0.email", "contactPersons.0.phone"]);
  });

  it("reads a company with contact persons, addresses and the default address", () => {
    const input = ZCustomerInput.parse({
      type: "COMPANY",
      name: "ООО Ромашка",
      taxId: "7701234567",
      addresses: [
        { country: "ru", city: "Москва" },
        { country: "RU", city: "Тула", isDefault: true },
      ],
      contactPersons: [{ name: "Ольга", position: "Бухгалтер", role: "ЛПР", phone: "89161112233", email: "OLGA@romashka.ru" }],
    });
    expect(input.addresses.map((address) => [address.city, address.isDefault])).toEqual([
      ["Москва", false],
      ["Тула", true],
    ]);
    expect(input.contactPersons[0]).toMatchObject({ phoneNormalized: "+79161112233", emailNormalized: "olga@romashka.ru", role: "ЛПР" });
  });
});

describe("withOnePrimary", () => {
  it("marks the first marked row, or the first row", () => {
    expect(withOnePrimary([{ p: false }, { p: true }, { p: true }], "p").map((row) => row.p)).toEqual([false, true, false]);
    expect(withOnePrimary([{ p: false }, { p: false }], "p").map((row) => row.p)).toEqual([true, false]);
    expect(withOnePrimary([], "p")).toEqual([]);
  });
});

describe("customerInputFromForm", () => {
  it("reads numbered rows in order, skips blank rows and takes the primary from the radio group", () => {
    const form = new FormData();
    form.set("name", "Иван");
    form.set("tags", "a, b");
    form.set("phones.3.phone", "+79160000003");
    form.set("phones.0.phone", "+79160000000");
    form.set("phones.1.phone", " ");
    form.set("primaryPhone", "3");
    form.set("addresses.0.country", "RU");
    form.set("contactPersons.0.id", "cp1");
    form.set("contactPersons.0.name", "Ольга");
    const input = customerInputFromForm(form);
    expect(input.phones).toEqual([
      { phone: "+79160000000", label: "", isPrimary: false },
      { phone: "+79160000003", label: "", isPrimary: true },
    ]);
    expect(input.addresses).toEqual([]);
    expect(input.contactPersons).toEqual([{ id: "cp1", name: "Ольга", position: "", role: "", phone: "", email: "", notes: "" }]);
  });
});
