// The program settings form's Server Action against a real PostgreSQL, for the commission
// defaults per level: rates typed as people read them ("10 %", "150.00") are stored as basis
// points and minor units, with the other settings, in one transaction and one audit entry; a bad
// row (or a currency the shop does not use) is named by level and nothing at all is saved; only
// the partners section's roles may save. The settings are shared by the whole database (other test
// files run at the same time), so the tests leave levels, hold and the rest alone and put the
// defaults back after each test.
import { randomUUID } from "node:crypto";
import type * as NextAuthModule from "next-auth";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { updateProgramSettingsAction } from "@/app/admin/partners/actions";
import { listCommissionDefaults, type StoredCommissionDefault } from "@/lib/affiliates/commission-defaults";
import { getProgramSettings, updateProgramSettings, type TProgramSettings } from "@/lib/affiliates/program-settings";
import { ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import type { Role } from "@/lib/db/generated/enums";
import { initialActionState } from "@/lib/forms/action-state";
import { currencyMinorDigits, minorUnitsToDecimalString } from "@/lib/money/format";
import { unusedCode } from "@/tests/helpers/unused-code";

const session = vi.hoisted(() => ({ current: null as null | { actor: unknown } }));
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<typeof NextAuthModule>()), getServerSession: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
// Outside a request next-intl has no locale: the action translates with the real English catalogue.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("use-intl/core");
  const messages = (await import("@/messages/en.json")).default;
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages, namespace: namespace as never }) };
});

const run = randomUUID().slice(0, 8);
const userIds: string[] = [];
let settingsBefore: TProgramSettings;
let defaultsBefore: StoredCommissionDefault[];
let owner: { id: string } = { id: `owner-${run}` };

async function signInStaff(role: Role) {
  const user = await db.user.create({
    data: { email: `${role.toLowerCase()}-${randomUUID().slice(0, 6)}@${run}.program.test`, name: role, passwordHash: "x", role },
    select: { id: true, role: true, name: true, email: true, sessionVersion: true },
  });
  userIds.push(user.id);
  session.current = { actor: { kind: "staff", ...user } };
  return user;
}

/** The whole form as the page renders it, with the given default rows (index = level). */
function form(rows: { kind: string; value: string; currency?: string }[], overrides: Record<string, string> = {}) {
  const { amount, currency } = settingsBefore.minimumPayout;
  const data = new FormData();
  const fields: Record<string, string> = {
    levels: String(settingsBefore.levels),
    cookieLifetimeDays: String(settingsBefore.cookieLifetimeDays),
    holdDays: String(settingsBefore.holdDays),
    minimumPayoutAmount: minorUnitsToDecimalString(amount, currencyMinorDigits(currency)),
    minimumPayoutCurrency: currency,
    approvalMode: settingsBefore.approvalMode,
    ...overrides,
  };
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  for (let level = 0; level < 5; level++) {
    const row = rows[level] ?? { kind: "NONE", value: "" };
    data.set(`defaultKind.${level}`, row.kind);
    data.set(`defaultValue.${level}`, row.value);
    data.set(`defaultCurrency.${level}`, row.currency ?? "RUB");
  }
  return data;
}

beforeAll(async () => {
  await ensureCheckoutReferenceData();
  [settingsBefore, defaultsBefore] = await Promise.all([getProgramSettings(), listCommissionDefaults()]);
});

afterEach(async () => {
  session.current = null;
  await updateProgramSettings({ commissionDefaults: defaultsBefore }, { id: owner.id, role: "OWNER" });
});

afterAll(async () => {
  await db.auditLog.deleteMany({ where: { actorId: { in: userIds } } });
  await db.user.deleteMany({ where: { id: { in: userIds } } });
  await disconnectDb();
});

describe("program settings: commission defaults per level", () => {
  it("stores rates typed as people read them, in one audit entry", async () => {
    owner = await signInStaff("OWNER");
    const state = await updateProgramSettingsAction(
      initialActionState,
      form([
        { kind: "PERCENT", value: "10 %" },
        { kind: "FIXED", value: "150,50", currency: "RUB" },
        { kind: "NONE", value: "" },
        { kind: "PERCENT", value: "2.5" },
      ]),
    );
    expect(state.status).toBe("success");
    expect(await listCommissionDefaults()).toEqual([
      { level: 0, kind: "PERCENT", value: 1000, currency: null }, // 10 %
      { level: 1, kind: "FIXED", value: 15050, currency: "RUB" }, // 150.50 RUB
      { level: 3, kind: "PERCENT", value: 250, currency: null }, // 2.5 %
    ]);
    // Only the paid levels reach the commission rules; the rest stay stored for when levels grow.
    const program = await getProgramSettings();
    expect(program.commissionDefaults.map((rate) => rate.level)).toEqual([0, 1, 3].filter((level) => level < program.levels));

    const audit = await db.auditLog.findFirst({ where: { actorId: owner.id, action: "program.update" }, orderBy: { createdAt: "desc" }, select: { data: true } });
    expect(audit!.data).toEqual({ commissionDefaults: { from: defaultsBefore, to: await listCommissionDefaults() } });

    // Saving the same again changes nothing and logs nothing.
    const audits = await db.auditLog.count({ where: { actorId: owner.id, action: "program.update" } });
    await updateProgramSettingsAction(
      initialActionState,
      form([
        { kind: "PERCENT", value: "10" },
        { kind: "FIXED", value: "150.5", currency: "RUB" },
        { kind: "NONE", value: "7" },
        { kind: "PERCENT", value: "2,50 %" },
      ]),
    );
    expect(await db.auditLog.count({ where: { actorId: owner.id, action: "program.update" } })).toBe(audits);

    // Clearing a level removes its default; a FIXED rate without a currency is paid in each order's.
    expect((await updateProgramSettingsAction(initialActionState, form([{ kind: "FIXED", value: "99.90", currency: "" }]))).status).toBe("success");
    expect(await listCommissionDefaults()).toEqual([{ level: 0, kind: "FIXED", value: 9990, currency: null }]); // 99.90 of the order's currency
  });

  it("names every bad row by level with a translated message and saves nothing", async () => {
    await signInStaff("MANAGER");
    const [settings, defaults] = await Promise.all([getProgramSettings(), listCommissionDefaults()]);
    const state = await updateProgramSettingsAction(
      initialActionState,
      form(
        [
          { kind: "PERCENT", value: "120 %" },
          { kind: "FIXED", value: "abc", currency: "RUB" },
          { kind: "FIXED", value: "10", currency: "rubles" },
        ],
        { holdDays: String(settings.holdDays + 1) },
      ),
    );
    expect(state.status).toBe("error");
    expect(state.fieldErrors).toEqual({
      "defaultValue.0": "Enter a percentage from 0 to 100, like 10 or 12.5",
      "defaultValue.1": "Enter an amount like 150 or 150.50",
      "defaultValue.2": "Choose a currency the shop uses",
    });
    expect(state.values?.["defaultValue.1"]).toBe("abc");
    expect(await listCommissionDefaults()).toEqual(defaults);
    expect((await getProgramSettings()).holdDays).toBe(settings.holdDays);
  });

  it("refuses a FIXED default in a currency the shop does not use, by level", async () => {
    await signInStaff("OWNER");
    const defaults = await listCommissionDefaults();
    // A switched-off currency of its own (one found in the table could be switched on meanwhile by another file).
    const code = unusedCode(
      "QZ",
      (await db.currency.findMany({ select: { code: true } })).map((row) => row.code),
    );
    await db.currency.create({ data: { code, name: "Switched off", symbol: code, isEnabled: false } });
    try {
      const state = await updateProgramSettingsAction(
        initialActionState,
        form([
          { kind: "PERCENT", value: "5" },
          { kind: "FIXED", value: "10", currency: code },
        ]),
      );
      expect(state.status).toBe("error");
      expect(state.fieldErrors).toEqual({ "defaultValue.1": "Choose a currency the shop uses" });
      expect(await listCommissionDefaults()).toEqual(defaults);
    } finally {
      await db.currency.delete({ where: { code } });
    }
  });

  it.each<Role>(["OPERATOR", "LOGISTICS", "ACCOUNTANT"])("%s may not change the defaults", async (role) => {
    await signInStaff(role);
    const defaults = await listCommissionDefaults();
    const state = await updateProgramSettingsAction(initialActionState, form([{ kind: "PERCENT", value: "50" }]));
    expect(state.status).toBe("error");
    expect(await listCommissionDefaults()).toEqual(defaults);
  });
});
