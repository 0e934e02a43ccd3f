"use server";
// Server Actions of the order page. Each one: authorise, parse the form with zod, call the domain
// operation (which re-checks the transition table and the role), revalidate; failures come back
// as localised messages, never as a 500.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { OrderStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import type { ActionState } from "@/lib/forms/action-state";
import { changeOrderStatus, ORDER_CHANGED_MEANWHILE } from "@/lib/orders/change-order-status";
import { getOrderOrThrow } from "@/lib/orders/get-order";
import { updateOrderBeforeShipping } from "@/lib/orders/update-order-before-shipping";
import { setOrderTrackingNumber } from "@/lib/logistics/tracking-numbers/set-order-tracking-number";
import { parseTrackingNumber } from "@/lib/logistics/tracking-numbers/parse-tracking-number";
import { actionErrorState } from "../action-errors";

const ZOrderId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/);
const optionalText = (max: number) => z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), z.string().trim().max(max).optional());

const ZChangeStatusForm = z.object({
  orderId: ZOrderId,
  to: z.enum(OrderStatus),
  reason: optionalText(500),
  // Post tracking numbers are 13–14 characters; carriers' own codes stay well under 64.
  trackingNumber: optionalText(64),
});

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

function revalidateOrder(orderId: string) {
  revalidatePath(`/admin/orders/${orderId}`);
  revalidatePath("/admin/orders");
  revalidatePath("/admin");
}

export async function changeStatusAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const actor = await assertStaff(sectionRoles("orders"));
    const input = ZChangeStatusForm.parse({
      orderId: field(formData, "orderId"),
      to: field(formData, "to") || undefined,
      reason: field(formData, "reason"),
      trackingNumber: field(formData, "trackingNumber"),
    });
    // A tracking number given with the move passes the same check digits as everywhere else.
    const tracking = input.trackingNumber === undefined ? undefined : parseTrackingNumber(input.trackingNumber);
    if (tracking && !tracking.ok) return { status: "error", message: (await getTranslations("logistics.trackingErrors"))(tracking.problem) };
    const result = await changeOrderStatus({
      orderId: input.orderId,
      to: input.to,
      actor: { type: "USER", id: actor.id, role: actor.role },
      reason: input.reason,
      trackingNumber: tracking?.ok ? tracking.value : undefined,
    });
    revalidateOrder(input.orderId);
    const [t, tStatus] = await Promise.all([getTranslations("orders.status"), getTranslations("orderStatus")]);
    return {
      status: "success",
      message: result.changed ? t("changed", { from: tStatus(result.from), to: tStatus(result.status) }) : t("unchanged"),
    };
  } catch (error) {
    return actionErrorState(error);
  }
}

const ZTrackingForm = z.object({
  orderId: ZOrderId,
  /** The status the form was shown with: the number is saved only if the order still has it. */
  status: z.enum(OrderStatus),
  trackingNumber: z.string().trim().min(1).max(64),
});

/**
 * Saves a tracking number through the logistics rule (setOrderTrackingNumber: Russian Post check
 * digits, not on another order; a CONFIRMED order moves to SHIPPED through changeOrderStatus).
 * The status the page showed is checked, so a form left open while someone else moved the order
 * changes nothing.
 */
export async function saveTrackingNumberAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const actor = await assertStaff(sectionRoles("orders"));
    const input = ZTrackingForm.parse({ orderId: field(formData, "orderId"), status: field(formData, "status"), trackingNumber: field(formData, "trackingNumber") });
    await setOrderTrackingNumber({ orderId: input.orderId, expectedFrom: input.status, actor: { type: "USER", id: actor.id, role: actor.role }, trackingNumber: input.trackingNumber });
    revalidateOrder(input.orderId);
    revalidatePath("/admin/logistics", "layout");
    return { status: "success", message: (await getTranslations("orders.tracking"))("saved") };
  } catch (error) {
    const refused = error instanceof AppError ? error.fieldErrors?.trackingNumber?.[0] : undefined;
    if (refused) return { status: "error", message: (await getTranslations())(refused as never) };
    if (error instanceof AppError && error.code === "CONFLICT" && error.message === ORDER_CHANGED_MEANWHILE) {
      return { status: "error", message: (await getTranslations("orders.errors"))("CHANGED_MEANWHILE") };
    }
    return actionErrorState(error);
  }
}

const ZNotesForm = z.object({ orderId: ZOrderId, notes: z.string().max(5000) });

/** Internal notes go through updateOrderBeforeShipping: the one edit of an order, with its history note. */
export async function saveNotesAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const actor = await assertStaff(sectionRoles("orders"));
    const input = ZNotesForm.parse({ orderId: field(formData, "orderId"), notes: field(formData, "notes") ?? "" });
    await updateOrderBeforeShipping({ orderId: input.orderId, notes: input.notes.trim() || null, actor: { type: "USER", id: actor.id, role: actor.role } });
    revalidateOrder(input.orderId);
    return { status: "success", message: (await getTranslations("orders.notes"))("saved") };
  } catch (error) {
    return editErrorState(error, {});
  }
}

const ADDRESS_FIELDS = ["customerName", "phone", "email", "postcode", "province", "city", "street", "house", "flat"] as const;
const ZQuantity = z.coerce.number().int().min(1).max(99);

const ZEditForm = z.object({
  orderId: ZOrderId,
  lines: z.array(z.object({ itemId: ZOrderId, productId: ZOrderId, quantity: ZQuantity, remove: z.boolean() })).max(20),
  add: z.object({ productId: ZOrderId, quantity: ZQuantity }).optional(),
  address: z.object(Object.fromEntries(ADDRESS_FIELDS.map((name) => [name, z.string().max(300)])) as Record<(typeof ADDRESS_FIELDS)[number], z.ZodString>),
});

/**
 * Items, quantities and the address, before the order ships. Only what differs from the order
 * is sent, so an untouched section is not rewritten (nor noted in the history); the domain
 * re-prices the lines and re-quotes shipping.
 */
export async function updateOrderAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const formFieldOfItem: Record<number, string> = {};
  try {
    const actor = await assertStaff(sectionRoles("orders"));
    const itemIds = formData.getAll("itemId").map(String);
    const addProductId = field(formData, "addProductId");
    const input = ZEditForm.parse({
      orderId: field(formData, "orderId"),
      lines: itemIds.map((itemId) => ({
        itemId,
        productId: field(formData, `productId:${itemId}`),
        quantity: field(formData, `quantity:${itemId}`),
        remove: formData.get(`remove:${itemId}`) === "on",
      })),
      add: addProductId ? { productId: addProductId, quantity: field(formData, "addQuantity") || "1" } : undefined,
      address: Object.fromEntries(ADDRESS_FIELDS.map((name) => [name, field(formData, name) ?? ""])),
    });
    const order = await getOrderOrThrow(input.orderId);

    const kept = input.lines.filter((line) => !line.remove);
    const items = [
      ...kept.map((line) => ({ itemId: line.itemId, productId: line.productId, quantity: line.quantity })),
      ...(input.add ? [{ productId: input.add.productId, quantity: input.add.quantity }] : []),
    ];
    kept.forEach((line, index) => (formFieldOfItem[index] = `quantity:${line.itemId}`));
    if (input.add) formFieldOfItem[kept.length] = "addProductId";
    const itemsChanged = Boolean(input.add) || kept.length !== order.items.length || kept.some((line) => order.items.find((item) => item.id === line.itemId)?.quantity !== line.quantity);

    const address: Partial<Record<(typeof ADDRESS_FIELDS)[number], string | null>> = {};
    for (const name of ADDRESS_FIELDS) {
      const value = input.address[name].trim();
      if (value !== (order[name] ?? "")) address[name] = value || null;
    }
    const addressChanged = Object.keys(address).length > 0;
    if (!itemsChanged && !addressChanged) return { status: "success", message: (await getTranslations("orders.edit"))("nothingChanged") };

    await updateOrderBeforeShipping({
      orderId: input.orderId,
      ...(itemsChanged ? { items } : {}),
      ...(addressChanged ? { address } : {}),
      actor: { type: "USER", id: actor.id, role: actor.role },
    });
    revalidateOrder(input.orderId);
    return { status: "success", message: (await getTranslations("orders.edit"))("saved") };
  } catch (error) {
    return editErrorState(error, formFieldOfItem);
  }
}

/**
 * The domain reports field errors as message keys on its own paths ("items.0.quantity",
 * "address.phone"): they become the form's field names with the key translated.
 */
async function editErrorState(error: unknown, formFieldOfItem: Record<number, string>): Promise<ActionState> {
  if (error instanceof AppError && error.code === "CONFLICT") {
    return { status: "error", message: (await getTranslations("orders.edit"))("locked") };
  }
  if (!(error instanceof AppError) || !error.fieldErrors) return actionErrorState(error);
  return actionErrorState(error, (path) => {
    const [head, second] = path.split(".");
    return head === "items" ? (formFieldOfItem[Number(second)] ?? "items") : head === "address" ? (second ?? "address") : (head ?? "_");
  });
}
