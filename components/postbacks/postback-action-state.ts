// The state of the postback forms (the URL form and the replay buttons), shared by their Server
// Actions and the client components. Messages travel as i18n keys (the components translate
// them), so an action needs no request-bound translator.
export type PostbackActionState =
  | { status: "idle" }
  | { status: "success"; message: string }
  | { status: "error"; message: string; fieldErrors: Record<string, string>; values?: { postbackUrl: string } };

export const initialPostbackActionState: PostbackActionState = { status: "idle" };

/** Error codes the postback forms explain; anything else reads as INTERNAL. */
export const EXPLAINED_POSTBACK_ERRORS = new Set(["NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED", "VALIDATION", "CONFLICT"]);
