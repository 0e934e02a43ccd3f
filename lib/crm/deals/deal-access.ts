// The staff check of every deals operation: the actor must be able to open the deals section
// (ADMIN_SECTIONS) and hold the CRM ability (lib/crm/crm-access), re-checked here so that a page
// or action that forgot its guard still cannot read or write.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { assertCrm } from "@/lib/crm/crm-access";

export type { TSectionActor };

/** Work on deals (board, table, card, create, move). */
export function assertDealsActor(actor: TSectionActor, ability: "manageDeals" | "configureCrm" = "manageDeals") {
  const checked = assertSectionActor(actor, "deals");
  assertCrm(checked, ability);
  return checked;
}

/** The deal history report (CRM reports section). */
export function assertDealReportActor(actor: TSectionActor) {
  const checked = assertSectionActor(actor, "crmReports");
  assertCrm(checked, "viewReports");
  return checked;
}
