// The duplicate rule (DESIGN.md): a new order with the same normalised phone or email for the
// same product, placed within the window (default 24 h) after an open order, is a DUPLICATE of
// it. "Open" means still going somewhere: not CANCELLED, RETURNED, DUPLICATE, SPAM or PAID —
// a customer who got their parcel and pays may well order again.
import type { OrderStatus } from "@/lib/db/generated/enums";
import { isOpenStatus } from "./transitions";

export interface DuplicateCandidate {
  id: string;
  productId: string;
  status: OrderStatus;
  phoneNormalized: string | null;
  emailNormalized: string | null;
  createdAt: Date;
}

export interface NewOrderContacts {
  productId: string;
  phoneNormalized: string | null;
  emailNormalized: string | null;
  /** When the new order is placed (now). */
  placedAt: Date;
}

const HOUR_MS = 3_600_000;

// The candidates come from the order's write path (lib/checkout/order-write-sql), read under the
// contact lock so two simultaneous orders from one phone see each other.

/** Whether `earlier` makes the new order a duplicate. A window of 0 hours turns the rule off. */
export function isDuplicateOf(order: NewOrderContacts, earlier: DuplicateCandidate, windowHours: number): boolean {
  if (windowHours <= 0) return false;
  if (earlier.productId !== order.productId || !isOpenStatus(earlier.status)) return false;
  const samePhone = order.phoneNormalized !== null && order.phoneNormalized === earlier.phoneNormalized;
  const sameEmail = order.emailNormalized !== null && order.emailNormalized === earlier.emailNormalized;
  if (!samePhone && !sameEmail) return false;
  const age = order.placedAt.getTime() - earlier.createdAt.getTime();
  return age >= 0 && age <= windowHours * HOUR_MS;
}

/** The most recent order the new one duplicates, from candidates of any shape. */
export function pickDuplicateOf<C extends DuplicateCandidate>(order: NewOrderContacts, candidates: readonly C[], windowHours: number): C | undefined {
  let latest: C | undefined;
  for (const candidate of candidates) {
    if (isDuplicateOf(order, candidate, windowHours) && (!latest || candidate.createdAt > latest.createdAt)) latest = candidate;
  }
  return latest;
}
