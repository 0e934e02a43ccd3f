// A customer card edited by hand. The form sends the whole card: phones, emails, addresses and
// contact persons not sent are removed, new ones added, existing ones updated in place (contact
// persons and addresses by id, so interactions and deals keep pointing at them; phones and
// emails by their normalised value). Same validation and same "one card per contact" rule as
// creation; one transaction; the audit entry keeps the card before and after.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { assertCustomerWriter, type TCustomerWriter } from "./customer-writer";
import { assertContactsFree, assertReferencesExist, auditSnapshotSelect, customerCardData, ZCustomerInput, type TCustomerInput } from "./customer-input";
import { recordAudit } from "@/lib/audit/record-audit";

const ZCustomerId = z.string().trim().min(1).max(64);

export async function updateCustomer(id: unknown, input: TCustomerInput | Record<string, unknown>, actor: TCustomerWriter, context: { ip?: string } = {}): Promise<{ id: string }> {
  const writer = assertCustomerWriter(actor);
  const customerId = ZCustomerId.parse(id);
  const data = ZCustomerInput.parse(input);
  return db.$transaction(async (tx) => {
    // The row lock orders concurrent edits of one card (and a merge taking it meanwhile).
    const locked = await tx.$queryRaw<{ id: string; mergedIntoId: string | null }[]>`SELECT id, "mergedIntoId" FROM "Customer" WHERE id = ${customerId} FOR UPDATE`;
    const current = locked[0];
    if (!current) throw notFound("Customer");
    if (current.mergedIntoId) throw new AppError("CONFLICT", "This card was merged into another one: edit that one");
    const before = await tx.customer.findUniqueOrThrow({ where: { id: customerId }, select: auditSnapshotSelect });

    const unknownPerson = data.contactPersons.find((person) => person.id && !before.contactPersons.some((existing) => existing.id === person.id));
    const unknownAddress = data.addresses.find((address) => address.id && !before.addresses.some((existing) => existing.id === address.id));
    if (unknownPerson || unknownAddress)
      throw new AppError("VALIDATION", "A contact person or address of another card", { fieldErrors: { [unknownPerson ? "contactPersons" : "addresses"]: ["Not on this card"] } });
    await assertReferencesExist(tx, data);
    await assertContactsFree(tx, data, customerId);

    await tx.customerPhone.deleteMany({ where: { customerId, normalized: { notIn: data.phones.map((phone) => phone.normalized) } } });
    for (const phone of data.phones) {
      await tx.customerPhone.upsert({
        where: { customerId_normalized: { customerId, normalized: phone.normalized } },
        create: { customerId, ...phone },
        update: { phone: phone.phone, label: phone.label, isPrimary: phone.isPrimary },
        select: { id: true },
      });
    }
    await tx.customerEmail.deleteMany({ where: { customerId, normalized: { notIn: data.emails.map((email) => email.normalized) } } });
    for (const email of data.emails) {
      await tx.customerEmail.upsert({
        where: { customerId_normalized: { customerId, normalized: email.normalized } },
        create: { customerId, ...email },
        update: { email: email.email, label: email.label, isPrimary: email.isPrimary },
        select: { id: true },
      });
    }
    const keptAddresses = data.addresses.flatMap((address) => (address.id ? [address.id] : []));
    await tx.customerAddress.deleteMany({ where: { customerId, id: { notIn: keptAddresses } } });
    for (const { id: addressId, ...address } of data.addresses) {
      if (addressId) await tx.customerAddress.update({ where: { id: addressId }, data: address, select: { id: true } });
      else await tx.customerAddress.create({ data: { customerId, ...address }, select: { id: true } });
    }
    const keptPersons = data.contactPersons.flatMap((person) => (person.id ? [person.id] : []));
    await tx.contactPerson.deleteMany({ where: { customerId, id: { notIn: keptPersons } } });
    for (const { id: personId, ...person } of data.contactPersons) {
      if (personId) await tx.contactPerson.update({ where: { id: personId }, data: person, select: { id: true } });
      else await tx.contactPerson.create({ data: { customerId, ...person }, select: { id: true } });
    }

    const after = await tx.customer.update({
      where: { id: customerId },
      data: customerCardData(data),
      select: auditSnapshotSelect,
    });
    await recordAudit(tx, {
      actor: { type: writer.actorType, id: writer.actorId },
      action: "customer.update",
      entity: { type: "Customer", id: customerId },
      data: { before, after },
      ip: context.ip,
    });
    return { id: customerId };
  });
}
