/** The outcome of an approve / ban / unban button, for its form. */
export interface PartnerStatusActionState {
  status: "idle" | "success" | "error";
  message?: string;
}

export const initialPartnerStatusState: PartnerStatusActionState = { status: "idle" };
