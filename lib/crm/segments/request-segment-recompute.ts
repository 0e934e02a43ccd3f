// "Recompute now" on the segments page: enqueues one crm.recompute-segments run unless one is
// queued or running (checked under the run-state row's lock, so concurrent presses queue there),
// so a second press while one runs starts nothing. Audited.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { assertCrm } from "@/lib/crm/crm-access";
import { db } from "@/lib/db";
import { enqueue } from "@/lib/queue/enqueue";
import { getSegmentRun, IDLE_RUN, isRunActive, saveSegmentRun, SEGMENT_RUN_KEY } from "./segment-run";
import { recordAudit } from "@/lib/audit/record-audit";

/**
 * "Recompute now": enqueues one run unless one is queued or running. Returns whether this call
 * started it. Audited.
 */
export async function requestSegmentRecompute(actor: TSectionActor, context: { ip?: string; now?: Date } = {}): Promise<{ started: boolean }> {
  const staff = assertSectionActor(actor, "customers");
  assertCrm(staff, "configureCrm");
  const now = context.now ?? new Date();
  return db.$transaction(async (tx) => {
    // Make sure the row exists, then lock it: concurrent presses queue here, one by one.
    await tx.$executeRaw`INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES (${SEGMENT_RUN_KEY}, ${JSON.stringify(IDLE_RUN)}::jsonb, now()) ON CONFLICT ("key") DO NOTHING`;
    await tx.$queryRaw`SELECT "key" FROM "Setting" WHERE "key" = ${SEGMENT_RUN_KEY} FOR UPDATE`;
    if (isRunActive(await getSegmentRun({ tx }), now)) return { started: false };
    await saveSegmentRun({ status: "queued", requestedAt: now.toISOString() }, { tx });
    await enqueue("crm.recompute-segments", { trigger: "manual" }, { tx });
    await recordAudit(tx, { actor: { type: "USER", id: staff.id }, action: "crm.segments.recompute", entity: { type: "Setting", id: SEGMENT_RUN_KEY }, data: {}, ip: context.ip });
    return { started: true };
  });
}
