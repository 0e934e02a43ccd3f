// Who may create and edit customer cards: a staff user whose role may edit customers (the CRM
// table), or a REST API key with customers:write. The audit entry names either.
import { assertApiScope, isApiKeyActor, type TApiKeyActor } from "@/lib/api/api-key-actor";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { assertCrm } from "@/lib/crm/crm-access";

export type TCustomerWriter = TSectionActor | TApiKeyActor;

export function assertCustomerWriter(actor: TCustomerWriter): { actorType: "USER" | "api_key"; actorId: string } {
  if (isApiKeyActor(actor)) return { actorType: "api_key", actorId: assertApiScope(actor, "customers:write").id };
  const checked = assertSectionActor(actor, "customers");
  assertCrm(checked, "editCustomers");
  return { actorType: "USER", actorId: checked.id };
}
