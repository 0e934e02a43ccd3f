// The customer behind an order: found by normalised phone, then by email (DESIGN.md: customers
// are deduplicated by both), created otherwise. A customer that was merged into another one is
// followed to the one that survived. Contact details the customer lacks are filled in from the
// order; ones that differ are added as extra phones/emails, never overwritten.
//
// Callers that may race for the same contact (checkout) take an advisory lock on it first, see
// lockContacts, so two orders from one new phone make one customer.
import type { DbTransaction } from "@/lib/db";
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

const customerSelect = { id: true, name: true, phone: true, phoneNormalized: true, email: true, emailNormalized: true, mergedIntoId: true } as const;

/** The advisory-lock keys of a contact, sorted so that two transactions never wait on each other in a circle. */
export function contactLockKeys(contacts: { phoneNormalized?: string | null; emailNormalized?: string | null }): string[] {
  return [contacts.phoneNormalized && `contact:${contacts.phoneNormalized}`, contacts.emailNormalized && `contact:${contacts.emailNormalized}`].filter((key): key is string => Boolean(key)).sort();
}

/** Takes transaction-scoped advisory locks on the keys, in the given order, in one round trip (released at commit). */
export async function lockAdvisory(tx: DbTransaction, keys: readonly string[]) {
  if (keys.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(key, 0)) FROM unnest(${[...keys]}::text[]) WITH ORDINALITY AS locks(key, position) ORDER BY position`;
}

/** Serialises concurrent transactions about the same phone/email (released at commit). */
export function lockContacts(tx: DbTransaction, contacts: { phoneNormalized?: string | null; emailNormalized?: string | null }) {
  return lockAdvisory(tx, contactLockKeys(contacts));
}

export async function findOrCreateCustomer(tx: DbTransaction, input: CustomerContactInput): Promise<{ id: string; created: boolean }> {
  const { phoneNormalized, emailNormalized } = input;
  const found = await findByContacts(tx, phoneNormalized, emailNormalized);

  if (!found) {
    const customer = await tx.customer.create({
      data: {
        name: input.name || null,
        phone: input.phone || null,
        phoneNormalized: phoneNormalized || null,
        email: input.email || null,
        emailNormalized: emailNormalized || null,
        locale: input.locale,
        country: input.country,
        region: input.region,
        source: input.source,
        phones: phoneNormalized ? { create: { phone: input.phone || phoneNormalized, normalized: phoneNormalized, isPrimary: true } } : undefined,
        emails: emailNormalized ? { create: { email: input.email || emailNormalized, normalized: emailNormalized, isPrimary: true } } : undefined,
        addresses: input.address ? { create: { ...input.address, isDefault: true } } : undefined,
      },
      select: { id: true },
    });
    return { id: customer.id, created: true };
  }

  const customer = await followMerges(tx, found);
  const fill: { name?: string; phone?: string; phoneNormalized?: string; email?: string; emailNormalized?: string } = {};
  if (!customer.name && input.name) fill.name = input.name;
  if (!customer.phoneNormalized && phoneNormalized) Object.assign(fill, { phone: input.phone || phoneNormalized, phoneNormalized });
  if (!customer.emailNormalized && emailNormalized) Object.assign(fill, { email: input.email || emailNormalized, emailNormalized });
  if (Object.keys(fill).length > 0) await tx.customer.update({ where: { id: customer.id }, data: fill, select: { id: true } });

  // Every contact the customer used stays findable (CRM card, the next dedup lookup).
  if (phoneNormalized && customer.phoneNormalized !== phoneNormalized) {
    await tx.customerPhone.createMany({ data: [{ customerId: customer.id, phone: input.phone || phoneNormalized, normalized: phoneNormalized, isPrimary: !customer.phoneNormalized }], skipDuplicates: true });
  }
  if (emailNormalized && customer.emailNormalized !== emailNormalized) {
    await tx.customerEmail.createMany({ data: [{ customerId: customer.id, email: input.email || emailNormalized, normalized: emailNormalized, isPrimary: !customer.emailNormalized }], skipDuplicates: true });
  }
  return { id: customer.id, created: false };
}

/**
 * The customer with the phone, else the one with the email, in one query. Among several: a
 * primary-phone match, then a primary-email match, then the oldest (the one deduplication has
 * been attaching orders to all along).
 */
async function findByContacts(tx: DbTransaction, phoneNormalized: string | null | undefined, emailNormalized: string | null | undefined) {
  const conditions = [
    ...(phoneNormalized ? [{ phoneNormalized }, { phones: { some: { normalized: phoneNormalized } } }] : []),
    ...(emailNormalized ? [{ emailNormalized }, { emails: { some: { normalized: emailNormalized } } }] : []),
  ];
  if (conditions.length === 0) return null;
  const matches = await tx.customer.findMany({ where: { OR: conditions }, orderBy: { createdAt: "asc" }, take: 20, select: customerSelect });
  return (
    matches.find((customer) => phoneNormalized && customer.phoneNormalized === phoneNormalized) ??
    matches.find((customer) => emailNormalized && customer.emailNormalized === emailNormalized) ??
    matches[0] ??
    null
  );
}

type FoundCustomer = NonNullable<Awaited<ReturnType<typeof findByContacts>>>;

async function followMerges(tx: DbTransaction, start: FoundCustomer): Promise<FoundCustomer> {
  let customer = start;
  for (let hop = 0; customer.mergedIntoId && hop < MAX_MERGE_HOPS; hop++) {
    const next = await tx.customer.findUnique({ where: { id: customer.mergedIntoId }, select: customerSelect });
    if (!next) break;
    customer = next;
  }
  return customer;
}
