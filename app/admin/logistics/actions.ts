"use server";
// Server Actions of the logistics section. Each one: authorise (the logistics section's roles:
// LOGISTICS, MANAGER, OWNER), parse the form with zod, call the domain operation, revalidate;
// failures come back as localised messages per row or order, never as a 500.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { BulkState, TrackingImportState, TrackingRowView } from "@/components/admin/logistics/logistics-states";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { OrderStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { actionError } from "@/lib/forms/action-error";
import { actionSuccess, type ActionState } from "@/lib/forms/action-state";
import { closeShippingBatch } from "@/lib/logistics/batches/close-shipping-batch";
import { type BatchOrderProblem, createShippingBatch } from "@/lib/logistics/batches/create-shipping-batch";
import { MAX_BATCH_ORDERS } from "@/lib/logistics/batches/batch-rules";
import { updateBatchParcel } from "@/lib/logistics/batches/update-batch-parcel";
import { updatePostalTariff } from "@/lib/logistics/fees/update-postal-tariff";
import { assignTrackingNumbers, type TrackingRowResult } from "@/lib/logistics/tracking-numbers/assign-tracking-numbers";
import { MAX_TRACKING_ROWS, readCsvTrackingRows, readPastedTrackingRows, type TrackingRow } from "@/lib/logistics/tracking-numbers/read-tracking-rows";
import { requestParcelCheck } from "@/lib/logistics/tracking/request-parcel-check";
import { updateTrackingSettings } from "@/lib/logistics/tracking/update-tracking-settings";
import { parseMoneyInput } from "@/lib/money/parse-money-input";
import { bulkChangeOrderStatus } from "@/lib/orders/bulk-change-order-status";
import { describeReportedError } from "../orders/action-errors";

const NAMESPACE = "logistics.errors";
const ZId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/);
const MAX_CSV_BYTES = 2 * 1024 * 1024;

const staff = () => assertStaff(sectionRoles("logistics"));
const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};
const selectedIds = (formData: FormData) => [...new Set(formData.getAll("orderIds").map(String))];

function revalidateLogistics() {
  revalidatePath("/admin/logistics", "layout");
  revalidatePath("/admin/orders", "layout");
  revalidatePath("/admin");
}

async function failure(error: unknown): Promise<ActionState> {
  return actionError(error, { namespace: NAMESPACE, log: "logistics action" });
}

/** The queue's "move to": each order through changeOrderStatus (bulkChangeOrderStatus), refusals per order. */
export async function bulkMoveAction(_state: BulkState, formData: FormData): Promise<BulkState> {
  try {
    const actor = await staff();
    const t = await getTranslations("logistics.bulk");
    const ids = selectedIds(formData);
    if (ids.length === 0) return { status: "error", message: t("noneSelected") };
    if (ids.length > MAX_BATCH_ORDERS) return { status: "error", message: t("tooMany", { max: MAX_BATCH_ORDERS }) };
    const to = z.enum(OrderStatus).safeParse(field(formData, "to"));
    if (!to.success) return { status: "error", message: t("statusRequired") };
    const { results } = await bulkChangeOrderStatus({ orderIds: ids, to: to.data, actor: { type: "USER", id: actor.id, role: actor.role } });
    revalidateLogistics();
    const failures = await Promise.all(results.filter((result) => !result.ok).map(async (result) => ({ id: result.id, text: await describeReportedError(result.code, result.error) })));
    const tStatus = await getTranslations("orderStatus");
    return {
      status: failures.length === results.length ? "error" : "success",
      message: t("summary", { ok: results.length - failures.length, total: results.length, status: tStatus(to.data) }),
      failures,
    };
  } catch (error) {
    return failure(error);
  }
}

async function describeBatchProblems(problems: BatchOrderProblem[]) {
  const t = await getTranslations("logistics.batches");
  return problems.map((problem) => ({
    id: problem.orderId,
    text: t("problemOrder", { number: problem.orderNumber ?? "?", problem: t(`problems.${problem.problem}`, { batch: problem.batchNumber ?? "" }) }),
  }));
}

/** The queue's "make a batch": the selected orders into a new shipping batch, then its page. */
export async function createBatchAction(_state: BulkState, formData: FormData): Promise<BulkState> {
  let batchId: string;
  try {
    const actor = await staff();
    const ids = selectedIds(formData);
    if (ids.length === 0) return { status: "error", message: (await getTranslations("logistics.bulk"))("noneSelected") };
    const shipDate = field(formData, "shipDate") || undefined;
    const result = await createShippingBatch({ orderIds: ids, shipDate, actor: { id: actor.id, role: actor.role } });
    if (!result.ok) return { status: "error", message: (await getTranslations("logistics.batches"))("problemsTitle"), failures: await describeBatchProblems(result.problems) };
    batchId = result.batchId;
    revalidateLogistics();
  } catch (error) {
    return failure(error);
  }
  redirect(`/admin/logistics/batches/${batchId}`);
}

/** Rubles typed in a form ("390", "390,50") as kopecks; NaN for anything else, which the domain schema refuses with its message. */
const kopecksField = (formData: FormData, name: string) => parseMoneyInput(field(formData, name) ?? "", 2) ?? Number.NaN;

/**
 * A parcel's fee as typed: unchanged when it is what the page showed (so a recomputed fee keeps
 * following the tariff), null (back to the tariff) when emptied, else the kopecks typed over it.
 */
function feeField(formData: FormData, name: string): number | null | undefined {
  const typed = field(formData, name);
  if (typed === undefined || typed.trim() === (field(formData, `${name}Shown`) ?? "").trim()) return undefined;
  return typed.trim() === "" ? null : kopecksField(formData, name);
}

export async function updateBatchParcelAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const actor = await staff();
    const remove = field(formData, "intent") === "remove";
    const weight = field(formData, "weightGrams");
    const declared = field(formData, "declaredValue");
    const { batchId } = await updateBatchParcel({
      entryId: ZId.parse(field(formData, "entryId")),
      remove,
      // The declared value is typed in rubles (two decimals at most): kopecks here.
      weightGrams: remove || weight === undefined ? undefined : Number(weight.replace(/\s/g, "")),
      // "12.345" or "1e3" is refused (the field's error), never rounded.
      declaredValue: remove || declared === undefined ? undefined : kopecksField(formData, "declaredValue"),
      postageFee: remove ? undefined : feeField(formData, "postageFee"),
      declaredValueFee: remove ? undefined : feeField(formData, "declaredValueFee"),
      actor: { id: actor.id, role: actor.role },
    });
    revalidatePath(`/admin/logistics/batches/${batchId}`);
    return actionSuccess((await getTranslations("logistics.batches"))("saved"));
  } catch (error) {
    return actionError(error, { namespace: NAMESPACE, formData, log: "batch parcel" });
  }
}

export async function closeBatchAction(_state: BulkState, formData: FormData): Promise<BulkState> {
  try {
    const actor = await staff();
    const batchId = ZId.parse(field(formData, "batchId"));
    const result = await closeShippingBatch({ batchId, actor: { id: actor.id, role: actor.role } });
    const t = await getTranslations("logistics.batches");
    if (!result.ok) return { status: "error", message: t("closeProblems"), failures: await describeBatchProblems(result.problems) };
    revalidatePath(`/admin/logistics/batches/${batchId}`);
    revalidatePath("/admin/logistics/batches");
    return { status: "success", message: t("closed") };
  } catch (error) {
    return failure(error);
  }
}

async function describeRows(rows: TrackingRowResult[], applied: boolean): Promise<TrackingRowView[]> {
  const [t, tErrors] = await Promise.all([getTranslations("logistics.tracking"), getTranslations("logistics.trackingErrors")]);
  return rows.map((row) => {
    let result: string;
    if (row.problem) {
      const other = row.other === undefined ? "" : row.problem === "usedByOtherOrder" ? ` ${t("otherOrder", { number: row.other })}` : ` ${t("otherLine", { line: row.other })}`;
      result = `${tErrors(row.problem)}${other}`;
    } else if (applied) result = row.ships ? t("shipped") : t("saved");
    else result = row.ships ? t("willShip") : t("ok");
    return { line: row.line, order: row.order, trackingNumber: row.trackingNumber, orderId: row.orderId, ok: !row.problem, result };
  });
}

/**
 * The tracking-number list (pasted or a CSV file): "check" only validates; "apply" saves when
 * every row is valid; "applyValid" saves the valid rows and leaves the listed bad ones out — the
 * user's explicit choice. Never half-applied silently.
 */
export async function trackingNumbersAction(_state: TrackingImportState, formData: FormData): Promise<TrackingImportState> {
  const text = (field(formData, "text") ?? "").slice(0, 200_000);
  try {
    const actor = await staff();
    const t = await getTranslations("logistics.tracking");
    const intent = field(formData, "intent") ?? "check";
    const file = formData.get("file");
    let rows: TrackingRow[];
    if (file instanceof File && file.size > 0) {
      if (file.size > MAX_CSV_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The file is too large");
      rows = readCsvTrackingRows(new Uint8Array(await file.arrayBuffer()));
    } else rows = readPastedTrackingRows(text);
    if (rows.length === 0) return { status: "error", message: t("noRows"), text };
    if (rows.length > MAX_TRACKING_ROWS) return { status: "error", message: t("tooMany", { max: MAX_TRACKING_ROWS }), text };

    const apply = intent === "apply" || intent === "applyValid";
    const result = await assignTrackingNumbers({
      rows,
      actor: { type: "USER", id: actor.id, role: actor.role },
      apply,
      mode: intent === "applyValid" ? "validRows" : "allOrNothing",
      source: file instanceof File && file.size > 0 ? "csv" : "paste",
    });
    const applied = result.applied > 0;
    if (applied) revalidateLogistics();
    const message = applied
      ? t("applied", { applied: result.applied, shipped: result.shipped })
      : apply && result.invalid > 0
        ? t("nothingApplied")
        : t("summary", { valid: result.valid, invalid: result.invalid });
    return {
      status: result.invalid > 0 && !applied ? "error" : "success",
      message,
      rows: await describeRows(result.rows, applied),
      valid: result.valid,
      invalid: result.invalid,
      applied,
      // The CSV's rows as text, so the user can fix them here and save.
      text: applied && result.invalid === 0 ? "" : file instanceof File && file.size > 0 ? rows.map((row) => `${row.order} ${row.trackingNumber}`).join("\n") : text,
    };
  } catch (error) {
    if (error instanceof AppError && error.fieldErrors?.file) {
      const t = await getTranslations();
      const key = error.fieldErrors.file[0] ?? "";
      return { status: "error", message: t.has(key as never) ? t(key as never) : (await failure(error)).message, text };
    }
    return { ...(await failure(error)), text };
  }
}

/** The order page's "check now": the parcel made due and a poll queued for it alone. */
export async function checkParcelAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const actor = await staff();
    const orderId = ZId.parse(field(formData, "orderId"));
    await requestParcelCheck({ orderId, actor: { id: actor.id, role: actor.role } });
    return actionSuccess((await getTranslations("logistics.parcel"))("checkQueued"));
  } catch (error) {
    return failure(error);
  }
}

const ZSettingsForm = z.object({
  enabled: z.boolean(),
  login: z.string(),
  password: z.string().optional(),
  clearPassword: z.boolean(),
  dailyQuota: z.number(),
  checkIntervalHours: z.number(),
});

/** Owner only (the carrier account's credentials); the password is write-only. */
export async function saveTrackingSettingsAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const actor = await assertStaff(["OWNER"]);
    const input = ZSettingsForm.parse({
      enabled: formData.get("enabled") === "on",
      login: field(formData, "login") ?? "",
      password: field(formData, "password") || undefined,
      clearPassword: formData.get("clearPassword") === "on",
      dailyQuota: Number(field(formData, "dailyQuota") || NaN),
      checkIntervalHours: Number(field(formData, "checkIntervalHours") || NaN),
    });
    await updateTrackingSettings({ ...input, actor: { id: actor.id, role: "OWNER" } });
    revalidatePath("/admin/logistics/settings");
    return actionSuccess((await getTranslations("logistics.settings"))("saved"));
  } catch (error) {
    // Never hand the password back to the form.
    const values = Object.fromEntries([...formData.entries()].filter(([key, value]) => key !== "password" && typeof value === "string")) as Record<string, string>;
    return actionError(error, { namespace: NAMESPACE, values, log: "tracking settings" });
  }
}

/** Owner only, like the tracking settings: the postal tariff the batches' fees are computed from ("remove" clears it). */
export async function savePostalTariffAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const actor = await assertStaff(["OWNER"]);
    const remove = field(formData, "intent") === "remove";
    const { openParcelsUpdated } = await updatePostalTariff({
      tariff: remove
        ? null
        : {
            firstStepPostage: kopecksField(formData, "firstStepPostage"),
            extraStepPostage: kopecksField(formData, "extraStepPostage"),
            stepGrams: Number(field(formData, "stepGrams")?.replace(/\s/g, "") || Number.NaN),
            // A percentage with at most two decimals is a whole number of basis points: "4" → 400, "3,5" → 350.
            declaredValueRateBp: parseMoneyInput(field(formData, "declaredValueRate") ?? "", 2) ?? Number.NaN,
            parcelSurcharge: field(formData, "parcelSurcharge")?.trim() ? kopecksField(formData, "parcelSurcharge") : 0,
          },
      actor: { id: actor.id, role: "OWNER" },
    });
    revalidatePath("/admin/logistics", "layout");
    const t = await getTranslations("logistics.fees");
    return actionSuccess(`${t(remove ? "removed" : "saved")} ${t("openParcelsUpdated", { count: openParcelsUpdated })}`);
  } catch (error) {
    return actionError(error, { namespace: NAMESPACE, formData, log: "postal tariff" });
  }
}
