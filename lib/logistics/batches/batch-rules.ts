// What the shipping-batch operations share: which orders may be packed into a batch, the
// parcel's default weight and declared value, and the per-order refusal reasons (i18n keys
// under logistics.batches.problems).
import type { OrderStatus } from "@/lib/db/generated/enums";

/** Packed parcels: confirmed (about to ship) or already shipped with their tracking number. */
export const BATCHABLE_STATUSES = ["CONFIRMED", "SHIPPED"] as const satisfies readonly OrderStatus[];

/** A parcel whose products have no weight set: the usual small COD parcel, to be corrected on the batch page. */
export const DEFAULT_PARCEL_WEIGHT_GRAMS = 500;

export const MAX_BATCH_ORDERS = 500;

export const BATCH_PROBLEMS = ["orderUnknown", "statusNotBatchable", "inOpenBatch", "batchClosed", "trackingMissing"] as const;
export type BatchProblem = (typeof BATCH_PROBLEMS)[number];

/** The parcel's weight: the items' product weights, or the default when any product has none. */
export function parcelWeightGrams(items: { quantity: number; product: { weightGrams: number | null } }[]): number {
  if (items.length === 0 || items.some((item) => !item.product.weightGrams)) return DEFAULT_PARCEL_WEIGHT_GRAMS;
  return items.reduce((sum, item) => sum + item.quantity * item.product.weightGrams!, 0);
}
