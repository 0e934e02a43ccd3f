// What a form's Server Action answers, shared by the action and the client component that shows
// it (useActionState). Safe to import from client components: no server-only code here (the error
// mapping is lib/forms/action-error.ts).

/** The form's fields as typed (repeated names, like checkboxes, as lists). */
export type FormValues = Record<string, string | string[]>;

export interface ActionState<V = FormValues> {
  status: "idle" | "success" | "error";
  /** Localised (or, for forms that translate on the client, an i18n key). */
  message?: string;
  /** A message per form field name, for the invalid fields only. */
  fieldErrors?: Record<string, string>;
  /** What was typed, handed back with an error: React resets a form after its action, and the fields would otherwise lose the input the error is about. */
  values?: V;
}

export const initialActionState: ActionState<never> = { status: "idle" };

export function actionSuccess(message?: string): ActionState<never> {
  return message === undefined ? { status: "success" } : { status: "success", message };
}

/** The form's text fields as typed (repeated names as lists, each value cut to `max`), without React's own entries. */
export function formValues(formData: FormData, max = 500): FormValues {
  const values: FormValues = {};
  for (const name of new Set(formData.keys())) {
    if (name.startsWith("$ACTION")) continue;
    const all = formData
      .getAll(name)
      .filter((value): value is string => typeof value === "string")
      .map((value) => value.slice(0, max));
    values[name] = all.length === 1 ? all[0]! : all;
  }
  return values;
}

/** The typed value of a field after a refused save, else the stored one. */
export function typedOr(state: ActionState, name: string, stored: string): string {
  const value = state.status === "error" ? state.values?.[name] : undefined;
  return typeof value === "string" ? value : stored;
}

/** Whether a checkbox was ticked in a refused save, else whether it is stored as on. */
export function tickedOr(state: ActionState, name: string, value: string, stored: boolean): boolean {
  if (state.status !== "error" || !state.values) return stored;
  const typed = state.values[name];
  return Array.isArray(typed) ? typed.includes(value) : typed === value;
}
