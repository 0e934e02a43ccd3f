// The shop's Russian Post tariff (Logistics → Settings), from which a parcel's postal fees are
// computed: postage for the first weight step plus each further step begun, an optional fixed
// surcharge per parcel, and the fee for the declared value as a percentage in basis points. All
// amounts are kopecks with VAT included, as the post office's price list states them. One
// Setting row (`logistics.postal-tariff`); no row means no tariff, and the fees stay blank on the
// forms (the post office fills them in) rather than printing zero.
import { z } from "zod";
import { db, type DbTransaction } from "@/lib/db";
import { logger } from "@/lib/logger";

export const POSTAL_TARIFF_KEY = "logistics.postal-tariff";

/**
 * The tariff's lock, for the transaction: "share" where fees are computed for new parcels (a batch
 * made), "exclusive" where the tariff is saved or removed. An advisory lock rather than the
 * Setting row's: before the first save there is no row to lock, and a batch made meanwhile would
 * miss the recomputation of the open batches.
 */
export async function lockPostalTariff(tx: Pick<DbTransaction, "$executeRaw">, mode: "share" | "exclusive"): Promise<void> {
  if (mode === "share") await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtextextended(${POSTAL_TARIFF_KEY}, 0))`;
  else await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${POSTAL_TARIFF_KEY}, 0))`;
}

/** 100,000.00 RUB: far above any parcel's postage, low enough that no product overflows. */
const MAX_FEE_KOPECKS = 10_000_000;

const kopecks = (error: string) => z.number({ error }).int({ error }).min(0, { error }).max(MAX_FEE_KOPECKS, { error });

export const ZPostalTariff = z.object({
  /** Postage for a parcel up to `stepGrams`, kopecks. */
  firstStepPostage: kopecks("logistics.fees.errors.amount"),
  /** Postage for each further `stepGrams` or part of it, kopecks. */
  extraStepPostage: kopecks("logistics.fees.errors.amount"),
  /** The weight step, grams (Russian Post: 500 g); a parcel weighs at most 50 kg. */
  stepGrams: z
    .number({ error: "logistics.fees.errors.step" })
    .int({ error: "logistics.fees.errors.step" })
    .min(1, { error: "logistics.fees.errors.step" })
    .max(50_000, { error: "logistics.fees.errors.step" }),
  /** The fee for the declared value, basis points of it (4 % = 400). */
  declaredValueRateBp: z
    .number({ error: "logistics.fees.errors.rate" })
    .int({ error: "logistics.fees.errors.rate" })
    .min(0, { error: "logistics.fees.errors.rate" })
    .max(10_000, { error: "logistics.fees.errors.rate" }),
  /** A fixed amount added to every parcel's postage (packing, SMS notice), kopecks. */
  parcelSurcharge: kopecks("logistics.fees.errors.amount").default(0),
});
export type TPostalTariff = z.output<typeof ZPostalTariff>;

export interface ParcelFees {
  /** Kopecks. */
  postage: number;
  /** Kopecks. */
  declaredValue: number;
}

/**
 * A parcel's fees under the tariff. Postage: the first step, plus the extra-step price for each
 * further step or part of one, plus the surcharge. Declared-value fee: the rate of the declared
 * value rounded to the kopeck, half up. Integer arithmetic throughout (BigInt for the product of
 * value and rate).
 */
export function computeParcelFees(tariff: TPostalTariff, parcel: { weightGrams: number; declaredValue: number }): ParcelFees {
  const extraGrams = Math.max(0, parcel.weightGrams - tariff.stepGrams);
  const extraSteps = Math.ceil(extraGrams / tariff.stepGrams);
  const postage = tariff.firstStepPostage + extraSteps * tariff.extraStepPostage + tariff.parcelSurcharge;
  const scaled = BigInt(Math.max(0, parcel.declaredValue)) * BigInt(tariff.declaredValueRateBp);
  const declaredValue = Number((scaled + 5_000n) / 10_000n);
  return { postage, declaredValue };
}

/** The fees a parcel in `currency` gets: Russian Post's tariff is in rubles, so none for other currencies (and none without a tariff). */
export function parcelFeesOrNull(tariff: TPostalTariff | null, parcel: { weightGrams: number; declaredValue: number; currency: string }): ParcelFees | null {
  return tariff && parcel.currency === "RUB" ? computeParcelFees(tariff, parcel) : null;
}

/** The saved tariff, or null when none is set. A stored value that no longer validates counts as none (and is logged): a form never prints a fee from a broken tariff. */
export async function getPostalTariff(client: Pick<DbTransaction, "setting"> = db): Promise<TPostalTariff | null> {
  const row = await client.setting.findUnique({ where: { key: POSTAL_TARIFF_KEY }, select: { value: true } });
  if (!row) return null;
  const parsed = ZPostalTariff.safeParse(row.value);
  if (parsed.success) return parsed.data;
  logger.warn({ setting: POSTAL_TARIFF_KEY, issues: parsed.error.issues }, "ignoring invalid stored postal tariff");
  return null;
}
