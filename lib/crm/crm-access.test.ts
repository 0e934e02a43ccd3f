import { describe, expect, it } from "vitest";
import { assertCanWorkOn, assertCrm, canCrm, CRM_ABILITIES, type CrmAbility } from "./crm-access";

const abilities = Object.keys(CRM_ABILITIES) as CrmAbility[];

describe("CRM abilities", () => {
  it("OWNER and MANAGER may do everything", () => {
    for (const ability of abilities) {
      expect(canCrm("OWNER", ability)).toBe(true);
      expect(canCrm("MANAGER", ability)).toBe(true);
    }
  });

  it("LOGISTICS and ACCOUNTANT have no CRM", () => {
    for (const ability of abilities) {
      expect(canCrm("LOGISTICS", ability)).toBe(false);
      expect(canCrm("ACCOUNTANT", ability)).toBe(false);
    }
  });

  it("OPERATOR sees customers and works on orders, but edits, merges, imports and deals are refused", () => {
    expect(canCrm("OPERATOR", "viewCustomers")).toBe(true);
    expect(canCrm("OPERATOR", "logInteractions")).toBe(true);
    expect(canCrm("OPERATOR", "manageTasks")).toBe(true);
    for (const ability of ["editCustomers", "mergeCustomers", "importCustomers", "exportCustomers", "manageDeals", "configureCrm", "viewReports"] as const) {
      expect(() => assertCrm({ role: "OPERATOR" }, ability)).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    }
  });

  it("an OPERATOR's interaction or task needs an order; a MANAGER's does not", () => {
    expect(() => assertCanWorkOn({ role: "OPERATOR" }, "logInteractions", {})).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => assertCanWorkOn({ role: "OPERATOR" }, "manageTasks", { orderId: "o1" })).not.toThrow();
    expect(() => assertCanWorkOn({ role: "MANAGER" }, "logInteractions", {})).not.toThrow();
    // Deals are MANAGER's: an order id beside a deal id does not open one to an operator.
    expect(() => assertCanWorkOn({ role: "OPERATOR" }, "logInteractions", { orderId: "o1", dealId: "d1" })).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => assertCanWorkOn({ role: "MANAGER" }, "manageTasks", { orderId: "o1", dealId: "d1" })).not.toThrow();
  });
});
