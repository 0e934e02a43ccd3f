"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { control, primaryButton, secondaryButton, smallControl } from "@/components/ui/styles";
import type { CheckoutFieldType } from "@/lib/db/generated/enums";
import type { ActionState } from "@/lib/forms/action-state";
import { FieldError } from "./field";
import { useKeptFormAction } from "./use-kept-form-action";

export interface EditableFormField {
  type: CheckoutFieldType;
  key: string;
  label: string | null;
  placeholder: string | null;
  isRequired: boolean;
  validator: string | null;
  mask: string | null;
  options: string[];
}

interface Props {
  productId: string;
  /** The product's rows, or the default form when it has none (`usingDefault`). */
  fields: EditableFormField[];
  usingDefault: boolean;
  /** The default form, shown again when the form is reset. */
  defaultFields: EditableFormField[];
  /** Value key of each standard field type (lib/checkout DEFAULT_FIELD_KEYS). */
  defaultKeys: Record<Exclude<CheckoutFieldType, "CUSTOM">, string>;
  maxCustom: number;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}

interface Row extends Omit<EditableFormField, "options"> {
  id: string;
  /** One option per line, as typed. */
  options: string;
}

let counter = 0;
const toRow = (field: EditableFormField): Row => ({ ...field, id: `field-${++counter}`, options: field.options.join("\n") });

/** The checkout form constructor: add, remove and reorder the fields of a product's form. */
export function FormFieldsEditor({ productId, fields, usingDefault, defaultFields, defaultKeys, maxCustom, action }: Props) {
  const t = useTranslations("products.form");
  const tField = useTranslations("checkoutFields");
  const { state, onSubmit, pending } = useKeptFormAction(action);
  const [rows, setRows] = useState<Row[]>(() => fields.map(toRow));
  const [newType, setNewType] = useState<CheckoutFieldType>("CUSTOM");
  const error = (index: number, name: string) => state.fieldErrors?.[`${index}.${name}`];

  const usedTypes = new Set(rows.map((row) => row.type));
  const customCount = rows.filter((row) => row.type === "CUSTOM").length;
  const addable = (Object.keys(defaultKeys) as CheckoutFieldType[]).filter((type) => !usedTypes.has(type)).concat(customCount < maxCustom ? ["CUSTOM"] : []);

  const update = (id: string, patch: Partial<Row>) => setRows((current) => current.map((row) => (row.id === id ? { ...row, ...patch } : row)));
  const move = (index: number, by: number) =>
    setRows((current) => {
      const next = [...current];
      const [row] = next.splice(index, 1);
      next.splice(index + by, 0, row!);
      return next;
    });
  const add = () => {
    const type = addable.includes(newType) ? newType : addable[0];
    if (!type) return;
    let key: string = type === "CUSTOM" ? "" : defaultKeys[type];
    if (type === "CUSTOM") for (let n = 1; !key || rows.some((row) => row.key === key); n++) key = `custom${n}`;
    setRows((current) => [...current, toRow({ type, key, label: null, placeholder: null, isRequired: false, validator: null, mask: null, options: [] })]);
  };

  const payload = JSON.stringify(
    rows.map((row) => ({
      type: row.type,
      key: row.key,
      label: row.label,
      placeholder: row.placeholder,
      isRequired: row.isRequired,
      validator: row.validator,
      mask: row.mask,
      options:
        row.type === "CUSTOM"
          ? row.options
              .split("\n")
              .map((option) => option.trim())
              .filter(Boolean)
          : [],
    })),
  );

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" data-testid="form-fields-editor">
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="fields" value={payload} />
      <p className="text-xs text-slate-500">{t("hint", { max: maxCustom })}</p>
      {usingDefault ? <p className="rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-600">{t("usingDefault")}</p> : null}
      <ol className="flex flex-col gap-2">
        {rows.map((row, index) => (
          <li key={row.id} className="rounded-md border border-slate-200 p-3" data-testid="form-field-row" data-key={row.key}>
            <div className="flex flex-wrap items-start gap-3">
              <span className="w-32 pt-5 text-sm font-medium">{row.type === "CUSTOM" ? t("customType") : tField(row.type)}</span>
              <label className="flex flex-col gap-1 text-xs text-slate-500">
                {t("key")}
                <input
                  value={row.key}
                  onChange={(event) => update(row.id, { key: event.target.value })}
                  className={`${smallControl} w-32 font-mono`}
                  aria-invalid={Boolean(error(index, "key"))}
                />
                <FieldError message={error(index, "key") ?? error(index, "type")} />
              </label>
              <label className="flex flex-col gap-1 text-xs text-slate-500">
                {t("label")}
                <input
                  value={row.label ?? ""}
                  onChange={(event) => update(row.id, { label: event.target.value })}
                  placeholder={row.type === "CUSTOM" ? "" : tField(row.type)}
                  className={`${smallControl} w-44`}
                />
                <FieldError message={error(index, "label")} />
              </label>
              <label className="flex flex-col gap-1 text-xs text-slate-500">
                {t("placeholder")}
                <input value={row.placeholder ?? ""} onChange={(event) => update(row.id, { placeholder: event.target.value })} className={`${smallControl} w-36`} />
              </label>
              <div className="ml-auto flex gap-1 pt-4">
                <button
                  type="button"
                  className={secondaryButton.replace("h-9", "h-8").replace("px-3.5", "px-2")}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                  aria-label={`${t("moveUp")}: ${row.key}`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className={secondaryButton.replace("h-9", "h-8").replace("px-3.5", "px-2")}
                  disabled={index === rows.length - 1}
                  onClick={() => move(index, 1)}
                  aria-label={`${t("moveDown")}: ${row.key}`}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className={secondaryButton.replace("h-9", "h-8").replace("px-3.5", "px-2")}
                  onClick={() => setRows((current) => current.filter((entry) => entry.id !== row.id))}
                  aria-label={`${t("remove")}: ${row.key}`}
                >
                  ✕
                </button>
              </div>
            </div>
            <div className="mt-2 flex flex-wrap items-start gap-3">
              <label className="flex w-32 items-center gap-1.5 pt-5 text-sm">
                <input type="checkbox" checked={row.isRequired} onChange={(event) => update(row.id, { isRequired: event.target.checked })} className="size-4 rounded border-slate-300" />
                {t("required")}
              </label>
              <label className="flex flex-col gap-1 text-xs text-slate-500">
                {t("validator")}
                <input
                  value={row.validator ?? ""}
                  onChange={(event) => update(row.id, { validator: event.target.value })}
                  className={`${smallControl} w-56 font-mono`}
                  aria-invalid={Boolean(error(index, "validator"))}
                />
                <FieldError message={error(index, "validator")} />
              </label>
              <label className="flex flex-col gap-1 text-xs text-slate-500">
                {t("mask")}
                <input value={row.mask ?? ""} onChange={(event) => update(row.id, { mask: event.target.value })} className={`${smallControl} w-44 font-mono`} />
              </label>
              {row.type === "CUSTOM" ? (
                <label className="flex flex-col gap-1 text-xs text-slate-500">
                  {t("options")}
                  <textarea value={row.options} onChange={(event) => update(row.id, { options: event.target.value })} rows={2} className={`${control} h-auto w-64 py-1`} />
                  <FieldError message={error(index, "options")} />
                </label>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-2">
        <select value={newType} onChange={(event) => setNewType(event.target.value as CheckoutFieldType)} aria-label={t("type")} className={`${control} w-56`}>
          {addable.map((type) => (
            <option key={type} value={type}>
              {type === "CUSTOM" ? t("customType") : tField(type)}
            </option>
          ))}
        </select>
        <button type="button" className={secondaryButton} onClick={add} disabled={addable.length === 0}>
          {t("add")}
        </button>
      </div>
      <FormMessage state={state} testId="form-fields-result" />
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="save" className={primaryButton} disabled={pending}>
          {t("save")}
        </button>
        <button type="submit" name="intent" value="reset" className={secondaryButton} disabled={pending} onClick={() => setRows(defaultFields.map(toRow))}>
          {t("reset")}
        </button>
      </div>
    </form>
  );
}
