"use client";
// The mailing editor: name, audience (customers by RFM segment, ABC class, tag, region, product
// and order status — combinable — or the active partners), the Russian and English subject and
// Markdown body, and the sending speed. Posts to saveMailingAction; after a refusal the typed
// values stay and each field shows its error.
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { primaryButton } from "@/components/ui/styles";
import { initialActionState, typedOr, type ActionState } from "@/lib/forms/action-state";

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

export interface MailingEditorValues {
  id?: string;
  name: string;
  audienceKind: "customers" | "partners";
  rfmSegment: string;
  abcClass: string;
  tag: string;
  region: string;
  productId: string;
  orderStatus: string;
  subject: string;
  body: string;
  subjectEn: string;
  bodyEn: string;
  ratePerSecond: number;
  maxConsecutiveFailures: number;
}

export interface AudienceOptions {
  rfmSegments: string[];
  tags: string[];
  products: { id: string; name: string }[];
  regions: { value: string; label: string }[];
  orderStatuses: { value: string; label: string }[];
}

export function MailingEditor({ action, values, options }: { action: FormAction; values: MailingEditorValues; options: AudienceOptions }) {
  const t = useTranslations("mailings");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const [kind, setKind] = useState(typedOr(state, "audienceKind", values.audienceKind));
  const value = (name: keyof MailingEditorValues) => typedOr(state, name, String(values[name] ?? ""));
  const error = (name: string) =>
    state.fieldErrors?.[name] ? (
      <span className="text-xs text-red-700" data-testid={`error-${name}`}>
        {state.fieldErrors[name]}
      </span>
    ) : null;
  const select = (name: keyof MailingEditorValues, label: string, choices: { value: string; label: string }[]) => (
    <label className="flex flex-col gap-1 text-sm">
      {label}
      <select name={name} className="input" defaultValue={value(name)} data-testid={`mailing-${name}`}>
        <option value="">{t("editor.any")}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      {error(name)}
    </label>
  );

  return (
    <form action={formAction} className="grid gap-5" data-testid="mailing-editor">
      {values.id ? <input type="hidden" name="mailingId" value={values.id} /> : null}
      <label className="flex flex-col gap-1 text-sm">
        {t("editor.name")}
        <input name="name" required maxLength={200} className="input" defaultValue={value("name")} data-testid="mailing-name" />
        {error("name")}
      </label>

      <fieldset className="grid gap-3 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-medium">{t("editor.audience")}</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {(["customers", "partners"] as const).map((option) => (
            <label key={option} className="flex items-center gap-2">
              <input type="radio" name="audienceKind" value={option} checked={kind === option} onChange={() => setKind(option)} data-testid={`audience-${option}`} />
              {t(`editor.audienceKinds.${option}`)}
            </label>
          ))}
        </div>
        {kind === "customers" ? (
          <div className="grid gap-3 sm:grid-cols-3">
            {select(
              "rfmSegment",
              t("editor.rfmSegment"),
              options.rfmSegments.map((name) => ({ value: name, label: name })),
            )}
            {select(
              "abcClass",
              t("editor.abcClass"),
              ["A", "B", "C"].map((name) => ({ value: name, label: name })),
            )}
            <label className="flex flex-col gap-1 text-sm">
              {t("editor.tag")}
              <input name="tag" maxLength={64} className="input" list="mailing-tags" defaultValue={value("tag")} data-testid="mailing-tag" />
              <datalist id="mailing-tags">
                {options.tags.map((tag) => (
                  <option key={tag} value={tag} />
                ))}
              </datalist>
              {error("tag")}
            </label>
            {select("region", t("editor.region"), options.regions)}
            {select(
              "productId",
              t("editor.product"),
              options.products.map((product) => ({ value: product.id, label: product.name })),
            )}
            {select("orderStatus", t("editor.orderStatus"), options.orderStatuses)}
            <p className="text-xs text-slate-500 sm:col-span-3">{t("editor.audienceHint")}</p>
          </div>
        ) : (
          <p className="text-sm text-slate-600">{t("editor.partnersHint")}</p>
        )}
        {error("audience")}
      </fieldset>

      <div className="grid gap-4 lg:grid-cols-2">
        {(
          [
            ["subject", "body", "ru"],
            ["subjectEn", "bodyEn", "en"],
          ] as const
        ).map(([subject, body, locale]) => (
          <fieldset key={locale} className="grid gap-3 rounded-md border border-slate-200 p-4">
            <legend className="px-1 text-sm font-medium">{t(`editor.content.${locale}`)}</legend>
            <label className="flex flex-col gap-1 text-sm">
              {t("editor.subject")}
              <input name={subject} maxLength={200} required={locale === "ru"} className="input" defaultValue={value(subject)} data-testid={`mailing-${subject}`} />
              {error(subject)}
            </label>
            <label className="flex flex-col gap-1 text-sm">
              {t("editor.body")}
              <textarea name={body} rows={10} maxLength={50_000} required={locale === "ru"} className="input font-mono text-sm" defaultValue={value(body)} data-testid={`mailing-${body}`} />
              {error(body)}
            </label>
          </fieldset>
        ))}
      </div>
      <p className="-mt-2 text-xs text-slate-500">{t("editor.markdownHint")}</p>

      <div className="grid gap-3 sm:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm">
          {t("editor.rate")}
          <input type="number" name="ratePerSecond" min={1} max={1000} required className="input" defaultValue={value("ratePerSecond")} />
          {error("ratePerSecond")}
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("editor.maxFailures")}
          <input type="number" name="maxConsecutiveFailures" min={1} max={10000} required className="input" defaultValue={value("maxConsecutiveFailures")} />
          {error("maxConsecutiveFailures")}
        </label>
      </div>

      <FormMessage state={state} testId="mailing-editor-message" />
      <div>
        <button type="submit" className={primaryButton} disabled={pending} data-testid="mailing-save">
          {values.id ? t("editor.save") : t("editor.create")}
        </button>
      </div>
    </form>
  );
}
