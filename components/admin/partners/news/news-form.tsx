"use client";
// Create or edit a partner news item: title and plain-text body (shown to partners as written,
// paragraphs kept). Field errors come back from the server as i18n keys.
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { control, primaryButton } from "@/components/ui/styles";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";

export function NewsForm(props: {
  action: (state: ActionState<{ title: string; body: string }>, formData: FormData) => Promise<ActionState<{ title: string; body: string }>>;
  news?: { id: string; title: string; body: string };
}) {
  const { action, news } = props;
  const t = useTranslations("partnerNews");
  const tRoot = useTranslations();
  const id = useId();
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const values = state.status === "error" ? state.values : undefined;
  const errors = (state.status === "error" ? state.fieldErrors : undefined) ?? {};
  const translate = (key: string) => (tRoot.has(key) ? tRoot(key) : t("errors.VALIDATION"));

  return (
    <form action={formAction} className="card max-w-3xl space-y-4" data-testid="news-form" noValidate>
      {news ? <input type="hidden" name="id" value={news.id} /> : null}
      <div>
        <label htmlFor={`${id}-title`} className="mb-1 block text-sm font-medium text-slate-700">
          {t("fields.title")}
        </label>
        <input
          id={`${id}-title`}
          name="title"
          defaultValue={values?.title ?? news?.title ?? ""}
          maxLength={201}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? `${id}-title-error` : undefined}
          className={`${control} w-full`}
        />
        {errors.title ? (
          <p id={`${id}-title-error`} role="alert" className="mt-1 text-xs text-red-700">
            {translate(errors.title)}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor={`${id}-body`} className="mb-1 block text-sm font-medium text-slate-700">
          {t("fields.body")}
        </label>
        <textarea
          id={`${id}-body`}
          name="body"
          rows={10}
          defaultValue={values?.body ?? news?.body ?? ""}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={errors.body ? `${id}-body-error` : undefined}
          className="block w-full rounded-md border border-slate-300 bg-white px-2.5 py-2 text-sm shadow-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none"
        />
        {errors.body ? (
          <p id={`${id}-body-error`} role="alert" className="mt-1 text-xs text-red-700">
            {translate(errors.body)}
          </p>
        ) : null}
      </div>
      {state.status === "error" && !errors.title && !errors.body ? (
        <p role="alert" className="text-sm text-red-700">
          {translate(state.message ?? "")}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
