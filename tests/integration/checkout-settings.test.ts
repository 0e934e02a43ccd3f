// Shop settings against a real PostgreSQL: defaults, validation, audit, and the role check.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { clearShopSettingsCache, getShopSettings } from "@/lib/settings/get-shop-settings";
import { updateShopSettings } from "@/lib/settings/update-shop-settings";
import { SETTING_TURN_TIMEOUT_MS, SETTING_TURNS, takeSettingTurn } from "@/tests/helpers/setting-turn";

const ownerId = `owner-${randomUUID()}`;
let endSettingTurn: (() => Promise<void>) | undefined;

// This file saves shop settings and counts the "shop." rows, which settings-shop and the
// logistics files check and save too.
beforeAll(async () => {
  endSettingTurn = await takeSettingTurn(SETTING_TURNS.shop);
}, SETTING_TURN_TIMEOUT_MS);

afterAll(async () => {
  try {
    await db.auditLog.deleteMany({ where: { actorId: ownerId } });
  } finally {
    await endSettingTurn?.();
  }
  await disconnectDb();
});

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe("shop settings", () => {
  it("has the documented defaults", async () => {
    clearShopSettingsCache();
    const settings = await getShopSettings({ fresh: true });
    // Other test files may have changed the shop's name; the rest are never changed in tests.
    expect(settings).toMatchObject({ confirmLinkTtlHours: 168, duplicateWindowHours: 24, defaultCountry: "RU", checkoutCurrenciesShown: ["USD", "EUR"], shopLocale: "ru" });
    expect(settings.shopEmail).toMatch(/@/);
  });

  it("changes a setting, audits who did it, and changes it back", async () => {
    const before = await getShopSettings({ fresh: true });
    const name = `Lavka test ${randomUUID().slice(0, 6)}`;
    const after = await updateShopSettings({ shopName: name }, { id: ownerId, role: "OWNER" });
    expect(after.shopName).toBe(name);
    expect((await getShopSettings()).shopName).toBe(name);
    const audit = await db.auditLog.findFirstOrThrow({ where: { actorId: ownerId, action: "settings.update" }, select: { actorType: true, data: true } });
    expect(audit).toEqual({ actorType: "USER", data: { shopName: { from: before.shopName, to: name } } });
    await updateShopSettings({ shopName: before.shopName }, { id: ownerId, role: "OWNER" });
    expect((await getShopSettings()).shopName).toBe(before.shopName);
  });

  it("refuses bad values with field errors and writes nothing", async () => {
    const rows = await db.setting.count({ where: { key: { startsWith: "shop." } } });
    const audits = await db.auditLog.count({ where: { actorId: ownerId } });
    const error = await expectAppError(
      updateShopSettings({ confirmLinkTtlHours: 0, shopEmail: "nope", defaultCountry: "russia", unknownKey: 1 }, { id: ownerId, role: "OWNER" }),
      "VALIDATION",
    );
    expect(error.fieldErrors).toMatchObject({
      confirmLinkTtlHours: ["checkoutErrors.outOfRange"],
      shopEmail: ["checkoutErrors.emailInvalid"],
      defaultCountry: ["checkoutErrors.countryInvalid"],
    });
    expect(await db.setting.count({ where: { key: { startsWith: "shop." } } })).toBe(rows);
    expect(await db.auditLog.count({ where: { actorId: ownerId } })).toBe(audits);
  });

  it("lets only the owner change settings", async () => {
    await expectAppError(updateShopSettings({ shopName: "Hacked" }, { id: ownerId, role: "MANAGER" }), "FORBIDDEN");
    await expectAppError(updateShopSettings({ shopName: "Hacked" }, { id: ownerId, role: "OPERATOR" }), "FORBIDDEN");
  });

  it("ignores an invalid stored value and uses the default", async () => {
    const key = "shop.duplicateWindowHours";
    const existing = await db.setting.findUnique({ where: { key } });
    if (existing) return; // someone configured it for real: leave it alone
    await db.setting.create({ data: { key, value: "twenty-four" } });
    try {
      expect((await getShopSettings({ fresh: true })).duplicateWindowHours).toBe(24);
    } finally {
      await db.setting.delete({ where: { key } });
      clearShopSettingsCache();
    }
  });
});
