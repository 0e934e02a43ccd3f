// Saves the CRM segmentation settings (ABC cut-offs and the RFM map): validated as a whole, written
// with an audit row in one transaction; bad input changes nothing. The new map applies from the
// next recompute (nightly, or "recompute now").
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { assertCrm } from "@/lib/crm/crm-access";
import { db, type Prisma } from "@/lib/db";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { getSegmentSettings } from "./get-segment-settings";
import { SEGMENT_SETTINGS_KEY, ZCrmSegmentSettings, type TCrmSegmentSettings } from "./segment-settings";
import { recordAudit } from "@/lib/audit/record-audit";

export async function updateSegmentSettings(input: unknown, actor: TSectionActor, context: { ip?: string } = {}): Promise<TCrmSegmentSettings> {
  const staff = assertSectionActor(actor, "customers");
  assertCrm(staff, "configureCrm");
  const parsed = ZCrmSegmentSettings.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Some segment settings are invalid", { fieldErrors: zodFieldErrors(parsed.error) });
  const value = parsed.data as unknown as Prisma.InputJsonValue;

  await db.$transaction(async (tx) => {
    const { stored: _stored, ...before } = await getSegmentSettings({ tx });
    await tx.setting.upsert({ where: { key: SEGMENT_SETTINGS_KEY }, create: { key: SEGMENT_SETTINGS_KEY, value }, update: { value }, select: { key: true } });
    await recordAudit(tx, {
      actor: { type: "USER", id: staff.id },
      action: "crm.segments.settings.update",
      entity: { type: "Setting", id: SEGMENT_SETTINGS_KEY },
      before: { ...before },
      after: { ...parsed.data },
      ip: context.ip,
    });
  });
  return parsed.data;
}
