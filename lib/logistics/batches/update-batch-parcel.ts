// Corrects a parcel of an OPEN batch: its weight (grams), declared value (minor units) and postal
// fees (kopecks), or takes it out of the batch. A fee typed in overrides the tariff (the post
// office charged differently) and stays when weight or value change; a fee set back to null
// follows the tariff again; every other fee is recomputed from the tariff on each save. A closed
// batch went to the post office as printed: frozen.
import { z } from "zod";
import { assertSectionActor, ZSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { getPostalTariff, parcelFeesOrNull } from "../fees/postal-tariff";

/** A fee typed over the tariff: kopecks, up to 100,000.00 RUB; null hands it back to the tariff. */
const ZFeeOverride = z
  .number({ error: "logistics.batches.errors.fee" })
  .int({ error: "logistics.batches.errors.fee" })
  .min(0, { error: "logistics.batches.errors.fee" })
  .max(10_000_000, { error: "logistics.batches.errors.fee" })
  .nullable()
  .optional();

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
  postageFee: ZFeeOverride,
  declaredValueFee: ZFeeOverride,
  actor: ZSectionActor,
});

const parcelSelect = {
  weightGrams: true,
  declaredValue: true,
  currency: true,
  postageFee: true,
  declaredValueFee: true,
  postageFeeOverridden: true,
  declaredValueFeeOverridden: true,
} as const;

export async function updateBatchParcel(input: z.input<typeof ZUpdateBatchParcelInput>): Promise<{ batchId: string }> {
  const parsed = ZUpdateBatchParcelInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid parcel", { fieldErrors: zodFieldErrors(parsed.error) });
  const { entryId, remove, weightGrams, declaredValue, postageFee, declaredValueFee } = parsed.data;
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
      await recordAudit(tx, {
        actor: { type: "USER", id: actor.id },
        action: "logistics.batch.remove-order",
        entity: { type: "ShippingBatch", id: entry.batchId },
        data: { orderId: entry.orderId },
      });
      return { batchId: entry.batchId };
    }
    const current = await tx.shippingBatchOrder.findUniqueOrThrow({ where: { id: entryId }, select: parcelSelect });
    const parcel = { weightGrams: weightGrams ?? current.weightGrams, declaredValue: declaredValue ?? current.declaredValue, currency: current.currency };
    const postageFeeOverridden = postageFee === undefined ? current.postageFeeOverridden : postageFee !== null;
    const declaredValueFeeOverridden = declaredValueFee === undefined ? current.declaredValueFeeOverridden : declaredValueFee !== null;
    const fees = parcelFeesOrNull(await getPostalTariff(tx), parcel);
    const updated = await tx.shippingBatchOrder.update({
      where: { id: entryId },
      data: {
        weightGrams: parcel.weightGrams,
        declaredValue: parcel.declaredValue,
        postageFee: postageFeeOverridden ? (postageFee ?? current.postageFee) : (fees?.postage ?? null),
        declaredValueFee: declaredValueFeeOverridden ? (declaredValueFee ?? current.declaredValueFee) : (fees?.declaredValue ?? null),
        postageFeeOverridden,
        declaredValueFeeOverridden,
      },
      select: parcelSelect,
    });
    await recordAudit(tx, {
      actor: { type: "USER", id: actor.id },
      action: "logistics.batch.update-parcel",
      entity: { type: "ShippingBatch", id: entry.batchId },
      before: current,
      after: updated,
      data: { orderId: entry.orderId },
    });
    return { batchId: entry.batchId };
  });
}
