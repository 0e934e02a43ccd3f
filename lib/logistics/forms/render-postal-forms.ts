// Renders Russian Post forms for a set of orders as one PDF: for each order its f.7p, f.112EP
// and f.116 (in that order), then the batch's f.103 list. Every order is checked against every
// form first (postal-form-problems.ts), and the sender details against what the forms need, so a
// PDF is either whole or not made: the AppError names each order and reason.
//
// Used by GET /api/admin/logistics/forms and by shipping batches: keep the signature stable.
import { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";
import { getShopRequisites } from "@/lib/settings/get-shop-requisites";
import type { TShopRequisites } from "@/lib/settings/shop-requisites";
import { postalFormProblems } from "./postal-form-problems";
import { POSTAL_FORMS, type PostalBatch, type PostalForm, type PostalFormOrder } from "./postal-form-order";
import { drawF103 } from "./pdf/f103";
import { drawF112ep } from "./pdf/f112ep";
import { drawF116 } from "./pdf/f116";
import { drawF7p } from "./pdf/f7p";
import { Sheet } from "./pdf/sheet";

export const ZPostalForms = z
  .array(z.enum(POSTAL_FORMS, { error: "logisticsForms.problems.formUnknown" }))
  .min(1, { error: "logisticsForms.problems.noForms" })
  .transform((forms) => POSTAL_FORMS.filter((form) => forms.includes(form)));

export interface RenderPostalFormsInput {
  orders: PostalFormOrder[];
  forms: PostalForm[];
  /** f.103's list number and date; without it the list is numbered by the date and dated now. */
  batch?: PostalBatch;
  /** The sender; by default the shop's saved requisites. */
  sender?: TShopRequisites | null;
}

/** One PDF of the requested forms, or a VALIDATION AppError listing every order (`orders.<number>`) and what it lacks. */
export async function renderPostalForms(input: RenderPostalFormsInput): Promise<Buffer> {
  const forms = ZPostalForms.parse(input.forms);
  if (input.orders.length === 0) throw new AppError("VALIDATION", "Choose at least one order", { fieldErrors: { orders: ["logisticsForms.problems.noOrders"] } });
  const sender = input.sender === undefined ? await getShopRequisites() : input.sender;

  const fieldErrors: FieldErrors = {};
  // f.112EP is paid into the shop's account: without the requisites there is no payee.
  if (!sender && forms.some((form) => form !== "f103")) fieldErrors.requisites = ["logisticsForms.problems.requisitesMissing"];
  for (const order of input.orders) {
    const problems = postalFormProblems(order, forms);
    if (problems.length) fieldErrors[`orders.${order.orderNumber}`] = problems.map((problem) => `logisticsForms.problems.${problem}`);
  }
  if (Object.keys(fieldErrors).length) {
    const listed = Object.entries(fieldErrors)
      .map(([key, reasons]) => `${key}: ${reasons.map((reason) => reason.split(".").pop()).join(", ")}`)
      .join("; ");
    throw new AppError("VALIDATION", `These orders cannot be printed: ${listed}`, { fieldErrors });
  }

  const date = input.batch?.date ?? new Date();
  const batch = input.batch ?? { number: date.toISOString().slice(0, 10).replaceAll("-", ""), date };
  const sheet = new Sheet({ title: `Почтовые бланки: ${forms.join(", ")}` });
  for (const order of input.orders) {
    if (forms.includes("f7p")) drawF7p(sheet, order, sender);
    if (forms.includes("f112ep")) drawF112ep(sheet, order, sender!);
    if (forms.includes("f116")) drawF116(sheet, order, sender);
  }
  if (forms.includes("f103")) drawF103(sheet, input.orders, sender, batch);
  return sheet.toBuffer();
}
