import { describe, expect, it } from "vitest";
import { formFieldOfPath, parsePercentToBasisPoints, parseProductForm } from "./parse-product-form";

const digits = (currency: string) => ({ RUB: 2, USD: 2, JPY: 0 })[currency];

function form(values: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) for (const item of [value].flat()) data.append(name, item);
  return data;
}

const base = { name: "Watch", slug: "watch", type: "PHYSICAL", currency: "RUB", confirmationMode: "EMAIL_LINK", rewardTrigger: "APPROVAL" };

describe("parsePercentToBasisPoints", () => {
  it.each([
    ["12.5", 1250],
    ["12,5", 1250],
    ["0.01", 1],
    ["100", 10000],
    ["0", 0],
  ])("%s %% → %i bp", (input, expected) => expect(parsePercentToBasisPoints(input)).toBe(expected));

  it.each(["0.001", "-1", "abc", "1e3", ""])("refuses %s", (input) => expect(parsePercentToBasisPoints(input)).toBeNull());
});

describe("parseProductForm", () => {
  it("turns human amounts into minor units and percentages into basis points exactly", () => {
    const parsed = parseProductForm(
      form({
        ...base,
        "price.RU": "2 100,00",
        "compareAt.RU": "2500",
        "price.CIS": "0.29",
        baseCost: "700.10",
        "tier.region": ["RU", "RU"],
        "tier.minQuantity": ["3", ""],
        "tier.unitPrice": ["1 800", ""],
        "commission.kind": ["FIXED", "PERCENT"],
        "commission.value": ["400", "2.5"],
        stockTracked: "on",
        stock: "120",
        codAllowed: "on",
        codCountries: ["RU", "KZ"],
      }),
      digits,
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.input.prices).toEqual([
      { region: "RU", price: 210000, compareAtPrice: 250000, minimumPrice: null }, // 2,100.00 / 2,500.00 RUB
      { region: "CIS", price: 29, compareAtPrice: null, minimumPrice: null }, // 0.29 RUB: no float error
    ]);
    expect(parsed.input.baseCost).toBe(70010); // 700.10 RUB
    expect(parsed.input.priceTiers).toEqual([{ region: "RU", minQuantity: 3, unitPrice: 180000 }]); // 1,800.00 RUB from 3
    expect(parsed.tierRows).toEqual([0]);
    expect(parsed.input.commissions).toEqual([
      { kind: "FIXED", value: 40000 }, // 400.00 RUB
      { kind: "PERCENT", value: 250 }, // 2.5 %
    ]);
    expect(parsed.input.stock).toBe(120);
    expect(parsed.input.codCountries).toEqual(["RU", "KZ"]);
  });

  it("uses the currency's minor digits", () => {
    const parsed = parseProductForm(form({ ...base, currency: "JPY", "price.RU": "1500" }), digits);
    expect(parsed.ok && parsed.input.prices[0]?.price).toBe(1500); // 1,500 JPY
    const refused = parseProductForm(form({ ...base, currency: "JPY", "price.RU": "1500.5" }), digits);
    expect(refused).toEqual({ ok: false, fieldErrors: { "price.RU": ["products.errors.amountInvalid"] } });
  });

  it("reports every unparseable field under its form name", () => {
    const parsed = parseProductForm(
      form({ ...base, "price.RU": "12.345", "minimum.CIS": "10", "commission.kind": ["PERCENT"], "commission.value": ["x"], stockTracked: "on", stock: "" }),
      digits,
    );
    expect(parsed).toEqual({
      ok: false,
      fieldErrors: {
        "price.RU": ["products.errors.amountInvalid"],
        "price.CIS": ["products.errors.required"],
        "commission.0.value": ["products.errors.percentInvalid"],
        stock: ["products.errors.required"],
      },
    });
  });

  it("leaves stock untracked when the box is off", () => {
    const parsed = parseProductForm(form({ ...base, stock: "5" }), digits);
    expect(parsed.ok && parsed.input.stock).toBeNull();
  });
});

describe("formFieldOfPath", () => {
  it("maps domain paths to form field names", () => {
    const input = { prices: [{ region: "RU" }, { region: "CIS" }] } as never;
    expect(formFieldOfPath("prices.1.minimumPrice", input)).toBe("minimum.CIS");
    expect(formFieldOfPath("prices.0.price", input)).toBe("price.RU");
    expect(formFieldOfPath("priceTiers.2.minQuantity", input)).toBe("tier.2.minQuantity");
    expect(formFieldOfPath("commissions.1.value", input)).toBe("commission.1.value");
    expect(formFieldOfPath("slug", input)).toBe("slug");
    // An empty form row before it: the tier is the form's row 1.
    expect(formFieldOfPath("priceTiers.0.minQuantity", input, [1])).toBe("tier.1.minQuantity");
  });
});
