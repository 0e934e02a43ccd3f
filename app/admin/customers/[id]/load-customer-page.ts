// The guard every customer-card page shares: the staff session with the CRM ability, the card (a
// missing one is a 404) and, for a card merged into another, a redirect to the survivor's page.
import { notFound, redirect } from "next/navigation";
import { type CrmAbility } from "@/lib/crm/crm-access";
import { getCustomerOrThrow, type CustomerCardResult } from "@/lib/crm/customers/get-customer";
import { AppError } from "@/lib/errors";
import { requireCrmPage } from "../../crm-page-guard";

/**
 * `subpath` is the page below the card ("" for the card itself, "/edit", "/history"); `input` is
 * what getCustomerOrThrow takes besides the id.
 */
export async function loadCustomerPage(id: string, { subpath, ability, input = {} }: { subpath: string; ability: CrmAbility; input?: Omit<Parameters<typeof getCustomerOrThrow>[0], "id"> }) {
  const staff = await requireCrmPage("customers", `/admin/customers/${encodeURIComponent(id)}${subpath}`, ability);
  const actor = { id: staff.id, role: staff.role };
  let card: CustomerCardResult;
  try {
    card = await getCustomerOrThrow({ ...input, id }, actor);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  if (card.kind === "merged") redirect(`/admin/customers/${card.survivorId}${subpath}`);
  return { staff, actor, card };
}
