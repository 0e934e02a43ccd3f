// The form's starting values: empty for a new card, the card's own for an edit.
import type { CustomerCard } from "@/lib/crm/customers/get-customer";
import type { CustomerFormValues } from "./customer-form";

const text = (value: string | null | undefined) => value ?? "";

export function emptyCustomerFormValues(): CustomerFormValues {
  return { fields: { type: "PERSON", locale: "ru", region: "RU" }, phones: [], emails: [], addresses: [], contactPersons: [], primaryPhone: 0, primaryEmail: 0, defaultAddress: 0 };
}

export function customerFormValues(customer: CustomerCard): CustomerFormValues {
  return {
    id: customer.id,
    fields: {
      type: customer.type,
      name: text(customer.name),
      legalName: text(customer.legalName),
      taxId: text(customer.taxId),
      legalAddress: text(customer.legalAddress),
      website: text(customer.website),
      region: text(customer.region),
      country: text(customer.country),
      locale: customer.locale,
      source: text(customer.source),
      notes: text(customer.notes),
      tags: customer.tags.join(", "),
      segmentId: text(customer.segment?.id),
      responsibleId: text(customer.responsible?.id),
    },
    phones: customer.phones.length ? customer.phones.map((phone) => ({ phone: phone.phone, label: text(phone.label) })) : customer.phone ? [{ phone: customer.phone, label: "" }] : [],
    emails: customer.emails.length ? customer.emails.map((email) => ({ email: email.email, label: text(email.label) })) : customer.email ? [{ email: customer.email, label: "" }] : [],
    addresses: customer.addresses.map((address) => ({
      id: address.id,
      label: text(address.label),
      country: address.country,
      postcode: text(address.postcode),
      province: text(address.province),
      city: text(address.city),
      street: text(address.street),
      house: text(address.house),
      flat: text(address.flat),
    })),
    contactPersons: customer.contactPersons.map((person) => ({
      id: person.id,
      name: person.name,
      position: text(person.position),
      role: text(person.role),
      phone: text(person.phone),
      email: text(person.email),
      notes: text(person.notes),
    })),
    primaryPhone: Math.max(
      0,
      customer.phones.findIndex((phone) => phone.isPrimary),
    ),
    primaryEmail: Math.max(
      0,
      customer.emails.findIndex((email) => email.isPrimary),
    ),
    defaultAddress: Math.max(
      0,
      customer.addresses.findIndex((address) => address.isDefault),
    ),
  };
}
