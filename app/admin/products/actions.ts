"use server";
// Server Actions of the products section. Each one: authorise (assertStaff with the section's
// roles), parse the form with zod, call the lib/products operation, revalidate; failures come
// back as localised messages per field, never as a 500.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { actionError } from "@/lib/forms/action-error";
import type { ActionState } from "@/lib/forms/action-state";
import { addPinCodes } from "@/lib/products/add-pin-codes";
import { copyProduct } from "@/lib/products/copy-product";
import { createProduct } from "@/lib/products/create-product";
import { formFieldOfPath, parseProductForm } from "@/lib/products/parse-product-form";
import { removePinCodes } from "@/lib/products/remove-pin-codes";
import { setProductActive } from "@/lib/products/set-product-active";
import { setProductEmailTexts } from "@/lib/products/set-product-email-texts";
import { setProductFormFields } from "@/lib/products/set-product-form-fields";
import { updateProduct } from "@/lib/products/update-product";

/** Domain messages are i18n keys ("products.errors.slugTaken"); `fieldOf` maps a domain path ("fields.1.key") to the form's field name. */
const productError = (error: unknown, fieldOf = (path: string) => path) => actionError(error, { namespace: "products.errors", fieldOf, log: "product action" });

const ZProductId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/);

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

function revalidateProduct(productId?: string) {
  revalidatePath("/admin/products");
  if (productId) revalidatePath(`/admin/products/${productId}`);
  // The checkout pages are cached a few seconds (by slug or id, per locale and country): every
  // one is rendered anew on its next visit, so the shop sees its edit at once.
  revalidatePath("/checkout/[product]/[locale]/[countries]", "page");
}

async function currencyDigits() {
  const currencies = await db.currency.findMany({ select: { code: true, minorUnitDigits: true } });
  const digits = new Map(currencies.map((currency) => [currency.code.trim(), currency.minorUnitDigits]));
  return (code: string) => digits.get(code);
}

/** The editor's main form: create (no productId) or update. */
export async function saveProductAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  let createdId: string | null = null;
  try {
    const actor = await assertStaff(sectionRoles("products"));
    const productId = field(formData, "productId") ? ZProductId.parse(field(formData, "productId")) : null;
    const parsed = parseProductForm(formData, await currencyDigits());
    if (!parsed.ok) return await productError(new AppError("VALIDATION", "Some fields are invalid", { fieldErrors: parsed.fieldErrors }));
    const fieldOf = (path: string) => formFieldOfPath(path, parsed.input, parsed.tierRows);
    try {
      if (productId) {
        await updateProduct(productId, parsed.input, actor);
        revalidateProduct(productId);
        return { status: "success", message: (await getTranslations("products.editor"))("saved") };
      }
      createdId = (await createProduct({ product: parsed.input, isActive: parsed.isActive }, actor)).id;
      revalidateProduct();
    } catch (error) {
      return await productError(error, fieldOf);
    }
  } catch (error) {
    return productError(error);
  }
  // Outside the try: redirect() works by throwing.
  redirect(`/admin/products/${createdId}?created=1`);
}

/** The list's on/off toggle (also on the editor). */
export async function setProductActiveAction(productId: string, isActive: boolean): Promise<ActionState> {
  try {
    const actor = await assertStaff(sectionRoles("products"));
    await setProductActive({ productId: ZProductId.parse(productId), isActive: z.boolean().parse(isActive) }, actor);
    revalidateProduct(productId);
    return { status: "success" };
  } catch (error) {
    return productError(error);
  }
}

/** Copies a product and opens the copy's editor. */
export async function copyProductAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  let copyId: string;
  try {
    const actor = await assertStaff(sectionRoles("products"));
    copyId = (await copyProduct({ productId: ZProductId.parse(field(formData, "productId")) }, actor)).id;
    revalidateProduct();
  } catch (error) {
    return productError(error);
  }
  redirect(`/admin/products/${copyId}?copied=1`);
}

// Only the envelope is checked here: setProductFormFields validates each field with its own rules.
const ZFormFieldsPayload = z.array(z.record(z.string(), z.unknown())).max(60);

/** The form constructor: the fields arrive as JSON (their order is the form's). */
export async function saveFormFieldsAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const actor = await assertStaff(sectionRoles("products"));
    const productId = ZProductId.parse(field(formData, "productId"));
    const reset = field(formData, "intent") === "reset";
    let fields: unknown[] = [];
    if (!reset) {
      try {
        fields = ZFormFieldsPayload.parse(JSON.parse(field(formData, "fields") || "[]"));
      } catch {
        return { status: "error", message: (await getTranslations("products.errors"))("VALIDATION") };
      }
    }
    await setProductFormFields({ productId, fields: fields as never }, actor);
    revalidateProduct(productId);
    return { status: "success", message: (await getTranslations("products.form"))(reset ? "resetDone" : "saved") };
  } catch (error) {
    // "fields.3.key" → "3.key": the constructor marks the row's input.
    return productError(error, (path) => path.replace(/^fields\./, ""));
  }
}

export async function saveEmailTextsAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const names: string[] = [];
  try {
    const actor = await assertStaff(sectionRoles("products"));
    const productId = ZProductId.parse(field(formData, "productId"));
    const texts = formData.getAll("text").map((value) => {
      const id = String(value);
      names.push(id);
      const [template = "", locale = ""] = id.split(":");
      return { template: template as "order-confirm", locale: locale as "ru", subject: field(formData, `subject:${id}`), body: field(formData, `body:${id}`) };
    });
    await setProductEmailTexts({ productId, texts }, actor);
    revalidateProduct(productId);
    return { status: "success", message: (await getTranslations("products.emails"))("saved") };
  } catch (error) {
    // "texts.1.body" → "body:order-confirm:en"
    return productError(error, (path) => {
      const [, index, leaf] = path.split(".");
      return index !== undefined && names[Number(index)] ? `${leaf}:${names[Number(index)]}` : path;
    });
  }
}

export async function addPinCodesAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const actor = await assertStaff(sectionRoles("products"));
    const productId = ZProductId.parse(field(formData, "productId"));
    // The same paste box removes free codes when its "remove" button sent the form.
    if (field(formData, "intent") === "remove") {
      const removed = await removePinCodes({ productId, text: field(formData, "codes") }, actor);
      revalidateProduct(productId);
      return { status: "success", message: (await getTranslations("products.pins"))("removed", { ...removed }) };
    }
    const result = await addPinCodes({ productId, text: field(formData, "codes") }, actor);
    revalidateProduct(productId);
    return { status: "success", message: (await getTranslations("products.pins"))("added", { ...result }) };
  } catch (error) {
    return productError(error, () => "codes");
  }
}
