"use client";
// Create / edit a deal. The stage list follows the chosen pipeline; the customer is found by a
// search (companies and persons) and brings its contact persons; the loss reason is asked for
// when the lost stage is chosen. The server re-checks everything (lib/crm/deals/save-deal).
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState, useTransition } from "react";
import { control, primaryButton, secondaryButton } from "@/components/ui/styles";
import type { DealCustomerOption, DealFormOptions } from "@/lib/crm/deals/deal-form-options";
import { initialActionState, typedOr, type ActionState } from "@/lib/forms/action-state";

export interface DealFormValues {
  title: string;
  pipelineId: string;
  stageId: string;
  customer: DealCustomerOption | null;
  contactPersonId: string;
  responsibleId: string;
  orderNumber: string;
  budget: string;
  currency: string;
  expectedCloseAt: string;
  probability: string;
  tags: string;
  notes: string;
}

interface Props {
  mode: "create" | "edit";
  dealId?: string;
  options: DealFormOptions;
  values: DealFormValues;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  searchCustomers: (query: string) => Promise<DealCustomerOption[]>;
}

export function DealForm({ mode, dealId, options, values, action, searchCustomers }: Props) {
  const t = useTranslations("crmDeals.form");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const [pipelineId, setPipelineId] = useState(typedOr(state, "pipelineId", values.pipelineId));
  const pipeline = options.pipelines.find((row) => row.id === pipelineId) ?? options.pipelines[0];
  const [stageId, setStageId] = useState(typedOr(state, "stageId", values.stageId));
  const stage = pipeline?.stages.find((row) => row.id === stageId) ?? pipeline?.stages[0];
  const [customer, setCustomer] = useState<DealCustomerOption | null>(values.customer);
  const error = (name: string) => state.fieldErrors?.[name];
  const field = (name: keyof DealFormValues & string, fallback: string) => typedOr(state, name, fallback);

  return (
    <form action={formAction} className="grid max-w-3xl gap-4" noValidate data-testid="deal-form">
      {dealId ? <input type="hidden" name="dealId" value={dealId} /> : null}
      {state.message ? (
        <p
          role={state.status === "error" ? "alert" : "status"}
          className={`rounded-md px-3 py-2 text-sm ${state.status === "error" ? "bg-red-50 text-red-800" : "bg-green-50 text-green-800"}`}
        >
          {state.message}
        </p>
      ) : null}
      <Field label={t("title")} error={error("title")}>
        <input name="title" required maxLength={200} defaultValue={field("title", values.title)} className={`${control} w-full`} aria-invalid={!!error("title")} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("pipeline")} error={error("pipelineId")}>
          <select
            name="pipelineId"
            value={pipeline?.id ?? ""}
            onChange={(event) => {
              setPipelineId(event.target.value);
              setStageId(options.pipelines.find((row) => row.id === event.target.value)?.stages[0]?.id ?? "");
            }}
            className={`${control} w-full`}
          >
            {options.pipelines.map((row) => (
              <option key={row.id} value={row.id}>
                {row.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("stage")} error={error("stageId")}>
          <select name="stageId" value={stage?.id ?? ""} onChange={(event) => setStageId(event.target.value)} className={`${control} w-full`} aria-invalid={!!error("stageId")}>
            {pipeline?.stages.map((row) => (
              <option key={row.id} value={row.id}>
                {row.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {stage?.kind === "LOST" ? (
        <Field label={t("lostReason")} error={error("lostReason")}>
          <textarea
            name="lostReason"
            rows={2}
            maxLength={500}
            defaultValue={field("lostReason" as keyof DealFormValues, "")}
            className={`${control} h-auto w-full py-2`}
            aria-invalid={!!error("lostReason")}
          />
        </Field>
      ) : null}
      <CustomerPicker customer={customer} onChange={setCustomer} search={searchCustomers} error={error("customerId")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("contact")} error={error("contactPersonId")}>
          <select
            name="contactPersonId"
            defaultValue={field("contactPersonId", values.contactPersonId)}
            key={customer?.id ?? "none"}
            className={`${control} w-full`}
            aria-invalid={!!error("contactPersonId")}
          >
            <option value="">{t("contactNone")}</option>
            {customer?.contacts.map((contact) => (
              <option key={contact.id} value={contact.id}>
                {contact.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("responsible")} error={error("responsibleId")}>
          <select name="responsibleId" defaultValue={field("responsibleId", values.responsibleId)} className={`${control} w-full`}>
            <option value="">{t("nobody")}</option>
            {options.employees.map((employee) => (
              <option key={employee.id} value={employee.id}>
                {employee.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-4">
        <Field label={t("budget")} error={error("budget")} className="sm:col-span-2">
          <input name="budget" inputMode="decimal" maxLength={32} defaultValue={field("budget", values.budget)} className={`${control} w-full`} aria-invalid={!!error("budget")} />
        </Field>
        <Field label={t("currency")} error={error("currency")}>
          <select name="currency" defaultValue={field("currency", values.currency)} className={`${control} w-full`}>
            {options.currencies.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("probability")} error={error("probability")}>
          <input
            name="probability"
            type="number"
            min={0}
            max={100}
            step={1}
            defaultValue={field("probability", values.probability)}
            className={`${control} w-full`}
            aria-invalid={!!error("probability")}
          />
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t("expectedCloseAt")} error={error("expectedCloseAt")}>
          <input name="expectedCloseAt" type="date" defaultValue={field("expectedCloseAt", values.expectedCloseAt)} className={`${control} w-full`} />
        </Field>
        <Field label={t("tags")} hint={t("tagsHint")} error={error("tags")}>
          <input name="tags" maxLength={500} defaultValue={field("tags", values.tags)} className={`${control} w-full`} />
        </Field>
        <Field label={t("orderNumber")} error={error("orderNumber")}>
          <input
            name="orderNumber"
            inputMode="numeric"
            maxLength={9}
            defaultValue={field("orderNumber", values.orderNumber)}
            className={`${control} w-full`}
            aria-invalid={!!error("orderNumber")}
          />
        </Field>
      </div>
      <Field label={t("notes")} error={error("notes")}>
        <textarea name="notes" rows={4} maxLength={5000} defaultValue={field("notes", values.notes)} className={`${control} h-auto w-full py-2`} />
      </Field>
      <div>
        <button type="submit" disabled={pending} className={primaryButton}>
          {mode === "create" ? t("create") : t("save")}
        </button>
      </div>
    </form>
  );
}

function Field({ label, hint, error, className = "", children }: { label: string; hint?: string; error?: string; className?: string; children: React.ReactNode }) {
  return (
    <label className={`flex flex-col gap-1 text-sm font-medium text-slate-700 ${className}`}>
      {label}
      {children}
      {hint ? <span className="text-xs font-normal text-slate-500">{hint}</span> : null}
      {error ? <span className="text-xs font-normal text-red-700">{error}</span> : null}
    </label>
  );
}

function CustomerPicker({
  customer,
  onChange,
  search,
  error,
}: {
  customer: DealCustomerOption | null;
  onChange: (customer: DealCustomerOption | null) => void;
  search: (query: string) => Promise<DealCustomerOption[]>;
  error?: string;
}) {
  const t = useTranslations("crmDeals.form");
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<DealCustomerOption[] | null>(null);
  const [, startSearch] = useTransition();

  useEffect(() => {
    if (query.trim().length < 2) return;
    const timer = setTimeout(() => startSearch(async () => setResults(await search(query.trim()))), 250);
    return () => clearTimeout(timer);
  }, [query, search]);

  return (
    <fieldset className="flex flex-col gap-1 text-sm">
      <legend className="mb-1 font-medium text-slate-700">{t("customer")}</legend>
      <input type="hidden" name="customerId" value={customer?.id ?? ""} />
      {customer ? (
        <div className="flex items-center gap-3" data-testid="deal-customer">
          <span className="font-medium">{customer.name}</span>
          <span className="text-xs text-slate-500">{customer.type === "COMPANY" ? t("company") : t("person")}</span>
          <button type="button" className={secondaryButton} onClick={() => onChange(null)}>
            {t("customerClear")}
          </button>
        </div>
      ) : (
        <div className="relative">
          <input
            type="search"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              if (event.target.value.trim().length < 2) setResults(null);
            }}
            placeholder={t("customerSearch")}
            aria-label={t("customerSearch")}
            maxLength={100}
            className={`${control} w-full`}
          />
          {results ? (
            <ul className="absolute z-10 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-200 bg-white shadow-lg" role="listbox" aria-label={t("customer")}>
              {results.length ? (
                results.map((option) => (
                  <li key={option.id} role="option" aria-selected={false}>
                    <button
                      type="button"
                      className="flex w-full justify-between px-3 py-2 text-left hover:bg-slate-50"
                      onClick={() => {
                        onChange(option);
                        setResults(null);
                        setQuery("");
                      }}
                    >
                      <span>{option.name}</span>
                      <span className="text-xs text-slate-500">{option.type === "COMPANY" ? t("company") : t("person")}</span>
                    </button>
                  </li>
                ))
              ) : (
                <li className="px-3 py-2 text-slate-500">{t("customerNoMatch")}</li>
              )}
            </ul>
          ) : null}
        </div>
      )}
      {error ? <span className="text-xs text-red-700">{error}</span> : null}
    </fieldset>
  );
}
