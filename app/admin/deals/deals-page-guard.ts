// The guard of every deals page: staff of the deals section with the CRM ability, else the sign-in
// page (anonymous) or the 403 page. Returns the actor in the shape the domain takes.
import { forbidden } from "next/navigation";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { canCrm } from "@/lib/crm/crm-access";

export async function requireDealsPage(path: string, ability: "manageDeals" | "configureCrm" = "manageDeals") {
  const actor = await requireStaffPage(sectionRoles("deals"), path);
  if (!canCrm(actor.role, ability)) forbidden();
  return { id: actor.id, role: actor.role };
}
