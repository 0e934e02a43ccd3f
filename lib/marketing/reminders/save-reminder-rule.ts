// Creates or updates an order-reminder rule (/admin/advertising/reminders): kind, on/off, one
// product or every product, the delay and the repeats (whole hours in the form, minutes stored),
// and the merchant's subject and text in ru/en (shown above the built-in link; empty: the
// built-in text). Audited.
import { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { ReminderKind } from "@/lib/db/generated/enums";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";

const E = "adminReminders.errors";
const MAX_HOURS = 90 * 24;
const hours = (error: string, min: number) =>
  z.coerce
    .number({ error })
    .int({ error })
    .min(min, { error })
    .max(MAX_HOURS, { error })
    .transform((value) => value * 60);
const optionalText = (max: number, oneLine = false) =>
  z
    .string()
    .trim()
    .max(max, { error: `${E}.tooLong` })
    .refine((value) => !oneLine || !/[\r\n]/.test(value), { error: `${E}.oneLine` })
    .optional()
    .transform((value) => value || null);

export const ZSaveReminderRuleInput = z.object({
  id: z.string().trim().min(1).max(64).optional(),
  kind: z.enum(ReminderKind, { error: `${E}.kindInvalid` }),
  name: z
    .string({ error: `${E}.nameRequired` })
    .trim()
    .min(1, { error: `${E}.nameRequired` })
    .max(200, { error: `${E}.tooLong` }),
  productId: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((value) => value || null),
  delayMinutes: hours(`${E}.delayInvalid`, 1),
  repeatCount: z.coerce
    .number({ error: `${E}.repeatInvalid` })
    .int({ error: `${E}.repeatInvalid` })
    .min(0, { error: `${E}.repeatInvalid` })
    .max(10, { error: `${E}.repeatInvalid` }),
  repeatIntervalMinutes: hours(`${E}.intervalInvalid`, 1),
  subject: optionalText(200, true),
  body: optionalText(5000),
  subjectEn: optionalText(200, true),
  bodyEn: optionalText(5000),
  isActive: z.boolean(),
});
export type TSaveReminderRuleInput = z.input<typeof ZSaveReminderRuleInput>;

export async function saveReminderRule(input: TSaveReminderRuleInput, actor: TSectionActor): Promise<{ id: string }> {
  const staff = assertSectionActor(actor, "advertising");
  const parsed = ZSaveReminderRuleInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Some fields are invalid", { fieldErrors: zodFieldErrors(parsed.error) });
  const { id, ...values } = parsed.data;
  if (values.productId && !(await db.product.findUnique({ where: { id: values.productId }, select: { id: true } }))) {
    throw new AppError("VALIDATION", "Some fields are invalid", { fieldErrors: { productId: [`${E}.productInvalid`] } });
  }
  return db.$transaction(async (tx) => {
    let savedId: string;
    if (id) {
      const { count } = await tx.reminderRule.updateMany({ where: { id }, data: values });
      if (count === 0) throw new AppError("NOT_FOUND", `${E}.NOT_FOUND`);
      savedId = id;
    } else {
      savedId = (await tx.reminderRule.create({ data: values, select: { id: true } })).id;
    }
    await recordAudit(tx, {
      actor: { type: "USER", id: staff.id },
      action: id ? "reminder-rule.update" : "reminder-rule.create",
      entity: { type: "ReminderRule", id: savedId },
      data: values,
    });
    return { id: savedId };
  });
}
