import { describe, expect, it } from "vitest";
import { isDisposableEmail, isReservedLogin, ZPartnerEmail, ZPartnerLogin } from "./partner-login";

describe("partner login rules", () => {
  it.each<[string, string]>([
    ["alpha", "alpha"],
    ["Alpha_42", "alpha_42"],
    ["  bob  ", "bob"],
    ["abc", "abc"],
    ["a".repeat(32), "a".repeat(32)],
    ["shop_owner", "shop_owner"],
  ])("accepts %j as %j", (input, login) => {
    expect(ZPartnerLogin.parse(input)).toBe(login);
  });

  it.each<[unknown, string]>([
    ["ab", "partnerJoin.errors.loginLength"],
    ["a".repeat(33), "partnerJoin.errors.loginLength"],
    ["", "partnerJoin.errors.loginLength"],
    ["1abc", "partnerJoin.errors.loginInvalid"],
    ["_abc", "partnerJoin.errors.loginInvalid"],
    ["al pha", "partnerJoin.errors.loginInvalid"],
    ["al-pha", "partnerJoin.errors.loginInvalid"],
    ["alpha.beta", "partnerJoin.errors.loginInvalid"],
    ["альфа", "partnerJoin.errors.loginInvalid"],
    ["alpha/../x", "partnerJoin.errors.loginInvalid"],
    ["admin", "partnerJoin.errors.loginReserved"],
    ["ADMIN", "partnerJoin.errors.loginReserved"],
    ["api", "partnerJoin.errors.loginReserved"],
    ["r", "partnerJoin.errors.loginLength"],
    [42, "partnerJoin.errors.loginInvalid"],
    [null, "partnerJoin.errors.loginInvalid"],
  ])("refuses %j", (input, message) => {
    const result = ZPartnerLogin.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it.each(["r", "api", "partner", "partners", "Admin"])("%j is reserved", (login) => {
    expect(isReservedLogin(login)).toBe(true);
  });
});

describe("partner email rules", () => {
  it("lowercases and trims", () => {
    expect(ZPartnerEmail.parse("  Anna@Example.COM ")).toBe("anna@example.com");
  });

  it.each(["anna@mailinator.com", "x@10minutemail.com", "x@GuerrillaMail.com", "x@inbox.mailinator.com", "x@yopmail.com"])("%j is disposable", (email) => {
    expect(isDisposableEmail(email)).toBe(true);
    expect(ZPartnerEmail.safeParse(email).error?.issues[0]?.message).toBe("partnerJoin.errors.emailDisposable");
  });

  it.each(["anna@gmail.com", "anna@notmailinator.com", "anna@mailinator.com.example.org"])("%j is not disposable", (email) => {
    expect(isDisposableEmail(email)).toBe(false);
  });

  it.each(["", "anna", "anna@", "@example.com", "anna@@example.com", `${"a".repeat(250)}@example.com`])("refuses malformed %j", (email) => {
    expect(ZPartnerEmail.safeParse(email).error?.issues[0]?.message).toBe("partnerJoin.errors.emailInvalid");
  });
});
