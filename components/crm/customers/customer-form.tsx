"use client";
// The customer card's form (new and edit): a person or a company, its legal data, tags, source,
// segment, responsible, notes, and lists of phones, emails, addresses and contact persons that
// rows are added to and removed from in the browser. Rows are numbered by their own keys
// (phones.7.phone), so removing one never renumbers the others; the primary phone / email and
// the default address are radio groups valued by row key. After a refused save every field
// shows what was typed, with the error beside it, and a contact already on another card links
// to that card.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { control, primaryButton, secondaryButton, smallControl } from "@/components/ui/styles";
import { initialActionState, typedOr, type ActionState } from "@/lib/forms/action-state";

export interface CustomerFormState extends ActionState {
  conflicts?: { customerId: string; customerName: string | null; value: string }[];
}
type FormAction = (state: CustomerFormState, formData: FormData) => Promise<CustomerFormState>;

type Row = Record<string, string>;
export interface CustomerFormValues {
  id?: string;
  fields: Record<string, string>;
  phones: Row[];
  emails: Row[];
  addresses: Row[];
  contactPersons: Row[];
  /** Row positions of the primary phone / email and the default address. */
  primaryPhone: number;
  primaryEmail: number;
  defaultAddress: number;
}

type ListName = "phones" | "emails" | "addresses" | "contactPersons";

function useRows(initial: Row[]) {
  const [rows, setRows] = useState(() => initial.map((row, index) => ({ key: index, row })));
  const [next, setNext] = useState(initial.length);
  return {
    rows,
    add: (row: Row = {}) => {
      setRows((current) => [...current, { key: next, row }]);
      setNext(next + 1);
    },
    remove: (key: number) => setRows((current) => current.filter((item) => item.key !== key)),
  };
}

export function CustomerForm({
  action,
  initial,
  segments,
  employees,
}: {
  action: FormAction;
  initial: CustomerFormValues;
  segments: { id: string; name: string }[];
  employees: { id: string; name: string }[];
}) {
  const t = useTranslations("crmCustomers");
  const [state, formAction, pending] = useActionState(action, initialActionState as CustomerFormState);
  const [type, setType] = useState(initial.fields.type ?? "PERSON");
  const lists = {
    phones: useRows(initial.phones.length ? initial.phones : [{}]),
    emails: useRows(initial.emails.length ? initial.emails : [{}]),
    addresses: useRows(initial.addresses),
    contactPersons: useRows(initial.contactPersons),
  };
  const value = (name: string, stored = "") => typedOr(state, name, stored);
  const error = (name: string) =>
    state.fieldErrors?.[name] ? (
      <span className="text-xs text-red-700" data-testid={`error-${name}`}>
        {state.fieldErrors[name]}
      </span>
    ) : null;
  const field = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label className="flex flex-col gap-1 text-sm">
      <span className="text-slate-600">{label}</span>
      <input
        name={name}
        defaultValue={value(name, initial.fields[name] ?? "")}
        className={control}
        aria-invalid={Boolean(state.fieldErrors?.[name])}
        data-testid={`field-${name}`}
        {...props}
      />
      {error(name)}
    </label>
  );
  const select = (name: string, label: string, options: { value: string; label: string }[], withNone = true) => (
    <label className="flex flex-col gap-1 text-sm">
      <span className="text-slate-600">{label}</span>
      <select name={name} defaultValue={value(name, initial.fields[name] ?? "")} className={control} data-testid={`field-${name}`}>
        {withNone ? <option value="">{t("form.none")}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error(name)}
    </label>
  );
  const rowField = (list: ListName, key: number, row: Row, name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => {
    const fieldName = `${list}.${key}.${name}`;
    return (
      <label className="flex min-w-0 flex-col gap-1 text-xs">
        <span className="text-slate-500">{label}</span>
        <input
          name={fieldName}
          defaultValue={value(fieldName, row[name] ?? "")}
          className={smallControl}
          aria-invalid={Boolean(state.fieldErrors?.[fieldName])}
          data-testid={`field-${fieldName}`}
          {...props}
        />
        {error(fieldName)}
      </label>
    );
  };
  const radio = (group: "primaryPhone" | "primaryEmail" | "defaultAddress", key: number, position: number, stored: number, label: string) => (
    <label className="flex items-center gap-1 self-end pb-1.5 text-xs text-slate-600">
      <input
        type="radio"
        name={group}
        value={String(key)}
        defaultChecked={state.status === "error" && state.values?.[group] !== undefined ? state.values[group] === String(key) : position === stored}
      />
      {label}
    </label>
  );
  const removeButton = (list: ListName, key: number) => (
    <button type="button" onClick={() => lists[list].remove(key)} className="self-end pb-1.5 text-xs text-red-700 hover:underline" data-testid={`remove-${list}`}>
      {t("form.remove")}
    </button>
  );
  const rowsLabel = (list: ListName, title: string, addLabel: string, render: (key: number, row: Row, position: number) => React.ReactNode) => (
    <fieldset className="flex flex-col gap-2" data-testid={`rows-${list}`}>
      <legend className="mb-1 text-sm font-semibold">{title}</legend>
      {lists[list].rows.map(({ key, row }, position) => (
        <div key={key} className="flex flex-wrap items-start gap-2 rounded-md border border-slate-100 p-2">
          {render(key, row, position)}
        </div>
      ))}
      {error(list)}
      <button
        type="button"
        onClick={() => lists[list].add(list === "addresses" ? { country: "RU" } : {})}
        className="self-start text-sm text-brand-700 hover:underline"
        data-testid={`add-${list}`}
      >
        + {addLabel}
      </button>
    </fieldset>
  );

  return (
    <form action={formAction} className="flex flex-col gap-6" data-testid="customer-form">
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <FormMessage state={state} testId="customer-form-message" />
      {state.conflicts?.length ? (
        <ul className="text-sm" data-testid="contact-conflicts">
          {state.conflicts.map((conflict) => (
            <li key={`${conflict.customerId}:${conflict.value}`}>
              {conflict.value} —{" "}
              <Link href={`/admin/customers/${conflict.customerId}`} className="text-brand-700 underline">
                {conflict.customerName ?? t("errors.unnamed")} ({t("form.openCard")})
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <section className="card grid gap-4 sm:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-slate-600">{t("form.type")}</span>
          <select name="type" value={type} onChange={(event) => setType(event.target.value)} className={control} data-testid="field-type">
            <option value="PERSON">{t("types.PERSON")}</option>
            <option value="COMPANY">{t("types.COMPANY")}</option>
          </select>
        </label>
        {field("name", type === "COMPANY" ? t("form.nameCompany") : t("form.namePerson"), { required: true, maxLength: 200 })}
        {type === "COMPANY" ? (
          <>
            {field("legalName", t("form.legalName"), { maxLength: 300 })}
            {field("taxId", t("form.taxId"), { maxLength: 20, inputMode: "numeric" })}
            {field("legalAddress", t("form.legalAddress"), { maxLength: 500 })}
            {field("website", t("form.website"), { type: "url", maxLength: 300 })}
          </>
        ) : null}
        {select(
          "region",
          t("form.region"),
          (["RU", "CIS", "WORLD"] as const).map((region) => ({ value: region, label: t(`regions.${region}`) })),
        )}
        {field("country", t("form.country"), { maxLength: 2, pattern: "[A-Za-z]{2}" })}
        {select(
          "locale",
          t("form.locale"),
          (["ru", "en"] as const).map((locale) => ({ value: locale, label: t(`form.locales.${locale}`) })),
          false,
        )}
        {field("source", t("form.source"), { maxLength: 100 })}
        <label className="flex flex-col gap-1 text-sm sm:col-span-2">
          <span className="text-slate-600">{t("form.tags")}</span>
          <input name="tags" defaultValue={value("tags", initial.fields.tags ?? "")} className={control} data-testid="field-tags" maxLength={2000} />
          <span className="text-xs text-slate-500">{t("form.tagsHint")}</span>
          {error("tags")}
        </label>
        {select(
          "segmentId",
          t("form.segment"),
          segments.map((segment) => ({ value: segment.id, label: segment.name })),
        )}
        {select(
          "responsibleId",
          t("form.responsible"),
          employees.map((employee) => ({ value: employee.id, label: employee.name })),
        )}
        <label className="flex flex-col gap-1 text-sm sm:col-span-2">
          <span className="text-slate-600">{t("form.notes")}</span>
          <textarea name="notes" defaultValue={value("notes", initial.fields.notes ?? "")} rows={3} maxLength={5000} className="input" data-testid="field-notes" />
          {error("notes")}
        </label>
      </section>

      <section className="card grid gap-6 lg:grid-cols-2">
        {rowsLabel("phones", t("form.phones"), t("form.addPhone"), (key, row, position) => (
          <>
            {rowField("phones", key, row, "phone", t("form.phone"), { type: "tel", maxLength: 40 })}
            {rowField("phones", key, row, "label", t("form.label"), { maxLength: 50, size: 10 })}
            {radio("primaryPhone", key, position, initial.primaryPhone, t("form.primary"))}
            {removeButton("phones", key)}
          </>
        ))}
        {rowsLabel("emails", t("form.emails"), t("form.addEmail"), (key, row, position) => (
          <>
            {rowField("emails", key, row, "email", t("form.email"), { type: "email", maxLength: 254 })}
            {rowField("emails", key, row, "label", t("form.label"), { maxLength: 50, size: 10 })}
            {radio("primaryEmail", key, position, initial.primaryEmail, t("form.primary"))}
            {removeButton("emails", key)}
          </>
        ))}
      </section>

      <section className="card">
        {rowsLabel("addresses", t("form.addresses"), t("form.addAddress"), (key, row, position) => (
          <>
            {row.id ? <input type="hidden" name={`addresses.${key}.id`} value={row.id} /> : null}
            {rowField("addresses", key, row, "country", t("form.country"), { maxLength: 2, size: 3 })}
            {rowField("addresses", key, row, "postcode", t("form.postcode"), { maxLength: 20, size: 8 })}
            {rowField("addresses", key, row, "province", t("form.province"), { maxLength: 100 })}
            {rowField("addresses", key, row, "city", t("form.city"), { maxLength: 100 })}
            {rowField("addresses", key, row, "street", t("form.street"), { maxLength: 200 })}
            {rowField("addresses", key, row, "house", t("form.house"), { maxLength: 50, size: 6 })}
            {rowField("addresses", key, row, "flat", t("form.flat"), { maxLength: 50, size: 6 })}
            {rowField("addresses", key, row, "label", t("form.label"), { maxLength: 50, size: 10 })}
            {radio("defaultAddress", key, position, initial.defaultAddress, t("form.default"))}
            {removeButton("addresses", key)}
          </>
        ))}
      </section>

      {type === "COMPANY" || lists.contactPersons.rows.length ? (
        <section className="card">
          {rowsLabel("contactPersons", t("form.contactPersons"), t("form.addContactPerson"), (key, row) => (
            <>
              {row.id ? <input type="hidden" name={`contactPersons.${key}.id`} value={row.id} /> : null}
              {rowField("contactPersons", key, row, "name", t("form.personName"), { maxLength: 200 })}
              {rowField("contactPersons", key, row, "position", t("form.position"), { maxLength: 100 })}
              {rowField("contactPersons", key, row, "role", t("form.role"), { maxLength: 100 })}
              {rowField("contactPersons", key, row, "phone", t("form.phone"), { type: "tel", maxLength: 40 })}
              {rowField("contactPersons", key, row, "email", t("form.email"), { type: "email", maxLength: 254 })}
              {rowField("contactPersons", key, row, "notes", t("form.personNotes"), { maxLength: 2000 })}
              {removeButton("contactPersons", key)}
            </>
          ))}
        </section>
      ) : null}

      <div className="flex gap-3">
        <button type="submit" disabled={pending} className={primaryButton} data-testid="save-customer">
          {initial.id ? t("form.save") : t("form.create")}
        </button>
        <Link href={initial.id ? `/admin/customers/${initial.id}` : "/admin/customers"} className={secondaryButton}>
          {t("form.cancel")}
        </Link>
      </div>
    </form>
  );
}
