import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { buildPostbackUrl, POSTBACK_MACROS, postbackMacroValues, type PostbackValues } from "./build-postback-url";

const values: PostbackValues = {
  orderId: "cm_order_1",
  clickId: 4217n,
  sub1: "tg",
  sub2: "post-42",
  sub3: null,
  sub4: null,
  sub5: "v",
  status: "CONFIRMED",
  payoutMinor: 40000, // 400.00 RUB
  payoutCurrency: "RUB",
  currency: "RUB",
  productId: "cm_product_1",
};

describe("buildPostbackUrl", () => {
  it("substitutes every documented macro", () => {
    const template = `https://t.example.com/pb?${POSTBACK_MACROS.map((name) => `${name}={${name}}`).join("&")}`;
    const url = new URL(buildPostbackUrl(template, values));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      order_id: "cm_order_1",
      click_id: "4217",
      sub1: "tg",
      sub2: "post-42",
      sub3: "",
      sub4: "",
      sub5: "v",
      status: "CONFIRMED",
      payout: "400.00",
      currency: "RUB",
      product_id: "cm_product_1",
    });
  });

  it("substitutes macros in the path and repeated macros", () => {
    expect(buildPostbackUrl("https://t.example.com/{order_id}/{status}?a={order_id}", values)).toBe("https://t.example.com/cm_order_1/CONFIRMED?a=cm_order_1");
  });

  it("URL-encodes values, so a sub-id cannot add or change parameters", () => {
    const url = buildPostbackUrl("https://t.example.com/pb?s={sub1}&status={status}", { ...values, sub1: "a&status=PAID #1/ü" });
    expect(url).toBe("https://t.example.com/pb?s=a%26status%3DPAID%20%231%2F%C3%BC&status=CONFIRMED");
    expect(new URL(url).searchParams.getAll("status")).toEqual(["CONFIRMED"]);
    expect(new URL(url).searchParams.get("s")).toBe("a&status=PAID #1/ü");
  });

  it("leaves unknown macros as they are (the partner sees the typo) and non-macro braces alone", () => {
    expect(buildPostbackUrl("https://t.example.com/pb?a={sub6}&b={Order_ID}&c={}&d={order_id}", values)).toBe("https://t.example.com/pb?a={sub6}&b={Order_ID}&c={}&d=cm_order_1");
  });

  it("does not let values introduce macros (one pass)", () => {
    expect(buildPostbackUrl("https://t.example.com/pb?a={sub1}&b={sub2}", { ...values, sub1: "{sub2}" })).toBe("https://t.example.com/pb?a=%7Bsub2%7D&b=post-42");
  });

  it("refuses a template that is not http(s)", () => {
    expect(() => buildPostbackUrl("ftp://t.example.com/{order_id}", values)).toThrow(AppError);
    expect(() => buildPostbackUrl("https://{sub1}/pb", values)).toThrow(AppError);
  });
});

describe("postbackMacroValues", () => {
  it.each([
    [{ payoutMinor: 40000, payoutCurrency: "RUB" }, "400.00"], // 400.00 RUB
    [{ payoutMinor: 5, payoutCurrency: "USD" }, "0.05"], // 0.05 USD
    [{ payoutMinor: 1500, payoutCurrency: "JPY" }, "1500"], // 1,500 JPY (no minor digits)
    [{ payoutMinor: 1234, payoutCurrency: "KWD" }, "1.234"], // 1.234 KWD (three digits)
    [{ payoutMinor: -2500, payoutCurrency: "EUR" }, "-25.00"], // a reversal
    [{ payoutMinor: null, payoutCurrency: "RUB" }, "0.00"], // no commission (yet)
    [{ payoutMinor: 0, payoutCurrency: "KZT" }, "0.00"],
  ])("formats the payout %j as %s", (payout, expected) => {
    expect(postbackMacroValues({ ...values, ...payout }).payout).toBe(expected);
  });

  it("trims padded currency codes and leaves missing values empty", () => {
    const macros = postbackMacroValues({ ...values, currency: "RUB", payoutCurrency: "RUB", clickId: null, sub1: null });
    expect(macros.currency).toBe("RUB");
    expect(macros.click_id).toBe("");
    expect(macros.sub1).toBe("");
  });
});
