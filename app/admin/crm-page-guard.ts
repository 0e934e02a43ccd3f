// The guard of every CRM page: staff of the page's admin section with the CRM ability, else the
// sign-in page (anonymous) or the 403 page.
import { forbidden } from "next/navigation";
import { requireStaffPage, type StaffActor } from "@/lib/auth/guard";
import { sectionRoles, type AdminSection } from "@/lib/auth/permissions";
import { canCrm, type CrmAbility } from "@/lib/crm/crm-access";

export async function requireCrmPage(section: AdminSection, path: string, ability: CrmAbility): Promise<StaffActor> {
  const staff = await requireStaffPage(sectionRoles(section), path);
  if (!canCrm(staff.role, ability)) forbidden();
  return staff;
}
