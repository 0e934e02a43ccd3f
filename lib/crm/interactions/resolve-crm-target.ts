// What an interaction or a task is about: a customer, an order or a deal (or several of them). An
// order and a deal each imply their customer, so a form on the order page need not send one; when
// several are given they must belong together, and a contact person must be one of the customer's.
// A merged card is followed to the card it was merged into (the merged one only redirects).
import type { DbTransaction } from "@/lib/db";
import { followMerges, type FoundCustomer } from "@/lib/customers/customer-dedup";
import { AppError } from "@/lib/errors";

export interface CrmTargetInput {
  customerId?: string | null;
  orderId?: string | null;
  dealId?: string | null;
  contactPersonId?: string | null;
}

export interface CrmTarget {
  customerId: string | null;
  orderId: string | null;
  dealId: string | null;
  contactPersonId: string | null;
}

const customerSelect = { id: true, name: true, phone: true, phoneNormalized: true, email: true, emailNormalized: true, mergedIntoId: true } as const;

/** A refused target: a field error keyed by the form field, the message an i18n key of `namespace`. */
const targetError = (namespace: string, field: string, key: string) => new AppError("VALIDATION", `Invalid ${field}`, { fieldErrors: { [field]: [`${namespace}.errors.${key}`] } });

/**
 * Loads and checks the target inside `tx`. `requireCustomer`: an interaction always has a customer
 * (a deal without one cannot take it); a task may stand alone. Throws VALIDATION with a field error.
 */
export async function resolveCrmTarget(tx: DbTransaction, input: CrmTargetInput, options: { requireCustomer: boolean; namespace: string }): Promise<CrmTarget> {
  const fail = (field: string, key: string) => targetError(options.namespace, field, key);
  const load = async (id: string): Promise<FoundCustomer | null> => tx.customer.findUnique({ where: { id }, select: customerSelect });
  const survivor = async (id: string) => {
    const customer = await load(id);
    return customer ? (await followMerges(customer, load)).id : null;
  };

  let customerId: string | null = null;
  const claim = async (id: string | null, field: string) => {
    if (!id) return;
    const resolved = await survivor(id);
    if (!resolved) throw fail(field, "customerNotFound");
    if (customerId && customerId !== resolved) throw fail(field, "notSameCustomer");
    customerId = resolved;
  };

  if (input.customerId) {
    const resolved = await survivor(input.customerId);
    if (!resolved) throw fail("customerId", "customerNotFound");
    customerId = resolved;
  }
  if (input.orderId) {
    const order = await tx.order.findUnique({ where: { id: input.orderId }, select: { customerId: true } });
    if (!order) throw fail("orderId", "orderNotFound");
    await claim(order.customerId, "orderId");
  }
  if (input.dealId) {
    const deal = await tx.deal.findUnique({ where: { id: input.dealId }, select: { customerId: true } });
    if (!deal) throw fail("dealId", "dealNotFound");
    if (!deal.customerId && options.requireCustomer && !customerId) throw fail("dealId", "dealWithoutCustomer");
    await claim(deal.customerId, "dealId");
  }
  if (options.requireCustomer && !customerId) throw fail("customerId", "targetRequired");

  if (input.contactPersonId) {
    const person = await tx.contactPerson.findUnique({ where: { id: input.contactPersonId }, select: { customerId: true } });
    if (!person) throw fail("contactPersonId", "contactNotFound");
    const personCustomer = await survivor(person.customerId);
    if (!customerId || personCustomer !== customerId) throw fail("contactPersonId", "contactOfAnotherCustomer");
  }

  return { customerId, orderId: input.orderId ?? null, dealId: input.dealId ?? null, contactPersonId: input.contactPersonId ?? null };
}
