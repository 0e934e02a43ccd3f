// API customers: list (filters, cursor pages; by phone or email through the normalised values),
// get, create and update — through the CRM's own operations (lib/crm/customers), so the card's
// validation and its "one card per phone or email" rule hold: a contact already on another card
// is refused with 409 `customer_exists` naming that card.
import { z } from "zod";
import type { TApiKeyActor } from "@/lib/api/api-key-actor";
import { createCustomer } from "@/lib/crm/customers/create-customer";
import { ContactTakenError } from "@/lib/crm/customers/customer-input";
import { updateCustomer } from "@/lib/crm/customers/update-customer";
import { normalizeEmail, parsePhone } from "@/lib/customers/normalize-contact";
import { db, type Prisma } from "@/lib/db";
import { CustomerType, Region } from "@/lib/db/generated/enums";
import { notFound } from "@/lib/errors";
import { ApiError } from "../api-error";
import { createdWhere, iso, isoOrNull, ZCreatedRange, ZInstant, ZMoney } from "../objects";
import { keysetOrder, keysetWhere, paginate, ZListParams } from "../pagination";

const ZAddress = z.object({
  country: z.string().length(2),
  postcode: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  street: z.string().nullable(),
  house: z.string().nullable(),
  flat: z.string().nullable(),
  label: z.string().nullable(),
  default: z.boolean(),
});

export const ZCustomerObject = z
  .object({
    id: z.string(),
    object: z.literal("customer"),
    type: z.enum(CustomerType),
    name: z.string().nullable(),
    legal_name: z.string().nullable(),
    tax_id: z.string().nullable(),
    website: z.string().nullable(),
    phone: z.string().nullable().meta({ description: "The primary phone." }),
    email: z.string().nullable().meta({ description: "The primary email." }),
    phones: z.array(z.object({ phone: z.string(), normalized: z.string(), label: z.string().nullable(), primary: z.boolean() })),
    emails: z.array(z.object({ email: z.string(), normalized: z.string(), label: z.string().nullable(), primary: z.boolean() })),
    addresses: z.array(ZAddress),
    region: z.enum(Region).nullable(),
    country: z.string().nullable(),
    locale: z.string(),
    source: z.string().nullable(),
    tags: z.array(z.string()),
    notes: z.string().nullable(),
    orders_count: z.int(),
    paid_orders_count: z.int(),
    paid_revenue: z.object({ amount: ZMoney, currency: z.literal("RUB") }).meta({ description: "Bought-out (PAID) revenue in the shop's home currency." }),
    rfm_segment: z.string().nullable(),
    abc_class: z.string().nullable(),
    last_order_at: ZInstant.nullable(),
    merged_into: z.string().nullable().meta({ description: "Set when this card was merged into another: use that one." }),
    created: ZInstant,
    updated: ZInstant,
  })
  .meta({ id: "Customer" });
export type CustomerObject = z.infer<typeof ZCustomerObject>;

const customerSelect = {
  id: true,
  type: true,
  name: true,
  legalName: true,
  taxId: true,
  legalAddress: true,
  website: true,
  phone: true,
  email: true,
  region: true,
  country: true,
  locale: true,
  source: true,
  tags: true,
  notes: true,
  segmentId: true,
  responsibleId: true,
  ordersCount: true,
  paidOrdersCount: true,
  paidRevenue: true,
  rfmSegment: true,
  abcClass: true,
  lastOrderAt: true,
  mergedIntoId: true,
  createdAt: true,
  updatedAt: true,
  phones: { select: { phone: true, normalized: true, label: true, isPrimary: true }, orderBy: [{ isPrimary: "desc" }, { createdAt: "asc" }] },
  emails: { select: { email: true, normalized: true, label: true, isPrimary: true }, orderBy: [{ isPrimary: "desc" }, { createdAt: "asc" }] },
  addresses: {
    select: { id: true, country: true, postcode: true, province: true, city: true, street: true, house: true, flat: true, label: true, isDefault: true },
    orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }],
  },
  contactPersons: { select: { id: true, name: true, position: true, role: true, phone: true, email: true, notes: true }, orderBy: { createdAt: "asc" } },
} as const satisfies Prisma.CustomerSelect;
type CustomerRow = Prisma.CustomerGetPayload<{ select: typeof customerSelect }>;

function customerObject(row: CustomerRow): CustomerObject {
  return {
    id: row.id,
    object: "customer",
    type: row.type,
    name: row.name,
    legal_name: row.legalName,
    tax_id: row.taxId,
    website: row.website,
    phone: row.phone,
    email: row.email,
    phones: row.phones.map((phone) => ({ phone: phone.phone, normalized: phone.normalized, label: phone.label, primary: phone.isPrimary })),
    emails: row.emails.map((email) => ({ email: email.email, normalized: email.normalized, label: email.label, primary: email.isPrimary })),
    addresses: row.addresses.map(({ id: _id, country, isDefault, ...address }) => ({ ...address, country: country.trim(), default: isDefault })),
    region: row.region,
    country: row.country?.trim() ?? null,
    locale: row.locale,
    source: row.source,
    tags: row.tags,
    notes: row.notes,
    orders_count: row.ordersCount,
    paid_orders_count: row.paidOrdersCount,
    paid_revenue: { amount: Number(row.paidRevenue), currency: "RUB" },
    rfm_segment: row.rfmSegment,
    abc_class: row.abcClass?.trim() ?? null,
    last_order_at: isoOrNull(row.lastOrderAt),
    merged_into: row.mergedIntoId,
    created: iso(row.createdAt),
    updated: iso(row.updatedAt),
  };
}

// ─── list / get ───

export const ZListCustomersQuery = ZListParams.extend({
  email: z.string().max(254).optional().meta({ description: "Only the customer with this email (any of their emails; compared normalised)." }),
  phone: z.string().max(40).optional().meta({ description: "Only the customer with this phone (any formatting; compared normalised, Russia by default)." }),
  tag: z.string().max(100).optional(),
  ...ZCreatedRange,
});

export async function listApiCustomers(query: z.output<typeof ZListCustomersQuery>) {
  const conditions: Prisma.CustomerWhereInput[] = [{ mergedIntoId: null }, createdWhere(query)];
  if (query.email !== undefined) {
    const email = normalizeEmail(query.email);
    if (!email) throw new ApiError("VALIDATION", "parameter_invalid", "Not an email address", { param: "email" });
    conditions.push({ OR: [{ emailNormalized: email }, { emails: { some: { normalized: email } } }] });
  }
  if (query.phone !== undefined) {
    const phone = parsePhone(query.phone, "RU")?.e164;
    if (!phone) throw new ApiError("VALIDATION", "parameter_invalid", "Not a phone number", { param: "phone" });
    conditions.push({ OR: [{ phoneNormalized: phone }, { phones: { some: { normalized: phone } } }] });
  }
  if (query.tag) conditions.push({ tags: { has: query.tag } });
  const { rows, hasMore } = await paginate(query, {
    cursorOf: async (id) => {
      const row = await db.customer.findUnique({ where: { id }, select: { id: true, createdAt: true } });
      return row && { id: row.id, created: row.createdAt };
    },
    load: (after, direction, take) => db.customer.findMany({ where: { AND: [...conditions, keysetWhere(after, direction)] }, orderBy: keysetOrder(direction), take, select: customerSelect }),
  });
  return { object: "list" as const, url: "/api/v1/customers" as const, has_more: hasMore, data: rows.map(customerObject) };
}

async function loadCustomer(id: string): Promise<CustomerRow> {
  const row = await db.customer.findUnique({ where: { id }, select: customerSelect });
  if (!row) throw notFound("Customer");
  return row;
}

export async function getApiCustomer(id: string): Promise<CustomerObject> {
  return customerObject(await loadCustomer(id));
}

// ─── create / update ───

const ZPhoneInput = z.object({ phone: z.string().min(1).max(40), label: z.string().max(50).optional(), primary: z.boolean().optional() });
const ZEmailInput = z.object({ email: z.string().min(1).max(254), label: z.string().max(50).optional(), primary: z.boolean().optional() });
const ZAddressInput = z.object({
  country: z.string().length(2),
  postcode: z.string().max(20).optional(),
  province: z.string().max(100).optional(),
  city: z.string().max(100).optional(),
  street: z.string().max(200).optional(),
  house: z.string().max(50).optional(),
  flat: z.string().max(50).optional(),
  label: z.string().max(50).optional(),
  default: z.boolean().optional(),
});

const customerFields = {
  type: z.enum(CustomerType).optional(),
  name: z.string().min(1).max(200),
  legal_name: z.string().max(300).optional(),
  tax_id: z.string().max(20).optional(),
  website: z.string().max(300).optional(),
  region: z.enum(Region).optional(),
  country: z.string().length(2).optional(),
  locale: z.enum(["ru", "en"]).optional(),
  source: z.string().max(100).optional(),
  notes: z.string().max(5000).optional(),
  tags: z.array(z.string().max(50)).max(20).optional(),
  phones: z.array(ZPhoneInput).max(10).optional().meta({ description: "Every phone of the customer (replaces the list on update)." }),
  emails: z.array(ZEmailInput).max(10).optional().meta({ description: "Every email of the customer (replaces the list on update)." }),
  addresses: z.array(ZAddressInput).max(10).optional().meta({ description: "Every address (replaces the list on update)." }),
};

export const ZCreateCustomerBody = z.object(customerFields).strict().meta({ id: "CustomerCreate" });
export const ZUpdateCustomerBody = z
  .object({ ...customerFields, name: customerFields.name.optional() })
  .strict()
  .meta({ id: "CustomerUpdate" });
type CustomerBody = z.output<typeof ZUpdateCustomerBody>;

/** The CRM's card input from the API's body over the current card (update: what is not sent stays). */
function cardInput(body: CustomerBody, current: CustomerRow | null): Record<string, unknown> {
  const pick = <T>(value: T | undefined, fallback: T) => (value === undefined ? fallback : value);
  return {
    type: pick(body.type, current?.type ?? "PERSON"),
    name: pick(body.name, current?.name ?? ""),
    legalName: pick(body.legal_name, current?.legalName ?? undefined),
    taxId: pick(body.tax_id, current?.taxId ?? undefined),
    legalAddress: current?.legalAddress ?? undefined,
    website: pick(body.website, current?.website ?? undefined),
    region: pick(body.region, current?.region ?? undefined),
    country: pick(body.country, current?.country?.trim() ?? undefined),
    locale: pick(body.locale, current?.locale ?? "ru"),
    source: pick(body.source, current?.source ?? (current ? undefined : "api")),
    notes: pick(body.notes, current?.notes ?? undefined),
    tags: pick(body.tags, current?.tags ?? []),
    segmentId: current?.segmentId ?? undefined,
    responsibleId: current?.responsibleId ?? undefined,
    phones: body.phones
      ? body.phones.map((row) => ({ phone: row.phone, label: row.label, isPrimary: row.primary ?? false }))
      : (current?.phones.map((row) => ({ phone: row.phone, label: row.label ?? undefined, isPrimary: row.isPrimary })) ?? []),
    emails: body.emails
      ? body.emails.map((row) => ({ email: row.email, label: row.label, isPrimary: row.primary ?? false }))
      : (current?.emails.map((row) => ({ email: row.email, label: row.label ?? undefined, isPrimary: row.isPrimary })) ?? []),
    addresses: body.addresses
      ? body.addresses.map(({ default: isDefault, ...row }) => ({ ...row, isDefault: isDefault ?? false }))
      : (current?.addresses.map(({ isDefault, ...row }) => ({ ...withoutNulls(row), isDefault, country: row.country.trim() })) ?? []),
    contactPersons: current?.contactPersons.map(withoutNulls) ?? [],
  };
}

/** The card's stored rows as input (the CRM's schema takes "not set" as absent, not null). */
function withoutNulls<T extends Record<string, unknown>>(row: T): { [K in keyof T]: Exclude<T[K], null> | undefined } {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value ?? undefined])) as { [K in keyof T]: Exclude<T[K], null> | undefined };
}

/** A contact on another card as the API says it: 409 customer_exists, naming the card. */
function contactTaken(error: unknown): unknown {
  if (!(error instanceof ContactTakenError)) return error;
  const [first] = error.conflicts;
  return new ApiError("CONFLICT", "customer_exists", `The ${first!.kind} ${first!.value} belongs to customer ${first!.customerId}`, {
    param: first!.field,
    fieldErrors: Object.fromEntries(error.conflicts.map((conflict) => [conflict.field, [`Belongs to customer ${conflict.customerId}`]])),
  });
}

export async function createApiCustomer(body: z.output<typeof ZCreateCustomerBody>, actor: TApiKeyActor): Promise<CustomerObject> {
  try {
    const { id } = await createCustomer(cardInput(body, null), actor);
    return getApiCustomer(id);
  } catch (error) {
    throw contactTaken(error);
  }
}

export async function updateApiCustomer(id: string, body: CustomerBody, actor: TApiKeyActor): Promise<{ customer: CustomerObject; before: CustomerObject }> {
  const current = await loadCustomer(id);
  try {
    await updateCustomer(id, cardInput(body, current), actor);
  } catch (error) {
    throw contactTaken(error);
  }
  return { customer: await getApiCustomer(id), before: customerObject(current) };
}
