import { describe, expect, it } from "vitest";
import { guessColumnMapping, guessField, normalizeHeader } from "./guess-column-mapping";

describe("guessField", () => {
  it.each([
    ["ФИО", "name"],
    ["Ф.И.О.", "name"],
    ["Имя клиента", "name"],
    ["Full name", "name"],
    ["Телефон", "phone"],
    ["Моб. телефон", "phone"],
    ["Phone number", "phone"],
    ["Доп. телефон", "extraPhone"],
    ["E-mail", "email"],
    ["Электронная почта", "email"],
    ["Email:", "email"],
    ["Компания", "legalName"],
    ["Наименование организации", "legalName"],
    ["ИНН", "taxId"],
    ["Страна", "country"],
    ["Индекс", "postcode"],
    ["Область", "province"],
    ["Город", "city"],
    ["Улица", "street"],
    ["Дом", "house"],
    ["Кв.", "flat"],
    ["Теги", "tags"],
    ["Откуда узнали", "source"],
    ["Комментарий", "notes"],
    ["Тип клиента", "type"],
  ] as const)("%s → %s", (header, field) => {
    expect(guessField(header)).toBe(field);
  });

  it("leaves unknown headers alone", () => {
    expect(guessField("Дата рождения")).toBeNull();
    expect(guessField("")).toBeNull();
  });

  it("normalises headers", () => {
    expect(normalizeHeader("  Ф.И.О.: ")).toBe("ф и о");
    expect(normalizeHeader("Всё_ещё  ТЕЛЕФОН")).toBe("все еще телефон");
  });
});

describe("guessColumnMapping", () => {
  it("turns a second phone or email into an extra one and skips a field's other columns", () => {
    expect(guessColumnMapping(["ФИО", "Телефон", "Телефон", "Email", "E-mail", "Имя", "Возраст"], 7)).toEqual(["name", "phone", "extraPhone", "email", "extraEmail", "skip", "skip"]);
  });

  it("skips every column of a file without a header", () => {
    expect(guessColumnMapping(null, 2)).toEqual(["skip", "skip"]);
  });
});
