// The shop settings as the settings page sends them: every bad value is refused with a field
// error (an i18n key the page translates) and nothing is written. Only validation here: other
// test files place orders concurrently and read the real duplicate window and link lifetime.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkShopReferences } from "@/lib/countries/check-shop-references";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { updateShopSettings } from "@/lib/settings/update-shop-settings";
import { unusedCode } from "@/tests/helpers/unused-code";
import { SETTING_TURN_TIMEOUT_MS, SETTING_TURNS, takeSettingTurn } from "@/tests/helpers/setting-turn";

const owner = { id: `owner-${randomUUID()}`, role: "OWNER" as const };
let endSettingTurn: (() => Promise<void>) | undefined;

// The snapshot below is of every "shop." row, which checkout-settings and the logistics files
// save while they run: they take turns.
beforeAll(async () => {
  endSettingTurn = await takeSettingTurn(SETTING_TURNS.shop);
}, SETTING_TURN_TIMEOUT_MS);

afterAll(async () => {
  try {
    await db.auditLog.deleteMany({ where: { actorId: owner.id } });
  } finally {
    await endSettingTurn?.();
  }
  await disconnectDb();
});

const snapshot = async () => ({
  settings: await db.setting.findMany({ where: { key: { startsWith: "shop." } }, select: { key: true, value: true }, orderBy: { key: "asc" } }),
  audits: await db.auditLog.count({ where: { actorId: owner.id } }),
});

describe("shop settings from the settings page", () => {
  it.each([
    [{ duplicateWindowHours: "abc" }, { duplicateWindowHours: ["checkoutErrors.numberInvalid"] }],
    [{ duplicateWindowHours: -1 }, { duplicateWindowHours: ["checkoutErrors.outOfRange"] }],
    [{ duplicateWindowHours: 721 }, { duplicateWindowHours: ["checkoutErrors.outOfRange"] }],
    [{ duplicateWindowHours: 1.5 }, { duplicateWindowHours: ["checkoutErrors.numberInvalid"] }],
    [{ confirmLinkTtlHours: 0 }, { confirmLinkTtlHours: ["checkoutErrors.outOfRange"] }],
    [{ confirmLinkTtlHours: 8761 }, { confirmLinkTtlHours: ["checkoutErrors.outOfRange"] }],
    [{ confirmLinkTtlHours: "" }, { confirmLinkTtlHours: ["checkoutErrors.numberInvalid"] }],
    [{ shopName: "  " }, { shopName: ["checkoutErrors.required"] }],
    [{ shopEmail: "not-an-email" }, { shopEmail: ["checkoutErrors.emailInvalid"] }],
    [{ shopLocale: "fr" }, { shopLocale: ["checkoutErrors.invalid"] }],
    [{ defaultCountry: "Russia" }, { defaultCountry: ["checkoutErrors.countryInvalid"] }],
    [{ checkoutCurrenciesShown: ["usd"] }, { "checkoutCurrenciesShown.0": ["checkoutErrors.currencyInvalid"] }],
    [{ paymentMethodsEnabled: ["CASH"] }, { "paymentMethodsEnabled.0": ["checkoutErrors.invalid"] }],
  ])("refuses %j and writes nothing", async (patch, fieldErrors) => {
    const before = await snapshot();
    const error = await updateShopSettings(patch, owner).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("VALIDATION");
    expect((error as AppError).fieldErrors).toEqual(fieldErrors);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a whole form when one field is bad, leaving the good ones unsaved too", async () => {
    const before = await snapshot();
    await expect(updateShopSettings({ shopName: `Renamed ${randomUUID()}`, duplicateWindowHours: -5 }, owner)).rejects.toBeInstanceOf(AppError);
    expect(await snapshot()).toEqual(before);
  });
});

describe("the shop's references to countries and currencies", () => {
  it("accepts the seeded defaults' shapes and refuses unknown or disabled ones", async () => {
    // QM–QW: codes ISO 3166 leaves to users, which no other file uses.
    const country = unusedCode(
      "Q",
      (await db.country.findMany({ select: { code: true } })).map((row) => row.code),
      "M",
      "W",
    );
    await db.country.create({ data: { code: country, region: "WORLD", phoneCode: "+99", isEnabled: false } });
    try {
      await expect(checkShopReferences({ defaultCountry: "XX" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { defaultCountry: ["settings.errors.countryNotEnabled"] } });
      await expect(checkShopReferences({ defaultCountry: country })).rejects.toMatchObject({ fieldErrors: { defaultCountry: ["settings.errors.countryNotEnabled"] } });
      await expect(checkShopReferences({ checkoutCurrenciesShown: ["QQQ"] })).rejects.toMatchObject({ fieldErrors: { checkoutCurrenciesShown: ["settings.errors.currencyNotEnabled"] } });
      // A wrong shape is left to lib/settings, which names it in its own words.
      await expect(checkShopReferences({ defaultCountry: "russia", checkoutCurrenciesShown: ["usd"] })).resolves.toBeUndefined();
    } finally {
      await db.country.delete({ where: { code: country } });
    }
  });
});
