// The promo material editor's action state. Errors are i18n keys; the form translates them.
export type MaterialActionState =
  | { status: "idle" }
  | { status: "success" }
  | { status: "error"; message: string; fieldErrors: Record<string, string>; values?: Record<string, string> };

export const initialMaterialActionState: MaterialActionState = { status: "idle" };
