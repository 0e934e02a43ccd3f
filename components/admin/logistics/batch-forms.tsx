"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";
import { primaryButton, secondaryButton, smallControl } from "@/components/ui/styles";
import { initialBulkState, type BulkState } from "./logistics-states";

/**
 * One parcel row's weight, declared value and postal fees (rubles), saved or removed from the open
 * batch. A fee left as shown keeps following the tariff (or keeps its override); a fee typed over
 * is an override; an emptied fee goes back to the tariff.
 */
export function BatchParcelForm({
  action,
  entryId,
  weightGrams,
  declaredRubles,
  postageRubles,
  declaredValueFeeRubles,
  postageOverridden,
  declaredValueFeeOverridden,
  orderNumber,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  entryId: string;
  weightGrams: number;
  declaredRubles: string;
  /** "" when no fee is known. */
  postageRubles: string;
  declaredValueFeeRubles: string;
  postageOverridden: boolean;
  declaredValueFeeOverridden: boolean;
  orderNumber: number;
}) {
  const t = useTranslations("logistics.batches");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-1.5" data-testid="batch-parcel-form">
      <input type="hidden" name="entryId" value={entryId} />
      <input
        name="weightGrams"
        inputMode="numeric"
        aria-label={`${t("columns.weight")} #${orderNumber}`}
        defaultValue={String(weightGrams)}
        className={`${smallControl} w-20 text-right tabular-nums`}
        aria-invalid={state.status === "error" ? true : undefined}
      />
      <input
        name="declaredValue"
        inputMode="decimal"
        aria-label={`${t("columns.declaredValue")} #${orderNumber}`}
        defaultValue={declaredRubles}
        className={`${smallControl} w-24 text-right tabular-nums`}
      />
      <FeeInput name="postageFee" label={`${t("columns.postageFee")} #${orderNumber}`} shown={postageRubles} overridden={postageOverridden} hint={t("feeOverridden")} />
      <FeeInput
        name="declaredValueFee"
        label={`${t("columns.declaredValueFee")} #${orderNumber}`}
        shown={declaredValueFeeRubles}
        overridden={declaredValueFeeOverridden}
        hint={t("feeOverridden")}
      />
      <button type="submit" name="intent" value="save" className={`${secondaryButton} h-8 px-2`} disabled={pending}>
        {t("save")}
      </button>
      <button type="submit" name="intent" value="remove" className={`${secondaryButton} h-8 px-2 text-red-700`} disabled={pending}>
        {t("remove")}
      </button>
      {state.status !== "idle" ? (
        <span role={state.status === "error" ? "alert" : "status"} className={`text-xs ${state.status === "error" ? "text-red-700" : "text-emerald-700"}`}>
          {state.fieldErrors ? Object.values(state.fieldErrors)[0] : state.message}
        </span>
      ) : null}
    </form>
  );
}

/** A fee field with what the page showed beside it (the action tells an edit from an untouched field), marked when typed over the tariff. */
function FeeInput({ name, label, shown, overridden, hint }: { name: string; label: string; shown: string; overridden: boolean; hint: string }) {
  return (
    <>
      <input type="hidden" name={`${name}Shown`} value={shown} />
      <input
        name={name}
        inputMode="decimal"
        aria-label={label}
        defaultValue={shown}
        placeholder="—"
        title={overridden ? hint : undefined}
        data-overridden={overridden ? "true" : undefined}
        className={`${smallControl} w-20 text-right tabular-nums ${overridden ? "border-amber-400 bg-amber-50" : ""}`}
      />
    </>
  );
}

/** "Handed to the post office": closes the batch, or lists the parcels still without a tracking number. */
export function CloseBatchForm({ action, batchId }: { action: (state: BulkState, formData: FormData) => Promise<BulkState>; batchId: string }) {
  const t = useTranslations("logistics.batches");
  const [state, formAction, pending] = useActionState(action, initialBulkState);
  return (
    <form action={formAction} className="flex flex-col gap-2" data-testid="close-batch-form">
      <input type="hidden" name="batchId" value={batchId} />
      <button type="submit" className={primaryButton} disabled={pending}>
        {t("close")}
      </button>
      {state.status !== "idle" ? (
        <div
          role={state.status === "error" ? "alert" : "status"}
          className={`rounded-md px-3 py-2 text-sm ${state.status === "error" ? "bg-red-50 text-red-800" : "bg-emerald-50 text-emerald-900"}`}
        >
          <p>{state.message}</p>
          {state.failures?.length ? (
            <ul className="mt-1 list-inside list-disc">
              {state.failures.map((failure) => (
                <li key={failure.id}>{failure.text}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
