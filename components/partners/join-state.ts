/** What the registration form shows after a refused submit (a success redirects instead). */
export interface JoinFormState {
  status: "idle" | "error";
  message?: string;
  /** Translated, first message per field. */
  fieldErrors?: Record<string, string>;
  /** The text fields as typed, so a refusal keeps them. */
  values?: Record<string, string>;
}

export const initialJoinState: JoinFormState = { status: "idle" };
