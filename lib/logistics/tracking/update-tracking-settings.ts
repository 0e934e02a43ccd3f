// Saves the tracking settings (owner only: the credentials are the shop's account with the
// carrier). An empty password field keeps the stored one; `clearPassword` removes it. Audited
// without the secret.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { TRACKING_SETTING_PREFIX, ZTrackingSettings } from "./tracking-settings";
import { recordAudit } from "@/lib/audit/record-audit";

export const ZUpdateTrackingSettingsInput = ZTrackingSettings.extend({
  password: ZTrackingSettings.shape.password.optional(),
  clearPassword: z.boolean().default(false),
  actor: z.object({ id: z.string().min(1).max(64), role: z.literal("OWNER", { error: "Only the owner can change the tracking settings" }) }),
});

export async function updateTrackingSettings(input: z.input<typeof ZUpdateTrackingSettingsInput>): Promise<void> {
  if ((input as { actor?: { role?: string } }).actor?.role !== "OWNER") throw new AppError("FORBIDDEN", "Only the owner can change the tracking settings");
  const parsed = ZUpdateTrackingSettingsInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid tracking settings", { fieldErrors: zodFieldErrors(parsed.error) });
  const { actor, clearPassword, password, ...fields } = parsed.data;
  const values: Record<string, unknown> = { ...fields };
  if (password) values.password = password;
  await db.$transaction(async (tx) => {
    for (const [field, value] of Object.entries(values)) {
      const key = `${TRACKING_SETTING_PREFIX}${field}`;
      await tx.setting.upsert({ where: { key }, create: { key, value: value as never }, update: { value: value as never }, select: { key: true } });
    }
    if (clearPassword && !password) await tx.setting.deleteMany({ where: { key: `${TRACKING_SETTING_PREFIX}password` } });
    await recordAudit(tx, {
      actor: { type: "USER", id: actor.id },
      action: "logistics.tracking-settings",
      entity: { type: "Setting" },
      data: { ...fields, passwordChanged: Boolean(password) || clearPassword },
    });
  });
}
