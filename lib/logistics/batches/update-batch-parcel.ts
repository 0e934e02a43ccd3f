// Corrects a parcel of an OPEN batch: its weight (grams) and declared value (minor units), or
// takes it out of the batch. A closed batch went to the post office as printed: frozen.
import { z } from "zod";
import { assertSectionActor, ZSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";

export const ZUpdateBatchParcelInput = z.object({
  entryId: z.string().trim().min(1).max(64),
  remove: z.boolean().default(false),
  /** Up to 50 kg, Russian Post's parcel limit. */
  weightGrams: z
    .number({ error: "logistics.batches.errors.weight" })
    .int({ error: "logistics.batches.errors.weight" })
    .min(1, { error: "logistics.batches.errors.weight" })
    .max(50_000, { error: "logistics.batches.errors.weight" })
    .optional(),
  declaredValue: z
    .number({ error: "logistics.batches.errors.declaredValue" })
    .int({ error: "logistics.batches.errors.declaredValue" })
    .min(0, { error: "logistics.batches.errors.declaredValue" })
    .max(100_000_000_00, { error: "logistics.batches.errors.declaredValue" })
    .optional(),
  actor: ZSectionActor,
});

export async function updateBatchParcel(input: z.input<typeof ZUpdateBatchParcelInput>): Promise<{ batchId: string }> {
  const parsed = ZUpdateBatchParcelInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid parcel", { fieldErrors: zodFieldErrors(parsed.error) });
  const { entryId, remove, weightGrams, declaredValue } = parsed.data;
  const actor = assertSectionActor(parsed.data.actor, "logistics");
  return db.$transaction(async (tx) => {
    const [entry] = await tx.$queryRaw<{ batchId: string; status: string; orderId: string }[]>`
      SELECT e."batchId", b.status::text AS status, e."orderId" FROM "ShippingBatchOrder" e JOIN "ShippingBatch" b ON b.id = e."batchId" WHERE e.id = ${entryId} FOR UPDATE OF b`;
    if (!entry) throw new AppError("NOT_FOUND", "Parcel not found");
    if (entry.status !== "OPEN") throw new AppError("CONFLICT", "The batch is closed");
    if (remove) {
      await tx.shippingBatchOrder.delete({ where: { id: entryId }, select: { id: true } });
      // Keep the f.103 rows numbered 1..n.
      await tx.$executeRaw`
        UPDATE "ShippingBatchOrder" e SET position = ranked.n FROM (SELECT id, row_number() OVER (ORDER BY position) AS n FROM "ShippingBatchOrder" WHERE "batchId" = ${entry.batchId}) ranked
        WHERE e.id = ranked.id AND e.position <> ranked.n`;
    } else {
      await tx.shippingBatchOrder.update({
        where: { id: entryId },
        data: { ...(weightGrams !== undefined ? { weightGrams } : {}), ...(declaredValue !== undefined ? { declaredValue } : {}) },
        select: { id: true },
      });
    }
    await recordAudit(tx, {
      actor: { type: "USER", id: actor.id },
      action: remove ? "logistics.batch.remove-order" : "logistics.batch.update-parcel",
      entity: { type: "ShippingBatch", id: entry.batchId },
      data: { orderId: entry.orderId, weightGrams, declaredValue },
    });
    return { batchId: entry.batchId };
  });
}
