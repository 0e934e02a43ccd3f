// The guard of every deals page: staff of the deals section with the CRM ability, else the sign-in
// page (anonymous) or the 403 page. Returns the actor in the shape the domain takes.
import { requireCrmPage } from "../crm-page-guard";

export async function requireDealsPage(path: string, ability: "manageDeals" | "configureCrm" = "manageDeals") {
  const actor = await requireCrmPage("deals", path, ability);
  return { id: actor.id, role: actor.role };
}
