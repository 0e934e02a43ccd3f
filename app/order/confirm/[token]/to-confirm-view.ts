import type { TConfirmView } from "@/components/checkout/types";
import type { confirmOrderByToken } from "@/lib/orders/confirm-order-by-token";

/** confirmOrderByToken's outcome reduced to what the page shows. */
export function toConfirmView(outcome: Awaited<ReturnType<typeof confirmOrderByToken>>): TConfirmView {
  const { order } = outcome;
  return {
    result: outcome.result,
    order: order ? { publicId: order.publicId, number: order.number, productName: order.productName, total: order.total, currency: order.currency } : null,
  };
}
