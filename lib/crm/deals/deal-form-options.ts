// What the deal form offers: pipelines with stages, the enabled currencies, the employees who
// work on deals, and a customer search (companies and persons, with their contact persons).
import { z } from "zod";
import { canCrm } from "@/lib/crm/crm-access";
import { customerFilterSql } from "@/lib/crm/customers/list-customers";
import { db } from "@/lib/db";
import type { CustomerType } from "@/lib/db/generated/enums";
import { assertDealsActor, type TSectionActor } from "./deal-access";
import { listPipelines, type PipelineWithStages } from "./list-pipelines";

export interface DealFormOptions {
  pipelines: PipelineWithStages[];
  currencies: string[];
  employees: { id: string; name: string }[];
}

export async function getDealFormOptions(actor: TSectionActor): Promise<DealFormOptions> {
  assertDealsActor(actor);
  const pipelines = await listPipelines(actor);
  const currencies = await db.currency.findMany({ where: { isEnabled: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { code: true } });
  const users = await db.user.findMany({ where: { isActive: true }, orderBy: { name: "asc" }, select: { id: true, name: true, role: true } });
  return {
    pipelines,
    currencies: currencies.map((row) => row.code),
    employees: users.filter((user) => canCrm(user.role, "manageDeals")).map(({ id, name }) => ({ id, name })),
  };
}

export interface DealCustomerOption {
  id: string;
  name: string;
  type: CustomerType;
  contacts: { id: string; name: string }[];
}

const ZSearch = z.object({ q: z.string().trim().max(100).default(""), id: z.string().trim().max(64).optional() });

/**
 * Up to 20 live (not merged) customers found by the customer list's own search (name, legal name,
 * tax id, any phone or email of the card, a contact person: each branch on its index), or the one
 * with `id`. An OR of LIKEs over the card's unindexed phone and email columns would scan every card.
 */
export async function searchDealCustomers(input: unknown, actor: TSectionActor): Promise<DealCustomerOption[]> {
  assertDealsActor(actor);
  const { q, id } = ZSearch.parse(input);
  if (!id && q.length < 2) return [];
  const ids = id
    ? [id]
    : (await db.$queryRaw<{ id: string }[]>`SELECT c.id FROM "Customer" c WHERE ${customerFilterSql({ q })} ORDER BY c.type DESC, c.name ASC, c.id LIMIT 20`).map((row) => row.id);
  if (!ids.length) return [];
  const customers = await db.customer.findMany({
    where: { id: { in: ids }, mergedIntoId: null },
    orderBy: [{ type: "desc" }, { name: "asc" }, { id: "asc" }],
    take: 20,
    select: { id: true, name: true, type: true, contactPersons: { orderBy: { name: "asc" }, select: { id: true, name: true } } },
  });
  return customers.map((customer) => ({ id: customer.id, name: customer.name ?? "—", type: customer.type, contacts: customer.contactPersons }));
}
