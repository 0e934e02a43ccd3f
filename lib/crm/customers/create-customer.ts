// A customer card created by hand (a person or a company with contact persons): validated and
// normalised by ZCustomerInput, refused when a phone or email is already on another card (never
// a second card for the same person), written in one transaction with its audit entry.
import { db } from "@/lib/db";
import { recordWebhookEvents } from "@/lib/webhooks/record-webhook-events";
import { assertCustomerWriter, type TCustomerWriter } from "./customer-writer";
import { assertContactsFree, assertReferencesExist, auditSnapshotSelect, customerCardData, ZCustomerInput, type TCustomerInput } from "./customer-input";
import { recordAudit } from "@/lib/audit/record-audit";

export async function createCustomer(input: TCustomerInput | Record<string, unknown>, actor: TCustomerWriter, context: { ip?: string } = {}): Promise<{ id: string }> {
  const writer = assertCustomerWriter(actor);
  const data = ZCustomerInput.parse(input);
  return db.$transaction(async (tx) => {
    await assertReferencesExist(tx, data);
    await assertContactsFree(tx, data, null);
    const created = await tx.customer.create({
      data: {
        ...customerCardData(data),
        phones: { create: data.phones },
        emails: { create: data.emails },
        addresses: { create: data.addresses.map(({ id: _id, ...address }) => address) },
        contactPersons: { create: data.contactPersons.map(({ id: _id, ...person }) => person) },
      },
      select: { id: true, ...auditSnapshotSelect },
    });
    const { id, ...after } = created;
    await recordAudit(tx, { actor: { type: writer.actorType, id: writer.actorId }, action: "customer.create", entity: { type: "Customer", id }, data: { after }, ip: context.ip });
    await recordWebhookEvents(tx, [{ type: "customer.created", objectId: id }]);
    return { id };
  });
}
