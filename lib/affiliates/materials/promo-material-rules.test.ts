import { describe, expect, it } from "vitest";
import { ZPromoMaterialInput } from "./promo-material-rules";

const errorsOf = (input: unknown) => {
  const parsed = ZPromoMaterialInput.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("ZPromoMaterialInput", () => {
  it("accepts a banner with a URL and a text with its text, blanks becoming null", () => {
    expect(ZPromoMaterialInput.parse({ title: " Banner ", kind: "BANNER", url: "https://cdn.example/b.png", productId: "", content: "  ", description: "" })).toEqual({
      title: "Banner",
      kind: "BANNER",
      url: "https://cdn.example/b.png",
      productId: null,
      content: null,
      description: null,
      isActive: true,
    });
    expect(ZPromoMaterialInput.parse({ title: "Post", kind: "TEXT", content: "Buy it", isActive: false })).toMatchObject({ kind: "TEXT", content: "Buy it", url: null, isActive: false });
  });

  it.each<[string, unknown, Record<string, string>]>([
    ["no title", { title: " ", kind: "TEXT", content: "x" }, { title: "promoMaterials.errors.titleRequired" }],
    ["an unknown kind", { title: "x", kind: "POSTER", url: "https://a.b" }, { kind: "promoMaterials.errors.kindInvalid" }],
    ["a banner without a URL", { title: "x", kind: "BANNER" }, { url: "promoMaterials.errors.urlRequired" }],
    ["a text without its text", { title: "x", kind: "TEXT", url: "https://a.b" }, { content: "promoMaterials.errors.contentRequired" }],
    ["a javascript: URL", { title: "x", kind: "LANDING", url: "javascript:alert(1)" }, { url: "promoMaterials.errors.urlInvalid" }],
    ["a URL without a scheme", { title: "x", kind: "FILE", url: "cdn.example/f.zip" }, { url: "promoMaterials.errors.urlInvalid" }],
    ["a title too long", { title: "x".repeat(201), kind: "TEXT", content: "x" }, { title: "promoMaterials.errors.titleTooLong" }],
  ])("refuses %s", (_name, input, expected) => {
    expect(errorsOf(input)).toEqual(expected);
  });
});
