// Which roles may open each admin section. The navigation and every page guard read this one
// table, so a link is never shown for a page that would answer 403. OWNER may open everything.
import type { Role } from "@/lib/db/generated/enums";

export const ADMIN_SECTIONS = {
  home: { href: "/admin", roles: ["MANAGER", "OPERATOR", "LOGISTICS", "ACCOUNTANT"] },
  orders: { href: "/admin/orders", roles: ["MANAGER", "OPERATOR", "LOGISTICS"] },
  products: { href: "/admin/products", roles: ["MANAGER"] },
  logistics: { href: "/admin/logistics", roles: ["MANAGER", "LOGISTICS"] },
  advertising: { href: "/admin/advertising", roles: ["MANAGER"] },
  customers: { href: "/admin/customers", roles: ["MANAGER", "OPERATOR"] },
  tasks: { href: "/admin/tasks", roles: ["MANAGER", "OPERATOR"] },
  deals: { href: "/admin/deals", roles: ["MANAGER"] },
  crmReports: { href: "/admin/crm-reports", roles: ["MANAGER"] },
  partners: { href: "/admin/partners", roles: ["MANAGER"] },
  clicks: { href: "/admin/clicks", roles: ["MANAGER"] },
  payouts: { href: "/admin/payouts", roles: ["MANAGER", "ACCOUNTANT"] },
  finance: { href: "/admin/finance", roles: ["ACCOUNTANT"] },
  mailings: { href: "/admin/mailings", roles: ["MANAGER"] },
  mail: { href: "/admin/mail", roles: ["MANAGER", "OPERATOR"] },
  settings: { href: "/admin/settings", roles: [] },
  help: { href: "/admin/help", roles: ["MANAGER", "OPERATOR", "LOGISTICS", "ACCOUNTANT"] },
} as const satisfies Record<string, { href: string; roles: readonly Role[] }>;

export type AdminSection = keyof typeof ADMIN_SECTIONS;

export function canOpenSection(role: Role, section: AdminSection) {
  return role === "OWNER" || (ADMIN_SECTIONS[section].roles as readonly Role[]).includes(role);
}

/** The roles (besides OWNER) for a section, for requireStaffPage / assertStaff. */
export const sectionRoles = (section: AdminSection): readonly Role[] => (ADMIN_SECTIONS[section].roles.length ? ADMIN_SECTIONS[section].roles : ["OWNER"]);
