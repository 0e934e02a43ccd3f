// The lists whose filters can be saved as named views, with the canonicaliser of each list's URL
// query (validates it: nothing invalid is ever stored) and the ability needed to use the list.
// A list of another CRM area joins by adding its line here.
import { canCrm, type CrmAbility } from "@/lib/crm/crm-access";
import { canonicalCustomerQuery } from "@/lib/crm/customers/customer-query";
import type { Role } from "@/lib/db/generated/enums";

export const VIEW_LISTS = {
  customers: { ability: "viewCustomers", canonical: canonicalCustomerQuery, shareAbility: "editCustomers" },
} as const satisfies Record<string, { ability: CrmAbility; canonical: (raw: Record<string, unknown>) => Record<string, string>; shareAbility: CrmAbility }>;

export type ViewList = keyof typeof VIEW_LISTS;
export const VIEW_LIST_NAMES = Object.keys(VIEW_LISTS) as [ViewList, ...ViewList[]];

export const canUseViewList = (role: Role, list: ViewList) => canCrm(role, VIEW_LISTS[list].ability);
/** Shared views are seen by everyone using the list: only who may edit its records shares one. */
export const canShareView = (role: Role, list: ViewList) => canCrm(role, VIEW_LISTS[list].shareAbility);
