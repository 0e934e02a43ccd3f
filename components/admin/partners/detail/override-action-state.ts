/** The outcome of the override form or a delete button, for the client component that sent it. */
export interface OverrideActionState {
  status: "idle" | "success" | "error";
  message?: string;
  /** Translated errors by field name (productId, level, kind, value). */
  fieldErrors?: Record<string, string>;
  /** What was typed, so a refused form keeps it. */
  values?: Record<string, string>;
}

export const initialOverrideActionState: OverrideActionState = { status: "idle" };
