// Who may do what in the CRM (issue 8). MANAGER and OWNER everything; OPERATOR sees customers
// and adds interactions and tasks on orders (the order-risk work of a call centre); LOGISTICS
// and ACCOUNTANT have no CRM. Pages and Server Actions call `assertCrm` with the ability they
// need before anything else; domain operations receive the checked actor.
import type { Role } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";

export const CRM_ABILITIES = {
  /** Open the customer list and cards, see the timeline and refusals. */
  viewCustomers: ["MANAGER", "OPERATOR"],
  /** Create and edit customers, contact persons, phones, emails, addresses. */
  editCustomers: ["MANAGER"],
  importCustomers: ["MANAGER"],
  exportCustomers: ["MANAGER"],
  mergeCustomers: ["MANAGER"],
  /** Log an interaction / create or complete a task. OPERATOR only on orders (see `canWorkOn`). */
  logInteractions: ["MANAGER", "OPERATOR"],
  manageTasks: ["MANAGER", "OPERATOR"],
  manageDeals: ["MANAGER"],
  /** Pipelines, stages, segment cut-offs and the RFM map. */
  configureCrm: ["MANAGER"],
  viewReports: ["MANAGER"],
} as const satisfies Record<string, readonly Role[]>;

export type CrmAbility = keyof typeof CRM_ABILITIES;

export function canCrm(role: Role, ability: CrmAbility): boolean {
  return role === "OWNER" || (CRM_ABILITIES[ability] as readonly Role[]).includes(role);
}

/** Throws FORBIDDEN unless the role has the ability. */
export function assertCrm(actor: { role: Role }, ability: CrmAbility): void {
  if (!canCrm(actor.role, ability)) throw new AppError("FORBIDDEN", `role ${actor.role} may not ${ability}`);
}

/**
 * OPERATOR logs interactions and tasks only on orders (an order id must be given, and no deal:
 * deals are MANAGER's, an order id beside one must not let an operator write onto it); MANAGER
 * and OWNER on any customer, order or deal.
 */
export function assertCanWorkOn(actor: { role: Role }, ability: "logInteractions" | "manageTasks", target: { orderId?: string | null; dealId?: string | null }): void {
  assertCrm(actor, ability);
  if (actor.role === "OPERATOR" && (!target.orderId || target.dealId)) throw new AppError("FORBIDDEN", `an operator may ${ability} only on an order`);
}
