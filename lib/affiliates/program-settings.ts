// The affiliate program's settings: one Setting row per field (`program.<field>`), validated on
// the way in and on the way out like the shop settings (lib/settings), so a row edited by hand
// falls back to its default instead of breaking registration or attribution. The commission
// defaults per level live in their own table (CommissionDefault) and are read by the same loader,
// so callers get the whole program in one call; they are saved by the same update, in the same
// transaction, so one form's save is all or nothing.
import { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { createTtlCache } from "@/lib/cache/ttl-cache";
import { db, type Prisma } from "@/lib/db";
import type { AmountKind } from "@/lib/db/generated/enums";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { listCommissionDefaults, ZCommissionDefaults, type TCommissionDefault } from "./commission-defaults";
import { recordAudit } from "@/lib/audit/record-audit";

export const PROGRAM_SETTING_PREFIX = "program.";

// Messages are i18n keys, like the shop settings' (the settings page translates them).
const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: "checkoutErrors.numberInvalid" })
    .int({ error: "checkoutErrors.numberInvalid" })
    .min(min, { error: "checkoutErrors.outOfRange" })
    .max(max, { error: "checkoutErrors.outOfRange" });

export const ZMoney = z.object({
  /** Integer minor units (kopecks, cents). */
  amount: wholeNumber(0, 1_000_000_000),
  currency: z.string().regex(/^[A-Z]{3}$/, { error: "checkoutErrors.currencyInvalid" }),
});

export const ZProgramSettings = z.object({
  /** How many levels earn on an order: 1 = only the partner, 2 = the partner and their parent, … */
  levels: wholeNumber(1, 5),
  /** How long a click's cookie attributes orders. */
  cookieLifetimeDays: wholeNumber(1, 365),
  /** Days an approved commission waits before it can be paid out (returns come back meanwhile). */
  holdDays: wholeNumber(0, 365),
  /** The smallest payout a partner may request. */
  minimumPayout: ZMoney,
  /** AUTO: a confirmed email makes the partner ACTIVE; MANUAL: the owner approves. */
  approvalMode: z.enum(["AUTO", "MANUAL"], { error: "checkoutErrors.invalid" }),
});

export type TProgramSettingFields = z.output<typeof ZProgramSettings>;
export type TProgramSettingKey = keyof TProgramSettingFields;

export const PROGRAM_SETTING_DEFAULTS: TProgramSettingFields = {
  levels: 2,
  cookieLifetimeDays: 30,
  holdDays: 14,
  minimumPayout: { amount: 100000, currency: "RUB" }, // 1,000.00 RUB
  approvalMode: "MANUAL",
};

const PROGRAM_SETTING_KEYS = Object.keys(ZProgramSettings.shape) as TProgramSettingKey[];
const rowKey = (field: TProgramSettingKey) => `${PROGRAM_SETTING_PREFIX}${field}`;

export interface CommissionDefaultRate {
  /** 0 = the partner who brought the order, 1 = their parent, … */
  level: number;
  kind: AmountKind;
  /** FIXED: minor units of `currency`; PERCENT: basis points of the order's items total. */
  value: number;
  currency: string | null;
}

export interface TProgramSettings extends TProgramSettingFields {
  /** Only the levels the program pays (level < levels), by level. */
  commissionDefaults: CommissionDefaultRate[];
}

/** The program's settings with their defaults, and the commission defaults of its levels. */
export async function getProgramSettings(): Promise<TProgramSettings> {
  const [rows, rates] = await Promise.all([
    db.setting.findMany({ where: { key: { startsWith: PROGRAM_SETTING_PREFIX } }, select: { key: true, value: true } }),
    db.commissionDefault.findMany({ select: { level: true, kind: true, value: true, currency: true }, orderBy: { level: "asc" } }),
  ]);
  const stored = new Map(rows.map((row) => [row.key.slice(PROGRAM_SETTING_PREFIX.length), row.value]));
  const fields: Record<string, unknown> = { ...PROGRAM_SETTING_DEFAULTS };
  for (const field of PROGRAM_SETTING_KEYS) {
    if (!stored.has(field)) continue;
    const parsed = ZProgramSettings.shape[field].safeParse(stored.get(field));
    if (parsed.success) fields[field] = parsed.data;
    else logger.warn({ setting: field, issues: parsed.error.issues }, "ignoring an invalid stored program setting; using the default");
  }
  const settings = ZProgramSettings.parse(fields);
  return { ...settings, commissionDefaults: rates.filter((rate) => rate.level < settings.levels) };
}

export const ZProgramSettingsPatch = ZProgramSettings.partial()
  .extend({
    /** Replaces every default: a level missing from the list has no default afterwards. */
    commissionDefaults: ZCommissionDefaults.optional(),
  })
  .strict();

/** OWNER and MANAGER (the partners section) change the program; validated as a whole, audit-logged. */
export async function updateProgramSettings(patch: unknown, actor: TSectionActor, context: { ip?: string } = {}): Promise<TProgramSettings> {
  assertSectionActor(actor, "partners");
  const parsed = ZProgramSettingsPatch.safeParse(patch);
  if (!parsed.success) throw new AppError("VALIDATION", "Some settings are invalid", { fieldErrors: zodFieldErrors(parsed.error) });

  const { commissionDefaults, ...fields } = parsed.data;

  if (fields.minimumPayout) {
    const currency = await db.currency.findUnique({ where: { code: fields.minimumPayout.currency }, select: { isEnabled: true } });
    if (!currency?.isEnabled) throw new AppError("VALIDATION", "Unknown currency", { fieldErrors: { "minimumPayout.currency": ["checkoutErrors.currencyInvalid"] } });
  }
  if (commissionDefaults) await assertDefaultCurrenciesEnabled(commissionDefaults);

  const before = await getProgramSettings();
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, value] of Object.entries(fields) as [TProgramSettingKey, unknown][]) {
    if (value === undefined || JSON.stringify(before[field]) === JSON.stringify(value)) continue;
    changes[field] = { from: before[field], to: value };
  }
  let defaultsChange: { from: TCommissionDefault[]; to: TCommissionDefault[] } | null = null;
  if (commissionDefaults) {
    const stored = await listCommissionDefaults();
    const sorted = [...commissionDefaults].sort((a, b) => a.level - b.level);
    const comparable = (rates: TCommissionDefault[]) => JSON.stringify(rates.map(({ level, kind, value, currency }) => [level, kind, value, currency]));
    if (comparable(stored) !== comparable(sorted)) defaultsChange = { from: stored, to: sorted };
  }
  if (Object.keys(changes).length === 0 && !defaultsChange) return before;

  await db.$transaction(async (tx) => {
    for (const [field, change] of Object.entries(changes)) {
      const key = rowKey(field as TProgramSettingKey);
      const value = change.to as Prisma.InputJsonValue;
      await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value }, select: { key: true } });
    }
    if (defaultsChange) {
      const levels = defaultsChange.to.map((rate) => rate.level);
      await tx.commissionDefault.deleteMany({ where: { level: { notIn: levels } } });
      for (const { level, kind, value, currency } of defaultsChange.to) {
        await tx.commissionDefault.upsert({ where: { level }, create: { level, kind, value, currency }, update: { kind, value, currency }, select: { level: true } });
      }
      changes.commissionDefaults = defaultsChange;
    }
    await recordAudit(tx, { actor: { type: "USER", id: actor.id }, action: "program.update", entity: { type: "Setting", id: "program" }, data: changes, ip: context.ip });
  });
  resetCookieLifetimeCache();
  return getProgramSettings();
}

// The program's cookie lifetime (a program setting) is read at most once a minute per process:
// the click redirect has a 2,000/s budget and must not pay two settings queries per click.
// Saving the program settings clears it (so this process sees a change at once; others within
// the minute). Kept on globalThis: the production server's fast path and Next.js's bundle load
// this module separately and must share it.
const lifetimeCache = createTtlCache("cookie-lifetime", 60_000, () =>
  getProgramSettings()
    .then((settings) => settings.cookieLifetimeDays)
    .catch((error: unknown) => {
      logger.warn({ err: error }, "could not read the program settings; using the default cookie lifetime");
      return PROGRAM_SETTING_DEFAULTS.cookieLifetimeDays;
    }),
);

export function cookieLifetimeDays(): Promise<number> {
  return lifetimeCache.get();
}

/** Forget the cached lifetime (the program settings were saved). */
function resetCookieLifetimeCache() {
  lifetimeCache.clear();
}

/** A FIXED default is paid in its own currency (converted per order): it must be one the shop uses. */
async function assertDefaultCurrenciesEnabled(rates: TCommissionDefault[]) {
  const codes = [...new Set(rates.flatMap((rate) => (rate.currency ? [rate.currency] : [])))];
  if (codes.length === 0) return;
  const enabled = new Set((await db.currency.findMany({ where: { code: { in: codes }, isEnabled: true }, select: { code: true } })).map((row) => row.code));
  const fieldErrors: Record<string, string[]> = {};
  for (const rate of rates) {
    if (rate.currency && !enabled.has(rate.currency)) fieldErrors[`commissionDefaults.${rate.level}`] = ["adminPartners.program.defaults.errors.currency"];
  }
  if (Object.keys(fieldErrors).length) throw new AppError("VALIDATION", "Unknown currency", { fieldErrors });
}
