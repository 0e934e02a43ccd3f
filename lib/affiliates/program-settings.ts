// The affiliate program's settings: one Setting row per field (`program.<field>`), validated on
// the way in and on the way out like the shop settings (lib/settings), so a row edited by hand
// falls back to its default instead of breaking registration or attribution. The commission
// defaults per level live in their own table (CommissionDefault) and are read by the same loader,
// so callers get the whole program in one call.
import { z } from "zod";
import { canOpenSection } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import type { AmountKind, Role } from "@/lib/db/generated/enums";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { logger } from "@/lib/logger";

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

export const ZProgramSettingsPatch = ZProgramSettings.partial().strict();

export interface ProgramSettingsActor {
  id: string;
  role: Role;
}

/** OWNER and MANAGER (the partners section) change the program; validated as a whole, audit-logged. */
export async function updateProgramSettings(patch: unknown, actor: ProgramSettingsActor, context: { ip?: string } = {}): Promise<TProgramSettings> {
  if (!canOpenSection(actor.role, "partners")) throw new AppError("FORBIDDEN", "You do not have access to this");
  const parsed = ZProgramSettingsPatch.safeParse(patch);
  if (!parsed.success) throw new AppError("VALIDATION", "Some settings are invalid", { fieldErrors: zodFieldErrors(parsed.error) });

  if (parsed.data.minimumPayout) {
    const currency = await db.currency.findUnique({ where: { code: parsed.data.minimumPayout.currency }, select: { isEnabled: true } });
    if (!currency?.isEnabled) throw new AppError("VALIDATION", "Unknown currency", { fieldErrors: { "minimumPayout.currency": ["checkoutErrors.currencyInvalid"] } });
  }

  const before = await getProgramSettings();
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, value] of Object.entries(parsed.data) as [TProgramSettingKey, unknown][]) {
    if (value === undefined || JSON.stringify(before[field]) === JSON.stringify(value)) continue;
    changes[field] = { from: before[field], to: value };
  }
  if (Object.keys(changes).length === 0) return before;

  await db.$transaction(async (tx) => {
    for (const [field, change] of Object.entries(changes)) {
      const key = rowKey(field as TProgramSettingKey);
      const value = change.to as Prisma.InputJsonValue;
      await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value }, select: { key: true } });
    }
    await tx.auditLog.create({
      data: { actorType: "USER", actorId: actor.id, action: "program.update", entityType: "Setting", entityId: "program", data: changes as Prisma.InputJsonValue, ip: context.ip },
      select: { id: true },
    });
  });
  return getProgramSettings();
}
