import { describe, expect, it } from "vitest";
import { shareTotals, sharesOfProduct, sharesOverLimit, type ShareRule } from "./effective-shares";

const rules: ShareRule[] = [
  { coOwnerId: "anna", productId: null, basisPoints: 3000 }, // 30 % of everything…
  { coOwnerId: "anna", productId: "diesel", basisPoints: 1000 }, // …but 10 % of the Diesel
  { coOwnerId: "boris", productId: "diesel", basisPoints: 5000 }, // 50 % of the Diesel only
  { coOwnerId: "vera", productId: null, basisPoints: 2500 },
];

describe("sharesOfProduct", () => {
  it("takes a co-owner's product rule over their all-products rule", () => {
    expect(Object.fromEntries(sharesOfProduct(rules, "diesel"))).toEqual({ anna: 1000, boris: 5000, vera: 2500 });
  });

  it("gives a product without rules of its own the all-products rules", () => {
    expect(Object.fromEntries(sharesOfProduct(rules, "casio"))).toEqual({ anna: 3000, vera: 2500 });
    expect(sharesOfProduct([], "casio").size).toBe(0);
  });
});

describe("shareTotals and sharesOverLimit", () => {
  it("adds the effective shares per product", () => {
    const totals = shareTotals(rules);
    expect(totals.allProducts).toBe(5500);
    expect(Object.fromEntries(totals.products)).toEqual({ diesel: 8500 });
    expect(sharesOverLimit(rules)).toEqual([]);
  });

  it("names the products over 100 %, and exactly 100 % is allowed", () => {
    expect(sharesOverLimit([...rules, { coOwnerId: "gleb", productId: "diesel", basisPoints: 1500 }])).toEqual([]);
    expect(sharesOverLimit([...rules, { coOwnerId: "gleb", productId: "diesel", basisPoints: 1501 }])).toEqual([{ productId: "diesel", basisPoints: 10001 }]);
    // A new all-products rule adds to the Diesel (gleb has no Diesel rule) and to every other product.
    expect(sharesOverLimit([...rules, { coOwnerId: "gleb", productId: null, basisPoints: 5000 }])).toEqual([
      { productId: null, basisPoints: 10500 },
      { productId: "diesel", basisPoints: 13500 },
    ]);
  });
});
