// Who the customer is: legal data, how the shop works with them, every phone, email and address,
// and (for a company) its contact persons.
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { CustomerCard } from "@/lib/crm/customers/get-customer";

export async function CustomerProfile({ customer }: { customer: CustomerCard }) {
  const [t, tAll, format, locale] = await Promise.all([getTranslations("crmCustomers.card"), getTranslations("crmCustomers"), getFormatter(), getLocale()]);
  const countryName = (code: string) => new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
  const fields: [string, React.ReactNode, string?][] = [
    [t("legalName"), customer.legalName],
    [t("taxId"), customer.taxId],
    [t("legalAddress"), customer.legalAddress],
    [
      t("website"),
      customer.website ? (
        <a href={customer.website} rel="noopener noreferrer nofollow" target="_blank" className="text-brand-700 hover:underline">
          {customer.website}
        </a>
      ) : null,
    ],
    [t("region"), customer.region ? tAll(`regions.${customer.region}`) : null],
    [t("country"), customer.country ? countryName(customer.country) : null],
    [t("source"), customer.source, "customer-source"],
    [t("segment"), customer.segment?.name],
    [t("responsible"), customer.responsible?.name, "customer-responsible"],
  ];
  const address = (row: CustomerCard["addresses"][number]) =>
    [row.postcode, countryName(row.country), row.province, row.city, [row.street, row.house].filter(Boolean).join(" "), row.flat].filter(Boolean).join(", ");
  return (
    <section className="card flex flex-col gap-4" aria-labelledby="customer-profile-title" data-testid="customer-profile">
      <div>
        <h2 id="customer-profile-title" className="mb-2 text-base font-semibold">
          {t("profile")}
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {fields
            .filter(([, value]) => value)
            .map(([label, value, testId]) => (
              <div key={label} className="contents">
                <dt className="text-slate-500">{label}</dt>
                <dd className="break-words" data-testid={testId}>
                  {value}
                </dd>
              </div>
            ))}
        </dl>
        <p className="mt-2 text-xs text-slate-500">{t("createdAt", { date: format.dateTime(new Date(customer.createdAt), { dateStyle: "medium" }) })}</p>
      </div>
      {customer.notes ? (
        <div>
          <h3 className="mb-1 text-sm font-medium text-slate-500">{t("notes")}</h3>
          <p className="text-sm whitespace-pre-line" data-testid="customer-notes">
            {customer.notes}
          </p>
        </div>
      ) : null}
      <div>
        <h3 className="mb-1 text-sm font-medium text-slate-500">{t("phones")}</h3>
        <ul className="text-sm" data-testid="customer-phones">
          {customer.phones.length
            ? customer.phones.map((phone) => (
                <li key={phone.id}>
                  <a href={`tel:${phone.normalized}`} className="text-brand-700 tabular-nums hover:underline">
                    {phone.phone}
                  </a>
                  {phone.label ? <span className="text-slate-500"> · {phone.label}</span> : null}
                  {phone.isPrimary ? <span className="ml-1 rounded bg-slate-100 px-1 text-xs text-slate-600">{t("primary")}</span> : null}
                </li>
              ))
            : customer.phone
              ? [<li key="primary">{customer.phone}</li>]
              : [<li key="none">{t("none")}</li>]}
        </ul>
      </div>
      <div>
        <h3 className="mb-1 text-sm font-medium text-slate-500">{t("emails")}</h3>
        <ul className="text-sm" data-testid="customer-emails">
          {customer.emails.length
            ? customer.emails.map((email) => (
                <li key={email.id} className="break-all">
                  <a href={`mailto:${email.email}`} className="text-brand-700 hover:underline">
                    {email.email}
                  </a>
                  {email.label ? <span className="text-slate-500"> · {email.label}</span> : null}
                  {email.isPrimary ? <span className="ml-1 rounded bg-slate-100 px-1 text-xs text-slate-600">{t("primary")}</span> : null}
                </li>
              ))
            : customer.email
              ? [<li key="primary">{customer.email}</li>]
              : [<li key="none">{t("none")}</li>]}
        </ul>
      </div>
      {customer.addresses.length ? (
        <div>
          <h3 className="mb-1 text-sm font-medium text-slate-500">{t("addresses")}</h3>
          <ul className="flex flex-col gap-1 text-sm">
            {customer.addresses.map((row) => (
              <li key={row.id}>
                {row.label ? <span className="text-slate-500">{row.label}: </span> : null}
                {address(row)}
                {row.isDefault && customer.addresses.length > 1 ? <span className="ml-1 rounded bg-slate-100 px-1 text-xs text-slate-600">{t("defaultAddress")}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {customer.type === "COMPANY" || customer.contactPersons.length ? (
        <div>
          <h3 className="mb-1 text-sm font-medium text-slate-500">{t("contactPersons")}</h3>
          {customer.contactPersons.length ? (
            <ul className="flex flex-col gap-2 text-sm" data-testid="contact-persons">
              {customer.contactPersons.map((person) => (
                <li key={person.id}>
                  <div className="font-medium">{person.name}</div>
                  <div className="text-slate-600">{[person.position, person.role ? `${t("role")}: ${person.role}` : null].filter(Boolean).join(" · ")}</div>
                  <div className="text-slate-600">{[person.phone, person.email].filter(Boolean).join(" · ")}</div>
                  {person.notes ? <div className="text-xs whitespace-pre-line text-slate-500">{person.notes}</div> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-500">{t("noContactPersons")}</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
