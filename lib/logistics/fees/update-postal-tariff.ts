// Saves or removes the postal tariff (owner only, like the other logistics settings: it decides
// what the forms say the shop pays). Validated as a whole, audited with before and after, in one
// transaction that also brings the open batches up to date: their parcels' fees follow the new
// tariff (or go blank without one) unless someone typed a fee over it; closed batches went to the
// post office as printed and keep theirs.
import { z } from "zod";
import { db, type DbTransaction } from "@/lib/db";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { getPostalTariff, lockPostalTariff, parcelFeesOrNull, POSTAL_TARIFF_KEY, ZPostalTariff, type TPostalTariff } from "./postal-tariff";

export const ZUpdatePostalTariffInput = z.object({
  /** The new tariff, or null to remove it (the fees go blank again). */
  tariff: z.unknown().nullable(),
  actor: z.object({ id: z.string().min(1).max(64), role: z.literal("OWNER", { error: "Only the owner can change the postal tariff" }) }),
});

export async function updatePostalTariff(input: z.input<typeof ZUpdatePostalTariffInput>): Promise<{ tariff: TPostalTariff | null; openParcelsUpdated: number }> {
  const parsedInput = ZUpdatePostalTariffInput.safeParse(input);
  if (!parsedInput.success) throw new AppError("FORBIDDEN", "Only the owner can change the postal tariff");
  const { actor } = parsedInput.data;
  let next: TPostalTariff | null = null;
  if (parsedInput.data.tariff !== null) {
    const parsed = ZPostalTariff.safeParse(parsedInput.data.tariff);
    if (!parsed.success) throw new AppError("VALIDATION", "Invalid postal tariff", { fieldErrors: zodFieldErrors(parsed.error) });
    next = parsed.data;
  }

  return db.$transaction(async (tx) => {
    // Batches being made meanwhile finish first (their parcels then get recomputed below), or wait.
    await lockPostalTariff(tx, "exclusive");
    const before = await getPostalTariff(tx);
    if (next) await tx.setting.upsert({ where: { key: POSTAL_TARIFF_KEY }, create: { key: POSTAL_TARIFF_KEY, value: next }, update: { value: next }, select: { key: true } });
    else await tx.setting.deleteMany({ where: { key: POSTAL_TARIFF_KEY } });
    const openParcelsUpdated = await refreshOpenBatchFees(tx, next);
    await recordAudit(tx, {
      actor: { type: "USER", id: actor.id },
      action: "logistics.postal-tariff",
      entity: { type: "Setting", id: POSTAL_TARIFF_KEY },
      before: { tariff: before },
      after: { tariff: next },
      data: { openParcelsUpdated },
    });
    return { tariff: next, openParcelsUpdated };
  });
}

/** Recomputes the fees of open batches' parcels that were not typed over; returns how many rows changed. */
async function refreshOpenBatchFees(tx: DbTransaction, tariff: TPostalTariff | null): Promise<number> {
  // Lock the open batches first, in the order every batch operation takes them, so a parcel edit meanwhile waits.
  await tx.$queryRaw`SELECT id FROM "ShippingBatch" WHERE status = 'OPEN' ORDER BY id FOR UPDATE`;
  const entries = await tx.shippingBatchOrder.findMany({
    where: { batch: { status: "OPEN" }, OR: [{ postageFeeOverridden: false }, { declaredValueFeeOverridden: false }] },
    select: { id: true, weightGrams: true, declaredValue: true, currency: true, postageFee: true, declaredValueFee: true, postageFeeOverridden: true, declaredValueFeeOverridden: true },
  });
  const ids: string[] = [];
  const postage: (number | null)[] = [];
  const valueFee: (number | null)[] = [];
  for (const entry of entries) {
    const fees = parcelFeesOrNull(tariff, entry);
    const nextPostage = entry.postageFeeOverridden ? entry.postageFee : (fees?.postage ?? null);
    const nextValueFee = entry.declaredValueFeeOverridden ? entry.declaredValueFee : (fees?.declaredValue ?? null);
    if (nextPostage === entry.postageFee && nextValueFee === entry.declaredValueFee) continue;
    ids.push(entry.id);
    postage.push(nextPostage);
    valueFee.push(nextValueFee);
  }
  if (ids.length === 0) return 0;
  await tx.$executeRaw`
    UPDATE "ShippingBatchOrder" e SET "postageFee" = v.postage, "declaredValueFee" = v.fee
    FROM unnest(${ids}::text[], ${postage}::int[], ${valueFee}::int[]) AS v(id, postage, fee) WHERE e.id = v.id`;
  return ids.length;
}
