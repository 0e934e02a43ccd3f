// Which status moves an operation reported by the carrier makes, given where the order is. Only
// forward along CONFIRMED → SHIPPED → DELIVERED → HANDED → PAID (an operation reported late, or
// twice, moves nothing), with the steps the transition table needs: a parcel handed without a
// "arrived at the office" scan goes SHIPPED → HANDED, COD money paid out after a handing the
// post never reported goes through HANDED to PAID. RETURNED is reached from any shipped status.
import type { OrderStatus } from "@/lib/db/generated/enums";
import { canTransition } from "@/lib/orders/transitions";

const CHAIN = ["CONFIRMED", "SHIPPED", "DELIVERED", "HANDED", "PAID"] as const satisfies readonly OrderStatus[];
const rank = (status: OrderStatus) => (CHAIN as readonly OrderStatus[]).indexOf(status);

/** The moves from `current` to `target`, each legal in the transition table; empty when there is nothing to do. */
export function parcelStatusPath(current: OrderStatus, target: OrderStatus): OrderStatus[] {
  if (rank(current) < 0) return [];
  if (target === "RETURNED") {
    const path: OrderStatus[] = current === "CONFIRMED" ? ["SHIPPED", "RETURNED"] : ["RETURNED"];
    return canTransition(current, "RETURNED") || current === "CONFIRMED" ? path : [];
  }
  if (rank(target) <= rank(current)) return [];
  const path = CHAIN.filter((status) => rank(status) > rank(current) && rank(status) <= rank(target) && (status !== "DELIVERED" || target === "DELIVERED"));
  let from = current;
  for (const step of path) {
    if (!canTransition(from, step)) return [];
    from = step;
  }
  return path;
}
