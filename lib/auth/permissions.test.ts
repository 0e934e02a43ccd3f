import { describe, expect, it } from "vitest";
import { ADMIN_SECTIONS, canOpenSection, sectionRoles, type AdminSection } from "./permissions";
import { staffHasRole } from "./guard-roles";

const sections = Object.keys(ADMIN_SECTIONS) as AdminSection[];

describe("admin section permissions", () => {
  it("the owner opens every section", () => {
    for (const section of sections) expect(canOpenSection("OWNER", section)).toBe(true);
  });

  it.each([
    ["OPERATOR", "orders", true],
    ["OPERATOR", "payouts", false],
    ["OPERATOR", "settings", false],
    ["LOGISTICS", "logistics", true],
    ["LOGISTICS", "customers", false],
    ["ACCOUNTANT", "finance", true],
    ["ACCOUNTANT", "orders", false],
    ["MANAGER", "settings", false],
  ] as const)("%s → %s: %s", (role, section, allowed) => {
    expect(canOpenSection(role, section)).toBe(allowed);
  });

  it("page guards agree with the navigation for every role and section", () => {
    for (const role of ["OWNER", "MANAGER", "OPERATOR", "LOGISTICS", "ACCOUNTANT"] as const) {
      for (const section of sections) {
        const actor = { kind: "staff", id: "u", role, name: "n", email: "e", sessionVersion: 0 } as const;
        expect(staffHasRole(actor, sectionRoles(section)), `${role} ${section}`).toBe(canOpenSection(role, section));
      }
    }
  });
});
