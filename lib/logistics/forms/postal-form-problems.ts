// What keeps an order off a form, checked for every order before anything is drawn, so a batch
// either prints whole or names each order and reason. Reasons are i18n keys
// (logisticsForms.problems.*), shown by the route and the admin pages.
import type { PostalForm, PostalFormOrder } from "./postal-form-order";

export const POSTAL_FORM_PROBLEMS = ["noRecipient", "noAddress", "postcodeInvalid", "notCod", "noTracking", "noWeight", "amountInvalid"] as const;
export type PostalFormProblem = (typeof POSTAL_FORM_PROBLEMS)[number];

const NEEDS: Record<PostalForm, readonly PostalFormProblem[]> = {
  f7p: ["noRecipient", "noAddress", "postcodeInvalid", "amountInvalid"],
  f116: ["noRecipient", "noAddress", "postcodeInvalid", "amountInvalid"],
  f112ep: ["noRecipient", "noAddress", "postcodeInvalid", "notCod", "amountInvalid"],
  f103: ["noRecipient", "noAddress", "postcodeInvalid", "noTracking", "noWeight", "amountInvalid"],
};

const isAmount = (value: number) => Number.isSafeInteger(value) && value >= 0;

const FAILS: Record<PostalFormProblem, (order: PostalFormOrder) => boolean> = {
  noRecipient: (order) => !order.recipientName?.trim(),
  noAddress: (order) => !order.address?.trim(),
  postcodeInvalid: (order) => !/^\d{6}$/.test(order.postcode ?? ""),
  notCod: (order) => !(order.codAmount > 0),
  noTracking: (order) => !order.trackingNumber?.trim(),
  noWeight: (order) => !(order.weightGrams !== null && Number.isSafeInteger(order.weightGrams) && order.weightGrams > 0),
  amountInvalid: (order) => !isAmount(order.declaredValue) || !isAmount(order.codAmount),
};

/** The reasons `order` cannot go on any of `forms`, each once, in a stable order. */
export function postalFormProblems(order: PostalFormOrder, forms: readonly PostalForm[]): PostalFormProblem[] {
  const needed = new Set(forms.flatMap((form) => NEEDS[form]));
  return POSTAL_FORM_PROBLEMS.filter((problem) => needed.has(problem) && FAILS[problem](order));
}
