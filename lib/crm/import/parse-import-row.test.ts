import { describe, expect, it } from "vitest";
import { ZImportMapping, type ImportMapping } from "./import-fields";
import { parseImportRow } from "./parse-import-row";
import { planImportUpsert } from "./plan-import-upsert";
import type { ImportCard } from "./match-import-customers";

const mapping: ImportMapping = ["name", "phone", "email", "extraPhone", "country", "city", "tags", "type", "taxId"];

describe("parseImportRow", () => {
  it("normalises phones in the row's country (Russia by default), emails, tags and the address", () => {
    const parsed = parseImportRow(["  Анна Иванова ", "8 (916) 123-45-01", "Anna@Example.RU", "+375 29 123-45-67, 8 916 123 45 01", "", "Москва", "vip; опт, vip", "физ. лицо", ""], mapping);
    expect(parsed).toEqual({
      ok: true,
      customer: expect.objectContaining({
        name: "Анна Иванова",
        type: "PERSON",
        phones: [
          { phone: "+7 916 123 45 01", normalized: "+79161234501" },
          { phone: "+375 29 123 45 67", normalized: "+375291234567" },
        ],
        emails: [{ email: "Anna@Example.RU", normalized: "anna@example.ru" }],
        tags: ["vip", "опт"],
        address: { country: "RU", postcode: null, province: null, city: "Москва", street: null, house: null, flat: null },
      }),
    });
  });

  it("reads a local number in the row's country", () => {
    const parsed = parseImportRow(["Олжас", "8 701 123 4567", "", "", "Казахстан", "", "", "", ""], mapping);
    expect(parsed.ok && parsed.customer.phones[0]?.normalized).toBe("+77011234567");
    expect(parsed.ok && parsed.customer.country).toBe("KZ");
  });

  it.each([
    [["Анна", "", "", "", "", "", "", "", ""], "noContact"],
    [["Анна", "12345", "anna@example.ru", "", "", "", "", "", ""], "invalidPhone"],
    [["Анна", "+79161234501", "anna@", "", "", "", "", "", ""], "invalidEmail"],
    [["Анна", "+79161234501", "", "not a phone", "", "", "", "", ""], "invalidPhone"],
    [["Анна", "+79161234501", "", "", "Нарния", "", "", "", ""], "invalidCountry"],
    [["Анна", "+79161234501", "", "", "", "", "", "инопланетянин", ""], "invalidType"],
    [["А".repeat(301), "+79161234501", "", "", "", "", "", "", ""], "tooLong"],
  ] as const)("skips %j: %s", (row, reason) => {
    const parsed = parseImportRow(row, mapping);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toBe(reason);
  });

  it("makes a company of a row with a company type", () => {
    const parsed = parseImportRow(["ООО Ромашка", "+74951234567", "", "", "", "", "", "Юр. лицо", "7701234567"], mapping);
    expect(parsed.ok && parsed.customer).toMatchObject({ type: "COMPANY", taxId: "7701234567" });
  });
});

describe("ZImportMapping", () => {
  it("needs a phone or email column and each single field once", () => {
    expect(ZImportMapping.safeParse(["name", "city"]).success).toBe(false);
    expect(ZImportMapping.safeParse(["phone", "phone"]).success).toBe(false);
    expect(ZImportMapping.safeParse(["phone", "extraPhone", "extraPhone", "notes", "notes"]).success).toBe(true);
  });
});

describe("planImportUpsert", () => {
  const card: ImportCard = {
    id: "c1",
    type: "PERSON",
    name: "Анна",
    legalName: null,
    taxId: null,
    phone: "+7 916 123 45 01",
    phoneNormalized: "+79161234501",
    email: null,
    emailNormalized: null,
    country: "RU",
    source: null,
    notes: "old",
    tags: ["vip"],
    createdAt: new Date("2026-01-01"),
  };

  it("fills only empty fields, adds tags and contacts, keeps the card's primary phone", () => {
    const parsed = parseImportRow(["Анна Петрова", "+79161234502", "anna@example.ru", "", "BY", "", "vip, new", "", ""], mapping);
    if (!parsed.ok) throw new Error("row should parse");
    const plan = planImportUpsert(card, parsed.customer);
    expect(plan.fill).toEqual({ email: "anna@example.ru", emailNormalized: "anna@example.ru" });
    expect(plan.addTags).toEqual(["new"]);
    expect(plan.phones).toEqual([{ phone: "+7 916 123 45 02", normalized: "+79161234502", isPrimary: false }]);
    expect(plan.emails).toEqual([{ email: "anna@example.ru", normalized: "anna@example.ru", isPrimary: true }]);
  });

  it("makes a new card of everything the row has", () => {
    const parsed = parseImportRow(["ООО Ромашка", "+74951234567", "", "", "", "", "", "", "7701234567"], mapping);
    if (!parsed.ok) throw new Error("row should parse");
    expect(planImportUpsert(null, parsed.customer).fill).toEqual({ type: "COMPANY", name: "ООО Ромашка", taxId: "7701234567", phone: "+7 495 123 45 67", phoneNormalized: "+74951234567" });
  });
});
