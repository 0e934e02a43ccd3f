/** What an order form's Server Action answers: a localised message, and per-field messages. */
export interface ActionState {
  status: "idle" | "success" | "error";
  message?: string;
  /** Localised message per form field name. */
  fieldErrors?: Record<string, string>;
}

export const initialActionState: ActionState = { status: "idle" };
