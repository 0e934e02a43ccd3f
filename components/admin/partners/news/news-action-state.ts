// The news editor's action state. Errors are i18n keys; the form translates them.
export type NewsActionState =
  | { status: "idle" }
  | { status: "success" }
  | { status: "error"; message: string; fieldErrors: Record<string, string>; values?: { title: string; body: string } };

export const initialNewsActionState: NewsActionState = { status: "idle" };
