"use client";
// Create or edit a promo material: title, kind, optional product, URL (banners, videos, files,
// landings) or text (TEXT), description, active. Errors come back as i18n keys.
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { control, primaryButton, secondaryButton } from "@/components/ui/styles";
import type { PromoMaterialKind } from "@/lib/db/generated/enums";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";

type Action = (state: ActionState<Record<string, string>>, formData: FormData) => Promise<ActionState<Record<string, string>>>;

export interface MaterialFormValues {
  id: string;
  title: string;
  kind: PromoMaterialKind;
  productId: string;
  description: string;
  url: string;
  content: string;
  isActive: boolean;
}

export function MaterialForm(props: { action: Action; kinds: PromoMaterialKind[]; products: { id: string; name: string }[]; material?: MaterialFormValues }) {
  const { action, kinds, products, material } = props;
  const t = useTranslations("promoMaterials");
  const tRoot = useTranslations();
  const id = useId();
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const sent = state.status === "error" ? state.values : undefined;
  const errors = (state.status === "error" ? state.fieldErrors : undefined) ?? {};
  const value = (name: keyof MaterialFormValues) => sent?.[name] ?? String(material?.[name] ?? "");
  const translate = (key: string) => (tRoot.has(key) ? tRoot(key) : t("errors.VALIDATION"));
  const fieldError = (name: string) =>
    errors[name] ? (
      <p id={`${id}-${name}-error`} role="alert" className="mt-1 text-xs text-red-700">
        {translate(errors[name])}
      </p>
    ) : null;
  const described = (name: string) => (errors[name] ? { "aria-invalid": true, "aria-describedby": `${id}-${name}-error` } : {});
  const label = (name: string, text: string) => (
    <label htmlFor={`${id}-${name}`} className="mb-1 block text-sm font-medium text-slate-700">
      {text}
    </label>
  );

  return (
    // Remount after a failed save so the fields show what was sent.
    <form key={state.status === "error" ? JSON.stringify(sent) : "form"} action={formAction} className="card max-w-3xl space-y-4" data-testid="material-form" noValidate>
      {material ? <input type="hidden" name="id" value={material.id} /> : null}
      <div>
        {label("title", t("fields.title"))}
        <input id={`${id}-title`} name="title" defaultValue={value("title")} maxLength={201} className={`${control} w-full`} {...described("title")} />
        {fieldError("title")}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          {label("kind", t("fields.kind"))}
          <select id={`${id}-kind`} name="kind" defaultValue={value("kind") || kinds[0]} className={`${control} w-full`} {...described("kind")}>
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </select>
          {fieldError("kind")}
        </div>
        <div>
          {label("productId", t("fields.product"))}
          <select id={`${id}-productId`} name="productId" defaultValue={value("productId")} className={`${control} w-full`} {...described("productId")}>
            <option value="">{t("wholeProgram")}</option>
            {products.map((product) => (
              <option key={product.id} value={product.id}>
                {product.name}
              </option>
            ))}
          </select>
          {fieldError("productId")}
        </div>
      </div>
      <div>
        {label("url", t("fields.url"))}
        <input id={`${id}-url`} name="url" type="url" defaultValue={value("url")} maxLength={2001} placeholder="https://" className={`${control} w-full`} {...described("url")} />
        <p className="mt-1 text-xs text-slate-500">{t("urlHint")}</p>
        {fieldError("url")}
      </div>
      <div>
        {label("content", t("fields.content"))}
        <textarea
          id={`${id}-content`}
          name="content"
          rows={5}
          defaultValue={value("content")}
          className="block w-full rounded-md border border-slate-300 bg-white px-2.5 py-2 text-sm shadow-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none"
          {...described("content")}
        />
        <p className="mt-1 text-xs text-slate-500">{t("contentHint")}</p>
        {fieldError("content")}
      </div>
      <div>
        {label("description", t("fields.description"))}
        <input id={`${id}-description`} name="description" defaultValue={value("description")} maxLength={2001} className={`${control} w-full`} {...described("description")} />
        {fieldError("description")}
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="isActive" defaultChecked={sent ? sent.isActive === "on" : (material?.isActive ?? true)} />
        {t("fields.isActive")}
      </label>
      {state.status === "error" && Object.keys(errors).length === 0 ? (
        <p role="alert" className="text-sm text-red-700">
          {translate(state.message ?? "")}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className={primaryButton}>
          {pending ? t("saving") : t("save")}
        </button>
      </div>
    </form>
  );
}

export function DeleteMaterialButton(props: { id: string; action: Action }) {
  const t = useTranslations("promoMaterials");
  const tRoot = useTranslations();
  const [state, formAction, pending] = useActionState(props.action, initialActionState);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(t("confirmDelete"))) event.preventDefault();
      }}
      className="text-right"
    >
      <input type="hidden" name="id" value={props.id} />
      <button type="submit" disabled={pending} className={`${secondaryButton} text-red-700`}>
        {t("delete")}
      </button>
      {state.status === "error" ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {state.message && tRoot.has(state.message) ? tRoot(state.message) : t("errors.INTERNAL")}
        </p>
      ) : null}
    </form>
  );
}
