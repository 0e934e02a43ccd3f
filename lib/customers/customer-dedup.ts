// The rules of finding the customer behind an order (DESIGN.md: customers are deduplicated by
// normalised phone and email): among the customers with the order's phone or email, a
// primary-phone match, then a primary-email match, then the oldest; a customer that was merged
// into another one is followed to the one that survived; contact details the customer lacks are
// filled in from the order, ones that differ are added as extra phones/emails, never overwritten.
// The lookup and the writes are SQL of the order's write path (lib/checkout/order-write-sql).
//
// Callers that may race for the same contact (checkout) take advisory locks on contactLockKeys
// first, so two orders from one new phone make one customer.
import { Prisma } from "@/lib/db";
import type { Region } from "@/lib/db/generated/enums";

export interface CustomerContactInput {
  name?: string | null;
  /** As typed (formatted), with its E.164 form. */
  phone?: string | null;
  phoneNormalized?: string | null;
  email?: string | null;
  emailNormalized?: string | null;
  locale?: string;
  country?: string;
  region?: Region;
  source?: string;
  address?: { country: string; postcode?: string | null; province?: string | null; city?: string | null; street?: string | null; house?: string | null; flat?: string | null };
}

const MAX_MERGE_HOPS = 10;

/** A customer as the dedup lookup sees it. */
export interface FoundCustomer {
  id: string;
  name: string | null;
  phone: string | null;
  phoneNormalized: string | null;
  email: string | null;
  emailNormalized: string | null;
  mergedIntoId: string | null;
}

/** The advisory-lock keys of a contact, sorted so that two transactions never wait on each other in a circle. */
export function contactLockKeys(contacts: { phoneNormalized?: string | null; emailNormalized?: string | null }): string[] {
  return [contacts.phoneNormalized && `contact:${contacts.phoneNormalized}`, contacts.emailNormalized && `contact:${contacts.emailNormalized}`]
    .filter((key): key is string => Boolean(key))
    .sort();
}

/** The statement taking transaction-scoped advisory locks on the keys, in the given order, in one round trip (released at commit). */
export function advisoryLockSql(keys: readonly string[]): Prisma.Sql {
  return Prisma.sql`SELECT count(pg_advisory_xact_lock(hashtextextended(key, 0)))::int AS locked FROM (SELECT key FROM unnest(${[...keys]}::text[]) WITH ORDINALITY AS locks(key, position) ORDER BY position) AS ordered`;
}

export interface CustomerUpdatePlan {
  /** Contact details the customer lacks, taken from the order. */
  fill?: { name?: string; phone?: string; phoneNormalized?: string; email?: string; emailNormalized?: string };
  /** A phone/email of the order the customer does not have as primary: kept as an extra one. */
  addPhone?: { phone: string; normalized: string; isPrimary: boolean };
  addEmail?: { email: string; normalized: string; isPrimary: boolean };
}

/** What an order's contacts add to the customer found for it (never overwriting what is there). */
export function planCustomerUpdate(customer: Pick<FoundCustomer, "name" | "phoneNormalized" | "emailNormalized">, input: CustomerContactInput): CustomerUpdatePlan {
  const { phoneNormalized, emailNormalized } = input;
  const fill: NonNullable<CustomerUpdatePlan["fill"]> = {};
  if (!customer.name && input.name) fill.name = input.name;
  if (!customer.phoneNormalized && phoneNormalized) Object.assign(fill, { phone: input.phone || phoneNormalized, phoneNormalized });
  if (!customer.emailNormalized && emailNormalized) Object.assign(fill, { email: input.email || emailNormalized, emailNormalized });
  // Every contact the customer used stays findable (CRM card, the next dedup lookup).
  return {
    fill: Object.keys(fill).length > 0 ? fill : undefined,
    addPhone:
      phoneNormalized && customer.phoneNormalized !== phoneNormalized
        ? { phone: input.phone || phoneNormalized, normalized: phoneNormalized, isPrimary: !customer.phoneNormalized }
        : undefined,
    addEmail:
      emailNormalized && customer.emailNormalized !== emailNormalized
        ? { email: input.email || emailNormalized, normalized: emailNormalized, isPrimary: !customer.emailNormalized }
        : undefined,
  };
}

/** Among the customers matching a contact: a primary-phone match, then a primary-email match, then the oldest. */
export function pickCustomerMatch<C extends Pick<FoundCustomer, "phoneNormalized" | "emailNormalized">>(
  matches: readonly C[],
  phoneNormalized: string | null | undefined,
  emailNormalized: string | null | undefined,
): C | null {
  return (
    matches.find((customer) => phoneNormalized && customer.phoneNormalized === phoneNormalized) ??
    matches.find((customer) => emailNormalized && customer.emailNormalized === emailNormalized) ??
    matches[0] ??
    null
  );
}

/** The customer a merged one was merged into (and so on), by `load`ing each next one by id. */
export async function followMerges(start: FoundCustomer, load: (id: string) => Promise<FoundCustomer | null>): Promise<FoundCustomer> {
  let customer = start;
  for (let hop = 0; customer.mergedIntoId && hop < MAX_MERGE_HOPS; hop++) {
    const next = await load(customer.mergedIntoId);
    if (!next) break;
    customer = next;
  }
  return customer;
}
