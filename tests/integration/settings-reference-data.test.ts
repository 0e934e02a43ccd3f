// The settings section's reference data against a real PostgreSQL: exchange rates (exact
// decimals, bad strings refused), shipping rules, countries, and the owner-only rule.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setCountryEnabled } from "@/lib/countries/set-country-enabled";
import { updateCountry } from "@/lib/countries/update-country";
import { listCurrencies } from "@/lib/currencies/list-currencies";
import { setCurrencyEnabled } from "@/lib/currencies/set-currency-enabled";
import { setExchangeRate } from "@/lib/currencies/set-exchange-rate";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getRatesMap } from "@/lib/pricing/get-rates-map";
import { createShippingRule } from "@/lib/shipping/create-shipping-rule";
import { deleteShippingRule } from "@/lib/shipping/delete-shipping-rule";
import { listShippingRules } from "@/lib/shipping/list-shipping-rules";
import { updateShippingRule } from "@/lib/shipping/update-shipping-rule";

// Codes of this file only, so concurrent test files never see them.
const suffix = randomUUID().replace(/-/g, "").toUpperCase();
const FROM = `X${suffix
  .replace(/[^A-Z]/g, "")
  .slice(0, 2)
  .padEnd(2, "Q")}`;
const TO = `Y${suffix
  .replace(/[^A-Z]/g, "")
  .slice(2, 4)
  .padEnd(2, "Q")}`;
const COUNTRY = "ZZ";
const owner = { id: `owner-${randomUUID()}`, role: "OWNER" as const };
const manager = { id: `manager-${randomUUID()}`, role: "MANAGER" as const };

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

const ratesOfPair = () => db.exchangeRate.count({ where: { fromCurrency: FROM, toCurrency: TO } });
const auditsOfOwner = () => db.auditLog.count({ where: { actorId: owner.id } });

beforeAll(async () => {
  // A real user: exchange rates name who entered them (foreign key).
  await db.user.create({ data: { id: owner.id, email: `${owner.id}@settings.test`, name: "Анна Тестовая", role: "OWNER", passwordHash: "x" }, select: { id: true } });
  await db.currency.createMany({
    data: [
      { code: FROM, name: "Test from", symbol: "F", minorUnitDigits: 2 },
      { code: TO, name: "Test to", symbol: "T", minorUnitDigits: 0 },
    ],
  });
  // Disabled throughout (but for a moment in the toggle test): checkout tests running alongside never offer it.
  await db.country.create({ data: { code: COUNTRY, isEnabled: false, region: "WORLD", phoneCode: "+99", phoneMask: "+99 999 999", postcodePattern: "^\\d{4}$", sortOrder: 900 } });
});

afterAll(async () => {
  await db.exchangeRate.deleteMany({ where: { OR: [{ fromCurrency: { in: [FROM, TO] } }, { toCurrency: { in: [FROM, TO] } }] } });
  await db.shippingRule.deleteMany({ where: { currency: { in: [FROM, TO] } } });
  await db.currency.deleteMany({ where: { code: { in: [FROM, TO] } } });
  await db.country.deleteMany({ where: { code: COUNTRY } });
  await db.auditLog.deleteMany({ where: { actorId: { in: [owner.id, manager.id] } } });
  await db.user.deleteMany({ where: { id: owner.id } });
  await disconnectDb();
});

describe("exchange rates", () => {
  it.each([["abc"], ["-1"], ["1e5"], ["0"], ["0.000"], [""], ["1,5"], ["12345678901"], ["1.12345678901"], [" "], ["+3"]])("refuses the rate %j and writes nothing", async (rate) => {
    const [rows, audits] = [await ratesOfPair(), await auditsOfOwner()];
    const error = await expectAppError(setExchangeRate({ fromCurrency: FROM, toCurrency: TO, rate }, owner), "VALIDATION");
    expect(error.fieldErrors?.rate?.[0]).toMatch(/^settings\.errors\./);
    expect(await ratesOfPair()).toBe(rows);
    expect(await auditsOfOwner()).toBe(audits);
  });

  it("refuses a pair of one currency, an unknown currency, and anyone but the owner", async () => {
    const same = await expectAppError(setExchangeRate({ fromCurrency: FROM, toCurrency: FROM, rate: "2" }, owner), "VALIDATION");
    expect(same.fieldErrors).toEqual({ toCurrency: ["settings.errors.samePair"] });
    const unknown = await expectAppError(setExchangeRate({ fromCurrency: FROM, toCurrency: "QQQ", rate: "2" }, owner), "VALIDATION");
    expect(unknown.fieldErrors).toEqual({ toCurrency: ["settings.errors.currencyUnknown"] });
    await expectAppError(setExchangeRate({ fromCurrency: FROM, toCurrency: TO, rate: "2" }, manager), "FORBIDDEN");
    expect(await ratesOfPair()).toBe(0);
  });

  it("stores a good rate exactly, as a new row, and checkout's rates map uses it at once", async () => {
    const first = await setExchangeRate({ fromCurrency: FROM, toCurrency: TO, rate: "32.5" }, owner);
    expect(first.rate).toBe("32.5000000000");
    expect((await getRatesMap()).convert(10000, FROM, TO)).toBe(3250); // 100.00 FROM → 3,250 TO (0 digits)

    // Rows are never edited: the second rate is a second row, newer, and the one in force.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await setExchangeRate({ fromCurrency: FROM, toCurrency: TO, rate: "0.1234567891" }, owner);
    expect(second.rate).toBe("0.1234567891");
    expect(await ratesOfPair()).toBe(2);
    expect((await getRatesMap()).convert(1000000, FROM, TO)).toBe(1235); // 10,000.00 FROM × 0.1234567891 = 1,234.57 → 1,235 TO

    const row = await db.exchangeRate.findUniqueOrThrow({ where: { id: second.id }, select: { createdById: true, source: true } });
    expect(row).toEqual({ createdById: owner.id, source: "manual" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { actorId: owner.id, entityId: second.id }, select: { action: true, data: true } });
    expect(audit).toEqual({ action: "settings.rate.set", data: { fromCurrency: FROM, toCurrency: TO, rate: "0.1234567891" } });

    const overview = await listCurrencies();
    const pair = overview.pairs.find((candidate) => candidate.fromCurrency === FROM && candidate.toCurrency === TO);
    expect(pair?.current?.rate).toBe("0.1234567891");
    expect(pair?.history.map((history) => history.rate)).toEqual(["0.1234567891", "32.5000000000"]);
    // 1,950 TO (0 digits) / 0.1234567891 = 15,795.00 FROM
    expect(pair?.example).toEqual({ amountMinor: 1950, currency: TO, convertedMinor: 1579500, convertedCurrency: FROM });
  });

  it("turns a currency off and on", async () => {
    await setCurrencyEnabled({ code: TO, isEnabled: false }, owner);
    expect((await db.currency.findUniqueOrThrow({ where: { code: TO }, select: { isEnabled: true } })).isEnabled).toBe(false);
    await setCurrencyEnabled({ code: TO, isEnabled: true }, owner);
    await expectAppError(setCurrencyEnabled({ code: "QQQ", isEnabled: true }, owner), "NOT_FOUND");
    await expectAppError(setCurrencyEnabled({ code: TO, isEnabled: false }, manager), "FORBIDDEN");
  });
});

describe("shipping rules", () => {
  const valid = { name: "Test courier", method: "COURIER", scope: "COUNTRY", country: COUNTRY, cost: "1 290,50", currency: FROM, freeFrom: "5000", priority: 5, isActive: true };

  it("creates a rule with exact minor units, updates and deletes it", async () => {
    const created = await createShippingRule(valid, owner);
    expect(created).toMatchObject({ method: "COURIER", country: COUNTRY, region: null, cost: 129050, freeFrom: 500000, priority: 5, isActive: true }); // 1,290.50 and 5,000.00 FROM
    expect((await listShippingRules()).some((rule) => rule.id === created.id)).toBe(true);

    const updated = await updateShippingRule(created.id, { ...valid, scope: "REGION", region: "CIS", cost: "0.1", freeFrom: "", isActive: false }, owner);
    // Switching scope drops the country: a rule has exactly one geography.
    expect(updated).toMatchObject({ country: null, region: "CIS", cost: 10, freeFrom: null, isActive: false }); // 0.10 FROM

    await deleteShippingRule(created.id, owner);
    expect(await db.shippingRule.count({ where: { id: created.id } })).toBe(0);
    const actions = await db.auditLog.findMany({ where: { actorId: owner.id, entityId: created.id }, select: { action: true }, orderBy: { id: "asc" } });
    expect(actions.map((audit) => audit.action)).toEqual(["settings.shipping.create", "settings.shipping.update", "settings.shipping.delete"]);
  });

  it("refuses bad rules with field errors and writes nothing", async () => {
    // Rules of this test's country only: other files write shipping rules at the same time.
    const rulesHere = () => db.shippingRule.count({ where: { OR: [{ country: { in: [COUNTRY, "QX"] } }, { name: { in: [valid.name, " ", ""] } }] } });
    const before = await rulesHere();
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [{ ...valid, cost: "abc" }, { cost: ["settings.errors.amountInvalid"] }],
      [{ ...valid, cost: "-5" }, { cost: ["settings.errors.amountInvalid"] }],
      [{ ...valid, cost: "1.234" }, { cost: ["settings.errors.amountInvalid"] }],
      [{ ...valid, currency: TO, cost: "10.5" }, { cost: ["settings.errors.amountInvalid"] }],
      [{ ...valid, name: " " }, { name: ["settings.errors.required"] }],
      [{ ...valid, method: "TELEPORT" }, { method: ["settings.errors.methodInvalid"] }],
      [{ ...valid, country: "" }, { country: ["settings.errors.countryRequired"] }],
      [{ ...valid, country: "QX" }, { country: ["settings.errors.countryUnknown"] }],
      [{ ...valid, scope: "REGION" }, { region: ["settings.errors.regionRequired"] }],
      [{ ...valid, currency: "QQQ" }, { currency: ["settings.errors.currencyUnknown"] }],
      [{ ...valid, productId: "no-such-product" }, { productId: ["settings.errors.productInvalid"] }],
      [{ ...valid, priority: 1.5 }, { priority: ["settings.errors.numberInvalid"] }],
      // Every problem at once, the amount's too, even when other fields fail the schema.
      [
        { ...valid, name: "", country: "", cost: "12,345" },
        { name: ["settings.errors.required"], country: ["settings.errors.countryRequired"], cost: ["settings.errors.amountInvalid"] },
      ],
      [{ ...valid, freeFrom: "free" }, { freeFrom: ["settings.errors.amountInvalid"] }],
    ];
    for (const [input, fieldErrors] of cases) {
      const error = await expectAppError(createShippingRule(input, owner), "VALIDATION");
      expect(error.fieldErrors, JSON.stringify(input)).toEqual(fieldErrors);
    }
    expect(await rulesHere()).toBe(before);
  });

  it("answers NOT_FOUND for an unknown rule and FORBIDDEN for a manager", async () => {
    await expectAppError(updateShippingRule("no-such-rule", valid, owner), "NOT_FOUND");
    await expectAppError(deleteShippingRule("no-such-rule", owner), "NOT_FOUND");
    await expectAppError(deleteShippingRule("bad id!", owner), "NOT_FOUND");
    await expectAppError(createShippingRule(valid, manager), "FORBIDDEN");
  });
});

describe("countries", () => {
  const valid = { code: COUNTRY, region: "CIS", phoneCode: "+98", phoneMask: "+98 (999) 999-99-99", postcodePattern: "^\\d{5}$", isEnabled: false, sortOrder: 901 };

  it("edits a country and audits the change", async () => {
    const updated = await updateCountry(valid, owner);
    expect(updated).toEqual({ ...valid, region: "CIS" });
    const cleared = await updateCountry({ ...valid, phoneMask: "", postcodePattern: " " }, owner);
    expect(cleared).toMatchObject({ phoneMask: null, postcodePattern: null });
    expect(await db.auditLog.count({ where: { actorId: owner.id, action: "settings.country.update", entityId: COUNTRY } })).toBe(2);
  });

  it("refuses bad masks, patterns and codes, and writes nothing", async () => {
    const before = await db.country.findUniqueOrThrow({ where: { code: COUNTRY } });
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [{ ...valid, phoneMask: "+7 (AAA) 999" }, { phoneMask: ["settings.errors.maskChars"] }],
      [{ ...valid, phoneMask: "+7 (000) 000" }, { phoneMask: ["settings.errors.maskNoDigits"] }],
      [{ ...valid, postcodePattern: "^(\\d{5}$" }, { postcodePattern: ["settings.errors.patternInvalid"] }],
      [{ ...valid, postcodePattern: "[" }, { postcodePattern: ["settings.errors.patternInvalid"] }],
      [{ ...valid, phoneCode: "7" }, { phoneCode: ["settings.errors.phoneCodeInvalid"] }],
      [{ ...valid, region: "MARS" }, { region: ["settings.errors.regionInvalid"] }],
      [{ ...valid, sortOrder: -1 }, { sortOrder: ["settings.errors.outOfRange"] }],
    ];
    for (const [input, fieldErrors] of cases) {
      const error = await expectAppError(updateCountry(input, owner), "VALIDATION");
      expect(error.fieldErrors, JSON.stringify(input)).toEqual(fieldErrors);
    }
    expect(await db.country.findUniqueOrThrow({ where: { code: COUNTRY } })).toEqual(before);
    await expectAppError(updateCountry({ ...valid, code: "QX" }, owner), "NOT_FOUND");
    await expectAppError(updateCountry(valid, manager), "FORBIDDEN");
  });

  it("turns a country on and off", async () => {
    await setCountryEnabled({ code: COUNTRY.toLowerCase(), isEnabled: true }, owner);
    expect((await db.country.findUniqueOrThrow({ where: { code: COUNTRY }, select: { isEnabled: true } })).isEnabled).toBe(true);
    await setCountryEnabled({ code: COUNTRY, isEnabled: false }, owner);
    await expectAppError(setCountryEnabled({ code: "QX", isEnabled: true }, owner), "NOT_FOUND");
    await expectAppError(setCountryEnabled({ code: COUNTRY, isEnabled: true }, manager), "FORBIDDEN");
  });
});
